// Failed and throttled password sign-ins of staff accounts, in public.audit_logs where the
// tenant's admins read everything else. Written through private.write_audit, so the rows join
// the hash chain like any other; each in its own transaction, because the sign-in's own
// transaction is rolled back.
import type pg from 'pg';
import { accountKey } from './rate-limit.ts';
import type { AuthDeps } from './context.ts';

export type SignInEvent = 'sign_in_failed' | 'sign_in_throttled';

export interface FailedSignIn {
  email: string;
  /** auth.users id when the email belongs to an account */
  authUserId?: string;
  ip?: string;
  userAgent?: string;
}

/**
 * One audit row per event when the account is staff (role admin or super_admin, or a staff
 * role); nothing for customers, providers or unknown emails. `action` is the enum's 'login'
 * (sign-in events), `metadata.event` says which; never the password.
 */
export async function auditStaffSignIn(
  c: pg.ClientBase,
  events: SignInEvent[],
  f: FailedSignIn,
  details: Record<string, unknown>,
): Promise<number> {
  if (!f.authUserId || !events.length) return 0;
  // the API's own test databases carry only the auth schema
  const { rows } = await c.query<{ ok: boolean }>(
    `select to_regclass('public.users') is not null
        and exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                     where n.nspname = 'private' and p.proname = 'write_audit') as ok`,
  );
  if (!rows[0]?.ok) return 0;
  // private.write_audit takes the address and user agent from request.headers, as every
  // audit trigger does; the caller is nobody yet, so the actor is anon
  await c.query(`select set_config('request.headers', $1, true), set_config('request.jwt.claims', $2, true)`, [
    JSON.stringify({ 'x-forwarded-for': f.ip ?? null, 'user-agent': f.userAgent ?? null }),
    JSON.stringify({ role: 'anon' }),
  ]);
  const { rowCount } = await c.query(
    `select private.write_audit('login'::public.audit_action, 'users', u.id::text, null, null,
              jsonb_build_object('event', e.event, 'email', $2::text, 'auth_user_id', u.auth_user_id) || $3::jsonb,
              u.tenant_id)
       from public.users u, unnest($4::text[]) with ordinality as e(event, n)
      where u.auth_user_id = $1 and u.deleted_at is null
        and (u.role::text in ('admin', 'super_admin') or u.staff_role is not null)
      order by e.n`,
    [f.authUserId, accountKey(f.email), JSON.stringify(details), events],
  );
  return rowCount ?? 0;
}

/**
 * Counts a wrong password against the account's throttle and audits it for staff. Never
 * throws: the caller is about to answer 400 invalid_credentials whatever happens here.
 */
export async function recordFailedSignIn(deps: AuthDeps, f: FailedSignIn): Promise<void> {
  const limiter = deps.rateLimiter;
  const key = accountKey(f.email);
  if (!key) return;
  const { failures, throttled } = limiter ? limiter.accounts.fail(key) : { failures: 1, throttled: false };
  const events: SignInEvent[] = throttled ? ['sign_in_failed', 'sign_in_throttled'] : ['sign_in_failed'];
  const details: Record<string, unknown> = { reason: 'invalid_credentials', failures_in_window: failures };
  if (throttled && limiter) {
    Object.assign(details, { throttle_after_failures: limiter.limits.accountFailures, throttle_window_seconds: limiter.limits.accountWindowSeconds });
  }
  try {
    if (f.authUserId) await deps.tx((c) => auditStaffSignIn(c, events, f, details));
  } catch (err) {
    deps.log(`auth: could not audit a failed sign-in for ${key}: ${(err as Error).message}`);
  }
}
