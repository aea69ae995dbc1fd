import type { CrudFilters } from '@refinedev/core';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { DELETED_FILTER_FIELD, SEARCH_FILTER_FIELD } from '../../resources/list-params';
import type { FieldDef, FieldKind, RelationDef, ResourceDef } from '../../resources/types';
import {
  asBoolean,
  asStringArray,
  dateBound,
  deletedMode,
  filterWidget,
  hasActiveFilters,
  relationSearchFilters,
  withDeletedMode,
  withFieldFilters,
  withSearch,
} from './filters';

const field = (kind: FieldKind, extra: Partial<FieldDef> = {}) =>
  ({ name: 'x', label: 'X', kind, ...extra }) as FieldDef;

describe('filterWidget', () => {
  it.each<[FieldKind, Partial<FieldDef>, string | undefined]>([
    ['enum', {}, 'enum'],
    ['relation', { relation: { resource: 'users', labelField: 'full_name' } }, 'relation'],
    ['boolean', {}, 'boolean'],
    ['datetime', {}, 'date-range'],
    ['date', {}, 'date-range'],
    ['money', {}, 'number-range'],
    ['integer', {}, 'number-range'],
    ['text', {}, 'text'],
    ['code', {}, 'text'],
    // ilike is not defined for uuid and inet, so these match exactly
    ['uuid', {}, 'exact'],
    ['ip', {}, 'exact'],
    ['tags', {}, 'tags'],
    ['json', {}, undefined],
    ['geo_area', {}, undefined],
  ])('%s → %s', (kind, extra, widget) => {
    expect(filterWidget(field(kind, extra))).toBe(widget);
  });
});

describe('withFieldFilters', () => {
  const start: CrudFilters = [
    { field: 'status', operator: 'in', value: ['active'] },
    { field: 'created_at', operator: 'gte', value: '2026-01-01' },
    { field: 'created_at', operator: 'lte', value: '2026-01-31' },
  ];

  it('replaces every filter on the field and keeps the others', () => {
    expect(
      withFieldFilters(start, 'created_at', [{ field: 'created_at', operator: 'gte', value: '2026-02-01' }]),
    ).toEqual([start[0], { field: 'created_at', operator: 'gte', value: '2026-02-01' }]);
  });

  it.each([[undefined], [null], [''], [[]]])('drops a blank value (%s)', (value) => {
    expect(withFieldFilters(start, 'status', [{ field: 'status', operator: 'in', value }])).toEqual(start.slice(1));
  });
});

describe('pseudo-filters', () => {
  it('puts the search text in the q filter, trimmed, and removes it when empty', () => {
    const searched = withSearch([], '  boiler repair ');
    expect(searched).toEqual([{ field: SEARCH_FILTER_FIELD, operator: 'contains', value: 'boiler repair' }]);
    expect(withSearch(searched, '   ')).toEqual([]);
  });

  it('round-trips the deleted mode', () => {
    const only = withDeletedMode([], 'only');
    expect(only).toEqual([{ field: DELETED_FILTER_FIELD, operator: 'eq', value: 'only' }]);
    expect(deletedMode(only)).toBe('only');
    expect(withDeletedMode(only, undefined)).toEqual([]);
    expect(deletedMode([{ field: DELETED_FILTER_FIELD, operator: 'eq', value: 'everything' }])).toBeUndefined();
  });

  it('counts a filter as active only when it has a value', () => {
    expect(hasActiveFilters([])).toBe(false);
    expect(hasActiveFilters([{ field: 'status', operator: 'in', value: [] }])).toBe(false);
    expect(hasActiveFilters(withDeletedMode([], 'include'))).toBe(true);
  });
});

describe('URL values', () => {
  it('reads arrays that qs turned into objects past 20 items', () => {
    expect(asStringArray({ 0: 'a', 21: 'b' })).toEqual(['a', 'b']);
    expect(asStringArray('pending')).toEqual(['pending']);
    expect(asStringArray(undefined)).toEqual([]);
  });

  it.each([
    ['true', true],
    [false, false],
    ['false', false],
    ['yes', undefined],
  ])('reads %s as boolean %s', (value, expected) => {
    expect(asBoolean(value)).toBe(expected);
  });
});

describe('relationSearchFilters', () => {
  const searchable = { name: 'users', search: { mode: 'fts', column: 'search_vector' } } as unknown as ResourceDef;
  const plain = { name: 'categories' } as unknown as ResourceDef;
  const lookup = (name: string) => ({ users: searchable, categories: plain })[name];

  it('uses the target resource search when it has one', () => {
    const relation: RelationDef = { resource: 'users', labelField: 'full_name', searchFields: ['full_name', 'email'] };
    expect(relationSearchFilters(relation, ' ada ', lookup)).toEqual([
      { field: SEARCH_FILTER_FIELD, operator: 'contains', value: 'ada' },
    ]);
  });

  it('matches any of the search fields otherwise', () => {
    const relation = { resource: 'categories', labelField: 'name', searchFields: ['name', 'slug'] } as RelationDef;
    expect(relationSearchFilters(relation, 'clean', lookup)).toEqual([
      {
        operator: 'or',
        value: [
          { field: 'name', operator: 'contains', value: 'clean' },
          { field: 'slug', operator: 'contains', value: 'clean' },
        ],
      },
    ]);
  });

  it('falls back to the label field, and sends nothing for an empty search', () => {
    const relation = { resource: 'categories', labelField: 'name' } as RelationDef;
    expect(relationSearchFilters(relation, 'clean', lookup)).toEqual([
      { field: 'name', operator: 'contains', value: 'clean' },
    ]);
    expect(relationSearchFilters(relation, '  ', lookup)).toEqual([]);
  });
});

describe('dateBound', () => {
  const day = dayjs('2026-03-10T15:30:00');

  it('keeps a calendar date as a date', () => {
    expect(dateBound(day, 'start', 'date')).toBe('2026-03-10');
    expect(dateBound(day, 'end', 'date')).toBe('2026-03-10');
  });

  it('spans the whole local day for a timestamp', () => {
    expect(dateBound(day, 'start', 'datetime')).toBe(new Date(2026, 2, 10, 0, 0, 0, 0).toISOString());
    expect(dateBound(day, 'end', 'datetime')).toBe(new Date(2026, 2, 10, 23, 59, 59, 999).toISOString());
  });

  it('leaves an open end open', () => {
    expect(dateBound(null, 'end', 'datetime')).toBeUndefined();
  });
});
