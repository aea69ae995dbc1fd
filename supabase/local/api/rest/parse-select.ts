// `select=` grammar: columns, aliases, casts, JSON paths, embedded resources with hints.
import { parseError } from './errors.ts';
import { AGGREGATES, type Aggregate, type Field, type SelectItem } from './types.ts';

/**
 * Embeds and logic trees nest at most this deep. The parsers recurse once per level, and a
 * request of a few kilobytes of `a(a(a(…` would otherwise exhaust the stack (a 500); no
 * schema has relationships or conditions anywhere near this deep.
 */
export const MAX_NESTING = 100;

class Cursor {
  pos = 0;
  private depth = 0;
  constructor(
    readonly src: string,
    readonly what = 'select parameter',
  ) {}
  peek(n = 1) {
    return this.src.slice(this.pos, this.pos + n);
  }
  eat(s: string) {
    if (this.src.startsWith(s, this.pos)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }
  done() {
    return this.pos >= this.src.length;
  }
  /** Runs one nested level of the grammar, refusing input nested deeper than MAX_NESTING. */
  nested<T>(read: () => T): T {
    if (this.depth >= MAX_NESTING) {
      throw parseError(`"failed to parse ${this.what}" (line 1, column ${this.pos + 1})`, `nested more than ${MAX_NESTING} levels deep`);
    }
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }
  fail(expecting: string): never {
    const near = this.src.slice(this.pos, this.pos + 20) || 'end of input';
    throw parseError(`"failed to parse ${this.what} (${this.src})" (line 1, column ${this.pos + 1})`, `unexpected "${near}" expecting ${expecting}`);
  }
}

// PostgREST's field names: letters, digits, _, $ and space, or a double-quoted name.
const NAME = /[\p{L}\p{N}_$ ]/u;

export function readName(c: Cursor): string {
  if (c.eat('"')) {
    let out = '';
    while (!c.done()) {
      const ch = c.peek();
      if (ch === '\\' && c.src[c.pos + 1] === '"') {
        out += '"';
        c.pos += 2;
      } else if (ch === '"') {
        c.pos++;
        return out;
      } else {
        out += ch;
        c.pos++;
      }
    }
    c.fail('closing quote');
  }
  const start = c.pos;
  while (!c.done() && NAME.test(c.peek())) c.pos++;
  const name = c.src.slice(start, c.pos).trim();
  if (!name) c.fail('field name');
  return name;
}

function readJsonKey(c: Cursor): string {
  if (c.peek() === '"') return readName(c);
  const start = c.pos;
  while (!c.done() && /[^,:()>\-!.]/.test(c.peek())) c.pos++;
  // negative array indexes such as ->-1
  if (c.pos === start && c.peek() === '-') {
    c.pos++;
    while (!c.done() && /\d/.test(c.peek())) c.pos++;
  }
  const key = c.src.slice(start, c.pos);
  if (!key) c.fail('json key');
  return key;
}

export function readJsonPath(c: Cursor): Field['json'] {
  const json: Field['json'] = [];
  for (;;) {
    if (c.eat('->>')) json.push({ arrow: '->>', key: readJsonKey(c) });
    else if (c.eat('->')) json.push({ arrow: '->', key: readJsonKey(c) });
    else return json;
  }
}

const CAST = /^[A-Za-z_][A-Za-z0-9_]*(\[\])?/;

function readItems(c: Cursor, nested: boolean): SelectItem[] {
  const items: SelectItem[] = [];
  for (;;) {
    items.push(readItem(c));
    if (c.eat(',')) continue;
    if (nested ? c.peek() === ')' : c.done()) return items;
    c.fail(nested ? '"," or ")"' : '"," or end of input');
  }
}

function readItem(c: Cursor): SelectItem {
  if (c.eat('*')) return { kind: 'star' };
  if (c.eat('...')) {
    if (c.peek(3) === '...') c.fail('an embedded resource after "..."');
    const item = readItem(c);
    if (item.kind !== 'embed') c.fail('an embedded resource after "..."');
    if (item.alias !== undefined) c.fail('no alias on a spread embedded resource');
    return { ...item, spread: true };
  }
  let name = readName(c);
  let alias: string | undefined;
  if (c.peek(2) !== '::' && c.eat(':')) {
    alias = name;
    if (c.eat('*')) c.fail('field name');
    name = readName(c);
  }
  // count() counts rows; any other name(…) is an embedded resource
  if (name === 'count' && c.peek(2) === '()') {
    c.pos += 2;
    return { kind: 'field', field: { name: '', json: [] }, alias, aggregate: 'count', aggregateCast: readCast(c) };
  }
  const hints: string[] = [];
  while (c.eat('!')) hints.push(readName(c));
  if (c.eat('(')) {
    const select = c.peek() === ')' ? [] : c.nested(() => readItems(c, true));
    if (!c.eat(')')) c.fail('")"');
    let join: 'inner' | 'left' | undefined;
    let hint: string | undefined;
    for (const h of hints) {
      if (h === 'inner' || h === 'left') join = h;
      else if (hint === undefined) hint = h;
      else c.fail('a single hint');
    }
    return { kind: 'embed', name, alias, hint, join, select };
  }
  if (hints.length) c.fail('"("');
  const json = readJsonPath(c);
  const cast = readCast(c);
  let aggregate: Aggregate | undefined;
  if (c.eat('.')) {
    const m = /^([a-z]+)\(\)/.exec(c.src.slice(c.pos));
    if (!m || !(AGGREGATES as readonly string[]).includes(m[1])) c.fail('an aggregate: avg(), count(), max(), min() or sum()');
    aggregate = m[1] as Aggregate;
    c.pos += m[0].length;
  }
  if (c.peek() === '(') c.fail('","');
  if (!aggregate) return { kind: 'field', field: { name, json }, alias, cast };
  return { kind: 'field', field: { name, json }, alias, cast, aggregate, aggregateCast: readCast(c) };
}

function readCast(c: Cursor): string | undefined {
  if (!c.eat('::')) return undefined;
  const m = CAST.exec(c.src.slice(c.pos));
  if (!m) c.fail('type name');
  c.pos += m[0].length;
  return m[0];
}

export function parseSelect(src: string): SelectItem[] {
  if (src.trim() === '') return [{ kind: 'star' }];
  const c = new Cursor(src);
  return readItems(c, false);
}

export { Cursor };
