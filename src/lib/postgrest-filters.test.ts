import type { CrudFilter } from '@refinedev/core';
import { generateFilter } from '@refinedev/supabase';
import { PostgrestClient } from '@supabase/postgrest-js';
import { describe, expect, it } from 'vitest';
import { likeLiteral, prepareFilters, regexLiteral, substringSearch } from './postgrest-filters';

// What actually goes on the wire: prepareFilters, then @refinedev/supabase's generateFilter on
// a real supabase-js query builder, read back from the request URL (no request is sent).
function queryOf(filters: CrudFilter[]): [string, string][] {
  const query = new PostgrestClient('http://api.test').from('listings').select('id');
  for (const filter of prepareFilters(filters)) generateFilter(filter, query);
  const url = (query as unknown as { url: URL }).url;
  return [...url.searchParams.entries()].filter(([key]) => key !== 'select');
}

describe('top-level filters', () => {
  it.each<[string, CrudFilter, [string, string][]]>([
    ['eq keeps any value verbatim', { field: 'title', operator: 'eq', value: 'a,b(c)' }, [['title', 'eq.a,b(c)']]],
    ['eqs is eq', { field: 'title', operator: 'eqs', value: 'A' }, [['title', 'eq.A']]],
    ['nes is neq', { field: 'title', operator: 'nes', value: 'A' }, [['title', 'neq.A']]],
    [
      'in quotes reserved characters',
      { field: 'status', operator: 'in', value: ['active', 'a,b'] },
      [['status', 'in.(active,"a,b")']],
    ],
    [
      'contains escapes LIKE wildcards',
      { field: 'title', operator: 'contains', value: '50%_off\\' },
      [['title', 'ilike.%50\\%\\_off\\\\%']],
    ],
    ['ncontains gets its %…%', { field: 'title', operator: 'ncontains', value: 'x%' }, [['title', 'not.ilike.%x\\%%']]],
    ['ncontainss gets its %…%', { field: 'title', operator: 'ncontainss', value: 'X' }, [['title', 'not.like.%X%']]],
    ['startswith', { field: 'title', operator: 'startswith', value: 'a_' }, [['title', 'ilike.a\\_%']]],
    [
      'contains with * becomes a literal regex',
      { field: 'title', operator: 'contains', value: 'a*b.' },
      [['title', 'imatch.a\\*b\\.']],
    ],
    [
      'startswith with * is anchored',
      { field: 'title', operator: 'startswith', value: '*' },
      [['title', 'imatch.^\\*']],
    ],
    ['endswith with * is anchored', { field: 'title', operator: 'endswith', value: '*' }, [['title', 'imatch.\\*$']]],
    [
      'ncontainss with * is a negated regex',
      { field: 'title', operator: 'ncontainss', value: '*' },
      [['title', 'not.match.\\*']],
    ],
    [
      'nnull ignores its value',
      { field: 'deleted_at', operator: 'nnull', value: true },
      [['deleted_at', 'not.is.null']],
    ],
    ['null', { field: 'deleted_at', operator: 'null', value: false }, [['deleted_at', 'is.null']]],
    [
      'ina quotes elements',
      { field: 'keywords', operator: 'ina', value: ['a,b', 'c"d'] },
      [['keywords', 'cs.{"a,b","c\\"d"}']],
    ],
    [
      'nina escapes elements',
      { field: 'keywords', operator: 'nina', value: ['a,b', 'c"d'] },
      [['keywords', 'not.cs.{"a,b","c\\"d"}']],
    ],
    [
      'between',
      { field: 'price_cents', operator: 'between', value: [1, 5] },
      [
        ['price_cents', 'gte.1'],
        ['price_cents', 'lte.5'],
      ],
    ],
  ])('%s', (_name, filter, params) => {
    expect(queryOf([filter])).toEqual(params);
  });
});

describe('inside or', () => {
  const or = (...value: CrudFilter[]): CrudFilter => ({ operator: 'or', value: value as never });
  it.each<[string, CrudFilter, string]>([
    [
      'eq values are quoted',
      or({ field: 'title', operator: 'eq', value: 'x),id.not.is.null,(' }),
      '(title.eq."x),id.not.is.null,(")',
    ],
    [
      'quotes and backslashes escaped',
      or({ field: 'title', operator: 'ne', value: 'a"b\\' }),
      '(title.neq."a\\"b\\\\")',
    ],
    [
      'numbers',
      or({ field: 'price_cents', operator: 'gte', value: 5 }, { field: 'status', operator: 'eq', value: 'paused' }),
      '(price_cents.gte."5",status.eq."paused")',
    ],
    ['contains', or({ field: 'title', operator: 'contains', value: 'a,"%' }), '(title.ilike."%a,\\"\\\\%%")'],
    ['ncontains', or({ field: 'title', operator: 'ncontains', value: 'a)' }), '(title.not.ilike."%a)%")'],
    ['contains with *', or({ field: 'title', operator: 'contains', value: 'a*' }), '(title.imatch."a\\\\*")'],
    ['in', or({ field: 'status', operator: 'in', value: ['a"', 'b'] }), '(status.in.("a\\"","b"))'],
    [
      'null / nnull',
      or({ field: 'a', operator: 'null', value: 1 }, { field: 'b', operator: 'nnull', value: 1 }),
      '(a.is.null,b.not.is.null)',
    ],
  ])('%s', (_name, filter, expression) => {
    expect(queryOf([filter])).toEqual([['or', expression]]);
  });
});

describe('refused before any request, as HttpError 400 naming the operator', () => {
  const or = (value: CrudFilter): CrudFilter => ({ operator: 'or', value: [value] as never });
  it.each<[CrudFilter, RegExp]>([
    [{ field: 'status', operator: 'nin', value: ['a'] }, /"nin"/],
    [{ field: 'price_cents', operator: 'nbetween', value: [1, 2] }, /"nbetween"/],
    [{ field: 'title', operator: 'nstartswith', value: 'a' }, /"nstartswith"/],
    [{ field: 'title', operator: 'nendswith', value: 'a' }, /"nendswith"/],
    [{ field: 'title', operator: 'startswiths', value: 'a' }, /"startswiths"/],
    [{ field: 'title', operator: 'endswiths', value: 'a' }, /"endswiths"/],
    [{ operator: 'and', value: [] }, /"and"/],
    [{ operator: 'or', value: [] }, /"or"/],
    [{ field: 'status', operator: 'in', value: 'active' }, /"in".*list/],
    [{ field: 'price_cents', operator: 'between', value: [1] }, /"between"/],
    [or({ field: 'title', operator: 'startswith', value: 'a' }), /"startswith" inside "or"/],
    [or({ field: 'title', operator: 'endswith', value: 'a' }), /"endswith" inside "or"/],
    [or({ field: 'price_cents', operator: 'between', value: [1, 2] }), /"between" inside "or"/],
    [or({ operator: 'or', value: [] }), /"or" nested inside "or"/],
  ])('%j', (filter, message) => {
    let thrown: unknown;
    try {
      prepareFilters([filter]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ statusCode: 400 });
    expect((thrown as { message: string }).message).toMatch(message);
  });
});

describe('literals', () => {
  it.each([
    ['plain', 'plain'],
    ['50%', '50\\%'],
    ['a_b', 'a\\_b'],
    ['c:\\x', 'c:\\\\x'],
  ])('LIKE %j → %j', (value, pattern) => {
    expect(likeLiteral(value)).toBe(pattern);
  });

  // JavaScript without the u flag reads `\<punctuation>` as that character, like PostgreSQL's
  // AREs (the integration tests check PostgreSQL itself)
  it.each(['a.b', '(x)|[y]{2}*+?^$\\', 'café 5', ',()*%'])('the regex for %j matches exactly it', (value) => {
    const re = new RegExp(`^${regexLiteral(value)}$`);
    expect(re.test(value)).toBe(true);
    expect(re.test(`${value}x`)).toBe(false);
  });

  it.each<[string[], string, string]>([
    [['title'], 'plumber', 'title.ilike."%plumber%"'],
    [['full_name', 'email'], 'a,(b)', 'full_name.ilike."%a,(b)%",email.ilike."%a,(b)%"'],
    [['name'], '50%"', 'name.ilike."%50\\\\%\\"%"'],
    [['name'], 'a*', 'name.imatch."a\\\\*"'],
  ])('search over %j for %j', (fields, term, expression) => {
    expect(substringSearch(fields, term)).toBe(expression);
  });
});
