// The runner's promises: files in order, each in its own transaction, recorded once, and a
// broken file stops the run with its name and position while leaving nothing of itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from './config.ts';
import { applyMigrations, locateError, SqlFileError } from './migrate.ts';

const adminUrl = process.env.LOCONOMY_TEST_DB_URL ?? 'postgresql://postgres:postgres@127.0.0.1:24332/postgres';
const dbName = `migrate_runner_${process.pid}`;
const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
let client: pg.Client;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await admin(`drop database if exists ${dbName} with (force)`);
  await admin(`create database ${dbName}`);
  client = new pg.Client({ connectionString: databaseUrl(adminUrl, dbName) });
  client.on('notice', () => {});
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await admin(`drop database if exists ${dbName} with (force)`);
  rmSync(dir, { recursive: true, force: true });
});

const tables = async () =>
  (await client.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' order by 1`)).rows.map(
    (r) => r.t,
  );
const versions = async () =>
  (await client.query<{ v: string }>('select version as v from supabase_migrations.schema_migrations order by 1')).rows.map(
    (r) => r.v,
  );

describe('applyMigrations', () => {
  it('applies files in filename order and records each', async () => {
    writeFileSync(path.join(dir, '20260101000002_second.sql'), 'create table second (first_id int references first (id));');
    writeFileSync(path.join(dir, '20260101000001_first.sql'), 'create table first (id int primary key);');
    const applied = await applyMigrations(client, { dir, log: () => {} });
    expect(applied).toEqual(['20260101000001', '20260101000002']);
    expect(await tables()).toEqual(['first', 'second']);
  });

  it('skips what is already applied', async () => {
    expect(await applyMigrations(client, { dir, log: () => {} })).toEqual([]);
  });

  it('stops at a broken file, names it with line and column, and keeps none of it', async () => {
    writeFileSync(
      path.join(dir, '20260101000003_broken.sql'),
      'create table third (id int);\ninsert into third values (1);\ncreate tabel broken (id int);\n',
    );
    writeFileSync(path.join(dir, '20260101000004_after.sql'), 'create table fourth (id int);');
    const err = await applyMigrations(client, { dir, log: () => {} }).catch((e) => e);
    expect(err).toBeInstanceOf(SqlFileError);
    expect(err.message).toMatch(/20260101000003_broken\.sql:3:\d+: .*syntax error at or near "tabel"/);
    expect(err.message).toContain("create tabel broken (id int);");
    expect(await tables()).toEqual(['first', 'second']);
    expect(await versions()).toEqual(['20260101000001', '20260101000002']);
  });

  it('continues from the broken file once it is fixed', async () => {
    writeFileSync(path.join(dir, '20260101000003_broken.sql'), 'create table third (id int);');
    expect(await applyMigrations(client, { dir, log: () => {} })).toEqual(['20260101000003', '20260101000004']);
    expect(await tables()).toEqual(['first', 'fourth', 'second', 'third']);
  });
});

describe('locateError', () => {
  it.each([
    ['select 1;\nselect x from;', 24, 2, 14],
    ['bad', 1, 1, 1],
    ['a\nb\nc', 5, 3, 1],
  ])('maps offset in %j to line and column', (sql, position, line, column) => {
    const e = locateError('/x.sql', sql, Object.assign(new Error('boom'), { position: String(position) }));
    expect([e.line, e.column]).toEqual([line, column]);
  });

  it('reports no position when PostgreSQL gives none', () => {
    const e = locateError('/x.sql', 'select 1', Object.assign(new Error('boom'), {}));
    expect(e.line).toBeNull();
    expect(e.message).toContain('boom');
  });
});
