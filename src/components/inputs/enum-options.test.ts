import { describe, expect, it } from 'vitest';
import { enumOptions } from './enum-options';

describe('enumOptions', () => {
  it('reads a Postgres enum from the generated constants, underscores shown as spaces', () => {
    expect(enumOptions({ enum: 'location_type' })).toEqual([
      { value: 'on_site', label: 'on site' },
      { value: 'remote', label: 'remote' },
      { value: 'both', label: 'both' },
    ]);
  });

  it('falls back to the check-constrained options', () => {
    expect(enumOptions({ options: ['pending', 'in_review'] }).map((o) => o.label)).toEqual(['pending', 'in review']);
  });

  // the list filters offer the same values
  it('reads listing_status from the generated constants', () => {
    expect(enumOptions({ enum: 'listing_status' }).map((o) => o.value)).toContain('suspended');
  });

  it('offers a check-constrained column its options, in order', () => {
    expect(enumOptions({ options: ['pending', 'approved'] }).map((o) => o.value)).toEqual(['pending', 'approved']);
  });

  it('offers nothing when the registry names neither', () => {
    expect(enumOptions({})).toEqual([]);
  });
});
