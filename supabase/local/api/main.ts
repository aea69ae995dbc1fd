// npm run api -- --db-url <url> [--admin-db-url <url>] [--port 54321] [--jwt-secret s] [--schemas public,…] [--enable-signup]
//   [--trusted-proxies 10.0.0.0/8,…] [--config supabase/config.toml]
// Env: SUPABASE_DB_URL, SUPABASE_ADMIN_DB_URL, PORT, JWT_SECRET, PGRST_DB_SCHEMAS, LOCONOMY_TRUSTED_PROXIES,
// and the auth rate limits' GOTRUE_RATE_LIMIT_* / LOCONOMY_AUTH_* (over config.toml's [auth.rate_limit]).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseToml } from 'smol-toml';
import { dbUrl, instance, LOCAL_JWT_SECRET, repoRoot } from '../config.ts';
import { rateLimitsFromConfig, rateLimitsFromEnv } from './auth/rate-limit.ts';
import { localKeys } from './keys.ts';
import { restOptionsFromEnv } from './rest/settings.ts';
import { startApi } from './server.ts';

const { values } = parseArgs({
  options: {
    'db-url': { type: 'string' },
    'admin-db-url': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'jwt-secret': { type: 'string' },
    schemas: { type: 'string' },
    'pool-size': { type: 'string' },
    'enable-signup': { type: 'boolean' },
    'trusted-proxies': { type: 'string' },
    config: { type: 'string' },
  },
});

const inst = instance();
const url = values['db-url'] ?? process.env.SUPABASE_DB_URL ?? dbUrl(inst, 'postgres', 'authenticator', 'postgres');
const secret = values['jwt-secret'] ?? process.env.JWT_SECRET ?? LOCAL_JWT_SECRET;
const schemas = (values.schemas ?? process.env.PGRST_DB_SCHEMAS ?? 'public').split(',').map((s) => s.trim()).filter(Boolean);
const trustedProxies = (values['trusted-proxies'] ?? process.env.LOCONOMY_TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
// as the Supabase CLI does: [auth.rate_limit] from config.toml, GoTrue's defaults for the rest
const configFile = values.config ?? path.join(repoRoot, 'supabase/config.toml');
const fromConfig = existsSync(configFile) ? rateLimitsFromConfig(parseToml(readFileSync(configFile, 'utf8'))) : {};
const rateLimits = { ...fromConfig, ...rateLimitsFromEnv(process.env) };

const api = await startApi({
  dbUrl: url,
  adminDbUrl: values['admin-db-url'] ?? process.env.SUPABASE_ADMIN_DB_URL,
  port: Number(values.port ?? process.env.PORT ?? inst.apiPort),
  host: values.host,
  jwtSecret: secret,
  schemas,
  poolSize: values['pool-size'] ? Number(values['pool-size']) : undefined,
  enableSignup: values['enable-signup'] ?? false,
  trustedProxies,
  rateLimits,
  postgrest: restOptionsFromEnv(process.env),
});

const keys = localKeys(secret);
console.log(`API URL:          ${api.url}`);
console.log(`REST:             ${api.url}/rest/v1  (schemas: ${schemas.join(', ')})`);
console.log(`Auth:             ${api.url}/auth/v1`);
console.log(`Realtime:         ${api.url.replace(/^http/, 'ws')}/realtime/v1/websocket`);
console.log(`trusted proxies:  ${trustedProxies.length ? trustedProxies.join(', ') : 'none (the socket peer is the client)'}`);
console.log(`anon key:         ${keys.anonKey}`);
console.log(`service_role key: ${keys.serviceRoleKey}`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the API`);
  await api.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
