import { Box, Text } from 'ink';
import Link from 'ink-link';
import { breakUrl } from './layout.js';
import { theme } from './theme.js';
import { useUi } from './ui-options.js';

type Props = {
  readonly url: string;
  /** The clickable text, in the chosen language. */
  readonly text: string;
};

/** Rows a page link takes: its words, and the bare URL broken after slashes (layout.ts breakUrl). */
export function pageLinkLines(url: string, columns: number): number {
  return 1 + (breakUrl(url, columns)?.length ?? 0);
}

/**
 * A clickable link (OSC 8 where the terminal supports it) and the plain URL on its own line(s), with nothing
 * else on them, broken after a `/` where it can be, so the target is always in view.
 */
export function PageLink({ url, text }: Props) {
  const { columns } = useUi();
  const lines = breakUrl(url, columns) ?? [];
  return (
    <Box flexDirection="column">
      <Link url={url} fallback={false}>
        <Text {...theme.url} underline>
          {text}
        </Text>
      </Link>
      {lines.map((line) => (
        <Text key={line} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}

/** A bare URL alone on its line(s), broken after a `/` where it can be (layout.ts breakUrl). */
export function BareUrl({ url }: { readonly url: string }) {
  const { columns } = useUi();
  return (
    <Box flexDirection="column">
      {(breakUrl(url, columns) ?? []).map((line) => (
        <Text key={line} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
