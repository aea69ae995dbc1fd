// The outer SELECT every REST statement ends with: one row carrying the total count, the
// page size, the json body and the response GUCs functions may have set.
import { levelSql } from './build-read.ts';
import type { Params } from './sql.ts';
import type { ReadPlan } from './plan.ts';

const GUCS = `current_setting('response.headers', true) AS "headers", current_setting('response.status', true) AS "status", nullif(current_setting('pgrst.inserted', true), '')::int AS "inserted"`;

export interface ResultRow {
  total: string | null;
  n: string;
  body: string | null;
  headers: string | null;
  status: string | null;
  /** rows an upsert inserted rather than merged (null unless it counted) */
  inserted: number | null;
}

export function countSql(p: Params, plan: ReadPlan, from: string, alias: string): string {
  return `SELECT count(*) FROM (${levelSql(p, plan, { from, alias, countOnly: true })}) AS "pgrst_c"`;
}

export type BodyFormat = 'json' | 'csv' | 'geojson';

/**
 * The page as PostgREST writes it. CSV: the first row's keys joined by commas, then each row as
 * PostgreSQL's record text without its parentheses (so booleans are t/f, NULL is empty, and
 * values with commas, quotes, spaces or braces are double-quoted); no rows → "\n". GeoJSON: a
 * FeatureCollection of ST_AsGeoJSON(row) — geometry from the row's first geometry column.
 */
function bodyExpr(format: BodyFormat, stripNulls: boolean): string {
  if (format === 'csv') {
    const header = `(SELECT COALESCE(string_agg("pgrst_k", ','), '') FROM json_object_keys((array_agg(row_to_json("pgrst_t")))[1]) AS "pgrst_k")`;
    const rows = `COALESCE(string_agg(substring("pgrst_t"::text, 2, length("pgrst_t"::text) - 2), E'\\n'), '')`;
    return `${header} || E'\\n' || ${rows}`;
  }
  if (format === 'geojson') {
    return `json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(extensions.st_asgeojson("pgrst_t")::json), '[]'))`;
  }
  const agg = `COALESCE(json_agg("pgrst_t"), '[]')`;
  return stripNulls ? `json_strip_nulls(${agg})` : agg;
}

/** Rows of `plan` read from `from` (a table or the pgrst_source CTE) as a json array, CSV or GeoJSON. */
export function readStatement(
  p: Params, plan: ReadPlan, from: string,
  o: { alias: string; cte?: string; count: boolean; stripNulls: boolean; format?: BodyFormat },
): string {
  const inner = levelSql(p, plan, { from, alias: o.alias, paginate: true });
  const total = o.count ? `(${countSql(p, plan, from, o.alias)})` : 'NULL::int8';
  const body = bodyExpr(o.format ?? 'json', o.stripNulls);
  const withCte = o.cte ? `WITH ${o.cte} ` : '';
  return `${withCte}SELECT ${total} AS "total", count(*) AS "n", ${body}::text AS "body", ${GUCS} FROM (${inner}) AS "pgrst_t"`;
}

/** A mutation whose rows are not returned: only how many there were. */
export function countStatement(cte: string): string {
  return `WITH ${cte} SELECT NULL::int8 AS "total", count(*) AS "n", NULL::text AS "body", ${GUCS} FROM "pgrst_source"`;
}

/**
 * A function returning a set of scalars, paged (limit/offset, Range) and, with count=exact,
 * counted in full as PostgREST does for any set-returning function.
 */
export function scalarSetStatement(p: Params, cte: string, page: { offset: number; limit?: number }, count: boolean): string {
  let rows = `SELECT "pgrst_scalar" FROM "pgrst_source"`;
  if (page.limit !== undefined) rows += ` LIMIT ${p.add(page.limit, 'int8')}`;
  if (page.offset) rows += ` OFFSET ${p.add(page.offset, 'int8')}`;
  const total = count ? `(SELECT count(*) FROM "pgrst_source")` : 'NULL::int8';
  return `WITH ${cte} SELECT ${total} AS "total", count(*) AS "n", COALESCE(json_agg("pgrst_page"."pgrst_scalar"), '[]')::text AS "body", ${GUCS} FROM (${rows}) AS "pgrst_page"`;
}

/** A scalar function: its value (or set of values) as json. */
export function scalarStatement(cte: string, set: boolean): string {
  const body = set ? `COALESCE(json_agg("pgrst_scalar"), '[]')::text` : `(array_agg(to_json("pgrst_scalar")))[1]::text`;
  return `WITH ${cte} SELECT NULL::int8 AS "total", count(*) AS "n", ${body} AS "body", ${GUCS} FROM "pgrst_source"`;
}
