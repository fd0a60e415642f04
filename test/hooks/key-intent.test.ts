import { describe, expect, it } from 'vitest';
import { keyToIntent } from '../../src/hooks/key-intent.js';

describe('keyToIntent on a screen without a text field', () => {
  it.each([
    ['Enter', '', { return: true }, { type: 'next' }],
    ['→', '', { rightArrow: true }, { type: 'next' }],
    ['←', '', { leftArrow: true }, { type: 'back' }],
    ['Backspace (0x7f, reported as delete)', '', { delete: true }, { type: 'back' }],
    ['Backspace (0x08)', '', { backspace: true }, { type: 'back' }],
    ['Esc', '', { escape: true }, { type: 'back' }],
    ['↑', '', { upArrow: true }, { type: 'up' }],
    ['↓', '', { downArrow: true }, { type: 'down' }],
    ['3', '3', {}, { type: 'jump', number: 3 }],
    ['9', '9', {}, { type: 'jump', number: 9 }],
    ['s', 's', {}, { type: 'steps' }],
    ['o', 'o', {}, { type: 'open' }],
    ['c', 'c', {}, { type: 'copy' }],
    ['l', 'l', {}, { type: 'lang' }],
    ['?', '?', {}, { type: 'help' }],
    ['q', 'q', {}, { type: 'quit' }],
    ['Ctrl+C', 'c', { ctrl: true }, { type: 'interrupt' }],
  ])('%s', (_name, input, key, intent) => {
    expect(keyToIntent(input, key, 'screen')).toEqual(intent);
  });

  it.each([['0'], ['x'], ['Q']])('ignores %s', (input) => {
    expect(keyToIntent(input, {}, 'screen')).toBeUndefined();
  });
});

describe('keyToIntent in a text field', () => {
  it('submits on Enter and goes back on Esc', () => {
    expect(keyToIntent('', { return: true }, 'field')).toEqual({ type: 'submit' });
    expect(keyToIntent('', { escape: true }, 'field')).toEqual({ type: 'back' });
  });

  it.each([['q'], ['s'], ['l'], ['?'], ['3'], ['o']])('types %s instead of using it as a key', (input) => {
    expect(keyToIntent(input, {}, 'field')).toMatchObject({ type: 'type', input });
  });

  it('passes Backspace and arrows to the field', () => {
    expect(keyToIntent('', { delete: true }, 'field')).toMatchObject({ type: 'type' });
    expect(keyToIntent('', { leftArrow: true }, 'field')).toMatchObject({ type: 'type' });
  });

  it('still treats Ctrl+C as interrupt', () => {
    expect(keyToIntent('c', { ctrl: true }, 'field')).toEqual({ type: 'interrupt' });
  });
});
