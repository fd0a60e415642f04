/** Keys that scroll a view taller than the terminal: help, the step list, what moved behind Tab. */
import type { Scroll } from '../components/scroll-view.js';
import { useLatestInput } from './use-screen-keys.js';
import { useSyncState } from './use-sync-state.js';

/**
 * ↑ ↓ move a scrolled view by one item, PgUp PgDn by a page, while `active`. The view clamps the offset,
 * since only it knows how many items there are.
 */
export function useScroll(active: boolean, page = 5): Scroll {
  const [offset, setOffset] = useSyncState(0);
  useLatestInput(
    (_input, key) => {
      if (key.upArrow) setOffset((at) => Math.max(0, at - 1));
      else if (key.downArrow) setOffset((at) => at + 1);
      else if (key.pageUp) setOffset((at) => Math.max(0, at - page));
      else if (key.pageDown) setOffset((at) => at + page);
    },
    () => active,
  );
  return { offset };
}
