// The whole query string → ParsedQuery. Keys are either reserved words (select, order, …),
// possibly prefixed by an embedding path (`films.order`), or filters (`films.year=eq.2019`).
import { parseError } from './errors.ts';
import { parseField, parseLogicTree, parseOpExpr, parseOrder, splitList } from './parse-filter.ts';
import { parseSelect } from './parse-select.ts';
import type { Condition, ParsedQuery } from './types.ts';

function parseCount(key: string, v: string): number {
  if (!/^\d+$/.test(v)) throw parseError(`"failed to parse ${key} parameter (${v})"`, 'expecting a non-negative integer');
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw parseError(`"${key} is too large (${v})"`);
  return n;
}

/** Splits `a.b.col->x` into embedding path `a.b` and the field text `col->x`. */
function splitPath(key: string): { path: string; last: string } {
  const arrow = key.indexOf('->');
  const head = arrow === -1 ? key : key.slice(0, arrow);
  const tail = arrow === -1 ? '' : key.slice(arrow);
  const dot = head.lastIndexOf('.');
  if (dot === -1) return { path: '', last: key };
  return { path: head.slice(0, dot), last: head.slice(dot + 1) + tail };
}

function push<T>(m: Map<string, T[]>, k: string, v: T) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function parseQuery(params: URLSearchParams, isRpcArg: (name: string) => boolean = () => false): ParsedQuery {
  const q: ParsedQuery = {
    select: [{ kind: 'star' }],
    conditions: new Map(),
    order: new Map(),
    limit: new Map(),
    offset: new Map(),
    rpcArgs: new Map(),
  };
  for (const [key, value] of params) {
    if (key.includes('\0') || value.includes('\0')) throw parseError('"failed to parse query string"', 'NUL bytes are not allowed');
    if (key === 'select') {
      q.select = parseSelect(value);
      continue;
    }
    if (key === 'columns') {
      q.columns = splitList(value);
      continue;
    }
    if (key === 'on_conflict') {
      q.onConflict = splitList(value);
      continue;
    }
    if (key === 'apikey') continue;
    if (isRpcArg(key)) {
      q.rpcArgs.set(key, value);
      continue;
    }
    const { path, last } = splitPath(key);
    // `not.or` / `a.not.and`: the "not" sits in the path position
    let word = last;
    let negated = false;
    let p = path;
    if ((last === 'or' || last === 'and') && (path === 'not' || path.endsWith('.not'))) {
      negated = true;
      p = path === 'not' ? '' : path.slice(0, -4);
    }
    switch (word) {
      case 'order':
        q.order.set(p, parseOrder(value));
        continue;
      case 'limit':
        q.limit.set(p, parseCount('limit', value));
        continue;
      case 'offset':
        q.offset.set(p, parseCount('offset', value));
        continue;
      case 'or':
      case 'and':
        push<Condition>(q.conditions, p, parseLogicTree(word, negated, value));
        continue;
    }
    word = last;
    push<Condition>(q.conditions, path, { kind: 'filter', field: parseField(word), expr: parseOpExpr(value) });
  }
  return q;
}

/** Whether a request restricts its rows at all (PATCH/DELETE without one are refused). */
export function hasTopLevelFilter(q: ParsedQuery): boolean {
  return (q.conditions.get('')?.length ?? 0) > 0;
}
