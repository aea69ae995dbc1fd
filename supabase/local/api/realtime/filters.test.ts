import { describe, expect, it } from 'vitest';
import { eventOf, parseChangeParams, parseFilter } from './filters.ts';

describe('parseFilter', () => {
  it.each([
    ['', []],
    ['  ', []],
    ['id=eq.5', [{ column: 'id', op: 'eq', value: '5' }]],
    ['status=neq.open', [{ column: 'status', op: 'neq', value: 'open' }]],
    ['price=lt.10', [{ column: 'price', op: 'lt', value: '10' }]],
    ['price=lte.10', [{ column: 'price', op: 'lte', value: '10' }]],
    ['price=gt.10', [{ column: 'price', op: 'gt', value: '10' }]],
    ['price=gte.10', [{ column: 'price', op: 'gte', value: '10' }]],
    ['title=eq.a.b.c', [{ column: 'title', op: 'eq', value: 'a.b.c' }]],
    ['status=in.(open,closed)', [{ column: 'status', op: 'in', value: ['open', 'closed'] }]],
    ['name=in.("a,b",c)', [{ column: 'name', op: 'in', value: ['a,b', 'c'] }]],
    ['status=in.()', [{ column: 'status', op: 'in', value: [] }]],
    [
      'id=gt.0,id=lt.100',
      [
        { column: 'id', op: 'gt', value: '0' },
        { column: 'id', op: 'lt', value: '100' },
      ],
    ],
  ])('%j', (filter, expected) => {
    expect(parseFilter(filter)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['subject=foo.hey', 'Error parsing'],
    ['undefined', 'undefined'],
    ['id=eq.1,,id=eq.2', 'empty segments'],
    ['status=in.open', 'parenthesised'],
    ['=eq.1', '=eq.1'],
  ])('refuses %j', (filter, words) => {
    const out = parseChangeParams({ schema: 'public', table: 't', filter });
    expect(out.ok).toBe(false);
    expect(out.ok ? '' : out.error).toContain(words);
  });
});

describe('parseChangeParams', () => {
  it.each([
    [
      { event: '*', schema: 'public', table: 'listings' },
      { event: '*', schema: 'public', table: 'listings', filters: [] },
    ],
    [
      { event: 'insert', schema: 'public' },
      { event: 'INSERT', schema: 'public', table: '*', filters: [] },
    ],
    [
      { event: 'DELETE', table: 'bookings' },
      { event: 'DELETE', schema: 'public', table: 'bookings', filters: [] },
    ],
    [
      { event: 'nonsense', schema: 'public', table: 'x', filter: 'id=eq.1' },
      { event: '*', schema: 'public', table: 'x', filters: [{ column: 'id', op: 'eq', value: '1' }] },
    ],
  ])('%j', (params, expected) => {
    expect(parseChangeParams(params)).toEqual({ ok: true, value: expected });
  });

  it('needs a schema or a table, as Realtime says', () => {
    const out = parseChangeParams({ event: '*' });
    expect(out).toEqual({
      ok: false,
      error: expect.stringMatching(/^No subscription params provided\. Please provide at least a `schema` or `table`/),
    });
  });

  it('reads events as Realtime does', () => {
    expect([eventOf('*'), eventOf('update'), eventOf(undefined), eventOf(3)]).toEqual(['*', 'UPDATE', '*', '*']);
  });
});
