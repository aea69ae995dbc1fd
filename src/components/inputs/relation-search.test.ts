import { describe, expect, it } from 'vitest';
import { relationSearchFilters } from './relation-search';

const noSearch = { search: undefined };

describe('relationSearchFilters', () => {
  it('uses the target resource search (the q pseudo-filter) when it has one', () => {
    // the registry's listings entry has full-text search
    expect(relationSearchFilters({ resource: 'listings', labelField: 'title' }, ' deep clean ')).toEqual([
      { field: 'q', operator: 'contains', value: 'deep clean' },
    ]);
  });

  it('otherwise matches any of the picker columns', () => {
    expect(
      relationSearchFilters(
        { resource: 'audit_logs', labelField: 'table_name', searchFields: ['table_name', 'action'] },
        'list',
        noSearch,
      ),
    ).toEqual([
      {
        operator: 'or',
        value: [
          { field: 'table_name', operator: 'contains', value: 'list' },
          { field: 'action', operator: 'contains', value: 'list' },
        ],
      },
    ]);
  });

  it('falls back to the label column', () => {
    expect(relationSearchFilters({ resource: 'audit_logs', labelField: 'table_name' }, 'x', noSearch)).toEqual([
      { operator: 'or', value: [{ field: 'table_name', operator: 'contains', value: 'x' }] },
    ]);
  });

  it('clears the search for blank text', () => {
    expect(relationSearchFilters({ resource: 'listings', labelField: 'title' }, '  ')).toEqual([]);
  });
});
