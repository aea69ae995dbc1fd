import { describe, expect, it } from 'vitest';
import { conditionSql, orderSql } from './build-filter.ts';
import { parseLogicTree, parseOpExpr, parseOrder } from './parse-filter.ts';
import { ident, Params } from './sql.ts';
import type { Table } from '../schema-cache.ts';

const table = {
  name: 't',
  col: new Map([['doc', { typname: 'tsvector' }], ['body', { typname: 'text' }]]),
} as unknown as Table;

function sql(field: string, value: string) {
  const p = new Params();
  const out = conditionSql(p, 't', { kind: 'filter', field: { name: field, json: [] }, expr: parseOpExpr(value) }, table);
  return { sql: out, values: p.values };
}

describe('filter → SQL', () => {
  it.each([
    ['id', 'eq.1', '"t"."id" = $1', ['1']],
    ['id', 'neq.1', '"t"."id" <> $1', ['1']],
    ['id', 'gt.1', '"t"."id" > $1', ['1']],
    ['id', 'gte.1', '"t"."id" >= $1', ['1']],
    ['id', 'lt.1', '"t"."id" < $1', ['1']],
    ['id', 'lte.1', '"t"."id" <= $1', ['1']],
    ['name', 'like.a*', '"t"."name" LIKE $1', ['a%']],
    ['name', 'ilike.*a', '"t"."name" ILIKE $1', ['%a']],
    ['name', 'match.^a', '"t"."name" ~ $1', ['^a']],
    ['name', 'imatch.^a', '"t"."name" ~* $1', ['^a']],
    ['x', 'is.null', '"t"."x" IS NULL', []],
    ['x', 'is.unknown', '"t"."x" IS UNKNOWN', []],
    ['x', 'not.is.null', 'NOT ("t"."x" IS NULL)', []],
    ['x', 'isdistinct.1', '"t"."x" IS DISTINCT FROM $1', ['1']],
    ['id', 'in.(1,2)', '"t"."id" = ANY($1)', [['1', '2']]],
    ['id', 'not.in.(1)', 'NOT ("t"."id" = ANY($1))', [['1']]],
    ['tags', 'cs.{a}', '"t"."tags" @> $1', ['{a}']],
    ['tags', 'cd.{a}', '"t"."tags" <@ $1', ['{a}']],
    ['tags', 'ov.{a}', '"t"."tags" && $1', ['{a}']],
    ['tags', 'ov.(a,b)', '"t"."tags" && $1', ['{a,b}']],
    ['r', 'sl.[1,2)', '"t"."r" << $1', ['[1,2)']],
    ['r', 'sr.[1,2)', '"t"."r" >> $1', ['[1,2)']],
    ['r', 'nxl.[1,2)', '"t"."r" &> $1', ['[1,2)']],
    ['r', 'nxr.[1,2)', '"t"."r" &< $1', ['[1,2)']],
    ['r', 'adj.[1,2)', '"t"."r" -|- $1', ['[1,2)']],
    ['id', 'eq(any).{1,2}', '"t"."id" = ANY($1)', ['{1,2}']],
    ['name', 'like(all).{a*}', '"t"."name" LIKE ALL($1)', ['{a%}']],
    ['doc', 'fts.cat', '"t"."doc" @@ to_tsquery($1)', ['cat']],
    ['doc', 'plfts(english).cat', '"t"."doc" @@ plainto_tsquery($1::regconfig, $2)', ['english', 'cat']],
    ['body', 'phfts.a b', 'to_tsvector("t"."body") @@ phraseto_tsquery($1)', ['a b']],
    ['body', 'wfts(simple).a', 'to_tsvector($1::regconfig, "t"."body") @@ websearch_to_tsquery($1::regconfig, $2)', ['simple', 'a']],
    ['we"ird', 'eq.1', '"t"."we""ird" = $1', ['1']],
    ['id', "eq.1; drop table x", '"t"."id" = $1', ['1; drop table x']],
  ])('%s=%s', (field, value, expected, values) => {
    const out = sql(field, value);
    expect(out.sql).toBe(expected);
    expect(out.values).toEqual(values);
  });

  it('builds json paths with parameters for keys and literals for indexes', () => {
    const p = new Params();
    const out = conditionSql(p, 't', { kind: 'filter', field: { name: 'a', json: [{ arrow: '->', key: 'k' }, { arrow: '->>', key: '0' }] }, expr: parseOpExpr('eq.x') });
    expect(out).toBe('(("t"."a"->$1::text)->>0) = $2');
    expect(p.values).toEqual(['k', 'x']);
  });

  it('builds nested logic trees', () => {
    const p = new Params();
    const out = conditionSql(p, 't', parseLogicTree('or', true, '(a.eq.1,and(b.gt.2,c.is.null))'));
    expect(out).toBe('NOT ("t"."a" = $1 OR ("t"."b" > $2 AND "t"."c" IS NULL))');
  });

  it('orders with directions, nulls and related to-one columns', () => {
    const p = new Params();
    const out = orderSql(p, 't', parseOrder('a.desc.nullslast,cat(name).asc'), (k) => (k === 'cat' ? 't_0_j' : undefined));
    expect(out).toBe('"t"."a" DESC NULLS LAST, ("t_0_j"."j"::jsonb -> $1::text) ASC');
    expect(() => orderSql(new Params(), 't', parseOrder('nope(x)'), () => undefined)).toThrow(/related order/);
  });

  it('quotes identifiers and refuses NUL bytes', () => {
    expect(ident('a"b')).toBe('"a""b"');
    expect(() => ident('a\0b')).toThrow();
    expect(() => new Params().add('a\0b')).toThrow();
  });
});
