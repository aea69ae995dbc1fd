import { createHash } from 'node:crypto';
import type { CrudFilters } from '@refinedev/core';
import { describe, expect, it } from 'vitest';
import { exportArgs, exportDigest } from './audit-export';

describe('exportArgs', () => {
  it.each<[string, CrudFilters, string | null, object]>([
    ['no filter: everything the reader may read', [], null, {}],
    ['the super admin’s tenant scope', [], 't1', { p_tenant_id: 't1' }],
    [
      'actions, tables and actor',
      [
        { field: 'action', operator: 'in', value: ['update', 'delete'] },
        { field: 'table_name', operator: 'in', value: ['listings'] },
        { field: 'actor_id', operator: 'eq', value: 'u1' },
      ],
      null,
      { p_actions: ['update', 'delete'], p_tables: ['listings'], p_actor_id: 'u1' },
    ],
    [
      'a period of whole days: the end day included',
      [
        { field: 'created_at', operator: 'gte', value: '2026-12-01T00:00:00.000Z' },
        { field: 'created_at', operator: 'lte', value: '2026-12-07T23:59:59.999Z' },
      ],
      null,
      { p_from: '2026-12-01T00:00:00.000Z', p_to: '2026-12-08T00:00:00.000Z' },
    ],
    [
      'entry numbers',
      [
        { field: 'seq', operator: 'gte', value: '10' },
        { field: 'seq', operator: 'lte', value: 20 },
      ],
      null,
      { p_from_seq: 10, p_to_seq: 20 },
    ],
    ['empty values are no filter', [{ field: 'action', operator: 'in', value: [] }], null, {}],
  ])('%s', (_name, filters, tenant, args) => {
    expect(exportArgs(filters, tenant)).toEqual(args);
  });

  it('refuses a filter it cannot pass on, rather than exporting more than the list shows', () => {
    expect(() => exportArgs([{ field: 'record_id', operator: 'contains', value: 'x' }], null)).toThrow(
      'The filter on record_id (contains) cannot be exported',
    );
  });
});

describe('exportDigest', () => {
  it('is sha256 of the hashes joined in order, as the database computes it', async () => {
    const hashes = ['ab', 'cd', 'ef'];
    expect(await exportDigest(hashes)).toBe(createHash('sha256').update('abcdef').digest('hex'));
    expect(await exportDigest([])).toBe(createHash('sha256').update('').digest('hex'));
  });
});
