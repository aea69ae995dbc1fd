// Pseudo-filters the generic list sends and the data provider interprets (they are not
// columns): the search box, and whether soft-deleted rows are shown.
export const SEARCH_FILTER_FIELD = 'q';
export const DELETED_FILTER_FIELD = 'deleted';
/** Values of the deleted pseudo-filter; absent = hide soft-deleted rows. */
export type DeletedFilterValue = 'include' | 'only';
