-- Segments: reusable rules per tenant, named by flags in targeting_rules.segments — validated like
-- a flag's rules, evaluated after the flag's own, kept while flags use them, read and written as
-- the feature flag permissions say.
begin;
select plan(17);
select tests.create_marketplace_fixture();

select tests.authenticate_as('product');
select lives_ok($$ insert into public.feature_flag_segments (key, name, constraints) values ('seg-eu', 'Customers in Europe',
    '[{"contextName": "role", "operator": "IN", "values": ["customer"]}, {"contextName": "region", "operator": "IN", "values": ["europe"]}]') $$,
  'product creates a segment in their tenant');
select throws_ok($$ insert into public.feature_flag_segments (key, name, constraints) values ('seg-bad', 'Bad',
    '[{"contextName": "planet", "operator": "IN", "values": ["mars"]}]') $$,
  '23514', 'constraints[0].contextName: must be one of userId, tenantId, sessionId, role, email, emailDomain, signupDate, city, region, appVersion, currentTime',
  'a segment''s rules are validated as a flag''s, in the same words');
select lives_ok($$ insert into public.feature_flags (key, name) values ('seg-flag', 'Segmented') $$, 'and a flag');
select set_config('t.flag', (select id::text from public.feature_flags where key = 'seg-flag'), true) \g /dev/null
select throws_ok($$ select public.change_feature_flag(current_setting('t.flag')::uuid, '{"targeting_rules": {"segments": ["seg-nowhere"]}}', 'why') $$,
  '23503', 'targeting_rules.segments: no segment "seg-nowhere" in this tenant', 'a flag cannot name a segment that does not exist');
select throws_ok($$ select public.change_feature_flag(current_setting('t.flag')::uuid, '{"targeting_rules": {"segments": ["seg-eu", "seg-eu"]}}', 'why') $$,
  '23514', 'targeting_rules.segments[1]: "seg-eu" is listed twice', 'nor one twice');
select lives_ok($$ select public.change_feature_flag(current_setting('t.flag')::uuid,
    '{"rollout_percentage": 100, "targeting_rules": {"segments": ["seg-eu"]}}', 'Europe first') $$, 'product targets the segment');
select is((select changes from public.feature_flag_history(current_setting('t.flag')::uuid) limit 1),
  '[{"change": "switched on"}, {"change": "rollout", "from": 0, "to": 100}, {"change": "segment added", "segment": "seg-eu"}]'::jsonb,
  'the history names the segment added');
select throws_ok($$ delete from public.feature_flag_segments where key = 'seg-eu' $$, '23503', 'segment seg-eu is used by seg-flag',
  'a segment in use cannot be deleted');

-- evaluation: the segment's rules after the flag's own
select tests.reset_role();
select is((select private.evaluate_flag(f, '{"userId": "u1", "role": "customer", "region": ["europe", "ireland"]}', null) ->> 'enabled'
             from public.feature_flags f where f.id = current_setting('t.flag')::uuid), 'true', 'a customer in Europe gets the flag');
select is((select private.evaluate_flag(f, '{"userId": "u1", "role": "customer", "region": ["north-america"]}', null) -> 'details'
             from public.feature_flags f where f.id = current_setting('t.flag')::uuid),
  '{"segment": "seg-eu", "constraint": 1}'::jsonb, 'one elsewhere does not, and is told which segment rule failed');
update public.feature_flag_segments set constraints = '[{"contextName": "role", "operator": "IN", "values": ["customer"]}]' where key = 'seg-eu';
select is((select private.evaluate_flag(f, '{"userId": "u1", "role": "customer", "region": ["north-america"]}', null) ->> 'enabled'
             from public.feature_flags f where f.id = current_setting('t.flag')::uuid), 'true', 'editing the segment changes the flag at once');

-- who may read and write segments
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.feature_flag_segments where key = 'seg-eu' $$, 'finance reads no segments');
select throws_ok($$ insert into public.feature_flag_segments (key, name) values ('seg-fin', 'Finance') $$, '42501', null,
  'nor creates one');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.feature_flag_segments where key = 'seg-eu' $$, 'another tenant''s admin does not see it');
select tests.authenticate_as('customer');
select is_empty($$ select 1 from public.feature_flag_segments $$, 'a customer reads no segments');

select tests.authenticate_as('product');
select lives_ok($$ select public.change_feature_flag(current_setting('t.flag')::uuid, '{"targeting_rules": {}}', 'Everyone') $$,
  'once no flag uses it');
select lives_ok($$ delete from public.feature_flag_segments where key = 'seg-eu' $$, 'the segment can go');

select * from finish();
rollback;
