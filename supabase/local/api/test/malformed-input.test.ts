// Malformed requests get a 4xx in the shape the real server uses (PostgREST's {code, message,
// details, hint}, GoTrue's {code, error_code, msg}), never a 500 or a dropped connection, and
// nothing they carry is lost or changed on the way to the database.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretKey, signJwt } from '../jwt.ts';
import { LOCAL_JWT_SECRET } from '../../config.ts';
import { startFixture, type Fixture } from './fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture('malformed', { enableSignup: true });
});
afterAll(() => f?.stop());

async function call(path: string, init: RequestInit = {}, key = f.anonKey) {
  const res = await fetch(`${f.url}${path}`, { ...init, headers: { apikey: key, 'Content-Type': 'application/json', ...(init.headers as object) } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
const post = (path: string, body: unknown, key?: string) => call(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) }, key);
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** Writes raw bytes and returns the status line of whatever comes back. */
function raw(request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(f.api.port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (c) => (data += c));
    socket.on('error', () => {});
    socket.on('close', () => resolve(data.split('\r\n')[0] || '(connection closed without an answer)'));
  });
}

const pgrst = (code: string) => ({ code, message: expect.any(String), details: expect.anything(), hint: null });
const gotrue = (error_code: string) => ({ code: 400, error_code, msg: expect.any(String) });

describe('/rest/v1', () => {
  it('bad percent-encoding in the path is a PGRST100, on tables and functions', async () => {
    expect(await call('/rest/v1/tag%FFs')).toEqual({ status: 400, body: pgrst('PGRST100') });
    expect(await call('/rest/v1/rpc/ad%E0%A4%A')).toEqual({ status: 400, body: pgrst('PGRST100') });
  });

  it('JSON nested tens of thousands deep reaches PostgreSQL as sent (54001 → 413), not a stack overflow', async () => {
    const echo = await post('/rest/v1/rpc/echo', `{"a":${nested(30_000)}}`, f.serviceKey);
    expect(echo).toMatchObject({ status: 413, body: { code: '54001' } });
    const insert = await call('/rest/v1/services', {
      method: 'POST', headers: { Prefer: 'tx=rollback' },
      body: JSON.stringify({ provider_id: '00000000-0000-0000-0000-00000000000c', title: 'x' }).replace('}', `,"attrs":{"a":${nested(30_000)}}}`),
    }, f.serviceKey);
    expect(insert).toMatchObject({ status: 413, body: { code: '54001' } });
  });

  it('embeds and logic trees nested hundreds deep are a PGRST100, not a stack overflow', async () => {
    const select = await call(`/rest/v1/services?select=${'a('.repeat(3000)}id${')'.repeat(3000)}`);
    expect(select).toEqual({ status: 400, body: pgrst('PGRST100') });
    const tree = await call(`/rest/v1/services?or=(${'and('.repeat(2500)}id.eq.1${')'.repeat(2501)})`);
    expect(tree).toEqual({ status: 400, body: pgrst('PGRST100') });
  });

  it('stores numbers exactly as sent: no rounding above 2^53, no 1e400 turned into null', async () => {
    const big = '9007199254740993';
    // compared as text: JSON.parse would round the answers too
    const text = async (path: string, body: string, headers: Record<string, string> = {}) =>
      (await fetch(`${f.url}/rest/v1${path}`, { method: 'POST', headers: { apikey: f.serviceKey, 'Content-Type': 'application/json', ...headers }, body })).text();
    const inserted = await text('/services?select=price_cents', `{"provider_id":"00000000-0000-0000-0000-00000000000c","title":"big","price_cents":${big}}`, {
      Prefer: 'return=representation,tx=rollback',
    });
    expect(inserted).toBe(`[{"price_cents":${big}}]`);
    expect(await text('/rpc/echo', `{"n":${big}}`)).toBe(`{"n": ${big}}`);
    const inf = await call('/rest/v1/tags', { method: 'POST', headers: { Prefer: 'tx=rollback' }, body: '{"id":1e400,"name":"inf"}' }, f.serviceKey);
    expect(inf).toMatchObject({ status: 400, body: { code: '22P02' } });
    expect(await post('/rest/v1/rpc/add', '{"a":1e400}')).toMatchObject({ status: 400, body: { code: '22P02' } });
  });

  it('Range bounds beyond 2^53 are a 416 PGRST103', async () => {
    const res = await call('/rest/v1/tags', { headers: { Range: '0-99999999999999999999999' } });
    expect(res).toEqual({ status: 416, body: pgrst('PGRST103') });
  });
});

describe('/auth/v1', () => {
  it('sign-up data that is a string or an array is bad_json', async () => {
    for (const data of ['a string', [1, 2]]) {
      const res = await post('/auth/v1/signup', { email: 'data@example.com', password: 'secret-1', data });
      expect(res).toEqual({ status: 400, body: gotrue('bad_json') });
    }
    expect(await f.sql(`select 1 from auth.users where email = 'data@example.com'`)).toEqual([]);
  });

  it('an email over 255 characters is validation_failed "An email address is too long"', async () => {
    const email = `${'a'.repeat(250)}@example.com`;
    for (const path of ['/auth/v1/signup', '/auth/v1/recover']) {
      const res = await post(path, { email, password: 'secret-1' });
      expect(res).toEqual({ status: 400, body: { ...gotrue('validation_failed'), msg: 'An email address is too long' } });
    }
  });

  it('a NUL byte in an email on /token, /recover or /signup is a 400, and in a refresh token too', async () => {
    const email = 'alice\u0000@example.com';
    for (const [path, body] of [
      ['/auth/v1/token?grant_type=password', { email, password: 'alice-password' }],
      ['/auth/v1/recover', { email }],
      ['/auth/v1/signup', { email, password: 'secret-1' }],
      ['/auth/v1/token?grant_type=refresh_token', { refresh_token: 'a\u0000b' }],
    ] as const) {
      expect(await post(path, body), path).toEqual({ status: 400, body: gotrue('validation_failed') });
    }
  });

  it('a field of the wrong JSON type is bad_json, as GoTrue decodes into typed structs', async () => {
    expect(await post('/auth/v1/token?grant_type=password', { email: ['alice@example.com'], password: 'x' })).toEqual({ status: 400, body: gotrue('bad_json') });
    expect(await post('/auth/v1/signup', { email: 42, password: 'secret-1' })).toEqual({ status: 400, body: gotrue('bad_json') });
    expect(await post('/auth/v1/admin/users', { email: 'typed@example.com', user_metadata: 'x' }, f.serviceKey)).toEqual({ status: 400, body: gotrue('bad_json') });
  });

  it('a signed-in user cannot merge an array into their metadata, or store a NUL escape in it', async () => {
    const c = await f.signIn('bob@example.com', 'bob-password');
    const token = (await c.auth.getSession()).data.session!.access_token;
    const put = (body: unknown) => call('/auth/v1/user', { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect(await put({ data: [1, 2] })).toEqual({ status: 400, body: gotrue('bad_json') });
    expect(await put({ data: { note: 'a\u0000b' } })).toEqual({ status: 400, body: gotrue('validation_failed') });
    const [row] = await f.sql(`select raw_user_meta_data from auth.users where email = 'bob@example.com'`);
    expect(row.raw_user_meta_data).toEqual({});
  });

  it('a deeply nested body is bad_json', async () => {
    expect(await post('/auth/v1/signup', `{"email":"deep@example.com","password":"secret-1","data":{"a":${nested(30_000)}}}`)).toEqual({ status: 400, body: gotrue('bad_json') });
  });

  it('JWT sub and session_id that are not UUIDs are 403 bad_jwt', async () => {
    const key = secretKey(LOCAL_JWT_SECRET);
    const exp = Math.floor(Date.now() / 1000) + 60;
    for (const claims of [{ sub: 'not-a-uuid' }, { sub: '00000000-0000-0000-0000-00000000000a', session_id: 'zz' }]) {
      const token = await signJwt({ role: 'authenticated', exp, ...claims }, key);
      const res = await call('/auth/v1/user', { headers: { Authorization: `Bearer ${token}` } });
      expect(res).toEqual({ status: 403, body: { code: 403, error_code: 'bad_jwt', msg: expect.stringMatching(/must be a UUID/) } });
    }
  });

  it('admin pagination and ban durations out of range are validation_failed', async () => {
    expect(await call('/auth/v1/admin/users?page=1e400', {}, f.serviceKey)).toEqual({ status: 400, body: gotrue('validation_failed') });
    const ban = await post('/auth/v1/admin/users', { email: 'banned-forever@example.com', ban_duration: '99999999999999h' }, f.serviceKey);
    expect(ban).toEqual({ status: 400, body: gotrue('validation_failed') });
  });
});

describe('malformed HTTP', () => {
  it('a request line that is not HTTP gets 400, oversized headers 431, instead of a reset', async () => {
    expect(await raw('GARBAGE\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(`GET /rest/v1/tags HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)).toBe('HTTP/1.1 431 Request Header Fields Too Large');
  });

  it('a request target new URL() refuses does not take the server down', async () => {
    expect(await raw('GET //host:99999 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 4\d\d /);
    expect((await call('/rest/v1/tags?select=id')).status).toBe(200);
  });
});
