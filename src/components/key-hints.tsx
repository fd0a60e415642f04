import { Box, Text } from 'ink';
import { asciiFold } from '../content/content.js';
import { type Hint, hintSeparator, layoutHints } from './layout.js';
import { theme } from './theme.js';
import { useUi } from './ui-options.js';

export type { Hint } from './layout.js';

type Props = {
  readonly hints: readonly Hint[];
};

/** The keys that work on this screen: lines break between hints, never between a key and its words. */
export function KeyHints({ hints }: Props) {
  const { ascii, columns } = useUi();
  const sep = hintSeparator(ascii);
  const fold = (text: string) => (ascii ? asciiFold(text) : text);
  return (
    <Box flexDirection="column">
      {layoutHints(hints, columns, ascii).map((line) => (
        <Text key={line.map(([key]) => key).join(' ')} wrap="wrap">
          {line.map(([key, action], index) => (
            <Text key={key}>
              {index > 0 ? <Text {...theme.hint}>{sep}</Text> : null}
              <Text {...theme.key}>{fold(key)}</Text>
              <Text {...theme.hint}>{` ${fold(action)}`}</Text>
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
