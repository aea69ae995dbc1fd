-- Persona access matrix for the identity tables (Basejump style): per table and command, what
-- each persona gets — rows=N of the fixture visible, rows, none (RLS hides or filters the row),
-- ok, denied (42501) — as one tests.expect_access call (supabase/tests/helpers/rls-matrix.sql).
-- Personas and fixture rows: supabase/tests/helpers/personas.sql (tests.create_marketplace_fixture).
begin;
select plan(267);
select tests.create_marketplace_fixture();

-- tenants -------------------------------------------------------------------------
select tests.expect_access('tenants', 'select',
  $$select 1 from public.tenants where slug in ('loconomy', 'other')$$,
  'anon=denied customer=rows=1 provider=rows=1 operations=rows=1 finance=rows=1 product=rows=1 super_admin=rows=2 other_admin=rows=1');
select tests.expect_access('tenants', 'insert',
  $$insert into public.tenants (slug, name) values ('new-{persona_slug}', 'New')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=ok other_admin=denied');
select tests.expect_access('tenants', 'update',
  $$update public.tenants set name = name where slug = 'loconomy' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('tenants', 'delete',
  $$delete from public.tenants where slug = 'loconomy'$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');

-- users ---------------------------------------------------------------------------
select tests.expect_access('users', 'select',
  $$select 1 from public.users where email like '%@test.loconomy.local'$$,
  'anon=denied customer=rows=1 provider=rows=1 operations=rows=7 finance=rows=7 product=rows=7 super_admin=rows=10 other_admin=rows=3');
select tests.expect_access('users', 'insert',
  $$insert into public.users (tenant_id, clerk_id, email) values (tests.ensure_tenant('loconomy'), 'user_new_{persona_slug}', 'new-{persona_slug}@clerk.loconomy.local')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=ok other_admin=denied');
select tests.expect_access('users', 'update',
  $$update public.users set full_name = full_name where id = tests.get_user_id('customer') returning 1$$,
  'anon=denied customer=rows provider=none operations=none finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('users', 'delete',
  $$delete from public.users where id = tests.get_user_id('customer2')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');

-- user_profiles -------------------------------------------------------------------
select tests.expect_access('user_profiles', 'select',
  $$select 1 from public.user_profiles p join public.users u on u.id = p.user_id where u.email like '%@test.loconomy.local'$$,
  'anon=denied customer=rows=1 provider=rows=1 operations=rows=7 finance=rows=7 product=rows=7 super_admin=rows=10 other_admin=rows=3');
select tests.expect_access('user_profiles', 'insert',
  $$insert into public.user_profiles (user_id, bio) values (tests.get_user_id('customer2'), 'hi')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('user_profiles', 'update',
  $$update public.user_profiles set bio = 'updated' where user_id = tests.get_user_id('customer') returning 1$$,
  'anon=denied customer=rows provider=none operations=none finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('user_profiles', 'delete',
  $$delete from public.user_profiles where user_id = tests.get_user_id('customer')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');

-- user_sessions -------------------------------------------------------------------
select tests.expect_access('user_sessions', 'select',
  $$select 1 from public.user_sessions where id in ('f0000000-0000-4000-8000-000000000701', 'f0000000-0000-4000-8000-000000000703')$$,
  'anon=denied customer=rows=1 provider=rows=0 operations=rows=1 finance=rows=1 product=rows=1 super_admin=rows=2 other_admin=rows=1');
select tests.expect_access('user_sessions', 'insert',
  $$insert into public.user_sessions (user_id, user_agent) values (tests.get_user_id('customer'), '{persona_slug}')$$,
  'anon=denied customer=ok provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('user_sessions', 'update',
  $$update public.user_sessions set last_active_at = now() where id = 'f0000000-0000-4000-8000-000000000701' returning 1$$,
  'anon=denied customer=rows provider=none operations=none finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('user_sessions', 'delete',
  $$delete from public.user_sessions where id = 'f0000000-0000-4000-8000-000000000701'$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');

-- permissions ---------------------------------------------------------------------
select tests.expect_access('permissions', 'select',
  $$select 1 from public.permissions where key in ('users.read', 'audit.read')$$,
  'anon=denied customer=rows=2 provider=rows=2 operations=rows=2 finance=rows=2 product=rows=2 super_admin=rows=2 other_admin=rows=2');
select tests.expect_access('permissions', 'insert',
  $$insert into public.permissions (key, description) values ('test.{persona}', 'x')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=ok other_admin=denied');
select tests.expect_access('permissions', 'update',
  $$update public.permissions set description = description where key = 'users.read' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('permissions', 'delete',
  $$delete from public.permissions where key = 'test.super_admin' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none other_admin=none super_admin=rows');

-- role_permissions ----------------------------------------------------------------
select tests.expect_access('role_permissions', 'select',
  $$select 1 from public.role_permissions where role = 'support'$$,
  'anon=denied customer=rows=0 provider=rows=0 operations=rows=3 finance=rows=3 product=rows=3 super_admin=rows=3 other_admin=rows=3');
select tests.expect_access('role_permissions', 'insert',
  $$insert into public.role_permissions (role, permission_id) select 'support', id from public.permissions where key = 'analytics.read'$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=ok other_admin=denied');
select tests.expect_access('role_permissions', 'update',
  $$update public.role_permissions set role = role where role = 'support' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('role_permissions', 'delete',
  $$delete from public.role_permissions where role = 'support' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none other_admin=none super_admin=rows');

-- user_permissions ----------------------------------------------------------------
select tests.expect_access('user_permissions', 'select',
  $$select 1 from public.user_permissions where id in ('f0000000-0000-4000-8000-000000000601', 'f0000000-0000-4000-8000-000000000603')$$,
  'anon=denied customer=rows=0 provider=rows=0 operations=rows=1 finance=rows=0 product=rows=0 super_admin=rows=2 other_admin=rows=1');
select tests.expect_access('user_permissions', 'insert',
  $$insert into public.user_permissions (user_id, permission_id, kind) select tests.get_user_id('finance'), id, 'grant' from public.permissions where key = 'files.read'$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=ok other_admin=denied');
select tests.expect_access('user_permissions', 'update',
  $$update public.user_permissions set reason = 'checked' where id = 'f0000000-0000-4000-8000-000000000601' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('user_permissions', 'delete',
  $$delete from public.user_permissions where id = 'f0000000-0000-4000-8000-000000000601' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none other_admin=none super_admin=rows');

-- audit_logs (tenant loconomy) ----------------------------------------------------
select tests.expect_access('audit_logs (tenant loconomy)', 'select',
  $$select 1 from public.audit_logs where tenant_id = tests.ensure_tenant('loconomy') limit 1$$,
  'anon=denied customer=rows=0 provider=rows=0 operations=rows=1 finance=rows=1 product=rows=0 super_admin=rows=1 other_admin=rows=0');

-- audit_logs (tenant other) -------------------------------------------------------
select tests.expect_access('audit_logs (tenant other)', 'select',
  $$select 1 from public.audit_logs where tenant_id = tests.ensure_tenant('other') limit 1$$,
  'anon=denied customer=rows=0 provider=rows=0 operations=rows=0 finance=rows=0 product=rows=0 super_admin=rows=1 other_admin=rows=1');
select tests.expect_access('audit_logs (tenant other)', 'insert',
  $$insert into public.audit_logs (action, table_name, hash) values ('admin_action', 'forged', 'x')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('audit_logs (tenant other)', 'update',
  $$update public.audit_logs set table_name = 'forged' where tenant_id = tests.ensure_tenant('other')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('audit_logs (tenant other)', 'delete',
  $$delete from public.audit_logs where tenant_id = tests.ensure_tenant('other')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');

-- the staff tenant filter: other_admin (admin of tenant other) sees none of tenant loconomy's users
select tests.authenticate_as('other_admin');
select is_empty($$select 1 from public.users where tenant_id = tests.ensure_tenant('loconomy')$$, 'users: other-tenant admin sees nobody of tenant loconomy');
select tests.authenticate_as('customer');
select is((select count(*)::int from public.my_permissions()), 0, 'my_permissions: a customer has none');
select tests.clear_authentication();
select throws_ok($$select public.my_permissions()$$, '42501', null, 'my_permissions: anon cannot call it');

select tests.reset_role();
select * from finish();
rollback;