// auth.users rows: reading them, the JSON shape Supabase Auth returns, creating and updating.
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type pg from 'pg';
import { AuthError, weakPassword } from './errors.ts';

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  phone_confirmed_at: Date | null;
  confirmed_at?: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  banned_until: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
  invited_at: Date | null;
}

const COLS = `id, aud, role, email, phone, encrypted_password, email_confirmed_at, phone_confirmed_at, last_sign_in_at,
  raw_app_meta_data, raw_user_meta_data, banned_until, created_at, updated_at, deleted_at, is_anonymous, invited_at`;

export async function userById(c: pg.ClientBase, id: string): Promise<UserRow | undefined> {
  const { rows } = await c.query<UserRow>(`select ${COLS} from auth.users where id = $1`, [id]);
  return rows[0];
}

export async function userByEmail(c: pg.ClientBase, email: string): Promise<UserRow | undefined> {
  const { rows } = await c.query<UserRow>(
    `select ${COLS} from auth.users where lower(email) = lower($1) and is_sso_user = false order by created_at limit 1`,
    [email],
  );
  return rows[0];
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);

export async function userJson(c: pg.ClientBase, u: UserRow): Promise<Record<string, unknown>> {
  const { rows } = await c.query(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
     from auth.identities where user_id = $1 order by created_at`,
    [u.id],
  );
  const json: Record<string, unknown> = {
    id: u.id,
    aud: u.aud ?? 'authenticated',
    role: u.role ?? 'authenticated',
    email: u.email ?? '',
    email_confirmed_at: iso(u.email_confirmed_at),
    phone: u.phone ?? '',
    phone_confirmed_at: iso(u.phone_confirmed_at),
    confirmed_at: iso(u.email_confirmed_at ?? u.phone_confirmed_at),
    invited_at: iso(u.invited_at),
    last_sign_in_at: iso(u.last_sign_in_at),
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    identities: rows.map((i) => ({
      identity_id: i.id,
      id: i.provider_id,
      user_id: i.user_id,
      identity_data: i.identity_data,
      provider: i.provider,
      last_sign_in_at: iso(i.last_sign_in_at),
      created_at: iso(i.created_at),
      updated_at: iso(i.updated_at),
      email: i.email ?? undefined,
    })),
    created_at: iso(u.created_at),
    updated_at: iso(u.updated_at),
    is_anonymous: u.is_anonymous,
  };
  if (u.banned_until) json.banned_until = iso(u.banned_until);
  // supabase-js's mfa.listFactors and getAuthenticatorAssuranceLevel read these
  const { rows: factors } = await c.query(
    `select id, friendly_name, factor_type, status, created_at, updated_at, phone, last_challenged_at
     from auth.mfa_factors where user_id = $1 order by created_at`,
    [u.id],
  );
  // GoTrue omits the key when the user has none
  if (factors.length) json.factors = factors.map(factorJson);
  return json;
}

/** An auth.mfa_factors row as GoTrue's models.Factor serialises it (never the secret). */
export function factorJson(f: Record<string, unknown>): Record<string, unknown> {
  return {
    id: f.id,
    ...(f.friendly_name ? { friendly_name: f.friendly_name } : {}),
    factor_type: f.factor_type,
    status: f.status,
    created_at: iso(f.created_at as Date),
    updated_at: iso(f.updated_at as Date),
    phone: f.phone ?? '',
    last_challenged_at: iso(f.last_challenged_at as Date | null) ?? null,
  };
}

export const isBanned = (u: UserRow) => !!u.banned_until && new Date(u.banned_until).getTime() > Date.now();

export async function hashPassword(password: unknown): Promise<string> {
  if (typeof password !== 'string' || password.length < 6) throw weakPassword();
  return bcrypt.hash(password, 10);
}

export interface NewUser {
  id?: string;
  email?: string;
  password?: string;
  phone?: string;
  emailConfirmed: boolean;
  userMetadata?: Record<string, unknown>;
  appMetadata?: Record<string, unknown>;
  role?: string;
  bannedUntil?: Date | null;
}

export async function createUser(c: pg.ClientBase, n: NewUser): Promise<UserRow> {
  const email = n.email?.trim().toLowerCase();
  if (!email && !n.phone) throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format');
  if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) throw new AuthError(400, 'email_address_invalid', 'Unable to validate email address: invalid format');
  if (email && (await userByEmail(c, email))) {
    throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
  }
  const hash = n.password !== undefined ? await hashPassword(n.password) : null;
  const id = n.id ?? randomUUID();
  const app = { provider: 'email', providers: ['email'], ...(n.appMetadata ?? {}) };
  await c.query(
    `insert into auth.users (instance_id, id, aud, role, email, phone, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, banned_until, created_at, updated_at, is_sso_user, is_anonymous)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, $3, $4, $5,
       case when $6::boolean then now() end, $7, $8, $9, now(), now(), false, false)`,
    [id, n.role ?? 'authenticated', email ?? null, n.phone ?? null, hash, n.emailConfirmed, app, n.userMetadata ?? {}, n.bannedUntil ?? null],
  );
  if (email) {
    await c.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
       values ($1, $2, $3, 'email', now(), now())`,
      [id, id, { sub: id, email, email_verified: n.emailConfirmed, phone_verified: false }],
    );
  }
  return (await userById(c, id))!;
}

/** GoTrue merges metadata key by key; a null value removes the key. */
export function mergeMetadata(current: Record<string, unknown> | null, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}
