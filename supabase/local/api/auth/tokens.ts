// Sessions, rotating refresh tokens (auth.sessions / auth.refresh_tokens) and access tokens
// carrying the claims Supabase Auth puts in them.
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { signJwt } from '../jwt.ts';
import { AuthError } from './errors.ts';
import { isBanned, userById, userJson, type UserRow } from './users.ts';

export const ACCESS_TOKEN_TTL = 3600;
/** a refresh token used again within this window returns the same successor (concurrent tabs) */
const REUSE_INTERVAL_MS = 10_000;

export interface TokenContext {
  key: Uint8Array;
  issuer: string;
}

export interface Session {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Record<string, unknown>;
}

const newToken = () => randomBytes(16).toString('base64url');

/** Methods that lift a session to aal2 (GoTrue's AMRClaim.IsAAL2Claim). */
const AAL2_METHODS = new Set(['totp', 'mfa/phone', 'mfa/webauthn']);

export interface AmrEntry {
  method: string;
  timestamp: number;
}

/**
 * The session's level and methods as GoTrue derives them: from its auth.mfa_amr_claims, most
 * recent first, so a refreshed token carries what the session was signed in with.
 */
export async function sessionAssurance(c: pg.ClientBase, sessionId: string): Promise<{ aal: 'aal1' | 'aal2'; amr: AmrEntry[] }> {
  const { rows } = await c.query<{ method: string; ts: number }>(
    `select authentication_method as method, extract(epoch from updated_at)::bigint::int as ts
     from auth.mfa_amr_claims where session_id = $1 order by updated_at desc`,
    [sessionId],
  );
  return {
    aal: rows.some((r) => AAL2_METHODS.has(r.method)) ? 'aal2' : 'aal1',
    amr: rows.map((r) => ({ method: r.method, timestamp: r.ts })),
  };
}

/** GoTrue's AddClaimToSession: one row per method, its time moved on when used again. */
export async function addAmrClaim(c: pg.ClientBase, sessionId: string, method: string): Promise<void> {
  await c.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values (gen_random_uuid(), $1, now(), now(), $2)
     on conflict on constraint mfa_amr_claims_session_id_authentication_method_pkey do update set updated_at = now()`,
    [sessionId, method],
  );
}

async function accessToken(c: pg.ClientBase, t: TokenContext, u: UserRow, sessionId: string): Promise<{ token: string; exp: number }> {
  const { aal, amr } = await sessionAssurance(c, sessionId);
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + ACCESS_TOKEN_TTL;
  const token = await signJwt(
    {
      iss: t.issuer,
      sub: u.id,
      aud: u.aud ?? 'authenticated',
      exp,
      iat,
      email: u.email ?? '',
      phone: u.phone ?? '',
      app_metadata: u.raw_app_meta_data ?? {},
      user_metadata: u.raw_user_meta_data ?? {},
      role: u.role ?? 'authenticated',
      aal,
      amr,
      session_id: sessionId,
      is_anonymous: u.is_anonymous,
    },
    t.key,
  );
  return { token, exp };
}

export async function sessionResponse(c: pg.ClientBase, t: TokenContext, u: UserRow, sessionId: string, refresh: string): Promise<Session> {
  const { token, exp } = await accessToken(c, t, u, sessionId);
  return { access_token: token, token_type: 'bearer', expires_in: ACCESS_TOKEN_TTL, expires_at: exp, refresh_token: refresh, user: await userJson(c, u) };
}

export async function startSession(
  c: pg.ClientBase, t: TokenContext, u: UserRow, meta: { userAgent?: string; ip?: string }, method = 'password',
): Promise<Session> {
  const sessionId = randomUUID();
  await c.query(`insert into auth.sessions (id, user_id, created_at, updated_at, user_agent, ip, aal) values ($1, $2, now(), now(), $3, $4::inet, 'aal1')`, [
    sessionId, u.id, meta.userAgent ?? null, meta.ip ?? null,
  ]);
  await addAmrClaim(c, sessionId, method);
  const refresh = newToken();
  await c.query(
    `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, session_id) values ($1, $2, false, now(), now(), $3)`,
    [refresh, u.id, sessionId],
  );
  await c.query(`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`, [u.id]);
  await c.query(`update auth.identities set last_sign_in_at = now() where user_id = $1`, [u.id]);
  const fresh = (await userById(c, u.id))!;
  return sessionResponse(c, t, fresh, sessionId, refresh);
}

const notFound = () => new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');

export async function refreshSession(c: pg.ClientBase, t: TokenContext, token: unknown): Promise<Session> {
  if (typeof token !== 'string' || token === '') throw notFound();
  const { rows } = await c.query(
    `select rt.id, rt.token, rt.revoked, rt.updated_at, rt.session_id, rt.user_id, s.id as sid, s.not_after
     from auth.refresh_tokens rt left join auth.sessions s on s.id = rt.session_id
     where rt.token = $1 for update of rt`,
    [token],
  );
  const rt = rows[0];
  if (!rt || !rt.sid) throw notFound();
  if (rt.not_after && new Date(rt.not_after).getTime() < Date.now()) throw new AuthError(400, 'session_expired', 'Invalid Refresh Token: Session Expired');
  const user = await userById(c, rt.user_id);
  if (!user || user.deleted_at) throw notFound();
  if (isBanned(user)) throw new AuthError(400, 'user_banned', 'Invalid Refresh Token: User Banned');
  if (rt.revoked) {
    const { rows: kids } = await c.query(
      `select token from auth.refresh_tokens where parent = $1 and revoked = false and session_id = $2 order by id desc limit 1`,
      [token, rt.session_id],
    );
    if (kids[0] && Date.now() - new Date(rt.updated_at).getTime() < REUSE_INTERVAL_MS) {
      return sessionResponse(c, t, user, rt.session_id, kids[0].token);
    }
    // reuse of a rotated token: treat the whole family as compromised
    await c.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1`, [rt.session_id]);
    throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
  }
  const next = newToken();
  await c.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1`, [rt.id]);
  await c.query(
    `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, parent, session_id) values ($1, $2, false, now(), now(), $3, $4)`,
    [next, user.id, token, rt.session_id],
  );
  await c.query(`update auth.sessions set refreshed_at = now()::timestamp, updated_at = now() where id = $1`, [rt.session_id]);
  return sessionResponse(c, t, user, rt.session_id, next);
}

/**
 * A new refresh token for a session whose level just changed (GoTrue's GrantRefreshTokenSwap
 * after MFA verification): the session's current token is revoked, so a token handed out at
 * aal1 can no longer be the one that is rotated on.
 */
export async function swapRefreshToken(c: pg.ClientBase, userId: string, sessionId: string): Promise<string> {
  // dated back past the reuse window: replaying the aal1 token must not yield its aal2 successor
  const { rows } = await c.query<{ token: string }>(
    `update auth.refresh_tokens set revoked = true, updated_at = now() - interval '1 day'
     where session_id = $1 and revoked = false returning token`,
    [sessionId],
  );
  const next = newToken();
  await c.query(
    `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, parent, session_id) values ($1, $2, false, now(), now(), $3, $4)`,
    [next, userId, rows[0]?.token ?? null, sessionId],
  );
  return next;
}

export async function endSessions(c: pg.ClientBase, userId: string, sessionId: string | undefined, scope: string) {
  if (scope === 'global') await c.query(`delete from auth.sessions where user_id = $1`, [userId]);
  else if (scope === 'others') await c.query(`delete from auth.sessions where user_id = $1 and id is distinct from $2`, [userId, sessionId ?? null]);
  else if (sessionId) await c.query(`delete from auth.sessions where id = $1`, [sessionId]);
}
