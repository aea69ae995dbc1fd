// A private copy of the stack for one piece of work running beside others: database NAME on
// the dev cluster (migrations + seed), and the API on its own port. Prints the environment
// the integration tests read, then serves until Ctrl-C.
//   npx tsx scripts/sandbox.ts --database NAME --port 55xxx [--no-reset]
import { parseArgs } from 'node:util';
import { dbUrl, instance, LOCAL_JWT_SECRET } from '../supabase/local/config.ts';
import * as cluster from '../supabase/local/cluster.ts';
import { resetDatabase } from '../supabase/local/database.ts';
import { LOCAL_STACK_RATE_LIMITS } from '../supabase/local/api/auth/rate-limit.ts';
import { localKeys } from '../supabase/local/api/keys.ts';
import { startApi } from '../supabase/local/api/server.ts';

const { values } = parseArgs({
  options: { database: { type: 'string' }, port: { type: 'string' }, 'no-reset': { type: 'boolean' } },
});
if (!values.database || !values.port) throw new Error('usage: --database NAME --port N [--no-reset]');
const inst = instance('dev');
await cluster.start(inst);
if (!values['no-reset']) await resetDatabase(inst, { database: values.database });
const api = await startApi({
  dbUrl: dbUrl(inst, values.database, 'authenticator', 'postgres'),
  adminDbUrl: dbUrl(inst, values.database),
  port: Number(values.port),
  host: '127.0.0.1',
  jwtSecret: LOCAL_JWT_SECRET,
  // the integration suites sign in far more often than GoTrue's per-IP limits allow
  rateLimits: LOCAL_STACK_RATE_LIMITS,
});
const keys = localKeys(LOCAL_JWT_SECRET);
console.log(`export LOCONOMY_TEST_API_URL=${api.url}`);
console.log(`export LOCONOMY_TEST_ANON_KEY=${keys.anonKey}`);
console.log(`export LOCONOMY_TEST_SERVICE_ROLE_KEY=${keys.serviceRoleKey}`);
console.log(`export LOCONOMY_TEST_DB_URL=${dbUrl(inst, values.database)}`);
console.log(`export VITE_SUPABASE_URL=${api.url}`);
console.log(`export VITE_SUPABASE_ANON_KEY=${keys.anonKey}`);
process.on('SIGINT', () => void api.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void api.close().then(() => process.exit(0)));
