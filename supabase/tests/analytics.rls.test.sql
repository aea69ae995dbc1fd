-- Analytics: events and system logs by persona (insert-only for API roles)
-- Persona access matrix, Basejump style: anonymous, customer, provider, operations, finance,
-- product, super admin and an admin of another tenant; select / insert / update / delete,
-- allowed (isnt_empty, lives_ok) and denied (is_empty for rows RLS hides, throws_ok 42501
-- where the role has no privilege or the new row violates a policy).
-- Generated shape, hand-checked expectations; one block per table.
begin;
select plan(64);

select tests.create_tenant_personas();

-- events --------------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.events (user_id, name, properties) values (tests.get_user_id('customer'), 'page.view', '{"path": "/"}')
  returning id into v;
  perform set_config('fx.ev', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.events where id = current_setting('fx.ev')::bigint $$, '42501', null, 'anonymous cannot read events');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.events where id = current_setting('fx.ev')::bigint $$, 'customer can read events');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.events where id = current_setting('fx.ev')::bigint $$, 'provider cannot read events');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.events where id = current_setting('fx.ev')::bigint $$, 'operations cannot read events');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.events where id = current_setting('fx.ev')::bigint $$, 'finance can read events');
select tests.authenticate_as('product');
select isnt_empty($$ select 1 from public.events where id = current_setting('fx.ev')::bigint $$, 'product can read events');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.events where id = current_setting('fx.ev')::bigint $$, 'super admin can read events');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.events where id = current_setting('fx.ev')::bigint $$, 'other-tenant admin cannot read events');
select tests.clear_authentication();
select throws_ok($$ insert into public.events (user_id, name) values (tests.get_user_id('customer'), 'listing.viewed') $$, '42501', null, 'anonymous cannot insert into events');
select tests.authenticate_as('customer');
select lives_ok($$ insert into public.events (user_id, name) values (tests.get_user_id('customer'), 'listing.viewed') $$, 'customer can insert into events');
select tests.authenticate_as('provider');
select lives_ok($$ insert into public.events (user_id, name) values (tests.get_user_id('provider'), 'listing.viewed') $$, 'provider can insert into events');
select tests.authenticate_as('ops');
select lives_ok($$ insert into public.events (user_id, name) values (tests.get_user_id('ops'), 'listing.viewed') $$, 'operations can insert into events');
select tests.authenticate_as('finance');
select lives_ok($$ insert into public.events (user_id, name) values (tests.get_user_id('finance'), 'listing.viewed') $$, 'finance can insert into events');
select tests.authenticate_as('product');
select lives_ok($$ insert into public.events (user_id, name) values (tests.get_user_id('product'), 'listing.viewed') $$, 'product can insert into events');
select tests.authenticate_as('super');
select lives_ok($$ insert into public.events (user_id, name) values (tests.get_user_id('super'), 'listing.viewed') $$, 'super admin can insert into events');
select tests.authenticate_as('other_admin');
select lives_ok($$ insert into public.events (user_id, name) values (tests.get_user_id('other_admin'), 'listing.viewed') $$, 'other-tenant admin can insert into events');
select tests.clear_authentication();
select throws_ok($$ update public.events set name = 'x.y' where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'anonymous cannot update events');
select tests.authenticate_as('customer');
select throws_ok($$ update public.events set name = 'x.y' where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'customer cannot update events');
select tests.authenticate_as('provider');
select throws_ok($$ update public.events set name = 'x.y' where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'provider cannot update events');
select tests.authenticate_as('ops');
select throws_ok($$ update public.events set name = 'x.y' where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'operations cannot update events');
select tests.authenticate_as('finance');
select throws_ok($$ update public.events set name = 'x.y' where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'finance cannot update events');
select tests.authenticate_as('product');
select throws_ok($$ update public.events set name = 'x.y' where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'product cannot update events');
select tests.authenticate_as('super');
select throws_ok($$ update public.events set name = 'x.y' where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'super admin cannot update events');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.events set name = 'x.y' where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'other-tenant admin cannot update events');
select tests.clear_authentication();
select throws_ok($$ delete from public.events where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'anonymous cannot delete from events');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.events where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'customer cannot delete from events');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.events where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'provider cannot delete from events');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.events where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'operations cannot delete from events');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.events where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'finance cannot delete from events');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.events where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'product cannot delete from events');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.events where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'super admin cannot delete from events');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.events where id = current_setting('fx.ev')::bigint returning 1 $$, '42501', null, 'other-tenant admin cannot delete from events');

-- system_logs ---------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.system_logs (tenant_id, level, source, message) values (current_setting('fx.tenant')::uuid, 'error', 'api', 'boom')
  returning id into v;
  perform set_config('fx.log', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.system_logs where id = current_setting('fx.log')::bigint $$, '42501', null, 'anonymous cannot read system_logs');
select tests.authenticate_as('customer');
select is_empty($$ select 1 from public.system_logs where id = current_setting('fx.log')::bigint $$, 'customer cannot read system_logs');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.system_logs where id = current_setting('fx.log')::bigint $$, 'provider cannot read system_logs');
select tests.authenticate_as('ops');
select isnt_empty($$ select 1 from public.system_logs where id = current_setting('fx.log')::bigint $$, 'operations can read system_logs');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.system_logs where id = current_setting('fx.log')::bigint $$, 'finance can read system_logs');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.system_logs where id = current_setting('fx.log')::bigint $$, 'product cannot read system_logs');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.system_logs where id = current_setting('fx.log')::bigint $$, 'super admin can read system_logs');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.system_logs where id = current_setting('fx.log')::bigint $$, 'other-tenant admin cannot read system_logs');
select tests.clear_authentication();
select throws_ok($$ insert into public.system_logs (tenant_id, level, source, message) values (current_setting('fx.tenant')::uuid, 'info', 'web', 'hi') $$, '42501', null, 'anonymous cannot insert into system_logs');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.system_logs (tenant_id, level, source, message) values (current_setting('fx.tenant')::uuid, 'info', 'web', 'hi') $$, '42501', null, 'customer cannot insert into system_logs');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.system_logs (tenant_id, level, source, message) values (current_setting('fx.tenant')::uuid, 'info', 'web', 'hi') $$, '42501', null, 'provider cannot insert into system_logs');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.system_logs (tenant_id, level, source, message) values (current_setting('fx.tenant')::uuid, 'info', 'web', 'hi') $$, '42501', null, 'operations cannot insert into system_logs');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.system_logs (tenant_id, level, source, message) values (current_setting('fx.tenant')::uuid, 'info', 'web', 'hi') $$, '42501', null, 'finance cannot insert into system_logs');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.system_logs (tenant_id, level, source, message) values (current_setting('fx.tenant')::uuid, 'info', 'web', 'hi') $$, '42501', null, 'product cannot insert into system_logs');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.system_logs (tenant_id, level, source, message) values (current_setting('fx.tenant')::uuid, 'info', 'web', 'hi') $$, '42501', null, 'super admin cannot insert into system_logs');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.system_logs (tenant_id, level, source, message) values (current_setting('fx.tenant')::uuid, 'info', 'web', 'hi') $$, '42501', null, 'other-tenant admin cannot insert into system_logs');
select tests.clear_authentication();
select throws_ok($$ update public.system_logs set message = 'x' where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'anonymous cannot update system_logs');
select tests.authenticate_as('customer');
select throws_ok($$ update public.system_logs set message = 'x' where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'customer cannot update system_logs');
select tests.authenticate_as('provider');
select throws_ok($$ update public.system_logs set message = 'x' where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'provider cannot update system_logs');
select tests.authenticate_as('ops');
select throws_ok($$ update public.system_logs set message = 'x' where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'operations cannot update system_logs');
select tests.authenticate_as('finance');
select throws_ok($$ update public.system_logs set message = 'x' where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'finance cannot update system_logs');
select tests.authenticate_as('product');
select throws_ok($$ update public.system_logs set message = 'x' where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'product cannot update system_logs');
select tests.authenticate_as('super');
select throws_ok($$ update public.system_logs set message = 'x' where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'super admin cannot update system_logs');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.system_logs set message = 'x' where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'other-tenant admin cannot update system_logs');
select tests.clear_authentication();
select throws_ok($$ delete from public.system_logs where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'anonymous cannot delete from system_logs');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.system_logs where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'customer cannot delete from system_logs');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.system_logs where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'provider cannot delete from system_logs');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.system_logs where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'operations cannot delete from system_logs');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.system_logs where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'finance cannot delete from system_logs');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.system_logs where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'product cannot delete from system_logs');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.system_logs where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'super admin cannot delete from system_logs');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.system_logs where id = current_setting('fx.log')::bigint returning 1 $$, '42501', null, 'other-tenant admin cannot delete from system_logs');

select * from finish();
rollback;
