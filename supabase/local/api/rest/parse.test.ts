import { describe, expect, it } from 'vitest';
import { ApiError, pgErrorStatus } from './errors.ts';
import { parseLogicTree, parseOpExpr, parseOrder, splitList } from './parse-filter.ts';
import { parseQuery } from './parse-query.ts';
import { parseSelect } from './parse-select.ts';
import { combineRange, negotiate, parsePrefer, parseRange } from './prefer.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof ApiError ? e.code : 'not-an-api-error';
  }
  return 'no-error';
};

describe('select=', () => {
  it.each([
    ['*', [{ kind: 'star' }]],
    ['id,title', [{ kind: 'field', field: { name: 'id', json: [] } }, { kind: 'field', field: { name: 'title', json: [] } }]],
    ['label:title', [{ kind: 'field', field: { name: 'title', json: [] }, alias: 'label' }]],
    ['price_cents::text', [{ kind: 'field', field: { name: 'price_cents', json: [] }, cast: 'text' }]],
    ['p:price_cents::int8', [{ kind: 'field', field: { name: 'price_cents', json: [] }, alias: 'p', cast: 'int8' }]],
    ['attrs->a->>b', [{ kind: 'field', field: { name: 'attrs', json: [{ arrow: '->', key: 'a' }, { arrow: '->>', key: 'b' }] } }]],
    ['attrs->0', [{ kind: 'field', field: { name: 'attrs', json: [{ arrow: '->', key: '0' }] } }]],
    ['"odd name"', [{ kind: 'field', field: { name: 'odd name', json: [] } }]],
    ['cat:categories!inner(name)', [{ kind: 'embed', name: 'categories', alias: 'cat', join: 'inner', hint: undefined, select: [{ kind: 'field', field: { name: 'name', json: [] } }] }]],
    ['categories!services_category_id_fkey(*)', [{ kind: 'embed', name: 'categories', hint: 'services_category_id_fkey', select: [{ kind: 'star' }] }]],
    ['a(b(c))', [{ kind: 'embed', name: 'a', select: [{ kind: 'embed', name: 'b', select: [{ kind: 'field', field: { name: 'c', json: [] } }] }] }]],
    ['users()', [{ kind: 'embed', name: 'users', select: [] }]],
    ['...users!inner(name)', [{ kind: 'embed', name: 'users', join: 'inner', spread: true, select: [{ kind: 'field', field: { name: 'name', json: [] } }] }]],
    ['count()', [{ kind: 'field', field: { name: '', json: [] }, aggregate: 'count' }]],
    ['n:count()::text', [{ kind: 'field', field: { name: '', json: [] }, alias: 'n', aggregate: 'count', aggregateCast: 'text' }]],
    ['total:amount.sum()', [{ kind: 'field', field: { name: 'amount', json: [] }, alias: 'total', aggregate: 'sum' }]],
    ['d->tax::numeric.avg()::int', [{ kind: 'field', field: { name: 'd', json: [{ arrow: '->', key: 'tax' }] }, cast: 'numeric', aggregate: 'avg', aggregateCast: 'int' }]],
  ])('%s', (src, expected) => {
    expect(parseSelect(src)).toMatchObject(expected);
  });

  it.each(['id,', 'a(b', 'a::', 'x!hint', '...a', '...x:a(b)', '......a(b)', 'a.median()', 'a.sum(', 'a)b', 'a::int;drop'])('rejects %s with PGRST100', (src) => {
    expect(code(() => parseSelect(src))).toBe('PGRST100');
  });
});

describe('filter values', () => {
  it.each([
    ['eq.5', { op: 'eq', value: '5', negated: false }],
    ['not.eq.5', { op: 'eq', value: '5', negated: true }],
    ['like.*clean*', { op: 'like', value: '%clean%' }],
    ['ilike.a.b', { op: 'ilike', value: 'a.b' }],
    ['in.(1,2,"a,b")', { op: 'in', value: ['1', '2', 'a,b'] }],
    ['in.()', { op: 'in', value: [] }],
    ['is.NULL', { op: 'is', value: 'null' }],
    ['not.is.true', { op: 'is', value: 'true', negated: true }],
    ['eq(any).{1,2}', { op: 'eq', quantifier: 'any', value: '{1,2}' }],
    ['like(all).{a*,*b}', { op: 'like', quantifier: 'all', value: '{a%,%b}' }],
    ['fts(english).cat & dog', { op: 'fts', language: 'english', value: 'cat & dog' }],
    ['wfts.a b', { op: 'wfts', value: 'a b' }],
    ['cs.{a,b}', { op: 'cs', value: '{a,b}' }],
    ['adj.[1,2)', { op: 'adj', value: '[1,2)' }],
    ['eq.', { op: 'eq', value: '' }],
  ])('%s', (src, expected) => {
    expect(parseOpExpr(src)).toMatchObject(expected);
  });

  it.each(['nope.1', 'eq', 'is.maybe', 'in.1,2', 'gt(any).1', 'cs(any).{1}', 'eq(foo).1', ''])('rejects %s', (src) => {
    expect(code(() => parseOpExpr(src))).toBe('PGRST100');
  });
});

describe('logic trees', () => {
  it('nests and/or with quoted values and lists', () => {
    const t = parseLogicTree('or', false, '(a.eq.1,and(b.gt.2,c.in.(x,"y,z")),d.ilike."%a,b%",not.or(e.is.null))');
    expect(t).toMatchObject({
      kind: 'logic', op: 'or', negated: false,
      children: [
        { kind: 'filter', field: { name: 'a' }, expr: { op: 'eq', value: '1' } },
        { kind: 'logic', op: 'and', children: [{ expr: { op: 'gt' } }, { expr: { op: 'in', value: ['x', 'y,z'] } }] },
        { kind: 'filter', field: { name: 'd' }, expr: { op: 'ilike', value: '%a,b%' } },
        { kind: 'logic', op: 'or', negated: true, children: [{ expr: { op: 'is', value: 'null' } }] },
      ],
    });
  });

  it('keeps braces and json paths', () => {
    expect(parseLogicTree('and', true, '(tags.cs.{a,b},attrs->>x.eq.1)')).toMatchObject({
      negated: true,
      children: [{ expr: { op: 'cs', value: '{a,b}' } }, { field: { name: 'attrs', json: [{ arrow: '->>', key: 'x' }] } }],
    });
  });

  it.each(['a.eq.1', '(a.eq.1', '(a.zz.1)', '(a)', '()', '(a.eq.1))'])('rejects %s', (src) => {
    expect(code(() => parseLogicTree('or', false, src))).toBe('PGRST100');
  });
});

describe('order=', () => {
  it.each([
    ['id', [{ field: { name: 'id' } }]],
    ['id.desc,title.asc.nullsfirst', [{ field: { name: 'id' }, direction: 'desc' }, { field: { name: 'title' }, direction: 'asc', nulls: 'first' }]],
    ['attrs->>x.desc.nullslast', [{ field: { name: 'attrs', json: [{ key: 'x' }] }, direction: 'desc', nulls: 'last' }]],
    ['categories(name).desc', [{ relation: 'categories', field: { name: 'name' }, direction: 'desc' }]],
  ])('%s', (src, expected) => {
    expect(parseOrder(src)).toMatchObject(expected);
  });

  it.each(['id.up', 'id,', 'a(b', 'id.desc.x'])('rejects %s', (src) => {
    expect(code(() => parseOrder(src))).toBe('PGRST100');
  });
});

describe('whole query strings', () => {
  it('routes keys to the right level', () => {
    const q = parseQuery(
      new URLSearchParams('select=id,films(title)&id=gt.1&films.year=eq.2019&films.order=year.desc&films.limit=2&limit=5&offset=10&or=(a.eq.1)&not.and=(b.eq.2)&films.or=(c.eq.3)&columns="a","b"&on_conflict=a'),
    );
    expect(q.conditions.get('')).toHaveLength(3);
    expect(q.conditions.get('')?.[2]).toMatchObject({ kind: 'logic', op: 'and', negated: true });
    expect(q.conditions.get('films')).toHaveLength(2);
    expect(q.order.get('films')).toMatchObject([{ field: { name: 'year' }, direction: 'desc' }]);
    expect(q.limit.get('films')).toBe(2);
    expect(q.limit.get('')).toBe(5);
    expect(q.offset.get('')).toBe(10);
    expect(q.columns).toEqual(['a', 'b']);
    expect(q.onConflict).toEqual(['a']);
  });

  it('keeps rpc arguments apart from filters', () => {
    const q = parseQuery(new URLSearchParams('n=3&x=eq.1'), (k) => k === 'n');
    expect(q.rpcArgs.get('n')).toBe('3');
    expect(q.conditions.get('')).toHaveLength(1);
  });

  it.each(['limit=-1', 'offset=x', 'a=b', 'a%00=eq.1', 'a=eq.%00'])('rejects %s', (qs) => {
    expect(code(() => parseQuery(new URLSearchParams(qs)))).toBe('PGRST100');
  });

  it('splits lists honouring quotes', () => {
    expect(splitList('a, "b,c" ,"d\\"e"')).toEqual(['a', 'b,c', 'd"e']);
  });
});

describe('headers', () => {
  it.each([
    [undefined, undefined, undefined, { offset: 0, limit: undefined }],
    [{ offset: 0, limit: 10 }, undefined, undefined, { offset: 0, limit: 10 }],
    [{ offset: 0, limit: 10 }, 5, 2, { offset: 2, limit: 5 }],
    [{ offset: 5, limit: 10 }, 3, undefined, { offset: 5, limit: 0 }],
    [undefined, 5, 20, { offset: 20, limit: 5 }],
  ])('Range %j ∩ limit %s offset %s', (h, limit, offset, expected) => {
    expect(combineRange(h, limit, offset)).toEqual(expected);
  });

  it('parses Range and refuses inverted ones', () => {
    expect(parseRange('0-9')).toEqual({ offset: 0, limit: 10 });
    expect(parseRange('5-')).toEqual({ offset: 5 });
    expect(parseRange('junk')).toBeUndefined();
    expect(code(() => parseRange('9-0'))).toBe('PGRST103');
  });

  it('parses Prefer as supabase-js sends it (several headers joined)', () => {
    const p = parsePrefer('return=representation, count=exact,resolution=merge-duplicates, missing=default, tx=rollback, foo=bar');
    expect(p).toMatchObject({ return: 'representation', count: 'exact', resolution: 'merge-duplicates', missing: 'default', tx: 'rollback' });
    expect(p.invalid).toEqual(['foo=bar']);
    expect(code(() => parsePrefer('handling=strict, foo=bar'))).toBe('PGRST122');
  });

  it.each([
    [undefined, 'json'],
    ['application/json', 'json'],
    ['*/*', 'json'],
    ['application/vnd.pgrst.object+json', 'object'],
    ['application/vnd.pgrst.object+json;nulls=stripped', 'object'],
    ['text/csv', 'csv'],
    ['text/html, application/json;q=0.9', 'json'],
  ])('Accept %s → %s', (accept, kind) => {
    expect(negotiate(accept).kind).toBe(kind);
  });

  it('refuses unavailable media types with PGRST107', () => {
    expect(code(() => negotiate('application/xml'))).toBe('PGRST107');
  });
});

describe('SQLSTATE → HTTP status (PostgREST table)', () => {
  it.each([
    ['23505', false, 409], ['23503', false, 409], ['42501', false, 401], ['42501', true, 403], ['42P01', true, 404],
    ['42883', true, 404], ['P0001', true, 400], ['P0002', true, 500], ['25006', true, 405], ['08006', true, 503],
    ['53300', true, 503], ['54001', true, 413], ['57014', true, 500], ['22P02', true, 400], ['42703', true, 400],
    ['PT418', true, 418], ['XX000', true, 500], ['21000', true, 400],
  ])('%s (authenticated: %s) → %i', (state, authed, status) => {
    expect(pgErrorStatus(state, authed)).toBe(status);
  });
});
