import type { AuthProvider } from '@refinedev/core';
import type { SupabaseClient } from '@supabase/supabase-js';

// Staff sign in with Supabase Auth; the session lives in supabase-js, so every data request
// carries the user's JWT and PostgreSQL's RLS decides what it may see.
export function createAuthProvider(client: SupabaseClient): AuthProvider {
  return {
    login: async ({ email, password }) => {
      const { data, error } = await client.auth.signInWithPassword({ email, password });
      if (error || !data.session) {
        return { success: false, error: { name: 'Sign-in failed', message: error?.message ?? 'No session returned' } };
      }
      return { success: true, redirectTo: '/' };
    },
    logout: async () => {
      const { error } = await client.auth.signOut();
      if (error) return { success: false, error };
      return { success: true, redirectTo: '/login' };
    },
    forgotPassword: async ({ email }) => {
      const { error } = await client.auth.resetPasswordForEmail(email, {
        redirectTo: `${window.location.origin}/update-password`,
      });
      if (error) return { success: false, error };
      return { success: true, successNotification: { message: 'If the address is known, a reset link is on its way.' } };
    },
    check: async () => {
      const { data } = await client.auth.getSession();
      if (data.session) return { authenticated: true };
      return { authenticated: false, redirectTo: '/login', logout: true };
    },
    getIdentity: async () => {
      const { data } = await client.auth.getUser();
      if (!data.user) return null;
      const meta = data.user.user_metadata ?? {};
      return { id: data.user.id, email: data.user.email, name: meta.full_name ?? data.user.email, avatar: meta.avatar_url };
    },
    getPermissions: async () => null,
    onError: async (error) => {
      const status = error?.statusCode ?? error?.status;
      if (status === 401) return { logout: true, redirectTo: '/login', error };
      return { error };
    },
  };
}
