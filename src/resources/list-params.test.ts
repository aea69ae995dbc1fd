import type { CrudFilter } from '@refinedev/core';
import { describe, expect, it } from 'vitest';
import { hasColumnFilter } from './list-params';

describe('hasColumnFilter', () => {
  it.each<[string, CrudFilter[] | undefined, boolean]>([
    ['no filters', undefined, false],
    ['only the search box', [{ field: 'q', operator: 'contains', value: 'boiler' }], false],
    ['only the deleted switch', [{ field: 'deleted', operator: 'eq', value: 'include' }], false],
    ['a column filter without a value', [{ field: 'status', operator: 'in', value: [] }], false],
    ['a blank text filter', [{ field: 'title', operator: 'contains', value: '' }], false],
    ['a status filter', [{ field: 'status', operator: 'in', value: ['failed'] }], true],
    [
      'a date bound beside the search box',
      [
        { field: 'q', operator: 'contains', value: 'x' },
        { field: 'created_at', operator: 'gte', value: '2026-11-01' },
      ],
      true,
    ],
    ['an or group', [{ operator: 'or', value: [{ field: 'a', operator: 'eq', value: 1 }] }], true],
  ])('%s → %s', (_name, filters, expected) => {
    expect(hasColumnFilter(filters)).toBe(expected);
  });
});
