import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { ScrollView } from '../components/scroll-view.js';
import { wrapText } from '../components/text-width.js';
import { theme } from '../components/theme.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import { asciiFold } from '../content/content.js';
import { useLatestInput } from '../hooks/use-screen-keys.js';
import { useSyncState } from '../hooks/use-sync-state.js';
import { stepText } from '../wizard/flow.js';
import type { WizardState } from '../wizard/reducer.js';

type Props = {
  readonly state: WizardState;
  readonly content: Content;
  /** Whether the list takes keys (false when it only stands beside the screen). */
  readonly interactive: boolean;
  /** The step's progress line, on top when the list is the whole screen. */
  readonly progress?: ReactNode;
  readonly onGo: (step: string) => void;
  readonly onClose: () => void;
};

/** Columns the list takes beside the screen. */
export const SIDE_LIST_WIDTH = 28;

/**
 * All steps with ✓ done, ● current, ○ not reached; Enter jumps to any step already reached. As a whole screen
 * it keeps the progress line on top and scrolls with the cursor where the list is taller than the terminal.
 */
export function StepList({ state, content, interactive, progress, onGo, onClose }: Props) {
  const { ascii, columns, rows } = useUi();
  const [cursor, setCursor, currentCursor] = useSyncState(state.index);
  useLatestInput((input, key) => {
    if (key.escape || input === 's' || input === 'q') return onClose();
    if (key.upArrow) setCursor((c) => Math.max(0, c - 1));
    if (key.downArrow) setCursor((c) => Math.min(state.reached, c + 1));
    if (key.pageUp) setCursor((c) => Math.max(0, c - 5));
    if (key.pageDown) setCursor((c) => Math.min(state.reached, c + 5));
    const step = state.flow.steps[currentCursor()];
    if (key.return && step && currentCursor() <= state.reached) onGo(step.id);
  }, interactive);
  const list = content.ui.stepList;
  const fold = (text: string) => (ascii ? asciiFold(text) : text);
  const width = interactive ? columns : SIDE_LIST_WIDTH;
  const items = state.flow.steps.map((step, index) => {
    const status = index === state.index ? 'current' : index <= state.reached ? 'done' : 'todo';
    const symbol = { done: '✓', current: '●', todo: '○' }[status];
    const pointer = interactive && index === cursor ? (ascii ? '>' : '❯') : ' ';
    const name = stepText(step, content, state.flow.vars).name;
    const text = `${pointer}${fold(symbol)} ${index + 1}. ${name}`;
    return {
      id: step.id,
      role: 'must' as const,
      margin: false,
      lines: wrapText(text, width).length,
      node: (
        <Box aria-role="listitem" aria-label={`${index + 1}. ${name}: ${list[status]}`}>
          <Text {...theme[status]}>{text}</Text>
        </Box>
      ),
    };
  });
  if (!interactive) {
    return (
      <Box flexDirection="column" aria-role="list">
        <Text {...theme.title}>{list.title}</Text>
        {items.map((item) => (
          <Box key={item.id}>{item.node}</Box>
        ))}
      </Box>
    );
  }
  // Progress, a blank row, the title, the list, the hint; one row spare.
  const hint = fold(list.hint);
  const room = rows - 1 - (1 + 1 + 1 + wrapText(hint, columns).length);
  // The cursor stays in view: the list starts early enough to show it.
  const before = items.slice(0, cursor + 1);
  let offset = 0;
  for (
    let used = before.reduce((sum, item) => sum + item.lines, 0);
    used > room - 1 && offset < cursor;
    offset++
  ) {
    used -= before[offset]?.lines ?? 0;
  }
  return (
    <Box flexDirection="column">
      {progress}
      <Box marginTop={1}>
        <Text {...theme.title}>{list.title}</Text>
      </Box>
      <Box flexDirection="column" aria-role="list">
        <ScrollView items={items} height={Math.max(2, room)} scroll={{ offset }} />
      </Box>
      <Text {...theme.hint}>{hint}</Text>
    </Box>
  );
}
