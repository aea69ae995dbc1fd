// /rest/v1: one request = one transaction as the caller's role, with the request's claims,
// headers, method and path set locally; PostgreSQL (RLS, grants) decides what is allowed.
import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { ApiError } from './errors.ts';
import { bodyDecoder, insertPayload, parseJson, rpcArgs, updatePayload } from './body.ts';
import { deleteSql, insertSql, updateSql, type MutationLimit, type Returning } from './build-mutate.ts';
import { callCte, chooseFunction } from './build-rpc.ts';
import { buildPlan, type ReadPlan } from './plan.ts';
import { levelSql } from './build-read.ts';
import { acceptsOpenApi, openApiDisabled, openApiDocument } from './openapi.ts';
import { combineRange, MEDIA_TYPE, type Media } from './prefer.ts';
import { chooseSchema, decodeSegment, describeRequest, type RestRequest } from './request.ts';
import { finishResponse, type Outcome } from './respond.ts';
import { Params, qident } from './sql.ts';
import { countSql, countStatement, readStatement, scalarSetStatement, scalarStatement, type ResultRow } from './statement.ts';
import type { DbPool } from '../pool.ts';
import type { RestSettings } from './settings.ts';
import type { SelectItem } from './types.ts';
import type { Claims } from '../jwt.ts';
import { qualified, type Func, type SchemaCache, type Table } from '../schema-cache.ts';

export interface Identity {
  role: string;
  claims: Claims;
}

export interface RestDeps {
  pool: DbPool;
  cache: () => SchemaCache;
  settings: () => RestSettings;
  schemas: string[];
  readBody: () => Promise<string>;
}

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

interface PlannedCount {
  sql: string;
  values: unknown[];
  exactSql: string;
  exactValues: unknown[];
}

interface Statement {
  sql: string;
  values: unknown[];
  plannedCount?: PlannedCount;
  kind: 'rows' | 'object' | 'scalar' | 'scalars' | 'void' | 'mutation';
  table?: Table;
  plan?: ReadPlan;
  /** a limited PATCH/DELETE: more rows changed than this is refused */
  limit?: number;
}

function findTable(cache: SchemaCache, schema: string, name: string): Table {
  const t = cache.tables.get(qualified(schema, name));
  if (!t) {
    throw new ApiError(404, 'PGRST205', `Could not find the table '${schema}.${name}' in the schema cache`, null,
      'If the table was just created, reload the schema cache (NOTIFY pgrst, \'reload schema\').');
  }
  return t;
}

function pageOf(r: RestRequest, plan: ReadPlan) {
  const { offset, limit } = combineRange(r.range, plan.limit, plan.offset);
  plan.offset = offset || undefined;
  plan.limit = limit;
  return offset;
}

async function buildStatement(deps: RestDeps, r: RestRequest): Promise<Statement & { offset: number }> {
  const cache = deps.cache();
  const p = new Params();
  const count = r.prefer.count === 'exact' || r.prefer.count === 'estimated';
  const stripNulls = r.media.stripNulls;
  if (r.rpc) return rpcStatement(deps, r, cache, p, count, stripNulls);
  const table = findTable(cache, r.schema, r.target);
  const from = qident(table.schema, table.name);
  const plan = buildPlan(cache, table, r.query);
  if (r.readOnly) {
    const offset = pageOf(r, plan);
    const sql = readStatement(p, plan, from, { alias: table.name, count: r.prefer.count === 'exact', stripNulls, format: bodyFormat(r) });
    const planned = r.prefer.count === 'planned' || r.prefer.count === 'estimated' ? plannedCount(plan, from, table.name) : undefined;
    return { sql, values: p.values, plannedCount: planned, kind: 'rows', table, plan, offset };
  }
  const representation = r.prefer.return === 'representation' || r.prefer.return === 'headers-only';
  const returning = representation ? returnedColumns(plan, table) : 'none';
  let mutation: string;
  const limited = mutationLimit(r, plan);
  if (r.method === 'POST') {
    const payload = insertPayload(parseJson(await deps.readBody(), false), r.query.columns);
    mutation = insertSql(p, table, {
      ...payload,
      onConflict: r.query.onConflict,
      resolution: r.prefer.resolution === 'merge-duplicates' ? 'merge' : r.prefer.resolution === 'ignore-duplicates' ? 'ignore' : undefined,
      missingDefault: r.prefer.missing === 'default',
      returning,
    });
  } else if (r.method === 'PUT') {
    const payload = insertPayload(parseJson(await deps.readBody(), false), r.query.columns);
    mutation = insertSql(p, table, { ...payload, missingDefault: false, returning, putConditions: putConditions(plan, table) });
  } else if (r.method === 'PATCH') {
    const payload = updatePayload(parseJson(await deps.readBody(), false));
    mutation = updateSql(p, table, payload.body, payload.columns, plan.where, returning, limited);
  } else {
    mutation = deleteSql(p, table, plan.where, returning, limited);
  }
  const cte = `"pgrst_source" AS (${mutation})`;
  if (!representation) return { sql: countStatement(cte), values: p.values, kind: 'mutation', table, offset: 0, limit: limited?.limit };
  // the representation is read back from the mutated rows; top-level filters and limits were the mutation's
  const readPlan: ReadPlan = { ...plan, where: [], limit: undefined, offset: undefined };
  if (r.prefer.return === 'headers-only') {
    readPlan.select = table.pk.map((c) => ({ kind: 'field' as const, field: { name: c, json: [] } }));
    readPlan.embeds = [];
  }
  const sql = readStatement(p, readPlan, '"pgrst_source"', { alias: table.name, cte, count: false, stripNulls, format: bodyFormat(r) });
  return { sql, values: p.values, kind: 'mutation', table, plan: readPlan, offset: 0, limit: limited?.limit };
}

/** PATCH/DELETE with `limit`/`offset`: PostgREST 12 needs an explicit `order` to pick the rows. */
function mutationLimit(r: RestRequest, plan: ReadPlan): MutationLimit | undefined {
  if (plan.limit === undefined && plan.offset === undefined) return undefined;
  if (r.method === 'PUT') throw new ApiError(400, 'PGRST114', 'limit/offset querystring parameters are not allowed for PUT');
  if (r.method === 'POST') return undefined;
  if (plan.order.length === 0) {
    throw new ApiError(400, 'PGRST109', "A 'limit' was applied without an explicit 'order'", null, "Apply an 'order' using unique column(s)");
  }
  return { order: plan.order, limit: plan.limit, offset: plan.offset };
}

/** PUT's URL names exactly the primary key, each column with `eq`, and nothing else. */
function putConditions(plan: ReadPlan, table: Table) {
  const filters = plan.where;
  const names = filters.map((c) => (c.kind === 'filter' ? c.field.name : ''));
  const exact =
    table.pk.length > 0 &&
    filters.every((c) => c.kind === 'filter' && !c.expr.negated && c.expr.op === 'eq' && !c.expr.quantifier && c.field.json.length === 0) &&
    names.length === new Set(names).size &&
    names.length === table.pk.length &&
    table.pk.every((c) => names.includes(c));
  if (!exact) throw new ApiError(405, 'PGRST105', "Filters must include all and only primary key columns with 'eq' operators");
  return filters;
}

// PostgREST's inferColsEmbedNeeds: the selected columns, the primary key, and the parent's
// side of every embed's join; `*` anywhere in the select returns every column.
function returnedColumns(plan: ReadPlan, table: Table): Returning {
  if (plan.select.length === 0 || plan.select.some((item) => item.kind === 'star')) return '*';
  const cols = new Set<string>();
  for (const item of plan.select) if (item.kind === 'field') cols.add(item.field.name);
  for (const c of table.pk) cols.add(c);
  for (const embed of plan.embeds) {
    const rel = embed.rel;
    if (rel.kind === 'computed') continue; // a function of the whole row, which a write does not return
    const joined = rel.kind === 'm2m' ? rel.fromPairs.map(([, fromCol]) => fromCol) : rel.pairs.map(([parentCol]) => parentCol);
    for (const c of joined) cols.add(c);
  }
  return [...cols].filter((c) => table.col.has(c));
}

function plannedCount(plan: ReadPlan, from: string, alias: string) {
  const p = new Params();
  const rows = levelSql(p, plan, { from, alias, countOnly: true });
  const exact = new Params();
  return { sql: `EXPLAIN (FORMAT JSON) ${rows}`, values: p.values, exactSql: countSql(exact, plan, from, alias), exactValues: exact.values };
}

async function rpcStatement(deps: RestDeps, r: RestRequest, cache: SchemaCache, p: Params, count: boolean, stripNulls: boolean) {
  const candidates = cache.funcs.get(qualified(r.schema, r.target));
  let args: string;
  let names: string[];
  let rawBody = false;
  const singleObject = r.method === 'POST' && r.prefer.params === 'single-object';
  if (r.method === 'POST') {
    const body = parseJson(await deps.readBody(), true);
    const obj = rpcArgs(body.value);
    args = body.text;
    names = obj && !singleObject ? Object.keys(obj) : [];
    rawBody = !obj;
  } else {
    args = JSON.stringify(Object.fromEntries(r.query.rpcArgs));
    names = [...r.query.rpcArgs.keys()];
  }
  const fn: Func = chooseFunction(candidates, r.schema, r.target, names, rawBody, singleObject);
  const cte = callCte(p, fn, args, names, singleObject);
  if (fn.returns === 'void') return { sql: scalarStatement(cte, false), values: p.values, kind: 'void' as const, offset: 0, fn };
  if (fn.returns === 'scalar' && fn.returnsSet) {
    // no columns, so no filters or order, but paging and counting as for rows
    const page = combineRange(r.range, r.query.limit.get(''), r.query.offset.get(''));
    return { sql: scalarSetStatement(p, cte, page, count), values: p.values, kind: 'scalars' as const, offset: page.offset, fn };
  }
  if (fn.returns === 'scalar') return { sql: scalarStatement(cte, false), values: p.values, kind: 'scalar' as const, offset: 0, fn };
  const plan = buildPlan(cache, fn.returnTable, r.query);
  const offset = pageOf(r, plan);
  const sql = readStatement(p, plan, '"pgrst_source"', { alias: fn.name, cte, count, stripNulls, format: bodyFormat(r) });
  return { sql, values: p.values, kind: fn.returnsSet ? ('rows' as const) : ('object' as const), plan, offset, fn };
}

function setupSql(
  deps: RestDeps, r: Pick<RestRequest, 'method' | 'schema'> & { prefer?: { timezone?: string } }, id: Identity, req: IncomingMessage, path: string,
) {
  const settings: [string, string][] = [
    ['role', id.role],
    ['request.jwt.claims', JSON.stringify(id.claims)],
    ['request.headers', JSON.stringify(req.headers)],
    ['request.method', r.method],
    ['request.path', path],
    ['search_path', `"${r.schema.replace(/"/g, '""')}", public, extensions`],
    ...(deps.cache().roles.get(id.role) ?? []),
    ...(r.prefer?.timezone ? [['timezone', r.prefer.timezone] as [string, string]] : []),
  ];
  const values: string[] = [];
  const calls = settings.map(([k, v]) => {
    values.push(k, v);
    return `set_config($${values.length - 1}, $${values.length}, true)`;
  });
  return { sql: `SELECT ${calls.join(', ')}`, values };
}

export async function handleRest(
  deps: RestDeps, req: IncomingMessage, path: string, search: URLSearchParams, id: Identity,
): Promise<RestResponse> {
  const method = req.method ?? 'GET';
  // on GET /rpc/fn, query parameters named like one of fn's arguments are arguments
  const isRpcArg = (name: string) => {
    const fnName = decodeSegment(path.split('/').filter(Boolean)[1] ?? '');
    const schema = chooseSchema(method, req.headers, deps.schemas);
    return !!deps.cache().funcs.get(qualified(schema, fnName))?.some((f) => f.args.some((a) => a.name === name));
  };
  const settings = deps.settings();
  if (path.split('/').filter(Boolean).length === 0 && (method === 'GET' || method === 'HEAD')) {
    return rootDocument(deps, req, method, path, id, settings);
  }
  const r = describeRequest(method, path, search, req.headers, deps.schemas, isRpcArg, {
    planEnabled: settings.planEnabled,
    timezones: deps.cache().timezones,
  });
  if (!settings.aggregatesEnabled && usesAggregates(r.query.select)) {
    throw new ApiError(400, 'PGRST123', 'Use of aggregate functions is not allowed');
  }
  if (!r.readOnly) {
    const decode = bodyDecoder(req.headers['content-type']);
    const read = deps.readBody;
    deps = { ...deps, readBody: async () => decode(await read()) };
  }
  const st = await buildStatement(deps, r);
  const fn = (st as { fn?: Func }).fn;
  // stable/immutable functions run read-only even when POSTed, as in PostgREST
  const readOnly = r.readOnly || (fn !== undefined && fn.volatility !== 'v');
  const setup = setupSql(deps, r, id, req, path);
  if (r.media.plan) return explain(deps, r.media, st, setup, readOnly);
  return deps.pool.transaction(readOnly, async (c: pg.PoolClient) => {
    await c.query(setup.sql, setup.values);
    const { rows } = await c.query<ResultRow>(st.sql, st.values);
    let planned: number | undefined;
    if (st.plannedCount) planned = await runPlanned(c, st.plannedCount, r.prefer.count === 'estimated');
    const outcome: Outcome = finishResponse(r, st.kind, rows[0], st.offset, planned, st.table, st.limit);
    return { value: outcome.response, commit: outcome.commit };
  });
}

/** GET /rest/v1/: the OpenAPI document, read as the caller's role (openapi.ts). */
async function rootDocument(deps: RestDeps, req: IncomingMessage, method: string, path: string, id: Identity, settings: RestSettings): Promise<RestResponse> {
  if (settings.openapiMode === 'disabled') throw openApiDisabled();
  const accept = typeof req.headers.accept === 'string' ? req.headers.accept : undefined;
  if (!acceptsOpenApi(accept)) throw new ApiError(406, 'PGRST107', `None of these media types are available: ${accept}`);
  const schema = chooseSchema(method, req.headers, deps.schemas);
  const setup = setupSql(deps, { method, schema }, id, req, path);
  return deps.pool.transaction(true, async (c: pg.PoolClient) => {
    await c.query(setup.sql, setup.values);
    const doc = await openApiDocument(c, deps.cache(), schema, settings, req.headers);
    const headers = { 'Content-Type': 'application/openapi+json; charset=utf-8' };
    return { value: { status: 200, headers, body: method === 'HEAD' ? undefined : JSON.stringify(doc) }, commit: true };
  });
}

const bodyFormat = (r: RestRequest) => (r.media.kind === 'csv' ? 'csv' : r.media.kind === 'geojson' ? 'geojson' : 'json');

/**
 * `Accept: application/vnd.pgrst.plan…` (db-plan-enabled): EXPLAIN of the very statement the
 * request would run, in PostgREST's response shape. Always rolled back: EXPLAIN ANALYZE runs the
 * statement, and asking how a write would run should not make it.
 */
async function explain(deps: RestDeps, media: Media, st: Statement, setup: { sql: string; values: unknown[] }, readOnly: boolean): Promise<RestResponse> {
  const plan = media.plan!;
  const options = [`FORMAT ${plan.format.toUpperCase()}`, ...plan.options.map((o) => o.toUpperCase())].join(', ');
  return deps.pool.transaction(readOnly, async (c: pg.PoolClient) => {
    await c.query(setup.sql, setup.values);
    const { rows } = await c.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (${options}) ${st.sql}`, st.values);
    const body = plan.format === 'json' ? JSON.stringify(rows[0]['QUERY PLAN']) : rows.map((row) => String(row['QUERY PLAN'])).join('\n');
    const opts = plan.options.length ? `; options=${plan.options.join('|')}` : '';
    const type = `application/vnd.pgrst.plan+${plan.format}; for="${MEDIA_TYPE[media.kind]}"${opts}; charset=utf-8`;
    return { value: { status: 200, headers: { 'Content-Type': type }, body }, commit: false };
  });
}

function usesAggregates(items: SelectItem[]): boolean {
  return items.some((i) => (i.kind === 'field' && i.aggregate !== undefined) || (i.kind === 'embed' && usesAggregates(i.select)));
}

/** "estimated" counts exactly below this many planned rows, and trusts the planner above */
const ESTIMATED_EXACT_BELOW = 1000;

async function runPlanned(c: pg.PoolClient, q: PlannedCount, estimated: boolean): Promise<number> {
  const { rows } = await c.query(q.sql, q.values);
  const plan = rows[0]['QUERY PLAN'] as { Plan: { 'Plan Rows': number } }[];
  const estimate = plan[0].Plan['Plan Rows'];
  if (estimated && estimate < ESTIMATED_EXACT_BELOW) {
    const exact = await c.query(q.exactSql, q.exactValues);
    return Number(exact.rows[0].count);
  }
  return estimate;
}
