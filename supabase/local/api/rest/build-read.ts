// A read plan → one SELECT. Embedded resources become LEFT JOIN LATERAL subqueries that
// aggregate to json (an object for to-one, an array for to-many), as PostgREST does.
import { conditionSql, fieldSql, orderSql } from './build-filter.ts';
import { ident, qident, type Params } from './sql.ts';
import type { EmbedPlan, ReadPlan } from './plan.ts';
import type { SelectField } from './types.ts';

export interface LevelOptions {
  /** the FROM item, e.g. "public"."films" or a CTE name */
  from: string;
  alias: string;
  /** extra joins after the FROM item (the junction of a many-to-many) */
  joins?: string;
  /** conditions tying this level to its parent */
  link?: string[];
  /** only decide which rows qualify: select nothing, skip non-filtering embeds */
  countOnly?: boolean;
  /** apply order/limit/offset (not for counts) */
  paginate?: boolean;
}

const jAlias = (alias: string, i: number) => `${alias}_${i}`;

function outputName(item: ReadPlan['select'][number]): string {
  if (item.kind !== 'field') return '';
  if (item.alias) return item.alias;
  if (item.aggregate) return item.aggregate;
  const last = item.field.json.at(-1);
  return last ? last.key : item.field.name;
}

/** A selected column's expression: the column (or JSON path), cast, aggregated, cast again. */
function fieldExpr(p: Params, alias: string, item: SelectField): string {
  let expr = item.field.name === '' ? '*' : fieldSql(p, alias, item.field);
  if (item.cast) expr = `CAST(${expr} AS ${item.cast})`;
  if (item.aggregate) expr = `${item.aggregate}(${expr})`;
  if (item.aggregateCast) expr = `CAST(${expr} AS ${item.aggregateCast})`;
  return expr;
}

function embedSubquery(p: Params, e: EmbedPlan, parent: string, child: string, countOnly: boolean): string {
  const r = e.rel;
  let to = qident(r.to.schema, r.to.name);
  let joins = '';
  let link: string[] = [];
  if (r.kind === 'computed') {
    // a computed relationship: the function of the parent's row
    to = `${qident(r.fn.schema, r.fn.name)}(${ident(parent)}.*)`;
  } else if (r.kind === 'm2m') {
    const jt = `${child}_jt`;
    joins = ` JOIN ${qident(r.junction.schema, r.junction.name)} AS ${ident(jt)} ON ${r.toPairs
      .map(([jc, tc]) => `${ident(jt)}.${ident(jc)} = ${ident(child)}.${ident(tc)}`)
      .join(' AND ')}`;
    link = r.fromPairs.map(([jc, fc]) => `${ident(jt)}.${ident(jc)} = ${ident(parent)}.${ident(fc)}`);
  } else {
    // pairs are [parent column, child column]
    link = r.pairs.map(([pc, cc]) => `${ident(child)}.${ident(cc)} = ${ident(parent)}.${ident(pc)}`);
  }
  const inner = levelSql(p, e.plan, { from: to, alias: child, joins, link, countOnly, paginate: !countOnly });
  if (countOnly) return `${inner} LIMIT 1`;
  // a spread's columns are read as they are; an empty embed only says whether a row exists
  if (e.spread) return `SELECT TRUE AS "pgrst_spread", "pgrst_r".* FROM (${inner}) AS "pgrst_r" LIMIT 1`;
  if (e.empty) return `SELECT TRUE AS "j" FROM (${inner}) AS "pgrst_r" LIMIT 1`;
  return r.toOne
    ? `SELECT row_to_json("pgrst_r") AS "j" FROM (${inner}) AS "pgrst_r"`
    : `SELECT json_agg("pgrst_r") AS "j" FROM (${inner}) AS "pgrst_r"`;
}

/** The output columns of a spread embed, read from its lateral subquery by name. */
function spreadColumns(e: EmbedPlan, lateral: string): string[] {
  const out: string[] = [];
  for (const item of e.plan.select) {
    if (item.kind === 'star') {
      for (const c of e.plan.table?.columns ?? []) out.push(`${ident(lateral)}.${ident(c.name)}`);
    } else out.push(`${ident(lateral)}.${ident(outputName(item))}`);
  }
  for (const inner of e.plan.embeds) {
    if (inner.spread) out.push(...spreadColumns(inner, lateral));
    else if (!inner.empty) out.push(`${ident(lateral)}.${ident(inner.key)}`);
  }
  return out;
}

/** SELECT for one level of the plan (recursing into embeds). */
export function levelSql(p: Params, plan: ReadPlan, o: LevelOptions): string {
  const a = ident(o.alias);
  const cols: string[] = [];
  // with an aggregate, every other selected column and embed is grouped by (by position)
  const aggregating = plan.select.some((item) => item.kind === 'field' && item.aggregate);
  const groupBy: number[] = [];
  if (!o.countOnly) {
    for (const item of plan.select) {
      if (item.kind === 'star' && aggregating) {
        for (const c of plan.table?.columns ?? []) groupBy.push(cols.push(`${a}.${ident(c.name)}`));
      } else if (item.kind === 'star') cols.push(`${a}.*`);
      else {
        const n = cols.push(`${fieldExpr(p, o.alias, item)} AS ${ident(outputName(item))}`);
        if (aggregating && !item.aggregate) groupBy.push(n);
      }
    }
  }
  const laterals: string[] = [];
  const where = [...(o.link ?? []), ...plan.where.map((c) => conditionSql(p, o.alias, c, plan.table))];
  const toOneAlias = new Map<string, string>();
  plan.embeds.forEach((e, i) => {
    const j = jAlias(o.alias, i);
    const filtering = e.inner || e.nullFilter !== undefined;
    if (o.countOnly && !filtering) return;
    const countOnly = !!o.countOnly;
    laterals.push(` LEFT JOIN LATERAL (${embedSubquery(p, e, o.alias, j, countOnly)}) AS ${ident(`${j}_j`)} ON TRUE`);
    const jv = `${ident(`${j}_j`)}.${e.spread && !countOnly ? '"pgrst_spread"' : '"j"'}`;
    const exists = `${jv} IS NOT NULL`;
    if (!countOnly && e.spread) {
      for (const c of spreadColumns(e, `${j}_j`)) {
        const n = cols.push(c);
        if (aggregating) groupBy.push(n);
      }
    } else if (!countOnly && !e.empty) {
      const value = e.rel.toOne ? jv : `COALESCE(${jv}, '[]')`;
      // json has no equality: grouped embeds are jsonb, as in PostgREST
      const n = cols.push(`${aggregating ? `(${value})::jsonb` : value} AS ${ident(e.key)}`);
      if (aggregating) groupBy.push(n);
      if (e.rel.toOne) toOneAlias.set(e.key, `${j}_j`);
    }
    if (e.inner) where.push(exists);
    if (e.nullFilter !== undefined) where.push(e.nullFilter ? `NOT (${exists})` : exists);
  });
  if (o.countOnly) cols.push('TRUE AS "j"');
  let sql = `SELECT ${cols.length ? cols.join(', ') : 'NULL AS "pgrst_none"'} FROM ${o.from} AS ${a}${o.joins ?? ''}${laterals.join('')}`;
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
  if (groupBy.length) sql += ` GROUP BY ${groupBy.join(', ')}`;
  if (o.paginate) {
    if (plan.order.length) sql += ` ORDER BY ${orderSql(p, o.alias, plan.order, (k) => toOneAlias.get(k))}`;
    if (plan.limit !== undefined) sql += ` LIMIT ${p.add(plan.limit, 'int8')}`;
    if (plan.offset) sql += ` OFFSET ${p.add(plan.offset, 'int8')}`;
  }
  return sql;
}
