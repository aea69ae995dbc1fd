// Filter grammar: `[not.]op[(modifier)].value`, the `or=(…)`/`and=(…)` trees, and `order=`.
import { parseError } from './errors.ts';
import { Cursor, readJsonPath, readName } from './parse-select.ts';
import { OPERATORS, type Condition, type Field, type OpExpr, type Operator, type OrderTerm } from './types.ts';

const FTS = new Set(['fts', 'plfts', 'phfts', 'wfts']);
const QUANTIFIABLE = new Set(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch']);

function filterError(src: string, details: string) {
  return parseError(`"failed to parse filter (${src})" (line 1, column 1)`, details);
}

/** Splits a list such as `a,"b,c",d` honouring double quotes and backslash escapes. */
export function splitList(src: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '\\' && i + 1 < src.length) cur += src[++i];
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') {
      // whitespace before the opening quote is not part of the value
      if (!wasQuoted && cur.trim() === '') cur = '';
      quoted = true;
      wasQuoted = true;
    } else if (wasQuoted && /\s/.test(ch)) {
      continue;
    } else if (ch === ',') {
      out.push(wasQuoted ? cur : cur.trim());
      cur = '';
      wasQuoted = false;
    } else cur += ch;
  }
  if (quoted) throw parseError('"failed to parse list" (unterminated quote)', src);
  out.push(wasQuoted ? cur : cur.trim());
  return out;
}

export function parseInList(raw: string, src: string): string[] {
  if (!raw.startsWith('(') || !raw.endsWith(')')) throw filterError(src, 'expecting "(" list ")" after in.');
  const inner = raw.slice(1, -1);
  return inner === '' ? [] : splitList(inner);
}

/** `[not.]op[(mod)].value` — the right-hand side of `col=…`. */
export function parseOpExpr(src: string, inTree = false): OpExpr {
  let rest = src;
  let negated = false;
  if (rest.startsWith('not.')) {
    negated = true;
    rest = rest.slice(4);
  }
  const m = /^([a-z]+)(?:\(([^)]*)\))?\.([\s\S]*)$/.exec(rest);
  if (!m || !(OPERATORS as readonly string[]).includes(m[1])) {
    throw filterError(src, `unknown operator or missing value; expecting one of ${OPERATORS.join(', ')}`);
  }
  const op = m[1] as Operator;
  const modifier = m[2];
  let value: string = m[3];
  if (inTree) value = unquote(value);
  const expr: OpExpr = { negated, op, value };
  if (modifier !== undefined) {
    if (FTS.has(op)) expr.language = modifier;
    else if ((modifier === 'any' || modifier === 'all') && QUANTIFIABLE.has(op)) expr.quantifier = modifier;
    else throw filterError(src, `modifier "${modifier}" is not valid for ${op}`);
  }
  if (op === 'is') {
    const v = value.toLowerCase();
    if (!['null', 'true', 'false', 'unknown', 'not_null'].includes(v)) throw filterError(src, 'is. expects null, not_null, true, false or unknown');
    expr.value = v;
  }
  if (op === 'in') expr.value = parseInList(value, src);
  if ((op === 'like' || op === 'ilike') && typeof expr.value === 'string') expr.value = expr.value.replace(/\*/g, '%');
  if (expr.quantifier) {
    const v = expr.value as string;
    if (!v.startsWith('{') || !v.endsWith('}')) throw filterError(src, `${op}(${expr.quantifier}) expects a {…} list`);
    if (op === 'like' || op === 'ilike') expr.value = v.replace(/\*/g, '%');
  }
  return expr;
}

function unquote(v: string): string {
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\(.)/g, '$1');
  return v;
}

export function parseField(src: string): Field {
  const c = new Cursor(src, 'field');
  const name = readName(c);
  const json = readJsonPath(c);
  if (!c.done()) throw parseError(`"failed to parse field (${src})" (line 1, column ${c.pos + 1})`, 'unexpected trailing characters');
  return { name, json };
}

/** Reads one value inside a logic tree: quoted, a balanced (…)/{…}, or up to `,` / `)`. */
function readTreeValue(c: Cursor): string {
  const start = c.pos;
  if (c.peek() === '"') {
    c.pos++;
    while (!c.done() && c.peek() !== '"') c.pos += c.peek() === '\\' ? 2 : 1;
    if (!c.eat('"')) c.fail('closing quote');
    return c.src.slice(start, c.pos);
  }
  let depth = 0;
  while (!c.done()) {
    const ch = c.peek();
    if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (ch === ',' && depth === 0) break;
    else if (ch === '"') {
      c.pos++;
      while (!c.done() && c.peek() !== '"') c.pos += c.peek() === '\\' ? 2 : 1;
    }
    c.pos++;
  }
  return c.src.slice(start, c.pos);
}

function readCondition(c: Cursor): Condition {
  const save = c.pos;
  let negated = false;
  if (c.eat('not.')) negated = true;
  for (const op of ['and', 'or'] as const) {
    if (c.eat(`${op}(`)) {
      const children = c.nested(() => readConditions(c));
      if (!c.eat(')')) c.fail('")"');
      return { kind: 'logic', op, negated, children };
    }
  }
  c.pos = save;
  const name = readName(c);
  const json = readJsonPath(c);
  if (!c.eat('.')) c.fail('"." after field name');
  // operator (and its not./modifier) up to the value's dot
  const opStart = c.pos;
  if (c.eat('not.')) {
    /* part of the operator */
  }
  while (!c.done() && /[a-z]/.test(c.peek())) c.pos++;
  if (c.eat('(')) {
    while (!c.done() && c.peek() !== ')') c.pos++;
    if (!c.eat(')')) c.fail('")"');
  }
  if (!c.eat('.')) c.fail('"." after operator');
  const opText = c.src.slice(opStart, c.pos);
  const value = readTreeValue(c);
  return { kind: 'filter', field: { name, json }, expr: parseOpExpr(opText + value, true) };
}

function readConditions(c: Cursor): Condition[] {
  const out: Condition[] = [readCondition(c)];
  while (c.eat(',')) out.push(readCondition(c));
  return out;
}

/** The value of `or=` / `and=`: `(cond,cond,…)`. */
export function parseLogicTree(op: 'and' | 'or', negated: boolean, src: string): Condition {
  const c = new Cursor(src, 'logic tree');
  if (!c.eat('(')) c.fail('"("');
  let children: Condition[];
  try {
    children = readConditions(c);
  } catch (e) {
    if (e instanceof Error && 'code' in e) throw e;
    throw parseError(`"failed to parse logic tree (${src})"`, String(e));
  }
  if (!c.eat(')') || !c.done()) c.fail('")" at end of logic tree');
  return { kind: 'logic', op, negated, children };
}

export function parseOrder(src: string): OrderTerm[] {
  return splitOrderTerms(src).map((term) => {
    const c = new Cursor(term, 'order');
    let relation: string | undefined;
    let name = readName(c);
    if (c.eat('(')) {
      relation = name;
      name = readName(c);
      if (!c.eat(')')) c.fail('")"');
    }
    const json = readJsonPath(c);
    const out: OrderTerm = { field: { name, json }, relation };
    while (c.eat('.')) {
      if (c.eat('asc')) out.direction = 'asc';
      else if (c.eat('desc')) out.direction = 'desc';
      else if (c.eat('nullsfirst')) out.nulls = 'first';
      else if (c.eat('nullslast')) out.nulls = 'last';
      else c.fail('asc, desc, nullsfirst or nullslast');
    }
    if (!c.done()) c.fail('"," or end of order');
    return out;
  });
}

function splitOrderTerms(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '(') depth++;
    else if (src[i] === ')') depth--;
    else if (src[i] === ',' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  if (out.some((t) => t.trim() === '')) throw parseError(`"failed to parse order (${src})"`, 'empty order term');
  return out;
}
