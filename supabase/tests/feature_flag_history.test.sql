-- A flag's history: a version per change of behaviour with author, time and note, readable
-- changes between versions, and who may read it.
begin;
select plan(9);
select tests.create_marketplace_fixture();

select tests.authenticate_as('product');
select lives_ok($$ insert into public.feature_flags (key, name, variants, targeting_rules) values ('history-test', 'History',
    '[{"key": "control", "weight": 50}, {"key": "treatment", "weight": 50}]',
    '{"constraints": [{"contextName": "role", "operator": "IN", "values": ["customer"]}]}') $$, 'product creates a flag');
select set_config('t.flag', (select id::text from public.feature_flags where key = 'history-test'), true) \g /dev/null
select lives_ok($$ select public.set_feature_flag_rollout(current_setting('t.flag')::uuid, 10, 'Ramp up after the A/B readout') $$, 'rolls it out to 10 %');
select lives_ok($$ select public.change_feature_flag(current_setting('t.flag')::uuid, '{
    "variants": [{"key": "control", "weight": 20}, {"key": "treatment", "weight": 80}],
    "targeting_rules": {"constraints": [{"contextName": "role", "operator": "IN", "values": ["customer", "provider"]}], "groupId": "history-2"},
    "description": "not a change of behaviour"}', 'Providers too; more treatment') $$, 'changes weights and targeting');
select lives_ok($$ update public.feature_flags set description = 'words only' where id = current_setting('t.flag')::uuid $$,
  'and edits only the description');
select lives_ok($$ select public.kill_feature_flag(current_setting('t.flag')::uuid, 'Checkout errors') $$, 'then kills it');

select results_eq($$ select version, note, changed_by = tests.get_user_id('product') from public.feature_flag_history(current_setting('t.flag')::uuid) order by version $$,
  $$ values (1, 'Created', true), (2, 'Ramp up after the A/B readout', true), (3, 'Providers too; more treatment', true), (4, 'Killed: Checkout errors', true) $$,
  'one version per change of behaviour (the description edit is none), with author and note; a kill keeps its reason');
select is((select changes from public.feature_flag_history(current_setting('t.flag')::uuid) where version = 2),
  '[{"change": "switched on"}, {"change": "rollout", "from": 0, "to": 10}]'::jsonb, 'version 2: switched on, rollout 0 → 10');
select is((select changes from public.feature_flag_history(current_setting('t.flag')::uuid) where version = 3),
  '[{"change": "variant reweighted", "variant": "control", "from": 50, "to": 20},
    {"change": "variant reweighted", "variant": "treatment", "from": 50, "to": 80},
    {"change": "constraint removed", "constraint": {"values": ["customer"], "operator": "IN", "contextName": "role"}},
    {"change": "constraint added", "constraint": {"values": ["customer", "provider"], "operator": "IN", "contextName": "role"}},
    {"change": "groupId", "from": null, "to": "history-2"}]'::jsonb,
  'version 3: weights, the constraint swapped, the group id — as changes, not raw JSON');
select tests.authenticate_as('finance');
select is_empty($$ select * from public.feature_flag_history(current_setting('t.flag')::uuid) $$, 'finance reads no flag history');

select * from finish();
rollback;
