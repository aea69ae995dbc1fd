// Request bodies: JSON, forms and CSV (PGRST102 when malformed), normalised to what the statements need.
import Papa from 'papaparse';
import { ApiError } from './errors.ts';

const invalid = (details: string | null = null) => new ApiError(400, 'PGRST102', 'Empty or invalid json', details);

/** JSON bodies, or form bodies (PostgREST reads them as one object of strings). */
export function bodyDecoder(header: string | undefined): (raw: string) => string {
  const type = (header ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded')
    return (raw) => JSON.stringify(Object.fromEntries(new URLSearchParams(raw)));
  if (type === 'text/csv') return csvRows;
  if (type === 'application/json' || type === 'application/vnd.pgrst.object+json' || type === '*/*' || type === '')
    return (raw) => raw;
  throw new ApiError(415, 'PGRST107', `Content-Type not acceptable: ${type}`);
}

/**
 * A CSV body as PostgREST reads it (cassava's decodeByName, then csvToJson): a header line, then
 * rows of as many fields, each value a string except the word NULL, which is null.
 */
function csvRows(raw: string): string {
  const { data, errors } = Papa.parse<string[]>(raw, { header: false, skipEmptyLines: false });
  const quoting = errors.find((e) => e.type === 'Quotes');
  if (quoting) throw new ApiError(400, 'PGRST102', `parse error (${quoting.message}) at row ${quoting.row ?? 0}`);
  // a last line break ends the last row; it starts no empty one
  const rows = data.length && data.at(-1)!.length === 1 && data.at(-1)![0] === '' ? data.slice(0, -1) : data;
  if (rows.length === 0)
    throw new ApiError(400, 'PGRST102', 'parse error (not enough input): a CSV body starts with its header line');
  const [header, ...lines] = rows;
  if (lines.some((line) => line.length !== header.length))
    throw new ApiError(400, 'PGRST102', 'All lines must have same number of fields');
  return JSON.stringify(
    lines.map((line) => Object.fromEntries(header.map((name, i) => [name, line[i] === 'NULL' ? null : line[i]]))),
  );
}

/**
 * A parsed body and the text it came from. PostgreSQL gets the client's own text, never a
 * re-serialisation: JSON.stringify would overflow the stack on deeply nested values, turn
 * 1e400 into null and round integers above 2^53, silently changing what gets stored.
 */
export interface JsonBody {
  value: unknown;
  text: string;
}

export function parseJson(raw: string, allowEmpty: boolean): JsonBody {
  if (raw.trim() === '') {
    if (allowEmpty) return { value: {}, text: '{}' };
    throw invalid();
  }
  try {
    return { value: JSON.parse(raw), text: raw };
  } catch (err) {
    throw invalid((err as Error).message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rows to insert as a JSON array text, and the column list (`columns=` or the payload keys). */
export function insertPayload(
  json: JsonBody,
  columns?: string[],
): { body: string; columns: string[]; rowCount: number } {
  const { value } = json;
  const rows = Array.isArray(value) ? value : [value];
  if (!rows.every(isObject)) throw invalid('Expected a JSON object or an array of JSON objects');
  const body = Array.isArray(value) ? json.text : `[${json.text}]`;
  if (columns) return { body, columns, rowCount: rows.length };
  const first = rows.length ? Object.keys(rows[0]) : [];
  const expected = new Set(first);
  for (const r of rows) {
    const keys = Object.keys(r);
    if (keys.length !== first.length || !keys.every((k) => expected.has(k)))
      throw invalid('All object keys must match');
  }
  return { body, columns: first, rowCount: rows.length };
}

export function updatePayload(json: JsonBody): { body: string; columns: string[] } {
  if (!isObject(json.value)) throw invalid('Expected a JSON object');
  return { body: json.text, columns: Object.keys(json.value) };
}

export function rpcArgs(value: unknown): Record<string, unknown> | undefined {
  return isObject(value) ? value : undefined;
}
