-- Identity and access: tenants, users (Supabase Auth or Clerk), profiles, sessions, the
-- permission catalogue with role mappings and per-user overrides, and the hash-chained
-- audit_logs. Also the schema `private` with the helpers every other domain's policies and
-- triggers use (contract: /tmp/schema-contract.md, "Identity and staff model").
--
-- Sections: schema, enums, tables, indexes, grants, trigger functions + triggers, enable RLS,
-- helper predicates, policies, RPCs, reference data.

-- Schema private -------------------------------------------------------------------------
-- Not exposed over the API (config.toml exposes only public). authenticated needs USAGE
-- because RLS policies are evaluated as the caller and call private.* predicates.
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- Enums --------------------------------------------------------------------------------
create type public.user_role as enum ('guest', 'customer', 'provider', 'admin', 'super_admin');
create type public.user_status as enum ('active', 'inactive', 'suspended', 'pending_verification', 'banned');
create type public.verification_status as enum ('pending', 'in_review', 'verified', 'rejected');
create type public.audit_action as enum (
  'create', 'read', 'update', 'delete', 'login', 'logout', 'admin_action', 'payment', 'booking'
);
create type public.log_level as enum ('debug', 'info', 'warning', 'error', 'critical');

-- Tables -------------------------------------------------------------------------------
create table public.tenants (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(trim(name)) > 0),
  status text not null default 'active' check (status in ('active', 'suspended', 'archived')),
  default_currency char(3) not null default 'USD' check (default_currency ~ '^[A-Z]{3}$'),
  default_timezone text not null default 'UTC',
  settings jsonb not null default '{}'::jsonb check (jsonb_typeof(settings) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
comment on table public.tenants is 'Organizations sharing the platform; staff of one tenant never see another tenant''s rows.';

create table public.users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  auth_user_id uuid unique references auth.users (id) on delete set null,
  clerk_id text unique check (clerk_id is null or length(clerk_id) > 0),
  email text not null check (email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (phone is null or phone ~ '^\+?[0-9 ()-]{6,20}$'),
  full_name text,
  avatar_url text,
  role public.user_role not null default 'customer',
  staff_role text check (staff_role in ('operations', 'finance', 'product', 'support')),
  status public.user_status not null default 'active',
  verification_status public.verification_status not null default 'pending',
  email_verified_at timestamptz,
  last_sign_in_at timestamptz,
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint users_staff_role_only_for_admins check (staff_role is null or role = 'admin'),
  constraint users_has_identity check (auth_user_id is not null or clerk_id is not null or deleted_at is not null or role = 'guest')
);
comment on table public.users is 'Marketplace users and staff. Staff: role admin (optionally with staff_role) or super_admin. Identity from Supabase Auth (auth_user_id) or Clerk (clerk_id).';
comment on column public.users.staff_role is 'For role admin: operations | finance | product | support narrows the admin to that role''s permissions; null = tenant admin with every permission.';

create table public.user_profiles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references public.users (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  display_name text,
  headline text check (headline is null or length(headline) <= 160),
  bio text check (bio is null or length(bio) <= 5000),
  avatar_url text,
  date_of_birth date check (date_of_birth is null or date_of_birth > date '1900-01-01'),
  languages text[] not null default '{}',
  skills text[] not null default '{}',
  website_url text,
  social_links jsonb not null default '{}'::jsonb check (jsonb_typeof(social_links) = 'object'),
  address jsonb not null default '{}'::jsonb check (jsonb_typeof(address) = 'object'),
  location extensions.geography(point, 4326),
  timezone text not null default 'UTC',
  hourly_rate_cents bigint check (hourly_rate_cents is null or hourly_rate_cents >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  years_experience smallint check (years_experience is null or years_experience between 0 and 80),
  verification_status public.verification_status not null default 'pending',
  verified_at timestamptz,
  -- provider aggregates, maintained by the reviews triggers (not writable over the API)
  rating_average numeric(3, 2) not null default 0 check (rating_average between 0 and 5),
  rating_count integer not null default 0 check (rating_count >= 0),
  preferences jsonb not null default '{}'::jsonb check (jsonb_typeof(preferences) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.user_profiles is 'One per user, created automatically when the user is inserted.';

create table public.user_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  auth_session_id text,
  ip_address inet,
  user_agent text,
  device_type text check (device_type in ('desktop', 'mobile', 'tablet', 'other')),
  country_code char(2) check (country_code ~ '^[A-Z]{2}$'),
  started_at timestamptz not null default now(),
  last_active_at timestamptz not null default now(),
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  constraint user_sessions_end_after_start check (ended_at is null or ended_at >= started_at),
  constraint user_sessions_active_after_start check (last_active_at >= started_at)
);

create table public.permissions (
  id uuid primary key default gen_random_uuid(),
  key text not null unique check (key ~ '^[a-z_]+\.[a-z_]+$'),
  resource text generated always as (split_part(key, '.', 1)) stored,
  description text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.permissions is 'Global permission catalogue; keys are checked by private.has_permission().';

create table public.role_permissions (
  id uuid primary key default gen_random_uuid(),
  role text not null check (role in ('guest', 'customer', 'provider', 'admin', 'super_admin',
                                     'operations', 'finance', 'product', 'support')),
  permission_id uuid not null references public.permissions (id) on delete cascade,
  created_at timestamptz not null default now(),
  unique (role, permission_id)
);
comment on table public.role_permissions is 'Global mapping; role is users.staff_role when set, else users.role.';

create table public.user_permissions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  permission_id uuid not null references public.permissions (id) on delete cascade,
  kind text not null check (kind in ('grant', 'revoke')),
  reason text,
  granted_by uuid references public.users (id) on delete set null,
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, permission_id)
);
comment on table public.user_permissions is 'Per-user grants and revokes on top of the role mapping; expired rows are ignored.';

-- audit_logs: append-only and hash chained. No foreign keys on purpose: the history must
-- outlive the rows (and tenants, actors) it describes, and nothing may rewrite it.
create table public.audit_logs (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated by default as identity not null unique,
  tenant_id uuid,
  actor_id uuid,
  actor_role text,
  action public.audit_action not null,
  table_name text,
  record_id text,
  old_data jsonb,
  new_data jsonb,
  changed_columns text[],
  ip_address inet,
  user_agent text,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  prev_hash text,
  hash text not null
);
comment on table public.audit_logs is 'Append-only audit trail; hash = sha256(prev_hash || row content), chained by seq. Check with private.verify_audit_chain().';

-- the chain head, so a writer in any isolation level links to the latest committed row
create table private.audit_chain_head (
  id boolean primary key default true check (id),
  last_seq bigint,
  last_hash text
);
insert into private.audit_chain_head (id) values (true);
revoke all on private.audit_chain_head from public;

-- Indexes ------------------------------------------------------------------------------
create index tenants_created_at_idx on public.tenants (created_at desc);
create index tenants_name_trgm_idx on public.tenants using gin (name extensions.gin_trgm_ops);

create unique index users_tenant_email_key on public.users (tenant_id, lower(email));
create index users_tenant_created_at_idx on public.users (tenant_id, created_at desc);
create index users_tenant_role_idx on public.users (tenant_id, role, staff_role);
create index users_tenant_status_idx on public.users (tenant_id, status);
create index users_active_idx on public.users (tenant_id, created_at desc) where deleted_at is null and status = 'active';
create index users_email_trgm_idx on public.users using gin (email extensions.gin_trgm_ops);
create index users_full_name_trgm_idx on public.users using gin (full_name extensions.gin_trgm_ops);
create index users_staff_idx on public.users (tenant_id) where role in ('admin', 'super_admin');

create index user_profiles_tenant_id_idx on public.user_profiles (tenant_id);
create index user_profiles_location_idx on public.user_profiles using gist (location);
create index user_profiles_skills_idx on public.user_profiles using gin (skills);
create index user_profiles_rating_idx on public.user_profiles (tenant_id, rating_average desc) where rating_count > 0;

create index user_sessions_user_started_idx on public.user_sessions (user_id, started_at desc);
create index user_sessions_tenant_started_idx on public.user_sessions (tenant_id, started_at desc);
create index user_sessions_open_idx on public.user_sessions (user_id) where ended_at is null;

create index role_permissions_permission_id_idx on public.role_permissions (permission_id);

create index user_permissions_tenant_id_idx on public.user_permissions (tenant_id);
create index user_permissions_permission_id_idx on public.user_permissions (permission_id);
create index user_permissions_granted_by_idx on public.user_permissions (granted_by);

create index audit_logs_tenant_created_idx on public.audit_logs (tenant_id, created_at desc);
create index audit_logs_actor_created_idx on public.audit_logs (actor_id, created_at desc);
create index audit_logs_record_idx on public.audit_logs (table_name, record_id);
create index audit_logs_action_created_idx on public.audit_logs (action, created_at desc);
create index audit_logs_created_at_idx on public.audit_logs using brin (created_at);

-- Grants -------------------------------------------------------------------------------
revoke all on public.tenants, public.users, public.user_profiles, public.user_sessions,
  public.permissions, public.role_permissions, public.user_permissions, public.audit_logs
  from anon, authenticated, service_role;

grant select, insert, update on public.tenants to authenticated;
grant select, insert, update on public.users to authenticated;
grant select, insert, update on public.user_profiles to authenticated;
grant select, insert, update on public.user_sessions to authenticated;
grant select, insert, update, delete on public.permissions to authenticated;
grant select, insert, update, delete on public.role_permissions to authenticated;
grant select, insert, update, delete on public.user_permissions to authenticated;
grant select on public.audit_logs to authenticated;

grant all on public.tenants, public.users, public.user_profiles, public.user_sessions,
  public.permissions, public.role_permissions, public.user_permissions to service_role;
-- append-only: not even service_role may update, delete or truncate audit rows
grant select, insert on public.audit_logs to service_role;

-- Trigger functions (shared with every domain) -----------------------------------------

-- before update: keep updated_at honest
create function private.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- True when the statement runs as an API role (not service_role, not the owner or an
-- SECURITY DEFINER function). Guards use it: RPCs and the backend may do more than a client.
create function private.is_api_client() returns boolean
language sql stable
set search_path = ''
as $$
  select current_user in ('authenticated', 'anon')
$$;

create function private.tenant_of_user(user_id uuid) returns uuid
language sql stable security definer
set search_path = ''
as $$
  select u.tenant_id from public.users u where u.id = tenant_of_user.user_id
$$;

-- before insert or update of <user column>: tenant_id := the owning user's tenant.
-- TG_ARGV[0] names the user column (default user_id). Overrides whatever the client sent,
-- so nobody can file a row under another tenant.
create function private.set_tenant_from_user() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user uuid := (to_jsonb(new) ->> coalesce(tg_argv[0], 'user_id'))::uuid;
  v_tenant uuid;
begin
  if v_user is not null then
    v_tenant := private.tenant_of_user(v_user);
    if v_tenant is null then
      raise exception 'user % does not exist', v_user using errcode = '23503';
    end if;
    new := jsonb_populate_record(new, jsonb_build_object('tenant_id', v_tenant));
  end if;
  return new;
end
$$;

-- the content hash of one audit row, given the previous row's hash
create function private.audit_log_hash(prev_hash text, r public.audit_logs) returns text
language sql stable
set search_path = ''
as $$
  select encode(sha256(convert_to(coalesce(prev_hash, '') || jsonb_build_array(
    r.seq, r.id, r.tenant_id, r.actor_id, r.actor_role, r.action, r.table_name, r.record_id,
    r.old_data, r.new_data, r.changed_columns, r.ip_address, r.user_agent, r.metadata,
    extract(epoch from r.created_at)
  )::text, 'UTF8')), 'hex')
$$;

-- before insert on audit_logs: serialize writers, take the next seq, link to the head
create function private.audit_logs_chain() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_prev text;
  v_last_seq bigint;
begin
  perform pg_advisory_xact_lock(7301202611250001);  -- one chain, one writer at a time
  select h.last_hash, h.last_seq into v_prev, v_last_seq from private.audit_chain_head h where h.id for update;
  -- the identity default was drawn before the lock; if a concurrent writer committed a later
  -- one first (or the caller supplied a value), draw again so seq follows chain order
  if new.seq is null or new.seq <= coalesce(v_last_seq, 0)
     or new.seq > coalesce(pg_sequence_last_value('public.audit_logs_seq_seq'::regclass), 0) then
    new.seq := nextval('public.audit_logs_seq_seq'::regclass);
  end if;
  new.created_at := coalesce(new.created_at, now());
  new.metadata := coalesce(new.metadata, '{}'::jsonb);
  new.prev_hash := v_prev;
  new.hash := private.audit_log_hash(v_prev, new);
  update private.audit_chain_head set last_seq = new.seq, last_hash = new.hash where id;
  return new;
end
$$;

-- before update/delete/truncate on audit_logs: append-only, even for the table owner
create function private.audit_logs_immutable() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'audit_logs is append-only (% refused)', tg_op using errcode = '42501';
end
$$;

-- JWT subject of the request (Supabase Auth uuid or Clerk id), as text
create function private.jwt_sub() returns text
language sql stable security definer
set search_path = ''
as $$
  select nullif(coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
  ), '')
$$;

-- public.users.id of the caller, for either identity provider. Never casts a Clerk id.
create function private.current_user_id() returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_sub text := private.jwt_sub();
  v_id uuid;
begin
  if v_sub is null then
    return null;
  end if;
  if v_sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    select u.id into v_id from public.users u where u.auth_user_id = v_sub::uuid and u.deleted_at is null;
    if v_id is not null then
      return v_id;
    end if;
  end if;
  select u.id into v_id from public.users u where u.clerk_id = v_sub and u.deleted_at is null;
  return v_id;
end
$$;

-- after insert/update/delete: one audit row per change. TG_ARGV lists columns left out of
-- old/new data (derived columns such as search_vector). Changes to nothing but those and
-- updated_at write no row.
create function private.audit_row_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_ignore text[] := coalesce(tg_argv::text[], '{}');
  v_old jsonb;
  v_new jsonb;
  v_row jsonb;
  v_changed text[];
  v_headers jsonb;
  v_ip inet;
  v_tenant uuid;
  v_record text;
begin
  -- bulk loads by the database owner (seed scripts) may switch auditing off; no API or app role can
  if current_setting('loconomy.skip_audit', true) = 'on' and session_user in ('postgres', 'supabase_admin') then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    v_old := to_jsonb(old) - v_ignore;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    v_new := to_jsonb(new) - v_ignore;
  end if;
  if tg_op = 'UPDATE' then
    select coalesce(array_agg(k order by k), '{}') into v_changed
      from jsonb_object_keys(v_new) k
     where v_new -> k is distinct from v_old -> k;
    if v_changed <@ array['updated_at'] then
      return null;
    end if;
  end if;
  v_row := coalesce(v_new, v_old);
  v_record := coalesce(v_row ->> 'id',
    (select string_agg(value, ',' order by key) from jsonb_each_text(v_row) where key like '%\_id'));
  v_tenant := case when tg_table_name = 'tenants' then (v_row ->> 'id')::uuid
                   else (v_row ->> 'tenant_id')::uuid end;
  begin
    v_headers := nullif(current_setting('request.headers', true), '')::jsonb;
    v_ip := nullif(trim(split_part(v_headers ->> 'x-forwarded-for', ',', 1)), '')::inet;
  exception when others then
    v_ip := null;
  end;
  insert into public.audit_logs (tenant_id, actor_id, actor_role, action, table_name, record_id,
                                 old_data, new_data, changed_columns, ip_address, user_agent)
  values (v_tenant, private.current_user_id(),
          coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role', session_user::text),
          (case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end)::public.audit_action,
          tg_table_name, v_record, v_old, v_new, v_changed, v_ip, v_headers ->> 'user-agent');
  return null;
end
$$;

-- Explicit audit entry for staff RPCs (action admin_action etc.); returns the audit row id
create function private.write_audit(
  action public.audit_action, table_name text, record_id text,
  old_data jsonb default null, new_data jsonb default null, metadata jsonb default '{}'::jsonb,
  tenant_id uuid default null
) returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  v_id uuid;
  v_headers jsonb;
  v_ip inet;
begin
  begin
    v_headers := nullif(current_setting('request.headers', true), '')::jsonb;
    v_ip := nullif(trim(split_part(v_headers ->> 'x-forwarded-for', ',', 1)), '')::inet;
  exception when others then
    v_ip := null;
  end;
  insert into public.audit_logs (tenant_id, actor_id, actor_role, action, table_name, record_id,
                                 old_data, new_data, metadata, ip_address, user_agent)
  values (coalesce(write_audit.tenant_id, private.current_tenant_id()), private.current_user_id(),
          coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role', session_user::text),
          write_audit.action, write_audit.table_name, write_audit.record_id,
          write_audit.old_data, write_audit.new_data, coalesce(write_audit.metadata, '{}'::jsonb),
          v_ip, v_headers ->> 'user-agent')
  returning id into v_id;
  return v_id;
end
$$;

-- first broken link between from_seq and to_seq (whole chain when null), or no row
create function private.verify_audit_chain(from_seq bigint default null, to_seq bigint default null)
returns table (seq bigint, expected text, actual text, problem text)
language plpgsql stable security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  r public.audit_logs;
  v_prev text;
  v_calc text;
  v_last public.audit_logs;
  v_head private.audit_chain_head;
begin
  if verify_audit_chain.from_seq is not null then
    select a.hash into v_prev from public.audit_logs a
     where a.seq < verify_audit_chain.from_seq order by a.seq desc limit 1;
  end if;
  for r in
    select * from public.audit_logs a
     where (verify_audit_chain.from_seq is null or a.seq >= verify_audit_chain.from_seq)
       and (verify_audit_chain.to_seq is null or a.seq <= verify_audit_chain.to_seq)
     order by a.seq
  loop
    if r.prev_hash is distinct from v_prev then
      return query select r.seq, v_prev, r.prev_hash, 'prev_hash does not match the previous row''s hash (row removed or altered)'::text;
      return;
    end if;
    v_calc := private.audit_log_hash(r.prev_hash, r);
    if v_calc is distinct from r.hash then
      return query select r.seq, v_calc, r.hash, 'row content does not match its hash (row altered)'::text;
      return;
    end if;
    v_prev := r.hash;
    v_last := r;
  end loop;
  -- the newest rows removed: the head remembers what the chain ended with
  if verify_audit_chain.to_seq is null then
    select * into v_head from private.audit_chain_head h where h.id;
    if v_head.last_hash is distinct from v_prev
       and (verify_audit_chain.from_seq is null or v_last.seq is not null) then
      return query select v_head.last_seq, v_head.last_hash, v_prev, 'chain ends before its recorded head (newest rows removed)'::text;
    end if;
  end if;
end
$$;

-- Helper predicates --------------------------------------------------------------------

-- effective permission keys of one user: super_admin = all; admin = role mapping of
-- coalesce(staff_role, role) + unexpired grants - unexpired revokes; non-staff = none
create function private.effective_permissions(user_id uuid) returns setof text
language sql stable security definer
set search_path = ''
as $$
  with u as (
    select x.id, x.role, x.staff_role from public.users x
     where x.id = effective_permissions.user_id
       and x.deleted_at is null and x.status = 'active' and x.role in ('admin', 'super_admin')
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

create function private.has_permission(permission text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from private.effective_permissions(private.current_user_id()) k
     where k = has_permission.permission
  )
$$;

create function private.current_tenant_id() returns uuid
language sql stable security definer
set search_path = ''
as $$
  select u.tenant_id from public.users u where u.id = private.current_user_id()
$$;

create function private.current_user_role() returns public.user_role
language sql stable security definer
set search_path = ''
as $$
  select u.role from public.users u
   where u.id = private.current_user_id() and u.status = 'active'
$$;

create function private.is_super_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.users u
     where u.id = private.current_user_id() and u.role = 'super_admin'
       and u.status = 'active' and u.deleted_at is null
  )
$$;

-- the tenants in which the caller holds `permission`: every tenant for a super admin, the
-- caller's own tenant for other staff with it, none otherwise. Policies use it as
--   tenant_id = any ((select private.staff_tenant_ids('x.y'))::uuid[])
-- which runs once per query (an init plan) and can use the tenant_id indexes.
create function private.staff_tenant_ids(permission text) returns uuid[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not private.has_permission(staff_tenant_ids.permission) then
    return '{}';
  end if;
  if private.is_super_admin() then
    return array(select t.id from public.tenants t);
  end if;
  return array[private.current_tenant_id()];
end
$$;

-- staff holding `permission` and either super_admin or in the row's tenant (for guards and
-- RPCs checking one row; in policies prefer the staff_tenant_ids form above)
create function private.staff_can(permission text, row_tenant_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(staff_can.row_tenant_id = any (private.staff_tenant_ids(staff_can.permission)), false)
$$;

-- Triggers ------------------------------------------------------------------------------

-- users: privileged columns change only with the matching permission (API callers)
create function private.guard_users() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_client() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if (new.role in ('admin', 'super_admin') or new.staff_role is not null)
       and not private.has_permission('permissions.manage') then
      raise exception 'creating staff requires permissions.manage' using errcode = '42501';
    end if;
    if new.role = 'super_admin' and not private.is_super_admin() then
      raise exception 'only a super admin can create a super admin' using errcode = '42501';
    end if;
    return new;
  end if;
  if new.tenant_id is distinct from old.tenant_id and not private.is_super_admin() then
    raise exception 'only a super admin can move a user to another tenant' using errcode = '42501';
  end if;
  if old.role = 'super_admin' and not private.is_super_admin()
     and (new.role, new.status, new.email, new.deleted_at) is distinct from (old.role, old.status, old.email, old.deleted_at) then
    raise exception 'only a super admin can change a super admin' using errcode = '42501';
  end if;
  if (new.role, new.staff_role) is distinct from (old.role, old.staff_role) then
    if not private.has_permission('permissions.manage') then
      raise exception 'changing a role requires permissions.manage' using errcode = '42501';
    end if;
    if new.role = 'super_admin' and not private.is_super_admin() then
      raise exception 'only a super admin can make a super admin' using errcode = '42501';
    end if;
    if old.id = private.current_user_id() then
      raise exception 'nobody changes their own role' using errcode = '42501';
    end if;
  end if;
  if (new.status, new.verification_status, new.auth_user_id, new.clerk_id, new.email_verified_at)
     is distinct from (old.status, old.verification_status, old.auth_user_id, old.clerk_id, old.email_verified_at)
     and not private.has_permission('users.manage') then
    raise exception 'changing status, verification or identity requires users.manage' using errcode = '42501';
  end if;
  return new;
end
$$;

-- user_profiles: aggregates are the reviews triggers' business; verification is staff's
create function private.guard_user_profiles() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_client() then
    return new;
  end if;
  if tg_op = 'UPDATE' then
    if new.user_id <> old.user_id then
      raise exception 'user_id is immutable' using errcode = '42501';
    end if;
    if (new.rating_average, new.rating_count) is distinct from (old.rating_average, old.rating_count) then
      raise exception 'rating aggregates are maintained by the database' using errcode = '42501';
    end if;
    if (new.verification_status, new.verified_at) is distinct from (old.verification_status, old.verified_at)
       and not private.has_permission('users.manage') then
      raise exception 'changing verification requires users.manage' using errcode = '42501';
    end if;
  else
    new.rating_average := 0;
    new.rating_count := 0;
    if new.verification_status <> 'pending' and not private.has_permission('users.manage') then
      raise exception 'changing verification requires users.manage' using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;

-- users: every user gets a profile
create function private.create_user_profile() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into public.user_profiles (user_id, tenant_id, display_name, avatar_url)
  values (new.id, new.tenant_id, new.full_name, new.avatar_url)
  on conflict (user_id) do nothing;
  return null;
end
$$;

-- users: a tenant move carries the user's profile, sessions and overrides along
create function private.propagate_user_tenant() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.user_profiles set tenant_id = new.tenant_id where user_id = new.id;
  update public.user_sessions set tenant_id = new.tenant_id where user_id = new.id;
  update public.user_permissions set tenant_id = new.tenant_id where user_id = new.id;
  return null;
end
$$;

-- user_permissions: record who granted it
create function private.set_granted_by() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.kind is distinct from old.kind or new.expires_at is distinct from old.expires_at then
    new.granted_by := coalesce(private.current_user_id(), new.granted_by);
  end if;
  return new;
end
$$;

create trigger set_updated_at before update on public.tenants
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.users
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.user_profiles
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.permissions
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.user_permissions
  for each row execute function private.set_updated_at();

create trigger guard_privileged_columns before insert or update on public.users
  for each row execute function private.guard_users();
create trigger create_profile after insert on public.users
  for each row execute function private.create_user_profile();
create trigger propagate_tenant after update of tenant_id on public.users
  for each row when (new.tenant_id is distinct from old.tenant_id)
  execute function private.propagate_user_tenant();

create trigger guard_privileged_columns before insert or update on public.user_profiles
  for each row execute function private.guard_user_profiles();
create trigger set_tenant before insert or update of user_id on public.user_profiles
  for each row execute function private.set_tenant_from_user('user_id');
create trigger set_tenant before insert or update of user_id on public.user_sessions
  for each row execute function private.set_tenant_from_user('user_id');
create trigger set_tenant before insert or update of user_id on public.user_permissions
  for each row execute function private.set_tenant_from_user('user_id');
create trigger set_granted_by before insert or update on public.user_permissions
  for each row execute function private.set_granted_by();

create trigger audit_changes after insert or update or delete on public.tenants
  for each row execute function private.audit_row_change();
create trigger audit_changes after insert or update or delete on public.users
  for each row execute function private.audit_row_change();
create trigger audit_changes after insert or update or delete on public.permissions
  for each row execute function private.audit_row_change();
create trigger audit_changes after insert or update or delete on public.role_permissions
  for each row execute function private.audit_row_change();
create trigger audit_changes after insert or update or delete on public.user_permissions
  for each row execute function private.audit_row_change();

create trigger chain_hash before insert on public.audit_logs
  for each row execute function private.audit_logs_chain();
create trigger append_only before update or delete on public.audit_logs
  for each row execute function private.audit_logs_immutable();
create trigger append_only_truncate before truncate on public.audit_logs
  for each statement execute function private.audit_logs_immutable();

-- Enable RLS ----------------------------------------------------------------------------
alter table public.tenants enable row level security;
alter table public.users enable row level security;
alter table public.user_profiles enable row level security;
alter table public.user_sessions enable row level security;
alter table public.permissions enable row level security;
alter table public.role_permissions enable row level security;
alter table public.user_permissions enable row level security;
alter table public.audit_logs enable row level security;

-- Function privileges --------------------------------------------------------------------
-- New functions are executable by PUBLIC; private ones must not be (anon especially).
revoke all on all functions in schema private from public, anon;
grant execute on function
  private.current_user_id(), private.current_tenant_id(), private.current_user_role(),
  private.is_super_admin(), private.has_permission(text), private.staff_can(text, uuid),
  private.staff_tenant_ids(text),
  private.tenant_of_user(uuid), private.jwt_sub(), private.is_api_client(),
  private.effective_permissions(uuid)
  to authenticated, service_role;
grant execute on function
  private.verify_audit_chain(bigint, bigint),
  private.write_audit(public.audit_action, text, text, jsonb, jsonb, jsonb, uuid)
  to service_role;

-- Policies -----------------------------------------------------------------------------
-- tenants
create policy "Members can read their own tenant" on public.tenants
  for select to authenticated
  using (id = (select private.current_tenant_id()));
create policy "Super admins can read every tenant" on public.tenants
  for select to authenticated
  using ((select private.is_super_admin()));
create policy "Super admins can create tenants" on public.tenants
  for insert to authenticated
  with check ((select private.is_super_admin()));
create policy "Staff with tenants.manage can update their tenant" on public.tenants
  for update to authenticated
  using (id = any ((select private.staff_tenant_ids('tenants.manage'))::uuid[]))
  with check (id = any ((select private.staff_tenant_ids('tenants.manage'))::uuid[]));

-- users
create policy "Users can read their own row" on public.users
  for select to authenticated
  using (id = (select private.current_user_id()));
create policy "Staff with users.read can read users of their tenant" on public.users
  for select to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('users.read'))::uuid[]));
create policy "Staff with users.manage can create users in their tenant" on public.users
  for insert to authenticated
  with check (tenant_id = any ((select private.staff_tenant_ids('users.manage'))::uuid[]));
create policy "Users can update their own row" on public.users
  for update to authenticated
  using (id = (select private.current_user_id()))
  with check (id = (select private.current_user_id()));
create policy "Staff with users.manage can update users of their tenant" on public.users
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('users.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('users.manage'))::uuid[]));

-- user_profiles
create policy "Users can read their own profile" on public.user_profiles
  for select to authenticated
  using (user_id = (select private.current_user_id()));
create policy "Staff with users.read can read profiles of their tenant" on public.user_profiles
  for select to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('users.read'))::uuid[]));
create policy "Users can create their own profile" on public.user_profiles
  for insert to authenticated
  with check (user_id = (select private.current_user_id()));
create policy "Users can update their own profile" on public.user_profiles
  for update to authenticated
  using (user_id = (select private.current_user_id()))
  with check (user_id = (select private.current_user_id()));
create policy "Staff with users.manage can update profiles of their tenant" on public.user_profiles
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('users.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('users.manage'))::uuid[]));

-- user_sessions
create policy "Users can read their own sessions" on public.user_sessions
  for select to authenticated
  using (user_id = (select private.current_user_id()));
create policy "Staff with users.read can read sessions of their tenant" on public.user_sessions
  for select to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('users.read'))::uuid[]));
create policy "Users can record their own sessions" on public.user_sessions
  for insert to authenticated
  with check (user_id = (select private.current_user_id()));
create policy "Users can update their own sessions" on public.user_sessions
  for update to authenticated
  using (user_id = (select private.current_user_id()))
  with check (user_id = (select private.current_user_id()));
create policy "Staff with users.manage can end sessions of their tenant" on public.user_sessions
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('users.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('users.manage'))::uuid[]));

-- permissions (global catalogue: readable by signed-in users, written by super admins)
create policy "Signed-in users can read the permission catalogue" on public.permissions
  for select to authenticated
  using (true);
create policy "Super admins with permissions.manage can add permissions" on public.permissions
  for insert to authenticated
  with check ((select private.is_super_admin()) and (select private.has_permission('permissions.manage')));
create policy "Super admins with permissions.manage can update permissions" on public.permissions
  for update to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('permissions.manage')))
  with check ((select private.is_super_admin()) and (select private.has_permission('permissions.manage')));
create policy "Super admins with permissions.manage can delete permissions" on public.permissions
  for delete to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('permissions.manage')));

-- role_permissions (global mapping)
create policy "Staff with users.read or permissions.manage can read role mappings" on public.role_permissions
  for select to authenticated
  using ((select private.has_permission('permissions.manage')) or (select private.has_permission('users.read')));
create policy "Super admins with permissions.manage can add role mappings" on public.role_permissions
  for insert to authenticated
  with check ((select private.is_super_admin()) and (select private.has_permission('permissions.manage')));
create policy "Super admins with permissions.manage can update role mappings" on public.role_permissions
  for update to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('permissions.manage')))
  with check ((select private.is_super_admin()) and (select private.has_permission('permissions.manage')));
create policy "Super admins with permissions.manage can delete role mappings" on public.role_permissions
  for delete to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('permissions.manage')));

-- user_permissions (per tenant; nobody edits their own overrides)
create policy "Users can read their own permission overrides" on public.user_permissions
  for select to authenticated
  using (user_id = (select private.current_user_id()));
create policy "Staff with permissions.manage can read overrides of their tenant" on public.user_permissions
  for select to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('permissions.manage'))::uuid[]));
create policy "Staff with permissions.manage can grant overrides to others in their tenant" on public.user_permissions
  for insert to authenticated
  with check (tenant_id = any ((select private.staff_tenant_ids('permissions.manage'))::uuid[]) and user_id <> (select private.current_user_id()));
create policy "Staff with permissions.manage can change overrides of others in their tenant" on public.user_permissions
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('permissions.manage'))::uuid[]) and user_id <> (select private.current_user_id()))
  with check (tenant_id = any ((select private.staff_tenant_ids('permissions.manage'))::uuid[]) and user_id <> (select private.current_user_id()));
create policy "Staff with permissions.manage can remove overrides of others in their tenant" on public.user_permissions
  for delete to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('permissions.manage'))::uuid[]) and user_id <> (select private.current_user_id()));

-- audit_logs (read only; rows without a tenant are for super admins)
create policy "Staff with audit.read can read audit logs of their tenant" on public.audit_logs
  for select to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('audit.read'))::uuid[]));

-- RPCs ---------------------------------------------------------------------------------

-- the caller's effective permission keys; what the admin UI uses to hide what RLS refuses
create function public.my_permissions() returns setof text
language sql stable security definer
set search_path = ''
as $$
  select k from private.effective_permissions(private.current_user_id()) k order by 1
$$;
revoke all on function public.my_permissions() from public, anon;
grant execute on function public.my_permissions() to authenticated, service_role;

-- Reference data: the permission catalogue and its role mappings ------------------------
insert into public.permissions (key, description) values
  ('users.read', 'See users, profiles and sessions'),
  ('users.manage', 'Create users, change status and verification, end sessions'),
  ('listings.read', 'See every listing, whatever its status'),
  ('listings.moderate', 'Approve, flag, reject, suspend and reinstate listings'),
  ('reviews.moderate', 'Hide and restore reviews, see hidden ones'),
  ('bookings.read', 'See every booking'),
  ('bookings.manage', 'Change booking status, resolve disputes, refund'),
  ('finance.read', 'See transactions, invoices, payouts, subscriptions'),
  ('finance.reconcile', 'Reconcile payouts and transactions'),
  ('feature_flags.read', 'See feature flags and overrides'),
  ('feature_flags.manage', 'Create, roll out and kill feature flags'),
  ('audit.read', 'Read the audit trail'),
  ('geo.manage', 'Edit regions and cities'),
  ('integrations.read', 'See API keys and webhooks'),
  ('integrations.manage', 'Create and revoke API keys and webhooks'),
  ('permissions.manage', 'Grant and revoke permissions, change staff roles'),
  ('reports.read', 'See the content report queue'),
  ('reports.resolve', 'Resolve content reports'),
  ('communication.read', 'Read conversations, messages and notifications'),
  ('analytics.read', 'See analytics events and dashboards'),
  ('files.read', 'See uploaded files'),
  ('referrals.manage', 'Manage referral programs, codes and rewards'),
  ('tenants.manage', 'Change the tenant''s settings'),
  ('catalog.manage', 'Edit categories and tags');

insert into public.role_permissions (role, permission_id)
select m.role, p.id
  from (values
    ('operations', array['users.read', 'listings.read', 'listings.moderate', 'reviews.moderate', 'bookings.read',
                         'bookings.manage', 'reports.read', 'reports.resolve', 'communication.read', 'files.read',
                         'audit.read']),
    ('finance', array['users.read', 'finance.read', 'finance.reconcile', 'bookings.read', 'referrals.manage',
                      'audit.read', 'analytics.read']),
    ('product', array['feature_flags.read', 'feature_flags.manage', 'analytics.read', 'users.read', 'listings.read']),
    ('support', array['users.read', 'bookings.read', 'communication.read'])
  ) as m (role, keys)
  join public.permissions p on p.key = any (m.keys)
union all
select r.role, p.id from (values ('admin'), ('super_admin')) as r (role) cross join public.permissions p;
