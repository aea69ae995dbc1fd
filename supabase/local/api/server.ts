// The local Supabase API: /rest/v1 (PostgREST semantics) and /auth/v1 (Supabase Auth),
// behind the gateway rules hosted Supabase applies (apikey required, CORS).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type pg from 'pg';
import { LOCAL_JWT_SECRET } from '../config.ts';
import { handleAuth } from './auth/routes.ts';
import { AuthError, API_VERSION, authErrorBody, wantsVersioned } from './auth/errors.ts';
import type { AuthDeps } from './auth/context.ts';
import { AuthRateLimiter, type AuthRateLimits } from './auth/rate-limit.ts';
import { clientIp, settleClientIp, trustedProxyList } from './client-ip.ts';
import { answerClientError, answerOnSocket, corsHeaders, preflight, readBody, requestUrl, send, sendJson } from './http.ts';
import { secretKey, verifyJwt, type Claims } from './jwt.ts';
import { DbPool } from './pool.ts';
import { ApiError, toApiError } from './rest/errors.ts';
import { handleRest, type Identity } from './rest/handler.ts';
import { restSettings, type RestOptions } from './rest/settings.ts';
import { SchemaWatcher } from './schema-watcher.ts';
import { createRealtimeServer } from './realtime/server.ts';

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
  /**
   * proxies (CIDRs or addresses) whose X-Forwarded-For names the client; default none: the
   * socket's peer is the client and a forwarded header from it is ignored
   */
  trustedProxies?: string[];
  /**
   * connection for Realtime's replication slot (needs the REPLICATION attribute: the local
   * superuser); default adminDbUrl, else dbUrl
   */
  realtimeDbUrl?: string;
  /** /auth/v1 rate limits; each one left out is GoTrue's default (auth/rate-limit.ts) */
  rateLimits?: Partial<AuthRateLimits>;
  /** PostgREST settings (aggregates, plans, OpenAPI mode); the database's `pgrst.*` role settings win */
  postgrest?: RestOptions;
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
  // both throw on a bad setting, before anything is opened
  const trusted = opts.trustedProxies?.length ? trustedProxyList(opts.trustedProxies) : undefined;
  const rateLimiter = new AuthRateLimiter(opts.rateLimits);
  const pool = new DbPool({ url: opts.dbUrl, size: opts.poolSize ?? 10, acquireTimeoutMs: opts.acquireTimeoutMs ?? 10_000, log });
  const authPool = new DbPool({
    url: opts.adminDbUrl ?? opts.dbUrl, size: 4, acquireTimeoutMs: opts.acquireTimeoutMs ?? 10_000, log, name: 'loconomy-local-api-auth',
  });
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
    rateLimiter,
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
      const out = await handleRest({ pool, cache: () => watcher.cache, settings: () => restSettings(opts.postgrest ?? {}, watcher.cache), schemas, readBody: body }, req, path, url.searchParams, id);
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
      rateLimiter.checkRequest(req.method ?? 'GET', path, url.searchParams, clientIp(req));
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
      else if (err instanceof ApiError && err.status === 413) e = new AuthError(413, 'request_too_large', typeof err.details === 'string' ? err.details : err.message);
      else if (err instanceof ApiError && err.status === 401) e = new AuthError(401, 'bad_jwt', err.message);
      else {
        const api = toApiError(err, true);
        log(`auth: ${req.method} ${path} failed: ${api.message}${api.details ? ` (${api.details})` : ''}`);
        // SQLSTATE class 22 (data exception) is a value the client sent that PostgreSQL refused
        // (an over-long role, a NUL escape in metadata): the request's fault, not the server's
        if (/^22/.test(api.code)) e = new AuthError(400, 'validation_failed', api.message);
        // class 23: the change conflicts with other rows (deleting a user that app rows still
        // reference); GoTrue answers 500 "Database error …", but it is no server fault
        else if (/^23/.test(api.code)) e = new AuthError(409, 'conflict', api.message);
        else if (api.status === 503) e = new AuthError(503, 'unexpected_failure', 'Database unavailable');
        else e = new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
      }
      sendJson(res, e.status, authErrorBody(e, versioned), { ...cors, ...vh });
    }
  }

  const server = http.createServer((req, res) => {
    // a client that hangs up mid-response must not take the server down
    res.on('error', () => {});
    req.on('error', () => {});
    // first, so every reader (REST's request.headers, auth sessions, rate limits) sees one address
    settleClientIp(req, trusted);
    const url = requestUrl(req.url);
    const cors = corsHeaders(req, opts.corsOrigins);
    if (!url) return sendJson(res, 400, { message: 'Invalid request target' }, cors);
    if (req.method === 'OPTIONS') return preflight(req, res, opts.corsOrigins);
    const m = /^\/(rest|auth)\/v1(\/.*)?$/.exec(url.pathname);
    if (!m) return sendJson(res, 404, { message: 'no Route matched with those values' }, cors);
    const handler = m[1] === 'rest' ? rest : auth;
    handler(req, res, url, m[2] ?? '/', cors).catch((err) => {
      log(`unhandled: ${(err as Error).stack ?? err}`);
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal server error' }, cors);
    });
  });
  const realtime = createRealtimeServer({ dbUrl: opts.realtimeDbUrl ?? opts.adminDbUrl ?? opts.dbUrl, key, log });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    settleClientIp(req, trusted);
    const url = requestUrl(req.url);
    if (url && realtime.handleUpgrade(req, socket, head, url)) return;
    socket.on('error', () => {});
    answerOnSocket(socket, '404 Not Found', { message: 'no Route matched with those values' });
  });
  server.on('clientError', answerClientError);
  // after listen, 'error' means a failed accept (EMFILE …): log it, keep serving the rest
  server.on('error', (err) => log(`http: ${err.message}`));

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
      await realtime.close();
      await Promise.all([watcher.stop(), pool.end(), authPool.end()]);
    },
  };
}

function isKong(err: unknown): err is { status: number; body: unknown } {
  return typeof err === 'object' && err !== null && !(err instanceof Error) && 'status' in err && 'body' in err;
}
