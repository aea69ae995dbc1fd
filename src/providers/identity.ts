import type { SupabaseClient } from '@supabase/supabase-js';

// Who is signed in, in the marketplace's terms: the public.users row behind the auth user
// (RLS lets everyone read their own row), with the tenant's name for the header.
export interface StaffIdentity {
  /** public.users.id */
  id: string;
  authUserId: string;
  email: string;
  name: string;
  avatar?: string;
  role: 'guest' | 'customer' | 'provider' | 'admin' | 'super_admin' | null;
  staffRole: 'operations' | 'finance' | 'product' | 'support' | null;
  tenantId: string | null;
  tenantName: string | null;
  /** admin or super_admin: may use this tool */
  isStaff: boolean;
  isSuperAdmin: boolean;
}

interface UserRow {
  id: string;
  email: string;
  full_name: string | null;
  avatar_url: string | null;
  role: StaffIdentity['role'];
  staff_role: StaffIdentity['staffRole'];
  tenant_id: string;
  tenant: { name: string } | null;
}

export async function loadIdentity(client: SupabaseClient): Promise<StaffIdentity | null> {
  const { data: auth } = await client.auth.getUser();
  const user = auth.user;
  if (!user) return null;
  const { data, error } = await client
    .from('users')
    .select('id, email, full_name, avatar_url, role, staff_role, tenant_id, tenant:tenants(name)')
    .eq('auth_user_id', user.id)
    .maybeSingle<UserRow>();
  if (error) throw error;
  const meta = (user.user_metadata ?? {}) as { full_name?: string; avatar_url?: string };
  const role = data?.role ?? null;
  return {
    id: data?.id ?? user.id,
    authUserId: user.id,
    email: data?.email ?? user.email ?? '',
    name: data?.full_name ?? meta.full_name ?? data?.email ?? user.email ?? 'Unknown user',
    avatar: data?.avatar_url ?? meta.avatar_url ?? undefined,
    role,
    staffRole: data?.staff_role ?? null,
    tenantId: data?.tenant_id ?? null,
    tenantName: data?.tenant?.name ?? null,
    isStaff: role === 'admin' || role === 'super_admin',
    isSuperAdmin: role === 'super_admin',
  };
}

/** "Operations", "Finance admin", "Super admin", "Customer" … for the header. */
export function describeRole(identity: Pick<StaffIdentity, 'role' | 'staffRole'>): string {
  if (identity.role === 'super_admin') return 'Super admin';
  if (identity.role === 'admin') {
    return identity.staffRole ? `${identity.staffRole[0].toUpperCase()}${identity.staffRole.slice(1)}` : 'Tenant admin';
  }
  return identity.role ? `${identity.role[0].toUpperCase()}${identity.role.slice(1)}` : 'No role';
}
