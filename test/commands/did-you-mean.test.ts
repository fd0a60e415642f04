import { describe, expect, it } from 'vitest';
import { closestChoice } from '../../src/commands/did-you-mean.js';

const COMMANDS = ['check', 'serve', 'team', 'help'];

describe('closestChoice', () => {
  it.each([
    ['chekc', COMMANDS, 'check'],
    ['chek', COMMANDS, 'check'],
    ['CHECK', COMMANDS, 'check'],
    ['srve', COMMANDS, 'serve'],
    ['tema', COMMANDS, 'team'],
    ['jsno', ['json', 'lang', 'demo'], 'json'],
    ['kr', ['ko', 'en'], 'ko'],
    ['wait', ['wait-for-credit', 'timeout'], 'wait-for-credit'],
    ['key-std', ['key-stdin', 'json'], 'key-stdin'],
    ['no-credi', ['no-credit', 'no-credit-then-ok', 'success'], 'no-credit'],
  ])('%s → %s', (word, choices, expected) => {
    expect(closestChoice(word, choices)).toBe(expected);
  });

  it.each([
    ['fr', ['ko', 'en']],
    ['xyzzy', COMMANDS],
    ['', COMMANDS],
    ['no', ['no-credit', 'no-organization']],
    ['no-c', ['no-credit', 'no-credit-then-ok']],
  ])('%j suggests nothing from %j', (word, choices) => {
    expect(closestChoice(word, choices)).toBeUndefined();
  });
});
