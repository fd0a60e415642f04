import { describe, expect, it } from 'vitest';
import { formatDollars, parseAmount } from '../../src/wizard/amount.js';

describe('parseAmount', () => {
  it.each([
    ['10', '10', false],
    ['5', '5', false],
    ['12.5', '12.5', false],
    ['12.50', '12.5', false],
    ['$20', '20', false],
    ['  25 ', '25', false],
    ['100', '100', false],
    ['100.01', '100.01', true],
    ['250', '250', true],
    ['０１０', '10', false],
    ['１２．５０', '12.5', false],
    ['＄３０', '30', false],
    ['007', '7', false],
  ])('accepts %j as %s (above the guide: %s)', (raw, value, aboveGuide) => {
    expect(parseAmount(raw)).toMatchObject({ ok: true, value, aboveGuide });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ten', 'notNumber'],
    ['10abc', 'notNumber'],
    ['1e3', 'notNumber'],
    ['.', 'notNumber'],
    ['10,5', 'notNumber'],
    ['-10', 'negative'],
    ['－１０', 'negative'],
    ['4.99', 'belowMinimum'],
    ['0', 'belowMinimum'],
    ['10.123', 'tooManyDecimals'],
    ['５.５５５', 'tooManyDecimals'],
  ])('refuses %j with %s', (raw, error) => {
    expect(parseAmount(raw)).toEqual({ ok: false, error });
  });

  it('uses the given minimum', () => {
    expect(parseAmount('3', 1)).toMatchObject({ ok: true, value: '3' });
  });

  it('shows cents only when there are some', () => {
    expect(formatDollars('10')).toBe('10');
    expect(formatDollars('12.5')).toBe('12.50');
  });

  it.each([
    ['999', '999'],
    ['1000', '1,000'],
    ['2500', '2,500'],
    ['12345.6', '12,345.60'],
    ['1000000', '1,000,000'],
  ])('groups thousands: %s shows as %s', (value, shown) => {
    expect(formatDollars(value)).toBe(shown);
  });
});
