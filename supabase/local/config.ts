// Where each local database instance lives. "dev" is what `npm start` uses (the Supabase
// CLI's port); "test" is what `npm test` builds from scratch, so tests never touch demo data.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface Instance {
  name: string;
  port: number;
  apiPort: number;
  dataDir: string;
  logFile: string;
}

const ports: Record<string, { port: number; apiPort: number }> = {
  dev: { port: 54322, apiPort: 54321 },
  // below Linux's ephemeral range (32768–60999): an outgoing connection's local port can never
  // take it, which a port in that range loses now and then while the tests open thousands
  test: { port: 24332, apiPort: 24331 },
};

export const isRoot = process.getuid?.() === 0;

function canPostgresReach(dir: string): boolean {
  if (!isRoot) return true;
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Data lives in a git-ignored folder inside the repo. As root the server runs as the
// `postgres` OS user, which cannot enter a checkout under /root; then the data goes to
// a per-checkout folder in the temp dir instead.
function dataRoot(): string {
  const inRepo = path.join(repoRoot, 'supabase/local/.data');
  if (canPostgresReach(repoRoot)) return inRepo;
  const tag = createHash('sha1').update(repoRoot).digest('hex').slice(0, 10);
  return path.join(tmpdir(), `loconomy-admin-${tag}`);
}

export function makeInstance(name: string, port: number, apiPort: number, root = dataRoot()): Instance {
  const dir = path.join(root, name);
  return { name, port, apiPort, dataDir: path.join(dir, 'pgdata'), logFile: path.join(dir, 'postgres.log') };
}

export function instance(name = process.env.LOCONOMY_DB_INSTANCE ?? 'dev'): Instance {
  const p = ports[name];
  if (!p) throw new Error(`unknown database instance "${name}" (known: ${Object.keys(ports).join(', ')})`);
  return makeInstance(name, p.port, p.apiPort);
}

export function dbUrl(inst: Instance, database = 'postgres', user = 'postgres', password = 'postgres'): string {
  return `postgresql://${user}:${password}@127.0.0.1:${inst.port}/${database}`;
}

/** `base` (a cluster URL) pointed at another database, optionally as another user. */
export function databaseUrl(base: string, database: string, user?: string, password?: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  if (user) u.username = user;
  if (password) u.password = password;
  return u.toString();
}

// The Supabase CLI's well-known local JWT secret. Local only: a hosted project has its own.
export const LOCAL_JWT_SECRET = process.env.JWT_SECRET ?? 'super-secret-jwt-token-with-at-least-32-characters-long';
