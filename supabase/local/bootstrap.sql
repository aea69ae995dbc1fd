-- What the Supabase platform gives every project before any migration runs. Migrations must
-- not create these; hosted Supabase already has them. Idempotent: roles are cluster-wide and
-- survive a database reset, schemas are per database.

-- Roles -------------------------------------------------------------------------------
do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticator') then
    -- local-only password, the same as the Supabase CLI's local stack
    create role authenticator login noinherit password 'postgres';
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- Database-level settings -------------------------------------------------------------
do $$
begin
  execute format('alter database %I set search_path = "$user", public, extensions', current_database());
end
$$;

-- Schemas -----------------------------------------------------------------------------
create schema if not exists extensions;
create schema if not exists auth;

grant usage on schema public to anon, authenticated, service_role;
grant usage on schema extensions to anon, authenticated, service_role;
grant usage on schema auth to anon, authenticated, service_role;

-- Supabase's default privileges: objects the migrations create in public are reachable by
-- the API roles until a migration revokes them (ours do, then grant what each role needs).
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;

create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

-- auth: the tables Supabase Auth (GoTrue) keeps -----------------------------------------
create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change varchar(255),
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  banned_until timestamptz,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  deleted_at timestamptz,
  is_sso_user boolean not null default false,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_partial_key on auth.users (email) where is_sso_user = false;
create index if not exists users_instance_id_email_idx on auth.users (instance_id, lower(email::text));

create table if not exists auth.identities (
  id uuid primary key default gen_random_uuid(),
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  email text generated always as (lower(identity_data ->> 'email')) stored,
  unique (provider_id, provider)
);
create index if not exists identities_user_id_idx on auth.identities (user_id);

create table if not exists auth.sessions (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip inet
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  token varchar(255) unique,
  user_id varchar(255),
  revoked boolean,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  parent varchar(255),
  session_id uuid references auth.sessions (id) on delete cascade
);
create index if not exists refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);
create index if not exists refresh_tokens_parent_idx on auth.refresh_tokens (parent);

-- auth: multi-factor authentication, as GoTrue's mfa migrations leave it. A session's level
-- (aal) and the methods it was reached with (mfa_amr_claims) live per session, so a refreshed
-- token keeps them.
do $$ begin
  create type auth.factor_type as enum ('totp', 'webauthn', 'phone');
exception when duplicate_object then null;
end $$;
do $$ begin
  create type auth.factor_status as enum ('unverified', 'verified');
exception when duplicate_object then null;
end $$;
do $$ begin
  create type auth.aal_level as enum ('aal1', 'aal2', 'aal3');
exception when duplicate_object then null;
end $$;

alter table auth.sessions add column if not exists factor_id uuid null;
alter table auth.sessions add column if not exists aal auth.aal_level null;
create index if not exists user_id_created_at_idx on auth.sessions (user_id, created_at);

create table if not exists auth.mfa_factors (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  friendly_name text null,
  factor_type auth.factor_type not null,
  status auth.factor_status not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  secret text null,
  phone text unique default null,
  last_challenged_at timestamptz unique default null,
  last_webauthn_challenge_data jsonb
);
create unique index if not exists mfa_factors_user_friendly_name_unique on auth.mfa_factors (friendly_name, user_id) where trim(friendly_name) <> '';
create index if not exists factor_id_created_at_idx on auth.mfa_factors (user_id, created_at);
create index if not exists mfa_factors_user_id_idx on auth.mfa_factors (user_id);

create table if not exists auth.mfa_challenges (
  id uuid primary key,
  factor_id uuid not null references auth.mfa_factors (id) on delete cascade,
  created_at timestamptz not null,
  verified_at timestamptz null,
  ip_address inet not null,
  otp_code text null
);
create index if not exists mfa_challenge_created_at_idx on auth.mfa_challenges (created_at desc);

create table if not exists auth.mfa_amr_claims (
  session_id uuid not null references auth.sessions (id) on delete cascade,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  authentication_method text not null,
  id uuid not null primary key,
  constraint mfa_amr_claims_session_id_authentication_method_pkey unique (session_id, authentication_method)
);

-- auth: the JWT helpers, as Supabase defines them. They read the request's claims, which
-- the API sets per transaction; the per-claim settings are the older form PostgREST used.
create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;
grant all on all tables in schema auth to service_role;
grant all on all sequences in schema auth to service_role;

-- realtime: what Supabase Realtime keeps in the project database -------------------------
-- The publication hosted projects are created with (empty; migrations add the tables whose
-- changes clients may subscribe to), and the function the local Realtime server
-- (supabase/local/api/realtime) runs over each change it decodes from its replication slot:
-- which subscriptions may see the row, decided by the row level security of the
-- subscriber's own role and JWT claims, and the payload each role receives.
do $$
begin
  if not exists (select from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;

create schema if not exists realtime;
revoke all on schema realtime from public;

-- A wal2json (format 2) row's columns as a jsonb object of typed values: each text value cast
-- through its column's type, then to_jsonb — numbers stay numbers, json stays json.
create or replace function realtime.typed_values(columns jsonb) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_parts text[];
  v_sql text;
  v_out jsonb;
begin
  if columns is null or jsonb_array_length(columns) = 0 then
    return '{}'::jsonb;
  end if;
  -- jsonb_build_object takes at most 100 arguments: 40 columns per call, concatenated
  select array_agg(part order by chunk) into v_parts
    from (select (ord - 1) / 40 as chunk,
                 'jsonb_build_object(' || string_agg(
                   format('%L, to_jsonb(%L::%s)', c ->> 'name', c -> 'value' #>> '{}',
                          (c ->> 'typeoid')::oid::regtype::text), ', ' order by ord) || ')' as part
            from jsonb_array_elements(columns) with ordinality as x(c, ord)
           group by 1) chunks;
  v_sql := 'select ' || array_to_string(v_parts, ' || ');
  execute v_sql into v_out;
  return v_out;
end
$$;

-- Whether a row passes a subscription's filters (all of them): each compared in the column's
-- type, as Realtime does, so 10 > 9 for numbers and dates compare as dates.
create or replace function realtime.passes_filters(columns jsonb, filters jsonb) returns boolean
language plpgsql stable
set search_path = ''
as $$
declare
  v_filter jsonb;
  v_column jsonb;
  v_type text;
  v_ok boolean;
begin
  for v_filter in select f from jsonb_array_elements(coalesce(filters, '[]'::jsonb)) f loop
    select c into v_column from jsonb_array_elements(columns) c where c ->> 'name' = v_filter ->> 'column';
    if v_column is null then
      return false;
    end if;
    v_type := (v_column ->> 'typeoid')::oid::regtype::text;
    if v_filter ->> 'op' = 'in' then
      execute format('select $1::%s = any (array(select x::%s from jsonb_array_elements_text($2) x))', v_type, v_type)
        into v_ok using v_column -> 'value' #>> '{}', v_filter -> 'value';
    else
      execute format('select $1::%s %s $2::%s', v_type,
                     case v_filter ->> 'op' when 'eq' then '=' when 'neq' then '<>' when 'lt' then '<'
                       when 'lte' then '<=' when 'gt' then '>' when 'gte' then '>=' end, v_type)
        into v_ok using v_column -> 'value' #>> '{}', v_filter ->> 'value';
    end if;
    if v_ok is not true then
      return false;
    end if;
  end loop;
  return true;
end
$$;

-- subscriptions: [{id uuid, entity 'schema.table', event '*'|'INSERT'|'UPDATE'|'DELETE',
--                  filters [{column, op, value}], role, claims}]
-- One row per subscriber role: the payload that role may see (only the columns it may select)
-- and the subscriptions it goes to. INSERT and UPDATE reach a subscription only if its role,
-- with its claims, can select the row under RLS now; a DELETE cannot be checked (the row is
-- gone), so with RLS on it carries the primary key only — as Supabase Realtime has it.
create or replace function realtime.apply_rls(wal jsonb, subscriptions jsonb)
returns table (payload jsonb, subscription_ids uuid[])
language plpgsql volatile
set search_path = ''
as $$
declare
  v_entity regclass := to_regclass(format('%I.%I', wal ->> 'schema', wal ->> 'table'));
  v_action text := case wal ->> 'action' when 'I' then 'INSERT' when 'U' then 'UPDATE' when 'D' then 'DELETE' end;
  v_rls boolean;
  v_subs jsonb;
  v_pk text[];
  v_new jsonb;
  v_old jsonb;
  v_check text;
  v_role text;
  v_claims text;
  v_sub jsonb;
  v_passing uuid[];
  v_visible uuid[];
  v_seen boolean;
  v_head jsonb;
  v_columns jsonb;
  v_selectable text[];
begin
  if v_entity is null or v_action is null then
    return;
  end if;
  select coalesce(jsonb_agg(s), '[]'::jsonb) into v_subs
    from jsonb_array_elements(subscriptions) s
   where s ->> 'entity' = (wal ->> 'schema') || '.' || (wal ->> 'table')
     and (s ->> 'event' = '*' or s ->> 'event' = v_action);
  if jsonb_array_length(v_subs) = 0 then
    return;
  end if;

  select c.relrowsecurity into v_rls from pg_catalog.pg_class c where c.oid = v_entity;
  select coalesce(array_agg(p ->> 'name'), '{}') into v_pk from jsonb_array_elements(coalesce(wal -> 'pk', '[]'::jsonb)) p;
  v_new := realtime.typed_values(coalesce(wal -> 'columns', '[]'::jsonb));
  v_old := realtime.typed_values(coalesce(wal -> 'identity', '[]'::jsonb));
  if v_action <> 'DELETE' and cardinality(v_pk) > 0 then
    select format('select exists (select 1 from %s where %s)', v_entity,
                  string_agg(format('%I = %L::%s', c ->> 'name', c -> 'value' #>> '{}',
                                    (c ->> 'typeoid')::oid::regtype::text), ' and '))
      into v_check
      from jsonb_array_elements(wal -> 'columns') c
     where c ->> 'name' = any (v_pk);
  end if;
  v_head := jsonb_build_object(
    'schema', wal ->> 'schema',
    'table', wal ->> 'table',
    'commit_timestamp', to_char((wal ->> 'timestamp')::timestamptz at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'type', v_action);

  for v_role in select distinct s ->> 'role' from jsonb_array_elements(v_subs) s order by 1 loop
    v_passing := '{}';
    for v_sub in select s from jsonb_array_elements(v_subs) s where s ->> 'role' = v_role loop
      if realtime.passes_filters(case when v_action = 'DELETE' then wal -> 'identity' else wal -> 'columns' end,
                                 v_sub -> 'filters') then
        v_passing := v_passing || (v_sub ->> 'id')::uuid;
      end if;
    end loop;
    continue when cardinality(v_passing) = 0;

    if v_action <> 'DELETE' and cardinality(v_pk) = 0 then
      return query select v_head || jsonb_build_object('columns', '[]'::jsonb, 'record', '{}'::jsonb, 'old_record', '{}'::jsonb,
                                                        'errors', jsonb_build_array('Error 400: Bad Request, no primary key')),
                          v_passing;
      continue;
    end if;
    if v_action <> 'DELETE' and exists (select 1 from unnest(v_pk) k where not has_column_privilege(v_role, v_entity, k, 'SELECT')) then
      return query select v_head || jsonb_build_object('columns', '[]'::jsonb, 'record', '{}'::jsonb, 'old_record', '{}'::jsonb,
                                                        'errors', jsonb_build_array('Error 401: Unauthorized')),
                          v_passing;
      continue;
    end if;

    if not v_rls or v_action = 'DELETE' then
      v_visible := v_passing;
    else
      -- one check per distinct set of claims: several channels of one session cost one query
      v_visible := '{}';
      for v_claims in select distinct s ->> 'claims' from jsonb_array_elements(v_subs) s
                       where s ->> 'role' = v_role and (s ->> 'id')::uuid = any (v_passing) loop
        begin
          perform set_config('role', v_role, true);
          perform set_config('request.jwt.claims', v_claims, true);
          execute v_check into v_seen;
          perform set_config('role', 'none', true);
          perform set_config('request.jwt.claims', '', true);
        exception when others then
          -- no privilege, a policy that fails for these claims: not visible
          v_seen := false;
        end;
        if v_seen then
          select v_visible || coalesce(array_agg((s ->> 'id')::uuid), '{}') into v_visible
            from jsonb_array_elements(v_subs) s
           where s ->> 'role' = v_role and s ->> 'claims' = v_claims and (s ->> 'id')::uuid = any (v_passing);
        end if;
      end loop;
    end if;
    continue when cardinality(v_visible) = 0;

    select coalesce(array_agg(a.attname::text order by a.attnum), '{}'),
           coalesce(jsonb_agg(jsonb_build_object('name', a.attname, 'type', t.typname) order by a.attnum), '[]'::jsonb)
      into v_selectable, v_columns
      from pg_catalog.pg_attribute a
      join pg_catalog.pg_type t on t.oid = a.atttypid
     where a.attrelid = v_entity and a.attnum > 0 and not a.attisdropped
       and has_column_privilege(v_role, v_entity, a.attname::text, 'SELECT');

    return query select
      v_head || jsonb_build_object(
        'columns', v_columns,
        'record', case when v_action = 'DELETE' then '{}'::jsonb
                       else (select coalesce(jsonb_object_agg(k, v), '{}'::jsonb) from jsonb_each(v_new) e(k, v) where k = any (v_selectable)) end,
        'old_record', case when v_action = 'INSERT' then '{}'::jsonb
                           else (select coalesce(jsonb_object_agg(k, v), '{}'::jsonb) from jsonb_each(v_old) e(k, v)
                                  where k = any (v_selectable) and (v_action <> 'DELETE' or not v_rls or k = any (v_pk))) end,
        'errors', null),
      v_visible;
  end loop;
end
$$;

revoke all on all functions in schema realtime from public;
