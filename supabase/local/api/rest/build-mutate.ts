// INSERT (with upsert), UPDATE and DELETE statements. The JSON body is one bind parameter
// expanded by json_populate_record(set), so values keep PostgreSQL's own type conversion.
import { ApiError } from './errors.ts';
import { conditionSql, orderSql } from './build-filter.ts';
import { ident, qident, type Params } from './sql.ts';
import type { Table } from '../schema-cache.ts';
import type { Condition, OrderTerm } from './types.ts';

/**
 * What a mutation hands back: nothing (RETURNING 1, rows are only counted), every column, or
 * the named ones. PostgREST returns only what the representation reads — the selected
 * columns, the primary key and the columns embeds join on — so a table with column-level
 * SELECT grants can be written to while the select names columns the caller may read.
 */
export type Returning = 'none' | '*' | string[];

function checkColumns(table: Table, cols: string[]) {
  for (const c of cols) {
    if (!table.col.has(c)) {
      throw new ApiError(400, 'PGRST204', `Could not find the '${c}' column of '${table.name}' in the schema cache`);
    }
  }
}

// the target is aliased by its own name so error messages read "column services.x …"
const alias = (t: Table) => ident(t.name);
const returnedSql = (t: Table, r: Returning) =>
  r === '*' ? `${alias(t)}.*` : r === 'none' || r.length === 0 ? '1' : r.map((c) => `${alias(t)}.${ident(c)}`).join(', ');
const returningSql = (t: Table, r: Returning) => ` RETURNING ${returnedSql(t, r)}`;

export interface InsertOptions {
  /** the JSON array of objects */
  body: string;
  columns: string[];
  onConflict?: string[];
  resolution?: 'merge' | 'ignore';
  missingDefault: boolean;
  rowCount: number;
  returning: Returning;
  /**
   * PUT: conditions the body's row must meet (the URL's primary key filters), and the upsert is
   * on the primary key
   */
  putConditions?: Condition[];
}

// PostgREST's addConfigPgrstInserted: every row offered for insert adds one to pgrst.inserted and
// every conflict that updates instead takes one away, so the statement knows whether an upsert
// inserted anything (201) or only merged (200).
const countInserted = (step: 1 | -1) =>
  `set_config('pgrst.inserted', (coalesce(nullif(current_setting('pgrst.inserted', true), '')::int, 0) ${step > 0 ? '+' : '-'} 1)::text, true) <> '${step > 0 ? 0 : -1}'`;

function defaultExpr(p: Params, table: Table, col: string): string {
  const c = table.col.get(col)!;
  // catalog text (pg_get_expr of the column default), not request input
  if (c.default !== null) return c.default;
  if (c.identity) return `nextval(pg_get_serial_sequence(${p.add(`${ident(table.schema)}.${ident(table.name)}`)}, ${p.add(col)}))`;
  return 'NULL';
}

export function insertSql(p: Params, table: Table, o: InsertOptions): string {
  checkColumns(table, o.columns);
  const target = `${qident(table.schema, table.name)} AS ${alias(table)}`;
  if (o.columns.length === 0) {
    if (o.rowCount > 1) throw new ApiError(400, 'PGRST102', 'Cannot insert several rows without any columns');
    if (o.putConditions) throw new ApiError(400, 'PGRST115', 'Payload values do not match URL in primary key column(s)');
    return `INSERT INTO ${target} DEFAULT VALUES${returningSql(table, o.returning)}`;
  }
  const cols = o.columns.map(ident).join(', ');
  const rowType = `NULL::${qident(table.schema, table.name)}`;
  let source: string;
  if (o.missingDefault) {
    const picks = o.columns.map(
      (c) => `CASE WHEN ("pgrst_e"."v"::jsonb) ? ${p.add(c, 'text')} THEN "pgrst_r".${ident(c)} ELSE ${defaultExpr(p, table, c)} END`,
    );
    source = `SELECT ${picks.join(', ')} FROM json_array_elements(${p.add(o.body, 'json')}) AS "pgrst_e"("v"), LATERAL json_populate_record(${rowType}, "pgrst_e"."v") AS "pgrst_r"`;
  } else {
    source = `SELECT ${cols} FROM json_populate_recordset(${rowType}, ${p.add(o.body, 'json')}) AS "pgrst_r"`;
  }
  const counted = o.resolution === 'merge' || o.putConditions !== undefined;
  const where = [
    ...(counted ? [countInserted(1)] : []),
    ...(o.putConditions ?? []).map((c) => conditionSql(p, 'pgrst_r', c, table)),
  ];
  let sql = `INSERT INTO ${target} (${cols}) ${source}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  if (o.resolution || o.putConditions) {
    const conflict = o.putConditions ? table.pk : (o.onConflict ?? table.pk);
    checkColumns(table, conflict);
    if (conflict.length === 0) throw new ApiError(400, 'PGRST100', `Upsert on '${table.name}' needs on_conflict: it has no primary key`);
    sql += ` ON CONFLICT (${conflict.map(ident).join(', ')})`;
    // as PostgREST: a merge sets every sent column, the conflict columns included
    sql += o.resolution === 'ignore' && !o.putConditions
      ? ' DO NOTHING'
      : ` DO UPDATE SET ${o.columns.map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`).join(', ')} WHERE ${countInserted(-1)}`;
  }
  return sql + returningSql(table, o.returning);
}

/**
 * PostgREST 12's limited update/delete (`order` + `limit`/`offset`): the rows are picked by a
 * subquery and matched back on the order columns, which should be unique — when they are not,
 * more rows match than the limit and the request is refused (PGRST110, rolled back).
 */
export interface MutationLimit {
  order: OrderTerm[];
  limit?: number;
  offset?: number;
}

function affectedRows(p: Params, table: Table, conds: string[], limited: MutationLimit) {
  const a = alias(table);
  const cols = [...new Set(limited.order.map((t) => t.field.name))];
  checkColumns(table, cols);
  let sub = `SELECT ${cols.map((c) => `${a}.${ident(c)}`).join(', ')} FROM ${qident(table.schema, table.name)} AS ${a}`;
  if (conds.length) sub += ` WHERE ${conds.join(' AND ')}`;
  sub += ` ORDER BY ${orderSql(p, table.name, limited.order, () => undefined)}`;
  if (limited.limit !== undefined) sub += ` LIMIT ${p.add(limited.limit, 'int8')}`;
  if (limited.offset) sub += ` OFFSET ${p.add(limited.offset, 'int8')}`;
  return {
    from: `(${sub}) AS "pgrst_affected_rows"`,
    match: cols.map((c) => `${a}.${ident(c)} = "pgrst_affected_rows".${ident(c)}`).join(' AND '),
  };
}

export function updateSql(
  p: Params, table: Table, body: string, columns: string[], where: Condition[], returning: Returning, limited?: MutationLimit,
): string {
  checkColumns(table, columns);
  const target = `${qident(table.schema, table.name)} AS ${alias(table)}`;
  const conds = where.map((c) => conditionSql(p, table.name, c, table));
  if (columns.length === 0) {
    // nothing to change: PostgREST answers as if no row matched
    return `SELECT ${returnedSql(table, returning)} FROM ${target} WHERE FALSE${conds.map((c) => ` AND ${c}`).join('')}`;
  }
  const sets = columns.map((c) => `${ident(c)} = "pgrst_b".${ident(c)}`).join(', ');
  const source = `json_populate_record(NULL::${qident(table.schema, table.name)}, ${p.add(body, 'json')}) AS "pgrst_b"`;
  if (limited) {
    const rows = affectedRows(p, table, conds, limited);
    return `UPDATE ${target} SET ${sets} FROM ${source}, ${rows.from} WHERE ${rows.match}${returningSql(table, returning)}`;
  }
  return `UPDATE ${target} SET ${sets} FROM ${source} WHERE ${conds.join(' AND ')}${returningSql(table, returning)}`;
}

export function deleteSql(p: Params, table: Table, where: Condition[], returning: Returning, limited?: MutationLimit): string {
  const conds = where.map((c) => conditionSql(p, table.name, c, table));
  const target = `${qident(table.schema, table.name)} AS ${alias(table)}`;
  if (limited) {
    const rows = affectedRows(p, table, conds, limited);
    return `DELETE FROM ${target} USING ${rows.from} WHERE ${rows.match}${returningSql(table, returning)}`;
  }
  return `DELETE FROM ${target} WHERE ${conds.join(' AND ')}${returningSql(table, returning)}`;
}
