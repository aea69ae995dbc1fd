-- The preview before saving a flag change: its counts equal a direct count over the same users,
-- by dimension and by variant pair; who may ask; bad input named; nothing written.
begin;
select plan(14);
select tests.create_marketplace_fixture();

select tests.authenticate_as('product');
select lives_ok($$ insert into public.feature_flags (key, name, variants)
                   values ('preview-test', 'Preview test', '[{"key": "control", "weight": 50}, {"key": "treatment", "weight": 50}]') $$,
  'product creates a flag with two variants');
select lives_ok($$ select public.set_feature_flag_rollout((select id from public.feature_flags where key = 'preview-test'), 10, 'pgTAP: why') $$,
  'and rolls it out to 10 %');
select set_config('t.flag', (select id::text from public.feature_flags where key = 'preview-test'), true) \g /dev/null
select set_config('t.preview', public.preview_feature_flag_change(current_setting('t.flag')::uuid, 25)::text, true) \g /dev/null
select tests.reset_role();

-- the users the preview counts: the tenant's active users, bucketed on the flag key
create temp table counted as
select u.id, u.role::text as role, private.normalized_hash(u.id::text, 'preview-test', 100) as bucket
  from public.users u
 where u.tenant_id = (select tenant_id from public.feature_flags where key = 'preview-test')
   and u.deleted_at is null and u.status = 'active';

select is((current_setting('t.preview')::jsonb ->> 'users')::int, (select count(*)::int from counted), 'it looks at every active user of the tenant');
select is((current_setting('t.preview')::jsonb ->> 'entering')::int, (select count(*)::int from counted where bucket between 11 and 25),
  '10 % → 25 %: the users entering are those with a bucket in 11..25');
select is((current_setting('t.preview')::jsonb ->> 'leaving')::int, 0, 'nobody leaves when the rollout grows');
select is((current_setting('t.preview')::jsonb ->> 'on_after')::int, (select count(*)::int from counted where bucket <= 25), 'and 25 % of them are on after');
select is((select sum((r ->> 'entering')::int)::int from jsonb_array_elements(current_setting('t.preview')::jsonb -> 'by_role') r),
  (select count(*)::int from counted where bucket between 11 and 25), 'the roles add up to the users entering');
select is((select (r ->> 'entering')::int from jsonb_array_elements(current_setting('t.preview')::jsonb -> 'by_role') r where r ->> 'value' = 'customer'),
  (select count(*)::int from counted where bucket between 11 and 25 and role = 'customer'), 'customers entering, counted directly');

-- reweighting the variants: who switches, by pair
select tests.authenticate_as('product');
select set_config('t.weights', public.preview_feature_flag_change(current_setting('t.flag')::uuid,
  p_variants => '[{"key": "control", "weight": 20}, {"key": "treatment", "weight": 80}]')::text, true) \g /dev/null
select tests.reset_role();
select results_eq($$ select s ->> 'from', s ->> 'to', (s ->> 'users')::int from jsonb_array_elements(current_setting('t.weights')::jsonb -> 'variant_switches') s $$,
  $$ select 'control', 'treatment', count(*)::int from counted
      where bucket <= 10
        and private.flag_variant('[{"key": "control", "weight": 50}, {"key": "treatment", "weight": 50}]', id::text, 'preview-test') = 'control'
        and private.flag_variant('[{"key": "control", "weight": 20}, {"key": "treatment", "weight": 80}]', id::text, 'preview-test') = 'treatment' $$,
  '50/50 → 20/80: the users switching from control to treatment, and nobody the other way');
select is((select rollout_percentage from public.feature_flags where key = 'preview-test'), 10, 'a preview changes nothing');

-- bad input and who may ask
select tests.authenticate_as('product');
select throws_ok($$ select public.preview_feature_flag_change(current_setting('t.flag')::uuid, p_targeting_rules => '{"constraints": [{"contextName": "role", "operator": "IS", "values": ["a"]}]}') $$,
  '22023', 'targeting_rules.constraints[0].operator: must be one of IN, NOT_IN, STR_CONTAINS, STR_STARTS_WITH, STR_ENDS_WITH, NUM_EQ, NUM_GT, NUM_GTE, NUM_LT, NUM_LTE, DATE_AFTER, DATE_BEFORE, SEMVER_EQ, SEMVER_GT, SEMVER_LT',
  'a malformed rule is named');
select tests.authenticate_as('finance');
select throws_ok($$ select public.preview_feature_flag_change(current_setting('t.flag')::uuid, 50) $$, '42501', null, 'finance may not preview flags');
select tests.authenticate_as('other_admin');
select throws_ok($$ select public.preview_feature_flag_change(current_setting('t.flag')::uuid, 50) $$, '42501', null,
  'another tenant''s admin may not preview this tenant''s flag');
select tests.authenticate_as('customer');
select throws_ok($$ select public.preview_feature_flag_change(current_setting('t.flag')::uuid, 50) $$, '42501', null, 'a customer may not');

select * from finish();
rollback;
