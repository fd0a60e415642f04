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

describe('what a field takes', () => {
  it('drops control and format characters typed or pasted into it', () => {
    const typed = textFieldReducer(textField(''), { type: 'insert', text: '1\u202e0\u0000\u009b\u200b' });
    expect(typed.value).toBe('10');
  });
});
