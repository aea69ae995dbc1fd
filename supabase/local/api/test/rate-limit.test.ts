// /auth/v1 rate limits through the API, each server with small limits of its own: GoTrue's
// per-IP token buckets and 429 bodies, the per-account throttle of wrong passwords, the
// project-wide email count, and client addresses taken from the socket unless a trusted proxy
// forwarded them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../../config.ts';
import type { AuthRateLimits } from '../auth/rate-limit.ts';
import { startApi, type ApiOptions, type ApiServer } from '../server.ts';
import { adminClusterUrl, startFixture, type Fixture } from './fixture.ts';

let f: Fixture;
const servers: ApiServer[] = [];

beforeAll(async () => {
  f = await startFixture('rate_limit', { enableSignup: true });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await f?.stop();
});

const huge = 1e9;
const OFF: Partial<AuthRateLimits> = { tokenRefresh: huge, signInSignUps: huge, tokenVerifications: huge, emailSent: huge, burst: huge, accountFailures: huge };

/** another API on the fixture's database, with its own limits (in-memory, so they start full) */
async function api(rateLimits: Partial<AuthRateLimits>, extra: Partial<ApiOptions> = {}): Promise<ApiServer> {
  const s = await startApi({
    dbUrl: databaseUrl(adminClusterUrl, f.database, 'authenticator', 'postgres'),
    port: 0,
    enableSignup: true,
    log: (m) => f.logs.push(m),
    rateLimits: { ...OFF, ...rateLimits },
    ...extra,
  });
  servers.push(s);
  return s;
}

interface Reply {
  status: number;
  json: Record<string, unknown> | undefined;
}

async function call(s: ApiServer, path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST'): Promise<Reply> {
  const res = await fetch(`${s.url}/auth/v1${path}`, {
    method,
    headers: { apikey: f.anonKey, 'Content-Type': 'application/json', ...headers },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const password = (s: ApiServer, email: string, pw: string, headers: Record<string, string> = {}) =>
  call(s, '/token?grant_type=password', { email, password: pw }, headers);
const from = (ip: string, more: Record<string, string> = {}) => ({ 'X-Forwarded-For': ip, ...more });

const LEGACY_429 = { code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' };
const VERSIONED_429 = { code: 'over_request_rate_limit', message: 'Request rate limit reached' };

describe('per-IP token buckets (GoTrue apilimiter)', () => {
  it('fifty wrong passwords in a row: the bucket lets its burst through, then GoTrue’s 429 in both error shapes', async () => {
    const s = await api({ tokenRefresh: 5, burst: 5, windowSeconds: 3600 });
    const statuses: number[] = [];
    const bodies: unknown[] = [];
    for (let i = 0; i < 50; i++) {
      // an untrusted peer naming a new address each time must not get a new bucket
      const versioned = i % 2 === 1;
      const r = await password(s, 'alice@example.com', `wrong-${i}`, {
        ...from(`203.0.113.${i + 1}`),
        ...(versioned ? { 'X-Supabase-Api-Version': '2024-01-01' } : {}),
      });
      statuses.push(r.status);
      bodies.push(r.json);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual(Array(45).fill(429));
    // odd attempts sent X-Supabase-Api-Version (as supabase-js does), even ones did not
    expect(bodies[5]).toEqual(VERSIONED_429);
    expect(bodies[6]).toEqual(LEGACY_429);
    // per IP, not per account: the right password and a refresh are in the same bucket
    expect(await password(s, 'bob@example.com', 'bob-password')).toEqual({ status: 429, json: LEGACY_429 });
    expect((await call(s, '/token?grant_type=refresh_token', { refresh_token: 'x' })).status).toBe(429);
    // other endpoints have buckets of their own
    expect((await call(s, '/recover', { email: 'bob@example.com' })).status).toBe(200);
  });

  it('refills at its rate: after the window the same client is let in again', async () => {
    // 3 per 3 s: one token a second, so the 4 quick requests below cannot earn a second one
    const s = await api({ tokenRefresh: 3, burst: 3, windowSeconds: 3 });
    const refresh = () => call(s, '/token?grant_type=refresh_token', { refresh_token: 'not-a-token' });
    const first = [await refresh(), await refresh(), await refresh(), await refresh()].map((r) => r.status);
    expect(first).toEqual([400, 400, 400, 429]);
    await new Promise((r) => setTimeout(r, 3100));
    const after = [await refresh(), await refresh(), await refresh(), await refresh()].map((r) => r.status);
    expect(after).toEqual([400, 400, 400, 429]);
  });

  it('behind a trusted proxy each forwarded client has its own bucket', async () => {
    const s = await api({ tokenRefresh: 2, burst: 2, windowSeconds: 3600 }, { trustedProxies: ['127.0.0.1', '::1'] });
    const a = [];
    for (let i = 0; i < 3; i++) a.push((await call(s, '/token?grant_type=refresh_token', { refresh_token: 'x' }, from('198.51.100.1'))).status);
    expect(a).toEqual([400, 400, 429]);
    // the client is the rightmost untrusted entry, not whatever the client put on the left
    expect((await call(s, '/token?grant_type=refresh_token', { refresh_token: 'x' }, from('9.9.9.9, 198.51.100.1'))).status).toBe(429);
    expect((await call(s, '/token?grant_type=refresh_token', { refresh_token: 'x' }, from('198.51.100.1, 198.51.100.2'))).status).toBe(400);
    expect((await password(s, 'alice@example.com', 'alice-password', from('198.51.100.3'))).status).toBe(200);
  });

  it('/signup, /recover and /verify each draw on their own bucket (sign_in_sign_ups, token_verifications)', async () => {
    const s = await api({ signInSignUps: 2, tokenVerifications: 2, burst: 2, windowSeconds: 3600 });
    const signups = [];
    for (let i = 0; i < 3; i++) {
      signups.push((await call(s, '/signup', { email: `limited-${i}-${process.pid}@example.com`, password: 'a-long-password' })).status);
    }
    expect(signups).toEqual([200, 200, 429]);
    const recovers = [];
    for (let i = 0; i < 3; i++) recovers.push((await call(s, '/recover', { email: 'nobody@example.com' })).status);
    expect(recovers).toEqual([200, 200, 429]);
    const verifies = [];
    for (let i = 0; i < 3; i++) verifies.push((await call(s, '/verify?type=recovery&token=bogus', undefined, {}, 'GET')).status);
    expect(verifies).toEqual([403, 403, 429]);
    const limited = await call(s, '/verify', { type: 'recovery', token: 'bogus' }, { 'X-Supabase-Api-Version': '2024-01-01' });
    expect(limited).toEqual({ status: 429, json: VERSIONED_429 });
    // the token bucket is untouched by all of that
    expect((await password(s, 'alice@example.com', 'alice-password')).status).toBe(200);
  });

  it('email_sent counts recovery emails for the whole project, whichever IP asks', async () => {
    const s = await api({ emailSent: 2 }, { trustedProxies: ['127.0.0.1', '::1'] });
    expect((await call(s, '/recover', { email: 'bob@example.com' }, from('198.51.100.1'))).status).toBe(200);
    expect((await call(s, '/recover', { email: 'nobody@example.com' }, from('198.51.100.2'))).status).toBe(200);
    expect(await call(s, '/recover', { email: 'bob@example.com' }, from('198.51.100.3'))).toEqual({
      status: 429, json: { code: 429, error_code: 'over_email_send_rate_limit', msg: 'email rate limit exceeded' },
    });
  });

  it('the defaults are GoTrue’s: a burst of 30 sign-in attempts, then 429', async () => {
    const s = await startApi({ dbUrl: databaseUrl(adminClusterUrl, f.database, 'authenticator', 'postgres'), port: 0, log: () => {} });
    servers.push(s);
    const statuses = await Promise.all(
      Array.from({ length: 31 }, () => call(s, '/token?grant_type=refresh_token', { refresh_token: 'x' }).then((r) => r.status)),
    );
    expect(statuses.filter((x) => x === 400)).toHaveLength(30);
    expect(statuses.filter((x) => x === 429)).toHaveLength(1);
  });
});

describe('per-account throttle of wrong passwords', () => {
  it('after N wrong passwords from any number of IPs, that email answers 429 — right password too — until the window passes', async () => {
    const s = await api({ accountFailures: 3, accountWindowSeconds: 2 }, { trustedProxies: ['127.0.0.1', '::1'] });
    const wrong = [];
    for (let i = 1; i <= 3; i++) wrong.push((await password(s, 'bob@example.com', `guess-${i}`, from(`198.51.100.${10 + i}`))).status);
    expect(wrong).toEqual([400, 400, 400]);
    expect(await password(s, 'bob@example.com', 'bob-password', from('198.51.100.20'))).toEqual({ status: 429, json: LEGACY_429 });
    expect((await password(s, ' BOB@Example.com ', 'bob-password', from('198.51.100.21'))).status).toBe(429);
    // only that account: another one signs in from the same address
    expect((await password(s, 'alice@example.com', 'alice-password', from('198.51.100.20'))).status).toBe(200);
    // refused attempts do not extend it
    await new Promise((r) => setTimeout(r, 2100));
    expect((await password(s, 'bob@example.com', 'bob-password', from('198.51.100.22'))).status).toBe(200);
    // a successful sign-in starts the count again
    for (let i = 0; i < 2; i++) expect((await password(s, 'bob@example.com', 'nope', from('198.51.100.23'))).status).toBe(400);
    expect((await password(s, 'bob@example.com', 'bob-password', from('198.51.100.23'))).status).toBe(200);
  });

  it('unknown emails are throttled the same way, so a 429 tells nothing about which exist', async () => {
    const s = await api({ accountFailures: 2, accountWindowSeconds: 60 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await password(s, 'nobody-here@example.com', 'x')).status);
    expect(statuses).toEqual([400, 400, 429]);
  });
});

describe('client address (auth.sessions.ip)', () => {
  async function sessionIp(s: ApiServer, headers: Record<string, string>): Promise<string | null> {
    const r = await password(s, 'carol@example.com', 'carol-password', headers);
    expect(r.status).toBe(200);
    const token = r.json!.access_token as string;
    const sid = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).session_id;
    const [row] = await f.sql<{ ip: string | null }>('select host(ip) as ip from auth.sessions where id = $1', [sid]);
    return row.ip;
  }

  it('is the socket’s peer when no proxy is trusted, whatever X-Forwarded-For and X-Real-IP say', async () => {
    const s = await api({});
    expect(await sessionIp(s, from('6.6.6.6', { 'X-Real-IP': '6.6.6.7', Forwarded: 'for=6.6.6.8' }))).toBe('127.0.0.1');
  });

  it('is the forwarded client when the peer is a trusted proxy', async () => {
    const s = await api({}, { trustedProxies: ['127.0.0.0/8', '::1'] });
    expect(await sessionIp(s, from('6.6.6.6, 203.0.113.77'))).toBe('203.0.113.77');
    expect(await sessionIp(s, from('::ffff:203.0.113.78'))).toBe('203.0.113.78');
    expect(await sessionIp(s, from('2001:db8::42'))).toBe('2001:db8::42');
  });

  it('refuses a trusted-proxy list that is not addresses', async () => {
    await expect(api({}, { trustedProxies: ['10.0.0.0/40'] })).rejects.toThrow(/not an IP address or CIDR/);
  });
});
