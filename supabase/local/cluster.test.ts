// Drives a throwaway cluster through the lifecycle a developer's machine sees: first start,
// a second start, a crash that leaves postmaster.pid behind, and repeated stops.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dbUrl, makeInstance } from './config.ts';
import * as cluster from './cluster.ts';

const inst = makeInstance(`lifecycle-${process.pid}`, 24342, 24341);

async function canQuery(): Promise<boolean> {
  const client = new pg.Client({ connectionString: dbUrl(inst), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query('select 1 as one');
    return rows[0].one === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

afterAll(() => cluster.destroy(inst));

describe('local cluster lifecycle', () => {
  it('initializes and starts on first use, with the Supabase CLI credentials', async () => {
    expect(await cluster.start(inst)).toBe('started');
    expect(cluster.isRunning(inst)).toBe(true);
    expect(await canQuery()).toBe(true);
  });

  it('treats a second start as a no-op', async () => {
    expect(await cluster.start(inst)).toBe('already running');
    expect(await canQuery()).toBe(true);
  });

  it('recovers from a crash that left a stale postmaster.pid', async () => {
    const pidFile = path.join(inst.dataDir, 'postmaster.pid');
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    execFileSync('kill', ['-9', String(pid)]);
    // the children notice the postmaster is gone and exit shortly after
    for (let i = 0; i < 50 && cluster.isRunning(inst); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(pidFile)).toBe(true);
    expect(cluster.isRunning(inst)).toBe(false);
    for (let i = 0; i < 50; i++) {
      try {
        expect(await cluster.start(inst)).toBe('started');
        break;
      } catch (err) {
        // orphaned backends may hold the port for a moment after the postmaster died
        if (i === 49 || !/port \d+ is already taken/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(await canQuery()).toBe(true);
  });

  it('stops, and a second stop is a no-op', () => {
    expect(cluster.stop(inst)).toBe('stopped');
    expect(cluster.stop(inst)).toBe('not running');
    expect(cluster.status(inst)).toMatch(/state:\s+stopped/);
  });

  it('refuses a port another process holds, saying which', async () => {
    const blocker = makeInstance(`${inst.name}-blocked`, inst.port, inst.apiPort);
    await cluster.start(inst);
    try {
      await expect(cluster.start(blocker)).rejects.toThrow(`port ${inst.port} is already taken`);
    } finally {
      cluster.destroy(blocker);
    }
  });

  it('names the log file when PostgreSQL itself refuses to start', async () => {
    const broken = makeInstance(`${inst.name}-broken`, 24343, 24344);
    try {
      cluster.init(broken);
      appendFileSync(path.join(broken.dataDir, 'postgresql.conf'), 'shared_buffers = banana\n');
      const err = await cluster.start(broken).catch((e: Error) => e);
      expect(err).toBeInstanceOf(cluster.ClusterError);
      expect((err as Error).message).toContain(broken.logFile);
    } finally {
      cluster.destroy(broken);
    }
  });
});
