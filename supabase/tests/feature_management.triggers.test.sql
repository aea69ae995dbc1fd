-- Feature management behaviour: variant weights must sum to 100 (check constraint through an
-- immutable validator), key format and per-tenant uniqueness, the rollout/kill/revive RPCs
-- (permission, tenant, bad input, audit), override validation and my_feature_flags().
begin;
select plan(32);

do $$
declare v uuid;
begin
  perform tests.create_supabase_user('customer');
  perform tests.create_supabase_user('provider', role => 'provider');
  perform tests.create_supabase_user('product', role => 'admin', staff_role => 'product');
  perform tests.create_supabase_user('finance', role => 'admin', staff_role => 'finance');
  perform tests.create_supabase_user('other_admin', role => 'admin', tenant_slug => 'other-co');
  perform set_config('t.tenant', tests.ensure_tenant('loconomy')::text, true);
  insert into public.feature_flags (tenant_id, key, name, variants)
  values (current_setting('t.tenant')::uuid, 'checkout.v2', 'Checkout v2',
          '[{"key": "control", "weight": 50}, {"key": "treatment", "weight": 50}]') returning id into v;
  perform set_config('t.flag', v::text, true);
end
$$;

-- variants ---------------------------------------------------------------------------------
select ok(private.feature_flag_variants_valid('[]'), 'no variants is valid');
select ok(private.feature_flag_variants_valid('[{"key": "a", "weight": 100}]'), 'one variant at 100 is valid');
select ok(not private.feature_flag_variants_valid('[{"key": "a", "weight": 60}, {"key": "b", "weight": 30}]'), 'weights summing to 90 are not');
select ok(not private.feature_flag_variants_valid('[{"key": "a", "weight": 50}, {"key": "a", "weight": 50}]'), 'duplicate keys are not');
select ok(not private.feature_flag_variants_valid('[{"key": "a", "weight": 50.5}, {"key": "b", "weight": 49.5}]'), 'fractional weights are not');
select ok(not private.feature_flag_variants_valid('[{"key": "a", "weight": "100"}]'), 'string weights are not');
select ok(not private.feature_flag_variants_valid('{"a": 100}'), 'an object is not a variant list');
select throws_ok($$ insert into public.feature_flags (tenant_id, key, name, variants)
  values (current_setting('t.tenant')::uuid, 'bad-weights', 'x', '[{"key": "a", "weight": 70}, {"key": "b", "weight": 20}]') $$,
  '23514', null, 'a flag whose variant weights do not sum to 100 is refused');
select throws_ok($$ update public.feature_flags set variants = '[{"key": "control", "weight": 101}]' where id = current_setting('t.flag')::uuid $$,
  '23514', null, 'so is an update that breaks the weights');
select throws_ok($$ insert into public.feature_flags (tenant_id, key, name) values (current_setting('t.tenant')::uuid, 'Bad Key', 'x') $$,
  '23514', null, 'flag keys are lower-case identifiers');
select throws_ok($$ insert into public.feature_flags (tenant_id, key, name) values (current_setting('t.tenant')::uuid, 'checkout.v2', 'again') $$,
  '23505', null, 'a key is unique within a tenant');
select lives_ok($$ insert into public.feature_flags (tenant_id, key, name) values (tests.ensure_tenant('other-co'), 'checkout.v2', 'theirs') $$,
  'the same key may exist in another tenant');
select throws_ok($$ update public.feature_flags set rollout_percentage = 101 where id = current_setting('t.flag')::uuid $$,
  '23514', null, 'rollout is 0-100');

-- direct writes cannot roll out -------------------------------------------------------------
select tests.authenticate_as('product');
select throws_ok($$ update public.feature_flags set is_enabled = true where id = current_setting('t.flag')::uuid $$, '42501', null,
  'enabling goes through set_feature_flag_rollout, not a direct update');
select isnt_empty($$ update public.feature_flags set description = 'New checkout flow' where id = current_setting('t.flag')::uuid returning 1 $$,
  'descriptive fields are edited directly');

-- set_feature_flag_rollout --------------------------------------------------------------------
select tests.authenticate_as('finance');
select throws_ok($$ select public.set_feature_flag_rollout(current_setting('t.flag')::uuid, 50, 'pgTAP: why') $$, '42501', null,
  'rolling out needs feature_flags.manage');
select tests.authenticate_as('other_admin');
select throws_ok($$ select public.set_feature_flag_rollout(current_setting('t.flag')::uuid, 50, 'pgTAP: why') $$, '42501', null,
  'another tenant''s admin cannot roll out this tenant''s flag');
select tests.authenticate_as('product');
select throws_ok($$ select public.set_feature_flag_rollout(current_setting('t.flag')::uuid, 150, 'pgTAP: why') $$, '22023', null,
  'a rollout above 100 is bad input');
select throws_ok($$ select public.set_feature_flag_rollout(gen_random_uuid(), 10, 'pgTAP: why') $$, 'PT404', null, 'an unknown flag is reported');
select is((select array[r.is_enabled::text, r.rollout_percentage::text] from public.set_feature_flag_rollout(current_setting('t.flag')::uuid, 100, 'pgTAP: why') r),
  array['true', '100'], 'the flag is enabled for everyone');
select tests.reset_role();
select ok(exists (select 1 from public.audit_logs where table_name = 'feature_flags' and record_id = current_setting('t.flag')
  and action = 'admin_action' and metadata ->> 'rpc' = 'set_feature_flag_rollout' and actor_id = tests.get_user_id('product')),
  'the rollout is audited with its actor');

-- my_feature_flags: enabled at 100%, variant from the weights ------------------------------------
select tests.authenticate_as('customer');
select ok((select enabled and variant in ('control', 'treatment') from public.my_feature_flags() where key = 'checkout.v2'),
  'a customer sees the flag on with one of its variants');
select is((select variant from public.my_feature_flags() where key = 'checkout.v2'),
          (select variant from public.my_feature_flags() where key = 'checkout.v2'), 'the variant is stable for a user');
select tests.reset_role();

-- overrides --------------------------------------------------------------------------------
select throws_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, variant, reason, expires_at)
  values (tests.get_user_id('customer'), current_setting('t.flag')::uuid, true, 'purple', 'test', now() + interval '1 day') $$, '22023', null,
  'an override''s variant is one of the flag''s');
insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (tests.get_user_id('provider'), current_setting('t.flag')::uuid, false, 'test', now() + interval '1 day');
select tests.authenticate_as('provider');
select is((select enabled from public.my_feature_flags() where key = 'checkout.v2'), false, 'a user override wins over the rollout');
select tests.reset_role();
select lives_ok($$ update public.feature_flags set variants = '[{"key": "control", "weight": 34}, {"key": "treatment", "weight": 33}, {"key": "beta", "weight": 33}]'
  where id = current_setting('t.flag')::uuid $$, 'variants may be reshaped while they sum to 100');
insert into public.user_feature_flags (user_id, flag_id, is_enabled, variant, reason, expires_at) values (tests.get_user_id('customer'), current_setting('t.flag')::uuid, true, 'treatment', 'test', now() + interval '1 day');
select throws_ok($$ update public.feature_flags set variants = '[{"key": "control", "weight": 100}]' where id = current_setting('t.flag')::uuid $$,
  '23503', null, 'a variant still used by an override cannot be removed');

-- kill switch ------------------------------------------------------------------------------
select tests.authenticate_as('product');
select is((select array[r.kill_switch::text, r.is_enabled::text, (r.killed_by = tests.get_user_id('product'))::text]
             from public.kill_feature_flag(current_setting('t.flag')::uuid, 'checkout errors') r),
  array['true', 'false', 'true'], 'the kill switch turns the flag off and records who');
select throws_ok($$ select public.set_feature_flag_rollout(current_setting('t.flag')::uuid, 50, 'pgTAP: why') $$, 'P0001', null,
  'a killed flag cannot be rolled out');
select tests.authenticate_as('customer');
select is((select enabled from public.my_feature_flags() where key = 'checkout.v2'), false, 'a killed flag is off even for overrides');
select tests.authenticate_as('product');
select is((select array[r.kill_switch::text, r.is_enabled::text] from public.revive_feature_flag(current_setting('t.flag')::uuid) r),
  array['false', 'false'], 'reviving clears the kill switch and leaves the flag off');
select tests.reset_role();
select is((select count(*)::int from public.audit_logs where table_name = 'feature_flags' and record_id = current_setting('t.flag')
  and action = 'admin_action' and metadata ->> 'rpc' in ('kill_feature_flag', 'revive_feature_flag')), 2, 'kill and revive are audited');

select * from finish();
rollback;
