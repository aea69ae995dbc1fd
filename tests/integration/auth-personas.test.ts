// Every demo login through /auth/v1 with the real supabase-js client: the session and JWT it
// gets, refresh and sign-out, and the effective permissions the database reports for it.
import { afterAll, describe, expect, it } from 'vitest';
import { closeStack, DEMO_PASSWORD, newClient, PERSONA_NAMES, PERSONAS, signInAs, sql, sqlAsSignedIn, type PersonaName } from '../helpers/stack.ts';

afterAll(closeStack);

function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('sign in as each demo persona', () => {
  it.each(PERSONA_NAMES)('%s gets a session whose JWT names them', async (name) => {
    const p = PERSONAS[name];
    const client = newClient();
    const { data, error } = await client.auth.signInWithPassword({ email: p.email, password: DEMO_PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(p.authId);
    expect(data.user?.email).toBe(p.email);
    const claims = jwtClaims(data.session!.access_token);
    expect(claims).toMatchObject({ sub: p.authId, email: p.email, role: 'authenticated', aud: 'authenticated' });
    expect(typeof claims.session_id).toBe('string');
    expect(claims.exp as number).toBeGreaterThan(Date.now() / 1000);
    // the client's own view agrees with the server's
    const { data: me, error: meError } = await client.auth.getUser();
    expect(meError).toBeNull();
    expect(me.user?.id).toBe(p.authId);
  });
});

describe('wrong credentials', () => {
  it.each([
    ['a wrong password', PERSONAS.ops.email, 'not-the-password'],
    ['an unknown email', 'nobody@loconomy.test', DEMO_PASSWORD],
  ])('%s → invalid_credentials, no session, no hint which part was wrong', async (_what, email, password) => {
    const client = newClient();
    const { data, error } = await client.auth.signInWithPassword({ email, password });
    expect(data.session).toBeNull();
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('invalid_credentials');
    expect(error?.message).toBe('Invalid login credentials');
  });
});

describe('refresh and sign-out', () => {
  it('refresh rotates the refresh token and keeps the same user and session', async () => {
    const client = await signInAs('customer');
    const before = (await client.auth.getSession()).data.session!;
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    const after = data.session!;
    expect(after.refresh_token).not.toBe(before.refresh_token);
    expect(after.user.id).toBe(PERSONAS.customer.authId);
    expect(jwtClaims(after.access_token).session_id).toBe(jwtClaims(before.access_token).session_id);
    // the new access token works against the REST API
    const { error: restError } = await client.from('bookings').select('id').limit(1);
    expect(restError).toBeNull();
  });

  it('sign-out revokes the refresh token: it can no longer be exchanged', async () => {
    const client = await signInAs('provider');
    const { refresh_token } = (await client.auth.getSession()).data.session!;
    const { error } = await client.auth.signOut();
    expect(error).toBeNull();
    expect((await client.auth.getSession()).data.session).toBeNull();

    const other = newClient();
    const { data, error: refreshError } = await other.auth.refreshSession({ refresh_token });
    expect(data.session).toBeNull();
    expect(refreshError?.status).toBe(400);
    expect(refreshError?.code).toMatch(/refresh_token_not_found|refresh_token_already_used|session_not_found/);
  });
});

describe('my_permissions() per persona', () => {
  // what the seed's role mapping promises (identity migration), checked at the edges
  const expectations: Record<PersonaName, { has: string[]; lacks: string[] }> = {
    super: { has: ['permissions.manage', 'finance.reconcile', 'listings.moderate', 'feature_flags.manage', 'tenants.manage'], lacks: [] },
    ops: { has: ['listings.moderate', 'reviews.moderate', 'bookings.manage', 'reports.resolve', 'audit.read'], lacks: ['finance.reconcile', 'finance.read', 'feature_flags.manage', 'permissions.manage'] },
    finance: { has: ['finance.read', 'finance.reconcile', 'audit.read'], lacks: ['listings.moderate', 'bookings.manage', 'feature_flags.manage'] },
    product: { has: ['feature_flags.read', 'feature_flags.manage', 'listings.read'], lacks: ['listings.moderate', 'finance.read', 'integrations.manage'] },
    harbor: { has: ['integrations.manage', 'finance.reconcile', 'listings.moderate'], lacks: [] },
    customer: { has: [], lacks: ['users.read', 'listings.read'] },
    provider: { has: [], lacks: ['users.read', 'listings.read'] },
  };

  it.each(PERSONA_NAMES)('%s gets exactly its effective set', async (name) => {
    const client = await signInAs(name);
    const { data, error } = await client.rpc('my_permissions');
    expect(error).toBeNull();
    const keys = [...(data as string[])].sort();
    const truth = await sqlAsSignedIn<{ key: string }>(name, 'select k as key from private.effective_permissions($1) k order by 1', [PERSONAS[name].userId]);
    expect(keys).toEqual(truth.map((r) => r.key).sort());
    for (const k of expectations[name].has) expect(keys).toContain(k);
    for (const k of expectations[name].lacks) expect(keys).not.toContain(k);
    if (name === 'customer' || name === 'provider') expect(keys).toEqual([]);
    if (name === 'super') {
      const all = await sql<{ n: number }>('select count(*)::int as n from public.permissions');
      expect(keys).toHaveLength(all[0].n);
    }
  });

  it('anon cannot call it', async () => {
    const { data, error } = await newClient().rpc('my_permissions');
    expect(data).toBeNull();
    expect(error?.code).toBe('42501');
  });
});
