-- Staff two-factor sign-in. A tenant can require that its staff's permissions count only in
-- sessions that passed a second factor (Supabase Auth's aal2): the staff predicates below read
-- the JWT's `aal` claim, so an aal1 session of such a tenant's staff member is, to RLS and
-- every staff RPC, a session without permissions — whatever the UI shows.

alter table public.tenants
  add column staff_two_factor_required boolean not null default false;
comment on column public.tenants.staff_two_factor_required is
  'Staff of this tenant hold their permissions only in sessions signed in with a second factor (JWT aal = aal2).';

-- who may write it: the "Staff with tenants.manage can update their tenant" and "Super admins
-- can create tenants" policies; the column grants of 20261204000100 name every other column
grant insert (staff_two_factor_required), update (staff_two_factor_required) on public.tenants to authenticated;

-- Whether the caller's session is strong enough for the staff role of a member of `tenant_id`.
-- Only the caller's own JWT is read: the predicates below are only ever asked about the caller.
create function private.staff_session_satisfies(tenant_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((auth.jwt() ->> 'aal') = 'aal2', false)
      or not coalesce((select t.staff_two_factor_required from public.tenants t
                        where t.id = staff_session_satisfies.tenant_id), false)
$$;
revoke all on function private.staff_session_satisfies(uuid) from public;

-- As in 20261125000100_identity.sql, plus: no permissions when the user's tenant requires two
-- factors and the session has only one. Every other staff predicate (has_permission,
-- staff_tenant_ids, staff_can, my_permissions) goes through this one or is_super_admin.
create or replace function private.effective_permissions(user_id uuid) returns setof text
language sql stable security definer
set search_path = ''
as $$
  with u as (
    select x.id, x.role, x.staff_role from public.users x
     where x.id = effective_permissions.user_id
       and x.deleted_at is null and x.status = 'active' and x.role in ('admin', 'super_admin')
       and private.staff_session_satisfies(x.tenant_id)
  )
  select p.key from public.permissions p, u where u.role = 'super_admin'
  union
  (
    select p.key from u
      join public.role_permissions rp on rp.role = coalesce(u.staff_role, u.role::text)
      join public.permissions p on p.id = rp.permission_id
     where u.role = 'admin'
    union
    select p.key from u
      join public.user_permissions up on up.user_id = u.id and up.kind = 'grant'
                                      and (up.expires_at is null or up.expires_at > now())
      join public.permissions p on p.id = up.permission_id
     where u.role = 'admin'
    except
    select p.key from u
      join public.user_permissions up on up.user_id = u.id and up.kind = 'revoke'
                                      and (up.expires_at is null or up.expires_at > now())
      join public.permissions p on p.id = up.permission_id
     where u.role = 'admin'
  )
$$;

create or replace function private.is_super_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.users u
     where u.id = private.current_user_id() and u.role = 'super_admin'
       and u.status = 'active' and u.deleted_at is null
       and private.staff_session_satisfies(u.tenant_id)
  )
$$;

-- What the admin needs to know when my_permissions() is empty for a staff member: whether their
-- tenant requires a second factor and what this session has, so it can send them to enrol or
-- ask for the code instead of saying "not staff".
create function public.my_sign_in_requirements()
returns table (is_staff boolean, two_factor_required boolean, session_aal text)
language sql stable security definer
set search_path = ''
as $$
  select u.role in ('admin', 'super_admin'),
         u.role in ('admin', 'super_admin') and t.staff_two_factor_required,
         coalesce(auth.jwt() ->> 'aal', 'aal1')
    from public.users u
    join public.tenants t on t.id = u.tenant_id
   where u.id = private.current_user_id() and u.deleted_at is null
$$;
revoke all on function public.my_sign_in_requirements() from public, anon;
grant execute on function public.my_sign_in_requirements() to authenticated, service_role;
