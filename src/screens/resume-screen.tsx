import { Box, Text } from 'ink';
import { ChoiceList } from '../components/choice-list.js';
import { KeyHints } from '../components/key-hints.js';
import { ProgressBar } from '../components/progress-bar.js';
import { theme } from '../components/theme.js';
import { type Content, fill } from '../content/content.js';
import { useScreenKeys } from '../hooks/use-screen-keys.js';
import { useSyncState } from '../hooks/use-sync-state.js';
import { type Flow, flowStepAt, stepText } from '../wizard/flow.js';

type Props = {
  readonly content: Content;
  /** Where the saved run stopped (0-based), in the guide it walks. */
  readonly index: number;
  readonly flow: Flow;
  readonly onChoose: (resume: boolean) => void;
};

/** Offered when saved progress exists: continue at step N, or start over. */
export function ResumeScreen({ content, index, flow, onChoose }: Props) {
  const [selected, setSelected, currentSelected] = useSyncState(0);
  useScreenKeys({
    up: () => setSelected(0),
    down: () => setSelected(1),
    next: () => onChoose(currentSelected() === 0),
    back: () => undefined,
    jump: () => undefined,
    steps: () => undefined,
  });
  const text = content.ui.resume;
  const name = stepText(flowStepAt(flow, index), content, flow.vars).name;
  const vars = { n: index + 1, total: flow.steps.length, name };
  const h = content.ui.hints;
  return (
    <Box flexDirection="column">
      <ProgressBar number={index + 1} total={flow.steps.length} name={name} template={content.ui.progress} />
      <Box marginTop={1}>
        <Text {...theme.title}>{text.title}</Text>
      </Box>
      <Box marginTop={1}>
        <Text wrap="wrap">{fill(text.body, vars)}</Text>
      </Box>
      <Box marginTop={1}>
        <ChoiceList
          options={[
            { value: 'continue', label: fill(text.continue, vars) },
            { value: 'restart', label: text.restart },
          ]}
          selected={selected}
        />
      </Box>
      <Box marginTop={1}>
        <KeyHints
          hints={[
            ['↑↓', h.move],
            ['Enter', h.choose],
            ['l', h.lang],
            ['q', h.quit],
          ]}
        />
      </Box>
    </Box>
  );
}
