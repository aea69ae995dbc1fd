// The admin's list pages at scale: a throwaway database on the dev cluster seeded at
// loconomy.seed_factor (default 25: ~150k bookings, ~240k transactions, 1M events), the local API
// in a child process, and for the super admin and the operations persona every registry list
// they may open, timed through supabase-js and the app's own data provider the way the list page
// asks: default sort, first page, the entry's count mode; then each primary filter with a value
// from that page, and the search box with a word from it. Prints figures; asserts nothing.
//   npx tsx scripts/bench-lists.ts   (BENCH_LIST_FACTOR, BENCH_LIST_SAMPLES, BENCH_LIST_CASE_MS;
//   LOCONOMY_BENCH_DB_URL: a superuser URL of another cluster; BENCH_LIST_DATABASE: time an
//   existing database of that cluster instead, neither built nor dropped — for iterating on a fix;
//   BENCH_LIST_ONLY=bookings,events: only those tables; `moderation` for the moderation queue's
//   figures, `finance` for the money dashboard, `flags` for feature flag evaluation and `audit` for the audit chain, which run after the lists unless
//   BENCH_LIST_ONLY leaves them out)
import type { ChildProcess } from 'node:child_process';
import { register } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { CrudFilter, DataProvider } from '@refinedev/core';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import dayjs from 'dayjs';
import pg from 'pg';
import { canDo, type StaffPermissions } from '../src/resources/permissions.ts';
import { SEARCH_FILTER_FIELD } from '../src/resources/list-params.ts';
import { dateBound, filterWidget } from '../src/components/resource-list/filters.ts';
import { loadIdentity } from '../src/providers/identity.ts';
import { registry } from '../src/resources/index.ts';
import type { FieldDef, ResourceDef } from '../src/resources/types.ts';
import * as cluster from '../supabase/local/cluster.ts';
import { databaseUrl, dbUrl, instance } from '../supabase/local/config.ts';
import { withClient } from '../supabase/local/database.ts';
import { applyMigrations, bootstrapFile, runSqlFile, seedFile } from '../supabase/local/migrate.ts';
import { spawnApi } from '../supabase/local/api/spawn-api.ts';
import { localKeys } from '../supabase/local/api/keys.ts';
import { benchAudit, printAudit } from './bench-audit.ts';
import { benchFinance, printFinance } from './bench-finance.ts';
import { benchFlagPreview, benchFlags, printFlagPreview, printFlags } from './bench-flags.ts';
import { quantiles } from './bench-stats.ts';
import { benchModeration, printModeration } from './bench-moderation.ts';

const FACTOR = Number(process.env.BENCH_LIST_FACTOR ?? 25);
/** Timed calls per case (after one warm-up), unless the case's time budget runs out first. */
const SAMPLES = Number(process.env.BENCH_LIST_SAMPLES ?? 11);
const CASE_MS = Number(process.env.BENCH_LIST_CASE_MS ?? 600);
const MIN_SAMPLES = 3;
const ONLY = process.env.BENCH_LIST_ONLY?.split(',').map((t) => t.trim());
/** The line: a list page answering slower than this is marked. */
const SLOW_MS = 150;
const PAGE_SIZE = 10;
const PASSWORD = 'Loconomy-demo-2026';
const PERSONAS = [
  { name: 'super', email: 'super.admin@loconomy.test' },
  { name: 'ops', email: 'ops@loconomy.test' },
] as const;

const explicitCluster = process.env.LOCONOMY_BENCH_DB_URL;
const clusterUrl = explicitCluster ?? dbUrl(instance('dev'));
const reused = process.env.BENCH_LIST_DATABASE;
const database = reused ?? `list_bench_${process.pid}`;
const at = (db: string, user?: string) => databaseUrl(clusterUrl, db, user, user && 'postgres');

// The app's supabase client module reads Vite's import.meta.env, which Node does not have; the
// provider is handed signed-in clients here, so that module is replaced by an empty one.
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === './supabase-client' && /\\/src\\/providers\\/data-provider\\.ts(\\?.*)?$/.test(context.parentURL ?? ''))
    return { url: 'data:text/javascript,export const supabaseClient = null;', shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
const { createDataProvider } = await import('../src/providers/data-provider.ts');

type Row = Record<string, unknown>;
type Dp = Required<DataProvider>;

async function buildDatabase() {
  const started = performance.now();
  await withClient(at('postgres'), async (c) => {
    await c.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`);
    await c.query(`create database ${pg.escapeIdentifier(database)}`);
  });
  await withClient(at(database), async (c) => {
    await runSqlFile(c, bootstrapFile);
    await applyMigrations(c, { log: () => {} });
    await c.query(`select set_config('loconomy.seed_factor', $1, false)`, [String(FACTOR)]);
    await runSqlFile(c, seedFile);
    // what autovacuum would have done on a database that grew to this size
    await c.query('analyze');
    const { rows } = await c.query<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by c.reltuples desc limit 8`,
    );
    const counts: string[] = [];
    for (const { relname } of rows) {
      const res = await c.query<{ n: string }>(`select count(*) as n from public.${pg.escapeIdentifier(relname)}`);
      counts.push(`${relname} ${Number(res.rows[0].n).toLocaleString('en-US')}`);
    }
    console.log(
      `database ${database}, seed factor ${FACTOR}, built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    console.log(`biggest tables: ${counts.join(', ')}`);
  });
}


// Node 20 has no global WebSocket and the local API has no realtime: never constructed.
class NoWebSocket {
  constructor() {
    throw new Error('realtime is not part of the local API');
  }
}

async function signIn(url: string, email: string): Promise<{ client: SupabaseClient; perms: StaffPermissions }> {
  const client = createClient(url, localKeys().anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: NoWebSocket as unknown as typeof WebSocket },
  });
  const { error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
  if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
  // what the auth provider loads once per session
  const identity = await loadIdentity(client);
  const { data, error: rpcError } = await client.rpc('my_permissions');
  if (rpcError) throw new Error(`my_permissions() as ${email}: ${rpcError.message}`);
  return { client, perms: { keys: new Set(data as string[]), superAdmin: identity?.isSuperAdmin ?? false } };
}

interface Case {
  label: string;
  filters: CrudFilter[];
}

const firstWord = (value: unknown) => /[\p{L}\p{N}]{3,}/u.exec(String(value ?? ''))?.[0];

/** What the field's filter widget sends for `value` (filter-controls.tsx), as one list request's filters. */
function filterFor(field: FieldDef, value: unknown): CrudFilter[] | undefined {
  const name = field.name as string;
  switch (filterWidget(field)) {
    case 'enum':
      return [{ field: name, operator: 'in', value: [String(value)] }];
    case 'boolean':
      return [{ field: name, operator: 'eq', value }];
    case 'date-range': {
      // the month up to the row's day, whole days as the range picker sends them
      const day = dayjs(String(value));
      return [
        { field: name, operator: 'gte', value: dateBound(day.subtract(30, 'day'), 'start', field.kind) },
        { field: name, operator: 'lte', value: dateBound(day, 'end', field.kind) },
      ];
    }
    case 'number-range':
      return [
        { field: name, operator: 'gte', value: Number(value) },
        { field: name, operator: 'lte', value: Number(value) },
      ];
    case 'relation':
    case 'exact':
      return [{ field: name, operator: 'eq', value: String(value) }];
    case 'tags':
      return [{ field: name, operator: 'ina', value: Array.isArray(value) ? value.slice(0, 1) : [String(value)] }];
    case 'text': {
      const word = firstWord(value);
      return word ? [{ field: name, operator: 'contains', value: word }] : undefined;
    }
    default:
      return undefined;
  }
}

/** The list's other requests: each primary filter and the search, with values the first page shows. */
function casesFor(def: ResourceDef, page: Row[]): { cases: Case[]; skipped: string[] } {
  const cases: Case[] = [];
  const skipped: string[] = [];
  for (const filter of (def.filters ?? []).filter((f) => f.primary)) {
    const field = def.fields.find((f) => f.name === filter.field);
    const value = page.map((row) => row[filter.field]).find((v) => v !== null && v !== undefined && v !== '');
    const filters = field && value !== undefined ? filterFor(field, value) : undefined;
    if (filters) cases.push({ label: `filter ${filter.field}`, filters });
    else skipped.push(`${def.name}: filter ${filter.field} (no value on the first page)`);
  }
  if (def.search) {
    const source = def.search.mode === 'fts' ? [def.titleField] : (def.search.fields ?? [def.titleField]);
    const word = page.flatMap((row) => source.map((f) => firstWord(row[f]))).find(Boolean);
    if (word)
      cases.push({
        label: `search "${word}"`,
        filters: [{ field: SEARCH_FILTER_FIELD, operator: 'contains', value: word }],
      });
    else skipped.push(`${def.name}: search (no word on the first page)`);
  }
  return { cases, skipped };
}

interface Result {
  table: string;
  persona: string;
  label: string;
  median: number;
  p95: number;
  n: number;
  count: string;
  total: number | string;
}

async function time(run: () => Promise<unknown>): Promise<{ median: number; p95: number; n: number }> {
  await run();
  const samples: number[] = [];
  const until = performance.now() + CASE_MS;
  while (samples.length < SAMPLES && (samples.length < MIN_SAMPLES || performance.now() < until)) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return quantiles(samples);
}

async function benchPersona(persona: string, dp: Dp, perms: StaffPermissions, results: Result[], skipped: string[]) {
  for (const def of registry.filter((d) => canDo(d, 'list', perms) && (!ONLY || ONLY.includes(d.name)))) {
    const count = def.countMode ?? 'exact';
    const list = (filters: CrudFilter[]) =>
      dp.getList({
        resource: def.name,
        filters,
        sorters: [def.defaultSort],
        pagination: { currentPage: 1, pageSize: PAGE_SIZE, mode: 'server' },
      });
    const record = async (label: string, filters: CrudFilter[]) => {
      try {
        const { total } = await list(filters);
        const t = await time(() => list(filters));
        results.push({ table: def.name, persona, label, ...t, count, total });
      } catch (error) {
        const message = (error as { message?: string }).message ?? String(error);
        results.push({
          table: def.name,
          persona,
          label,
          median: NaN,
          p95: NaN,
          n: 0,
          count,
          total: `ERROR ${message}`,
        });
      }
    };
    const page = (await list([]).catch(() => ({ data: [] }))).data as Row[];
    await record('open', []);
    const { cases, skipped: none } = casesFor(def, page);
    skipped.push(...none.map((s) => `${persona} ${s}`));
    for (const c of cases) await record(c.label, c.filters);
  }
}

function print(results: Result[]) {
  const ms = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));
  const head = ['table', 'persona', 'list request', 'median ms', 'p95 ms', 'n', 'count', 'total', 'flag'];
  const rows = results.map((r) => [
    r.table,
    r.persona,
    r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label,
    ms(r.median),
    ms(r.p95),
    String(r.n),
    r.count,
    typeof r.total === 'number' ? r.total.toLocaleString('en-US') : r.total,
    r.median > SLOW_MS ? `SLOW (> ${SLOW_MS} ms)` : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 7 ? 0 : r[i].length))));
  const right = new Set([3, 4, 5, 7]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 7 ? c.padStart(Math.max(widths[i], 10)) : right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]),
      )
      .join(' | ')
      .trimEnd();
  console.log(line(head));
  console.log(line(head.map((_, i) => '-'.repeat(i === 7 ? Math.max(widths[i], 10) : widths[i]))));
  for (const r of rows) console.log(line(r));
}

async function main() {
  if (!explicitCluster) await cluster.start(instance('dev'));
  let api: { url: string; child: ChildProcess } | undefined;
  const dropDatabase = async () => {
    if (reused) return;
    await withClient(at('postgres'), (c) =>
      c.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`),
    );
  };
  // Ctrl-C still drops the database (the finally below does not run on a signal)
  const onSignal = () => {
    api?.child.kill('SIGTERM');
    void dropDatabase().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (reused) console.log(`database ${database} as it is (BENCH_LIST_DATABASE)`);
    else await buildDatabase();
    api = await spawnApi(['--db-url', at(database, 'authenticator'), '--admin-db-url', at(database)]);
    const results: Result[] = [];
    const skipped: string[] = [];
    const started = performance.now();
    for (const persona of PERSONAS) {
      const { client, perms } = await signIn(api.url, persona.email);
      const dp = createDataProvider(client) as Dp;
      await benchPersona(persona.name, dp, perms, results, skipped);
    }
    console.log(
      `\nlist requests as the page sends them: default sort, page 1 of ${PAGE_SIZE}, the entry's count mode; ` +
        `up to ${SAMPLES} timed calls per request after a warm-up (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
    );
    print(results);
    const slow = results.filter((r) => r.median > SLOW_MS);
    const failed = results.filter((r) => r.n === 0);
    console.log(`\n${results.length} list requests, ${slow.length} over ${SLOW_MS} ms median, ${failed.length} failed`);
    for (const s of skipped) console.log(`not timed: ${s}`);
    if (failed.length) process.exitCode = 1;

    // after the lists: the moderation figures decide items, which the lists above should not see
    if (!ONLY || ONLY.includes('moderation')) {
      console.log('\n== moderation queue (scripts/bench-moderation.ts), as the operations persona ==');
      const { client } = await signIn(api.url, 'ops@loconomy.test');
      printModeration(await benchModeration(client));
    }
    if (!ONLY || ONLY.includes('finance')) {
      console.log(
        '\n== the money dashboard (scripts/bench-finance.ts), as the finance persona; target p95 < 200 ms ==',
      );
      const { client } = await signIn(api.url, 'finance@loconomy.test');
      printFinance(await benchFinance(client));
    }
    if (!ONLY || ONLY.includes('flags')) {
      console.log('\n== feature flag evaluation in SQL (scripts/bench-flags.ts) ==');
      printFlags(await benchFlags(at(database)));
      console.log('\n== the flag workspace: change previews and history (scripts/bench-flags.ts) ==');
      const { client } = await signIn(api.url, 'product@loconomy.test');
      printFlagPreview(await benchFlagPreview(client));
    }
    if (!ONLY || ONLY.includes('audit')) {
      console.log('\n== the audit explorer: chained appends and chain verification (scripts/bench-audit.ts) ==');
      const { client } = await signIn(api.url, 'ops@loconomy.test');
      printAudit(await benchAudit(at(database), client));
    }
  } finally {
    if (api && api.child.exitCode === null) {
      const exited = new Promise((r) => api!.child.once('exit', r));
      api.child.kill('SIGTERM');
      await exited;
    }
    await dropDatabase();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

await main();
