// The whole schema (migrations + seed) behind two APIs — one with no trusted proxy, one behind
// a trusted proxy on loopback — to prove what reaches public.audit_logs: the socket's address
// unless a trusted proxy forwarded another, for REST writes (the audit triggers read
// request.headers) and for failed and throttled staff sign-ins, which admins read there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { databaseUrl } from '../../config.ts';
import { withClient } from '../../database.ts';
import { applyMigrations, bootstrapFile, runSqlFile, seedFile } from '../../migrate.ts';
import { localKeys } from '../keys.ts';
import { startApi, type ApiServer } from '../server.ts';
import { adminClusterUrl } from './fixture.ts';

const database = `api_fixture_client_ip_audit_${process.pid}`;
const adminUrl = databaseUrl(adminClusterUrl, database);
const { anonKey } = localKeys();
const PASSWORD = 'Loconomy-demo-2026';
const TENANT = '10000000-0000-4000-8000-000000000001';
const SUPER = { email: 'super.admin@loconomy.test', id: '00000000-0000-4000-8000-000000000001' };
const OPS = { email: 'ops@loconomy.test', id: '00000000-0000-4000-8000-000000000002' };
const FINANCE = { email: 'finance@loconomy.test', id: '00000000-0000-4000-8000-000000000003' };
const CUSTOMER = { email: 'customer@loconomy.test', id: '00000000-0000-4000-8000-000000000006' };
const PROVIDER = { email: 'provider@loconomy.test', id: '00000000-0000-4000-8000-000000000007' };

let direct: ApiServer;
let proxied: ApiServer;
const logs: string[] = [];

beforeAll(async () => {
  await withClient(adminClusterUrl, async (c) => {
    await c.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`);
    await c.query(`create database ${pg.escapeIdentifier(database)}`);
  });
  await withClient(adminUrl, async (c) => {
    await runSqlFile(c, bootstrapFile);
    await applyMigrations(c, { log: () => {} });
    await runSqlFile(c, seedFile);
  });
  const common = { dbUrl: databaseUrl(adminClusterUrl, database, 'authenticator', 'postgres'), port: 0, log: (m: string) => logs.push(m) };
  const open = { tokenRefresh: 1e9, signInSignUps: 1e9, burst: 1e9 };
  // one on the authenticator connection (auth as service_role), one on its own superuser one
  direct = await startApi({ ...common, rateLimits: { ...open, accountFailures: 1e9 } });
  proxied = await startApi({
    ...common, adminDbUrl: adminUrl, trustedProxies: ['127.0.0.1', '::1'], rateLimits: { ...open, accountFailures: 2, accountWindowSeconds: 600 },
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([direct?.close(), proxied?.close()]);
  await withClient(adminClusterUrl, (c) => c.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`));
});

const sql = <T extends pg.QueryResultRow>(text: string, values?: unknown[]) => withClient(adminUrl, async (c) => (await c.query<T>(text, values)).rows);

async function signIn(s: ApiServer, email: string, password: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: anonKey, 'Content-Type': 'application/json', 'X-Supabase-Api-Version': '2024-01-01', ...headers },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function token(s: ApiServer, email: string): Promise<string> {
  const r = await signIn(s, email, PASSWORD);
  expect(r.status).toBe(200);
  return r.json.access_token as string;
}

async function maxSeq(): Promise<number> {
  const [{ seq }] = await sql<{ seq: string }>('select coalesce(max(seq), 0)::text as seq from public.audit_logs');
  return Number(seq);
}

interface AuditRow {
  action: string;
  table_name: string;
  record_id: string;
  tenant_id: string | null;
  actor_id: string | null;
  actor_role: string | null;
  ip: string | null;
  user_agent: string | null;
  metadata: Record<string, unknown>;
  whole: string;
}
const auditSince = (seq: number, where = 'true', values: unknown[] = []) =>
  sql<AuditRow>(
    `select action::text, table_name, record_id, tenant_id, actor_id, actor_role, host(ip_address) as ip, user_agent, metadata,
            to_jsonb(a)::text as whole
       from public.audit_logs a where seq > $1 and (${where}) order by seq`,
    [seq, ...values],
  );

describe('REST writes: the audit triggers record the client address', () => {
  async function renameTenant(s: ApiServer, jwt: string, name: string, headers: Record<string, string>) {
    const res = await fetch(`${s.url}/rest/v1/tenants?id=eq.${TENANT}`, {
      method: 'PATCH',
      headers: { apikey: anonKey, Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json', Prefer: 'return=minimal', ...headers },
      body: JSON.stringify({ name }),
    });
    expect(res.status).toBe(204);
    const rows = await sql<{ ip: string | null; user_agent: string | null }>(
      `select host(ip_address) as ip, user_agent from public.audit_logs
        where table_name = 'tenants' and record_id = $1 and new_data ->> 'name' = $2 order by seq desc limit 1`,
      [TENANT, name],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  it('a spoofed X-Forwarded-For from an untrusted peer does not reach audit_logs.ip_address', async () => {
    const jwt = await token(direct, SUPER.email);
    const row = await renameTenant(direct, jwt, `Loconomy ${process.pid} direct`, {
      'X-Forwarded-For': '6.6.6.6', 'X-Real-IP': '6.6.6.7', 'User-Agent': 'client-ip-audit/1',
    });
    expect(row).toEqual({ ip: '127.0.0.1', user_agent: 'client-ip-audit/1' });
  });

  it('a trusted proxy’s X-Forwarded-For does: the rightmost address it did not add itself', async () => {
    const jwt = await token(proxied, SUPER.email);
    const row = await renameTenant(proxied, jwt, `Loconomy ${process.pid} proxied`, { 'X-Forwarded-For': '6.6.6.6, 198.51.100.23' });
    expect(row.ip).toBe('198.51.100.23');
    const v6 = await renameTenant(proxied, jwt, `Loconomy ${process.pid} v6`, { 'X-Forwarded-For': '2001:DB8::23' });
    expect(v6.ip).toBe('2001:db8::23');
  });
});

describe('failed staff sign-ins in the audit log', () => {
  it('a wrong password for a staff account writes one row with the true address and user agent, never the password', async () => {
    const since = await maxSeq();
    const r = await signIn(proxied, OPS.email, 'hunter2-not-it', { 'X-Forwarded-For': '198.51.100.40', 'User-Agent': 'attacker-agent/1' });
    expect(r).toEqual({ status: 400, json: { code: 'invalid_credentials', message: 'Invalid login credentials' } });
    const rows = await auditSince(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'login', table_name: 'users', record_id: OPS.id, tenant_id: TENANT, actor_id: null, actor_role: 'anon',
      ip: '198.51.100.40', user_agent: 'attacker-agent/1',
      metadata: { event: 'sign_in_failed', email: OPS.email, reason: 'invalid_credentials', failures_in_window: 1 },
    });
    expect(rows[0].whole).not.toContain('hunter2');
    // a successful sign-in clears the account's count, so the next tests start from zero
    expect((await signIn(proxied, OPS.email, PASSWORD)).status).toBe(200);
  });

  it('from an untrusted peer the row has the socket’s address, not the one it claims', async () => {
    const since = await maxSeq();
    await signIn(direct, OPS.email, 'wrong', { 'X-Forwarded-For': '6.6.6.6' });
    const rows = await auditSince(since);
    expect(rows.map((x) => [x.metadata.event, x.ip])).toEqual([['sign_in_failed', '127.0.0.1']]);
  });

  it('customers, providers and unknown emails leave no row', async () => {
    const since = await maxSeq();
    expect((await signIn(direct, CUSTOMER.email, 'wrong')).status).toBe(400);
    expect((await signIn(proxied, PROVIDER.email, 'wrong')).status).toBe(400);
    expect((await signIn(direct, 'nobody@loconomy.test', 'wrong')).status).toBe(400);
    expect(await auditSince(since)).toEqual([]);
  });

  it('the row survives the failed sign-in’s rollback and admins with audit.read read it over the API', async () => {
    const since = await maxSeq();
    await signIn(direct, FINANCE.email, 'wrong');
    const jwt = await token(direct, SUPER.email);
    const res = await fetch(`${direct.url}/rest/v1/audit_logs?select=action,record_id,metadata&seq=gt.${since}&metadata->>event=eq.sign_in_failed`, {
      headers: { apikey: anonKey, Authorization: `Bearer ${jwt}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ action: 'login', record_id: FINANCE.id, metadata: expect.objectContaining({ event: 'sign_in_failed', email: FINANCE.email }) }]);
    // the customer persona reads none of it
    const customer = await token(direct, CUSTOMER.email);
    const denied = await fetch(`${direct.url}/rest/v1/audit_logs?select=id&seq=gt.${since}`, { headers: { apikey: anonKey, Authorization: `Bearer ${customer}` } });
    expect(await denied.json()).toEqual([]);
  });

  it('a staff account that gets throttled leaves a sign_in_throttled row, once; refused attempts add none; the chain holds', async () => {
    const since = await maxSeq();
    expect((await signIn(proxied, FINANCE.email, 'guess-1', { 'X-Forwarded-For': '198.51.100.51' })).status).toBe(400);
    expect((await signIn(proxied, FINANCE.email, 'guess-2', { 'X-Forwarded-For': '198.51.100.52' })).status).toBe(400);
    const refused = await signIn(proxied, FINANCE.email, PASSWORD, { 'X-Forwarded-For': '198.51.100.53' });
    expect(refused).toEqual({ status: 429, json: { code: 'over_request_rate_limit', message: 'Request rate limit reached' } });
    const rows = await auditSince(since);
    expect(rows.map((x) => [x.metadata.event, x.ip, x.record_id])).toEqual([
      ['sign_in_failed', '198.51.100.51', FINANCE.id],
      ['sign_in_failed', '198.51.100.52', FINANCE.id],
      ['sign_in_throttled', '198.51.100.52', FINANCE.id],
    ]);
    expect(rows[2].metadata).toMatchObject({ failures_in_window: 2, throttle_after_failures: 2, throttle_window_seconds: 600 });
    expect(await sql('select * from private.verify_audit_chain()')).toEqual([]);
    expect(logs.filter((l) => l.includes('could not audit'))).toEqual([]);
  });
});
