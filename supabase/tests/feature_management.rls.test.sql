-- Feature management: flags and per-user overrides by persona
-- Persona access matrix, Basejump style: anonymous, customer, provider, operations, finance,
-- product, super admin and an admin of another tenant; select / insert / update / delete,
-- allowed (isnt_empty, lives_ok) and denied (is_empty for rows RLS hides, throws_ok 42501
-- where the role has no privilege or the new row violates a policy).
-- Generated shape, hand-checked expectations; one block per table.
begin;
select plan(64);

select tests.create_tenant_personas();

-- feature_flags -------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'new-checkout-' || left(gen_random_uuid()::text, 8), 'New checkout')
  returning id into v;
  perform set_config('fx.flag', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'new-checkout-' || left(gen_random_uuid()::text, 8), 'New checkout')
  returning id into v;
  perform set_config('fx.flag_del_product', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'new-checkout-' || left(gen_random_uuid()::text, 8), 'New checkout')
  returning id into v;
  perform set_config('fx.flag_del_super', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.feature_flags where id = current_setting('fx.flag')::uuid $$, '42501', null, 'anonymous cannot read feature_flags');
select tests.authenticate_as('customer');
select is_empty($$ select 1 from public.feature_flags where id = current_setting('fx.flag')::uuid $$, 'customer cannot read feature_flags');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.feature_flags where id = current_setting('fx.flag')::uuid $$, 'provider cannot read feature_flags');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.feature_flags where id = current_setting('fx.flag')::uuid $$, 'operations cannot read feature_flags');
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.feature_flags where id = current_setting('fx.flag')::uuid $$, 'finance cannot read feature_flags');
select tests.authenticate_as('product');
select isnt_empty($$ select 1 from public.feature_flags where id = current_setting('fx.flag')::uuid $$, 'product can read feature_flags');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.feature_flags where id = current_setting('fx.flag')::uuid $$, 'super admin can read feature_flags');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.feature_flags where id = current_setting('fx.flag')::uuid $$, 'other-tenant admin cannot read feature_flags');
select tests.clear_authentication();
select throws_ok($$ insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'flag-anon', 'x') $$, '42501', null, 'anonymous cannot insert into feature_flags');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'flag-customer', 'x') $$, '42501', null, 'customer cannot insert into feature_flags');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'flag-provider', 'x') $$, '42501', null, 'provider cannot insert into feature_flags');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'flag-ops', 'x') $$, '42501', null, 'operations cannot insert into feature_flags');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'flag-finance', 'x') $$, '42501', null, 'finance cannot insert into feature_flags');
select tests.authenticate_as('product');
select lives_ok($$ insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'flag-product', 'x') $$, 'product can insert into feature_flags');
select tests.authenticate_as('super');
select lives_ok($$ insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'flag-super', 'x') $$, 'super admin can insert into feature_flags');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'flag-other-admin', 'x') $$, '42501', null, 'other-tenant admin cannot insert into feature_flags');
select tests.clear_authentication();
select throws_ok($$ update public.feature_flags set description = 'x' where id = current_setting('fx.flag')::uuid returning 1 $$, '42501', null, 'anonymous cannot update feature_flags');
select tests.authenticate_as('customer');
select is_empty($$ update public.feature_flags set description = 'x' where id = current_setting('fx.flag')::uuid returning 1 $$, 'customer cannot update feature_flags');
select tests.authenticate_as('provider');
select is_empty($$ update public.feature_flags set description = 'x' where id = current_setting('fx.flag')::uuid returning 1 $$, 'provider cannot update feature_flags');
select tests.authenticate_as('ops');
select is_empty($$ update public.feature_flags set description = 'x' where id = current_setting('fx.flag')::uuid returning 1 $$, 'operations cannot update feature_flags');
select tests.authenticate_as('finance');
select is_empty($$ update public.feature_flags set description = 'x' where id = current_setting('fx.flag')::uuid returning 1 $$, 'finance cannot update feature_flags');
select tests.authenticate_as('product');
select isnt_empty($$ update public.feature_flags set description = 'x' where id = current_setting('fx.flag')::uuid returning 1 $$, 'product can update feature_flags');
select tests.authenticate_as('super');
select isnt_empty($$ update public.feature_flags set description = 'x' where id = current_setting('fx.flag')::uuid returning 1 $$, 'super admin can update feature_flags');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.feature_flags set description = 'x' where id = current_setting('fx.flag')::uuid returning 1 $$, 'other-tenant admin cannot update feature_flags');
select tests.clear_authentication();
select throws_ok($$ delete from public.feature_flags where id = current_setting('fx.flag')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from feature_flags');
select tests.authenticate_as('customer');
select is_empty($$ delete from public.feature_flags where id = current_setting('fx.flag')::uuid returning 1 $$, 'customer cannot delete from feature_flags');
select tests.authenticate_as('provider');
select is_empty($$ delete from public.feature_flags where id = current_setting('fx.flag')::uuid returning 1 $$, 'provider cannot delete from feature_flags');
select tests.authenticate_as('ops');
select is_empty($$ delete from public.feature_flags where id = current_setting('fx.flag')::uuid returning 1 $$, 'operations cannot delete from feature_flags');
select tests.authenticate_as('finance');
select is_empty($$ delete from public.feature_flags where id = current_setting('fx.flag')::uuid returning 1 $$, 'finance cannot delete from feature_flags');
select tests.authenticate_as('product');
select isnt_empty($$ delete from public.feature_flags where id = current_setting('fx.flag_del_product')::uuid returning 1 $$, 'product can delete from feature_flags');
select tests.authenticate_as('super');
select isnt_empty($$ delete from public.feature_flags where id = current_setting('fx.flag_del_super')::uuid returning 1 $$, 'super admin can delete from feature_flags');
select tests.authenticate_as('other_admin');
select is_empty($$ delete from public.feature_flags where id = current_setting('fx.flag')::uuid returning 1 $$, 'other-tenant admin cannot delete from feature_flags');

-- user_feature_flags --------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (tests.get_user_id('customer'), current_setting('fx.flag')::uuid, true, 'test', now() + interval '1 day')
  returning id into v;
  perform set_config('fx.uff', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (case when 'product' = 'super' then tests.get_user_id('provider') else tests.get_user_id('referred') end, current_setting('fx.flag')::uuid, false, 'test', now() + interval '1 day')
  returning id into v;
  perform set_config('fx.uff_del_product', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (case when 'super' = 'super' then tests.get_user_id('provider') else tests.get_user_id('referred') end, current_setting('fx.flag')::uuid, false, 'test', now() + interval '1 day')
  returning id into v;
  perform set_config('fx.uff_del_super', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.user_feature_flags where id = current_setting('fx.uff')::uuid $$, '42501', null, 'anonymous cannot read user_feature_flags');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.user_feature_flags where id = current_setting('fx.uff')::uuid $$, 'customer can read user_feature_flags');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.user_feature_flags where id = current_setting('fx.uff')::uuid $$, 'provider cannot read user_feature_flags');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.user_feature_flags where id = current_setting('fx.uff')::uuid $$, 'operations cannot read user_feature_flags');
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.user_feature_flags where id = current_setting('fx.uff')::uuid $$, 'finance cannot read user_feature_flags');
select tests.authenticate_as('product');
select isnt_empty($$ select 1 from public.user_feature_flags where id = current_setting('fx.uff')::uuid $$, 'product can read user_feature_flags');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.user_feature_flags where id = current_setting('fx.uff')::uuid $$, 'super admin can read user_feature_flags');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.user_feature_flags where id = current_setting('fx.uff')::uuid $$, 'other-tenant admin cannot read user_feature_flags');
select tests.clear_authentication();
select throws_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (tests.get_user_id('customer'), current_setting('fx.flag')::uuid, true, 'test', now() + interval '1 day') $$, '42501', null, 'anonymous cannot insert into user_feature_flags');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (tests.get_user_id('customer'), current_setting('fx.flag')::uuid, true, 'test', now() + interval '1 day') $$, '42501', null, 'customer cannot insert into user_feature_flags');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (tests.get_user_id('provider'), current_setting('fx.flag')::uuid, true, 'test', now() + interval '1 day') $$, '42501', null, 'provider cannot insert into user_feature_flags');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (tests.get_user_id('ops'), current_setting('fx.flag')::uuid, true, 'test', now() + interval '1 day') $$, '42501', null, 'operations cannot insert into user_feature_flags');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (tests.get_user_id('finance'), current_setting('fx.flag')::uuid, true, 'test', now() + interval '1 day') $$, '42501', null, 'finance cannot insert into user_feature_flags');
select tests.authenticate_as('product');
select lives_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (tests.get_user_id('product'), current_setting('fx.flag')::uuid, true, 'test', now() + interval '1 day') $$, 'product can insert into user_feature_flags');
select tests.authenticate_as('super');
select lives_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (tests.get_user_id('super'), current_setting('fx.flag')::uuid, true, 'test', now() + interval '1 day') $$, 'super admin can insert into user_feature_flags');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (tests.get_user_id('other_admin'), current_setting('fx.flag')::uuid, true, 'test', now() + interval '1 day') $$, '22023', null, 'other-tenant admin cannot insert into user_feature_flags');
select tests.clear_authentication();
select throws_ok($$ update public.user_feature_flags set is_enabled = false where id = current_setting('fx.uff')::uuid returning 1 $$, '42501', null, 'anonymous cannot update user_feature_flags');
select tests.authenticate_as('customer');
select is_empty($$ update public.user_feature_flags set is_enabled = false where id = current_setting('fx.uff')::uuid returning 1 $$, 'customer cannot update user_feature_flags');
select tests.authenticate_as('provider');
select is_empty($$ update public.user_feature_flags set is_enabled = false where id = current_setting('fx.uff')::uuid returning 1 $$, 'provider cannot update user_feature_flags');
select tests.authenticate_as('ops');
select is_empty($$ update public.user_feature_flags set is_enabled = false where id = current_setting('fx.uff')::uuid returning 1 $$, 'operations cannot update user_feature_flags');
select tests.authenticate_as('finance');
select is_empty($$ update public.user_feature_flags set is_enabled = false where id = current_setting('fx.uff')::uuid returning 1 $$, 'finance cannot update user_feature_flags');
select tests.authenticate_as('product');
select isnt_empty($$ update public.user_feature_flags set is_enabled = false where id = current_setting('fx.uff')::uuid returning 1 $$, 'product can update user_feature_flags');
select tests.authenticate_as('super');
select isnt_empty($$ update public.user_feature_flags set is_enabled = false where id = current_setting('fx.uff')::uuid returning 1 $$, 'super admin can update user_feature_flags');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.user_feature_flags set is_enabled = false where id = current_setting('fx.uff')::uuid returning 1 $$, 'other-tenant admin cannot update user_feature_flags');
select tests.clear_authentication();
select throws_ok($$ delete from public.user_feature_flags where id = current_setting('fx.uff')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from user_feature_flags');
select tests.authenticate_as('customer');
select is_empty($$ delete from public.user_feature_flags where id = current_setting('fx.uff')::uuid returning 1 $$, 'customer cannot delete from user_feature_flags');
select tests.authenticate_as('provider');
select is_empty($$ delete from public.user_feature_flags where id = current_setting('fx.uff')::uuid returning 1 $$, 'provider cannot delete from user_feature_flags');
select tests.authenticate_as('ops');
select is_empty($$ delete from public.user_feature_flags where id = current_setting('fx.uff')::uuid returning 1 $$, 'operations cannot delete from user_feature_flags');
select tests.authenticate_as('finance');
select is_empty($$ delete from public.user_feature_flags where id = current_setting('fx.uff')::uuid returning 1 $$, 'finance cannot delete from user_feature_flags');
select tests.authenticate_as('product');
select isnt_empty($$ delete from public.user_feature_flags where id = current_setting('fx.uff_del_product')::uuid returning 1 $$, 'product can delete from user_feature_flags');
select tests.authenticate_as('super');
select isnt_empty($$ delete from public.user_feature_flags where id = current_setting('fx.uff_del_super')::uuid returning 1 $$, 'super admin can delete from user_feature_flags');
select tests.authenticate_as('other_admin');
select is_empty($$ delete from public.user_feature_flags where id = current_setting('fx.uff')::uuid returning 1 $$, 'other-tenant admin cannot delete from user_feature_flags');

select * from finish();
rollback;
