// `npm start`: the whole local stack, then the admin in the browser. With VITE_SUPABASE_URL
// set (in the environment or .env) the app talks to that project and nothing local starts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dbUrl, instance, repoRoot } from '../supabase/local/config.ts';
import * as cluster from '../supabase/local/cluster.ts';
import { ensureDatabase, withClient } from '../supabase/local/database.ts';
import { startLocalApi, type RunningApi } from './local-api.ts';

function dotenv(): Record<string, string> {
  const file = path.join(repoRoot, '.env');
  if (!existsSync(file)) return {};
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2].replace(/^(['"])(.*)\1$/, '$2')]);
  return Object.fromEntries(entries);
}

const hosted = process.env.VITE_SUPABASE_URL ?? dotenv().VITE_SUPABASE_URL;
const inst = instance('dev');
let api: RunningApi | null = null;
let startedDb = false;
let vite: ReturnType<typeof spawn> | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (vite && vite.exitCode === null) {
    vite.kill('SIGTERM');
    await new Promise((r) => vite!.once('exit', r));
  }
  await api?.close().catch(() => {});
  if (startedDb) console.log(`\n${cluster.stop(inst) === 'stopped' ? 'database stopped' : ''}`);
  process.exit(code);
}

// The seed gives the demo accounts fixed ids; listing them from the database keeps this in
// step with supabase/seed.sql rather than with a copy of it.
async function printDemoLogins() {
  const rows = await withClient(dbUrl(inst), (c) =>
    c
      .query<{ email: string; role: string; staff_role: string | null; tenant: string }>(
        `select u.email, u.role::text, u.staff_role, t.slug as tenant
           from public.users u join public.tenants t on t.id = u.tenant_id
          where u.id::text like '00000000-0000-4000-8000-00000000000_' and u.auth_user_id is not null
          order by u.id`,
      )
      .then((r) => r.rows)
      .catch(() => []),
  );
  if (!rows.length) return console.log('demo logins: none (the seed has not created them)');
  console.log('demo logins (local only, password Loconomy-demo-2026):');
  for (const r of rows) console.log(`  ${r.email.padEnd(28)} ${r.role}${r.staff_role ? ` (${r.staff_role})` : ''}, tenant ${r.tenant}`);
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (hosted) {
    console.log(`VITE_SUPABASE_URL is set (${hosted}): using that project, no local stack.`);
  } else {
    const deps = spawnSync('bash', [path.join(repoRoot, 'supabase/local/install-system-deps.sh')], { stdio: 'inherit' });
    if (deps.status !== 0) process.exit(deps.status ?? 1);
    startedDb = (await cluster.start(inst)) === 'started';
    const built = await ensureDatabase(inst, { log: (m) => console.log(`  ${m}`) });
    console.log(`database: ${dbUrl(inst)} (${built === 'created' ? 'built and seeded' : 'up to date'})`);
    api = await startLocalApi(inst, (m) => console.log(`[api] ${m}`));
    if (api) {
      Object.assign(env, { VITE_SUPABASE_URL: api.env.VITE_SUPABASE_URL, VITE_SUPABASE_ANON_KEY: api.env.VITE_SUPABASE_ANON_KEY });
      console.log(`api:      ${api.url}`);
      console.log(`anon key:         ${api.env.LOCONOMY_TEST_ANON_KEY}`);
      console.log(`service-role key: ${api.env.LOCONOMY_TEST_SERVICE_ROLE_KEY} (never give it to the browser)`);
    } else {
      console.log('api:      not built yet (supabase/local/api); the app shows its login page only');
      Object.assign(env, { VITE_SUPABASE_URL: `http://127.0.0.1:${inst.apiPort}`, VITE_SUPABASE_ANON_KEY: 'local-anon-key' });
    }
    await printDemoLogins();
  }
  const viteBin = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  vite = spawn(process.execPath, [viteBin, '--port', '5173', '--strictPort', '--host', '127.0.0.1'], { stdio: 'inherit', env });
  vite.on('exit', (code) => void shutdown(code ?? 0));
  console.log('admin:    http://localhost:5173');
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((err: Error) => {
  console.error(`start: ${err.message}`);
  void shutdown(1);
});
