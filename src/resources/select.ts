import type { FieldDef, ResourceDef } from './types';
import { findResource } from './index';
import { primaryKeyOf } from './record-key';

// The PostgREST `select` for a registry resource: its declared columns and, per relation, the
// related record's key and label. Never `*`: some columns are not granted to API roles
// (api_keys.key_hash), and asking for one makes PostgreSQL refuse the whole query.

type Lookup = (name: string) => ResourceDef | undefined;

/** The key under which a relation field's related record arrives (`provider_id` → `provider`). */
export function embedAlias(field: string): string {
  return field.endsWith('_id') && field.length > 3 ? field.slice(0, -3) : `${field}_ref`;
}

/**
 * `<alias>:<target>[!<fkey>](<target key…>,<label>)` for a relation field of table `owner`.
 * A self-reference (categories.parent_id) names its column as the target instead
 * (`parent:parent_id(…)`): by table or constraint name PostgREST also finds the reverse,
 * one-to-many direction of the same key, while the column picks the many-to-one side.
 */
export function embedFor(
  field: FieldDef,
  owner: string,
  lookup: Lookup = findResource,
  extraColumns: string[] = [],
): string | undefined {
  const relation = field.relation;
  if (field.kind !== 'relation' || !relation) return undefined;
  const target = lookup(relation.resource);
  const columns = unique([...(target ? primaryKeyOf(target) : ['id']), relation.labelField, ...extraColumns]);
  const source =
    relation.computed ??
    (relation.resource === owner ? field.name : `${relation.resource}${relation.fkey ? `!${relation.fkey}` : ''}`);
  return `${embedAlias(field.name)}:${source}(${columns.join(',')})`;
}

export function buildSelect(def: ResourceDef, lookup: Lookup = findResource): string {
  const columns = unique([...primaryKeyOf(def), ...def.fields.map((f) => f.name)]);
  // money whose currency lives on a related record brings that column along in the embed
  const extra = new Map<string, string[]>();
  for (const f of def.fields) {
    const [relationField, column] = (f.kind === 'money' ? (f.currencyField ?? '') : '').split('.');
    if (column) extra.set(relationField, [...(extra.get(relationField) ?? []), column]);
  }
  const embeds = def.fields
    .map((f) => embedFor(f, def.name, lookup, extra.get(f.name)))
    .filter((e): e is string => e !== undefined);
  return [...columns, ...embeds].join(',');
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** Where a money field's currency sits in a fetched record: its own column or an embedded parent's. */
export function currencyPath(field: Pick<FieldDef, 'currencyField'>): string[] {
  const spec = field.currencyField ?? 'currency';
  const [relationField, column] = spec.split('.');
  return column ? [embedAlias(relationField), column] : [spec];
}

/** The ISO currency of a money field in a record (upper case), or null when it is not there. */
export function currencyOf(field: Pick<FieldDef, 'currencyField'>, record: Record<string, unknown>): string | null {
  let value: unknown = record;
  for (const key of currencyPath(field))
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value ? value.toUpperCase() : null;
}
