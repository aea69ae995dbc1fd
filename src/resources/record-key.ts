import type { BaseKey } from '@refinedev/core';
import type { ResourceDef } from './types';

// One string per record for refine (routes, table row keys, getOne/update/delete ids), also
// for join tables keyed by several columns: the key values in primaryKey order, each
// URI-encoded, joined with `~`. encodeURIComponent leaves `~` alone, so it is encoded here
// to keep a value containing it from splitting in two.

export const KEY_SEPARATOR = '~';

export function primaryKeyOf(def: Pick<ResourceDef, 'primaryKey'>): string[] {
  return def.primaryKey?.length ? def.primaryKey : ['id'];
}

/** Keyed by anything other than a single `id` column: rows need a synthetic `id`. */
export function hasSyntheticId(def: Pick<ResourceDef, 'primaryKey'>): boolean {
  const key = primaryKeyOf(def);
  return key.length !== 1 || key[0] !== 'id';
}

const encode = (value: unknown) => encodeURIComponent(String(value)).replaceAll('~', '%7E');

export function recordKey(def: Pick<ResourceDef, 'name' | 'primaryKey'>, row: Record<string, unknown>): string {
  return primaryKeyOf(def)
    .map((column) => {
      const value = row[column];
      if (value === undefined || value === null) {
        throw new Error(`${def.name}: the row has no value for key column ${column}`);
      }
      return encode(value);
    })
    .join(KEY_SEPARATOR);
}

/** The key columns' values of `id` (from recordKey). */
export function parseRecordKey(def: Pick<ResourceDef, 'name' | 'primaryKey'>, id: BaseKey): Record<string, string> {
  const columns = primaryKeyOf(def);
  const parts = String(id).split(KEY_SEPARATOR);
  if (parts.length !== columns.length || parts.some((p) => p === '')) {
    throw new Error(`${def.name}: "${id}" is not a key of ${columns.join(' + ')}`);
  }
  let values: string[];
  try {
    values = parts.map((p) => decodeURIComponent(p));
  } catch {
    throw new Error(`${def.name}: "${id}" is not a key of ${columns.join(' + ')}`);
  }
  return Object.fromEntries(columns.map((column, i) => [column, values[i]]));
}
