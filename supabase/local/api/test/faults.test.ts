// The server under stress: a full pool, clients that hang up, and database connections
// killed underneath it (what a database restart does to it).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbPool } from '../pool.ts';
import { startFixture, type Fixture } from './fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture('faults', { poolSize: 2, acquireTimeoutMs: 400 });
});
afterAll(() => f?.stop());

function rest(path: string, init: RequestInit = {}) {
  return fetch(`${f.url}/rest/v1${path}`, {
    ...init,
    headers: { apikey: f.serviceKey, 'Content-Type': 'application/json', ...(init.headers as object) },
  });
}
const sleep = (seconds: number) => rest('/rpc/sleep', { method: 'POST', body: JSON.stringify({ seconds }) });

describe('pool exhaustion', () => {
  it('queues, then answers 503 PGRST003 with a clear message, then recovers', async () => {
    const busy = [sleep(1.2), sleep(1.2)];
    await new Promise((r) => setTimeout(r, 150));
    const started = Date.now();
    const starved = await rest('/tags?select=id');
    const waited = Date.now() - started;
    expect(starved.status).toBe(503);
    expect(starved.headers.get('retry-after')).toBe('1');
    expect(await starved.json()).toMatchObject({ code: 'PGRST003', message: 'Timed out acquiring connection from connection pool.' });
    expect(waited).toBeGreaterThanOrEqual(350);
    expect((await Promise.all(busy)).map((r) => r.status)).toEqual([200, 200]);
    expect((await rest('/tags?select=id')).status).toBe(200);
  });

  it('a request that waits less than the timeout is served', async () => {
    const busy = [sleep(0.2), sleep(0.2)];
    await new Promise((r) => setTimeout(r, 50));
    const queued = await rest('/tags?select=id');
    expect(queued.status).toBe(200);
    await Promise.all(busy);
  });
});

describe('clients that disconnect', () => {
  it('mid-response and mid-query leave the server and the pool healthy', async () => {
    const url = new URL(`${f.url}/rest/v1/rpc/series?n=300000`);
    // hang up after the first chunk of a large body
    await new Promise<void>((resolve) => {
      const req = http.get(url, { headers: { apikey: f.serviceKey } }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => resolve());
    });
    // hang up while the query is still running
    const aborted = new AbortController();
    const p = rest('/rpc/sleep', { method: 'POST', body: '{"seconds":0.3}', signal: aborted.signal }).catch((e) => e);
    setTimeout(() => aborted.abort(), 50);
    expect(await p).toBeInstanceOf(Error);
    await new Promise((r) => setTimeout(r, 500));
    // both connections are back: two concurrent requests need no waiting
    const [a, b] = await Promise.all([sleep(0.1), sleep(0.1)]);
    expect([a.status, b.status]).toEqual([200, 200]);
  });
});

describe('database connections killed underneath', () => {
  const kill = () =>
    f.sql(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name like 'loconomy-local-api%'`);

  it('answers 503 for the request in flight, then recovers without a restart', async () => {
    const inFlight = sleep(1);
    await new Promise((r) => setTimeout(r, 200));
    await kill();
    const res = await inFlight;
    expect(res.status).toBe(503);
    expect((await res.json()).code).toMatch(/^PGRST00[01]$/);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await rest('/tags?select=id')).status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses.at(-1)).toBe(200);
  });

  it('the schema listener reconnects and still hears reload notifications', async () => {
    await kill();
    await new Promise((r) => setTimeout(r, 600));
    await f.sql('create table public.after_restart (id int primary key)');
    await f.sql(`notify pgrst, 'reload schema'`);
    await expect.poll(async () => (await rest('/after_restart')).status, { timeout: 8000, interval: 200 }).toBe(200);
  });

  it('a database that cannot be reached is a 503, not a crash', async () => {
    const pool = new DbPool({ url: 'postgresql://authenticator:postgres@127.0.0.1:1/none', size: 1, acquireTimeoutMs: 1000, log: () => {} });
    await expect(pool.transaction(true, async () => ({ value: 1, commit: true }))).rejects.toMatchObject({ status: 503, code: 'PGRST000' });
    await pool.end();
  });
});
