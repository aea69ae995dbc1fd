import type { CrudFilter, CrudFilters, LogicalFilter } from '@refinedev/core';
import type { Dayjs } from 'dayjs';
import { DELETED_FILTER_FIELD, SEARCH_FILTER_FIELD, type DeletedFilterValue } from '../../resources/list-params';
import { findResource } from '../../resources';
import type { FieldDef, FieldKind, RelationDef, ResourceDef } from '../../resources/types';

// The list keeps its filters in refine's CrudFilters (and so in the URL, where every value
// comes back as a string). These helpers translate between that and the filter widgets, and
// emit only operators PostgREST has (no nin, nstartswith, nendswith, startswith inside or).

export type FilterWidget = 'enum' | 'relation' | 'boolean' | 'date-range' | 'number-range' | 'text' | 'exact' | 'tags';

export function filterWidget(field: FieldDef): FilterWidget | undefined {
  switch (field.kind) {
    case 'enum':
      return 'enum';
    case 'relation':
      return field.relation ? 'relation' : 'exact';
    case 'boolean':
      return 'boolean';
    case 'date':
    case 'datetime':
      return 'date-range';
    case 'integer':
    case 'decimal':
    case 'percent':
    case 'money':
    case 'rating':
    case 'duration_minutes':
      return 'number-range';
    // ilike does not apply to uuid or inet columns
    case 'uuid':
    case 'ip':
    case 'time':
      return 'exact';
    case 'tags':
      return 'tags';
    case 'text':
    case 'textarea':
    case 'email':
    case 'url':
    case 'phone':
    case 'code':
    case 'color':
      return 'text';
    default:
      return undefined;
  }
}

export function isLogical(filter: CrudFilter): filter is LogicalFilter {
  return filter.operator !== 'or' && filter.operator !== 'and';
}

export function findFilter(filters: CrudFilters, field: string, operator?: LogicalFilter['operator']) {
  return filters.find(
    (f): f is LogicalFilter => isLogical(f) && f.field === field && (operator === undefined || f.operator === operator),
  );
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return Array.isArray(value) && value.length === 0;
}

/** Replaces every filter on `field` with `next` (blank values dropped). */
export function withFieldFilters(filters: CrudFilters, field: string, next: LogicalFilter[]): CrudFilters {
  return [...filters.filter((f) => !(isLogical(f) && f.field === field)), ...next.filter((f) => !isBlank(f.value))];
}

/** Whether anything narrows the list (search, a column filter, or a deleted-rows mode). */
export function hasActiveFilters(filters: CrudFilters): boolean {
  return filters.some((f) => !isBlank(f.value));
}

// qs turns `value[0]=a&value[1]=b` into an array, but into an object past 20 items.
export function asStringArray(value: unknown): string[] {
  if (isBlank(value)) return [];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(String);
  return [String(value)];
}

export function asBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (isBlank(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function asText(value: unknown): string {
  return isBlank(value) ? '' : String(value);
}

export function searchValue(filters: CrudFilters): string {
  return asText(findFilter(filters, SEARCH_FILTER_FIELD)?.value);
}

export function withSearch(filters: CrudFilters, text: string): CrudFilters {
  const value = text.trim();
  return withFieldFilters(filters, SEARCH_FILTER_FIELD, [{ field: SEARCH_FILTER_FIELD, operator: 'contains', value }]);
}

export function deletedMode(filters: CrudFilters): DeletedFilterValue | undefined {
  const value = findFilter(filters, DELETED_FILTER_FIELD)?.value;
  return value === 'include' || value === 'only' ? value : undefined;
}

export function withDeletedMode(filters: CrudFilters, mode: DeletedFilterValue | undefined): CrudFilters {
  return withFieldFilters(filters, DELETED_FILTER_FIELD, [
    { field: DELETED_FILTER_FIELD, operator: 'eq', value: mode },
  ]);
}

/**
 * What the relation picker sends while the user types: the target's own search when it has
 * one (the `q` pseudo-filter), else a case-insensitive match on its search fields.
 */
export function relationSearchFilters(
  relation: RelationDef,
  text: string,
  lookup: (name: string) => ResourceDef | undefined = findResource,
): CrudFilters {
  const value = text.trim();
  if (!value) return [];
  if (lookup(relation.resource)?.search) return [{ field: SEARCH_FILTER_FIELD, operator: 'contains', value }];
  const fields = relation.searchFields?.length ? relation.searchFields : [relation.labelField];
  if (fields.length === 1) return [{ field: fields[0], operator: 'contains', value }];
  return [{ operator: 'or', value: fields.map((field) => ({ field, operator: 'contains' as const, value })) }];
}

/**
 * One end of a date range filter, inclusive: a calendar date compares as a date; a timestamp
 * as the instant the viewer's day starts or ends in their own timezone.
 */
export function dateBound(day: Dayjs | null, edge: 'start' | 'end', kind: FieldKind): string | undefined {
  if (!day) return undefined;
  const bound = edge === 'start' ? day.startOf('day') : day.endOf('day');
  return kind === 'date' ? bound.format('YYYY-MM-DD') : bound.toISOString();
}
