// A project-local PostgreSQL cluster run from the system binaries. Every command is safe to
// repeat: start on a running cluster is a no-op, stop on a stopped one too.
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { dbUrl, isRoot, pgBin, type Instance } from './config.ts';

export class ClusterError extends Error {}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

// initdb and postgres refuse to run as root, so as root they run as the postgres OS user.
function pg(cmd: string, args: string[], opts: SpawnSyncOptions = {}) {
  const bin = path.join(pgBin, cmd);
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return spawnSync(file, argv, { encoding: 'utf8', ...opts });
}

function ownForPostgres(dir: string) {
  mkdirSync(dir, { recursive: true });
  if (isRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
}

function tailOfLog(inst: Instance, lines = 15): string {
  if (!existsSync(inst.logFile)) return '(no log yet)';
  return readFileSync(inst.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

export function isInitialized(inst: Instance): boolean {
  return existsSync(path.join(inst.dataDir, 'PG_VERSION'));
}

export function init(inst: Instance): boolean {
  if (isInitialized(inst)) return false;
  const dir = path.dirname(inst.dataDir);
  ownForPostgres(path.dirname(dir));
  ownForPostgres(dir);
  const pwfile = path.join(dir, '.pwfile');
  writeFileSync(pwfile, 'postgres\n', { mode: 0o600 });
  if (isRoot) chownSync(pwfile, postgresIds().uid, postgresIds().gid);
  // every instance but dev is rebuilt or thrown away by the tests: durability only costs time
  const throwaway = inst.name !== 'dev';
  const res = pg('initdb', [
    ...(throwaway ? ['--no-sync'] : []),
    '-D', inst.dataDir, '-U', 'postgres', '--pwfile', pwfile,
    '--auth-local=trust', '--auth-host=scram-sha-256',
    '-E', 'UTF8', '--locale=C.UTF-8',
  ]);
  rmSync(pwfile, { force: true });
  if (res.status !== 0) {
    throw new ClusterError(`initdb failed for ${inst.dataDir}:\n${res.stderr || res.stdout}`);
  }
  const settings = [
    `port = ${inst.port}`,
    `listen_addresses = '127.0.0.1'`,
    // no unix socket: deep checkouts overflow the 107-byte socket path limit
    `unix_socket_directories = ''`,
    `max_connections = 120`,
    `shared_buffers = '256MB'`,
    `work_mem = '16MB'`,
    `maintenance_work_mem = '256MB'`,
    `log_min_messages = warning`,
    `log_min_error_statement = error`,
    `log_line_prefix = '%m [%p] %q%u@%d '`,
    ...(throwaway ? ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off'] : []),
  ];
  writeFileSync(path.join(inst.dataDir, 'postgresql.conf'), `\n# loconomy local stack\n${settings.join('\n')}\n`, {
    flag: 'a',
  });
  return true;
}

function pidFromFile(inst: Instance): number | null {
  const file = path.join(inst.dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isFinite(pid) && pid > 0 ? pid : null;
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return false;
  }
}

export function isRunning(inst: Instance): boolean {
  const pid = pidFromFile(inst);
  return pid !== null && isPostgresProcess(pid);
}

// Binding, not connecting: a port can be unusable without anyone listening on it — an
// outgoing connection may hold it as its local port.
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(false)));
  });
}

/**
 * Settings every start passes to the server (pg_ctl -o). Logical decoding reads only WAL that
 * is flushed; the throwaway instances commit asynchronously, so the WAL writer's delay (200 ms
 * by default, up to three rounds) would be Realtime's latency there.
 */
export const SERVER_OPTIONS = ['wal_level=logical', 'max_replication_slots=20', 'max_wal_senders=20', 'wal_writer_delay=10ms'];

export async function start(inst: Instance): Promise<'started' | 'already running'> {
  if (!isInitialized(inst)) init(inst);
  if (isRunning(inst)) return 'already running';
  // a crash leaves postmaster.pid behind; if its pid is gone (or reused by something that is
  // not postgres) the file is stale and would stop the server from starting
  const pidFile = path.join(inst.dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) rmSync(pidFile);
  if (await portInUse(inst.port)) {
    throw new ClusterError(
      `port ${inst.port} is already taken by another process; stop it (e.g. \`fuser -k ${inst.port}/tcp\`) and retry`,
    );
  }
  // Realtime's postgres_changes read the WAL through a logical replication slot (wal2json).
  // Given at every start rather than written at initdb, so clusters made before it get it too.
  const serverOptions = SERVER_OPTIONS.map((o) => `-c ${o}`).join(' ');
  const res = pg('pg_ctl', ['start', '-D', inst.dataDir, '-l', inst.logFile, '-w', '-t', '60', '-s', '-o', serverOptions]);
  if (res.status !== 0) {
    throw new ClusterError(
      `PostgreSQL did not start (${inst.name}); see ${inst.logFile}:\n${tailOfLog(inst)}`,
    );
  }
  return 'started';
}

export function stop(inst: Instance): 'stopped' | 'not running' {
  if (!isRunning(inst)) return 'not running';
  const res = pg('pg_ctl', ['stop', '-D', inst.dataDir, '-m', 'fast', '-w', '-t', '60', '-s']);
  if (res.status !== 0) {
    throw new ClusterError(`PostgreSQL did not stop (${inst.name}); see ${inst.logFile}:\n${res.stderr}`);
  }
  return 'stopped';
}

export function destroy(inst: Instance) {
  stop(inst);
  rmSync(path.dirname(inst.dataDir), { recursive: true, force: true });
}

export function status(inst: Instance): string {
  const state = isRunning(inst) ? `running (pid ${pidFromFile(inst)})` : isInitialized(inst) ? 'stopped' : 'not initialized';
  return [`instance: ${inst.name}`, `state:    ${state}`, `url:      ${dbUrl(inst)}`, `data:     ${inst.dataDir}`, `log:      ${inst.logFile}`].join('\n');
}
