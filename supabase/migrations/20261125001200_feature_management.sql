-- Feature management: per-tenant feature flags (rollout percentage, weighted variants,
-- targeting rules, kill switch) and per-user overrides. Rolling out and killing are staff
-- actions through RPCs (feature_flags.manage, audited); descriptive edits are plain updates.

-- Enums -------------------------------------------------------------------------------
-- (none)

-- Tables ------------------------------------------------------------------------------
-- variants: [] or [{"key": "control", "weight": 50}, {"key": "treatment", "weight": 50}] —
-- distinct keys, whole non-negative weights summing to 100
create function private.feature_flag_variants_valid(p_variants jsonb)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_item jsonb;
  v_total numeric := 0;
  v_keys text[] := '{}';
begin
  if p_variants is null or jsonb_typeof(p_variants) <> 'array' then
    return false;
  end if;
  if jsonb_array_length(p_variants) = 0 then
    return true;
  end if;
  for v_item in select value from jsonb_array_elements(p_variants) loop
    if jsonb_typeof(v_item) <> 'object'
       or jsonb_typeof(v_item -> 'key') is distinct from 'string'
       or jsonb_typeof(v_item -> 'weight') is distinct from 'number'
       or (v_item ->> 'key') !~ '^[a-z][a-z0-9_-]{0,39}$'
       or (v_item ->> 'weight')::numeric < 0
       or (v_item ->> 'weight')::numeric <> trunc((v_item ->> 'weight')::numeric)
       or (v_item ->> 'key') = any (v_keys) then
      return false;
    end if;
    v_keys := v_keys || (v_item ->> 'key');
    v_total := v_total + (v_item ->> 'weight')::numeric;
  end loop;
  return v_total = 100;
end;
$$;
revoke all on function private.feature_flag_variants_valid(jsonb) from public, anon;
-- evaluated by the check constraint as the inserting role
grant execute on function private.feature_flag_variants_valid(jsonb) to authenticated, service_role;

create table public.feature_flags (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null default private.current_tenant_id() references public.tenants (id),
  key text not null check (key ~ '^[a-z][a-z0-9_.-]{1,63}$'),
  name text not null check (char_length(name) between 1 and 120),
  description text check (char_length(description) <= 2000),
  is_enabled boolean not null default false,
  rollout_percentage integer not null default 0 check (rollout_percentage between 0 and 100),
  variants jsonb not null default '[]'
    constraint feature_flags_variants_check check (private.feature_flag_variants_valid(variants)),
  targeting_rules jsonb not null default '{}' check (jsonb_typeof(targeting_rules) = 'object'),
  kill_switch boolean not null default false,
  killed_at timestamptz,
  killed_by uuid references public.users (id) on delete set null,
  kill_reason text,
  created_by uuid default private.current_user_id() references public.users (id) on delete set null,
  updated_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint feature_flags_key_per_tenant unique (tenant_id, key),
  constraint feature_flags_killed_check check (not kill_switch or (killed_at is not null and not is_enabled))
);
comment on table public.feature_flags is 'Per-tenant flags. Change is_enabled/rollout_percentage/kill_switch only through set_feature_flag_rollout, kill_feature_flag and revive_feature_flag.';

create table public.user_feature_flags (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  user_id uuid not null references public.users (id) on delete cascade,
  flag_id uuid not null references public.feature_flags (id) on delete cascade,
  is_enabled boolean not null,
  variant text,
  reason text check (char_length(reason) <= 500),
  expires_at timestamptz,
  created_by uuid default private.current_user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_feature_flags_once unique (flag_id, user_id),
  constraint user_feature_flags_variant_check check (variant is null or is_enabled)
);
comment on column public.user_feature_flags.variant is 'Must be one of the flag''s variant keys (trigger).';

-- Indexes -----------------------------------------------------------------------------
create index feature_flags_tenant_updated_idx on public.feature_flags (tenant_id, updated_at desc);
create index feature_flags_killed_by_idx on public.feature_flags (killed_by);
create index feature_flags_created_by_idx on public.feature_flags (created_by);
create index feature_flags_updated_by_idx on public.feature_flags (updated_by);
create index feature_flags_enabled_idx on public.feature_flags (tenant_id, key) where is_enabled and not kill_switch;
create index feature_flags_targeting_idx on public.feature_flags using gin (targeting_rules jsonb_path_ops);

create index user_feature_flags_tenant_id_idx on public.user_feature_flags (tenant_id);
create index user_feature_flags_user_id_idx on public.user_feature_flags (user_id);
create index user_feature_flags_created_by_idx on public.user_feature_flags (created_by);
-- (flag_id, user_id) is served by the unique constraint

-- Grants ------------------------------------------------------------------------------
revoke all on table public.feature_flags, public.user_feature_flags from anon, authenticated;
grant select on table public.feature_flags to authenticated;
grant insert (tenant_id, key, name, description, variants, targeting_rules) on table public.feature_flags to authenticated;
grant update (name, description, variants, targeting_rules) on table public.feature_flags to authenticated;
grant delete on table public.feature_flags to authenticated;
grant select, delete on table public.user_feature_flags to authenticated;
grant insert (user_id, flag_id, is_enabled, variant, reason, expires_at) on table public.user_feature_flags to authenticated;
grant update (is_enabled, variant, reason, expires_at) on table public.user_feature_flags to authenticated;
grant all on table public.feature_flags, public.user_feature_flags to service_role;

-- Triggers ----------------------------------------------------------------------------
create trigger set_tenant before insert or update of user_id, tenant_id on public.user_feature_flags
  for each row execute function private.set_tenant_from_user('user_id');
create trigger set_updated_at before update on public.feature_flags
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.user_feature_flags
  for each row execute function private.set_updated_at();

-- feature_flags: who changed it last
create function private.feature_flags_stamp()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.updated_by := coalesce(private.current_user_id(), new.updated_by);
  if new.kill_switch and not coalesce(old.kill_switch, false) then
    new.is_enabled := false;
    new.killed_at := coalesce(new.killed_at, now());
    new.killed_by := coalesce(new.killed_by, private.current_user_id());
  end if;
  return new;
end;
$$;
revoke all on function private.feature_flags_stamp() from public, anon, authenticated;
create trigger stamp before insert or update on public.feature_flags
  for each row execute function private.feature_flags_stamp();

-- feature_flags: a variant that overrides still use cannot be removed
create function private.feature_flags_keep_used_variants()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_missing text;
begin
  select uff.variant into v_missing
    from public.user_feature_flags uff
   where uff.flag_id = new.id and uff.variant is not null
     and not exists (select 1 from jsonb_array_elements(new.variants) v where v ->> 'key' = uff.variant)
   limit 1;
  if v_missing is not null then
    raise exception 'variant "%" is still used by user overrides of flag %', v_missing, new.key
      using errcode = '23503';
  end if;
  return new;
end;
$$;
revoke all on function private.feature_flags_keep_used_variants() from public, anon, authenticated;
create trigger keep_used_variants before update of variants on public.feature_flags
  for each row execute function private.feature_flags_keep_used_variants();

-- user_feature_flags: the flag belongs to the user's tenant; the variant is one of the flag's
create function private.user_feature_flags_check()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_flag public.feature_flags;
begin
  select * into v_flag from public.feature_flags where id = new.flag_id;
  if v_flag.id is null then
    return new; -- the foreign key reports it
  end if;
  if v_flag.tenant_id <> new.tenant_id then
    raise exception 'flag % belongs to another tenant than the user', v_flag.key using errcode = '22023';
  end if;
  if new.variant is not null
     and not exists (select 1 from jsonb_array_elements(v_flag.variants) v where v ->> 'key' = new.variant) then
    raise exception 'flag % has no variant "%"', v_flag.key, new.variant using errcode = '22023';
  end if;
  new.created_by := coalesce(new.created_by, private.current_user_id());
  return new;
end;
$$;
revoke all on function private.user_feature_flags_check() from public, anon, authenticated;
-- named to run after set_tenant (triggers of one timing fire in name order)
create trigger validate before insert or update on public.user_feature_flags
  for each row execute function private.user_feature_flags_check();

create trigger audit_changes after insert or update or delete on public.feature_flags
  for each row execute function private.audit_row_change();
create trigger audit_changes after insert or update or delete on public.user_feature_flags
  for each row execute function private.audit_row_change();

-- Enable RLS --------------------------------------------------------------------------
alter table public.feature_flags enable row level security;
alter table public.user_feature_flags enable row level security;

-- Helper predicates -------------------------------------------------------------------
-- readers: feature_flags.read or feature_flags.manage (managing implies seeing), as
-- tenant_id = any (read tenants || manage tenants), one init plan each

-- deterministic bucket 0..99 of a user for a flag (same answer on every call)
create function private.feature_flag_bucket(p_flag_key text, p_salt text, p_user_id uuid)
returns integer
language sql
immutable
set search_path = ''
as $$
  select (abs(hashtextextended(p_flag_key || ':' || p_salt || ':' || p_user_id::text, 0)) % 100)::integer
$$;
revoke all on function private.feature_flag_bucket(text, text, uuid) from public, anon;
grant execute on function private.feature_flag_bucket(text, text, uuid) to authenticated, service_role;

-- Policies ----------------------------------------------------------------------------
create policy "Staff with feature_flags.read can read feature flags of their tenant" on public.feature_flags
  for select to authenticated using (tenant_id = any (((select private.staff_tenant_ids('feature_flags.read')) || (select private.staff_tenant_ids('feature_flags.manage')))::uuid[]));
create policy "Staff with feature_flags.manage can create feature flags for their tenant" on public.feature_flags
  for insert to authenticated with check (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]));
create policy "Staff with feature_flags.manage can edit feature flags of their tenant" on public.feature_flags
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]));
create policy "Staff with feature_flags.manage can delete feature flags of their tenant" on public.feature_flags
  for delete to authenticated using (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]));

create policy "Users can read their own feature flag overrides" on public.user_feature_flags
  for select to authenticated using (user_id = (select private.current_user_id()));
create policy "Staff with feature_flags.read can read overrides of their tenant" on public.user_feature_flags
  for select to authenticated using (tenant_id = any (((select private.staff_tenant_ids('feature_flags.read')) || (select private.staff_tenant_ids('feature_flags.manage')))::uuid[]));
create policy "Staff with feature_flags.manage can add overrides in their tenant" on public.user_feature_flags
  for insert to authenticated with check (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]));
create policy "Staff with feature_flags.manage can change overrides of their tenant" on public.user_feature_flags
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]));
create policy "Staff with feature_flags.manage can remove overrides of their tenant" on public.user_feature_flags
  for delete to authenticated using (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]));

-- RPCs --------------------------------------------------------------------------------
-- the flag row for a staff action: locked, permission and tenant checked
create function private.feature_flag_for_change(p_flag_id uuid)
returns public.feature_flags
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_flag public.feature_flags;
begin
  if not private.has_permission('feature_flags.manage') then
    raise exception 'permission denied: feature_flags.manage is required' using errcode = '42501';
  end if;
  select * into v_flag from public.feature_flags where id = p_flag_id for update;
  if v_flag.id is null then
    raise exception 'feature flag % does not exist', p_flag_id using errcode = 'PT404';
  end if;
  if not private.staff_can('feature_flags.manage', v_flag.tenant_id) then
    raise exception 'permission denied: feature flag % belongs to another tenant', v_flag.key using errcode = '42501';
  end if;
  return v_flag;
end;
$$;
revoke all on function private.feature_flag_for_change(uuid) from public, anon, authenticated;

create function public.set_feature_flag_rollout(p_flag_id uuid, p_rollout_percentage integer, p_enabled boolean default true)
returns public.feature_flags
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.feature_flags := private.feature_flag_for_change(p_flag_id);
  v_after public.feature_flags;
begin
  if p_rollout_percentage is null or p_rollout_percentage not between 0 and 100 then
    raise exception 'rollout percentage must be between 0 and 100 (got %)', p_rollout_percentage
      using errcode = '22023';
  end if;
  if v_before.kill_switch and coalesce(p_enabled, false) then
    raise exception 'feature flag % is killed; revive it before rolling it out', v_before.key using errcode = 'P0001';
  end if;
  update public.feature_flags
     set rollout_percentage = p_rollout_percentage, is_enabled = coalesce(p_enabled, false)
   where id = p_flag_id
  returning * into v_after;
  perform private.write_audit('admin_action', 'feature_flags', p_flag_id::text,
    jsonb_build_object('is_enabled', v_before.is_enabled, 'rollout_percentage', v_before.rollout_percentage),
    jsonb_build_object('is_enabled', v_after.is_enabled, 'rollout_percentage', v_after.rollout_percentage),
    jsonb_build_object('rpc', 'set_feature_flag_rollout', 'key', v_after.key), v_after.tenant_id);
  return v_after;
end;
$$;
revoke all on function public.set_feature_flag_rollout(uuid, integer, boolean) from public, anon, authenticated;
grant execute on function public.set_feature_flag_rollout(uuid, integer, boolean) to authenticated, service_role;

create function public.kill_feature_flag(p_flag_id uuid, p_reason text default null)
returns public.feature_flags
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.feature_flags := private.feature_flag_for_change(p_flag_id);
  v_after public.feature_flags;
begin
  if v_before.kill_switch then
    raise exception 'feature flag % is already killed', v_before.key using errcode = 'P0001';
  end if;
  update public.feature_flags
     set kill_switch = true, is_enabled = false, killed_at = now(),
         killed_by = private.current_user_id(), kill_reason = p_reason
   where id = p_flag_id
  returning * into v_after;
  perform private.write_audit('admin_action', 'feature_flags', p_flag_id::text,
    jsonb_build_object('kill_switch', false, 'is_enabled', v_before.is_enabled),
    jsonb_build_object('kill_switch', true, 'is_enabled', false),
    jsonb_build_object('rpc', 'kill_feature_flag', 'key', v_after.key, 'reason', p_reason), v_after.tenant_id);
  return v_after;
end;
$$;
revoke all on function public.kill_feature_flag(uuid, text) from public, anon, authenticated;
grant execute on function public.kill_feature_flag(uuid, text) to authenticated, service_role;

-- clears the kill switch; the flag stays disabled until it is rolled out again
create function public.revive_feature_flag(p_flag_id uuid)
returns public.feature_flags
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.feature_flags := private.feature_flag_for_change(p_flag_id);
  v_after public.feature_flags;
begin
  if not v_before.kill_switch then
    raise exception 'feature flag % is not killed', v_before.key using errcode = 'P0001';
  end if;
  update public.feature_flags
     set kill_switch = false, killed_at = null, killed_by = null, kill_reason = null
   where id = p_flag_id
  returning * into v_after;
  perform private.write_audit('admin_action', 'feature_flags', p_flag_id::text,
    jsonb_build_object('kill_switch', true), jsonb_build_object('kill_switch', false),
    jsonb_build_object('rpc', 'revive_feature_flag', 'key', v_after.key), v_after.tenant_id);
  return v_after;
end;
$$;
revoke all on function public.revive_feature_flag(uuid) from public, anon, authenticated;
grant execute on function public.revive_feature_flag(uuid) to authenticated, service_role;

-- The caller's flags, evaluated: override (unexpired) > kill switch > enabled + targeting
-- (targeting_rules.roles / .user_ids when present) + rollout bucket; variant by weight.
create function public.my_feature_flags()
returns table (key text, enabled boolean, variant text)
language sql
stable
security definer
set search_path = ''
as $$
  with me as (
    select u.id, u.tenant_id, u.role::text as role from public.users u where u.id = private.current_user_id()
  ),
  evaluated as (
    select f.key, f.variants,
           case
             when f.kill_switch then false
             when o.id is not null then o.is_enabled
             when not f.is_enabled then false
             when f.targeting_rules ? 'roles' and not (f.targeting_rules -> 'roles') ? me.role then false
             when f.targeting_rules ? 'user_ids' and not (f.targeting_rules -> 'user_ids') ? me.id::text then false
             else private.feature_flag_bucket(f.key, 'rollout', me.id) < f.rollout_percentage
           end as enabled,
           o.variant as override_variant,
           private.feature_flag_bucket(f.key, 'variant', me.id) as variant_bucket
      from me
      join public.feature_flags f on f.tenant_id = me.tenant_id
      left join public.user_feature_flags o
        on o.flag_id = f.id and o.user_id = me.id and (o.expires_at is null or o.expires_at > now())
  )
  select e.key, e.enabled,
         case when not e.enabled then null
              when e.override_variant is not null then e.override_variant
              else (select v.value ->> 'key'
                      from jsonb_array_elements(e.variants) with ordinality v
                     where (select coalesce(sum((w.value ->> 'weight')::int), 0)
                              from jsonb_array_elements(e.variants) with ordinality w
                             where w.ordinality <= v.ordinality) > e.variant_bucket
                     order by v.ordinality limit 1)
         end
    from evaluated e
   order by e.key
$$;
revoke all on function public.my_feature_flags() from public, anon, authenticated;
grant execute on function public.my_feature_flags() to authenticated, service_role;
