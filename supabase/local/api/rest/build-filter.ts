// Conditions and order terms → SQL over a table alias. Column names are quoted identifiers,
// every value a bind parameter; the operator table is fixed.
import { ApiError } from './errors.ts';
import { ident, type Params } from './sql.ts';
import type { Table } from '../schema-cache.ts';
import type { Condition, Field, Filter, OrderTerm } from './types.ts';

const BINARY: Record<string, string> = {
  eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=', like: 'LIKE', ilike: 'ILIKE', match: '~', imatch: '~*',
  cs: '@>', cd: '<@', ov: '&&', sl: '<<', sr: '>>', nxl: '&>', nxr: '&<', adj: '-|-', isdistinct: 'IS DISTINCT FROM',
};
const TSQUERY: Record<string, string> = { fts: 'to_tsquery', plfts: 'plainto_tsquery', phfts: 'phraseto_tsquery', wfts: 'websearch_to_tsquery' };

export function fieldSql(p: Params, alias: string, f: Field): string {
  let sql = `${ident(alias)}.${ident(f.name)}`;
  for (const step of f.json) {
    // integer keys index arrays; everything else is an object key
    const key = /^-?\d+$/.test(step.key) ? String(Number(step.key)) : p.add(step.key, 'text');
    sql = `(${sql}${step.arrow}${key})`;
  }
  return sql;
}

function filterSql(p: Params, alias: string, f: Filter, table?: Table): string {
  const col = fieldSql(p, alias, f.field);
  const { op, value, quantifier, language } = f.expr;
  let sql: string;
  if (op === 'is') {
    const kw = { null: 'NULL', not_null: 'NOT NULL', true: 'TRUE', false: 'FALSE', unknown: 'UNKNOWN' }[value as string];
    sql = `${col} IS ${kw}`;
  } else if (op === 'in') {
    sql = `${col} = ANY(${p.add(value)})`;
  } else if (op in TSQUERY) {
    const isVector = f.field.json.length === 0 && table?.col.get(f.field.name)?.typname === 'tsvector';
    const lang = language === undefined ? '' : `${p.add(language, 'regconfig')}, `;
    const vector = isVector ? col : `to_tsvector(${lang}${col})`;
    sql = `${vector} @@ ${TSQUERY[op]}(${lang}${p.add(value)})`;
  } else if (quantifier) {
    sql = `${col} ${BINARY[op]} ${quantifier.toUpperCase()}(${p.add(value)})`;
  } else if (op === 'ov' && typeof value === 'string' && value.startsWith('(') && value.endsWith(')')) {
    // PostgREST accepts ov.(a,b) as an array literal
    sql = `${col} && ${p.add(`{${value.slice(1, -1)}}`)}`;
  } else {
    sql = `${col} ${BINARY[op]} ${p.add(value)}`;
  }
  return f.expr.negated ? `NOT (${sql})` : sql;
}

export function conditionSql(p: Params, alias: string, c: Condition, table?: Table): string {
  if (c.kind === 'filter') return filterSql(p, alias, c, table);
  const parts = c.children.map((ch) => conditionSql(p, alias, ch, table));
  const joined = `(${parts.join(c.op === 'and' ? ' AND ' : ' OR ')})`;
  return c.negated ? `NOT ${joined}` : joined;
}

/** `relatedAlias` maps a to-one embed name to the lateral alias whose `j` holds its row as json. */
export function orderSql(p: Params, alias: string, terms: OrderTerm[], relatedAlias: (name: string) => string | undefined): string {
  return terms
    .map((t) => {
      let expr: string;
      if (t.relation) {
        const rel = relatedAlias(t.relation);
        if (!rel) {
          throw new ApiError(400, 'PGRST118', `A related order on '${t.relation}' is not possible`, `'${t.relation}' must be an embedded to-one resource in the select`);
        }
        expr = `(${ident(rel)}."j"::jsonb -> ${p.add(t.field.name, 'text')})`;
        for (const step of t.field.json) expr = `(${expr}${step.arrow}${p.add(step.key, 'text')})`;
      } else expr = fieldSql(p, alias, t.field);
      const dir = t.direction === 'desc' ? ' DESC' : ' ASC';
      const nulls = t.nulls === 'first' ? ' NULLS FIRST' : t.nulls === 'last' ? ' NULLS LAST' : '';
      return expr + dir + nulls;
    })
    .join(', ');
}
