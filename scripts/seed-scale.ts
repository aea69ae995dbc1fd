// `npm run db:seed:scale -- --factor N [--db-url URL]`: the demo marketplace of
// supabase/seed.sql (the part between `-- <demo-data>` and `-- </demo-data>`) loaded again at N
// times the volume, under a fresh namespace so it adds to what is there (ids, emails, slugs and
// codes carry the run tag). For benchmarks: prints the rows each table gained and rows/second.
// Default target: the dev cluster's database (127.0.0.1:54322/postgres). Local only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { dbUrl, instance, repoRoot } from '../supabase/local/config.ts';

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error('usage: npm run db:seed:scale -- --factor N [--db-url postgresql://…]');
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let factor = 1;
  let url = dbUrl(instance('dev'));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--factor') factor = Number(value());
    else if (flag === '--db-url') url = value();
    else if (flag === '--help' || flag === '-h') usage();
    else usage(`unknown argument: ${arg}`);
  }
  if (!Number.isFinite(factor) || factor <= 0 || factor > 1000) usage('--factor must be a number in (0, 1000]');
  return { factor, url };
}

function section(sql: string, name: string): string {
  const m = new RegExp(`^-- <${name}>.*$([\\s\\S]*?)^-- </${name}>`, 'm').exec(sql);
  if (!m) throw new Error(`supabase/seed.sql has no "-- <${name}>" … "-- </${name}>" section`);
  return m[1];
}

async function tableCounts(c: pg.Client): Promise<Map<string, number>> {
  const { rows } = await c.query<{ relname: string }>(
    `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  const counts = new Map<string, number>();
  for (const { relname } of rows) {
    const res = await c.query<{ n: string }>(`select count(*) as n from public.${pg.escapeIdentifier(relname)}`);
    counts.set(relname, Number(res.rows[0].n));
  }
  return counts;
}

const fmt = (n: number) => n.toLocaleString('en-US');

async function main() {
  const { factor, url } = parseArgs(process.argv.slice(2));
  const seed = readFileSync(path.join(repoRoot, 'supabase/seed.sql'), 'utf8');
  const helpers = section(seed, 'helpers');
  const demo = section(seed, 'demo-data');
  // lower-case letters and digits: the tag ends up in emails, storage paths and invoice numbers
  const run = `s${Date.now().toString(36)}`;

  const client = new pg.Client({ connectionString: url });
  client.on('notice', () => {});
  await client.connect();
  try {
    const before = await tableCounts(client);
    console.log(`seed-scale: factor ${factor}, run tag "${run}", ${url.replace(/:[^:@/]*@/, ':***@')}`);
    const started = performance.now();
    await client.query('begin');
    try {
      await client.query(`select set_config('loconomy.seed_factor', $1, true), set_config('loconomy.seed_run', $2, true)`, [
        String(factor),
        run,
      ]);
      await client.query(helpers);
      await client.query(demo);
      await client.query('reset loconomy.skip_audit');
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    }
    const loaded = (performance.now() - started) / 1000;
    await client.query('analyze');
    const after = await tableCounts(client);

    const rows = [...after].map(([table, n]) => ({ table, added: n - (before.get(table) ?? 0), total: n }));
    const added = rows.reduce((s, r) => s + r.added, 0);
    const width = Math.max(...rows.map((r) => r.table.length));
    console.log(`\n${'table'.padEnd(width)}  ${'added'.padStart(12)}  ${'total'.padStart(12)}`);
    for (const r of rows.filter((r) => r.added !== 0).sort((a, b) => b.added - a.added)) {
      console.log(`${r.table.padEnd(width)}  ${fmt(r.added).padStart(12)}  ${fmt(r.total).padStart(12)}`);
    }
    console.log(`\n${fmt(added)} rows in ${loaded.toFixed(1)} s: ${fmt(Math.round(added / loaded))} rows/s`);
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
