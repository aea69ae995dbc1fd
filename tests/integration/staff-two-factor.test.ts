// Staff two-factor sign-in through the whole stack: with harbor requiring it (switched on for
// this file, with an authenticator app for its admin), the admin signed in with the password
// only (aal1) is, to RLS and the staff RPCs, nobody — until the TOTP step lifts the same
// session to aal2. Loconomy's staff are unaffected.
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthProvider } from '../../src/providers/auth-provider';
import { closeStack, DEMO_PASSWORD, newClient, PERSONAS, signInAs, sql, sqlAsSignedIn, stackEnv, TENANT } from '../helpers/stack.ts';
import { HARBOR_ADMIN_TOTP_SECRET, requireHarborTwoFactor, totpCode, verifyTotp, withFreshCode } from '../helpers/two-factor.ts';

const cleanups: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  cleanups.push(await requireHarborTwoFactor(stackEnv().dbUrl));
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await closeStack();
});

async function harborListing(): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const [{ id }] = await sql<{ id: string }>(
    `insert into public.listings (tenant_id, provider_id, title, slug, description, price_cents, status, location_type)
     select $1, u.id, $2, $3, 'two-factor integration fixture', 5000, 'active', 'remote'
       from public.users u where u.tenant_id = $1 and u.role = 'provider' and u.deleted_at is null order by u.id limit 1
     returning id`,
    [TENANT.harbor, `Two-factor listing ${tag}`, `two-factor-listing-${tag}`],
  );
  cleanups.push(() => sql('delete from public.listings where id = $1', [id]));
  return id;
}

const aalOf = async (c: SupabaseClient) => decodeJwt((await c.auth.getSession()).data.session!.access_token).aal;
const harborUsers = async () =>
  (await sql<{ n: number }>('select count(*)::int as n from public.users where tenant_id = $1', [TENANT.harbor]))[0].n;

describe('the harbor admin (tenant requires two-factor sign-in)', () => {
  let client: SupabaseClient;
  let listingId: string;
  beforeAll(async () => {
    client = await signInAs('harbor', DEMO_PASSWORD, { secondFactor: false });
    listingId = await harborListing();
  });

  it('with the password only holds an aal1 session with no permissions, and is told why', async () => {
    expect(await aalOf(client)).toBe('aal1');
    const aal = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(aal.data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal2' });
    const perms = await client.rpc('my_permissions');
    expect(perms.error).toBeNull();
    expect(perms.data).toEqual([]);
    const why = await client.rpc('my_sign_in_requirements').single();
    expect(why.data).toEqual({ is_staff: true, two_factor_required: true, session_aal: 'aal1' });
  });

  it('with the password only reads no staff rows of its tenant', async () => {
    const users = await client.from('users').select('id').eq('tenant_id', TENANT.harbor);
    expect(users.error).toBeNull();
    // RLS leaves only the admin's own row
    expect(users.data).toEqual([{ id: PERSONAS.harbor.userId }]);
    expect(await harborUsers()).toBeGreaterThan(1);
    for (const table of ['webhook_endpoints', 'audit_logs', 'api_keys'] as const) {
      const { count, error } = await client.from(table).select('id', { count: 'exact', head: true }).eq('tenant_id', TENANT.harbor);
      expect(error, table).toBeNull();
      expect(count, table).toBe(0);
    }
  });

  it('with the password only is refused a staff RPC, and nothing changes', async () => {
    const res = await client.rpc('moderate_listing', { p_listing_id: listingId, p_decision: 'reject', p_reason: 'aal1 attempt' });
    expect(res.error?.code).toBe('42501');
    expect(res.status).toBe(403);
    const [row] = await sql('select moderation_status, moderated_by from public.listings where id = $1', [listingId]);
    expect(row).toEqual({ moderation_status: 'pending', moderated_by: null });
  });

  it('after the TOTP step the same session is aal2 and gets the tenant’s staff rows and RPCs', async () => {
    const before = decodeJwt((await client.auth.getSession()).data.session!.access_token).session_id;
    await verifyTotp(client, HARBOR_ADMIN_TOTP_SECRET);
    const claims = decodeJwt((await client.auth.getSession()).data.session!.access_token);
    expect(claims).toMatchObject({ aal: 'aal2', session_id: before });

    const perms = await client.rpc('my_permissions');
    const truth = await sqlAsSignedIn<{ k: string }>('harbor', 'select k from private.effective_permissions($1) k', [PERSONAS.harbor.userId]);
    expect(truth.length).toBeGreaterThan(0);
    expect([...(perms.data as string[])].sort()).toEqual(truth.map((r) => r.k).sort());

    const users = await client.from('users').select('id', { count: 'exact', head: true }).eq('tenant_id', TENANT.harbor);
    expect(users.count).toBe(await harborUsers());
    const [{ n: endpoints }] = await sql<{ n: number }>('select count(*)::int as n from public.webhook_endpoints where tenant_id = $1', [TENANT.harbor]);
    expect(endpoints).toBeGreaterThan(0);
    expect((await client.from('webhook_endpoints').select('id', { count: 'exact', head: true }).eq('tenant_id', TENANT.harbor)).count).toBe(endpoints);

    const res = await client.rpc('moderate_listing', { p_listing_id: listingId, p_decision: 'reject', p_reason: 'aal2 decision' });
    expect(res.error).toBeNull();
    const [row] = await sql('select moderation_status, moderated_by from public.listings where id = $1', [listingId]);
    expect(row).toEqual({ moderation_status: 'rejected', moderated_by: PERSONAS.harbor.userId });
  });

  it('a refreshed session keeps aal2 and its permissions', async () => {
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    expect(decodeJwt(data.session!.access_token).aal).toBe('aal2');
    expect(((await client.rpc('my_permissions')).data as string[]).length).toBeGreaterThan(0);
  });
});

describe('the admin’s auth provider', () => {
  it('sends the harbor admin from the password to the code step, refuses a wrong code, then loads the permissions', async () => {
    const auth = createAuthProvider(newClient());
    expect(await auth.login({ email: PERSONAS.harbor.email, password: DEMO_PASSWORD })).toEqual({ success: true, redirectTo: '/two-factor' });
    expect((await auth.loadPermissions())?.keys.size).toBe(0);

    const right = totpCode(HARBOR_ADMIN_TOTP_SECRET);
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    const refused = await auth.login({ code: wrong });
    expect(refused).toMatchObject({ success: false, error: { name: 'Code not accepted', message: expect.stringMatching(/not valid/) } });

    await withFreshCode(HARBOR_ADMIN_TOTP_SECRET, async (code) => {
      const result = await auth.login({ code });
      return result.success ? { ok: true, value: result } : { ok: false, error: result.error };
    });
    const perms = await auth.loadPermissions();
    expect(perms?.keys.has('listings.moderate')).toBe(true);
  });

  it('sends loconomy staff (no factor) straight in', async () => {
    const auth = createAuthProvider(newClient());
    expect(await auth.login({ email: PERSONAS.ops.email, password: DEMO_PASSWORD })).toEqual({ success: true, redirectTo: '/' });
  });
});

describe('staff of a tenant that does not require it', () => {
  it('loconomy operations keeps its permissions in an aal1 session', async () => {
    const ops = await signInAs('ops');
    expect(await aalOf(ops)).toBe('aal1');
    const perms = await ops.rpc('my_permissions');
    expect(perms.data).toContain('listings.moderate');
    const why = await ops.rpc('my_sign_in_requirements').single();
    expect(why.data).toEqual({ is_staff: true, two_factor_required: false, session_aal: 'aal1' });
  });
});
