import type { Key } from 'ink';
import { Text } from 'ink';
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
