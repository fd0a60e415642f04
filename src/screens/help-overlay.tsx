import { Box, Text } from 'ink';
import { theme } from '../components/theme.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import { asciiFold } from '../content/content.js';
import { useLatestInput } from '../hooks/use-screen-keys.js';

type Props = {
  readonly content: Content;
  readonly onClose: () => void;
};

/** The keys and what they do; `?` or Esc closes it. */
export function HelpOverlay({ content, onClose }: Props) {
  const { ascii } = useUi();
  useLatestInput((input, key) => {
    if (input === '?' || key.escape || input === 'q') onClose();
  });
  const help = content.ui.help;
  const fold = (text: string) => (ascii ? asciiFold(text) : text);
  return (
    <Box flexDirection="column">
      <Text {...theme.title}>{help.title}</Text>
      <Box flexDirection="column" marginTop={1}>
        {help.rows.map(([key = '', action = '']) => (
          <Box key={key}>
            <Box width={17} flexShrink={0}>
              <Text {...theme.key}>{fold(key)}</Text>
            </Box>
            <Text wrap="wrap">{fold(action)}</Text>
          </Box>
        ))}
      </Box>
      <Box marginTop={1}>
        <Text wrap="wrap">{help.fieldNote}</Text>
      </Box>
      <Box marginTop={1}>
        <Text {...theme.hint}>{fold(help.close)}</Text>
      </Box>
    </Box>
  );
}
