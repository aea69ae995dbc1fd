import type { AuthProvider } from '@refinedev/core';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { StaffPermissions } from '../resources/permissions';
import { twoFactorErrorMessage } from '../features/two-factor/messages';
import { TWO_FACTOR_CODE_PATH } from '../features/two-factor/paths';
import { loadIdentity, type StaffIdentity } from './identity';

/** What the sign-in form sends: the password step, or the code step that follows it. */
export type LoginParams = { email: string; password: string } | { code: string };

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; status?: number } | null;
  return e?.statusCode ?? e?.status;
}

// Staff sign in with Supabase Auth; the session lives in supabase-js (which refreshes it),
// so every data request carries the user's JWT and PostgreSQL's RLS decides what it may see.
export type StaffAuthProvider = AuthProvider & { loadPermissions: () => Promise<StaffPermissions | null> };

export function createAuthProvider(client: SupabaseClient): StaffAuthProvider {
  // Identity and permissions are asked for by many components at once; one request per
  // signed-in user is enough. The cache is keyed by the auth user and dropped on sign-out.
  let cached: {
    authUserId: string;
    identity: Promise<StaffIdentity | null>;
    permissions?: Promise<StaffPermissions>;
  } | null = null;

  async function identity(): Promise<StaffIdentity | null> {
    const { data } = await client.auth.getSession();
    const authUserId = data.session?.user.id;
    if (!authUserId) {
      cached = null;
      return null;
    }
    if (cached?.authUserId !== authUserId) {
      const pending = loadIdentity(client);
      cached = { authUserId, identity: pending };
      pending.catch(() => (cached = null));
    }
    return cached.identity;
  }

  async function loadPermissions(): Promise<StaffPermissions | null> {
    const who = await identity();
    if (!who || !cached) return null;
    if (!cached.permissions) {
      cached.permissions = (async () => {
        const { data, error } = await client.rpc('my_permissions');
        if (error) throw error;
        return { keys: new Set(data as string[]), superAdmin: who.isSuperAdmin };
      })();
    }
    return cached.permissions;
  }

  client.auth.onAuthStateChange((event) => {
    // at aal2 the database grants what it withheld at aal1 (tenants requiring two factors)
    if (event === 'SIGNED_OUT' || event === 'SIGNED_IN' || event === 'USER_UPDATED' || event === 'MFA_CHALLENGE_VERIFIED') {
      cached = null;
    }
  });

  // The second step (Supabase Auth MFA): the code from the user's authenticator app lifts the
  // session to aal2. A code is tried against each verified TOTP factor, in case there are two apps.
  async function verifyCode(code: string) {
    const { data, error } = await client.auth.mfa.listFactors();
    if (error) return { success: false, error: { name: 'Sign-in failed', message: error.message } };
    if (!data.totp.length) {
      return { success: false, error: { name: 'Sign-in failed', message: 'This account has no authenticator app set up.' } };
    }
    let refused: { code?: string; message: string } | undefined;
    for (const factor of data.totp) {
      const verified = await client.auth.mfa.challengeAndVerify({ factorId: factor.id, code });
      if (!verified.error) {
        cached = null;
        return { success: true, redirectTo: '/' };
      }
      refused = verified.error;
    }
    const message = refused ? twoFactorErrorMessage(refused) : 'The code was not accepted.';
    return { success: false, error: { name: 'Code not accepted', message } };
  }

  return {
    login: async (params: LoginParams) => {
      if ('code' in params) return verifyCode(params.code);
      const { data, error } = await client.auth.signInWithPassword({ email: params.email, password: params.password });
      if (error || !data.session) {
        return { success: false, error: { name: 'Sign-in failed', message: error?.message ?? 'No session returned' } };
      }
      cached = null;
      // a verified factor means the password was only the first step (nextLevel aal2 > aal1)
      const { data: aal } = await client.auth.mfa.getAuthenticatorAssuranceLevel();
      if (aal?.nextLevel === 'aal2' && aal.currentLevel !== 'aal2') return { success: true, redirectTo: TWO_FACTOR_CODE_PATH };
      return { success: true, redirectTo: '/' };
    },
    logout: async () => {
      const { error } = await client.auth.signOut();
      cached = null;
      if (error) return { success: false, error };
      return { success: true, redirectTo: '/login' };
    },
    forgotPassword: async ({ email }) => {
      const { error } = await client.auth.resetPasswordForEmail(email, {
        redirectTo: `${window.location.origin}/update-password`,
      });
      if (error) return { success: false, error };
      return {
        success: true,
        successNotification: { message: 'If the address is known, a reset link is on its way.' },
      };
    },
    check: async () => {
      // getSession refreshes an expired access token with the refresh token when it can.
      const { data, error } = await client.auth.getSession();
      if (data.session && !error) return { authenticated: true };
      return { authenticated: false, redirectTo: '/login', logout: true };
    },
    getIdentity: async () => identity(),
    getPermissions: async () => loadPermissions(),
    loadPermissions,
    onError: async (error) => {
      const status = statusOf(error);
      if (status === 401) return { logout: true, redirectTo: '/login', error };
      if (status === 403) {
        return {
          error: { name: 'Not allowed', message: 'You do not have permission for this. Ask an admin if you need it.' },
        };
      }
      return {};
    },
  };
}
