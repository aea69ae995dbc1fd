-- Referrals behaviour: a referral completes with the referred customer's first completed
-- booking (or when staff set it to completed) → both rewards are created once and the
-- code's uses_count goes up; limits, windows and constraints hold.
begin;
select plan(27);

do $$
declare v uuid;
begin
  perform tests.create_supabase_user('referrer');
  perform tests.create_supabase_user('friend');
  perform tests.create_supabase_user('friend2');
  perform tests.create_supabase_user('friend3');
  perform tests.create_supabase_user('provider', role => 'provider');
  perform tests.create_supabase_user('finance', role => 'admin', staff_role => 'finance');
  perform tests.create_supabase_user('stranger', tenant_slug => 'other-co');
  perform set_config('t.tenant', tests.ensure_tenant('loconomy')::text, true);

  insert into public.referral_programs (tenant_id, name, referrer_reward_cents, referee_reward_cents, reward_type, max_uses_per_code)
  values (current_setting('t.tenant')::uuid, 'Give 10 get 5', 1000, 500, 'credit', 2) returning id into v;
  perform set_config('t.program', v::text, true);
  insert into public.referral_codes (program_id, user_id, code)
  values (v, tests.get_user_id('referrer'), 'ref10off') returning id into v;
  perform set_config('t.code', v::text, true);

  insert into public.listings (provider_id, title, slug, status, pricing_type, location_type, price_cents)
  values (tests.get_user_id('provider'), 'Remote tutoring', 'remote-tutoring-referrals-test', 'active', 'fixed', 'remote', 5000)
  returning id into v;
  perform set_config('t.listing', v::text, true);
end
$$;

-- codes ---------------------------------------------------------------------------------
select is((select code from public.referral_codes where id = current_setting('t.code')::uuid), 'REF10OFF', 'codes are stored upper-case');
select is((select max_uses from public.referral_codes where id = current_setting('t.code')::uuid), 2, 'a code inherits the program''s max uses');
select throws_ok($$ insert into public.referral_codes (program_id, user_id, code)
  values (current_setting('t.program')::uuid, tests.get_user_id('friend'), 'no spaces') $$, '23514', null, 'codes are 4-32 letters and digits');
select throws_ok($$ insert into public.referral_codes (program_id, user_id, code)
  values (current_setting('t.program')::uuid, tests.get_user_id('stranger'), 'STRANGER1') $$, '42501', null,
  'a user of another tenant cannot get a code for this tenant''s program');
select throws_ok($$ insert into public.referral_programs (tenant_id, name, referrer_reward_cents, starts_at, ends_at)
  values (current_setting('t.tenant')::uuid, 'Backwards', 100, now(), now() - interval '1 day') $$, '23514', null,
  'a program ends after it starts');
select throws_ok($$ insert into public.referral_programs (tenant_id, name) values (current_setting('t.tenant')::uuid, 'Nothing') $$,
  '23514', null, 'a program rewards someone');

-- referrals -----------------------------------------------------------------------------
do $$
declare v uuid;
begin
  insert into public.referrals (referral_code_id, referred_user_id)
  values (current_setting('t.code')::uuid, tests.get_user_id('friend')) returning id into v;
  perform set_config('t.ref', v::text, true);
end
$$;
select is((select referrer_id from public.referrals where id = current_setting('t.ref')::uuid), tests.get_user_id('referrer'),
  'the referrer is the code''s owner');
select is((select status from public.referrals where id = current_setting('t.ref')::uuid), 'pending', 'a referral starts pending');
select is((select uses_count from public.referral_codes where id = current_setting('t.code')::uuid), 0,
  'a pending referral does not use the code yet');
select throws_ok($$ insert into public.referrals (referral_code_id, referred_user_id)
  values (current_setting('t.code')::uuid, tests.get_user_id('referrer')) $$, '23514', null, 'nobody refers themselves');
select throws_ok($$ insert into public.referrals (referral_code_id, referred_user_id)
  values (current_setting('t.code')::uuid, tests.get_user_id('friend')) $$, '23505', null, 'a user is referred once');

-- the referred customer's first booking completes → referral completed, rewards, use counted
do $$
declare v uuid;
begin
  insert into public.bookings (listing_id, customer_id, scheduled_start, scheduled_end, location_type, subtotal_cents, total_cents)
  values (current_setting('t.listing')::uuid, tests.get_user_id('friend'), now() + interval '1 day', now() + interval '1 day 1 hour',
          'remote', 5000, 5000) returning id into v;
  perform set_config('t.booking', v::text, true);
  update public.bookings set status = 'confirmed' where id = v;
end
$$;
select is((select status from public.referrals where id = current_setting('t.ref')::uuid), 'pending', 'a confirmed booking does not complete the referral');
update public.bookings set status = 'completed' where id = current_setting('t.booking')::uuid;
select is((select array[status, qualifying_booking_id::text] from public.referrals where id = current_setting('t.ref')::uuid),
  array['completed', current_setting('t.booking')], 'the first completed booking completes the referral');
select isnt((select completed_at from public.referrals where id = current_setting('t.ref')::uuid), null, 'completion is time-stamped');
select results_eq(
  $$ select recipient, user_id, amount_cents, reward_type::text, status from public.referral_rewards
      where referral_id = current_setting('t.ref')::uuid order by recipient $$,
  $$ values ('referee', tests.get_user_id('friend'), 500::bigint, 'credit', 'pending'),
            ('referrer', tests.get_user_id('referrer'), 1000::bigint, 'credit', 'pending') $$,
  'completion creates the referrer''s and the referee''s rewards from the program');
select is((select uses_count from public.referral_codes where id = current_setting('t.code')::uuid), 1, 'completion counts one use of the code');

-- a later completed booking changes nothing
do $$
declare v uuid;
begin
  insert into public.bookings (listing_id, customer_id, scheduled_start, scheduled_end, location_type, subtotal_cents, total_cents, status)
  values (current_setting('t.listing')::uuid, tests.get_user_id('friend'), now() + interval '2 days', now() + interval '2 days 1 hour',
          'remote', 5000, 5000, 'pending') returning id into v;
  update public.bookings set status = 'confirmed' where id = v;
  update public.bookings set status = 'completed' where id = v;
end
$$;
select is((select count(*)::int from public.referral_rewards where referral_id = current_setting('t.ref')::uuid), 2,
  'a second completed booking creates no more rewards');
select is((select uses_count from public.referral_codes where id = current_setting('t.code')::uuid), 1, 'nor another use');
select throws_ok($$ update public.referrals set status = 'pending' where id = current_setting('t.ref')::uuid $$, 'P0001', null,
  'a completed referral stays completed');

-- staff completing a referral directly
insert into public.referrals (referral_code_id, referred_user_id) values (current_setting('t.code')::uuid, tests.get_user_id('friend2'));
select tests.authenticate_as('finance');
select isnt_empty($$ update public.referrals set status = 'completed' where referred_user_id = tests.get_user_id('friend2') returning 1 $$,
  'finance (referrals.manage) can complete a referral');
select tests.reset_role();
select is((select count(*)::int from public.referral_rewards r join public.referrals f on f.id = r.referral_id
            where f.referred_user_id = tests.get_user_id('friend2')), 2, 'setting status completed creates the rewards too');
select is((select uses_count from public.referral_codes where id = current_setting('t.code')::uuid), 2, 'and counts the use');
select throws_ok($$ insert into public.referrals (referral_code_id, referred_user_id)
  values (current_setting('t.code')::uuid, tests.get_user_id('friend3')) $$, 'P0001', null, 'a code at its maximum uses takes no more referrals');
select throws_ok($$ update public.referral_codes set uses_count = 3 where id = current_setting('t.code')::uuid $$, '23514', null,
  'uses_count never exceeds max_uses');

-- rewards -------------------------------------------------------------------------------
update public.referral_rewards set status = 'paid' where referral_id = current_setting('t.ref')::uuid and recipient = 'referrer';
select ok((select issued_at is not null and paid_at is not null from public.referral_rewards
            where referral_id = current_setting('t.ref')::uuid and recipient = 'referrer'), 'paying a reward stamps issued_at and paid_at');
select throws_ok($$ insert into public.referral_rewards (referral_id, user_id, recipient, reward_type, amount_cents)
  values (current_setting('t.ref')::uuid, tests.get_user_id('friend'), 'referee', 'cash', 100) $$, '23505', null,
  'one reward per referral and recipient');
select ok(exists (select 1 from public.audit_logs where table_name = 'referral_rewards' and action = 'update'),
  'reward changes are audited');

select * from finish();
rollback;
