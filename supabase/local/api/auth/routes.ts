// /auth/v1 endpoints supabase-js uses: token (password, refresh_token), user, logout,
// signup, recover/verify, settings, health; /admin/* is in admin.ts, /factors/* in mfa.ts.
import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { handleAdmin } from './admin.ts';
import { handleFactors } from './mfa.ts';
import { callerClaims, clientMeta, jsonBody, type AuthDeps, type AuthReply, type AuthRequest } from './context.ts';
import { AuthError, invalidCredentials } from './errors.ts';
import { accountKey } from './rate-limit.ts';
import { recordFailedSignIn } from './sign-in-audit.ts';
import { endSessions, refreshSession, startSession } from './tokens.ts';
import { redirectTarget, uuidClaim, validateEmail } from './validate.ts';
import { createUser, hashPassword, isBanned, mergeMetadata, userByEmail, userById, userJson } from './users.ts';

/** failed sign-ins all take this long, so timing tells nothing about which part was wrong */
const FAILED_SIGN_IN_MS = 400;
// compared against when the email is unknown, so that path costs a bcrypt check too
// (cost 10, like the hashes this server writes)
const DUMMY_HASH = '$2b$10$eZdoAaBhzMmqIxPvwYe4eOGu4uDrM.160GCh7cnMyXJ7JU9MHEGrG';

async function passwordGrant(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  const started = Date.now();
  const b = await jsonBody(r, 'PasswordGrantParams');
  const email = typeof b.email === 'string' ? b.email : '';
  const password = typeof b.password === 'string' ? b.password : '';
  // before the password is compared, so a throttled account answers the same either way
  deps.rateLimiter?.checkAccount(email);
  let authUserId: string | undefined;
  try {
    const reply = await deps.tx(async (c): Promise<AuthReply> => {
      const user = email ? await userByEmail(c, email) : undefined;
      authUserId = user?.id;
      const ok = await bcrypt.compare(password, user?.encrypted_password || DUMMY_HASH);
      if (!user || !ok || !user.encrypted_password || user.deleted_at) throw invalidCredentials();
      // checked only after the password, so a ban is not revealed to someone without it
      if (isBanned(user)) throw new AuthError(400, 'user_banned', 'User is banned');
      if (!user.email_confirmed_at) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
      return { status: 200, body: await startSession(c, deps, user, clientMeta(r.req)) };
    });
    deps.rateLimiter?.accounts.succeed(accountKey(email));
    return reply;
  } catch (err) {
    if (err instanceof AuthError && err.errorCode === 'invalid_credentials') {
      // inside the padded time, so auditing a staff account does not make it slower to refuse
      await recordFailedSignIn(deps, { email, authUserId, ...clientMeta(r.req) });
      await new Promise((res) => setTimeout(res, Math.max(0, FAILED_SIGN_IN_MS - (Date.now() - started))));
    }
    throw err;
  }
}

async function token(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  const grant = r.search.get('grant_type');
  if (grant === 'password') return passwordGrant(deps, r);
  if (grant === 'refresh_token') {
    const b = await jsonBody(r, 'RefreshTokenGrantParams');
    return { status: 200, body: await deps.tx((c) => refreshSession(c, deps, b.refresh_token)) };
  }
  throw new AuthError(400, 'validation_failed', 'unsupported_grant_type');
}

async function currentUser(deps: AuthDeps, r: AuthRequest) {
  const claims = await callerClaims(deps, r.req);
  if (typeof claims.sub !== 'string') throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
  // both name rows by UUID; anything else would fail in SQL as a 500
  const sub = uuidClaim(claims.sub, 'sub');
  const sessionId = claims.session_id === undefined ? undefined : uuidClaim(claims.session_id, 'session_id');
  return { claims, sub, sessionId };
}

async function getUser(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  const { sub, sessionId } = await currentUser(deps, r);
  return deps.tx(async (c) => {
    const u = await userById(c, sub);
    if (!u || u.deleted_at) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    if (sessionId) {
      const { rowCount } = await c.query('select 1 from auth.sessions where id = $1', [sessionId]);
      if (!rowCount) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    return { status: 200, body: await userJson(c, u) };
  });
}

async function putUser(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  const { sub } = await currentUser(deps, r);
  const b = await jsonBody(r, 'UserUpdateParams');
  if (typeof b.email === 'string') validateEmail(b.email);
  return deps.tx(async (c) => {
    const u = await userById(c, sub);
    if (!u || u.deleted_at) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    if (b.password !== undefined) {
      if (typeof b.password === 'string' && u.encrypted_password && (await bcrypt.compare(b.password, u.encrypted_password))) {
        throw new AuthError(422, 'same_password', 'New password should be different from the old password.');
      }
      await c.query('update auth.users set encrypted_password = $2, updated_at = now() where id = $1', [sub, await hashPassword(b.password)]);
    }
    if (typeof b.email === 'string' && b.email.toLowerCase() !== u.email) {
      const taken = await userByEmail(c, b.email);
      if (taken && taken.id !== sub) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
      // local stack: email changes are confirmed at once (no mailer)
      await c.query('update auth.users set email = lower($2), email_confirmed_at = now(), updated_at = now() where id = $1', [sub, b.email]);
      await c.query(`update auth.identities set identity_data = identity_data || jsonb_build_object('email', lower($2::text)) where user_id = $1 and provider = 'email'`, [sub, b.email]);
    }
    if (b.data && typeof b.data === 'object') {
      const meta = mergeMetadata(u.raw_user_meta_data, b.data as Record<string, unknown>);
      await c.query('update auth.users set raw_user_meta_data = $2, updated_at = now() where id = $1', [sub, meta]);
    }
    return { status: 200, body: await userJson(c, (await userById(c, sub))!) };
  });
}

async function logout(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  const { sub, sessionId } = await currentUser(deps, r);
  const scope = r.search.get('scope') ?? 'global';
  if (!['global', 'local', 'others'].includes(scope)) throw new AuthError(400, 'validation_failed', `Unsupported logout scope "${scope}"`);
  await deps.tx((c) => endSessions(c, sub, sessionId, scope));
  return { status: 204 };
}

async function signup(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  if (!deps.enableSignup) throw new AuthError(422, 'signup_disabled', 'Signups not allowed for this instance');
  const b = await jsonBody(r, 'SignupParams');
  if (b.email != null) validateEmail(b.email);
  return deps.tx(async (c) => {
    if (typeof b.email === 'string' && (await userByEmail(c, b.email))) throw new AuthError(422, 'user_already_exists', 'User already registered');
    const user = await createUser(c, {
      email: b.email as string, password: b.password as string, emailConfirmed: true,
      userMetadata: (b.data as Record<string, unknown>) ?? {},
    });
    return { status: 200, body: await startSession(c, deps, user, clientMeta(r.req)) };
  });
}

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

async function recover(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  const b = await jsonBody(r, 'RecoverParams');
  if (typeof b.email !== 'string' || !b.email) throw new AuthError(422, 'validation_failed', 'Password recovery requires an email');
  validateEmail(b.email);
  const redirect = r.search.get('redirect_to') ?? deps.siteUrl;
  // counted for unknown addresses too (GoTrue counts only sent mails), so a 429 does not tell
  // which addresses have accounts
  deps.rateLimiter?.checkEmailSend();
  await deps.tx(async (c) => {
    const u = await userByEmail(c, b.email as string);
    if (!u || u.deleted_at) return;
    const tokenValue = randomBytes(24).toString('hex');
    await c.query('update auth.users set recovery_token = $2, recovery_sent_at = now() where id = $1', [u.id, hashToken(tokenValue)]);
    const link = `${deps.apiUrl()}/auth/v1/verify?token=${tokenValue}&type=recovery&redirect_to=${encodeURIComponent(redirect)}`;
    deps.log(`auth: password recovery link for ${u.email}: ${link}`);
  });
  // same answer whether or not the address exists
  return { status: 200, body: {} };
}

async function verify(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  const b = r.method === 'POST' ? await jsonBody(r, 'VerifyParams') : Object.fromEntries(r.search);
  const tokenValue = String(b.token_hash ?? b.token ?? '');
  if (b.type !== 'recovery' || !tokenValue) throw new AuthError(400, 'validation_failed', 'Only recovery links are verified locally');
  const session = await deps.tx(async (c) => {
    const { rows } = await c.query(
      `update auth.users set recovery_token = '', recovery_sent_at = null
       where recovery_token = $1 and recovery_sent_at > now() - interval '1 hour' returning id`,
      [hashToken(tokenValue)],
    );
    if (!rows[0]) throw new AuthError(403, 'otp_expired', 'Email link is invalid or has expired');
    return startSession(c, deps, (await userById(c, rows[0].id))!, clientMeta(r.req), 'otp');
  });
  if (r.method === 'POST') return { status: 200, body: session };
  const to = redirectTarget(b.redirect_to ?? deps.siteUrl, deps.siteUrl);
  const frag = new URLSearchParams({
    access_token: session.access_token, expires_at: String(session.expires_at), expires_in: String(session.expires_in),
    refresh_token: session.refresh_token, token_type: 'bearer', type: 'recovery',
  });
  return { status: 303, headers: { Location: `${to}#${frag}` } };
}

function settings(deps: AuthDeps): AuthReply {
  return {
    status: 200,
    body: {
      external: { email: true, phone: false, anonymous_users: false },
      disable_signup: !deps.enableSignup,
      mailer_autoconfirm: true,
      phone_autoconfirm: false,
      sms_provider: '',
      saml_enabled: false,
    },
  };
}

export async function handleAuth(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  const route = `${r.method} ${r.path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'POST /token':
      return token(deps, r);
    case 'GET /user':
      return getUser(deps, r);
    case 'PUT /user':
      return putUser(deps, r);
    case 'POST /logout':
      return logout(deps, r);
    case 'POST /signup':
      return signup(deps, r);
    case 'POST /recover':
      return recover(deps, r);
    case 'GET /verify':
    case 'POST /verify':
      return verify(deps, r);
    case 'GET /settings':
      return settings(deps);
    case 'GET /health':
      return { status: 200, body: { version: 'local', name: 'GoTrue', description: 'Loconomy local stand-in for Supabase Auth' } };
    case 'GET /.well-known/jwks.json':
      // HS256 only: no public keys to publish
      return { status: 200, body: { keys: [] } };
  }
  const factors = handleFactors(deps, r);
  if (factors) return factors;
  if (r.path.startsWith('/admin/')) return handleAdmin(deps, r);
  throw new AuthError(404, 'not_found', 'Not Found');
}
