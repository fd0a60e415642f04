import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { asciiFold } from '../content/content.js';
import type { LayoutBlock } from './layout.js';
import { theme } from './theme.js';
import { useUi } from './ui-options.js';

/** Where a scrolled view is: the first item shown (useScroll in src/hooks moves it). */
export type Scroll = { readonly offset: number };

/** The first item to show so that the view is full: the asked offset, no further than the last page. */
export function clampOffset(
  items: readonly Pick<LayoutBlock, 'lines'>[],
  height: number,
  offset: number,
): number {
  let last = items.length;
  let used = 0;
  while (last > 0) {
    const item = items[last - 1];
    if (!item || used + item.lines > height) break;
    used += item.lines;
    last -= 1;
  }
  return Math.max(0, Math.min(offset, last));
}

type Props = {
  readonly items: readonly (LayoutBlock & { readonly node: ReactNode })[];
  /** Rows the view may take. */
  readonly height: number;
  readonly scroll: Scroll;
};

/** Items in a window of `height` rows; the last row says whether more lies above, below, or both. */
export function ScrollView({ items, height, scroll }: Props) {
  const { ascii } = useUi();
  const total = items.reduce((sum, item) => sum + item.lines, 0);
  if (total <= height) {
    return (
      <Box flexDirection="column">
        {items.map((item) => (
          <Box key={item.id} flexDirection="column">
            {item.node}
          </Box>
        ))}
      </Box>
    );
  }
  const room = Math.max(1, height - 1);
  const start = clampOffset(items, room, scroll.offset);
  const shown: Array<(typeof items)[number]> = [];
  let used = 0;
  for (const item of items.slice(start)) {
    if (used + item.lines > room && shown.length > 0) break;
    shown.push(item);
    used += item.lines;
  }
  const below = start + shown.length < items.length;
  // Both ways when the window is in the middle: a reader must know that something lies above too.
  const marker = [start > 0 ? '↑ …' : '', below ? '↓ …' : ''].filter(Boolean).join('  ');
  return (
    <Box flexDirection="column">
      {shown.map((item) => (
        <Box key={item.id} flexDirection="column">
          {item.node}
        </Box>
      ))}
      <Text {...theme.hint}>{ascii ? asciiFold(marker) : marker}</Text>
    </Box>
  );
}
