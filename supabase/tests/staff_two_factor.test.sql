-- Staff two-factor sign-in : in a tenant with staff_two_factor_required, a
-- staff member's permissions count only when the JWT says aal2 — in every staff predicate, so
-- RLS and staff RPCs refuse an aal1 session. Other tenants' staff are unaffected, and only
-- holders of tenants.manage change the setting.
begin;
select plan(38);

select tests.create_personas();
-- a tenant that requires it, with an admin (every permission there), a super admin, a customer
select tests.ensure_tenant('two-factor-co');
update public.tenants set staff_two_factor_required = true where slug = 'two-factor-co';
select tests.create_supabase_user('tf_admin', role => 'admin', tenant_slug => 'two-factor-co');
select tests.create_supabase_user('tf_super', role => 'super_admin', tenant_slug => 'two-factor-co');
select tests.create_supabase_user('tf_customer', tenant_slug => 'two-factor-co');
select set_config('fx.tf_tenant', tests.ensure_tenant('two-factor-co')::text, true);
select set_config('fx.loconomy', tests.ensure_tenant('loconomy')::text, true);

-- the column --------------------------------------------------------------------------------
select col_not_null('public', 'tenants', 'staff_two_factor_required', 'tenants.staff_two_factor_required is not null');
select col_default_is('public', 'tenants', 'staff_two_factor_required', 'false', 'tenants.staff_two_factor_required defaults to off');

-- the helpers give each persona the level a real sign-in reaches ---------------------------
select tests.authenticate_as('tf_admin');
select is(auth.jwt() ->> 'aal', 'aal2', 'authenticate_as: the admin of a two-factor tenant signs in at aal2');
select tests.authenticate_as('operations');
select is(auth.jwt() ->> 'aal', 'aal1', 'authenticate_as: loconomy staff sign in at aal1');

-- the admin with a password-only (aal1) session: no staff permission anywhere -----------------
select tests.authenticate_as_aal1('tf_admin');
select is((select count(*)::int from public.my_permissions()), 0, 'aal1 tf_admin: my_permissions() is empty');
select ok(not (select private.has_permission('users.read')), 'aal1 tf_admin: has_permission(users.read) is false');
select is((select private.staff_tenant_ids('users.read')), '{}'::uuid[], 'aal1 tf_admin: staff_tenant_ids(users.read) is empty');
select ok(not private.staff_can('users.read', current_setting('fx.tf_tenant')::uuid), 'aal1 tf_admin: staff_can(users.read, own tenant) is false');
select is((select count(*)::int from public.users where tenant_id = current_setting('fx.tf_tenant')::uuid), 1,
  'aal1 tf_admin: reads only their own users row, not the tenant''s users');
select is((select count(*)::int from public.user_profiles p join public.users u on u.id = p.user_id
            where u.tenant_id = current_setting('fx.tf_tenant')::uuid), 1,
  'aal1 tf_admin: reads only their own profile');
select is((select count(*)::int from public.audit_logs where tenant_id = current_setting('fx.tf_tenant')::uuid), 0,
  'aal1 tf_admin: reads no audit log (audit.read)');
select results_eq(
  $$ with u as (update public.tenants set name = 'Renamed at aal1' where slug = 'two-factor-co' returning 1) select count(*)::int from u $$,
  $$ values (0) $$, 'aal1 tf_admin: cannot change the tenant (tenants.manage)');
select results_eq(
  $$ with u as (update public.tenants set staff_two_factor_required = false where slug = 'two-factor-co' returning 1) select count(*)::int from u $$,
  $$ values (0) $$, 'aal1 tf_admin: cannot switch the requirement off');
select throws_ok(
  $$ insert into public.user_permissions (user_id, permission_id, kind, reason)
     select (select id from public.users where email = 'tf_customer@test.loconomy.local'), p.id, 'grant', 'aal1'
       from public.permissions p where p.key = 'users.read' $$,
  '42501', null, 'aal1 tf_admin: cannot grant permissions (permissions.manage)');
select results_eq($$ select is_staff, two_factor_required, session_aal from public.my_sign_in_requirements() $$,
  $$ values (true, true, 'aal1'::text) $$, 'aal1 tf_admin: my_sign_in_requirements says two factors are required and the session has one');

-- a super admin of that tenant is no super admin at aal1
select tests.authenticate_as_aal1('tf_super');
select ok(not (select private.is_super_admin()), 'aal1 tf_super: is_super_admin() is false');
select is((select count(*)::int from public.my_permissions()), 0, 'aal1 tf_super: my_permissions() is empty');
select is((select count(*)::int from public.tenants where slug in ('loconomy', 'other')), 0, 'aal1 tf_super: reads no other tenant');

-- the same admin at aal2: the permissions are back -----------------------------------------
select tests.authenticate_as('tf_admin');
select ok((select count(*)::int from public.my_permissions()) > 0, 'aal2 tf_admin: my_permissions() is not empty');
select ok((select private.has_permission('users.read')), 'aal2 tf_admin: has_permission(users.read)');
select is((select private.staff_tenant_ids('users.read')), array[current_setting('fx.tf_tenant')::uuid], 'aal2 tf_admin: staff_tenant_ids(users.read) is their tenant');
select is((select count(*)::int from public.users where tenant_id = current_setting('fx.tf_tenant')::uuid), 3,
  'aal2 tf_admin: reads every users row of the tenant');
select ok((select count(*)::int from public.audit_logs where tenant_id = current_setting('fx.tf_tenant')::uuid) > 0,
  'aal2 tf_admin: reads the tenant''s audit log');
select is((select count(*)::int from public.users where tenant_id = current_setting('fx.loconomy')::uuid), 0,
  'aal2 tf_admin: still reads nothing of another tenant');
select results_eq($$ select is_staff, two_factor_required, session_aal from public.my_sign_in_requirements() $$,
  $$ values (true, true, 'aal2'::text) $$, 'aal2 tf_admin: my_sign_in_requirements reports the aal2 session');
select results_eq(
  $$ with u as (update public.tenants set staff_two_factor_required = false where slug = 'two-factor-co' returning 1) select count(*)::int from u $$,
  $$ values (1) $$, 'aal2 tf_admin (tenants.manage): may switch the requirement');
select results_eq(
  $$ with u as (update public.tenants set staff_two_factor_required = true where id = current_setting('fx.loconomy')::uuid returning 1) select count(*)::int from u $$,
  $$ values (0) $$, 'aal2 tf_admin: cannot switch another tenant''s requirement');
select tests.reset_role();
update public.tenants set staff_two_factor_required = true where slug = 'two-factor-co';

select tests.authenticate_as('tf_super');
select ok((select private.is_super_admin()), 'aal2 tf_super: is_super_admin()');

-- staff of a tenant that does not require it: unaffected at aal1 ------------------------------
select tests.authenticate_as('operations');
select ok((select private.has_permission('listings.moderate')), 'loconomy operations at aal1: has listings.moderate');
select is((select private.staff_tenant_ids('listings.moderate')), array[current_setting('fx.loconomy')::uuid], 'loconomy operations at aal1: staff_tenant_ids is loconomy');
select results_eq($$ select is_staff, two_factor_required, session_aal from public.my_sign_in_requirements() $$,
  $$ values (true, false, 'aal1'::text) $$, 'loconomy operations: two factors not required');
select results_eq(
  $$ with u as (update public.tenants set staff_two_factor_required = true where id = current_setting('fx.loconomy')::uuid returning 1) select count(*)::int from u $$,
  $$ values (0) $$, 'loconomy operations (no tenants.manage): cannot switch the requirement');
select tests.authenticate_as('super_admin');
select ok((select private.is_super_admin()), 'loconomy super_admin at aal1: is_super_admin()');
select ok((select count(*)::int from public.my_permissions()) > 0, 'loconomy super_admin at aal1: has permissions');
select results_eq(
  $$ with u as (update public.tenants set staff_two_factor_required = true where slug = 'other' returning 1) select count(*)::int from u $$,
  $$ values (1) $$, 'loconomy super_admin (tenants.manage everywhere): may switch another tenant''s requirement');

-- customers: never staff, whatever the tenant --------------------------------------------------
select tests.authenticate_as('tf_customer');
select results_eq($$ select is_staff, two_factor_required from public.my_sign_in_requirements() $$,
  $$ values (false, false) $$, 'tf_customer: not staff, so no two-factor requirement applies');
select tests.authenticate_as('customer');
select results_eq(
  $$ with u as (update public.tenants set staff_two_factor_required = true where id = current_setting('fx.loconomy')::uuid returning 1) select count(*)::int from u $$,
  $$ values (0) $$, 'customer: cannot switch the requirement');

select tests.reset_role();
select ok(not has_function_privilege('anon', 'public.my_sign_in_requirements()', 'execute'), 'anon cannot call my_sign_in_requirements()');

select * from finish();
rollback;
