// /auth/v1 through supabase-js's auth client, plus raw requests where the wire format matters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { startFixture, type Fixture } from './fixture.ts';

let f: Fixture;
const logs: string[] = [];

beforeAll(async () => {
  f = await startFixture('auth', { enableSignup: false, log: (m) => logs.push(m) });
});
afterAll(() => f?.stop());

async function authRaw(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await fetch(`${f.url}/auth/v1${path}`, { ...init, headers: { apikey: f.anonKey, 'Content-Type': 'application/json', ...init.headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

describe('password sign-in', () => {
  it('signs in with a pgcrypto bcrypt hash and issues Supabase-shaped tokens', async () => {
    const c = f.client();
    const { data, error } = await c.auth.signInWithPassword({ email: 'Alice@Example.com', password: 'alice-password' });
    expect(error).toBeNull();
    expect(data.session).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(data.user).toMatchObject({ id: '00000000-0000-0000-0000-00000000000a', email: 'alice@example.com', user_metadata: { name: 'Alice' } });
    const claims = decodeJwt(data.session!.access_token);
    expect(claims).toMatchObject({
      sub: '00000000-0000-0000-0000-00000000000a', role: 'authenticated', aud: 'authenticated', email: 'alice@example.com',
      app_metadata: { provider: 'email' }, user_metadata: { name: 'Alice' }, aal: 'aal1', is_anonymous: false,
      session_id: expect.any(String),
    });
    expect(claims.exp! - claims.iat!).toBe(3600);
    const [row] = await f.sql('select last_sign_in_at from auth.users where id = $1', ['00000000-0000-0000-0000-00000000000a']);
    expect(Date.now() - new Date(row.last_sign_in_at).getTime()).toBeLessThan(60_000);
    const sessions = await f.sql('select count(*)::int as n from auth.sessions where id = $1', [claims.session_id]);
    expect(sessions[0].n).toBe(1);
  });

  it('accepts cost-8 hashes too (any bcrypt the seeds write)', async () => {
    const { error } = await f.client().auth.signInWithPassword({ email: 'carol@example.com', password: 'carol-password' });
    expect(error).toBeNull();
  });

  it('refuses wrong passwords, unknown, banned and deleted users without saying which', async () => {
    const wrong = await authRaw('/token?grant_type=password', { method: 'POST', body: JSON.stringify({ email: 'alice@example.com', password: 'nope' }) });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
    const versioned = await authRaw('/token?grant_type=password', {
      method: 'POST', body: JSON.stringify({ email: 'alice@example.com', password: 'nope' }), headers: { 'X-Supabase-Api-Version': '2024-01-01' },
    });
    expect(versioned.json).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
    const timings: number[] = [];
    for (const [email, password] of [['nobody@example.com', 'x'], ['alice@example.com', 'x'], ['erin@example.com', 'erin-password']]) {
      const started = Date.now();
      const { error } = await f.client().auth.signInWithPassword({ email, password });
      timings.push(Date.now() - started);
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    }
    expect(Math.min(...timings)).toBeGreaterThanOrEqual(380);
    const banned = await f.client().auth.signInWithPassword({ email: 'dave@example.com', password: 'dave-password' });
    expect(banned.error).toMatchObject({ status: 400, code: 'user_banned' });
  });
});

describe('sessions', () => {
  it('rotates refresh tokens, detects reuse, and stores them', async () => {
    const c = f.client();
    const { data } = await c.auth.signInWithPassword({ email: 'bob@example.com', password: 'bob-password' });
    const first = data.session!.refresh_token;
    const refreshed = await c.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    const second = refreshed.data.session!.refresh_token;
    expect(second).not.toBe(first);
    const rows = await f.sql('select token, revoked, parent from auth.refresh_tokens where token in ($1, $2) order by id', [first, second]);
    expect(rows).toEqual([
      { token: first, revoked: true, parent: null },
      { token: second, revoked: false, parent: first },
    ]);
    // within the reuse window the old token yields the same successor
    const again = await authRaw('/token?grant_type=refresh_token', { method: 'POST', body: JSON.stringify({ refresh_token: first }) });
    expect(again.json.refresh_token).toBe(second);
    await f.sql(`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1`, [first]);
    const reused = await authRaw('/token?grant_type=refresh_token', { method: 'POST', body: JSON.stringify({ refresh_token: first }) });
    expect(reused.status).toBe(400);
    expect(reused.json.error_code).toBe('refresh_token_already_used');
    const unknown = await authRaw('/token?grant_type=refresh_token', { method: 'POST', body: JSON.stringify({ refresh_token: 'nope' }) });
    expect(unknown.json.error_code).toBe('refresh_token_not_found');
  });

  it('GET/PUT /user and logout scopes', async () => {
    const a = await f.signIn('alice@example.com', 'alice-password');
    const b = await f.signIn('alice@example.com', 'alice-password');
    expect((await a.auth.getUser()).data.user?.email).toBe('alice@example.com');
    const upd = await a.auth.updateUser({ data: { name: 'Alice A.', nick: 'al' } });
    expect(upd.data.user?.user_metadata).toEqual({ name: 'Alice A.', nick: 'al' });
    const weak = await a.auth.updateUser({ password: '123' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });
    expect((await a.auth.updateUser({ password: 'alice-password-2' })).error).toBeNull();
    expect((await f.client().auth.signInWithPassword({ email: 'alice@example.com', password: 'alice-password-2' })).error).toBeNull();
    // scope=local ends only this session
    const tokenB = (await b.auth.getSession()).data.session!.access_token;
    expect((await a.auth.signOut({ scope: 'local' })).error).toBeNull();
    expect((await f.client().auth.getUser(tokenB)).error).toBeNull();
    // scope=global ends all of them
    await b.auth.signOut({ scope: 'global' });
    const gone = await f.client().auth.getUser(tokenB);
    expect(gone.error?.name).toBe('AuthSessionMissingError');
    const n = await f.sql('select count(*)::int as n from auth.sessions where user_id = $1', ['00000000-0000-0000-0000-00000000000a']);
    expect(n[0].n).toBe(0);
    await f.sql(`update auth.users set encrypted_password = extensions.crypt('alice-password', extensions.gen_salt('bf')) where email = 'alice@example.com'`);
  });

  it('needs a valid bearer for /user', async () => {
    expect((await authRaw('/user')).status).toBe(403);
    const none = await fetch(`${f.url}/auth/v1/user`, { headers: { apikey: f.anonKey } });
    expect(none.status).toBe(403);
    const noKey = await fetch(`${f.url}/auth/v1/user`);
    expect(noKey.status).toBe(401);
  });
});

describe('signup, recovery, settings, health', () => {
  it('signup is off unless enabled', async () => {
    const { error } = await f.client().auth.signUp({ email: 'new@example.com', password: 'new-password' });
    expect(error).toMatchObject({ status: 422, code: 'signup_disabled' });
  });

  it('logs a recovery link that verifies into a session', async () => {
    const { error } = await f.client().auth.resetPasswordForEmail('bob@example.com', { redirectTo: 'http://localhost:5173/reset' });
    expect(error).toBeNull();
    expect((await f.client().auth.resetPasswordForEmail('nobody@example.com')).error).toBeNull();
    const line = logs.find((l) => l.includes('recovery link for bob@example.com'));
    expect(line).toBeDefined();
    const link = line!.slice(line!.indexOf('http'));
    const res = await fetch(link, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^http:\/\/localhost:5173\/reset#access_token=.+type=recovery/);
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(403);
  });

  it('settings and health', async () => {
    expect((await authRaw('/settings')).json).toMatchObject({ disable_signup: true, external: { email: true } });
    expect((await authRaw('/health')).json).toMatchObject({ name: 'GoTrue' });
  });

  it('malformed JSON is a clean 400', async () => {
    const res = await authRaw('/token?grant_type=password', { method: 'POST', body: '{"email":' });
    expect(res.status).toBe(400);
    expect(res.json.error_code).toBe('bad_json');
  });
});

describe('admin users API', () => {
  it('is for the service role only', async () => {
    const alice = await f.signIn('alice@example.com', 'alice-password');
    const { error } = await alice.auth.admin.listUsers();
    expect(error).toMatchObject({ status: 403, code: 'not_admin' });
  });

  it('lists, creates, reads, updates, bans and deletes users', async () => {
    const admin = f.client(f.serviceKey).auth.admin;
    const list = await admin.listUsers({ page: 1, perPage: 2 });
    expect(list.data.users).toHaveLength(2);
    expect(list.data).toMatchObject({ total: 5, lastPage: 3, nextPage: 2 });
    const created = await admin.createUser({ email: 'staff@example.com', password: 'staff-password', email_confirm: true, user_metadata: { team: 'ops' }, app_metadata: { staff: true } });
    expect(created.error).toBeNull();
    const id = created.data.user!.id;
    expect(created.data.user).toMatchObject({ email: 'staff@example.com', app_metadata: { provider: 'email', staff: true }, user_metadata: { team: 'ops' } });
    expect((await admin.createUser({ email: 'staff@example.com', password: 'x-password' })).error).toMatchObject({ status: 422, code: 'email_exists' });
    expect((await f.client().auth.signInWithPassword({ email: 'staff@example.com', password: 'staff-password' })).error).toBeNull();
    expect((await admin.getUserById(id)).data.user?.email).toBe('staff@example.com');
    const banned = await admin.updateUserById(id, { ban_duration: '24h', user_metadata: { team: 'finance' } });
    expect(banned.data.user).toMatchObject({ user_metadata: { team: 'finance' }, banned_until: expect.any(String) });
    expect((await f.client().auth.signInWithPassword({ email: 'staff@example.com', password: 'staff-password' })).error?.code).toBe('user_banned');
    await admin.updateUserById(id, { ban_duration: 'none' });
    expect((await f.client().auth.signInWithPassword({ email: 'staff@example.com', password: 'staff-password' })).error).toBeNull();
    expect((await admin.deleteUser(id, true)).error).toBeNull();
    expect((await f.client().auth.signInWithPassword({ email: 'staff@example.com', password: 'staff-password' })).error?.code).toBe('invalid_credentials');
    const other = (await admin.createUser({ email: 'temp@example.com', password: 'temp-password' })).data.user!.id;
    expect((await admin.deleteUser(other)).error).toBeNull();
    expect((await admin.getUserById(other)).error).toMatchObject({ status: 404, code: 'user_not_found' });
  });

  it('does not sign in users whose email is unconfirmed', async () => {
    const admin = f.client(f.serviceKey).auth.admin;
    await admin.createUser({ email: 'unconfirmed@example.com', password: 'unconfirmed-pw' });
    const { error } = await f.client().auth.signInWithPassword({ email: 'unconfirmed@example.com', password: 'unconfirmed-pw' });
    expect(error?.code).toBe('email_not_confirmed');
  });
});

describe('gateway behaviour', () => {
  it('answers CORS preflights the way supabase-js needs', async () => {
    const res = await fetch(`${f.url}/rest/v1/services`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,apikey,x-client-info,content-type,prefer,accept-profile' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const allowed = res.headers.get('access-control-allow-headers')!;
    for (const h of ['authorization', 'apikey', 'x-client-info', 'content-type', 'prefer', 'range', 'accept-profile', 'content-profile', 'x-supabase-api-version']) {
      expect(allowed).toContain(h);
    }
    const get = await fetch(`${f.url}/rest/v1/services?select=id&limit=1`, { headers: { Origin: 'http://localhost:5173', apikey: f.anonKey } });
    expect(get.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(get.headers.get('access-control-expose-headers')).toContain('content-range');
  });

  it('unknown routes are 404', async () => {
    expect((await fetch(`${f.url}/storage/v1/bucket`)).status).toBe(404);
  });
});
