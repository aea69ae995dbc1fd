import type { CrudFilter } from '@refinedev/core';
import type { RelatedDef } from '../../resources/types';

/** Rows of the related table that point at the record: `<field> = id`, plus the polymorphic `where`. */
export function relatedFilters(related: RelatedDef, recordId: string | number): CrudFilter[] {
  return [
    { field: related.field, operator: 'eq', value: recordId },
    ...Object.entries(related.where ?? {}).map(([field, value]): CrudFilter => ({ field, operator: 'eq', value })),
  ];
}

/** The related list, pre-filtered the way the list page reads its filters from the URL. */
export function viewAllUrl(related: RelatedDef, recordId: string | number): string {
  const query = relatedFilters(related, recordId)
    .map((filter, i) => {
      const { field, value } = filter as { field: string; value: unknown };
      return `filters[${i}][field]=${encodeURIComponent(field)}&filters[${i}][operator]=eq&filters[${i}][value]=${encodeURIComponent(String(value))}`;
    })
    .join('&');
  return `/${related.resource}?${query}`;
}
