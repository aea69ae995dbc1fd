import type { CrudFilter } from '@refinedev/core';

// Pseudo-filters the generic list sends and the data provider interprets (they are not
// columns): the search box, and whether soft-deleted rows are shown.
export const SEARCH_FILTER_FIELD = 'q';
export const DELETED_FILTER_FIELD = 'deleted';
/** Values of the deleted pseudo-filter; absent = hide soft-deleted rows. */
export type DeletedFilterValue = 'include' | 'only';

/** A filter on a column with a value (not the search box, not the deleted-rows switch). */
export function hasColumnFilter(filters: CrudFilter[] | undefined): boolean {
  return (filters ?? []).some((f) => {
    if ('field' in f && (f.field === SEARCH_FILTER_FIELD || f.field === DELETED_FILTER_FIELD)) return false;
    const v = f.value as unknown;
    return !(v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0));
  });
}
