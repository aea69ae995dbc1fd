// /auth/v1/admin/users: staff management with the service-role key only.
import { callerClaims, jsonBody, type AuthDeps, type AuthReply, type AuthRequest } from './context.ts';
import { AuthError, notAdmin, userNotFound } from './errors.ts';
import { createUser, hashPassword, mergeMetadata, userById, userJson, type UserRow } from './users.ts';
import { checkUuid, pageParam, validateEmail } from './validate.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Go-style durations as GoTrue's ban_duration takes them: "24h", "1h30m", "90s", or "none". */
export function banUntil(duration: unknown): Date | null | undefined {
  if (duration === undefined) return undefined;
  if (duration === 'none') return null;
  const m = typeof duration === 'string' ? duration.match(/(\d+(?:\.\d+)?)(h|m|s|ms)/g) : null;
  if (!m || m.join('') !== duration) throw new AuthError(400, 'validation_failed', 'invalid format for ban duration');
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  const ms = m.reduce((sum, part) => {
    const [, n, u] = /^([\d.]+)(h|m|s|ms)$/.exec(part)!;
    return sum + Number(n) * unit[u];
  }, 0);
  const until = new Date(Date.now() + ms);
  // Go's ParseDuration refuses what overflows int64 nanoseconds (~292 years); Date would be NaN
  if (!(ms < 2 ** 63 / 1e6) || Number.isNaN(until.getTime())) throw new AuthError(400, 'validation_failed', 'invalid format for ban duration');
  return until;
}

async function list(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  const page = pageParam(r.search.get('page'), 1);
  const perPage = pageParam(r.search.get('per_page'), 50, 1000);
  return deps.tx(async (c) => {
    const { rows: total } = await c.query('select count(*)::int as n from auth.users');
    const { rows } = await c.query('select id from auth.users order by created_at desc, id limit $1 offset $2', [perPage, (page - 1) * perPage]);
    const users = [];
    for (const row of rows) users.push(await userJson(c, (await userById(c, row.id))!));
    const n: number = total[0].n;
    const last = Math.max(1, Math.ceil(n / perPage));
    const links = [];
    if (page < last) links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
    links.push(`</admin/users?page=${last}&per_page=${perPage}>; rel="last"`);
    return { status: 200, body: { users, aud: 'authenticated' }, headers: { 'X-Total-Count': String(n), Link: links.join(', ') } };
  });
}

async function update(deps: AuthDeps, id: string, b: Record<string, unknown>): Promise<AuthReply> {
  return deps.tx(async (c) => {
    const u: UserRow | undefined = await userById(c, id);
    if (!u) throw userNotFound();
    const sets: string[] = [];
    const vals: unknown[] = [id];
    const set = (col: string, v: unknown) => {
      vals.push(v);
      sets.push(`${col} = $${vals.length}`);
    };
    if (typeof b.email === 'string') set('email', b.email.toLowerCase());
    if (typeof b.phone === 'string') set('phone', b.phone);
    if (b.password !== undefined) set('encrypted_password', await hashPassword(b.password));
    if (b.email_confirm === true) set('email_confirmed_at', new Date());
    if (typeof b.role === 'string') set('role', b.role);
    if (b.user_metadata && typeof b.user_metadata === 'object') set('raw_user_meta_data', mergeMetadata(u.raw_user_meta_data, b.user_metadata as Record<string, unknown>));
    if (b.app_metadata && typeof b.app_metadata === 'object') set('raw_app_meta_data', mergeMetadata(u.raw_app_meta_data, b.app_metadata as Record<string, unknown>));
    const ban = banUntil(b.ban_duration);
    if (ban !== undefined) set('banned_until', ban);
    if (sets.length) await c.query(`update auth.users set ${sets.join(', ')}, updated_at = now() where id = $1`, vals);
    // a ban ends the user's sessions at once
    if (ban) await c.query('delete from auth.sessions where user_id = $1', [id]);
    return { status: 200, body: await userJson(c, (await userById(c, id))!) };
  });
}

export async function handleAdmin(deps: AuthDeps, r: AuthRequest): Promise<AuthReply> {
  const claims = await callerClaims(deps, r.req);
  if (claims.role !== 'service_role' && claims.role !== 'supabase_admin') throw notAdmin();
  const parts = r.path.split('/').filter(Boolean); // ['admin', 'users', id?]
  if (parts[1] !== 'users' || parts.length > 3) throw new AuthError(404, 'not_found', 'Not Found');
  const id = parts[2];
  if (id !== undefined && !UUID.test(id)) throw userNotFound();
  if (!id && r.method === 'GET') return list(deps, r);
  if (!id && r.method === 'POST') {
    const b = await jsonBody(r, 'AdminUserParams');
    if (b.id != null) checkUuid(b.id, 'id');
    if (b.email != null) validateEmail(b.email);
    return deps.tx(async (c) => {
      const user = await createUser(c, {
        id: typeof b.id === 'string' ? b.id : undefined,
        email: b.email as string | undefined,
        phone: b.phone as string | undefined,
        password: b.password as string | undefined,
        emailConfirmed: b.email_confirm === true,
        userMetadata: b.user_metadata as Record<string, unknown> | undefined,
        appMetadata: b.app_metadata as Record<string, unknown> | undefined,
        role: b.role as string | undefined,
        bannedUntil: banUntil(b.ban_duration) ?? null,
      });
      return { status: 200, body: await userJson(c, user) };
    });
  }
  if (id && r.method === 'GET') {
    return deps.tx(async (c) => {
      const u = await userById(c, id);
      if (!u) throw userNotFound();
      return { status: 200, body: await userJson(c, u) };
    });
  }
  if (id && r.method === 'PUT') {
    const b = await jsonBody(r, 'AdminUserParams');
    if (b.email != null) validateEmail(b.email);
    return update(deps, id, b);
  }
  if (id && r.method === 'DELETE') {
    const b = await jsonBody(r, 'adminUserDeleteParams');
    return deps.tx(async (c) => {
      if (!(await userById(c, id))) throw userNotFound();
      if (b.should_soft_delete === true) {
        // what GoTrue's soft delete keeps: the row, without ways to sign in or be found
        await c.query('delete from auth.sessions where user_id = $1', [id]);
        await c.query('delete from auth.identities where user_id = $1', [id]);
        await c.query(`update auth.users set deleted_at = now(), email = null, phone = null, encrypted_password = '', updated_at = now() where id = $1`, [id]);
      } else {
        await c.query('delete from auth.users where id = $1', [id]);
      }
      return { status: 200, body: {} };
    });
  }
  throw new AuthError(405, 'method_not_allowed', 'Method Not Allowed');
}
