import { Box, Text } from 'ink';
import { theme } from '../components/theme.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import { asciiFold } from '../content/content.js';
import { useLatestInput } from '../hooks/use-screen-keys.js';
import { useSyncState } from '../hooks/use-sync-state.js';
import type { WizardState } from '../wizard/reducer.js';
import { STEPS, type StepId } from '../wizard/steps.js';

type Props = {
  readonly state: WizardState;
  readonly content: Content;
  /** Whether the list takes keys (false when it only stands beside the screen). */
  readonly interactive: boolean;
  readonly onGo: (step: StepId) => void;
  readonly onClose: () => void;
};

/** All 14 steps with ✓ done, ● current, ○ not reached; Enter jumps to any step already reached. */
export function StepList({ state, content, interactive, onGo, onClose }: Props) {
  const { ascii } = useUi();
  const [cursor, setCursor, currentCursor] = useSyncState(state.index);
  useLatestInput((input, key) => {
    if (key.escape || input === 's' || input === 'q') return onClose();
    if (key.upArrow) setCursor((c) => Math.max(0, c - 1));
    if (key.downArrow) setCursor((c) => Math.min(state.reached, c + 1));
    const step = STEPS[currentCursor()];
    if (key.return && step && currentCursor() <= state.reached) onGo(step.id);
  }, interactive);
  const list = content.ui.stepList;
  return (
    <Box flexDirection="column" aria-role="list">
      <Text {...theme.title}>{list.title}</Text>
      {STEPS.map((step, index) => {
        const status = index === state.index ? 'current' : index <= state.reached ? 'done' : 'todo';
        const symbol = { done: '✓', current: '●', todo: '○' }[status];
        const pointer = interactive && index === cursor ? (ascii ? '>' : '❯') : ' ';
        const name = content.steps[step.id].name;
        return (
          <Box key={step.id} aria-role="listitem" aria-label={`${index + 1}. ${name}: ${list[status]}`}>
            <Text
              {...theme[status]}
            >{`${pointer}${ascii ? asciiFold(symbol) : symbol} ${index + 1}. ${name}`}</Text>
          </Box>
        );
      })}
      {interactive ? <Text {...theme.hint}>{ascii ? asciiFold(list.hint) : list.hint}</Text> : null}
    </Box>
  );
}
