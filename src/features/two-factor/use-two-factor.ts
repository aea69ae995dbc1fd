import { useInvalidateAuthStore } from '@refinedev/core';
import type { Factor, SupabaseClient } from '@supabase/supabase-js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { supabaseClient } from '../../providers/supabase-client';

export interface SignInStatus {
  /** the session's level (aal1 after the password, aal2 after the code) */
  currentLevel: 'aal1' | 'aal2' | null;
  /** aal2 when the user has a verified factor: the code step is still to come */
  needsCode: boolean;
  /** staff of a tenant that requires two factors, without any verified factor yet */
  needsEnrolment: boolean;
  /** the caller's tenant requires two factors of its staff */
  required: boolean;
}

const STATUS_KEY = ['two-factor', 'status'] as const;
const FACTORS_KEY = ['two-factor', 'factors'] as const;

interface Requirements {
  is_staff: boolean;
  two_factor_required: boolean;
  session_aal: string;
}

/**
 * Where the signed-in user stands: supabase-js reads the level from the JWT and the factors
 * from the user; the database says whether the tenant requires two factors (it enforces that
 * itself, this only decides which page to show instead of an admin with no permissions).
 */
export async function loadSignInStatus(client: SupabaseClient): Promise<SignInStatus> {
  // signed out (a refetch racing the sign-out): nothing to ask; as anon the RPC answers 401
  const { data: current } = await client.auth.getSession();
  if (!current.session) return { currentLevel: null, needsCode: false, needsEnrolment: false, required: false };
  const [{ data: aal, error }, requirements] = await Promise.all([
    client.auth.mfa.getAuthenticatorAssuranceLevel(),
    client.rpc('my_sign_in_requirements').maybeSingle<Requirements>(),
  ]);
  if (error) throw error;
  if (requirements.error) throw requirements.error;
  const currentLevel = (aal?.currentLevel ?? null) as SignInStatus['currentLevel'];
  const needsCode = aal?.nextLevel === 'aal2' && currentLevel !== 'aal2';
  const required = !!requirements.data?.two_factor_required;
  return { currentLevel, needsCode, needsEnrolment: !needsCode && currentLevel !== 'aal2' && required, required };
}

export function useSignInStatus(client: SupabaseClient = supabaseClient) {
  return useQuery({ queryKey: STATUS_KEY, queryFn: () => loadSignInStatus(client), staleTime: 30_000 });
}

/**
 * While mounted (the code step): a verified code drops the cached status at once — supabase-js
 * announces it before the login resolves and redirects — so the admin's gate asks afresh
 * instead of sending the user back to the code step on a "needs code" it read before.
 */
export function useStatusFollowsVerification(client: SupabaseClient = supabaseClient) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const { data } = client.auth.onAuthStateChange((event) => {
      if (event === 'MFA_CHALLENGE_VERIFIED') void queryClient.resetQueries({ queryKey: STATUS_KEY });
    });
    return () => data.subscription.unsubscribe();
  }, [client, queryClient]);
}

export function useFactors(client: SupabaseClient = supabaseClient) {
  return useQuery({
    queryKey: FACTORS_KEY,
    queryFn: async (): Promise<Factor[]> => {
      const { data, error } = await client.auth.mfa.listFactors();
      if (error) throw error;
      return data.all.filter((f) => f.factor_type === 'totp');
    },
  });
}

/**
 * After the level or the factors change: the status, the factor list, and refine's identity,
 * permissions and access checks (the database answers differently at aal2) are asked again.
 */
export function useTwoFactorChanged() {
  const queryClient = useQueryClient();
  const invalidateAuth = useInvalidateAuthStore();
  return useCallback(async () => {
    await Promise.all([
      // not the enrolment page's query: refetching it would enrol yet another factor
      queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
      queryClient.invalidateQueries({ queryKey: FACTORS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['access'] }),
      invalidateAuth(),
    ]);
  }, [queryClient, invalidateAuth]);
}
