import { Box, Text, Transform } from 'ink';
import type { ReactNode } from 'react';
import { KeyHints } from '../components/key-hints.js';
import { type Hint, hintLines } from '../components/layout.js';
import { dropWrapSpace } from '../components/measure.js';
import { ScrollView } from '../components/scroll-view.js';
import { wrapText } from '../components/text-width.js';
import { theme } from '../components/theme.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import { asciiFold } from '../content/content.js';
import { useLatestInput } from '../hooks/use-screen-keys.js';
import { useScroll } from '../hooks/use-scroll.js';

type Props = {
  readonly content: Content;
  /** The step's progress line, kept on top so the reader knows where they are. */
  readonly progress: ReactNode;
  readonly onClose: () => void;
};

/** The width of the key column. */
const KEY_COLUMN = 17;

/** The keys and what they do; `?` or Esc closes it; ↑↓ PgUp PgDn scroll it where it is taller than the terminal. */
export function HelpOverlay({ content, progress, onClose }: Props) {
  const { ascii, columns, rows } = useUi();
  useLatestInput((input, key) => {
    if (input === '?' || key.escape || input === 'q') onClose();
  });
  const scroll = useScroll(true);
  const help = content.ui.help;
  const fold = (text: string) => (ascii ? asciiFold(text) : text);
  const items = help.rows.map(([key = '', action = '']) => ({
    id: key,
    role: 'must' as const,
    margin: false,
    lines: wrapText(fold(action), Math.max(1, columns - KEY_COLUMN)).length,
    node: (
      <Box>
        <Box width={KEY_COLUMN} flexShrink={0}>
          <Text {...theme.key}>{fold(key)}</Text>
        </Box>
        <Transform transform={dropWrapSpace}>
          <Text wrap="wrap">{fold(action)}</Text>
        </Transform>
      </Box>
    ),
  }));
  items.push({
    id: 'field-note',
    role: 'must',
    margin: false,
    lines: 1 + wrapText(help.fieldNote, columns).length,
    node: (
      <Box marginTop={1}>
        <Text wrap="wrap">{help.fieldNote}</Text>
      </Box>
    ),
  });
  const hints: Hint[] = [
    ['↑↓', content.ui.hints.scroll],
    ['?', content.ui.hints.close],
  ];
  // Progress, a blank row, the title, a blank row, the rows, a blank row, the hints; one row spare.
  const room =
    rows - 1 - (1 + 1 + wrapText(help.title, columns).length + 1 + 1 + hintLines(hints, columns, ascii));
  return (
    <Box flexDirection="column">
      {progress}
      <Box marginTop={1}>
        <Text {...theme.title}>{help.title}</Text>
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <ScrollView items={items} height={Math.max(2, room)} scroll={scroll} />
      </Box>
      <Box marginTop={1}>
        <KeyHints hints={hints} />
      </Box>
    </Box>
  );
}
