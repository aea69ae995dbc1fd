// Hostile input never reaches SQL as code: random filters, column names, select lists and
// JSON bodies only ever produce 2xx or PostgREST-style 4xx answers, and the canary survives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OPERATORS } from '../rest/types.ts';
import { startFixture, type Fixture } from './fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture('property');
});
afterAll(() => f?.stop());

const hostile = fc.constantFrom(
  `'; drop table public.canary; --`,
  `"; drop table public.canary; --`,
  `id"; delete from public.canary where "1"="1`,
  `) or 1=1; update public.canary set note = 'pwned'; --`,
  `$1`, `$$`, `\\`, `''`, `""`, `(`, `)`, `,`, `.`, `*`, `->`, `->>`, `::`, `!inner`, `{`, `}`, `[1,2)`, `%`, `\u0000`, `é`, `🙂`,
  `canary(note)`, `pg_sleep(10)`, `current_setting('role')`, `1::regclass`, `not.or=(id.eq.1)`,
);
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }), hostile);
const column = fc.oneof({ weight: 1, arbitrary: text }, { weight: 2, arbitrary: fc.constantFrom('id', 'title', 'tags', 'attrs', 'attrs->>duration', 'attrs->x->0', 'search', 'slot', 'price_cents', 'categories.name') });
const operator = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...OPERATORS) }, { weight: 1, arbitrary: fc.constantFrom('not.eq', 'eq(any)', 'like(all)', 'fts(english)', 'zz') }, { weight: 1, arbitrary: text });
const value = fc.oneof(
  { weight: 2, arbitrary: text },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z %*]{0,8}$/) },
  { weight: 1, arbitrary: fc.constantFrom('null', 'true', '{home}', '[1,5)', '{"eco":true}', 'guitar & lesson') },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }).map((a) => `(${a.join(',')})`) },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }).map((a) => `{${a.join(',')}}`) },
);
// mostly valid select lists, so most requests get as far as SQL
const selectList = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('*', 'id,title', 'id,categories(name)', 'x:attrs->a::text', 'tags(name),service_tags!inner(tag_id)') },
  { weight: 1, arbitrary: fc.array(text, { minLength: 1, maxLength: 3 }).map((a) => a.join(',')) },
);

function okStatus(status: number, body: string): boolean {
  if (status >= 200 && status < 300) return true;
  if (status < 400 || status >= 500) return false;
  const json = JSON.parse(body);
  return typeof json.code === 'string' && typeof json.message === 'string' && 'details' in json && 'hint' in json;
}

async function call(path: string, init: RequestInit = {}, key = f.anonKey) {
  const res = await fetch(`${f.url}/rest/v1${path}`, { ...init, headers: { apikey: key, 'Content-Type': 'application/json', ...(init.headers as object) } });
  return { status: res.status, body: await res.text() };
}

describe('hostile requests', () => {
  it('filters, orders and selects never cause a 500', async () => {
    await fc.assert(
      fc.asyncProperty(column, operator, value, selectList, fc.integer({ min: 0, max: 3 }).map((n) => n === 0), fc.option(column), async (col, op, val, sel, tree, orderBy) => {
        const qs = new URLSearchParams();
        qs.set('select', sel);
        if (tree) qs.set('or', `(${col}.${op}.${val},id.eq.1)`);
        else qs.append(col, `${op}.${val}`);
        if (orderBy !== null) qs.set('order', `${orderBy}.desc`);
        const { status, body } = await call(`/services?${qs}`);
        expect(okStatus(status, body), `${status} ${qs} → ${body}`).toBe(true);
      }),
      { numRuns: 150, seed: 4242 },
    );
  });

  it('JSON bodies and mutation filters never cause a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 2 }), column, value, fc.constantFrom('POST', 'PATCH'), async (json, col, val, method) => {
        const path = method === 'POST' ? '/tags?select=id' : `/tags?${new URLSearchParams({ [col]: `eq.${val}` })}`;
        const { status, body } = await call(path, { method, body: JSON.stringify(json), headers: { Prefer: 'tx=rollback,return=representation' } }, f.serviceKey);
        expect(okStatus(status, body), `${method} ${path} ${JSON.stringify(json)} → ${status} ${body}`).toBe(true);
      }),
      { numRuns: 100, seed: 4243 },
    );
  });

  it('rpc names and arguments never cause a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom('add', 'series', 'echo', 'stats', 'add_tags'), text), fc.dictionary(text, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }), async (fn, args) => {
        const { status, body } = await call(`/rpc/${encodeURIComponent(fn)}`, { method: 'POST', body: JSON.stringify(args) });
        expect(okStatus(status, body), `${fn} ${JSON.stringify(args)} → ${status} ${body}`).toBe(true);
      }),
      { numRuns: 60, seed: 4244 },
    );
  });

  it('left the canary and the tables intact', async () => {
    expect(await f.sql('select id, note from public.canary')).toEqual([{ id: 1, note: 'intact' }]);
    const [{ n }] = await f.sql(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
    expect(n).toBe(8);
  });
});
