// A read plan → one SELECT. Embedded resources become LEFT JOIN LATERAL subqueries that
// aggregate to json (an object for to-one, an array for to-many), as PostgREST does.
import { conditionSql, fieldSql, orderSql } from './build-filter.ts';
import { ident, qident, type Params } from './sql.ts';
import type { EmbedPlan, ReadPlan } from './plan.ts';

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
  const last = item.field.json.at(-1);
  return last ? last.key : item.field.name;
}

function embedSubquery(p: Params, e: EmbedPlan, parent: string, child: string, countOnly: boolean): string {
  const r = e.rel;
  const to = qident(r.to.schema, r.to.name);
  let joins = '';
  let link: string[];
  if (r.kind === 'm2m') {
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
  return r.toOne
    ? `SELECT row_to_json("pgrst_r") AS "j" FROM (${inner}) AS "pgrst_r"`
    : `SELECT json_agg("pgrst_r") AS "j" FROM (${inner}) AS "pgrst_r"`;
}

/** SELECT for one level of the plan (recursing into embeds). */
export function levelSql(p: Params, plan: ReadPlan, o: LevelOptions): string {
  const a = ident(o.alias);
  const cols: string[] = [];
  if (!o.countOnly) {
    for (const item of plan.select) {
      if (item.kind === 'star') cols.push(`${a}.*`);
      else {
        const expr = fieldSql(p, o.alias, item.field);
        cols.push(`${item.cast ? `CAST(${expr} AS ${item.cast})` : expr} AS ${ident(outputName(item))}`);
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
    const jv = `${ident(`${j}_j`)}."j"`;
    if (!countOnly) {
      cols.push(`${e.rel.toOne ? jv : `COALESCE(${jv}, '[]')`} AS ${ident(e.key)}`);
      if (e.rel.toOne) toOneAlias.set(e.key, `${j}_j`);
    }
    if (e.inner) where.push(`${jv} IS NOT NULL`);
    if (e.nullFilter !== undefined) where.push(`${jv} IS ${e.nullFilter ? '' : 'NOT '}NULL`);
  });
  if (o.countOnly) cols.push('TRUE AS "j"');
  let sql = `SELECT ${cols.length ? cols.join(', ') : 'NULL AS "pgrst_none"'} FROM ${o.from} AS ${a}${o.joins ?? ''}${laterals.join('')}`;
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
  if (o.paginate) {
    if (plan.order.length) sql += ` ORDER BY ${orderSql(p, o.alias, plan.order, (k) => toOneAlias.get(k))}`;
    if (plan.limit !== undefined) sql += ` LIMIT ${p.add(plan.limit, 'int8')}`;
    if (plan.offset) sql += ` OFFSET ${p.add(plan.offset, 'int8')}`;
  }
  return sql;
}
