// Benchmark: a few list queries through the local API vs the same SQL straight through pg
// (median, p95, ratio), and requests per second at 16 concurrent clients. Loopback only,
// on a throwaway database with ~100k rows; bounded to well under a minute.
//   npx tsx supabase/local/api/bench.ts   (LOCONOMY_BENCH_DB_URL: superuser URL of a cluster)
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { databaseUrl } from '../config.ts';
import { withClient } from '../database.ts';
import { bootstrapFile, runSqlFile } from '../migrate.ts';
import { localKeys } from './keys.ts';
import { spawnApi } from './spawn-api.ts';



const cluster = process.env.LOCONOMY_BENCH_DB_URL ?? process.env.LOCONOMY_TEST_DB_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54322/postgres';
const database = `api_bench_${process.pid}`;
const ITER_MS = Number(process.env.BENCH_ITER_MS ?? 2500);
const CONCURRENCY = 16;

const at = (db: string, user?: string) => databaseUrl(cluster, db, user, user && 'postgres');

const SCHEMA = `
create table public.bench_categories (id int primary key, name text not null);
create table public.bench_items (
  id bigint primary key,
  category_id int not null references public.bench_categories (id),
  name text not null,
  price_cents int not null,
  attrs jsonb not null,
  created_at timestamptz not null
);
insert into public.bench_categories select g, 'category ' || g from generate_series(1, 100) g;
insert into public.bench_items
  select g, 1 + g % 100, 'item ' || g || ' ' || md5(g::text), (g * 7919) % 100000,
         jsonb_build_object('rank', g % 10), timestamptz '2026-01-01' + g * interval '1 minute'
  from generate_series(1, 100000) g;
create index on public.bench_items (category_id, price_cents);
analyze public.bench_items;
analyze public.bench_categories;
grant select on public.bench_items, public.bench_categories to anon;`;

interface Case {
  name: string;
  path: string;
  headers?: Record<string, string>;
  sql: string[];
}

const CASES: Case[] = [
  { name: 'by primary key', path: '/bench_items?select=id,name&id=eq.50000', sql: ['select id, name from public.bench_items where id = 50000'] },
  {
    name: 'page of 50, filtered + ordered',
    path: '/bench_items?select=*&category_id=eq.7&order=price_cents.desc&limit=50',
    sql: ['select * from public.bench_items where category_id = 7 order by price_cents desc limit 50'],
  },
  {
    name: 'page of 50 + exact count',
    path: '/bench_items?select=id,name,price_cents&category_id=lt.50&order=id&limit=50',
    headers: { Prefer: 'count=exact' },
    sql: [
      'select id, name, price_cents from public.bench_items where category_id < 50 order by id limit 50',
      'select count(*) from public.bench_items where category_id < 50',
    ],
  },
  {
    name: 'ilike scan of 100k rows',
    path: '/bench_items?select=id,name&name=ilike.*abc*&limit=100',
    sql: [`select id, name from public.bench_items where name ilike '%abc%' limit 100`],
  },
  {
    name: '100 rows with embedded category',
    path: '/bench_items?select=id,name,bench_categories(name)&order=id&limit=100',
    sql: ['select i.id, i.name, json_build_object(\'name\', c.name) as bench_categories from public.bench_items i join public.bench_categories c on c.id = i.category_id order by i.id limit 100'],
  },
];

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

async function timeFor(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await fn();
  const out: number[] = [];
  const end = performance.now() + ITER_MS;
  while (performance.now() < end && out.length < 2000) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  await withClient(at('postgres'), async (c) => {
    await c.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`);
    await c.query(`create database ${pg.escapeIdentifier(database)}`);
  });
  const direct = new pg.Client({ connectionString: at(database, 'authenticator') });
  let api: { url: string; child: ChildProcess } | undefined;
  try {
    await withClient(at(database), async (c) => {
      await runSqlFile(c, bootstrapFile);
      await c.query(SCHEMA);
    });
    api = await spawnApi(['--db-url', at(database, 'authenticator'), '--pool-size', String(CONCURRENCY)]);
    await direct.connect();
    await direct.query('set role anon');
    const { anonKey } = localKeys();
    const url = api.url;
    const get = async (c: Case) => {
      const res = await fetch(`${url}/rest/v1${c.path}`, { headers: { apikey: anonKey, ...c.headers } });
      if (res.status >= 300) throw new Error(`${c.path} → ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };

    console.log(`local API benchmark — 100k rows, loopback, ${ITER_MS} ms per measurement\n`);
    console.log('query                                  |   pg med |   pg p95 |  api med |  api p95 | ratio | overhead');
    console.log('---------------------------------------|----------|----------|----------|----------|-------|---------');
    const fmt = (n: number) => `${n.toFixed(2).padStart(6)} ms`;
    for (const c of CASES) {
      const pgT = stats(await timeFor(async () => {
        for (const s of c.sql) await direct.query(s);
      }));
      const apiT = stats(await timeFor(() => get(c)));
      const ratio = apiT.median / pgT.median;
      const over = apiT.median - pgT.median;
      // the targets: under 30% on queries of 5 ms or more, under 2 ms on trivial ones
      const target = pgT.median >= 5 ? ratio < 1.3 : over < 2;
      console.log(
        `${c.name.padEnd(39)}| ${fmt(pgT.median)} | ${fmt(pgT.p95)} | ${fmt(apiT.median)} | ${fmt(apiT.p95)} | ${ratio.toFixed(2).padStart(5)} | ${over.toFixed(2)} ms ${target ? 'ok' : 'OVER TARGET'}`,
      );
    }

    const trivial = CASES[0];
    let done = 0;
    const until = performance.now() + ITER_MS * 2;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) {
          await get(trivial);
          done++;
        }
      }),
    );
    console.log(`\n${CONCURRENCY} concurrent clients, "${trivial.name}": ${Math.round(done / ((ITER_MS * 2) / 1000))} req/s`);
  } finally {
    await direct.end().catch(() => {});
    if (api) {
      const exited = new Promise((r) => api!.child.once('exit', r));
      api.child.kill('SIGTERM');
      await exited;
    }
    await withClient(at('postgres'), (c) => c.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`));
  }
}

await main();
