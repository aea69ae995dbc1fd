-- Changing a flag with a note and the version it was made on, and reverting to a version.
begin;
select plan(19);
select tests.create_marketplace_fixture();

select tests.authenticate_as('product');
select lives_ok($$ insert into public.feature_flags (key, name, variants) values ('change-test', 'Change',
    '[{"key": "control", "weight": 50}, {"key": "treatment", "weight": 50}]') $$, 'product creates a flag (version 1)');
select set_config('t.flag', (select id::text from public.feature_flags where key = 'change-test'), true) \g /dev/null
select throws_ok($$ select public.change_feature_flag(current_setting('t.flag')::uuid, '{"rollout_percentage": 10}', '  ') $$,
  '23514', null, 'a change without a note is refused');
select throws_ok($$ select public.change_feature_flag(current_setting('t.flag')::uuid, '{"kill_switch": true}', 'why') $$,
  '22023', 'p_changes.kill_switch: cannot be changed here (allowed: rollout_percentage, variants, targeting_rules, flag_type, name, description)',
  'the kill switch has its own function');
select throws_ok($$ select public.change_feature_flag(current_setting('t.flag')::uuid, '{"rollout_percentage": 10.5}', 'why') $$,
  '22023', 'p_changes.rollout_percentage: a whole number from 0 to 100', 'a fractional rollout is refused');
select is((select rollout_percentage from public.change_feature_flag(current_setting('t.flag')::uuid,
             '{"rollout_percentage": 10}', 'First customers, after the design review', 1)), 10, 'product rolls out to 10 % on version 1');
select throws_ok($$ select public.change_feature_flag(current_setting('t.flag')::uuid, '{"rollout_percentage": 50}', 'why', 1) $$,
  'PT409', null, 'a change made on version 1 is stale now');
select lives_ok($$ select public.change_feature_flag(current_setting('t.flag')::uuid,
    '{"rollout_percentage": 25, "variants": [{"key": "control", "weight": 20}, {"key": "treatment", "weight": 80}]}', 'Ramp up', 2) $$,
  'then 25 % with new weights on version 2');
select results_eq($$ select version, note, changes from public.feature_flag_history(current_setting('t.flag')::uuid) where version >= 2 order by version $$,
  $$ values (2, 'First customers, after the design review', '[{"change": "switched on"}, {"change": "rollout", "from": 0, "to": 10}]'::jsonb),
            (3, 'Ramp up', '[{"change": "rollout", "from": 10, "to": 25}, {"change": "variant reweighted", "variant": "control", "from": 50, "to": 20},
                              {"change": "variant reweighted", "variant": "treatment", "from": 50, "to": 80}]'::jsonb) $$,
  'each change is a version with its note and readable changes');
select is((select rollout_percentage from public.revert_feature_flag(current_setting('t.flag')::uuid, 2, 'Errors at 25 %')), 10,
  'reverting to version 2 brings back 10 %');
select results_eq($$ select note, config -> 'variants' from public.feature_flag_history(current_setting('t.flag')::uuid) order by version desc limit 1 $$,
  $$ values ('Back to version 2: Errors at 25 %', '[{"key": "control", "weight": 50}, {"key": "treatment", "weight": 50}]'::jsonb) $$,
  'and the weights of version 2, noted as a revert');
select tests.authenticate_as('finance');
select throws_ok($$ select public.change_feature_flag(current_setting('t.flag')::uuid, '{"rollout_percentage": 90}', 'why') $$,
  '42501', null, 'finance may not change a flag');
select tests.authenticate_as('other_admin');
select throws_ok($$ select public.revert_feature_flag(current_setting('t.flag')::uuid, 1, 'why') $$,
  '42501', null, 'another tenant''s admin may not revert it');

-- no change of behaviour without a note: not by a plain update, not by the rollout function
select tests.authenticate_as('product');
select throws_ok($$ update public.feature_flags set variants = '[{"key": "control", "weight": 100}]' where id = current_setting('t.flag')::uuid $$,
  '42501', null, 'variants are not changed by a plain update (it has no note)');
select throws_ok($$ update public.feature_flags set targeting_rules = '{"constraints": []}' where id = current_setting('t.flag')::uuid $$,
  '42501', null, 'nor is targeting');
select throws_ok($$ update public.feature_flags set flag_type = 'operational' where id = current_setting('t.flag')::uuid $$,
  '42501', null, 'nor is the type');
select isnt_empty($$ update public.feature_flags set description = 'Changes nobody''s flag' where id = current_setting('t.flag')::uuid returning 1 $$,
  'the description stays a plain edit');
select throws_ok($$ select public.set_feature_flag_rollout(current_setting('t.flag')::uuid, 30, ' ') $$,
  '23514', null, 'set_feature_flag_rollout wants a note too');
select is((select rollout_percentage from public.set_feature_flag_rollout(current_setting('t.flag')::uuid, 30, 'Quick bump')), 30,
  'with one it rolls out');
select results_eq($$ select note, changes from public.feature_flag_history(current_setting('t.flag')::uuid) limit 1 $$,
  $$ values ('Quick bump', '[{"change": "rollout", "from": 10, "to": 30}]'::jsonb) $$,
  'and keeps the note in the history');

select * from finish();
rollback;
