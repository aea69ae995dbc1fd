// The local stack under test, as the integration tests see it: the API URL and keys, signed-in
// supabase-js clients per demo persona, a refine data provider over such a client, and a
// superuser `pg` pool on the same database for ground truth and fixtures.
//
// `npm test` (scripts/test.ts) starts the stack and sets the four LOCONOMY_TEST_* variables.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { DataProvider } from '@refinedev/core';
import { dataProvider } from '@refinedev/supabase';
import pg from 'pg';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { TOTP_SECRETS, verifyTotp } from './two-factor';

export interface StackEnv {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  dbUrl: string;
}

const REQUIRED = [
  'LOCONOMY_TEST_API_URL',
  'LOCONOMY_TEST_ANON_KEY',
  'LOCONOMY_TEST_SERVICE_ROLE_KEY',
  'LOCONOMY_TEST_DB_URL',
] as const;

let cachedEnv: StackEnv | undefined;
export function stackEnv(): StackEnv {
  if (cachedEnv) return cachedEnv;
  const missing = REQUIRED.filter((k) => !process.env[k]);
  if (missing.length) {
    throw new Error(
      `integration tests need the local stack: ${missing.join(', ')} not set. ` +
        'Run them through `npm test` (which starts the test cluster and the API), or start a database and ' +
        '`npx tsx supabase/local/api/main.ts` yourself and export the LOCONOMY_TEST_* variables.',
    );
  }
  cachedEnv = {
    url: process.env.LOCONOMY_TEST_API_URL!,
    anonKey: process.env.LOCONOMY_TEST_ANON_KEY!,
    serviceRoleKey: process.env.LOCONOMY_TEST_SERVICE_ROLE_KEY!,
    dbUrl: process.env.LOCONOMY_TEST_DB_URL!,
  };
  return cachedEnv;
}

// The demo logins from supabase/seed.sql (fixed UUIDs: public.users ...0N, auth.users ...1000000000N).
export const DEMO_PASSWORD = 'Loconomy-demo-2026';
export const TENANT = {
  loconomy: '10000000-0000-4000-8000-000000000001',
  harbor: '10000000-0000-4000-8000-000000000002',
} as const;

export interface Persona {
  email: string;
  /** public.users.id */
  userId: string;
  /** auth.users.id, the JWT sub */
  authId: string;
  role: 'super_admin' | 'admin' | 'customer' | 'provider';
  tenantId: string;
}

const persona = (n: number, email: string, role: Persona['role'], tenantId: string): Persona => ({
  email,
  userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  authId: `00000000-0000-4000-8000-1${String(n).padStart(11, '0')}`,
  role,
  tenantId,
});

export const PERSONAS = {
  super: persona(1, 'super.admin@loconomy.test', 'super_admin', TENANT.loconomy),
  ops: persona(2, 'ops@loconomy.test', 'admin', TENANT.loconomy),
  finance: persona(3, 'finance@loconomy.test', 'admin', TENANT.loconomy),
  product: persona(4, 'product@loconomy.test', 'admin', TENANT.loconomy),
  harbor: persona(5, 'admin@harbor.test', 'admin', TENANT.harbor),
  customer: persona(6, 'customer@loconomy.test', 'customer', TENANT.loconomy),
  provider: persona(7, 'provider@loconomy.test', 'provider', TENANT.loconomy),
} as const satisfies Record<string, Persona>;
export type PersonaName = keyof typeof PERSONAS;
export const PERSONA_NAMES = Object.keys(PERSONAS) as PersonaName[];


/** A fresh supabase-js client with no session, holding `key` (the anon key by default). */
export function newClient(key = stackEnv().anonKey, headers: Record<string, string> = {}): SupabaseClient {
  return createClient(stackEnv().url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers },
    // Node 20 has no global WebSocket: Realtime goes over `ws`, opened only when something subscribes
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
}

export const anonClient = () => newClient();
export const serviceClient = () => newClient(stackEnv().serviceRoleKey);

/**
 * A new client signed in as the persona (a new session each call). Personas with a TOTP factor
 * (harbor, whose tenant requires two-factor sign-in) also pass the code step, as the app makes
 * them; `{ secondFactor: false }` stops after the password, at aal1.
 */
export async function signInAs(
  name: PersonaName,
  password = DEMO_PASSWORD,
  { secondFactor = true }: { secondFactor?: boolean } = {},
): Promise<SupabaseClient> {
  const client = newClient();
  const { error } = await client.auth.signInWithPassword({ email: PERSONAS[name].email, password });
  if (error) throw new Error(`sign-in as ${name} (${PERSONAS[name].email}) failed: ${error.message}`);
  const secret = TOTP_SECRETS[PERSONAS[name].email];
  if (secret && secondFactor) await verifyTotp(client, secret);
  return client;
}

const sessions = new Map<PersonaName, Promise<SupabaseClient>>();
/** One signed-in client per persona, shared within a test file. */
export function clientFor(name: PersonaName | 'anon'): Promise<SupabaseClient> {
  if (name === 'anon') return Promise.resolve(anonClient());
  let c = sessions.get(name);
  if (!c) {
    c = signInAs(name);
    sessions.set(name, c);
  }
  return c;
}

/** One cached client per named persona ('anon': the anon key), for a file's beforeAll. */
export async function clientsFor<N extends PersonaName | 'anon'>(
  names: readonly N[],
): Promise<Record<N, SupabaseClient>> {
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await clientFor(n)] as const))) as Record<
    N,
    SupabaseClient
  >;
}

/**
 * Undo steps a test registers as it creates rows; after each test they run, last first. Call
 * once at the top of a test file; push onto the returned list.
 */
export function undoAfterEach(): (() => Promise<unknown>)[] {
  const undo: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (undo.length) await undo.pop()!();
  });
  return undo;
}

/** refine's Supabase data provider over a client (signed in or not). */
export function refineDataProvider(client: SupabaseClient): Required<DataProvider> {
  return dataProvider(client) as Required<DataProvider>;
}

// Ground truth: the same database as the postgres superuser, bypassing the API and RLS.
let pool: pg.Pool | undefined;
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  values?: unknown[],
): Promise<T[]> {
  pool ??= new pg.Pool({ connectionString: stackEnv().dbUrl, max: 2 });
  const { rows } = await pool.query<T>(text, values);
  return rows;
}

/**
 * Ground truth as `sql`, but with the JWT claims a signed-in session of the persona carries
 * (aal2 where its sign-in includes the TOTP step): the staff predicates read the session's
 * level, so e.g. private.effective_permissions answers for that session.
 */
export async function sqlAsSignedIn<T extends pg.QueryResultRow = Record<string, unknown>>(
  name: PersonaName,
  text: string,
  values?: unknown[],
): Promise<T[]> {
  pool ??= new pg.Pool({ connectionString: stackEnv().dbUrl, max: 2 });
  const p = PERSONAS[name];
  const client = await pool.connect();
  try {
    await client.query('begin');
    // signInAs passes the code step exactly when the user has a verified factor
    await client.query(
      `select set_config('request.jwt.claims', json_build_object('sub', $1::uuid, 'role', 'authenticated', 'email', $2::text,
         'aal', case when exists (select 1 from auth.mfa_factors f where f.user_id = $1::uuid and f.status = 'verified')
                     then 'aal2' else 'aal1' end)::text, true)`,
      [p.authId, p.email],
    );
    const { rows } = await client.query<T>(text, values);
    await client.query('commit');
    return rows;
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
}

/** Ends the pool and forgets the cached sessions; call from afterAll. */
export async function closeStack(): Promise<void> {
  sessions.clear();
  const p = pool;
  pool = undefined;
  await p?.end();
}
