// Sanctions reach the auth service: a user operations bans loses their sessions — the refresh
// token their app holds is refused by /auth/v1/token — and cannot sign in; the access token
// already issued reads nothing of theirs but the sanction; lifting the ban lets them sign in
// again. A throwaway customer, removed afterwards.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, closeStack, newClient, serviceClient, sql, TENANT } from '../helpers/stack.ts';

const email = `sanctioned-${randomUUID().slice(0, 8)}@example.com`;
const password = `Sanction-${randomUUID()}`;
let authId: string;
let userId: string;
let ops: SupabaseClient;

beforeAll(async () => {
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password, email_confirm: true });
  if (error) throw error;
  authId = data.user.id;
  [{ id: userId }] = await sql<{ id: string }>(
    `insert into public.users (tenant_id, email, full_name, role, auth_user_id) values ($1, $2, 'Sam Sanctioned', 'customer', $3)
     returning id`,
    [TENANT.loconomy, email, authId],
  );
  ops = await clientFor('ops');
});
afterAll(async () => {
  if (userId) await sql('delete from public.users where id = $1', [userId]);
  if (authId) await serviceClient().auth.admin.deleteUser(authId);
  await closeStack();
});

describe('a ban', () => {
  it('ends the user’s sessions and refuses their refresh token and their password until it is lifted', async () => {
    const app = newClient();
    const signedIn = await app.auth.signInWithPassword({ email, password });
    expect(signedIn.error).toBeNull();
    const refreshToken = signedIn.data.session!.refresh_token;
    // what the app reads with its access token: the user's own row
    const own = () => app.from('users').select('id').eq('id', userId);
    expect((await own()).data).toEqual([{ id: userId }]);

    const ban = await ops.rpc('sanction_user', { p_user_id: userId, p_kind: 'ban', p_reason: 'Payment fraud' });
    expect(ban.error).toBeNull();
    expect(ban.data).toMatchObject({ kind: 'ban', user_id: userId, previous_status: 'active' });

    const refreshed = await newClient().auth.refreshSession({ refresh_token: refreshToken });
    expect(refreshed.data.session).toBeNull();
    expect(refreshed.error).toMatchObject({ status: 400 });
    const again = await newClient().auth.signInWithPassword({ email, password });
    expect(again.data.session).toBeNull();
    expect(again.error).toMatchObject({ status: 400, code: 'user_banned' });
    // the access token already issued is still a valid JWT, but the database takes it for nobody
    // — except for reading why
    const ownWhileBanned = await own();
    expect(ownWhileBanned.error).toBeNull();
    expect(ownWhileBanned.data).toEqual([]);
    const why = await app.from('user_sanctions').select('kind, reason');
    expect(why.data).toEqual([{ kind: 'ban', reason: 'Payment fraud' }]);

    const lift = await ops.rpc('lift_user_sanction', {
      p_user_id: userId,
      p_reason: 'Chargeback was the bank’s error',
    });
    expect(lift.error).toBeNull();
    const back = await newClient().auth.signInWithPassword({ email, password });
    expect(back.error).toBeNull();
    const [row] = await sql<{ status: string }>('select status::text from public.users where id = $1', [userId]);
    expect(row.status).toBe('active');
  });
});
