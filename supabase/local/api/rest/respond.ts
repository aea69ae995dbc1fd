// Status, headers and body from a statement's result row, with PostgREST's rules for
// Content-Range, 206/416, single objects (PGRST116), return=…, tx=rollback and response GUCs.
import { ApiError } from './errors.ts';
import { MEDIA_TYPE } from './prefer.ts';
import type { RestRequest } from './request.ts';
import type { ResultRow } from './statement.ts';
import type { Table } from '../schema-cache.ts';

export interface Outcome {
  response: { status: number; headers: Record<string, string>; body?: string };
  commit: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function gucHeaders(raw: string | null): Record<string, string> {
  if (!raw) return {};
  try {
    const list = JSON.parse(raw) as Record<string, string>[];
    if (!Array.isArray(list)) throw new Error('not an array');
    return Object.assign({}, ...list.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]))));
  } catch {
    throw new ApiError(500, 'PGRST111', 'response.headers guc must be a JSON array composed of objects with a single key and a string value');
  }
}

function contentRange(lower: number, n: number, total: number | undefined): string {
  const range = n === 0 ? '*' : `${lower}-${lower + n - 1}`;
  return `${range}/${total ?? '*'}`;
}

/** PostgREST 12's singularity error (Accept: application/vnd.pgrst.object+json, n ≠ 1 rows). */
function singularityError(n: number): ApiError {
  return new ApiError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${n} rows`);
}

function singleOrFail(body: string, n: number): string {
  if (n !== 1) throw singularityError(n);
  // json_agg of one row is "[<row>]"
  return body.slice(1, -1);
}

function locationOf(r: RestRequest, table: Table | undefined, body: string): string | undefined {
  if (!table?.pk.length) return undefined;
  const rows = JSON.parse(body) as Record<string, unknown>[];
  if (rows.length !== 1) return undefined;
  const qs = table.pk.map((c) => `${encodeURIComponent(c)}=eq.${encodeURIComponent(String(rows[0][c]))}`).join('&');
  return `/${encodeURIComponent(r.target)}?${qs}`;
}

export function finishResponse(
  r: RestRequest, kind: 'rows' | 'object' | 'scalar' | 'scalars' | 'void' | 'mutation', row: ResultRow, offset: number,
  planned: number | undefined, table: Table | undefined, limit?: number,
): Outcome {
  const n = Number(row.n);
  // a mutation's count is the number of rows it touched
  const total = row.total !== null ? Number(row.total) : kind === 'mutation' && r.prefer.count ? n : planned;
  const headers: Record<string, string> = { ...gucHeaders(row.headers) };
  const applied = [...r.prefer.applied];
  let status = 200;
  let body = row.body ?? undefined;
  // an error thrown below rolls the transaction back (PGRST116 on a mutation undoes it)
  const commit = r.prefer.tx !== 'rollback';
  const single = r.media.kind === 'object';

  if (r.prefer.handling === 'strict' && r.prefer.maxAffected !== undefined && kind === 'mutation' && n > r.prefer.maxAffected) {
    throw new ApiError(400, 'PGRST124', 'Query result exceeds max-affected preference constraint', `The query affects ${n} rows`);
  }
  if (limit !== undefined && kind === 'mutation' && n > limit) {
    throw new ApiError(400, 'PGRST110', 'The maximum number of rows allowed to change was surpassed', `Results contain ${n} rows changed but the maximum number allowed is ${limit}`);
  }
  if (r.method === 'PUT' && n !== 1) throw new ApiError(400, 'PGRST115', 'Payload values do not match URL in primary key column(s)');

  if (kind === 'void') {
    status = 204;
    body = undefined;
  } else if (kind === 'scalar') {
    headers['Content-Type'] = JSON_TYPE;
  } else if (kind === 'scalars') {
    // a set of scalars pages and counts like rows
    headers['Content-Type'] = JSON_TYPE;
    headers['Content-Range'] = contentRange(offset, n, total);
    if (single) body = singleOrFail(body!, n);
    else if (total !== undefined && n < total) status = 206;
  } else if (kind === 'rows' || kind === 'object') {
    if (total !== undefined && offset > total && !r.rpc) {
      throw new ApiError(416, 'PGRST103', 'Requested range not satisfiable', `An offset of ${offset} was requested, but there are only ${total} rows.`);
    }
    headers['Content-Range'] = contentRange(offset, n, total);
    // a function's single row is an object in JSON; CSV and GeoJSON bodies stay whole
    const asText = r.media.kind === 'csv' || r.media.kind === 'geojson';
    if (single) body = singleOrFail(body!, n);
    else if (kind === 'object' && !asText) body = n === 1 ? body!.slice(1, -1) : 'null';
    else if (total !== undefined && n < total) status = 206;
  } else {
    // mutations
    const isInsert = r.method === 'POST' || r.method === 'PUT';
    headers['Content-Range'] = isInsert ? `*/${total ?? '*'}` : contentRange(0, n, total);
    if (single && body !== undefined) {
      body = singleOrFail(body, n);
    } else if (single && n !== 1) {
      throw singularityError(n);
    }
    if (r.prefer.return === 'headers-only') {
      const loc = body !== undefined ? locationOf(r, table, body) : undefined;
      if (loc) headers['Location'] = loc;
      body = undefined;
    } else if (r.prefer.return !== 'representation') body = undefined;
    // an upsert that only merged is 200 (PostgREST #1070); PUT without a body is 204
    const inserted = row.inserted === null ? undefined : Number(row.inserted);
    if (r.method === 'PUT') status = body === undefined ? 204 : inserted! > 0 ? 201 : 200;
    else if (isInsert) status = inserted !== undefined && inserted <= 0 ? 200 : 201;
    else status = body === undefined ? 204 : 200;
  }

  // the statement wrote CSV and GeoJSON bodies itself (statement.ts); scalars are always JSON
  if (body !== undefined && (r.media.kind === 'csv' || r.media.kind === 'geojson') && kind !== 'scalar' && kind !== 'scalars') {
    headers['Content-Type'] = `${MEDIA_TYPE[r.media.kind]}; charset=utf-8`;
  } else if (body !== undefined) {
    headers['Content-Type'] ??= JSON_TYPE;
    if (single || kind === 'object') headers['Content-Type'] = `${MEDIA_TYPE.object}; charset=utf-8`;
  }
  if (applied.length) headers['Preference-Applied'] = applied.join(', ');
  if (row.status) {
    const s = Number(row.status);
    if (!Number.isInteger(s) || s < 100 || s > 599) throw new ApiError(500, 'PGRST112', 'response.status guc must be a valid status code');
    status = s;
  }
  if (r.method === 'HEAD') body = undefined;
  return { response: { status, headers, body }, commit };
}
