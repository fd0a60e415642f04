import type { Key } from 'ink';
import { Text } from 'ink';
import { maskKey } from '../text/secrets.js';
import type { TextFieldAction, TextFieldState } from '../wizard/text-field.js';
import { theme } from './theme.js';
import { useUi } from './ui-options.js';

/** Turns a key typed into a field into an edit, or undefined when the key does not edit. */
export function keyToEdit(input: string, key: Partial<Key>): TextFieldAction | undefined {
  // Ink 6 reports the Backspace most terminals send (0x7f) as `delete`.
  if (key.backspace || key.delete) return { type: 'delete-back' };
  if (key.leftArrow) return { type: 'left' };
  if (key.rightArrow) return { type: 'right' };
  if (key.home) return { type: 'home' };
  if (key.end) return { type: 'end' };
  // Ctrl+U empties the field, as it empties the line in a shell.
  if (key.ctrl && input === 'u') return { type: 'clear' };
  if (key.upArrow || key.downArrow || key.tab || key.pageUp || key.pageDown || key.ctrl || key.meta)
    return undefined;
  return input ? { type: 'insert', text: input } : undefined;
}

// An OpenAI-style key anywhere in a field's text.
const KEY_SHAPED = /sk-[A-Za-z0-9_-]{12,}/g;

type Props = {
  /** What the field asks for, drawn before it. */
  readonly label: string;
  readonly state: TextFieldState;
  /** Whether the field has the keyboard (draws the cursor). */
  readonly focused: boolean;
};

/** A one-line field with a visible cursor. */
export function TextField({ label, state, focused }: Props) {
  const { screenReader } = useUi();
  // A key pasted into the wrong field (an amount) is shown masked, as it is everywhere else; in a field,
  // even glued to what was there before it.
  const masked = state.value.replace(KEY_SHAPED, (found) => maskKey(found));
  if (masked !== state.value) {
    return (
      <Text wrap="wrap">
        <Text>{label}</Text>
        <Text {...theme.field}>{masked}</Text>
        {focused && !screenReader ? <Text {...theme.cursor}> </Text> : null}
      </Text>
    );
  }
  const chars = [...state.value];
  const before = chars.slice(0, state.cursor).join('');
  const at = chars[state.cursor] ?? ' ';
  const after = chars.slice(state.cursor + 1).join('');
  if (screenReader) return <Text aria-label={label}>{`${label}${state.value}`}</Text>;
  return (
    <Text wrap="wrap">
      <Text>{label}</Text>
      <Text {...theme.field}>{before}</Text>
      {focused ? <Text {...theme.cursor}>{at}</Text> : <Text {...theme.field}>{at}</Text>}
      <Text {...theme.field}>{after}</Text>
    </Text>
  );
}
