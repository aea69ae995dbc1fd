-- Integrations: API keys, webhook endpoints and deliveries by persona
-- Persona access matrix, Basejump style: anonymous, customer, provider, operations, finance,
-- product, super admin and an admin of another tenant; select / insert / update / delete,
-- allowed (isnt_empty, lives_ok) and denied (is_empty for rows RLS hides, throws_ok 42501
-- where the role has no privilege or the new row violates a policy).
-- Generated shape, hand-checked expectations; one block per table.
begin;
select plan(96);

select tests.create_tenant_personas();

-- api_keys ------------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.api_keys (user_id, name, key_prefix, key_hash) values (tests.get_user_id('super'), 'CI', 'lk_0123456789ab', repeat('a', 64))
  returning id into v;
  perform set_config('fx.key', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.api_keys where id = current_setting('fx.key')::uuid $$, '42501', null, 'anonymous cannot read api_keys');
select tests.authenticate_as('customer');
select is_empty($$ select 1 from public.api_keys where id = current_setting('fx.key')::uuid $$, 'customer cannot read api_keys');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.api_keys where id = current_setting('fx.key')::uuid $$, 'provider cannot read api_keys');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.api_keys where id = current_setting('fx.key')::uuid $$, 'operations cannot read api_keys');
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.api_keys where id = current_setting('fx.key')::uuid $$, 'finance cannot read api_keys');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.api_keys where id = current_setting('fx.key')::uuid $$, 'product cannot read api_keys');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.api_keys where id = current_setting('fx.key')::uuid $$, 'super admin can read api_keys');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.api_keys where id = current_setting('fx.key')::uuid $$, 'other-tenant admin cannot read api_keys');
select tests.clear_authentication();
select throws_ok($$ insert into public.api_keys (user_id, name, key_prefix, key_hash) values (tests.get_user_id('customer'), 'x', 'lk_ffffffffffff', repeat('b', 64)) $$, '42501', null, 'anonymous cannot insert into api_keys');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.api_keys (user_id, name, key_prefix, key_hash) values (tests.get_user_id('customer'), 'x', 'lk_ffffffffffff', repeat('b', 64)) $$, '42501', null, 'customer cannot insert into api_keys');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.api_keys (user_id, name, key_prefix, key_hash) values (tests.get_user_id('provider'), 'x', 'lk_ffffffffffff', repeat('b', 64)) $$, '42501', null, 'provider cannot insert into api_keys');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.api_keys (user_id, name, key_prefix, key_hash) values (tests.get_user_id('ops'), 'x', 'lk_ffffffffffff', repeat('b', 64)) $$, '42501', null, 'operations cannot insert into api_keys');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.api_keys (user_id, name, key_prefix, key_hash) values (tests.get_user_id('finance'), 'x', 'lk_ffffffffffff', repeat('b', 64)) $$, '42501', null, 'finance cannot insert into api_keys');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.api_keys (user_id, name, key_prefix, key_hash) values (tests.get_user_id('product'), 'x', 'lk_ffffffffffff', repeat('b', 64)) $$, '42501', null, 'product cannot insert into api_keys');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.api_keys (user_id, name, key_prefix, key_hash) values (tests.get_user_id('super'), 'x', 'lk_ffffffffffff', repeat('b', 64)) $$, '42501', null, 'super admin cannot insert into api_keys');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.api_keys (user_id, name, key_prefix, key_hash) values (tests.get_user_id('other_admin'), 'x', 'lk_ffffffffffff', repeat('b', 64)) $$, '42501', null, 'other-tenant admin cannot insert into api_keys');
select tests.clear_authentication();
select throws_ok($$ update public.api_keys set name = 'y' where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'anonymous cannot update api_keys');
select tests.authenticate_as('customer');
select throws_ok($$ update public.api_keys set name = 'y' where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'customer cannot update api_keys');
select tests.authenticate_as('provider');
select throws_ok($$ update public.api_keys set name = 'y' where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'provider cannot update api_keys');
select tests.authenticate_as('ops');
select throws_ok($$ update public.api_keys set name = 'y' where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'operations cannot update api_keys');
select tests.authenticate_as('finance');
select throws_ok($$ update public.api_keys set name = 'y' where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'finance cannot update api_keys');
select tests.authenticate_as('product');
select throws_ok($$ update public.api_keys set name = 'y' where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'product cannot update api_keys');
select tests.authenticate_as('super');
select throws_ok($$ update public.api_keys set name = 'y' where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'super admin cannot update api_keys');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.api_keys set name = 'y' where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot update api_keys');
select tests.clear_authentication();
select throws_ok($$ delete from public.api_keys where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from api_keys');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.api_keys where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'customer cannot delete from api_keys');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.api_keys where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'provider cannot delete from api_keys');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.api_keys where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'operations cannot delete from api_keys');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.api_keys where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'finance cannot delete from api_keys');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.api_keys where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'product cannot delete from api_keys');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.api_keys where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from api_keys');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.api_keys where id = current_setting('fx.key')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from api_keys');

-- webhook_endpoints ---------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('super'), 'https://hooks.example.com/loconomy', '{booking.created}')
  returning id into v;
  perform set_config('fx.hook', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('super'), 'https://hooks.example.com/old-super', '{booking.created}')
  returning id into v;
  perform set_config('fx.hook_del_super', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.webhook_endpoints where id = current_setting('fx.hook')::uuid $$, '42501', null, 'anonymous cannot read webhook_endpoints');
select tests.authenticate_as('customer');
select is_empty($$ select 1 from public.webhook_endpoints where id = current_setting('fx.hook')::uuid $$, 'customer cannot read webhook_endpoints');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.webhook_endpoints where id = current_setting('fx.hook')::uuid $$, 'provider cannot read webhook_endpoints');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.webhook_endpoints where id = current_setting('fx.hook')::uuid $$, 'operations cannot read webhook_endpoints');
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.webhook_endpoints where id = current_setting('fx.hook')::uuid $$, 'finance cannot read webhook_endpoints');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.webhook_endpoints where id = current_setting('fx.hook')::uuid $$, 'product cannot read webhook_endpoints');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.webhook_endpoints where id = current_setting('fx.hook')::uuid $$, 'super admin can read webhook_endpoints');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.webhook_endpoints where id = current_setting('fx.hook')::uuid $$, 'other-tenant admin cannot read webhook_endpoints');
select tests.clear_authentication();
select throws_ok($$ insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('customer'), 'https://hooks.example.com/anon', '{booking.completed}') $$, '42501', null, 'anonymous cannot insert into webhook_endpoints');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('customer'), 'https://hooks.example.com/customer', '{booking.completed}') $$, '42501', null, 'customer cannot insert into webhook_endpoints');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('provider'), 'https://hooks.example.com/provider', '{booking.completed}') $$, '42501', null, 'provider cannot insert into webhook_endpoints');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('ops'), 'https://hooks.example.com/ops', '{booking.completed}') $$, '42501', null, 'operations cannot insert into webhook_endpoints');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('finance'), 'https://hooks.example.com/finance', '{booking.completed}') $$, '42501', null, 'finance cannot insert into webhook_endpoints');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('product'), 'https://hooks.example.com/product', '{booking.completed}') $$, '42501', null, 'product cannot insert into webhook_endpoints');
select tests.authenticate_as('super');
select lives_ok($$ insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('super'), 'https://hooks.example.com/super', '{booking.completed}') $$, 'super admin can insert into webhook_endpoints');
select tests.authenticate_as('other_admin');
select lives_ok($$ insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('other_admin'), 'https://hooks.example.com/other-admin', '{booking.completed}') $$, 'other-tenant admin can insert into webhook_endpoints');
select tests.clear_authentication();
select throws_ok($$ update public.webhook_endpoints set description = 'x' where id = current_setting('fx.hook')::uuid returning 1 $$, '42501', null, 'anonymous cannot update webhook_endpoints');
select tests.authenticate_as('customer');
select is_empty($$ update public.webhook_endpoints set description = 'x' where id = current_setting('fx.hook')::uuid returning 1 $$, 'customer cannot update webhook_endpoints');
select tests.authenticate_as('provider');
select is_empty($$ update public.webhook_endpoints set description = 'x' where id = current_setting('fx.hook')::uuid returning 1 $$, 'provider cannot update webhook_endpoints');
select tests.authenticate_as('ops');
select is_empty($$ update public.webhook_endpoints set description = 'x' where id = current_setting('fx.hook')::uuid returning 1 $$, 'operations cannot update webhook_endpoints');
select tests.authenticate_as('finance');
select is_empty($$ update public.webhook_endpoints set description = 'x' where id = current_setting('fx.hook')::uuid returning 1 $$, 'finance cannot update webhook_endpoints');
select tests.authenticate_as('product');
select is_empty($$ update public.webhook_endpoints set description = 'x' where id = current_setting('fx.hook')::uuid returning 1 $$, 'product cannot update webhook_endpoints');
select tests.authenticate_as('super');
select isnt_empty($$ update public.webhook_endpoints set description = 'x' where id = current_setting('fx.hook')::uuid returning 1 $$, 'super admin can update webhook_endpoints');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.webhook_endpoints set description = 'x' where id = current_setting('fx.hook')::uuid returning 1 $$, 'other-tenant admin cannot update webhook_endpoints');
select tests.clear_authentication();
select throws_ok($$ delete from public.webhook_endpoints where id = current_setting('fx.hook')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from webhook_endpoints');
select tests.authenticate_as('customer');
select is_empty($$ delete from public.webhook_endpoints where id = current_setting('fx.hook')::uuid returning 1 $$, 'customer cannot delete from webhook_endpoints');
select tests.authenticate_as('provider');
select is_empty($$ delete from public.webhook_endpoints where id = current_setting('fx.hook')::uuid returning 1 $$, 'provider cannot delete from webhook_endpoints');
select tests.authenticate_as('ops');
select is_empty($$ delete from public.webhook_endpoints where id = current_setting('fx.hook')::uuid returning 1 $$, 'operations cannot delete from webhook_endpoints');
select tests.authenticate_as('finance');
select is_empty($$ delete from public.webhook_endpoints where id = current_setting('fx.hook')::uuid returning 1 $$, 'finance cannot delete from webhook_endpoints');
select tests.authenticate_as('product');
select is_empty($$ delete from public.webhook_endpoints where id = current_setting('fx.hook')::uuid returning 1 $$, 'product cannot delete from webhook_endpoints');
select tests.authenticate_as('super');
select isnt_empty($$ delete from public.webhook_endpoints where id = current_setting('fx.hook_del_super')::uuid returning 1 $$, 'super admin can delete from webhook_endpoints');
select tests.authenticate_as('other_admin');
select is_empty($$ delete from public.webhook_endpoints where id = current_setting('fx.hook')::uuid returning 1 $$, 'other-tenant admin cannot delete from webhook_endpoints');

-- webhook_deliveries --------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.webhook_deliveries (endpoint_id, event, payload) values (current_setting('fx.hook')::uuid, 'booking.created', '{"id": 1}')
  returning id into v;
  perform set_config('fx.delivery', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid $$, '42501', null, 'anonymous cannot read webhook_deliveries');
select tests.authenticate_as('customer');
select is_empty($$ select 1 from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid $$, 'customer cannot read webhook_deliveries');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid $$, 'provider cannot read webhook_deliveries');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid $$, 'operations cannot read webhook_deliveries');
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid $$, 'finance cannot read webhook_deliveries');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid $$, 'product cannot read webhook_deliveries');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid $$, 'super admin can read webhook_deliveries');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid $$, 'other-tenant admin cannot read webhook_deliveries');
select tests.clear_authentication();
select throws_ok($$ insert into public.webhook_deliveries (endpoint_id, event, payload) values (current_setting('fx.hook')::uuid, 'booking.created', '{}') $$, '42501', null, 'anonymous cannot insert into webhook_deliveries');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.webhook_deliveries (endpoint_id, event, payload) values (current_setting('fx.hook')::uuid, 'booking.created', '{}') $$, '42501', null, 'customer cannot insert into webhook_deliveries');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.webhook_deliveries (endpoint_id, event, payload) values (current_setting('fx.hook')::uuid, 'booking.created', '{}') $$, '42501', null, 'provider cannot insert into webhook_deliveries');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.webhook_deliveries (endpoint_id, event, payload) values (current_setting('fx.hook')::uuid, 'booking.created', '{}') $$, '42501', null, 'operations cannot insert into webhook_deliveries');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.webhook_deliveries (endpoint_id, event, payload) values (current_setting('fx.hook')::uuid, 'booking.created', '{}') $$, '42501', null, 'finance cannot insert into webhook_deliveries');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.webhook_deliveries (endpoint_id, event, payload) values (current_setting('fx.hook')::uuid, 'booking.created', '{}') $$, '42501', null, 'product cannot insert into webhook_deliveries');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.webhook_deliveries (endpoint_id, event, payload) values (current_setting('fx.hook')::uuid, 'booking.created', '{}') $$, '42501', null, 'super admin cannot insert into webhook_deliveries');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.webhook_deliveries (endpoint_id, event, payload) values (current_setting('fx.hook')::uuid, 'booking.created', '{}') $$, '42501', null, 'other-tenant admin cannot insert into webhook_deliveries');
select tests.clear_authentication();
select throws_ok($$ update public.webhook_deliveries set attempt_count = 1 where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'anonymous cannot update webhook_deliveries');
select tests.authenticate_as('customer');
select throws_ok($$ update public.webhook_deliveries set attempt_count = 1 where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'customer cannot update webhook_deliveries');
select tests.authenticate_as('provider');
select throws_ok($$ update public.webhook_deliveries set attempt_count = 1 where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'provider cannot update webhook_deliveries');
select tests.authenticate_as('ops');
select throws_ok($$ update public.webhook_deliveries set attempt_count = 1 where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'operations cannot update webhook_deliveries');
select tests.authenticate_as('finance');
select throws_ok($$ update public.webhook_deliveries set attempt_count = 1 where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'finance cannot update webhook_deliveries');
select tests.authenticate_as('product');
select throws_ok($$ update public.webhook_deliveries set attempt_count = 1 where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'product cannot update webhook_deliveries');
select tests.authenticate_as('super');
select throws_ok($$ update public.webhook_deliveries set attempt_count = 1 where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'super admin cannot update webhook_deliveries');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.webhook_deliveries set attempt_count = 1 where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot update webhook_deliveries');
select tests.clear_authentication();
select throws_ok($$ delete from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from webhook_deliveries');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'customer cannot delete from webhook_deliveries');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'provider cannot delete from webhook_deliveries');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'operations cannot delete from webhook_deliveries');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'finance cannot delete from webhook_deliveries');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'product cannot delete from webhook_deliveries');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from webhook_deliveries');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from webhook_deliveries');

select * from finish();
rollback;
