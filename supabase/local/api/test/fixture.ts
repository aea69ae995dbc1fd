// Test fixture: a fresh database (bootstrap.sql + fixture.sql) on the test cluster and an API
// server on a random port. LOCONOMY_TEST_DB_URL points at the cluster (superuser URL).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { databaseUrl } from '../../config.ts';
import { withClient } from '../../database.ts';
import { bootstrapFile, runSqlFile } from '../../migrate.ts';
import { UNTHROTTLED_RATE_LIMITS } from '../auth/rate-limit.ts';
import { localKeys } from '../keys.ts';
import { startApi, type ApiOptions, type ApiServer } from '../server.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const adminClusterUrl = process.env.LOCONOMY_TEST_DB_URL ?? 'postgresql://postgres:postgres@127.0.0.1:24332/postgres';

/** the REST and auth suites never open a socket; realtime.test.ts uses `ws` */
class NoWebSocket {
  constructor() {
    throw new Error('these clients do not use realtime (realtime.test.ts does, with ws)');
  }
}

export interface Fixture {
  api: ApiServer;
  url: string;
  database: string;
  anonKey: string;
  serviceKey: string;
  /** superuser URL of the fixture database */
  adminUrl: string;
  logs: string[];
  client(key?: string): SupabaseClient;
  signIn(email: string, password: string): Promise<SupabaseClient>;
  sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export async function createFixtureDatabase(name: string, extraSql: string[] = []): Promise<string> {
  const database = `api_fixture_${name}_${process.pid}`;
  await withClient(adminClusterUrl, async (c) => {
    await c.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`);
    await c.query(`create database ${pg.escapeIdentifier(database)}`);
  });
  await withClient(databaseUrl(adminClusterUrl, database), async (c) => {
    await runSqlFile(c, bootstrapFile);
    await runSqlFile(c, path.join(here, 'fixture.sql'));
    for (const f of extraSql) await runSqlFile(c, f);
  });
  return database;
}

export async function dropFixtureDatabase(database: string) {
  await withClient(adminClusterUrl, (c) => c.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`));
}

/** a SQL file beside this one, for suites that need more than fixture.sql */
export const fixtureFile = (name: string) => path.join(here, name);

/**
 * `realtimeAs`: the role Realtime's replication slot is made as — the superuser, as on a
 * hosted project, or the API's own authenticator, which may not (to test that refusal).
 */
export async function startFixture(
  name: string,
  opts: Partial<ApiOptions> = {},
  realtimeAs: 'superuser' | 'authenticator' = 'superuser',
  extraSql: string[] = [],
): Promise<Fixture> {
  const database = await createFixtureDatabase(name, extraSql);
  const adminUrl = databaseUrl(adminClusterUrl, database);
  const authenticatorUrl = databaseUrl(adminClusterUrl, database, 'authenticator', 'postgres');
  const logs: string[] = [];
  const api = await startApi({
    dbUrl: authenticatorUrl,
    realtimeDbUrl: realtimeAs === 'superuser' ? adminUrl : authenticatorUrl,
    port: 0,
    log: (m) => logs.push(m),
    // the suites sign in far more often than GoTrue allows one IP; rate-limit tests pass their own
    rateLimits: UNTHROTTLED_RATE_LIMITS,
    ...opts,
  });
  const { anonKey, serviceRoleKey } = localKeys();
  const client = (key = anonKey) =>
    createClient(api.url, key, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      // Node 20 has no WebSocket; these clients never subscribe, so a stand-in that never connects
      realtime: { transport: NoWebSocket as unknown as typeof WebSocket },
    });
  return {
    api,
    url: api.url,
    database,
    anonKey,
    serviceKey: serviceRoleKey,
    adminUrl,
    logs,
    client,
    async signIn(email, password) {
      const c = client();
      const { error } = await c.auth.signInWithPassword({ email, password });
      if (error) throw error;
      return c;
    },
    sql: (text, values) => withClient(adminUrl, async (c) => (await c.query(text, values)).rows),
    async stop() {
      await api.close();
      await dropFixtureDatabase(database);
    },
  };
}
