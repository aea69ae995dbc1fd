-- What a user is to the targeting constraints was written twice — once for one user
-- (flag_user_context: my_feature_flags, evaluate_feature_flags) and once for a whole tenant
-- (flag_tenant_contexts: the change preview) — so a new context field could reach one and not
-- the other, and the preview would then disagree with the real evaluation. Both now build it
-- with private.flag_context from the user's row and profile.

create function private.flag_context(p_user public.users, p_profile public.user_profiles)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'userId', p_user.id::text,
    'tenantId', p_user.tenant_id::text,
    'role', p_user.role::text,
    'email', p_user.email,
    'emailDomain', nullif(lower(split_part(p_user.email, '@', 2)), ''),
    'signupDate', to_char(p_user.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'city', nullif(p_profile.address ->> 'city', ''),
    'region', (select jsonb_agg(g.code order by g.code) from public.regions g
                where p_profile.location is not null and g.boundary is not null
                  and extensions.st_covers(g.boundary, p_profile.location)),
    'currentTime', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
$$;
revoke all on function private.flag_context(public.users, public.user_profiles) from public, anon, authenticated;

create or replace function private.flag_user_context(p_user_id uuid)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select private.flag_context(u, p)
    from public.users u left join public.user_profiles p on p.user_id = u.id
   where u.id = p_user_id
$$;

create or replace function private.flag_tenant_contexts(p_tenant_id uuid)
returns table (user_id uuid, context jsonb)
language sql stable security definer
set search_path = ''
as $$
  select u.id, private.flag_context(u, p)
    from public.users u left join public.user_profiles p on p.user_id = u.id
   where u.tenant_id = p_tenant_id and u.deleted_at is null and u.status = 'active'
$$;
