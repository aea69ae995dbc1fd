// The database drops the server's connections in the middle of a busy run (what a failover,
// an idle-session killer or an operator's pg_terminate_backend does): the process must live,
// only the requests on the dropped connections may fail, each with a 503, and the very next
// requests are served by the same server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../../config.ts';
import { withClient } from '../../database.ts';
import { UNTHROTTLED_RATE_LIMITS } from '../auth/rate-limit.ts';
import { localKeys } from '../keys.ts';
import { startApi, type ApiServer } from '../server.ts';
import { adminClusterUrl, createFixtureDatabase, dropFixtureDatabase } from './fixture.ts';

const { anonKey, serviceRoleKey } = localKeys();
let api: ApiServer;
let database: string;
let adminUrl: string;
const logs: string[] = [];
// what would end a real server process: collected here so the test fails on them
const crashes: unknown[] = [];
const onCrash = (err: unknown) => crashes.push(err);

beforeAll(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  database = await createFixtureDatabase('connection_loss');
  adminUrl = databaseUrl(adminClusterUrl, database);
  api = await startApi({
    dbUrl: databaseUrl(adminClusterUrl, database, 'authenticator', 'postgres'),
    // auth on its own privileged connections, as Supabase Auth has: a second pool to lose
    adminDbUrl: adminUrl,
    port: 0,
    poolSize: 6,
    acquireTimeoutMs: 5000,
    log: (m) => logs.push(m),
    // throttling is rate-limit.test.ts's subject; here every refusal must be a dropped connection's
    rateLimits: UNTHROTTLED_RATE_LIMITS,
  });
});

afterAll(async () => {
  await api?.close();
  if (database) await dropFixtureDatabase(database);
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

/** Every backend the API holds: REST pool, auth pool, schema listener. */
const killApiBackends = () =>
  withClient(adminUrl, async (c) => {
    const { rows } = await c.query(
      `select count(*) filter (where pg_terminate_backend(pid))::int as n from pg_stat_activity
       where datname = current_database() and application_name like 'loconomy-local-api%' and pid <> pg_backend_pid()`,
    );
    return rows[0].n as number;
  });

interface Outcome {
  kind: string;
  status: number;
  code?: string;
  error?: string;
}

async function call(kind: string, path: string, init: RequestInit, ok: number): Promise<Outcome & { ok: boolean }> {
  try {
    const res = await fetch(`${api.url}${path}`, init);
    const text = await res.text();
    let code: string | undefined;
    if (res.status >= 400) {
      const body = JSON.parse(text);
      code = String(body.error_code ?? body.code);
    }
    return { kind, status: res.status, code, ok: res.status === ok };
  } catch (err) {
    return { kind, status: 0, error: String((err as Error).cause ?? err), ok: false };
  }
}

const headers = (key: string, extra: Record<string, string> = {}) => ({ apikey: key, Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...extra });

async function signIn(): Promise<string> {
  const res = await fetch(`${api.url}/auth/v1/token?grant_type=password`, {
    method: 'POST', headers: headers(anonKey), body: JSON.stringify({ email: 'alice@example.com', password: 'alice-password' }),
  });
  expect(res.status).toBe(200);
  return (await res.json()).access_token;
}

/** The i-th request of the mix: REST reads, writes and RPC, and auth token and user requests. */
function request(i: number, userToken: string) {
  switch (i % 8) {
    case 0:
      return call('read', '/rest/v1/services?select=id,title,categories(name)&order=id', { headers: headers(anonKey) }, 200);
    case 1:
      return call('own bookings', '/rest/v1/bookings?select=id,status', { headers: headers(userToken) }, 200);
    case 2:
      return call('insert', '/rest/v1/tags', {
        method: 'POST', headers: headers(serviceRoleKey, { Prefer: 'return=minimal' }), body: JSON.stringify({ id: 1000 + i, name: `load ${i}` }),
      }, 201);
    case 3:
      return call('update', '/rest/v1/bookings?id=eq.10000000-0000-0000-0000-000000000001', {
        method: 'PATCH', headers: headers(userToken, { Prefer: 'return=minimal' }), body: JSON.stringify({ note: `n${i}` }),
      }, 204);
    case 4:
      return call('rpc post', '/rest/v1/rpc/touch_canary', { method: 'POST', headers: headers(serviceRoleKey), body: '{}' }, 204);
    case 5:
      return call('rpc get', '/rest/v1/rpc/add?a=1&b=2', { headers: headers(anonKey) }, 200);
    case 6:
      return call('auth user', '/auth/v1/user', { headers: headers(anonKey, { Authorization: `Bearer ${userToken}` }) }, 200);
    default:
      // a password grant costs a bcrypt: only a few of them, the rest admin reads on the auth pool
      return i % 64 === 7
        ? call('auth token', '/auth/v1/token?grant_type=password', {
            method: 'POST', headers: headers(anonKey), body: JSON.stringify({ email: 'carol@example.com', password: 'carol-password' }),
          }, 200)
        : call('auth admin', '/auth/v1/admin/users?per_page=2', { headers: headers(serviceRoleKey) }, 200);
  }
}

describe('connections dropped under load', () => {
  it('costs only the requests on them (503), the process lives, and the next requests succeed', async () => {
    const userToken = await signIn();
    const total = 2400;
    const concurrency = 16;
    const outcomes: (Outcome & { ok: boolean })[] = [];
    const killed: number[] = [];
    let next = 0;
    const killAt = new Set([Math.floor(total / 3), Math.floor((2 * total) / 3)]);
    const worker = async () => {
      while (next < total) {
        const i = next++;
        if (killAt.has(i)) killed.push(await killApiBackends());
        outcomes.push(await request(i, userToken));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));

    expect(crashes).toEqual([]);
    expect(killed).toHaveLength(2);
    // each kill hit the REST pool, the auth pool and the schema listener
    for (const n of killed) expect(n).toBeGreaterThanOrEqual(3);
    const failed = outcomes.filter((o) => !o.ok);
    const unexpected = failed.filter((o) => o.status !== 503 || !/^(PGRST00[013]|unexpected_failure)$/.test(o.code ?? ''));
    expect(unexpected, JSON.stringify(unexpected.slice(0, 5))).toEqual([]);
    // at most one request per dropped connection: the one that was using it
    expect(failed.length, JSON.stringify(failed.slice(0, 5))).toBeLessThanOrEqual(killed[0] + killed[1]);

    // the same server, no restart: every kind of request succeeds again at once
    const after = await Promise.all(Array.from({ length: 64 }, (_, i) => request(total + i, userToken)));
    expect(after.filter((o) => !o.ok)).toEqual([]);
    // and the schema listener came back too
    await withClient(adminUrl, (c) => c.query(`create table public.after_drop (id int primary key); notify pgrst, 'reload schema'`));
    await expect.poll(async () => (await fetch(`${api.url}/rest/v1/after_drop`, { headers: headers(serviceRoleKey) })).status, { timeout: 8000, interval: 200 }).toBe(200);
    expect(crashes).toEqual([]);
  }, 120_000);
});
