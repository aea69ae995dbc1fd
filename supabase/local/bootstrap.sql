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
-- as on a hosted project: the API roles reach realtime.messages and realtime.topic() (which
-- policies for private channels are written with), never the change functions below
grant usage on schema realtime to anon, authenticated, service_role;

-- Realtime Authorization: a private channel's join and what its members may send are decided
-- by the RLS policies on this table (SELECT: may receive, INSERT: may send), evaluated on probe
-- rows for the channel's topic that are never kept. Migrations write the policies.
create table if not exists realtime.messages (
  id uuid not null default gen_random_uuid() primary key,
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp without time zone not null default now(),
  inserted_at timestamp without time zone not null default now()
);
alter table realtime.messages enable row level security;
grant select, insert, update, delete on realtime.messages to anon, authenticated, service_role;

-- the topic of the channel being authorized (without the "realtime:" prefix)
create or replace function realtime.topic() returns text
language sql stable
set search_path = ''
as $$
  select nullif(current_setting('realtime.topic', true), '')::text
$$;

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

-- The text of a change's primary key, as `pk::text` prints it (one column), or of the row of
-- its key columns (several): what the visibility query below returns for rows it can see.
create or replace function realtime.key_text(wal jsonb) returns text
language sql immutable
set search_path = ''
as $$
  select case when jsonb_array_length(coalesce(wal -> 'pk', '[]'::jsonb)) = 1
              then (select c -> 'value' #>> '{}' from jsonb_array_elements(wal -> 'columns') c
                     where c ->> 'name' = wal -> 'pk' -> 0 ->> 'name')
              else (select '(' || string_agg(coalesce(c -> 'value' #>> '{}', ''), ',' order by k.ord) || ')'
                      from jsonb_array_elements(wal -> 'pk') with ordinality k(p, ord)
                      join jsonb_array_elements(wal -> 'columns') c on c ->> 'name' = k.p ->> 'name') end
$$;

drop function if exists realtime.apply_rls(jsonb, jsonb);

-- changes: wal2json (format 2) rows, in commit order.
-- subscriptions: [{id uuid, entity 'schema.table', event '*'|'INSERT'|'UPDATE'|'DELETE',
--                  filters [{column, op, value}], role, claims}]
-- For each change, one row per subscriber role: the payload that role may see (only the
-- columns it may select) and the subscriptions it goes to. INSERT and UPDATE reach a
-- subscription only if its role, with its claims, can select the row under RLS now; a DELETE
-- cannot be checked (the row is gone), so with RLS on it carries the primary key only — as
-- Supabase Realtime has it. The RLS check is one query per table and distinct set of claims
-- for the whole batch (a prepared statement per table, kept on the server's connection), so
-- a feed that falls behind catches up in larger, not more, queries.
create or replace function realtime.apply_rls_batch(changes jsonb, subscriptions jsonb)
returns table (ord int, payload jsonb, subscription_ids uuid[])
language plpgsql volatile
set search_path = ''
as $$
declare
  v_cand jsonb;
  v_group record;
  v_entity regclass;
  v_pk text[];
  v_stmt text;
  v_seen text[];
  v_visible jsonb := '{}'::jsonb;
  v_tables jsonb := '{}'::jsonb;
  v_out record;
  v_head jsonb;
  v_sel text[];
  v_cols jsonb;
  v_new jsonb;
  v_old jsonb;
  v_rls boolean;
begin
  -- every (change, subscription) pair whose table, event and filters match; each distinct set
  -- of filters is evaluated once per change, however many subscribers share it
  with c as (
    select x.ord::int as ord, x.wal, (x.wal ->> 'schema') || '.' || (x.wal ->> 'table') as entity_name,
           case x.wal ->> 'action' when 'I' then 'INSERT' when 'U' then 'UPDATE' when 'D' then 'DELETE' end as action
      from jsonb_array_elements(changes) with ordinality as x(wal, ord)),
  s as (
    select sub ->> 'id' as id, sub ->> 'entity' as entity_name, sub ->> 'event' as event,
           coalesce(sub -> 'filters', '[]'::jsonb) as filters, sub ->> 'role' as role, sub ->> 'claims' as claims
      from jsonb_array_elements(subscriptions) sub),
  pairs as (
    select c.ord, c.wal, c.action, s.id, s.entity_name, s.filters, s.role, s.claims
      from c join s on s.entity_name = c.entity_name and (s.event = '*' or s.event = c.action)
     where c.action is not null),
  checked as (
    select d.ord, d.filters,
           realtime.passes_filters(case when d.action = 'DELETE' then d.wal -> 'identity' else d.wal -> 'columns' end, d.filters) as ok
      from (select distinct on (p.ord, p.filters) p.ord, p.filters, p.action, p.wal
              from pairs p where jsonb_array_length(p.filters) > 0) d)
  select coalesce(jsonb_agg(jsonb_build_object('ord', p.ord, 'id', p.id, 'role', p.role, 'claims', p.claims,
                                               'entity', p.entity_name, 'action', p.action) order by p.ord), '[]'::jsonb)
    into v_cand
    from pairs p left join checked k on k.ord = p.ord and k.filters = p.filters
   where jsonb_array_length(p.filters) = 0 or k.ok;
  if jsonb_array_length(v_cand) = 0 then
    return;
  end if;

  -- per table: its oid, whether RLS is on, its key columns and the statement that says which
  -- of a list of keys the current role and claims may select
  for v_group in select distinct x ->> 'entity' as entity from jsonb_array_elements(v_cand) x loop
    v_entity := to_regclass(v_group.entity);
    continue when v_entity is null;
    select coalesce(array_agg(a.attname::text order by array_position(i.indkey, a.attnum)), '{}') into v_pk
      from pg_catalog.pg_index i
      join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
     where i.indrelid = v_entity and i.indisprimary;
    v_stmt := 'realtime_rls_' || v_entity::oid;
    if cardinality(v_pk) > 0 and not exists (select 1 from pg_catalog.pg_prepared_statements p where p.name = v_stmt) then
      if cardinality(v_pk) = 1 then
        execute format('prepare %I (text[]) as select coalesce(array_agg(%I::text), ''{}'') from %s where %I = any ($1::%s[])',
                       v_stmt, v_pk[1], v_entity, v_pk[1],
                       (select format_type(a.atttypid, a.atttypmod) from pg_catalog.pg_attribute a
                         where a.attrelid = v_entity and a.attname = v_pk[1]));
      else
        execute format('prepare %I (text[]) as select coalesce(array_agg(t.k), ''{}'') from (select (%s)::text as k from %s) t where t.k = any ($1)',
                       v_stmt, (select 'row(' || string_agg(quote_ident(k), ', ') || ')' from unnest(v_pk) k), v_entity);
      end if;
    end if;
    v_tables := v_tables || jsonb_build_object(v_group.entity, jsonb_build_object(
      'oid', v_entity::oid, 'rls', (select c.relrowsecurity from pg_catalog.pg_class c where c.oid = v_entity),
      'pk', to_jsonb(v_pk), 'stmt', v_stmt));
  end loop;

  -- one visibility query per table and distinct claims, over every key of the batch
  for v_group in
    select x ->> 'entity' as entity, x ->> 'role' as role, x ->> 'claims' as claims,
           array_agg(distinct realtime.key_text(changes -> ((x ->> 'ord')::int - 1))) as keys
      from jsonb_array_elements(v_cand) x
     where x ->> 'action' <> 'DELETE'
       and (v_tables -> (x ->> 'entity') ->> 'rls')::boolean
       and jsonb_array_length(v_tables -> (x ->> 'entity') -> 'pk') > 0
     group by 1, 2, 3
  loop
    begin
      perform set_config('role', v_group.role, true);
      perform set_config('request.jwt.claims', v_group.claims, true);
      execute format('execute %I(%L)', v_tables -> v_group.entity ->> 'stmt', v_group.keys) into v_seen;
      perform set_config('role', 'none', true);
      perform set_config('request.jwt.claims', '', true);
    exception when others then
      -- no privilege, a policy that fails for these claims: nothing visible
      v_seen := '{}';
    end;
    v_visible := v_visible || jsonb_build_object(v_group.entity || ' ' || v_group.role || ' ' || v_group.claims, to_jsonb(v_seen));
  end loop;

  -- the payloads: per change and role, the columns that role may select
  for v_out in
    select (x ->> 'ord')::int as ord, x ->> 'entity' as entity, x ->> 'role' as role, x ->> 'action' as action,
           array_agg((x ->> 'id')::uuid) filter (where
             x ->> 'action' = 'DELETE'
             or not (v_tables -> (x ->> 'entity') ->> 'rls')::boolean
             or jsonb_array_length(v_tables -> (x ->> 'entity') -> 'pk') = 0
             or coalesce(v_visible -> (x ->> 'entity' || ' ' || (x ->> 'role') || ' ' || (x ->> 'claims'))
                  ? realtime.key_text(changes -> ((x ->> 'ord')::int - 1)), false)) as ids
      from jsonb_array_elements(v_cand) x
     where v_tables ? (x ->> 'entity')
     group by 1, 2, 3, 4
     order by 1, 3
  loop
    continue when v_out.ids is null;
    v_entity := (v_tables -> v_out.entity ->> 'oid')::oid::regclass;
    v_rls := (v_tables -> v_out.entity ->> 'rls')::boolean;
    v_pk := array(select jsonb_array_elements_text(v_tables -> v_out.entity -> 'pk'));
    v_head := jsonb_build_object(
      'schema', changes -> (v_out.ord - 1) ->> 'schema',
      'table', changes -> (v_out.ord - 1) ->> 'table',
      'commit_timestamp', to_char((changes -> (v_out.ord - 1) ->> 'timestamp')::timestamptz at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'type', v_out.action);
    if v_out.action <> 'DELETE' and cardinality(v_pk) = 0 then
      ord := v_out.ord;
      payload := v_head || jsonb_build_object('columns', '[]'::jsonb, 'record', '{}'::jsonb, 'old_record', '{}'::jsonb,
                                              'errors', jsonb_build_array('Error 400: Bad Request, no primary key'));
      subscription_ids := v_out.ids;
      return next;
      continue;
    end if;
    if v_out.action <> 'DELETE' and exists (select 1 from unnest(v_pk) k where not has_column_privilege(v_out.role, v_entity, k, 'SELECT')) then
      ord := v_out.ord;
      payload := v_head || jsonb_build_object('columns', '[]'::jsonb, 'record', '{}'::jsonb, 'old_record', '{}'::jsonb,
                                              'errors', jsonb_build_array('Error 401: Unauthorized'));
      subscription_ids := v_out.ids;
      return next;
      continue;
    end if;
    select coalesce(array_agg(a.attname::text order by a.attnum), '{}'),
           coalesce(jsonb_agg(jsonb_build_object('name', a.attname, 'type', t.typname) order by a.attnum), '[]'::jsonb)
      into v_sel, v_cols
      from pg_catalog.pg_attribute a
      join pg_catalog.pg_type t on t.oid = a.atttypid
     where a.attrelid = v_entity and a.attnum > 0 and not a.attisdropped
       and has_column_privilege(v_out.role, v_entity, a.attname::text, 'SELECT');
    v_new := case when v_out.action = 'DELETE' then '{}'::jsonb
                  else realtime.typed_values(coalesce(changes -> (v_out.ord - 1) -> 'columns', '[]'::jsonb)) end;
    v_old := case when v_out.action = 'INSERT' then '{}'::jsonb
                  else realtime.typed_values(coalesce(changes -> (v_out.ord - 1) -> 'identity', '[]'::jsonb)) end;
    ord := v_out.ord;
    payload := v_head || jsonb_build_object(
      'columns', v_cols,
      'record', (select coalesce(jsonb_object_agg(e.k, e.v), '{}'::jsonb) from jsonb_each(v_new) e(k, v) where e.k = any (v_sel)),
      'old_record', (select coalesce(jsonb_object_agg(e.k, e.v), '{}'::jsonb) from jsonb_each(v_old) e(k, v)
                      where e.k = any (v_sel) and (v_out.action <> 'DELETE' or not v_rls or e.k = any (v_pk))),
      'errors', null);
    subscription_ids := v_out.ids;
    return next;
  end loop;
end
$$;

revoke all on all functions in schema realtime from public;
grant execute on function realtime.topic() to anon, authenticated, service_role;
