// Applies supabase/migrations/*.sql in filename order, each file in its own transaction,
// and records it the way the Supabase CLI does (supabase_migrations.schema_migrations),
// so `supabase db push` against a hosted project sees the same history.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from './config.ts';

export const migrationsDir = path.join(repoRoot, 'supabase/migrations');
export const bootstrapFile = path.join(repoRoot, 'supabase/local/bootstrap.sql');
export const seedFile = path.join(repoRoot, 'supabase/seed.sql');

export class SqlFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: number | null,
    readonly pgMessage: string,
    readonly excerpt: string,
  ) {
    const where = line === null ? '' : `:${line}:${column}`;
    super(`${path.relative(repoRoot, file)}${where}: ${pgMessage}${excerpt ? `\n${excerpt}` : ''}`);
  }
}

interface PgError extends Error {
  position?: string;
  internalPosition?: string;
  internalQuery?: string;
  where?: string;
  detail?: string;
  hint?: string;
}

// Turns PostgreSQL's character offset into file:line:column and shows the offending line.
export function locateError(file: string, sql: string, err: PgError): SqlFileError {
  const message = [err.message, err.detail && `DETAIL: ${err.detail}`, err.hint && `HINT: ${err.hint}`, err.where && `CONTEXT: ${err.where}`]
    .filter(Boolean)
    .join('\n');
  const pos = Number(err.position);
  if (!pos) return new SqlFileError(file, null, null, message, '');
  const before = sql.slice(0, pos - 1);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n') - 1;
  const text = sql.split('\n')[line - 1] ?? '';
  const excerpt = `  ${line} | ${text}\n  ${' '.repeat(String(line).length)} | ${' '.repeat(Math.max(0, column - 1))}^`;
  return new SqlFileError(file, line, column, message, excerpt);
}

export async function runSqlFile(client: pg.Client, file: string, { transaction = true } = {}) {
  const sql = readFileSync(file, 'utf8');
  try {
    if (transaction) await client.query('begin');
    await client.query(sql);
    if (transaction) await client.query('commit');
  } catch (err) {
    if (transaction) await client.query('rollback').catch(() => {});
    throw locateError(file, sql, err as PgError);
  }
}

export function listMigrations(dir = migrationsDir): { version: string; name: string; file: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const m = /^(\d+)_?(.*)\.sql$/.exec(f);
      if (!m) throw new Error(`migration file name must start with a timestamp: ${f}`);
      return { version: m[1], name: m[2], file: path.join(dir, f) };
    });
}

export async function applyMigrations(
  client: pg.Client,
  { dir = migrationsDir, log = (msg: string) => console.log(msg) } = {},
): Promise<string[]> {
  await client.query(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key,
      statements text[],
      name text
    );`);
  const { rows } = await client.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
  const applied = new Set(rows.map((r) => r.version));
  const done: string[] = [];
  for (const m of listMigrations(dir)) {
    if (applied.has(m.version)) continue;
    const sql = readFileSync(m.file, 'utf8');
    try {
      await client.query('begin');
      await client.query(sql);
      await client.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
        m.version,
        m.name,
        [sql],
      ]);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw locateError(m.file, sql, err as PgError);
    }
    log(`applied ${path.basename(m.file)}`);
    done.push(m.version);
  }
  // a running API reloads its schema cache on this, as PostgREST does
  if (done.length) await client.query(`notify pgrst, 'reload schema'`);
  return done;
}
