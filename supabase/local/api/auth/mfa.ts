// /auth/v1/factors: Supabase Auth's multi-factor flow for TOTP (GoTrue's internal/api/mfa.go):
// enrol, challenge, verify (the session becomes aal2), unenrol. Factors, challenges and the
// session's amr claims are GoTrue's own tables (bootstrap.sql), so supabase-js's auth.mfa works
// unchanged and the level survives token refreshes.
import { randomUUID } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type pg from 'pg';
import { callerClaims, clientMeta, jsonBody, type AuthDeps, type AuthReply, type AuthRequest } from './context.ts';
import { AuthError } from './errors.ts';
import { addAmrClaim, sessionResponse, swapRefreshToken } from './tokens.ts';
import { userById } from './users.ts';

/** GoTrue's defaults: MFA_CHALLENGE_EXPIRY_DURATION, MFA_FACTOR_EXPIRY_DURATION, MFA_MAX_ENROLLED_FACTORS. */
export const CHALLENGE_EXPIRY_SECONDS = 300;
const UNVERIFIED_FACTOR_EXPIRY_SECONDS = 300;
const MAX_FACTORS = 10;
/** RFC 6238 as GoTrue validates it: 30 s steps, 6 digits, SHA-1, one step of clock skew either way. */
export const TOTP_PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
const TOTP_WINDOW = 1;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Caller {
  userId: string;
  email: string;
  sessionId: string;
  sessionAal: string | null;
}

interface FactorRow {
  id: string;
  user_id: string;
  friendly_name: string | null;
  factor_type: string;
  status: 'verified' | 'unverified';
  secret: string | null;
}

// GoTrue's requireAuthentication + requireNotAnonymous: a valid token whose session still exists.
async function caller(deps: AuthDeps, c: pg.ClientBase, r: AuthRequest): Promise<Caller> {
  const claims = await callerClaims(deps, r.req);
  if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
  if (claims.is_anonymous === true) throw new AuthError(403, 'no_authorization', 'Anonymous user not allowed to perform these actions');
  const u = await userById(c, claims.sub);
  if (!u || u.deleted_at) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
  const sessionId = typeof claims.session_id === 'string' && UUID.test(claims.session_id) ? claims.session_id : undefined;
  const { rows } = sessionId
    ? await c.query<{ aal: string | null }>('select aal from auth.sessions where id = $1 and user_id = $2', [sessionId, u.id])
    : { rows: [] };
  if (!sessionId || !rows[0]) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
  return { userId: u.id, email: u.email ?? '', sessionId, sessionAal: rows[0].aal };
}

async function ownedFactor(c: pg.ClientBase, who: Caller, factorId: string, lock = false): Promise<FactorRow> {
  if (!UUID.test(factorId)) throw new AuthError(404, 'validation_failed', 'factor_id must be an UUID');
  const { rows } = await c.query<FactorRow>(
    `select id, user_id, friendly_name, factor_type::text, status::text, secret
     from auth.mfa_factors where id = $1 and user_id = $2 ${lock ? 'for update' : ''}`,
    [factorId, who.userId],
  );
  if (!rows[0]) throw new AuthError(404, 'mfa_factor_not_found', 'Factor not found');
  return rows[0];
}

const totpFor = (secret: string, issuer: string, label: string) =>
  new OTPAuth.TOTP({ ...TOTP_PARAMS, issuer, label, secret: OTPAuth.Secret.fromBase32(secret) });

// The QR code as GoTrue sends it: bare SVG markup, which supabase-js turns into a data: URL
// without percent-encoding, so the colours are named — a "#" would end the URL there.
async function qrSvg(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'H', margin: 4 });
  return svg.replace(/"#ffffff"/gi, '"white"').replace(/"#000000"/gi, '"black"').trim();
}

async function enroll(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  const b = await jsonBody(r);
  const factorType = b.factor_type;
  const friendlyName = typeof b.friendly_name === 'string' ? b.friendly_name : '';
  if (b.friendly_name !== undefined && b.friendly_name !== null && typeof b.friendly_name !== 'string') {
    throw new AuthError(400, 'validation_failed', 'friendly_name must be a string');
  }
  if (factorType === 'phone' || factorType === 'webauthn') {
    throw new AuthError(422, factorType === 'phone' ? 'mfa_phone_enroll_not_enabled' : 'mfa_webauthn_enroll_not_enabled', `MFA enroll is disabled for ${factorType === 'phone' ? 'Phone' : 'WebAuthn'}`);
  }
  if (factorType !== 'totp') throw new AuthError(400, 'validation_failed', 'factor_type needs to be totp, phone, or webauthn');
  let issuer = typeof b.issuer === 'string' && b.issuer ? b.issuer : '';
  if (!issuer) {
    try {
      issuer = new URL(deps.siteUrl).host;
    } catch {
      throw new AuthError(500, 'unexpected_failure', 'site url is improperly formatted');
    }
  }
  return deps.tx(async (c) => {
    const who = await caller(deps, c, r);
    // GoTrue's validateFactors: abandoned enrolments go first, then the limits
    await c.query(
      `delete from auth.mfa_factors f where status <> 'verified' and user_id = $1
         and created_at < now() - make_interval(secs => $2)
         and not exists (select 1 from auth.mfa_challenges ch where ch.factor_id = f.id)`,
      [who.userId, UNVERIFIED_FACTOR_EXPIRY_SECONDS],
    );
    const { rows: existing } = await c.query<{ friendly_name: string | null; status: string }>(
      'select friendly_name, status::text from auth.mfa_factors where user_id = $1',
      [who.userId],
    );
    if (existing.some((f) => (f.friendly_name ?? '') === friendlyName)) {
      throw new AuthError(422, 'mfa_factor_name_conflict', `A factor with the friendly name "${friendlyName}" for this user already exists`);
    }
    const verified = existing.filter((f) => f.status === 'verified').length;
    if (existing.length >= MAX_FACTORS || verified >= MAX_FACTORS) {
      throw new AuthError(422, 'too_many_enrolled_mfa_factors', 'Maximum number of verified factors reached, unenroll to continue');
    }
    if (verified > 0 && who.sessionAal !== 'aal2') throw new AuthError(403, 'insufficient_aal', 'AAL2 required to enroll a new factor');

    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    const uri = totpFor(secret, issuer, who.email).toString();
    const id = randomUUID();
    await c.query(
      `insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
       values ($1, $2, $3, 'totp', 'unverified', now(), now(), $4)`,
      [id, who.userId, friendlyName, secret],
    );
    return {
      status: 200,
      body: { id, type: 'totp', friendly_name: friendlyName, totp: { qr_code: await qrSvg(uri), secret, uri } },
    };
  });
}

async function challenge(deps: AuthDeps, r: AuthRequest, factorId: string): Promise<AuthReply> {
  await jsonBody(r); // a TOTP challenge takes no parameters, but the body must still be JSON
  return deps.tx(async (c) => {
    const who = await caller(deps, c, r);
    const factor = await ownedFactor(c, who, factorId);
    if (factor.factor_type !== 'totp') throw new AuthError(422, 'mfa_factor_not_found', 'Only TOTP factors are supported locally');
    // old challenges are only kept for the reuse check below, which needs minutes, not days
    await c.query(`delete from auth.mfa_challenges where factor_id = $1 and created_at < now() - interval '1 hour'`, [factor.id]);
    const { rows } = await c.query<{ id: string; expires_at: number }>(
      `insert into auth.mfa_challenges (id, factor_id, created_at, ip_address) values ($1, $2, now(), $3::inet)
       returning id, (extract(epoch from created_at) + $4)::bigint::int as expires_at`,
      [randomUUID(), factor.id, clientMeta(r.req).ip ?? '0.0.0.0', CHALLENGE_EXPIRY_SECONDS],
    );
    return { status: 200, body: { id: rows[0].id, type: 'totp', expires_at: rows[0].expires_at } };
  });
}

const stepMark = (counter: number) => `totp-step:${counter}`;

async function verify(deps: AuthDeps, r: AuthRequest, factorId: string): Promise<AuthReply> {
  const b = await jsonBody(r);
  const challengeId = b.challenge_id;
  const code = b.code;
  if (typeof challengeId !== 'string' || !UUID.test(challengeId)) throw new AuthError(400, 'validation_failed', 'challenge_id must be an UUID');
  if (typeof code !== 'string' || code === '') throw new AuthError(400, 'validation_failed', 'Code needs to be non-empty');
  const ip = clientMeta(r.req).ip ?? '0.0.0.0';
  // an expired challenge is deleted (as GoTrue does) even though the request fails
  const outcome = await deps.tx(async (c) => {
    const who = await caller(deps, c, r);
    // locked, so two requests with the same code cannot both pass the reuse check
    const factor = await ownedFactor(c, who, factorId, true);
    const { rows } = await c.query<{ id: string; verified_at: Date | null; ip: string; expired: boolean }>(
      `select id, verified_at, host(ip_address) as ip, created_at + make_interval(secs => $3) < now() as expired
       from auth.mfa_challenges where id = $1 and factor_id = $2`,
      [challengeId, factor.id, CHALLENGE_EXPIRY_SECONDS],
    );
    const ch = rows[0];
    if (!ch) throw new AuthError(422, 'mfa_factor_not_found', 'MFA factor with the provided challenge ID not found');
    if (ch.verified_at || ch.ip !== ip) throw new AuthError(422, 'mfa_ip_address_mismatch', 'Challenge and verify IP addresses mismatch.');
    if (ch.expired) {
      await c.query('delete from auth.mfa_challenges where id = $1', [ch.id]);
      return { expired: ch.id } as const;
    }
    const totp = totpFor(factor.secret ?? '', '', who.email);
    const delta = /^\d{6}$/.test(code) ? totp.validate({ token: code, window: TOTP_WINDOW }) : null;
    if (delta === null) throw new AuthError(422, 'mfa_verification_failed', 'Invalid TOTP code entered');
    // RFC 6238 §5.2: a code is accepted once. GoTrue does not check this; locally the accepted
    // time step is kept on the verified challenge (the column GoTrue uses for phone codes).
    const counter = totp.counter() + delta;
    const { rowCount: used } = await c.query(
      'select 1 from auth.mfa_challenges where factor_id = $1 and verified_at is not null and otp_code = $2',
      [factor.id, stepMark(counter)],
    );
    if (used) throw new AuthError(422, 'mfa_verification_failed', 'Invalid TOTP code entered: this code was already used, wait for the next one');

    await c.query('update auth.mfa_challenges set verified_at = now(), otp_code = $2 where id = $1', [ch.id, stepMark(counter)]);
    if (factor.status !== 'verified') {
      await c.query(`update auth.mfa_factors set status = 'verified', updated_at = now() where id = $1`, [factor.id]);
    }
    // GoTrue's updateMFASessionAndClaims, InvalidateSessionsWithAALLessThan, DeleteUnverifiedFactors
    await addAmrClaim(c, who.sessionId, 'totp');
    await c.query(`update auth.sessions set aal = 'aal2', factor_id = $2, updated_at = now() where id = $1`, [who.sessionId, factor.id]);
    const refresh = await swapRefreshToken(c, who.userId, who.sessionId);
    await c.query(`delete from auth.sessions where user_id = $1 and aal < 'aal2'`, [who.userId]);
    await c.query(`delete from auth.mfa_factors where user_id = $1 and status = 'unverified' and factor_type = 'totp'`, [who.userId]);
    const user = (await userById(c, who.userId))!;
    return { session: await sessionResponse(c, deps, user, who.sessionId, refresh) } as const;
  });
  if ('expired' in outcome) {
    throw new AuthError(422, 'mfa_challenge_expired', `MFA challenge ${outcome.expired} has expired, verify against another challenge or create a new challenge.`);
  }
  return { status: 200, body: outcome.session };
}

async function unenroll(deps: AuthDeps, r: AuthRequest, factorId: string): Promise<AuthReply> {
  return deps.tx(async (c) => {
    const who = await caller(deps, c, r);
    const factor = await ownedFactor(c, who, factorId, true);
    if (factor.status === 'verified' && who.sessionAal !== 'aal2') {
      throw new AuthError(422, 'insufficient_aal', 'AAL2 required to unenroll verified factor');
    }
    // GoTrue's DowngradeSessionsToAAL1: sessions that reached aal2 with this factor lose it
    await c.query(
      `delete from auth.mfa_amr_claims where authentication_method = 'totp'
         and session_id in (select id from auth.sessions where factor_id = $1)`,
      [factor.id],
    );
    await c.query(`update auth.sessions set aal = 'aal1', factor_id = null, updated_at = now() where factor_id = $1`, [factor.id]);
    await c.query('delete from auth.mfa_factors where id = $1', [factor.id]);
    return { status: 200, body: { id: factor.id } };
  });
}

/** Routes below /factors; undefined when the path is not one of them. */
export function handleFactors(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> | undefined {
  const parts = r.path.replace(/\/+$/, '').split('/').filter(Boolean); // ['factors', id?, action?]
  if (parts[0] !== 'factors' || parts.length > 3) return undefined;
  const [, id, action] = parts;
  if (!id && r.method === 'POST') return enroll(deps, r);
  if (id && !action && r.method === 'DELETE') return unenroll(deps, r, id);
  if (id && action === 'challenge' && r.method === 'POST') return challenge(deps, r, id);
  if (id && action === 'verify' && r.method === 'POST') return verify(deps, r, id);
  return undefined;
}
