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

-- The standard personas of the access matrices. Tenant 'loconomy': customer, customer2,
-- provider, operations, finance, product (admins with that staff_role), super_admin.
-- Tenant 'other': other_admin (tenant admin, every permission there), other_provider,
-- other_customer. Emails end in @test.loconomy.local.
create or replace function tests.create_personas() returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  perform tests.create_supabase_user('customer');
  perform tests.create_supabase_user('customer2');
  perform tests.create_supabase_user('provider', role => 'provider');
  perform tests.create_supabase_user('operations', role => 'admin', staff_role => 'operations');
  perform tests.create_supabase_user('finance', role => 'admin', staff_role => 'finance');
  perform tests.create_supabase_user('product', role => 'admin', staff_role => 'product');
  perform tests.create_supabase_user('super_admin', role => 'super_admin');
  perform tests.create_supabase_user('other_admin', role => 'admin', tenant_slug => 'other');
  perform tests.create_supabase_user('other_provider', role => 'provider', tenant_slug => 'other');
  perform tests.create_supabase_user('other_customer', tenant_slug => 'other');
end
$$;

-- Personas plus a small marketplace with fixed ids (f0000000-0000-4000-8000-000000000NNN):
--   001 region fixture-us-west (active), 002 fixture-eu (inactive), 003 city fixtureville (-45, -140)
--   010 category fixture-home, 011 fixture-plumbing (child), 012 fixture-archived (inactive)
--   020 tag fixture-emergency, 021 fixture-weekend
--   101 listing active (provider), 102 listing draft (provider), 103 listing active (other_provider)
--   listing_tags: (101,020) (102,020) (103,020)
--   201 availability provider Mon 09-17, 202 provider Tue 09-12 inactive, 203 other_provider Mon
--   211 override provider, 213 override other_provider
--   301 booking completed (customer→101), 302 pending (customer→101), 303 completed (other_customer→103),
--   304 completed (customer→101), 305 completed (customer→101, not reviewed)
--   401 review on 301 (visible), 402 review on 304 (hidden), 403 review on 303 (visible)
--   501 vote by customer2 on 401, 503 vote by other_provider on 403
--   601 user_permissions: operations revoke files.read; 603: other_customer grant users.read
--   701 session of customer, 703 session of other_customer
create or replace function tests.create_marketplace_fixture() returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_sf extensions.geography := extensions.st_setsrid(extensions.st_makepoint(-140.0, -45.0), 4326)::extensions.geography;
  v_monday timestamptz := date_trunc('week', now()) + interval '14 days 10 hours';
begin
  perform tests.create_personas();
  insert into public.regions (id, code, name, country_code, currency, timezone, ccpa_applies, is_active) values
    ('f0000000-0000-4000-8000-000000000001', 'fixture-us-west', 'Fixture US West', 'US', 'USD', 'America/Los_Angeles', true, true),
    ('f0000000-0000-4000-8000-000000000002', 'fixture-eu', 'Fixture EU', 'DE', 'EUR', 'Europe/Berlin', false, false);
  insert into public.cities (id, region_id, name, slug, location) values
    ('f0000000-0000-4000-8000-000000000003', 'f0000000-0000-4000-8000-000000000001', 'Fixtureville', 'fixtureville', v_sf);
  insert into public.categories (id, parent_id, name, slug, is_active) values
    ('f0000000-0000-4000-8000-000000000010', null, 'Fixture Home', 'fixture-home', true);
  insert into public.categories (id, parent_id, name, slug, is_active) values
    ('f0000000-0000-4000-8000-000000000011', 'f0000000-0000-4000-8000-000000000010', 'Fixture Plumbing', 'fixture-plumbing', true),
    ('f0000000-0000-4000-8000-000000000012', null, 'Fixture Archived', 'fixture-archived', false);
  insert into public.tags (id, name, slug) values
    ('f0000000-0000-4000-8000-000000000020', 'Fixture Emergency', 'fixture-emergency'),
    ('f0000000-0000-4000-8000-000000000021', 'Fixture Weekend', 'fixture-weekend');
  insert into public.listings (id, provider_id, category_id, city_id, title, slug, description, status,
                               price_cents, location, service_radius_m, keywords, moderation_status) values
    ('f0000000-0000-4000-8000-000000000101', tests.get_user_id('provider'), 'f0000000-0000-4000-8000-000000000011',
     'f0000000-0000-4000-8000-000000000003', 'Quuxfix leak repair', 'fixture-fast-leak-repair',
     'Leaking pipes fixed the same day', 'active', 12000, v_sf, 20000, '{pipes,water}', 'approved'),
    ('f0000000-0000-4000-8000-000000000102', tests.get_user_id('provider'), 'f0000000-0000-4000-8000-000000000011',
     null, 'Boiler service draft', 'fixture-boiler-draft', 'Annual boiler check', 'draft', 9000, v_sf, 10000, '{}', 'pending'),
    ('f0000000-0000-4000-8000-000000000103', tests.get_user_id('other_provider'), 'f0000000-0000-4000-8000-000000000010',
     null, 'Garden design', 'fixture-garden-design', 'Gardens planned and planted', 'active', 30000, v_sf, 30000, '{garden}', 'approved');
  insert into public.listing_tags (listing_id, tag_id) values
    ('f0000000-0000-4000-8000-000000000101', 'f0000000-0000-4000-8000-000000000020'),
    ('f0000000-0000-4000-8000-000000000102', 'f0000000-0000-4000-8000-000000000020'),
    ('f0000000-0000-4000-8000-000000000103', 'f0000000-0000-4000-8000-000000000020');
  insert into public.provider_availability (id, provider_id, day_of_week, start_time, end_time, is_active) values
    ('f0000000-0000-4000-8000-000000000201', tests.get_user_id('provider'), 1, '09:00', '17:00', true),
    ('f0000000-0000-4000-8000-000000000202', tests.get_user_id('provider'), 2, '09:00', '12:00', false),
    ('f0000000-0000-4000-8000-000000000203', tests.get_user_id('other_provider'), 1, '08:00', '12:00', true);
  insert into public.availability_overrides (id, provider_id, override_date, reason) values
    ('f0000000-0000-4000-8000-000000000211', tests.get_user_id('provider'), current_date + 30, 'Holiday'),
    ('f0000000-0000-4000-8000-000000000213', tests.get_user_id('other_provider'), current_date + 30, 'Holiday');
  insert into public.bookings (id, listing_id, customer_id, status, scheduled_start, scheduled_end, service_location,
                               subtotal_cents, platform_fee_cents, processing_fee_cents, tax_cents, total_cents) values
    ('f0000000-0000-4000-8000-000000000301', 'f0000000-0000-4000-8000-000000000101', tests.get_user_id('customer'), 'completed',
     v_monday - interval '7 days', v_monday - interval '7 days' + interval '2 hours', v_sf, 12000, 1200, 380, 960, 14540),
    ('f0000000-0000-4000-8000-000000000302', 'f0000000-0000-4000-8000-000000000101', tests.get_user_id('customer'), 'pending',
     v_monday, v_monday + interval '2 hours', v_sf, 12000, 1200, 380, 960, 14540),
    ('f0000000-0000-4000-8000-000000000303', 'f0000000-0000-4000-8000-000000000103', tests.get_user_id('other_customer'), 'completed',
     v_monday - interval '7 days', v_monday - interval '7 days' + interval '3 hours', v_sf, 30000, 3000, 900, 2400, 36300),
    ('f0000000-0000-4000-8000-000000000304', 'f0000000-0000-4000-8000-000000000101', tests.get_user_id('customer'), 'completed',
     v_monday - interval '14 days', v_monday - interval '14 days' + interval '2 hours', v_sf, 12000, 1200, 380, 960, 14540),
    ('f0000000-0000-4000-8000-000000000305', 'f0000000-0000-4000-8000-000000000101', tests.get_user_id('customer'), 'completed',
     v_monday - interval '21 days', v_monday - interval '21 days' + interval '2 hours', v_sf, 12000, 1200, 380, 960, 14540);
  insert into public.reviews (id, booking_id, rating, comment, hidden_at, hidden_reason) values
    ('f0000000-0000-4000-8000-000000000401', 'f0000000-0000-4000-8000-000000000301', 5, 'Great work', null, null),
    ('f0000000-0000-4000-8000-000000000402', 'f0000000-0000-4000-8000-000000000304', 1, 'Spam spam', now(), 'spam'),
    ('f0000000-0000-4000-8000-000000000403', 'f0000000-0000-4000-8000-000000000303', 4, 'Lovely garden', null, null);
  insert into public.review_votes (id, review_id, user_id, is_helpful) values
    ('f0000000-0000-4000-8000-000000000501', 'f0000000-0000-4000-8000-000000000401', tests.get_user_id('customer2'), true),
    ('f0000000-0000-4000-8000-000000000503', 'f0000000-0000-4000-8000-000000000403', tests.get_user_id('other_provider'), true);
  insert into public.user_permissions (id, user_id, permission_id, kind, reason)
  select 'f0000000-0000-4000-8000-000000000601', tests.get_user_id('operations'), p.id, 'revoke', 'fixture'
    from public.permissions p where p.key = 'files.read';
  insert into public.user_permissions (id, user_id, permission_id, kind, reason)
  select 'f0000000-0000-4000-8000-000000000603', tests.get_user_id('other_customer'), p.id, 'grant', 'fixture'
    from public.permissions p where p.key = 'users.read';
  insert into public.user_sessions (id, user_id, ip_address, user_agent) values
    ('f0000000-0000-4000-8000-000000000701', tests.get_user_id('customer'), '203.0.113.5', 'fixture'),
    ('f0000000-0000-4000-8000-000000000703', tests.get_user_id('other_customer'), '203.0.113.6', 'fixture');
end
$$;

-- The claims carry the level a real sign-in reaches: aal2 for a member of a tenant that
-- requires staff two-factor sign-in (they passed the TOTP step), aal1 otherwise.
create or replace function tests.authenticate_as(identifier text) returns void
language plpgsql
as $$
declare
  v_auth uuid := tests.get_supabase_uid(identifier);
  v_email text := tests.get_supabase_email(v_auth);
  v_aal text := tests.signed_in_aal(v_auth);
begin
  perform set_config('role', 'authenticated', true);
  perform set_config('request.jwt.claims',
    json_build_object('sub', v_auth, 'role', 'authenticated', 'email', v_email, 'aud', 'authenticated',
                      'aal', v_aal)::text, true);
end
$$;

create or replace function tests.signed_in_aal(auth_user_id uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select case when exists (select 1 from public.users u join public.tenants t on t.id = u.tenant_id
                            where u.auth_user_id = signed_in_aal.auth_user_id and t.staff_two_factor_required)
              then 'aal2' else 'aal1' end
$$;

-- the same user signed in with the password only, before (or without) the second factor
create or replace function tests.authenticate_as_aal1(identifier text) returns void
language plpgsql
as $$
declare
  v_auth uuid := tests.get_supabase_uid(identifier);
begin
  perform set_config('role', 'authenticated', true);
  perform set_config('request.jwt.claims',
    json_build_object('sub', v_auth, 'role', 'authenticated', 'email', tests.get_supabase_email(v_auth),
                      'aud', 'authenticated', 'aal', 'aal1')::text, true);
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

-- The eight personas of the access matrices under short names (ops, super, other_admin in
-- tenant other-co, plus a second customer "referred"); fx.tenant holds the loconomy tenant id
-- for the rest of the transaction.
create or replace function tests.create_tenant_personas() returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  perform tests.create_supabase_user('customer');
  perform tests.create_supabase_user('provider', role => 'provider');
  perform tests.create_supabase_user('referred');
  perform tests.create_supabase_user('ops', role => 'admin', staff_role => 'operations');
  perform tests.create_supabase_user('finance', role => 'admin', staff_role => 'finance');
  perform tests.create_supabase_user('product', role => 'admin', staff_role => 'product');
  perform tests.create_supabase_user('super', role => 'super_admin');
  perform tests.create_supabase_user('other_admin', role => 'admin', tenant_slug => 'other-co');
  perform set_config('fx.tenant', tests.ensure_tenant('loconomy')::text, true);
end
$$;
revoke all on function tests.create_tenant_personas() from public;
