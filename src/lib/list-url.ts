import type { CrudFilter, CrudSort } from '@refinedev/core';

// A link to a resource's list, already filtered and sorted, in the query format refine's
// syncWithLocation reads back (qs, arrayFormat "indices"):
//   /listings?filters[0][field]=moderation_status&filters[0][operator]=in&filters[0][value][0]=pending
//             &sorters[0][field]=created_at&sorters[0][order]=asc
// Enum filters: operator 'in' with an array; date bounds: 'gte'/'lte' with a Date or ISO string.
// qs turns array indices above 20 into object keys, so keep 'in' lists to 21 values or fewer.

type Scalar = string | number | boolean | Date;
type Value = Scalar | null | undefined | readonly Value[] | { readonly [key: string]: Value };

// Values are percent-encoded (qs decodes them); ':' stays readable, as in ISO timestamps.
function encodeValue(value: Scalar): string {
  const text = value instanceof Date ? value.toISOString() : String(value);
  return encodeURIComponent(text).replace(/%3A/gi, ':');
}

// Bracket segments are the syntax; a segment's own text is encoded so '[', ']', '&' or '='
// in a field name cannot change the structure.
function pairs(prefix: string, value: Value, out: string[]): void {
  if (value === null || value === undefined) return;
  if (value instanceof Date || typeof value !== 'object') {
    out.push(`${prefix}=${encodeValue(value)}`);
    return;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) pairs(`${prefix}[${encodeURIComponent(key)}]`, child as Value, out);
}

export function listUrl(resource: string, filters: CrudFilter[] = [], sorters: CrudSort[] = []): string {
  const out: string[] = [];
  pairs('filters', filters as unknown as Value, out);
  pairs('sorters', sorters as unknown as Value, out);
  const path = `/${encodeURIComponent(resource)}`;
  return out.length ? `${path}?${out.join('&')}` : path;
}
