import { afterEach, describe, expect, it } from 'vitest';
import { fill, isTokenName, UNFILLED, UnfilledTokenError } from '../../src/content/content.js';

const NODE_ENV = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = NODE_ENV;
});

describe('fill', () => {
  it('fills every token with its value', () => {
    expect(fill('{n}/{total} {name}', { n: 3, total: 14, name: 'Card' })).toBe('3/14 Card');
  });

  it('refuses a token without a value: in tests it throws, naming the token', () => {
    expect(() => fill('Trying again in {seconds} s', {})).toThrow(UnfilledTokenError);
    expect(() => fill('Trying again in {seconds} s', {})).toThrow('{seconds}');
  });

  it('in the production bundle draws … instead, never the {token}', () => {
    process.env.NODE_ENV = 'production';
    expect(fill('Trying again in {seconds} s', {})).toBe(`Trying again in ${UNFILLED} s`);
  });

  it('inserts values as they are, never reading them again for tokens', () => {
    expect(fill('{model} replied', { model: '{seconds}' })).toBe('{seconds} replied');
  });

  it('leaves text that only looks like a token when no locale sentence uses that name', () => {
    expect(isTokenName('seconds')).toBe(true);
    expect(isTokenName('notAToken')).toBe(false);
    expect(fill('a model named {notAToken}')).toBe('a model named {notAToken}');
  });
});
