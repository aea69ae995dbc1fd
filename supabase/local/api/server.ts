// The local Supabase API: /rest/v1 (PostgREST semantics) and /auth/v1 (Supabase Auth),
// behind the gateway rules hosted Supabase applies (apikey required, CORS).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { LOCAL_JWT_SECRET } from '../config.ts';
import { handleAuth } from './auth/routes.ts';
import { AuthError, API_VERSION, authErrorBody, wantsVersioned } from './auth/errors.ts';
import type { AuthDeps } from './auth/context.ts';
import { corsHeaders, preflight, readBody, send, sendJson } from './http.ts';
import { secretKey, verifyJwt, type Claims } from './jwt.ts';
import { DbPool } from './pool.ts';
import { ApiError, toApiError } from './rest/errors.ts';
import { handleRest, type Identity } from './rest/handler.ts';
import { SchemaWatcher } from './schema-watcher.ts';

export interface ApiOptions {
  /** connection for REST requests, as the `authenticator` role */
  dbUrl: string;
  /**
   * connection for auth.* (Supabase Auth has its own privileged role). Without it the auth
   * server uses `dbUrl` and switches to service_role inside each transaction.
   */
  adminDbUrl?: string;
  port?: number;
  host?: string;
  jwtSecret?: string;
  schemas?: string[];
  poolSize?: number;
  /** how long a request may wait for a pooled connection before a 503 */
  acquireTimeoutMs?: number;
  maxBodyBytes?: number;
  enableSignup?: boolean;
  /** origins allowed by CORS; default: any origin is reflected (local stack) */
  corsOrigins?: string[];
  /** where auth links (password recovery) send the browser */
  siteUrl?: string;
  log?: (msg: string) => void;
}

export interface ApiServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** reload the schema cache now (NOTIFY pgrst, 'reload schema' does the same) */
  reloadSchema(): Promise<void>;
}

const kongError = (status: number, message: string, hint?: string) => ({ status, body: hint ? { message, hint } : { message } });

export async function startApi(opts: ApiOptions): Promise<ApiServer> {
  const log = opts.log ?? ((msg: string) => console.log(msg));
  const schemas = opts.schemas?.length ? opts.schemas : ['public'];
  const key = secretKey(opts.jwtSecret ?? LOCAL_JWT_SECRET);
  const maxBody = opts.maxBodyBytes ?? 10 * 1024 * 1024;
  const pool = new DbPool({ url: opts.dbUrl, size: opts.poolSize ?? 10, acquireTimeoutMs: opts.acquireTimeoutMs ?? 10_000, log });
  const authPool = new DbPool({ url: opts.adminDbUrl ?? opts.dbUrl, size: 4, acquireTimeoutMs: opts.acquireTimeoutMs ?? 10_000, log });
  const watcher = new SchemaWatcher(opts.dbUrl, schemas, log);
  try {
    await watcher.start();
  } catch (err) {
    await Promise.all([pool.end(), authPool.end(), watcher.stop()]);
    throw err;
  }
  let baseUrl = '';

  const authDeps: AuthDeps = {
    key,
    issuer: '',
    enableSignup: opts.enableSignup ?? false,
    siteUrl: opts.siteUrl ?? 'http://localhost:5173',
    apiUrl: () => baseUrl,
    log,
    tx: (fn) =>
      authPool.transaction(false, async (c: pg.PoolClient) => {
        if (!opts.adminDbUrl) await c.query('SET LOCAL ROLE service_role');
        return { value: await fn(c), commit: true };
      }),
  };

  async function identify(req: IncomingMessage, url: URL): Promise<Identity> {
    const apikey = (req.headers.apikey as string | undefined) ?? url.searchParams.get('apikey') ?? undefined;
    const auth = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!apikey && !auth) throw kongError(401, 'No API key found in request', 'No `apikey` request header or url param was found.');
    if (apikey) {
      try {
        await verifyJwt(apikey, key);
      } catch {
        throw kongError(401, 'Invalid API key', 'Double check your Supabase `anon` or `service_role` API key.');
      }
    }
    const claims: Claims = await verifyJwt(auth ?? apikey!, key);
    return { role: typeof claims.role === 'string' && claims.role ? claims.role : 'anon', claims };
  }

  async function rest(req: IncomingMessage, res: ServerResponse, url: URL, path: string, cors: Record<string, string>) {
    let role = 'anon';
    try {
      const id = await identify(req, url);
      role = id.role;
      const body = () => readBody(req, maxBody).then((b) => b.toString('utf8'));
      const out = await handleRest({ pool, cache: () => watcher.cache, schemas, readBody: body }, req, path, url.searchParams, id);
      send(res, out.status, { ...cors, ...out.headers }, out.body);
    } catch (err) {
      if (isKong(err)) return sendJson(res, err.status, err.body, cors);
      const e = toApiError(err, role !== 'anon');
      if (e.status >= 500) log(`rest: ${req.method} ${url.pathname}${url.search} → ${e.status} ${e.code} ${e.message}${e.details ? ` (${e.details})` : ''}`);
      sendJson(res, e.status, e.body(), { ...cors, ...e.headers });
    }
  }

  async function auth(req: IncomingMessage, res: ServerResponse, url: URL, path: string, cors: Record<string, string>) {
    const versioned = wantsVersioned(req.headers['x-supabase-api-version']);
    const vh: Record<string, string> = versioned ? { 'X-Supabase-Api-Version': API_VERSION } : {};
    try {
      // Supabase's gateway leaves only these auth routes open without an apikey
      if (!/^\/(verify|callback|authorize)$/.test(path)) await identify(req, url);
      const out = await handleAuth(authDeps, {
        req, method: req.method ?? 'GET', path, search: url.searchParams,
        readBody: () => readBody(req, maxBody).then((b) => b.toString('utf8')),
      });
      if (out.body === undefined) send(res, out.status, { ...cors, ...vh, ...(out.headers ?? {}) });
      else sendJson(res, out.status, out.body, { ...cors, ...vh, ...(out.headers ?? {}) });
    } catch (err) {
      if (isKong(err)) return sendJson(res, err.status, err.body, cors);
      let e: AuthError;
      if (err instanceof AuthError) e = err;
      else if (err instanceof ApiError && err.status === 413) e = new AuthError(413, 'request_too_large', err.details ?? err.message);
      else if (err instanceof ApiError && err.status === 401) e = new AuthError(401, 'bad_jwt', err.message);
      else {
        const api = toApiError(err, true);
        log(`auth: ${req.method} ${path} failed: ${api.message}${api.details ? ` (${api.details})` : ''}`);
        e = api.status === 503 ? new AuthError(503, 'unexpected_failure', 'Database unavailable') : new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
      }
      sendJson(res, e.status, authErrorBody(e, versioned), { ...cors, ...vh });
    }
  }

  const server = http.createServer((req, res) => {
    // a client that hangs up mid-response must not take the server down
    res.on('error', () => {});
    req.on('error', () => {});
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cors = corsHeaders(req, opts.corsOrigins);
    if (req.method === 'OPTIONS') return preflight(req, res, opts.corsOrigins);
    const m = /^\/(rest|auth)\/v1(\/.*)?$/.exec(url.pathname);
    if (!m) return sendJson(res, 404, { message: 'no Route matched with those values' }, cors);
    const handler = m[1] === 'rest' ? rest : auth;
    handler(req, res, url, m[2] ?? '/', cors).catch((err) => {
      log(`unhandled: ${(err as Error).stack ?? err}`);
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal server error' }, cors);
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 54321, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`;
  authDeps.issuer = `${baseUrl}/auth/v1`;

  return {
    url: baseUrl,
    port,
    reloadSchema: () => watcher.reload(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all([watcher.stop(), pool.end(), authPool.end()]);
    },
  };
}

function isKong(err: unknown): err is { status: number; body: unknown } {
  return typeof err === 'object' && err !== null && !(err instanceof Error) && 'status' in err && 'body' in err;
}
