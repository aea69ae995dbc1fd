// Benchmark: Realtime postgres_changes delivery with a row level security check per subscriber.
// N supabase-js subscribers, each with its own JWT (so no two share a check): half are "owners"
// who may see only their own rows, half "staff" who see every row. A writer inserts 50 rows a
// second for a while; every delivery's latency is commit → callback (the row carries its
// clock_timestamp). Printed: p50/p95/p99 latency, deliveries expected vs made, per level of N.
// The API runs in its own process, as `npm run api` runs it.
//   npx tsx supabase/local/api/realtime/bench.ts   (LOCONOMY_BENCH_DB_URL: superuser URL of a cluster)
import type { ChildProcess } from 'node:child_process';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { databaseUrl, LOCAL_JWT_SECRET } from '../../config.ts';
import { withClient } from '../../database.ts';
import { bootstrapFile, runSqlFile } from '../../migrate.ts';
import { secretKey, signJwt } from '../jwt.ts';
import { localKeys } from '../keys.ts';
import { spawnApi } from '../spawn-api.ts';

const cluster =
  process.env.LOCONOMY_BENCH_DB_URL ??
  process.env.LOCONOMY_TEST_DB_URL ??
  'postgresql://postgres:postgres@127.0.0.1:54322/postgres';
const database = `realtime_bench_${process.pid}`;
const LEVELS = (process.env.BENCH_REALTIME_SUBSCRIBERS ?? '200,300,400').split(',').map(Number);
const RATE = Number(process.env.BENCH_REALTIME_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_REALTIME_SECONDS ?? 10);
const at = (user?: string) => databaseUrl(cluster, database, user, user && 'postgres');

const SCHEMA = `
create table public.bench_notes (
  id bigint generated always as identity primary key,
  owner uuid not null,
  body text not null,
  sent_at timestamptz not null default clock_timestamp()
);
alter table public.bench_notes enable row level security;
create policy "owners and staff read notes" on public.bench_notes for select to authenticated
  using (owner = (select auth.uid()) or (select auth.jwt() ->> 'user_role') = 'staff');
grant select on public.bench_notes to authenticated;
alter publication supabase_realtime add table public.bench_notes;`;

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function level(url: string, n: number) {
  const { anonKey } = localKeys();
  const key = secretKey(LOCAL_JWT_SECRET);
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const owners = Array.from({ length: Math.ceil(n / 2) }, () => crypto.randomUUID());
  const latencies: number[] = [];
  let received = 0;
  const clients: SupabaseClient[] = [];
  const subscribed: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const staff = i % 2 === 1;
    const sub = staff ? crypto.randomUUID() : owners[i / 2];
    const token = await signJwt({ sub, role: 'authenticated', user_role: staff ? 'staff' : 'customer', exp }, key);
    const c = createClient(url, anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: {
        transport: WebSocket as unknown as typeof globalThis.WebSocket,
        params: { apikey: anonKey },
        timeout: 30_000,
      },
    });
    await c.realtime.setAuth(token);
    clients.push(c);
    subscribed.push(
      new Promise((resolve, reject) => {
        c.channel(`bench-${i}`)
          .on(
            'postgres_changes' as never,
            { event: 'INSERT', schema: 'public', table: 'bench_notes' } as never,
            (p: { new: { sent_at: string } }) => {
              received++;
              latencies.push(Date.now() - Date.parse(p.new.sent_at));
            },
          )
          .subscribe((s) =>
            s === 'SUBSCRIBED' ? resolve() : s !== 'CLOSED' && reject(new Error(`subscriber ${i}: ${s}`)),
          );
      }),
    );
  }
  await Promise.all(subscribed);

  const writer = new pg.Client({ connectionString: at() });
  await writer.connect();
  const total = RATE * SECONDS;
  const start = Date.now();
  let expected = 0;
  for (let k = 0; k < total; k++) {
    const due = start + (k * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await writer.query(`insert into public.bench_notes (owner, body) values ($1, 'bench')`, [
      owners[k % owners.length],
    ]);
    expected += 1 + Math.floor(n / 2); // its owner and every staff subscriber
  }
  const writeSeconds = (Date.now() - start) / 1000;
  // let the tail arrive
  const deadline = Date.now() + 10_000;
  while (received < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await writer.end();
  await Promise.all(clients.map((c) => c.removeAllChannels()));
  // the next level starts from a quiet server
  await Promise.all(clients.map((c) => c.realtime.disconnect()));
  await new Promise((r) => setTimeout(r, 1000));
  console.log(
    `  ${String(n).padStart(4)} subscribers, ${total} inserts in ${writeSeconds.toFixed(1)} s (${(total / writeSeconds).toFixed(0)}/s): ` +
      `${received}/${expected} deliveries; latency p50 ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, p99 ${pct(latencies, 99)} ms, max ${pct(latencies, 100)} ms`,
  );
  return { p95: pct(latencies, 95), complete: received === expected };
}

async function main() {
  console.log(`== realtime postgres_changes: RLS checked per subscriber, ${RATE} inserts/s for ${SECONDS} s ==`);
  await withClient(cluster, async (c) => {
    const { rows } = await c.query<{ wal_level: string }>('show wal_level');
    if (rows[0].wal_level !== 'logical')
      throw new Error(
        `the bench cluster runs with wal_level=${rows[0].wal_level}; restart it (npm run db:stop && npm run db:start)`,
      );
    await c.query(`drop database if exists ${database} with (force)`);
    await c.query(`create database ${database}`);
  });
  let api: { url: string; child: ChildProcess } | undefined;
  try {
    await withClient(at(), async (c) => {
      await runSqlFile(c, bootstrapFile);
      await c.query(SCHEMA);
    });
    api = await spawnApi(['--db-url', at('authenticator'), '--admin-db-url', at()]);
    for (const n of LEVELS) await level(api.url, n);
    console.log('  (target: at least 200 subscribers at 50 changes/s with every delivery made and p95 under 1 s)');
  } finally {
    api?.child.kill();
    await withClient(cluster, (c) => c.query(`drop database if exists ${database} with (force)`));
  }
}

await main();
