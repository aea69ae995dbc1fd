import type { CrudFilter } from '@refinedev/core';
import { SEARCH_FILTER_FIELD } from '../../resources/list-params';
import { findResource } from '../../resources';
import type { RelationDef, ResourceDef } from '../../resources/types';

/** The filters a typed search becomes: the target's own search when it has one, else ilike over the picker's columns. */
export function relationSearchFilters(
  relation: RelationDef,
  text: string,
  target: Pick<ResourceDef, 'search'> | undefined = findResource(relation.resource),
): CrudFilter[] {
  const value = text.trim();
  if (!value) return [];
  if (target?.search) return [{ field: SEARCH_FILTER_FIELD, operator: 'contains', value }];
  const fields = relation.searchFields ?? [relation.labelField];
  return [{ operator: 'or', value: fields.map((field) => ({ field, operator: 'contains' as const, value })) }];
}
