/** The key hints screens share, as data: pure, so that the static first frame draws the same ones. */
import type { Hint } from '../components/layout.js';
import type { Content } from '../content/content.js';
import type { FlowStep } from '../wizard/flow.js';

/** The usual key hints for a screen without a text field. */
export function navHints(content: Content, step: FlowStep, extra: readonly Hint[] = []): Hint[] {
  const h = content.ui.hints;
  // Every guide starts at the welcome screen.
  const first = step.id === 'welcome';
  return [
    ...extra,
    ...(extra.some(([key]) => key === 'Enter') ? [] : ([['Enter', h.next]] as Hint[])),
    ...(first ? [] : ([['←', h.back]] as Hint[])),
    ['s', h.steps],
    ...(step.url ? ([['o', h.open]] as Hint[]) : []),
    ['?', h.help],
    ['l', h.lang],
    ['q', h.quit],
  ];
}

/** Key hints while a choice has the keyboard: move, choose, and the usual ones. */
export function choiceHints(content: Content, step: FlowStep): Hint[] {
  const h = content.ui.hints;
  return navHints(content, step, [
    ['↑↓', h.move],
    ['Enter', h.choose],
  ]);
}

/** Key hints for a screen whose text field has the keyboard. */
export function fieldHints(content: Content): Hint[] {
  const h = content.ui.hints;
  return [
    ['Enter', h.submit],
    ['Esc', h.back],
    ['Ctrl+C', h.quit],
  ];
}
