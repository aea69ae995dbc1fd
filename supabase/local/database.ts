// Building a database from nothing: create, bootstrap (the platform's part), migrate, seed.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { dbUrl, type Instance } from './config.ts';
import { applyMigrations, bootstrapFile, migrationsDir, runSqlFile, seedFile } from './migrate.ts';

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // notices from migrations ("… does not exist, skipping") are noise here
  client.on('notice', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(inst: Instance, name: string): Promise<boolean> {
  return withClient(dbUrl(inst, 'template1'), async (c) => {
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
    return (rowCount ?? 0) > 0;
  });
}

export async function isMigrated(inst: Instance, name = 'postgres'): Promise<boolean> {
  return withClient(dbUrl(inst, name), async (c) => {
    const { rows } = await c.query(`select to_regclass('supabase_migrations.schema_migrations') is not null as ok`);
    return rows[0].ok as boolean;
  });
}

export async function recreateDatabase(inst: Instance, name: string) {
  await withClient(dbUrl(inst, 'template1'), async (c) => {
    await c.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    await c.query(`create database ${pg.escapeIdentifier(name)}`);
  });
}

export interface BuildOptions {
  database?: string;
  migrations?: string;
  seed?: boolean;
  log?: (msg: string) => void;
}

export async function bootstrapAndMigrate(inst: Instance, opts: BuildOptions = {}) {
  const { database = 'postgres', migrations = migrationsDir, seed = false, log = console.log } = opts;
  await withClient(dbUrl(inst, database), async (c) => {
    await runSqlFile(c, bootstrapFile);
    await applyMigrations(c, { dir: migrations, log });
    if (seed && existsSync(seedFile)) {
      await runSqlFile(c, seedFile);
      log('seeded supabase/seed.sql');
    }
  });
}

export async function resetDatabase(inst: Instance, opts: BuildOptions = {}) {
  await recreateDatabase(inst, opts.database ?? 'postgres');
  await bootstrapAndMigrate(inst, { seed: true, ...opts });
}

// Start the cluster and make sure its database is built; seed only a database built now.
export async function ensureDatabase(inst: Instance, opts: BuildOptions = {}): Promise<'created' | 'migrated'> {
  const name = opts.database ?? 'postgres';
  if (!(await databaseExists(inst, name))) await recreateDatabase(inst, name);
  const fresh = !(await isMigrated(inst, name));
  await bootstrapAndMigrate(inst, { seed: fresh, ...opts });
  return fresh ? 'created' : 'migrated';
}
