import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toDayjs, toIsoValue, type DateKind } from './date-values';

describe('date values', () => {
  it.each<[DateKind, string, string]>([
    ['date', '2026-03-01', '2026-03-01'],
    ['datetime', '2026-03-01T09:30:00.000Z', '2026-03-01T09:30:00.000Z'],
    ['datetime', '2026-03-01T10:30:00+01:00', '2026-03-01T09:30:00.000Z'],
    ['time', '09:30:00', '09:30:00'],
    ['time', '09:30:00+00', '09:30:00'],
  ])('%s %s round-trips to %s', (kind, stored, expected) => {
    expect(toIsoValue(kind, toDayjs(kind, stored))).toBe(expected);
  });

  it('treats empty and unparsable values as no value', () => {
    expect(toDayjs('date', '')).toBeNull();
    expect(toDayjs('date', 'next tuesday')).toBeNull();
    expect(toIsoValue('datetime', null)).toBeNull();
    expect(toIsoValue('date', dayjs('nonsense'))).toBeNull();
  });
});
