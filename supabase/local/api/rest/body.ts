// Request bodies: JSON only (PGRST102 when malformed), normalised to what the statements need.
import { ApiError } from './errors.ts';

const invalid = (details: string | null = null) => new ApiError(400, 'PGRST102', 'Empty or invalid json', details);

/** JSON bodies, or form bodies (PostgREST reads them as one object of strings). */
export function bodyDecoder(header: string | undefined): (raw: string) => string {
  const type = (header ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return (raw) => JSON.stringify(Object.fromEntries(new URLSearchParams(raw)));
  if (type === 'application/json' || type === 'application/vnd.pgrst.object+json' || type === '*/*' || type === '') return (raw) => raw;
  throw new ApiError(415, 'PGRST107', `Content-Type not acceptable: ${type}`);
}

export function parseJson(raw: string, allowEmpty: boolean): unknown {
  if (raw.trim() === '') {
    if (allowEmpty) return {};
    throw invalid();
  }
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw invalid((err as Error).message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rows to insert as a JSON array text, and the column list (`columns=` or the payload keys). */
export function insertPayload(value: unknown, columns?: string[]): { body: string; columns: string[]; rowCount: number } {
  const rows = Array.isArray(value) ? value : [value];
  if (!rows.every(isObject)) throw invalid('Expected a JSON object or an array of JSON objects');
  if (columns) return { body: JSON.stringify(rows), columns, rowCount: rows.length };
  const first = rows.length ? Object.keys(rows[0]) : [];
  for (const r of rows) {
    const keys = Object.keys(r);
    if (keys.length !== first.length || !keys.every((k) => first.includes(k))) throw invalid('All object keys must match');
  }
  return { body: JSON.stringify(rows), columns: first, rowCount: rows.length };
}

export function updatePayload(value: unknown): { body: string; columns: string[] } {
  if (!isObject(value)) throw invalid('Expected a JSON object');
  return { body: JSON.stringify(value), columns: Object.keys(value) };
}

export function rpcArgs(value: unknown): Record<string, unknown> | undefined {
  return isObject(value) ? value : undefined;
}
