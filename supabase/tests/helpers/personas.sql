-- Persona helpers for the pgTAP suites, in the spirit of Basejump's supabase-test-helpers
-- (written here, never downloaded). Loaded once into the test database before pg_prove runs:
--   psql -c 'create extension if not exists pgtap with schema extensions' -f supabase/tests/helpers/personas.sql
-- Idempotent. Every test file runs in a transaction that rolls back, so the users a test
-- creates disappear with it.
--
--   select tests.create_supabase_user('ops', role => 'admin', staff_role => 'operations');
--   select tests.authenticate_as('ops');          -- role authenticated, JWT sub = auth.users.id
--   select tests.authenticate_as_clerk('user_2x'); -- JWT sub = a Clerk id
--   select tests.authenticate_as_service_role();
--   select tests.clear_authentication();           -- role anon, no claims
--   select tests.get_user_id('ops');               -- public.users.id

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- creates the tenant if missing and returns its id
create or replace function tests.ensure_tenant(tenant_slug text default 'loconomy') returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  select t.id into v_id from public.tenants t where t.slug = tenant_slug;
  if v_id is null then
    insert into public.tenants (slug, name) values (tenant_slug, initcap(replace(tenant_slug, '-', ' ')))
    returning id into v_id;
  end if;
  return v_id;
end
$$;

-- auth.users row + public.users row (+ its profile, by trigger); returns public.users.id
create or replace function tests.create_supabase_user(
  identifier text,
  email text default null,
  role public.user_role default 'customer',
  staff_role text default null,
  tenant_slug text default 'loconomy'
) returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  v_email text := coalesce(create_supabase_user.email, identifier || '@test.loconomy.local');
  v_auth uuid := gen_random_uuid();
  v_user uuid;
begin
  insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values (v_auth, 'authenticated', 'authenticated', v_email, now(),
          jsonb_build_object('provider', 'email', 'providers', array['email']),
          jsonb_build_object('test_identifier', identifier), now(), now());
  insert into public.users (tenant_id, auth_user_id, email, full_name, role, staff_role, status)
  values (tests.ensure_tenant(tenant_slug), v_auth, v_email, initcap(identifier),
          create_supabase_user.role, create_supabase_user.staff_role, 'active')
  returning id into v_user;
  return v_user;
end
$$;

-- a marketplace user signed in with Clerk (no auth.users row); returns public.users.id
create or replace function tests.create_clerk_user(
  clerk_id text,
  email text default null,
  role public.user_role default 'customer',
  tenant_slug text default 'loconomy'
) returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user uuid;
begin
  insert into public.users (tenant_id, clerk_id, email, full_name, role, status)
  values (tests.ensure_tenant(tenant_slug), create_clerk_user.clerk_id,
          coalesce(create_clerk_user.email, lower(create_clerk_user.clerk_id) || '@clerk.loconomy.local'),
          create_clerk_user.clerk_id, create_clerk_user.role, 'active')
  returning id into v_user;
  return v_user;
end
$$;

create or replace function tests.get_supabase_uid(identifier text) returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  select a.id into v_id from auth.users a where a.raw_user_meta_data ->> 'test_identifier' = identifier limit 1;
  if v_id is null then
    raise exception 'test user "%" does not exist (tests.create_supabase_user first)', identifier;
  end if;
  return v_id;
end
$$;

create or replace function tests.get_supabase_email(auth_user_id uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select a.email::text from auth.users a where a.id = auth_user_id
$$;

-- public.users.id of a test user (Supabase identifier, or a Clerk id)
create or replace function tests.get_user_id(identifier text) returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  select u.id into v_id from public.users u
    join auth.users a on a.id = u.auth_user_id
   where a.raw_user_meta_data ->> 'test_identifier' = identifier;
  if v_id is null then
    select u.id into v_id from public.users u where u.clerk_id = identifier;
  end if;
  if v_id is null then
    raise exception 'test user "%" does not exist', identifier;
  end if;
  return v_id;
end
$$;

create or replace function tests.authenticate_as(identifier text) returns void
language plpgsql
as $$
declare
  v_auth uuid := tests.get_supabase_uid(identifier);
  v_email text := tests.get_supabase_email(v_auth);
begin
  perform set_config('role', 'authenticated', true);
  perform set_config('request.jwt.claims',
    json_build_object('sub', v_auth, 'role', 'authenticated', 'email', v_email, 'aud', 'authenticated')::text, true);
end
$$;

create or replace function tests.authenticate_as_clerk(clerk_id text) returns void
language plpgsql
as $$
begin
  perform set_config('role', 'authenticated', true);
  perform set_config('request.jwt.claims',
    json_build_object('sub', clerk_id, 'role', 'authenticated', 'aud', 'authenticated')::text, true);
end
$$;

create or replace function tests.authenticate_as_service_role() returns void
language plpgsql
as $$
begin
  perform set_config('role', 'service_role', true);
  perform set_config('request.jwt.claims', json_build_object('role', 'service_role')::text, true);
end
$$;

create or replace function tests.clear_authentication() returns void
language plpgsql
as $$
begin
  perform set_config('role', 'anon', true);
  perform set_config('request.jwt.claims', json_build_object('role', 'anon')::text, true);
end
$$;

-- back to the superuser that runs the tests (for set-up between persona checks)
create or replace function tests.reset_role() returns void
language plpgsql
as $$
begin
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '', true);
end
$$;

-- pgTAP assertion: every table in the schema has RLS enabled
create or replace function tests.rls_enabled(testing_schema text) returns text
language sql
as $$
  select is(
    (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = testing_schema and c.relkind in ('r', 'p') and not c.relrowsecurity),
    0,
    format('All tables in schema %s have row level security enabled', testing_schema))
$$;

create or replace function tests.rls_enabled(testing_schema text, testing_table text) returns text
language sql
as $$
  select ok(
    (select c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = testing_schema and c.relname = testing_table),
    format('Table %s.%s has row level security enabled', testing_schema, testing_table))
$$;

revoke all on all functions in schema tests from public;
grant execute on all functions in schema tests to anon, authenticated, service_role;
