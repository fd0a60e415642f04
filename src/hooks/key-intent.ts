/** Which wizard intent a key press means (../shared/CLI.md, "Keys in the wizard"). Pure, table-tested. */
import type { Key } from 'ink';

/** What a key asks for. */
export type Intent =
  | { readonly type: 'next' }
  | { readonly type: 'back' }
  | { readonly type: 'up' }
  | { readonly type: 'down' }
  | { readonly type: 'jump'; readonly number: number }
  | { readonly type: 'steps' }
  | { readonly type: 'open' }
  | { readonly type: 'copy' }
  | { readonly type: 'lang' }
  | { readonly type: 'help' }
  | { readonly type: 'quit' }
  | { readonly type: 'retry' }
  | { readonly type: 'wait' }
  | { readonly type: 'submit' }
  | { readonly type: 'interrupt' }
  | { readonly type: 'type'; readonly input: string; readonly key: Partial<Key> };

/** A screen either uses keys for navigation, or has a text field that takes most of them. */
export type KeyMode = 'screen' | 'field';

const LETTERS: Readonly<Record<string, Intent['type']>> = {
  s: 'steps',
  o: 'open',
  c: 'copy',
  l: 'lang',
  '?': 'help',
  q: 'quit',
  // Only the test-call screen acts on these: try again, wait for credit.
  r: 'retry',
  w: 'wait',
};

/** Maps one key press to an intent. In a field, only Enter, Esc and Ctrl+C are not typing. */
export function keyToIntent(input: string, key: Partial<Key>, mode: KeyMode): Intent | undefined {
  if (key.ctrl && input === 'c') return { type: 'interrupt' };
  if (mode === 'field') {
    if (key.return) return { type: 'submit' };
    if (key.escape) return { type: 'back' };
    return { type: 'type', input, key };
  }
  if (key.return || key.rightArrow) return { type: 'next' };
  // Ink 6 reports the Backspace most terminals send (0x7f) as `delete`.
  if (key.leftArrow || key.backspace || key.delete || key.escape) return { type: 'back' };
  if (key.upArrow) return { type: 'up' };
  if (key.downArrow) return { type: 'down' };
  if (key.ctrl || key.meta) return undefined;
  if (/^[1-9]$/.test(input)) return { type: 'jump', number: Number(input) };
  const letter = LETTERS[input];
  return letter ? ({ type: letter } as Intent) : undefined;
}
