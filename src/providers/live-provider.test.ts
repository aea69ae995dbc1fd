import { describe, expect, it } from 'vitest';
import type { CrudFilters } from '@refinedev/core';
import type { ResourceDef } from '../resources/types';
import { realtimeFilter } from './live-provider';

const def = {
  name: 'content_reports',
  fields: [{ name: 'id' }, { name: 'tenant_id' }, { name: 'status' }, { name: 'reason' }, { name: 'created_at' }],
} as unknown as ResourceDef;

describe('realtimeFilter', () => {
  it.each<[string, CrudFilters, string | null, string | undefined]>([
    ['nothing to narrow', [], null, undefined],
    ['the tenant scope', [], 't-1', 'tenant_id=eq.t-1'],
    [
      'eq and ne',
      [
        { field: 'status', operator: 'eq', value: 'open' },
        { field: 'reason', operator: 'ne', value: 'spam' },
      ],
      null,
      'status=eq.open,reason=neq.spam',
    ],
    [
      'in, with a value holding a comma quoted',
      [{ field: 'reason', operator: 'in', value: ['spam', 'a,b'] }],
      null,
      'reason=in.(spam,"a,b")',
    ],
    [
      'ranges',
      [
        { field: 'created_at', operator: 'gte', value: '2026-12-01' },
        { field: 'created_at', operator: 'lt', value: '2026-12-08' },
      ],
      null,
      'created_at=gte.2026-12-01,created_at=lt.2026-12-08',
    ],
    [
      'scope first, then the list’s filters',
      [{ field: 'status', operator: 'eq', value: 'open' }],
      't-1',
      'tenant_id=eq.t-1,status=eq.open',
    ],
    [
      'what Realtime cannot say is left out',
      [
        { field: 'reason', operator: 'contains', value: 'sp' },
        { field: 'q', operator: 'eq', value: 'x' },
        { field: 'nope', operator: 'eq', value: 1 },
      ],
      null,
      undefined,
    ],
    [
      'or-groups are left out',
      [{ operator: 'or', value: [{ field: 'status', operator: 'eq', value: 'open' }] }],
      null,
      undefined,
    ],
    [
      'empty values are left out',
      [
        { field: 'status', operator: 'eq', value: '' },
        { field: 'reason', operator: 'in', value: [] },
      ],
      null,
      undefined,
    ],
  ])('%s', (_name, filters, scope, expected) => {
    expect(realtimeFilter(def, filters, scope)).toBe(expected);
  });

  it('does not scope a global table', () => {
    expect(realtimeFilter({ ...def, global: true } as ResourceDef, [], 't-1')).toBeUndefined();
  });
});
