import { Box, Text } from 'ink';
import Link from 'ink-link';
import { theme } from './theme.js';

type Props = {
  readonly url: string;
  /** The clickable text, in the chosen language. */
  readonly text: string;
};

/**
 * A clickable link (OSC 8 where the terminal supports it) and the plain URL on its own line(s), with
 * nothing else on them, so it copies cleanly even when it wraps.
 */
export function PageLink({ url, text }: Props) {
  return (
    <Box flexDirection="column">
      <Link url={url} fallback={false}>
        <Text {...theme.url} underline>
          {text}
        </Text>
      </Link>
      <Text wrap="wrap">{url}</Text>
    </Box>
  );
}
