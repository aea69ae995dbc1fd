-- Platform audit rows (no tenant): a super admin's change to a role mapping is audited without
-- a tenant, and only super admins holding audit.read can read it back; tenant staff with
-- audit.read, other tenants' admins and marketplace users cannot.
begin;
select plan(6);
select tests.create_marketplace_fixture();

select tests.authenticate_as('super_admin');
insert into public.role_permissions (role, permission_id)
select 'support', p.id from public.permissions p
 where not exists (select 1 from public.role_permissions rp where rp.role = 'support' and rp.permission_id = p.id)
 order by p.key limit 1;
select tests.reset_role();

select is(
  (select count(*)::int from public.audit_logs
    where table_name = 'role_permissions' and action = 'create' and tenant_id is null
      and actor_id = tests.get_user_id('super_admin')),
  1, 'the role mapping change is audited without a tenant');

create temp table platform_row as
select id from public.audit_logs
 where table_name = 'role_permissions' and tenant_id is null and actor_id = tests.get_user_id('super_admin');
grant select on platform_row to authenticated;

select tests.authenticate_as('super_admin');
select is((select count(*)::int from public.audit_logs where id in (select id from platform_row)), 1,
  'super_admin reads the platform audit row');
select tests.authenticate_as('operations');
select is((select count(*)::int from public.audit_logs where id in (select id from platform_row)), 0,
  'operations (audit.read in one tenant) does not');
select tests.authenticate_as('finance');
select is((select count(*)::int from public.audit_logs where id in (select id from platform_row)), 0,
  'finance (audit.read in one tenant) does not');
select tests.authenticate_as('other_admin');
select is((select count(*)::int from public.audit_logs where id in (select id from platform_row)), 0,
  'another tenant''s admin does not');
select tests.authenticate_as('customer');
select is((select count(*)::int from public.audit_logs where id in (select id from platform_row)), 0,
  'a customer does not');

select * from finish();
rollback;
