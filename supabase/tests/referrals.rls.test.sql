-- Referrals: programs, codes, referrals and rewards by persona
-- Persona access matrix, Basejump style: anonymous, customer, provider, operations, finance,
-- product, super admin and an admin of another tenant; select / insert / update / delete,
-- allowed (isnt_empty, lives_ok) and denied (is_empty for rows RLS hides, throws_ok 42501
-- where the role has no privilege or the new row violates a policy).
-- Generated shape, hand-checked expectations; one block per table.
begin;
select plan(128);

select tests.create_tenant_personas();

-- referral_programs ---------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.referral_programs (tenant_id, name, referrer_reward_cents, referee_reward_cents) values (current_setting('fx.tenant')::uuid, 'Program ' || gen_random_uuid(), 1000, 500)
  returning id into v;
  perform set_config('fx.prog', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.referral_programs (tenant_id, name, referrer_reward_cents, referee_reward_cents) values (current_setting('fx.tenant')::uuid, 'Program ' || gen_random_uuid(), 1000, 500)
  returning id into v;
  perform set_config('fx.prog2', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.referral_programs (tenant_id, name, referrer_reward_cents, referee_reward_cents) values (current_setting('fx.tenant')::uuid, 'Program ' || gen_random_uuid(), 1000, 500)
  returning id into v;
  perform set_config('fx.prog_del_finance', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.referral_programs (tenant_id, name, referrer_reward_cents, referee_reward_cents) values (current_setting('fx.tenant')::uuid, 'Program ' || gen_random_uuid(), 1000, 500)
  returning id into v;
  perform set_config('fx.prog_del_super', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.referral_programs where id = current_setting('fx.prog')::uuid $$, '42501', null, 'anonymous cannot read referral_programs');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.referral_programs where id = current_setting('fx.prog')::uuid $$, 'customer can read referral_programs');
select tests.authenticate_as('provider');
select isnt_empty($$ select 1 from public.referral_programs where id = current_setting('fx.prog')::uuid $$, 'provider can read referral_programs');
select tests.authenticate_as('ops');
select isnt_empty($$ select 1 from public.referral_programs where id = current_setting('fx.prog')::uuid $$, 'operations can read referral_programs');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.referral_programs where id = current_setting('fx.prog')::uuid $$, 'finance can read referral_programs');
select tests.authenticate_as('product');
select isnt_empty($$ select 1 from public.referral_programs where id = current_setting('fx.prog')::uuid $$, 'product can read referral_programs');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.referral_programs where id = current_setting('fx.prog')::uuid $$, 'super admin can read referral_programs');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.referral_programs where id = current_setting('fx.prog')::uuid $$, 'other-tenant admin cannot read referral_programs');
select tests.clear_authentication();
select throws_ok($$ insert into public.referral_programs (tenant_id, name, referrer_reward_cents) values (current_setting('fx.tenant')::uuid, 'New anon', 500) $$, '42501', null, 'anonymous cannot insert into referral_programs');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.referral_programs (tenant_id, name, referrer_reward_cents) values (current_setting('fx.tenant')::uuid, 'New customer', 500) $$, '42501', null, 'customer cannot insert into referral_programs');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.referral_programs (tenant_id, name, referrer_reward_cents) values (current_setting('fx.tenant')::uuid, 'New provider', 500) $$, '42501', null, 'provider cannot insert into referral_programs');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.referral_programs (tenant_id, name, referrer_reward_cents) values (current_setting('fx.tenant')::uuid, 'New ops', 500) $$, '42501', null, 'operations cannot insert into referral_programs');
select tests.authenticate_as('finance');
select lives_ok($$ insert into public.referral_programs (tenant_id, name, referrer_reward_cents) values (current_setting('fx.tenant')::uuid, 'New finance', 500) $$, 'finance can insert into referral_programs');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.referral_programs (tenant_id, name, referrer_reward_cents) values (current_setting('fx.tenant')::uuid, 'New product', 500) $$, '42501', null, 'product cannot insert into referral_programs');
select tests.authenticate_as('super');
select lives_ok($$ insert into public.referral_programs (tenant_id, name, referrer_reward_cents) values (current_setting('fx.tenant')::uuid, 'New super', 500) $$, 'super admin can insert into referral_programs');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.referral_programs (tenant_id, name, referrer_reward_cents) values (current_setting('fx.tenant')::uuid, 'New other-admin', 500) $$, '42501', null, 'other-tenant admin cannot insert into referral_programs');
select tests.clear_authentication();
select throws_ok($$ update public.referral_programs set description = 'x' where id = current_setting('fx.prog')::uuid returning 1 $$, '42501', null, 'anonymous cannot update referral_programs');
select tests.authenticate_as('customer');
select is_empty($$ update public.referral_programs set description = 'x' where id = current_setting('fx.prog')::uuid returning 1 $$, 'customer cannot update referral_programs');
select tests.authenticate_as('provider');
select is_empty($$ update public.referral_programs set description = 'x' where id = current_setting('fx.prog')::uuid returning 1 $$, 'provider cannot update referral_programs');
select tests.authenticate_as('ops');
select is_empty($$ update public.referral_programs set description = 'x' where id = current_setting('fx.prog')::uuid returning 1 $$, 'operations cannot update referral_programs');
select tests.authenticate_as('finance');
select isnt_empty($$ update public.referral_programs set description = 'x' where id = current_setting('fx.prog')::uuid returning 1 $$, 'finance can update referral_programs');
select tests.authenticate_as('product');
select is_empty($$ update public.referral_programs set description = 'x' where id = current_setting('fx.prog')::uuid returning 1 $$, 'product cannot update referral_programs');
select tests.authenticate_as('super');
select isnt_empty($$ update public.referral_programs set description = 'x' where id = current_setting('fx.prog')::uuid returning 1 $$, 'super admin can update referral_programs');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.referral_programs set description = 'x' where id = current_setting('fx.prog')::uuid returning 1 $$, 'other-tenant admin cannot update referral_programs');
select tests.clear_authentication();
select throws_ok($$ delete from public.referral_programs where id = current_setting('fx.prog')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from referral_programs');
select tests.authenticate_as('customer');
select is_empty($$ delete from public.referral_programs where id = current_setting('fx.prog')::uuid returning 1 $$, 'customer cannot delete from referral_programs');
select tests.authenticate_as('provider');
select is_empty($$ delete from public.referral_programs where id = current_setting('fx.prog')::uuid returning 1 $$, 'provider cannot delete from referral_programs');
select tests.authenticate_as('ops');
select is_empty($$ delete from public.referral_programs where id = current_setting('fx.prog')::uuid returning 1 $$, 'operations cannot delete from referral_programs');
select tests.authenticate_as('finance');
select isnt_empty($$ delete from public.referral_programs where id = current_setting('fx.prog_del_finance')::uuid returning 1 $$, 'finance can delete from referral_programs');
select tests.authenticate_as('product');
select is_empty($$ delete from public.referral_programs where id = current_setting('fx.prog')::uuid returning 1 $$, 'product cannot delete from referral_programs');
select tests.authenticate_as('super');
select isnt_empty($$ delete from public.referral_programs where id = current_setting('fx.prog_del_super')::uuid returning 1 $$, 'super admin can delete from referral_programs');
select tests.authenticate_as('other_admin');
select is_empty($$ delete from public.referral_programs where id = current_setting('fx.prog')::uuid returning 1 $$, 'other-tenant admin cannot delete from referral_programs');

-- referral_codes ------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.referral_codes (program_id, user_id, code) values (current_setting('fx.prog')::uuid, tests.get_user_id('customer'), 'CUSTOMER1')
  returning id into v;
  perform set_config('fx.code', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.referral_codes where id = current_setting('fx.code')::uuid $$, '42501', null, 'anonymous cannot read referral_codes');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.referral_codes where id = current_setting('fx.code')::uuid $$, 'customer can read referral_codes');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.referral_codes where id = current_setting('fx.code')::uuid $$, 'provider cannot read referral_codes');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.referral_codes where id = current_setting('fx.code')::uuid $$, 'operations cannot read referral_codes');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.referral_codes where id = current_setting('fx.code')::uuid $$, 'finance can read referral_codes');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.referral_codes where id = current_setting('fx.code')::uuid $$, 'product cannot read referral_codes');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.referral_codes where id = current_setting('fx.code')::uuid $$, 'super admin can read referral_codes');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.referral_codes where id = current_setting('fx.code')::uuid $$, 'other-tenant admin cannot read referral_codes');
select tests.clear_authentication();
select throws_ok($$ insert into public.referral_codes (program_id, user_id, code) values (current_setting('fx.prog2')::uuid, tests.get_user_id('customer'), upper(replace('anon', '-', '')) || 'X1') $$, '42501', null, 'anonymous cannot insert into referral_codes');
select tests.authenticate_as('customer');
select lives_ok($$ insert into public.referral_codes (program_id, user_id, code) values (current_setting('fx.prog2')::uuid, tests.get_user_id('customer'), upper(replace('customer', '-', '')) || 'X1') $$, 'customer can insert into referral_codes');
select tests.authenticate_as('provider');
select lives_ok($$ insert into public.referral_codes (program_id, user_id, code) values (current_setting('fx.prog2')::uuid, tests.get_user_id('provider'), upper(replace('provider', '-', '')) || 'X1') $$, 'provider can insert into referral_codes');
select tests.authenticate_as('ops');
select lives_ok($$ insert into public.referral_codes (program_id, user_id, code) values (current_setting('fx.prog2')::uuid, tests.get_user_id('ops'), upper(replace('ops', '-', '')) || 'X1') $$, 'operations can insert into referral_codes');
select tests.authenticate_as('finance');
select lives_ok($$ insert into public.referral_codes (program_id, user_id, code) values (current_setting('fx.prog2')::uuid, tests.get_user_id('finance'), upper(replace('finance', '-', '')) || 'X1') $$, 'finance can insert into referral_codes');
select tests.authenticate_as('product');
select lives_ok($$ insert into public.referral_codes (program_id, user_id, code) values (current_setting('fx.prog2')::uuid, tests.get_user_id('product'), upper(replace('product', '-', '')) || 'X1') $$, 'product can insert into referral_codes');
select tests.authenticate_as('super');
select lives_ok($$ insert into public.referral_codes (program_id, user_id, code) values (current_setting('fx.prog2')::uuid, tests.get_user_id('super'), upper(replace('super', '-', '')) || 'X1') $$, 'super admin can insert into referral_codes');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.referral_codes (program_id, user_id, code) values (current_setting('fx.prog2')::uuid, tests.get_user_id('other_admin'), upper(replace('other-admin', '-', '')) || 'X1') $$, '42501', null, 'other-tenant admin cannot insert into referral_codes');
select tests.clear_authentication();
select throws_ok($$ update public.referral_codes set is_active = true where id = current_setting('fx.code')::uuid returning 1 $$, '42501', null, 'anonymous cannot update referral_codes');
select tests.authenticate_as('customer');
select is_empty($$ update public.referral_codes set is_active = true where id = current_setting('fx.code')::uuid returning 1 $$, 'customer cannot update referral_codes');
select tests.authenticate_as('provider');
select is_empty($$ update public.referral_codes set is_active = true where id = current_setting('fx.code')::uuid returning 1 $$, 'provider cannot update referral_codes');
select tests.authenticate_as('ops');
select is_empty($$ update public.referral_codes set is_active = true where id = current_setting('fx.code')::uuid returning 1 $$, 'operations cannot update referral_codes');
select tests.authenticate_as('finance');
select isnt_empty($$ update public.referral_codes set is_active = true where id = current_setting('fx.code')::uuid returning 1 $$, 'finance can update referral_codes');
select tests.authenticate_as('product');
select is_empty($$ update public.referral_codes set is_active = true where id = current_setting('fx.code')::uuid returning 1 $$, 'product cannot update referral_codes');
select tests.authenticate_as('super');
select isnt_empty($$ update public.referral_codes set is_active = true where id = current_setting('fx.code')::uuid returning 1 $$, 'super admin can update referral_codes');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.referral_codes set is_active = true where id = current_setting('fx.code')::uuid returning 1 $$, 'other-tenant admin cannot update referral_codes');
select tests.clear_authentication();
select throws_ok($$ delete from public.referral_codes where id = current_setting('fx.code')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from referral_codes');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.referral_codes where id = current_setting('fx.code')::uuid returning 1 $$, '42501', null, 'customer cannot delete from referral_codes');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.referral_codes where id = current_setting('fx.code')::uuid returning 1 $$, '42501', null, 'provider cannot delete from referral_codes');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.referral_codes where id = current_setting('fx.code')::uuid returning 1 $$, '42501', null, 'operations cannot delete from referral_codes');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.referral_codes where id = current_setting('fx.code')::uuid returning 1 $$, '42501', null, 'finance cannot delete from referral_codes');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.referral_codes where id = current_setting('fx.code')::uuid returning 1 $$, '42501', null, 'product cannot delete from referral_codes');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.referral_codes where id = current_setting('fx.code')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from referral_codes');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.referral_codes where id = current_setting('fx.code')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from referral_codes');

-- referrals -----------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.referrals (referral_code_id, referred_user_id) values (current_setting('fx.code')::uuid, tests.get_user_id('referred'))
  returning id into v;
  perform set_config('fx.ref', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.referrals where id = current_setting('fx.ref')::uuid $$, '42501', null, 'anonymous cannot read referrals');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.referrals where id = current_setting('fx.ref')::uuid $$, 'customer can read referrals');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.referrals where id = current_setting('fx.ref')::uuid $$, 'provider cannot read referrals');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.referrals where id = current_setting('fx.ref')::uuid $$, 'operations cannot read referrals');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.referrals where id = current_setting('fx.ref')::uuid $$, 'finance can read referrals');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.referrals where id = current_setting('fx.ref')::uuid $$, 'product cannot read referrals');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.referrals where id = current_setting('fx.ref')::uuid $$, 'super admin can read referrals');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.referrals where id = current_setting('fx.ref')::uuid $$, 'other-tenant admin cannot read referrals');
select tests.clear_authentication();
select throws_ok($$ insert into public.referrals (referral_code_id, referred_user_id) values (current_setting('fx.code')::uuid, tests.get_user_id('customer')) $$, '42501', null, 'anonymous cannot insert into referrals');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.referrals (referral_code_id, referred_user_id) values (current_setting('fx.code')::uuid, tests.get_user_id('customer')) $$, '23514', null, 'customer cannot insert into referrals');
select tests.authenticate_as('provider');
select lives_ok($$ insert into public.referrals (referral_code_id, referred_user_id) values (current_setting('fx.code')::uuid, tests.get_user_id('provider')) $$, 'provider can insert into referrals');
select tests.authenticate_as('ops');
select lives_ok($$ insert into public.referrals (referral_code_id, referred_user_id) values (current_setting('fx.code')::uuid, tests.get_user_id('ops')) $$, 'operations can insert into referrals');
select tests.authenticate_as('finance');
select lives_ok($$ insert into public.referrals (referral_code_id, referred_user_id) values (current_setting('fx.code')::uuid, tests.get_user_id('finance')) $$, 'finance can insert into referrals');
select tests.authenticate_as('product');
select lives_ok($$ insert into public.referrals (referral_code_id, referred_user_id) values (current_setting('fx.code')::uuid, tests.get_user_id('product')) $$, 'product can insert into referrals');
select tests.authenticate_as('super');
select lives_ok($$ insert into public.referrals (referral_code_id, referred_user_id) values (current_setting('fx.code')::uuid, tests.get_user_id('super')) $$, 'super admin can insert into referrals');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.referrals (referral_code_id, referred_user_id) values (current_setting('fx.code')::uuid, tests.get_user_id('other_admin')) $$, '42501', null, 'other-tenant admin cannot insert into referrals');
select tests.clear_authentication();
select throws_ok($$ update public.referrals set status = 'pending' where id = current_setting('fx.ref')::uuid returning 1 $$, '42501', null, 'anonymous cannot update referrals');
select tests.authenticate_as('customer');
select is_empty($$ update public.referrals set status = 'pending' where id = current_setting('fx.ref')::uuid returning 1 $$, 'customer cannot update referrals');
select tests.authenticate_as('provider');
select is_empty($$ update public.referrals set status = 'pending' where id = current_setting('fx.ref')::uuid returning 1 $$, 'provider cannot update referrals');
select tests.authenticate_as('ops');
select is_empty($$ update public.referrals set status = 'pending' where id = current_setting('fx.ref')::uuid returning 1 $$, 'operations cannot update referrals');
select tests.authenticate_as('finance');
select isnt_empty($$ update public.referrals set status = 'pending' where id = current_setting('fx.ref')::uuid returning 1 $$, 'finance can update referrals');
select tests.authenticate_as('product');
select is_empty($$ update public.referrals set status = 'pending' where id = current_setting('fx.ref')::uuid returning 1 $$, 'product cannot update referrals');
select tests.authenticate_as('super');
select isnt_empty($$ update public.referrals set status = 'pending' where id = current_setting('fx.ref')::uuid returning 1 $$, 'super admin can update referrals');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.referrals set status = 'pending' where id = current_setting('fx.ref')::uuid returning 1 $$, 'other-tenant admin cannot update referrals');
select tests.clear_authentication();
select throws_ok($$ delete from public.referrals where id = current_setting('fx.ref')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from referrals');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.referrals where id = current_setting('fx.ref')::uuid returning 1 $$, '42501', null, 'customer cannot delete from referrals');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.referrals where id = current_setting('fx.ref')::uuid returning 1 $$, '42501', null, 'provider cannot delete from referrals');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.referrals where id = current_setting('fx.ref')::uuid returning 1 $$, '42501', null, 'operations cannot delete from referrals');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.referrals where id = current_setting('fx.ref')::uuid returning 1 $$, '42501', null, 'finance cannot delete from referrals');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.referrals where id = current_setting('fx.ref')::uuid returning 1 $$, '42501', null, 'product cannot delete from referrals');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.referrals where id = current_setting('fx.ref')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from referrals');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.referrals where id = current_setting('fx.ref')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from referrals');

-- referral_rewards ----------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  update public.referrals set status = 'completed' where id = current_setting('fx.ref')::uuid;
  select id into v from public.referral_rewards where referral_id = current_setting('fx.ref')::uuid and recipient = 'referrer';
  perform set_config('fx.reward', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.referral_rewards where id = current_setting('fx.reward')::uuid $$, '42501', null, 'anonymous cannot read referral_rewards');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.referral_rewards where id = current_setting('fx.reward')::uuid $$, 'customer can read referral_rewards');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.referral_rewards where id = current_setting('fx.reward')::uuid $$, 'provider cannot read referral_rewards');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.referral_rewards where id = current_setting('fx.reward')::uuid $$, 'operations cannot read referral_rewards');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.referral_rewards where id = current_setting('fx.reward')::uuid $$, 'finance can read referral_rewards');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.referral_rewards where id = current_setting('fx.reward')::uuid $$, 'product cannot read referral_rewards');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.referral_rewards where id = current_setting('fx.reward')::uuid $$, 'super admin can read referral_rewards');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.referral_rewards where id = current_setting('fx.reward')::uuid $$, 'other-tenant admin cannot read referral_rewards');
select tests.clear_authentication();
select throws_ok($$ insert into public.referral_rewards (referral_id, user_id, recipient, reward_type, amount_cents) values (current_setting('fx.ref')::uuid, tests.get_user_id('customer'), 'referee', 'credit', 100) $$, '42501', null, 'anonymous cannot insert into referral_rewards');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.referral_rewards (referral_id, user_id, recipient, reward_type, amount_cents) values (current_setting('fx.ref')::uuid, tests.get_user_id('customer'), 'referee', 'credit', 100) $$, '42501', null, 'customer cannot insert into referral_rewards');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.referral_rewards (referral_id, user_id, recipient, reward_type, amount_cents) values (current_setting('fx.ref')::uuid, tests.get_user_id('provider'), 'referee', 'credit', 100) $$, '42501', null, 'provider cannot insert into referral_rewards');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.referral_rewards (referral_id, user_id, recipient, reward_type, amount_cents) values (current_setting('fx.ref')::uuid, tests.get_user_id('ops'), 'referee', 'credit', 100) $$, '42501', null, 'operations cannot insert into referral_rewards');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.referral_rewards (referral_id, user_id, recipient, reward_type, amount_cents) values (current_setting('fx.ref')::uuid, tests.get_user_id('finance'), 'referee', 'credit', 100) $$, '42501', null, 'finance cannot insert into referral_rewards');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.referral_rewards (referral_id, user_id, recipient, reward_type, amount_cents) values (current_setting('fx.ref')::uuid, tests.get_user_id('product'), 'referee', 'credit', 100) $$, '42501', null, 'product cannot insert into referral_rewards');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.referral_rewards (referral_id, user_id, recipient, reward_type, amount_cents) values (current_setting('fx.ref')::uuid, tests.get_user_id('super'), 'referee', 'credit', 100) $$, '42501', null, 'super admin cannot insert into referral_rewards');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.referral_rewards (referral_id, user_id, recipient, reward_type, amount_cents) values (current_setting('fx.ref')::uuid, tests.get_user_id('other_admin'), 'referee', 'credit', 100) $$, '42501', null, 'other-tenant admin cannot insert into referral_rewards');
select tests.clear_authentication();
select throws_ok($$ update public.referral_rewards set status = 'issued' where id = current_setting('fx.reward')::uuid returning 1 $$, '42501', null, 'anonymous cannot update referral_rewards');
select tests.authenticate_as('customer');
select is_empty($$ update public.referral_rewards set status = 'issued' where id = current_setting('fx.reward')::uuid returning 1 $$, 'customer cannot update referral_rewards');
select tests.authenticate_as('provider');
select is_empty($$ update public.referral_rewards set status = 'issued' where id = current_setting('fx.reward')::uuid returning 1 $$, 'provider cannot update referral_rewards');
select tests.authenticate_as('ops');
select is_empty($$ update public.referral_rewards set status = 'issued' where id = current_setting('fx.reward')::uuid returning 1 $$, 'operations cannot update referral_rewards');
select tests.authenticate_as('finance');
select isnt_empty($$ update public.referral_rewards set status = 'issued' where id = current_setting('fx.reward')::uuid returning 1 $$, 'finance can update referral_rewards');
select tests.authenticate_as('product');
select is_empty($$ update public.referral_rewards set status = 'issued' where id = current_setting('fx.reward')::uuid returning 1 $$, 'product cannot update referral_rewards');
select tests.authenticate_as('super');
select isnt_empty($$ update public.referral_rewards set status = 'issued' where id = current_setting('fx.reward')::uuid returning 1 $$, 'super admin can update referral_rewards');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.referral_rewards set status = 'issued' where id = current_setting('fx.reward')::uuid returning 1 $$, 'other-tenant admin cannot update referral_rewards');
select tests.clear_authentication();
select throws_ok($$ delete from public.referral_rewards where id = current_setting('fx.reward')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from referral_rewards');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.referral_rewards where id = current_setting('fx.reward')::uuid returning 1 $$, '42501', null, 'customer cannot delete from referral_rewards');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.referral_rewards where id = current_setting('fx.reward')::uuid returning 1 $$, '42501', null, 'provider cannot delete from referral_rewards');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.referral_rewards where id = current_setting('fx.reward')::uuid returning 1 $$, '42501', null, 'operations cannot delete from referral_rewards');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.referral_rewards where id = current_setting('fx.reward')::uuid returning 1 $$, '42501', null, 'finance cannot delete from referral_rewards');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.referral_rewards where id = current_setting('fx.reward')::uuid returning 1 $$, '42501', null, 'product cannot delete from referral_rewards');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.referral_rewards where id = current_setting('fx.reward')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from referral_rewards');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.referral_rewards where id = current_setting('fx.reward')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from referral_rewards');

select * from finish();
rollback;
