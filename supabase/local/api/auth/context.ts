// What every /auth/v1 handler gets: a transaction on the auth connection, the signing key,
// the request's JSON body and the caller's verified JWT claims.
import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { clientIp } from '../client-ip.ts';
import { verifyJwt, type Claims } from '../jwt.ts';
import { AuthError, badJson } from './errors.ts';
import type { AuthRateLimiter } from './rate-limit.ts';
import type { TokenContext } from './tokens.ts';
import { checkDepth, checkFields, type BodyName } from './validate.ts';

export interface AuthDeps extends TokenContext {
  tx: <T>(fn: (c: pg.ClientBase) => Promise<T>) => Promise<T>;
  enableSignup: boolean;
  siteUrl: string;
  /** public URL of this server, for links */
  apiUrl: () => string;
  log: (msg: string) => void;
  /** per-IP buckets (checked by the server) and the per-account throttle of password sign-ins */
  rateLimiter?: AuthRateLimiter;
}

export interface AuthReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface AuthRequest {
  req: IncomingMessage;
  method: string;
  /** path below /auth/v1, e.g. "/token" */
  path: string;
  search: URLSearchParams;
  readBody: () => Promise<string>;
}

/** The body as an object; with `params`, its fields type-checked as GoTrue's struct of that name. */
export async function jsonBody(r: AuthRequest, params?: BodyName): Promise<Record<string, unknown>> {
  const raw = await r.readBody();
  if (raw.trim() === '') return {};
  checkDepth(raw);
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    throw badJson();
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw badJson();
  if (params) checkFields(v as Record<string, unknown>, params);
  return v as Record<string, unknown>;
}

/** The caller's token; without Authorization the gateway forwards the apikey as the bearer. */
export function bearer(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1] ?? (typeof req.headers.apikey === 'string' ? req.headers.apikey : undefined);
}

export async function callerClaims(deps: AuthDeps, req: IncomingMessage): Promise<Claims> {
  const token = bearer(req);
  if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  try {
    return await verifyJwt(token, deps.key);
  } catch (err) {
    const expired = (err as Error).message === 'JWT expired';
    throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${expired ? 'token has invalid claims: token is expired' : (err as Error).message}`);
  }
}

/** user agent and client address (the socket's, or what a trusted proxy forwarded: client-ip.ts) */
export function clientMeta(req: IncomingMessage): { userAgent?: string; ip?: string } {
  return { userAgent: req.headers['user-agent'], ip: clientIp(req) };
}
