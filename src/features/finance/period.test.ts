import { describe, expect, it } from 'vitest';
import { change, defaultInterval, periodFromSearch, presetPeriod, previousPeriod } from './period';

describe('presetPeriod', () => {
  it.each([
    ['7d', { from: '2026-12-01', to: '2026-12-07' }],
    ['30d', { from: '2026-11-08', to: '2026-12-07' }],
    ['month', { from: '2026-12-01', to: '2026-12-07' }],
    ['last-month', { from: '2026-11-01', to: '2026-11-30' }],
    ['quarter', { from: '2026-10-01', to: '2026-12-07' }],
    ['ytd', { from: '2026-01-01', to: '2026-12-07' }],
    ['12m', { from: '2025-12-08', to: '2026-12-07' }],
  ] as const)('%s', (preset, period) => {
    expect(presetPeriod(preset, '2026-12-07')).toEqual(period);
  });
});

describe('periodFromSearch', () => {
  it('reads a valid range and falls back to 30 days otherwise', () => {
    expect(periodFromSearch(new URLSearchParams('from=2015-03-01&to=2015-03-31'), '2026-12-07')).toEqual({
      from: '2015-03-01',
      to: '2015-03-31',
    });
    for (const bad of ['from=2015-03-31&to=2015-03-01', 'from=nope&to=2015-03-01', ''])
      expect(periodFromSearch(new URLSearchParams(bad), '2026-12-07')).toEqual({
        from: '2026-11-08',
        to: '2026-12-07',
      });
  });
});

describe('previousPeriod', () => {
  it('is as long and ends the day before', () => {
    expect(previousPeriod({ from: '2015-03-01', to: '2015-03-31' })).toEqual({ from: '2015-01-29', to: '2015-02-28' });
  });
});

describe('defaultInterval and change', () => {
  it('picks days, weeks or months by length', () => {
    expect(defaultInterval({ from: '2026-11-08', to: '2026-12-07' })).toBe('day');
    expect(defaultInterval({ from: '2026-01-01', to: '2026-12-07' })).toBe('week');
    expect(defaultInterval({ from: '2024-01-01', to: '2026-12-07' })).toBe('month');
  });
  it.each([
    [150, 100, '+50.0 %'],
    [75, 100, '−25.0 %'],
    [100, 100, '±0.0 %'],
    [5, 0, 'new'],
    [0, 0, null],
  ])('%d against %d is %s', (current, previous, text) => {
    expect(change(current, previous)).toBe(text);
  });
});
