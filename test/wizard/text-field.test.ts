import { describe, expect, it } from 'vitest';
import { keyToEdit } from '../../src/components/text-field.js';
import { textField, textFieldReducer } from '../../src/wizard/text-field.js';

describe('Ctrl+U in a text field', () => {
  it('maps to clear', () => {
    expect(keyToEdit('u', { ctrl: true })).toEqual({ type: 'clear' });
    // Without Ctrl it is the letter u.
    expect(keyToEdit('u', {})).toEqual({ type: 'insert', text: 'u' });
  });

  it('empties the field wherever the cursor is', () => {
    const moved = textFieldReducer(textField('12.50'), { type: 'home' });
    expect(textFieldReducer(moved, { type: 'clear' })).toEqual({ value: '', cursor: 0 });
  });
});
