// Starts the local Supabase API (supabase/local/api) in-process for one instance and returns
// the environment a client needs: the URL and the keys signed with the local JWT secret.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { dbUrl, LOCAL_JWT_SECRET, repoRoot, type Instance } from '../supabase/local/config.ts';

export interface RunningApi {
  url: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

interface ApiModule {
  startApi(opts: {
    dbUrl: string;
    adminDbUrl?: string;
    port?: number;
    jwtSecret?: string;
    host?: string;
    rateLimits?: Readonly<Record<string, number>>;
    log?: (msg: string) => void;
  }): Promise<{ url: string; close(): Promise<void> }>;
}
interface KeysModule {
  localKeys(secret?: string): { anonKey: string; serviceRoleKey: string };
}
interface RateLimitModule {
  LOCAL_STACK_RATE_LIMITS: Readonly<Record<string, number>>;
}

const apiDir = path.join(repoRoot, 'supabase/local/api');

export async function startLocalApi(inst: Instance, log: (msg: string) => void = () => {}): Promise<RunningApi | null> {
  if (!existsSync(path.join(apiDir, 'server.ts'))) return null;
  const { startApi } = (await import(path.join(apiDir, 'server.ts'))) as ApiModule;
  const { localKeys } = (await import(path.join(apiDir, 'keys.ts'))) as KeysModule;
  const { LOCAL_STACK_RATE_LIMITS } = (await import(path.join(apiDir, 'auth/rate-limit.ts'))) as RateLimitModule;
  const api = await startApi({
    dbUrl: dbUrl(inst, 'postgres', 'authenticator', 'postgres'),
    adminDbUrl: dbUrl(inst),
    port: inst.apiPort,
    host: '127.0.0.1',
    jwtSecret: LOCAL_JWT_SECRET,
    // npm start and npm test: the suites sign in hundreds of times a minute from 127.0.0.1, so
    // GoTrue's per-IP limits would refuse them (the API's own tests prove those); wrong
    // passwords are still throttled per account
    rateLimits: LOCAL_STACK_RATE_LIMITS,
    log,
  });
  const keys = localKeys(LOCAL_JWT_SECRET);
  return {
    url: api.url,
    close: () => api.close(),
    env: {
      LOCONOMY_TEST_API_URL: api.url,
      LOCONOMY_TEST_ANON_KEY: keys.anonKey,
      LOCONOMY_TEST_SERVICE_ROLE_KEY: keys.serviceRoleKey,
      VITE_SUPABASE_URL: api.url,
      VITE_SUPABASE_ANON_KEY: keys.anonKey,
    },
  };
}
