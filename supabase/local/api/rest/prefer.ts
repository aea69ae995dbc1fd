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
  /** `params=single-object`: the whole body is a function's one json/jsonb argument */
  params?: 'single-object';
  /** `timezone=<name>`: the transaction's TimeZone, when PostgreSQL knows the name */
  timezone?: string;
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
  params: ['single-object'],
};

/** `timezones`: the names PostgreSQL knows (pg_timezone_names); others are invalid preferences. */
export function parsePrefer(header: string | string[] | undefined, timezones: ReadonlySet<string> = new Set()): Prefer {
  const out: Prefer = { applied: [], invalid: [] };
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [k, v = ''] = part.split('=').map((s) => s.trim());
    if (k === 'max-affected' && /^\d+$/.test(v) && Number.isSafeInteger(Number(v))) {
      out.maxAffected = Number(v);
      out.applied.push(part);
    } else if (k === 'timezone' && timezones.has(v)) {
      out.timezone = v;
      out.applied.push(part);
    } else if (KNOWN[k]?.includes(v)) {
      (out as unknown as Record<string, string>)[k] = v;
      out.applied.push(part);
    } else out.invalid.push(part);
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

export const PLAN_OPTIONS = ['analyze', 'verbose', 'settings', 'buffers', 'wal'] as const;

export interface Media {
  /** the body's shape (for a plan: the shape the plan is of, its `for` parameter) */
  kind: 'json' | 'object' | 'csv' | 'geojson';
  stripNulls: boolean;
  /** `application/vnd.pgrst.plan[+json|+text]`: EXPLAIN of the statement instead of its rows */
  plan?: { format: 'json' | 'text'; options: string[] };
}

/** The media type each kind of body is answered as (a plan names it in its `for`). */
export const MEDIA_TYPE: Record<Media['kind'], string> = {
  json: 'application/json',
  object: 'application/vnd.pgrst.object+json',
  csv: 'text/csv',
  geojson: 'application/geo+json',
};

function mediaKind(type: string, stripNulls: boolean): Media | undefined {
  if (type === 'application/vnd.pgrst.object+json' || type === 'application/vnd.pgrst.object') return { kind: 'object', stripNulls };
  if (['application/json', 'application/vnd.pgrst.array+json', 'application/vnd.pgrst.array', '*/*', 'application/*'].includes(type)) {
    return { kind: 'json', stripNulls };
  }
  if (type === 'text/csv' || type === 'text/*') return { kind: 'csv', stripNulls: false };
  if (type === 'application/geo+json') return { kind: 'geojson', stripNulls: false };
  return undefined;
}

const PLAN_TYPES: Record<string, 'json' | 'text'> = {
  'application/vnd.pgrst.plan': 'text',
  'application/vnd.pgrst.plan+text': 'text',
  'application/vnd.pgrst.plan+json': 'json',
};

/** Accept → what to answer; plans only when `db-plan-enabled` (else they are not on offer: 406). */
export function negotiate(accept: string | undefined, planEnabled = false): Media {
  if (!accept) return { kind: 'json', stripNulls: false };
  const offers = accept.split(',').map((s) => s.trim()).filter(Boolean);
  for (const offer of offers) {
    const [type, ...params] = offer.split(';').map((s) => s.trim());
    const lower = type.toLowerCase();
    const param = (name: string) => params.find((p) => p.toLowerCase().startsWith(`${name}=`))?.slice(name.length + 1).replace(/^"|"$/g, '');
    const stripNulls = param('nulls') === 'stripped';
    if (params.some((p) => p.startsWith('q=0') && Number(p.slice(2)) === 0)) continue;
    if (PLAN_TYPES[lower]) {
      if (!planEnabled) continue;
      const target = mediaKind((param('for') ?? 'application/json').toLowerCase(), false);
      if (!target) continue;
      const options = (param('options') ?? '').split('|').map((o) => o.trim().toLowerCase());
      return { ...target, plan: { format: PLAN_TYPES[lower], options: PLAN_OPTIONS.filter((o) => options.includes(o)) } };
    }
    const media = mediaKind(lower, stripNulls);
    if (media) return media;
  }
  throw new ApiError(406, 'PGRST107', `None of these media types are available: ${offers.join(', ')}`);
}
