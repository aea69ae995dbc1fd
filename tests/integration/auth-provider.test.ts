// The app's auth provider over a real Supabase Auth session: who each persona is, what the
// database says they may do, and how errors from the API are handled.
import { afterAll, describe, expect, it } from 'vitest';
import { createAuthProvider } from '../../src/providers/auth-provider';
import { describeRole } from '../../src/providers/identity';
import { closeStack, DEMO_PASSWORD, newClient, PERSONAS, signInAs, sql, sqlAsSignedIn, type PersonaName } from '../helpers/stack';

afterAll(closeStack);

const expected: Record<PersonaName, { role: string; staff: boolean; tenant: string }> = {
  super: { role: 'Super admin', staff: true, tenant: 'loconomy' },
  ops: { role: 'Operations', staff: true, tenant: 'loconomy' },
  finance: { role: 'Finance', staff: true, tenant: 'loconomy' },
  product: { role: 'Product', staff: true, tenant: 'loconomy' },
  harbor: { role: 'Tenant admin', staff: true, tenant: 'harbor' },
  customer: { role: 'Customer', staff: false, tenant: 'loconomy' },
  provider: { role: 'Provider', staff: false, tenant: 'loconomy' },
};

describe.each(Object.keys(PERSONAS) as PersonaName[])('%s', (name) => {
  it('is identified from their users row, with role and tenant', async () => {
    const auth = createAuthProvider(await signInAs(name));
    const identity = await auth.getIdentity!();
    const [truth] = await sql<{ full_name: string; email: string; tenant_name: string; slug: string }>(
      `select u.full_name, u.email, t.name as tenant_name, t.slug from public.users u join public.tenants t on t.id = u.tenant_id where u.id = $1`,
      [PERSONAS[name].userId],
    );
    expect(identity).toMatchObject({
      id: PERSONAS[name].userId,
      authUserId: PERSONAS[name].authId,
      email: truth.email,
      name: truth.full_name,
      tenantId: PERSONAS[name].tenantId,
      tenantName: truth.tenant_name,
      isStaff: expected[name].staff,
      isSuperAdmin: name === 'super',
    });
    expect(truth.slug).toContain(expected[name].tenant);
    expect(describeRole(identity as never)).toBe(expected[name].role);
  });

  it('holds exactly the permissions my_permissions() returns', async () => {
    const auth = createAuthProvider(await signInAs(name));
    const perms = await auth.loadPermissions();
    const truth = await sqlAsSignedIn<{ k: string }>(name, 'select k from private.effective_permissions($1) k', [
      PERSONAS[name].userId,
    ]);
    expect([...(perms?.keys ?? [])].sort()).toEqual(truth.map((r) => r.k).sort());
    expect(perms?.superAdmin).toBe(name === 'super');
  });
});

describe('sessions and errors', () => {
  it('signs in through login, is authenticated, and is not after logout', async () => {
    const auth = createAuthProvider(newClient());
    expect(await auth.check({})).toMatchObject({ authenticated: false, redirectTo: '/login' });
    expect(await auth.login({ email: PERSONAS.ops.email, password: DEMO_PASSWORD })).toMatchObject({ success: true });
    expect(await auth.check({})).toMatchObject({ authenticated: true });
    expect(await auth.getIdentity!()).toMatchObject({ id: PERSONAS.ops.userId });
    expect(await auth.logout({})).toMatchObject({ success: true, redirectTo: '/login' });
    expect(await auth.check({})).toMatchObject({ authenticated: false });
    expect(await auth.getIdentity!()).toBeNull();
    expect(await auth.loadPermissions()).toBeNull();
  });

  it('refuses a wrong password with Supabase Auth’s message', async () => {
    const auth = createAuthProvider(newClient());
    const result = await auth.login({ email: PERSONAS.ops.email, password: 'wrong-password' });
    expect(result.success).toBe(false);
    expect(result.error?.message).toMatch(/invalid login credentials/i);
  });

  it('forgets the previous user when another signs in on the same client', async () => {
    const auth = createAuthProvider(newClient());
    await auth.login({ email: PERSONAS.ops.email, password: DEMO_PASSWORD });
    expect(await auth.getIdentity!()).toMatchObject({ id: PERSONAS.ops.userId });
    await auth.login({ email: PERSONAS.finance.email, password: DEMO_PASSWORD });
    expect(await auth.getIdentity!()).toMatchObject({ id: PERSONAS.finance.userId });
    expect((await auth.loadPermissions())?.keys.has('finance.reconcile')).toBe(true);
  });

  it.each([
    [
      { statusCode: 401, message: 'JWT expired' },
      { logout: true, redirectTo: '/login' },
    ],
    [{ statusCode: 403, message: 'permission denied' }, { error: { name: 'Not allowed' } }],
    [{ statusCode: 500, message: 'boom' }, {}],
  ])('onError %o', async (error, outcome) => {
    const auth = createAuthProvider(newClient());
    const result = await auth.onError(error);
    expect(result).toMatchObject(outcome);
    if (!('logout' in outcome)) expect(result.logout).toBeUndefined();
  });

  it('reads a real 403 from the API as not allowed', async () => {
    const client = await signInAs('finance');
    const { error, status } = await client.rpc('set_feature_flag_rollout', {
      p_flag_id: '00000000-0000-4000-8000-000000000000',
      p_rollout_percentage: 10,
      p_note: 'test: why',
    });
    expect(error?.code).toBe('42501');
    expect(status).toBe(403);
    const result = await createAuthProvider(client).onError({ ...error, statusCode: status });
    expect(result.logout).toBeUndefined();
    expect(result.error).toMatchObject({ name: 'Not allowed' });
  });
});
