-- Referrals: programs, codes, referrals and rewards by persona
-- Persona access matrix (Basejump style): per table and command, what each persona gets —
-- rows, none (RLS hides or filters the row), ok, denied (42501) — as one tests.expect_access
-- call (supabase/tests/helpers/rls-matrix.sql). Personas: tests.create_tenant_personas.
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
select tests.expect_access('referral_programs', 'select',
  $$select 1 from public.referral_programs where id = current_setting('fx.prog')::uuid$$,
  'anon=denied customer=rows provider=rows ops=rows finance=rows product=rows super=rows other_admin=none');
select tests.expect_access('referral_programs', 'insert',
  $$insert into public.referral_programs (tenant_id, name, referrer_reward_cents) values (current_setting('fx.tenant')::uuid, 'New {persona_slug}', 500)$$,
  'anon=denied customer=denied provider=denied ops=denied finance=ok product=denied super=ok other_admin=denied');
select tests.expect_access('referral_programs', 'update',
  $$update public.referral_programs set description = 'x' where id = current_setting('fx.prog')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('referral_programs', 'delete',
  $$delete from public.referral_programs where id = current_setting('fx.prog')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=rows product=none super=rows other_admin=none',
  statements => $${
    "finance":"delete from public.referral_programs where id = current_setting('fx.prog_del_finance')::uuid returning 1",
    "super":"delete from public.referral_programs where id = current_setting('fx.prog_del_super')::uuid returning 1"
  }$$);

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
select tests.expect_access('referral_codes', 'select',
  $$select 1 from public.referral_codes where id = current_setting('fx.code')::uuid$$,
  'anon=denied customer=rows provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('referral_codes', 'insert',
  $$insert into public.referral_codes (program_id, user_id, code) values (current_setting('fx.prog2')::uuid, {user}, upper(replace('{persona_slug}', '-', '')) || 'X1')$$,
  'anon=denied customer=ok provider=ok ops=ok finance=ok product=ok super=ok other_admin=denied');
select tests.expect_access('referral_codes', 'update',
  $$update public.referral_codes set is_active = true where id = current_setting('fx.code')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('referral_codes', 'delete',
  $$delete from public.referral_codes where id = current_setting('fx.code')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

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
select tests.expect_access('referrals', 'select',
  $$select 1 from public.referrals where id = current_setting('fx.ref')::uuid$$,
  'anon=denied customer=rows provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('referrals', 'insert',
  $$insert into public.referrals (referral_code_id, referred_user_id) values (current_setting('fx.code')::uuid, {user})$$,
  'anon=denied customer=23514 provider=ok ops=ok finance=ok product=ok super=ok other_admin=denied');
select tests.expect_access('referrals', 'update',
  $$update public.referrals set status = 'pending' where id = current_setting('fx.ref')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('referrals', 'delete',
  $$delete from public.referrals where id = current_setting('fx.ref')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

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
select tests.expect_access('referral_rewards', 'select',
  $$select 1 from public.referral_rewards where id = current_setting('fx.reward')::uuid$$,
  'anon=denied customer=rows provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('referral_rewards', 'insert',
  $$insert into public.referral_rewards (referral_id, user_id, recipient, reward_type, amount_cents) values (current_setting('fx.ref')::uuid, {user}, 'referee', 'credit', 100)$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('referral_rewards', 'update',
  $$update public.referral_rewards set status = 'issued' where id = current_setting('fx.reward')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('referral_rewards', 'delete',
  $$delete from public.referral_rewards where id = current_setting('fx.reward')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

select * from finish();
rollback;