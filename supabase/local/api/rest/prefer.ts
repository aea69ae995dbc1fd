// Request headers that shape a PostgREST response: Prefer, Range and Accept.
import { ApiError } from './errors.ts';

export interface Prefer {
  return?: 'minimal' | 'headers-only' | 'representation';
  count?: 'exact' | 'planned' | 'estimated';
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  missing?: 'default' | 'null';
  tx?: 'commit' | 'rollback';
  handling?: 'strict' | 'lenient';
  maxAffected?: number;
  /** preferences understood, echoed in Preference-Applied */
  applied: string[];
  invalid: string[];
}

const KNOWN: Record<string, string[]> = {
  return: ['minimal', 'headers-only', 'representation'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  tx: ['commit', 'rollback'],
  handling: ['strict', 'lenient'],
};

export function parsePrefer(header: string | string[] | undefined): Prefer {
  const out: Prefer = { applied: [], invalid: [] };
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [k, v = ''] = part.split('=').map((s) => s.trim());
    if (k === 'max-affected' && /^\d+$/.test(v) && Number.isSafeInteger(Number(v))) {
      out.maxAffected = Number(v);
      out.applied.push(part);
    } else if (KNOWN[k]?.includes(v)) {
      (out as unknown as Record<string, string>)[k] = v;
      out.applied.push(part);
    } else if (k !== 'params' && k !== 'timezone') out.invalid.push(part);
  }
  if (out.handling === 'strict' && out.invalid.length) {
    throw new ApiError(400, 'PGRST122', `Invalid preferences given with handling=strict`, `Invalid preferences: ${out.invalid.join(', ')}`);
  }
  return out;
}

/** `Range: 0-9` (items) → offset/limit; invalid or open-ended ranges are read leniently. */
export function parseRange(header: string | undefined): { offset: number; limit?: number } | undefined {
  if (!header) return undefined;
  const m = /^(?:items=)?\s*(\d+)-(\d*)\s*$/.exec(header);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === '' ? undefined : Number(m[2]);
  // beyond 2^53 the bounds are no longer exact integers, and SQL would get "1e+23"
  if (!Number.isSafeInteger(from) || (to !== undefined && !Number.isSafeInteger(to))) {
    throw new ApiError(416, 'PGRST103', 'Requested range not satisfiable', 'The Range header bounds must be integers below 2^53.');
  }
  if (to === undefined) return { offset: from };
  if (to < from) throw new ApiError(416, 'PGRST103', 'Requested range not satisfiable', `The lower boundary must be lower than or equal to the upper boundary in the Range header.`);
  return { offset: from, limit: to - from + 1 };
}

/** Intersects the Range header with limit/offset, as PostgREST does. */
export function combineRange(
  header: { offset: number; limit?: number } | undefined,
  limit: number | undefined,
  offset: number | undefined,
): { offset: number; limit?: number } {
  const qOff = offset ?? 0;
  const qEnd = limit === undefined ? Infinity : qOff + limit;
  const hOff = header?.offset ?? 0;
  const hEnd = header?.limit === undefined ? Infinity : hOff + header.limit;
  const start = Math.max(qOff, hOff);
  const end = Math.min(qEnd, hEnd);
  return { offset: start, limit: end === Infinity ? undefined : Math.max(0, end - start) };
}

export type Media = { kind: 'json' | 'object' | 'csv'; stripNulls: boolean };

export function negotiate(accept: string | undefined): Media {
  if (!accept) return { kind: 'json', stripNulls: false };
  const offers = accept.split(',').map((s) => s.trim()).filter(Boolean);
  for (const offer of offers) {
    const [type, ...params] = offer.split(';').map((s) => s.trim().toLowerCase());
    const stripNulls = params.includes('nulls=stripped');
    if (params.some((p) => p.startsWith('q=0') && Number(p.slice(2)) === 0)) continue;
    if (type === 'application/vnd.pgrst.object+json' || type === 'application/vnd.pgrst.object') return { kind: 'object', stripNulls };
    if (['application/json', 'application/vnd.pgrst.array+json', 'application/vnd.pgrst.array', '*/*', 'application/*'].includes(type)) {
      return { kind: 'json', stripNulls };
    }
    if (type === 'text/csv' || type === 'text/*') return { kind: 'csv', stripNulls: false };
  }
  throw new ApiError(406, 'PGRST107', `None of these media types are available: ${offers.join(', ')}`);
}
