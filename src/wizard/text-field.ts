/** A one-line text field as a pure reducer: the value and where the cursor is. */

/** The field's state. */
export type TextFieldState = { readonly value: string; readonly cursor: number };

/** Edits a field can take. */
export type TextFieldAction =
  | { readonly type: 'insert'; readonly text: string }
  | { readonly type: 'delete-back' }
  | { readonly type: 'delete-forward' }
  | { readonly type: 'left' }
  | { readonly type: 'right' }
  | { readonly type: 'home' }
  | { readonly type: 'end' }
  /** Ctrl+U: empty the field. */
  | { readonly type: 'clear' }
  | { readonly type: 'set'; readonly value: string };

/** A field holding `value`, cursor at the end. */
export function textField(value = ''): TextFieldState {
  return { value, cursor: [...value].length };
}

// Work in code points so that Korean and other non-BMP text moves one character at a time.
function chars(value: string): string[] {
  return [...value];
}

/**
 * Removes terminal control characters and Unicode format characters (a bidirectional override typed or
 * pasted would reorder what the screen shows), and the ESC-less bracketed-paste markers Ink 6 passes on.
 */
export function stripControl(text: string): string {
  return text.replace(/\u001b\[20[01]~|\[20[01]~/g, '').replace(/[\u0000-\u001f\u007f-\u009f]|\p{Cf}/gu, '');
}

/** The field reducer. */
export function textFieldReducer(state: TextFieldState, action: TextFieldAction): TextFieldState {
  const current = chars(state.value);
  switch (action.type) {
    case 'insert': {
      const text = chars(stripControl(action.text));
      if (text.length === 0) return state;
      current.splice(state.cursor, 0, ...text);
      return { value: current.join(''), cursor: state.cursor + text.length };
    }
    case 'delete-back':
      if (state.cursor === 0) return state;
      current.splice(state.cursor - 1, 1);
      return { value: current.join(''), cursor: state.cursor - 1 };
    case 'delete-forward':
      if (state.cursor >= current.length) return state;
      current.splice(state.cursor, 1);
      return { value: current.join(''), cursor: state.cursor };
    case 'left':
      return { ...state, cursor: Math.max(0, state.cursor - 1) };
    case 'right':
      return { ...state, cursor: Math.min(current.length, state.cursor + 1) };
    case 'home':
      return { ...state, cursor: 0 };
    case 'end':
      return { ...state, cursor: current.length };
    case 'clear':
      return textField('');
    case 'set':
      return textField(action.value);
  }
}
