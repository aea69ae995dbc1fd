// Hostile input never reaches SQL as code: random filters, column names, select lists and
// JSON bodies only ever produce 2xx or PostgREST-style 4xx answers, and the canary survives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OPERATORS } from '../rest/types.ts';
import { startFixture, type Fixture } from './fixture.ts';

let f: Fixture;
beforeAll(async () => {
  // sign-up on, so the auth fuzz reaches the sign-up handler rather than its "disabled" answer
  f = await startFixture('property', { enableSignup: true });
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

// Both routers fuzzed end to end: whatever arrives in the path, the query string, the
// headers or the body, the answer is a 2xx or a 4xx with an error body, never a 5xx (a
// statement timeout excepted) and never a dropped connection.
const utf8Junk = fc.constantFrom('%FF', '%E0%A4%A', '%', '%%', '%zz', '%00', '%C0%AF', '%ED%A0%80', '..', '.', '');
const deep = fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.constantFrom(['a(', ')'], ['and(', ')'], ['(', ')'], ['{', '}'], ['[', ']'], ['->a', ''])).map(
  ([n, [open, close]]) => open.repeat(n) + close.repeat(n),
);
const hugeNumber = fc.constantFrom('9'.repeat(30), '1e400', '-1e400', '-0', '0x10', 'NaN', 'Infinity', '9007199254740993', '-9223372036854775809', '1.5');
const junk = fc.oneof(text, utf8Junk, deep, hugeNumber, fc.string({ unit: 'binary', maxLength: 12 }).map(encodeURIComponent));
// raw, so that bad percent-encoding reaches the server as sent
const queryPart = fc.tuple(
  fc.oneof(fc.constantFrom('select', 'order', 'limit', 'offset', 'columns', 'on_conflict', 'or', 'and', 'not.or', 'id', 'title', 'attrs->>a', 'tags', 'slot', 'categories.limit', 'apikey', 'a', 'n', 'seconds', 'grant_type', 'scope', 'page', 'per_page', 'redirect_to', 'type', 'token'), junk),
  fc.oneof(junk, fc.constantFrom('eq.1', 'in.(1,2)', 'cs.{a}', 'id.desc', '*', 'id,title', 'not.is.null', 'fts(english).x', '1', '0')),
).map(([k, v]) => `${k}=${v}`);
const headerText = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
const optionalHeader = (name: string, values: fc.Arbitrary<string>) => fc.option(values.map((v) => [name, v] as const), { nil: undefined });
const commonHeaders = fc.tuple(
  optionalHeader('Prefer', fc.oneof(fc.array(fc.constantFrom('return=representation', 'return=minimal', 'return=headers-only', 'count=exact', 'count=planned', 'count=estimated', 'resolution=merge-duplicates', 'missing=default', 'handling=strict', 'max-affected=99999999999999999999', 'tx=commit', 'params=single-object', 'x=y', ''), { maxLength: 4 }).map((a) => a.join(',')), headerText)),
  optionalHeader('Range', fc.oneof(fc.tuple(hugeNumber, hugeNumber).map(([a, b]) => `${a}-${b}`), fc.constantFrom('0-1', '5-', '3-1', 'items=0-0', '-5'), headerText)),
  optionalHeader('Accept', fc.oneof(fc.constantFrom('application/json', 'application/vnd.pgrst.object+json', 'text/csv', 'application/json;nulls=stripped', 'text/html', '*/*;q=0', 'application/geo+json', ''), headerText)),
  optionalHeader('Accept-Profile', fc.oneof(fc.constantFrom('public', 'auth', 'pg_catalog', ''), headerText)),
  optionalHeader('Content-Profile', fc.oneof(fc.constantFrom('public', 'private', ''), headerText)),
  optionalHeader('Content-Type', fc.oneof(fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/csv', 'text/plain', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/json; charset=latin1', ''), headerText)),
  optionalHeader('X-Supabase-Api-Version', fc.constantFrom('2024-01-01', '1999-01-01', 'x')),
);
const jsonText = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: deep.map((d) => `{"a":${d.replace(/[^[\]{}]/g, '').replace(/\{\}/g, '{"x":1}') || '1'}}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 30_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)) },
  { weight: 1, arbitrary: hugeNumber.map((n) => `{"id":${/^-?[\d.e]+$/.test(n) ? n : JSON.stringify(n)},"name":"x","a":${/^-?[\d.e]+$/.test(n) ? n : 1}}`) },
  { weight: 1, arbitrary: fc.constantFrom('{"name":"a\\u0000b"}', '{"a\\u0000":1}', '{"name":"\\ud800"}', '{', '}', 'null', '[]', '""', '\u0000', 'a=%FF&b', '{"a":1,"a":2}', '\ufeff{}') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

async function hostileCall(method: string, url: string, headers: Record<string, string>, body: string | undefined) {
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
  } catch (err) {
    return { ok: false, why: `no answer: ${(err as Error).cause ?? err}` };
  }
  const text = await res.text();
  if (res.status < 400) return { ok: true };
  if (method === 'HEAD' || text === '') return { ok: res.status < 500, why: `${res.status} (no body)` };
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, why: `${res.status} with a body that is not JSON: ${text.slice(0, 200)}` };
  }
  // a statement that ran out of time is a 5xx hosted Supabase gives too
  if (res.status >= 500 && json.code !== '57014') return { ok: false, why: `${res.status} ${text.slice(0, 300)}` };
  const message = typeof json.message === 'string' || typeof json.msg === 'string';
  return { ok: message, why: `${res.status} without a message: ${text.slice(0, 200)}` };
}

describe('hostile requests to both routers', () => {
  let userToken = '';
  beforeAll(async () => {
    const c = await f.signIn('alice@example.com', 'alice-password');
    userToken = (await c.auth.getSession()).data.session!.access_token;
  });
  const keys = () => fc.constantFrom<[string, string | undefined]>(
    [f.anonKey, undefined], [f.anonKey, userToken], [f.anonKey, 'e30.e30.e30'], [f.anonKey, 'junk'], ['x.y.z', undefined], ['', undefined],
  );

  it('/rest/v1: hostile paths, query strings, headers and bodies never cause a 5xx', async () => {
    const path = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('services', 'tags', 'bookings', 'categories', 'service_tags', 'hooks', 'active_services', 'canary', 'rpc/add', 'rpc/series', 'rpc/echo', 'rpc/stats', 'rpc/whoami', 'rpc/add_tags', 'rpc/fail', 'rpc/teapot', 'rpc/services_by_price') },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', 'rpc/'), junk).map(([p, j]) => p + j) },
      { weight: 1, arbitrary: fc.array(utf8Junk, { minLength: 1, maxLength: 3 }).map((a) => a.join('/')) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'PUT'), path, fc.array(queryPart, { maxLength: 4 }), commonHeaders, keys(), jsonText,
        async (method, p, query, extra, [apikey, bearer], body) => {
          const headers: Record<string, string> = Object.fromEntries(extra.filter((h) => h !== undefined));
          if (apikey) headers.apikey = apikey;
          if (bearer) headers.Authorization = `Bearer ${bearer}`;
          const url = `${f.url}/rest/v1/${p}${query.length ? `?${query.join('&')}` : ''}`;
          const out = await hostileCall(method, url, headers, body);
          expect(out.ok, `${method} ${url.slice(0, 300)} ${JSON.stringify(headers).slice(0, 300)} ${body.slice(0, 200)} → ${out.why}`).toBe(true);
        },
      ),
      { numRuns: 300, seed: 4245 },
    );
  }, 60_000);

  it('/auth/v1: every route with wrong JSON types for every field never causes a 5xx', async () => {
    const fields = ['email', 'password', 'phone', 'refresh_token', 'data', 'user_metadata', 'app_metadata', 'role', 'id', 'aud', 'ban_duration', 'email_confirm', 'should_soft_delete', 'type', 'token', 'token_hash', 'redirect_to', 'code_challenge', 'nonce', 'factor_type', 'friendly_name', 'code', 'challenge_id'];
    const fieldValue = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      junk,
      fc.constantFrom('alice@example.com', 'a\u0000@example.com', `${'a'.repeat(300)}@example.com`, 'not-an-email', '', 'alice-password', '24h', '99999999999999h', '00000000-0000-0000-0000-00000000000a', 'javascript:alert(1)', 'http://x/\r\nSet-Cookie: a=b'),
    );
    const body = fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...fields), fieldValue, { maxKeys: 5 }).map((o) => JSON.stringify(o)) },
      { weight: 1, arbitrary: jsonText },
    );
    const route = fc.oneof(
      fc.constantFrom(
        'token?grant_type=refresh_token', 'token?grant_type=id_token', 'token?grant_type=pkce', 'token', 'signup', 'recover', 'verify', 'verify?type=recovery&token=x',
        'user', 'logout', 'logout?scope=others', 'settings', 'health', 'admin/users', 'admin/users/00000000-0000-0000-0000-00000000000b',
        'factors', 'factors/00000000-0000-0000-0000-00000000000f/verify', 'otp', 'magiclink', '.well-known/jwks.json',
      ),
      fc.tuple(fc.constantFrom('token?grant_type=', 'logout?scope=', 'admin/users?page=', 'admin/users/', 'verify?redirect_to=', 'factors/', ''), junk).map(([a, b]) => a + b),
    );
    // password grants are padded to 400 ms when they fail: a few, so the run stays short
    const routeOrPassword = fc.oneof({ weight: 12, arbitrary: route }, { weight: 1, arbitrary: fc.constant('token?grant_type=password') });
    const authKeys = fc.oneof(keys(), fc.constant<[string, string | undefined]>([f.serviceKey, undefined]));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'), routeOrPassword, commonHeaders, authKeys, body, async (method, r, extra, [apikey, bearer], b) => {
        const headers: Record<string, string> = Object.fromEntries(extra.filter((h) => h !== undefined));
        if (apikey) headers.apikey = apikey;
        if (bearer) headers.Authorization = `Bearer ${bearer}`;
        const url = `${f.url}/auth/v1/${r}`;
        const out = await hostileCall(method, url, headers, b);
        expect(out.ok, `${method} ${url.slice(0, 300)} ${JSON.stringify(headers).slice(0, 300)} ${b.slice(0, 300)} → ${out.why}`).toBe(true);
      }),
      { numRuns: 300, seed: 4246 },
    );
  }, 60_000);
});

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
