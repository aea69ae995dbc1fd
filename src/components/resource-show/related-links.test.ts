import { describe, expect, it } from 'vitest';
import { relatedFilters, viewAllUrl } from './related-links';

describe('related links', () => {
  it('filters on the referencing column', () => {
    const related = { resource: 'bookings', field: 'listing_id', label: 'Bookings' } as const;
    expect(relatedFilters(related, 'l1')).toEqual([{ field: 'listing_id', operator: 'eq', value: 'l1' }]);
    expect(viewAllUrl(related, 'l1')).toBe(
      '/bookings?filters[0][field]=listing_id&filters[0][operator]=eq&filters[0][value]=l1',
    );
  });

  it('adds the polymorphic conditions', () => {
    const related = {
      resource: 'content_reports',
      field: 'target_id',
      label: 'Reports',
      where: { target_type: 'listing' },
    } as const;
    expect(relatedFilters(related, 'l1')).toEqual([
      { field: 'target_id', operator: 'eq', value: 'l1' },
      { field: 'target_type', operator: 'eq', value: 'listing' },
    ]);
    expect(viewAllUrl(related, 'a b')).toBe(
      '/content_reports?filters[0][field]=target_id&filters[0][operator]=eq&filters[0][value]=a%20b' +
        '&filters[1][field]=target_type&filters[1][operator]=eq&filters[1][value]=listing',
    );
  });
});
