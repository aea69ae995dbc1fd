import { describe, expect, it } from 'vitest';
import { describeListingChange, type ListingChangeRow } from './listing-changes';

const row = (field: ListingChangeRow['field'], approved: unknown, current: unknown): ListingChangeRow => ({
  field,
  label: field,
  approved,
  current,
  approved_at: '2026-12-01T10:00:00Z',
});

describe('describeListingChange', () => {
  it('diffs a title word by word', () => {
    const change = describeListingChange(
      row('title', 'Fast leak repair in Oakland', 'Fast leak repair, same day, in Berkeley'),
    );
    expect(change).toMatchObject({ kind: 'text' });
    const runs = change.kind === 'text' ? change.runs : [];
    expect(runs.filter((r) => r.change === 'added').map((r) => r.text.trim())).toEqual([',', 'same day,', 'Berkeley']);
    expect(runs.filter((r) => r.change === 'removed').map((r) => r.text.trim())).toEqual(['Oakland']);
    // reading without the removed runs gives the new title, without the added ones the approved
    expect(runs.map((r) => (r.change === 'removed' ? '' : r.text)).join('')).toBe(
      'Fast leak repair, same day, in Berkeley',
    );
    expect(runs.map((r) => (r.change === 'added' ? '' : r.text)).join('')).toBe('Fast leak repair in Oakland');
  });

  it.each([
    [
      'price',
      { price_cents: 12000, pricing_type: 'fixed', currency: 'USD' },
      { price_cents: 15000, pricing_type: 'hourly', currency: 'USD' },
      '$120.00 (fixed)',
      '$150.00 (hourly)',
    ],
    ['category', { id: 'a', name: 'Plumbing' }, { id: null, name: null }, 'Plumbing', 'none'],
    [
      'media',
      [{ url: 'a.jpg' }, { url: 'b.jpg' }],
      [{ url: 'b.jpg' }, { url: 'c.jpg' }, { url: 'd.jpg' }],
      '2 photos',
      '3 photos (2 photos added, 1 photo removed)',
    ],
    [
      'media',
      [{ url: 'a.jpg' }, { url: 'b.jpg' }],
      [{ url: 'b.jpg' }, { url: 'a.jpg' }],
      '2 photos',
      '2 photos (reordered)',
    ],
  ] as const)('%s: %o → %o', (field, approved, current, before, after) => {
    expect(describeListingChange(row(field, approved, current))).toMatchObject({ kind: 'value', before, after });
  });
});
