/** A scrolled window says which ways more lies: above, below, or both (in ASCII with --ascii). */
import { Text } from 'ink';
import { describe, expect, it } from 'vitest';
import { ScrollView } from '../../src/components/scroll-view.js';
import { UiContext } from '../../src/components/ui-options.js';
import { render } from '../helpers/render.js';

const items = Array.from({ length: 10 }, (_, index) => ({
  id: `${index}`,
  lines: 1,
  role: 'must' as const,
  margin: false,
  node: <Text>{`item ${index}`}</Text>,
}));

function drawn(offset: number, ascii = false): string {
  const app = render(
    <UiContext.Provider value={{ ascii, color: false, screenReader: false, columns: 40, rows: 24 }}>
      <ScrollView items={items} height={4} scroll={{ offset }} />
    </UiContext.Provider>,
  );
  const frame = app.frame();
  app.instance.unmount();
  return frame.trimEnd().split('\n').at(-1) ?? '';
}

describe('ScrollView', () => {
  it('marks more below at the top, both ways in the middle, and more above at the end', () => {
    expect(drawn(0)).toBe('↓ …');
    expect(drawn(3)).toBe('↑ …  ↓ …');
    expect(drawn(9)).toBe('↑ …');
  });

  it('folds its marks with --ascii', () => {
    expect(drawn(3, true)).toBe('^ ...  v ...');
  });
});
