// ParsedQuery + schema cache → a tree of read plans: which table each level reads, through
// which relationship, with which filters, order and limits.
import { ApiError } from './errors.ts';
import { findRelationship, type Relationship } from './relationships.ts';
import type { SchemaCache, Table } from '../schema-cache.ts';
import type { Condition, OrderTerm, ParsedQuery, SelectField, SelectStar } from './types.ts';

export interface EmbedPlan {
  key: string;
  rel: Relationship;
  plan: ReadPlan;
  inner: boolean;
  /** asked with no columns: joined for its filters, absent from the output */
  empty: boolean;
  /** its columns are the parent's (`...rel(cols)`) */
  spread: boolean;
  /** `embed=is.null` (true) / `embed=not.is.null` (false) on the parent */
  nullFilter?: boolean;
}

export interface ReadPlan {
  table?: Table;
  select: (SelectField | SelectStar)[];
  embeds: EmbedPlan[];
  where: Condition[];
  order: OrderTerm[];
  limit?: number;
  offset?: number;
}

function notEmbedded(path: string): ApiError {
  const name = path.split('.').pop();
  return new ApiError(400, 'PGRST108', `'${name}' is not an embedded resource in this request`, null,
    `Verify that '${name}' is included in the 'select' query parameter.`);
}

function nullFilterOf(c: Condition, keys: Set<string>): { key: string; isNull: boolean } | undefined {
  if (c.kind !== 'filter' || c.field.json.length || !keys.has(c.field.name) || c.expr.op !== 'is') return undefined;
  const v = c.expr.value;
  if (v !== 'null' && v !== 'not_null') return undefined;
  return { key: c.field.name, isNull: (v === 'null') !== c.expr.negated };
}

export function buildPlan(cache: SchemaCache, table: Table | undefined, q: ParsedQuery): ReadPlan {
  const used = new Set<string>();
  const plan = planLevel(cache, table, q, q.select, '', used);
  for (const m of [q.conditions, q.order, q.limit, q.offset]) {
    for (const path of m.keys()) if (!used.has(path)) throw notEmbedded(path);
  }
  return plan;
}

function planLevel(
  cache: SchemaCache, table: Table | undefined, q: ParsedQuery, select: ParsedQuery['select'], path: string, used: Set<string>,
): ReadPlan {
  used.add(path);
  const plan: ReadPlan = {
    table,
    select: [],
    embeds: [],
    where: [],
    order: q.order.get(path) ?? [],
    limit: q.limit.get(path),
    offset: q.offset.get(path),
  };
  for (const item of select) {
    if (item.kind !== 'embed') {
      plan.select.push(item);
      continue;
    }
    if (!table) throw new ApiError(400, 'PGRST200', `Could not find a relationship for '${item.name}': the result has no table type`);
    const rel = findRelationship(cache, table, item.name, item.hint);
    if (item.spread && !rel.toOne) {
      throw new ApiError(400, 'PGRST119', `A spread operation on '${item.name}' is not possible`,
        `'${table.name}' and '${item.name}' do not form a many-to-one or one-to-one relationship`);
    }
    const key = item.alias ?? item.name;
    const childPath = path ? `${path}.${key}` : key;
    const child = planLevel(cache, rel.to, q, item.select, childPath, used);
    plan.embeds.push({ key, rel, plan: child, inner: item.join === 'inner', empty: item.select.length === 0, spread: !!item.spread });
  }
  const keys = new Set(plan.embeds.map((e) => e.key));
  for (const c of q.conditions.get(path) ?? []) {
    const nf = nullFilterOf(c, keys);
    if (nf) plan.embeds.find((e) => e.key === nf.key)!.nullFilter = nf.isNull;
    else plan.where.push(c);
  }
  return plan;
}
