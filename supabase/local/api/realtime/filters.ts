// postgres_changes subscription parameters, read as Supabase Realtime reads them
// (Extensions.PostgresCdcRls.Subscriptions.parse_subscription_params): an event, a schema and
// table (either may be "*"), and a filter "column=op.value", several joined by commas (all
// must hold). Operators: eq, neq, lt, lte, gt, gte, in — in takes "(a,b,"c,d")".

export type ChangeEvent = '*' | 'INSERT' | 'UPDATE' | 'DELETE';
export const FILTER_OPS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface ColumnFilter {
  column: string;
  op: FilterOp;
  /** the operand; for `in`, the list */
  value: string | string[];
}

export interface ChangeParams {
  event: ChangeEvent;
  schema: string;
  table: string;
  filters: ColumnFilter[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function eventOf(event: unknown): ChangeEvent {
  if (typeof event !== 'string' || event === '*') return '*';
  const up = event.toUpperCase();
  return up === 'INSERT' || up === 'UPDATE' || up === 'DELETE' ? up : '*';
}

export function parseChangeParams(params: unknown): Parsed<ChangeParams> {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  const event = eventOf(p.event);
  const has = (k: string) => Object.prototype.hasOwnProperty.call(p, k) && p[k] !== undefined && p[k] !== null;
  const str = (k: string) => typeof p[k] === 'string';
  if (str('schema') && str('table') && has('filter')) {
    if (typeof p.filter !== 'string') return missing(p);
    const filters = parseFilter(p.filter);
    if (!filters.ok) return { ok: false, error: `Error parsing \`filter\` params: ${filters.error}` };
    return { ok: true, value: { event, schema: p.schema as string, table: p.table as string, filters: filters.value } };
  }
  if (str('schema') && str('table'))
    return { ok: true, value: { event, schema: p.schema as string, table: p.table as string, filters: [] } };
  if (str('schema') && !has('table') && !has('filter'))
    return { ok: true, value: { event, schema: p.schema as string, table: '*', filters: [] } };
  if (str('table') && !has('schema') && !has('filter'))
    return { ok: true, value: { event, schema: 'public', table: p.table as string, filters: [] } };
  return missing(p);
}

const missing = (p: Record<string, unknown>): Parsed<never> => ({
  ok: false,
  error: `No subscription params provided. Please provide at least a \`schema\` or \`table\` to subscribe to: ${JSON.stringify(p)}`,
});

/** Splits on commas outside parentheses and double quotes. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted && ch === '\\' && i + 1 < s.length) {
      cur += ch + s[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && ch === ',') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

const unquote = (v: string) =>
  v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;

export function parseFilter(filter: string): Parsed<ColumnFilter[]> {
  const trimmed = filter.trim();
  if (trimmed === '') return { ok: true, value: [] };
  const out: ColumnFilter[] = [];
  for (const segment of splitTopLevel(trimmed)) {
    const seg = segment.trim();
    if (seg === '') return { ok: false, error: 'filter must not contain empty segments (check for extra commas)' };
    const eq = seg.indexOf('=');
    if (eq <= 0) return { ok: false, error: JSON.stringify([seg]) };
    const column = seg.slice(0, eq);
    const rest = seg.slice(eq + 1);
    const dot = rest.indexOf('.');
    if (dot < 0) return { ok: false, error: JSON.stringify([column, rest]) };
    const op = rest.slice(0, dot);
    const raw = rest.slice(dot + 1);
    if (!(FILTER_OPS as readonly string[]).includes(op)) return { ok: false, error: JSON.stringify([op, raw]) };
    if (op === 'in') {
      const m = /^\((.*)\)$/s.exec(raw.trim());
      if (!m) return { ok: false, error: `in filter value must be a parenthesised list, e.g. (a,b): ${raw}` };
      const items = m[1].trim() === '' ? [] : splitTopLevel(m[1]).map((v) => unquote(v.trim()));
      if (items.length > 100) return { ok: false, error: 'in filter takes at most 100 values' };
      out.push({ column, op: 'in', value: items });
    } else {
      out.push({ column, op: op as FilterOp, value: unquote(raw) });
    }
  }
  return { ok: true, value: out };
}

/** How an error names the parameters (Realtime's params_to_log). */
export function describeParams(p: ChangeParams): string {
  const filters = p.filters.map(
    (f) => `{${f.column}, ${f.op}, ${Array.isArray(f.value) ? `(${f.value.join(',')})` : f.value}}`,
  );
  return `event: ${p.event}, schema: ${p.schema}, table: ${p.table}, filters: [${filters.join(', ')}]`;
}
