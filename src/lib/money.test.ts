import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, toMajorUnits, toMinorUnits } from './money';

describe('money', () => {
  it.each([
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['not-a-currency', 2],
  ])('%s has %i minor digits', (currency, digits) => {
    expect(minorDigits(currency)).toBe(digits);
  });

  it.each([
    [12345, 'USD', '$123.45'],
    ['500', 'USD', '$5.00'],
    [1500, 'JPY', '¥1,500'],
    [0, 'EUR', '€0.00'],
    [-250, 'USD', '-$2.50'],
  ])('formats %s %s as %s', (minor, currency, text) => {
    expect(formatMoney(minor, currency, 'en-US')).toBe(text);
  });

  it('formats nothing for a missing amount', () => {
    expect(formatMoney(null, 'USD')).toBe('');
  });

  it.each([
    [123.45, 'USD', 12345],
    [0.1 + 0.2, 'USD', 30],
    [19.999, 'USD', 2000],
    [1500, 'JPY', 1500],
    [1.2345, 'KWD', 1235],
    [-2.5, 'USD', -250],
  ])('%s %s is %i minor units', (major, currency, minor) => {
    expect(toMinorUnits(major, currency)).toBe(minor);
  });

  it('round-trips minor units through major units', () => {
    for (const minor of [0, 1, 99, 100, 12345, 99999999])
      expect(toMinorUnits(toMajorUnits(minor, 'USD'), 'USD')).toBe(minor);
  });
});
