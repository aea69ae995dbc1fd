// The second sign-in step as a staff member's authenticator app does it: a known TOTP factor
// for admin@harbor.test that the two-factor tests install (with harbor's requirement switched
// on) and remove again, the codes of that factor, and completing supabase-js's mfa challenge
// with them. The demo data leaves both off, so every demo login signs in with its password.
// Shared by the integration and end-to-end tests; no test framework here.
import * as OTPAuth from 'otpauth';
import pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';

/** The base32 secret of the TOTP factor requireHarborTwoFactor gives admin@harbor.test. */
export const HARBOR_ADMIN_TOTP_SECRET = 'HARBORADMINTOTPSECRETLOCALONLY22';
const HARBOR_TENANT = '10000000-0000-4000-8000-000000000002';
const HARBOR_ADMIN_AUTH_ID = '00000000-0000-4000-8000-100000000005';
const HARBOR_ADMIN_FACTOR_ID = '00000000-0000-4000-8000-200000000005';

/**
 * Harbor requires staff two-factor sign-in and its admin has an authenticator app (the factor
 * named "Demo authenticator", secret HARBOR_ADMIN_TOTP_SECRET), as a tenant that turned it on
 * would be. Test files run one at a time, so no other file sees this; the returned function
 * puts the demo data back.
 */
export async function requireHarborTwoFactor(dbUrl: string): Promise<() => Promise<void>> {
  const run = async (text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
  };
  await run(
    `with factor as (
       insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
       values ($1, $2, 'Demo authenticator', 'totp', 'verified', now() - interval '300 days', now() - interval '300 days', $3)
       on conflict (id) do nothing)
     update public.tenants set staff_two_factor_required = true where id = $4`,
    [HARBOR_ADMIN_FACTOR_ID, HARBOR_ADMIN_AUTH_ID, HARBOR_ADMIN_TOTP_SECRET, HARBOR_TENANT],
  );
  return () =>
    run(
      `with factor as (delete from auth.mfa_factors where id = $1)
       update public.tenants set staff_two_factor_required = false where id = $2`,
      [HARBOR_ADMIN_FACTOR_ID, HARBOR_TENANT],
    );
}

/** Demo logins whose sign-in needs a code, by email. */
export const TOTP_SECRETS: Readonly<Record<string, string>> = { 'admin@harbor.test': HARBOR_ADMIN_TOTP_SECRET };

const PERIOD_MS = 30_000;

/** The code an authenticator app shows `steps` 30-second periods from now. */
export function totpCode(secret: string, steps = 0, now = Date.now()): string {
  return new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: now + steps * PERIOD_MS,
  });
}

/**
 * Codes to try, in order, the way someone retypes one the server refused: each code is accepted
 * once (RFC 6238), and the server takes the neighbouring periods too, so after the current one
 * come the next and the previous; then wait for the next period and start again.
 */
export async function withFreshCode<T>(
  secret: string,
  attempt: (code: string) => Promise<{ ok: true; value: T } | { ok: false; error: unknown }>,
  rounds = 3,
): Promise<T> {
  let last: unknown;
  for (let round = 0; round < rounds; round++) {
    for (const steps of [0, 1, -1]) {
      const result = await attempt(totpCode(secret, steps));
      if (result.ok) return result.value;
      last = result.error;
    }
    await new Promise((r) => setTimeout(r, PERIOD_MS - (Date.now() % PERIOD_MS) + 200));
  }
  throw new Error(`no TOTP code was accepted: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}

/**
 * Completes the second factor of a client signed in with a password (aal1 → aal2); does nothing
 * for a user without a verified factor, whose sign-in has no second step.
 */
export async function verifyTotp(client: SupabaseClient, secret: string): Promise<void> {
  const { data: level } = await client.auth.mfa.getAuthenticatorAssuranceLevel();
  if (level?.nextLevel !== 'aal2' || level.currentLevel === 'aal2') return;
  const { data, error } = await client.auth.mfa.listFactors();
  if (error) throw error;
  const factor = data.totp[0];
  if (!factor) throw new Error('the signed-in user has no verified TOTP factor');
  await withFreshCode(secret, async (code) => {
    const { error: verifyError } = await client.auth.mfa.challengeAndVerify({ factorId: factor.id, code });
    if (!verifyError) return { ok: true, value: undefined };
    if (verifyError.code !== 'mfa_verification_failed') throw verifyError;
    return { ok: false, error: verifyError };
  });
}
