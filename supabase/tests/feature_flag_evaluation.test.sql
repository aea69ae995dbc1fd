-- Feature flag evaluation: Unleash's bucketing (the reference's vectors), every constraint
-- operator with its edge cases, validation of the stored rules, the evaluation order with the
-- deciding step, overrides with reason and expiry, and who may evaluate for whom.
begin;
select plan(74);
select tests.create_marketplace_fixture();
insert into public.feature_flags (tenant_id, key, name) values (tests.ensure_tenant('other'), 'other-tenant-flag', 'Another tenant''s flag');

-- hashing: MurmurHash3 x86_32 test vectors, then Unleash's ---------------------------------------
select is(private.murmur3_32(convert_to(x.input, 'UTF8'), x.seed), x.expected, format('murmur3(%L, %s)', x.input, x.seed))
  from (values ('', 0, 0::bigint), ('', 1, 1364076727), ('a', 0, 1009084850), ('abc', 0, 3017643002),
               ('Hello, world!', 1234, 4210478515), ('The quick brown fox jumps over the lazy dog', 0, 776992547)) x (input, seed, expected);
select is(private.normalized_hash(x.id, x.grp, x.n, x.seed), x.expected, format('normalized_hash(%L, %L, %s, %s) = %s', x.id, x.grp, x.n, x.seed, x.expected))
  from (values ('123', 'gr1', 100, 0, 73), ('999', 'groupX', 100, 0, 25),
               ('174', 'Feature.flexibleRollout.10', 100, 0, 10), ('499', 'Feature.flexibleRollout.10', 100, 0, 32),
               ('25', 'Feature.flexibleRollout.userId.55', 100, 0, 55),
               ('0', 'toggleName', 3, 86028157, 1), ('zxa', 'toggleName', 3, 86028157, 2), ('ya', 'toggleName', 3, 86028157, 3)) x (id, grp, n, seed, expected);
select is(private.flag_in_rollout('174', 'Feature.flexibleRollout.10', 10), true, 'flexible rollout 10 %: user 174 is in');
select is(private.flag_in_rollout('499', 'Feature.flexibleRollout.10', 10), false, 'flexible rollout 10 %: user 499 is out');
select is(private.flag_in_rollout('', 'g', 100), false, 'no stickiness value: nobody to bucket');
select is(private.flag_variant('[{"key": "variant1", "weight": 1}, {"key": "variant2", "weight": 1}, {"key": "variant3", "weight": 1}]', x.id, 'toggleName'),
          x.expected, format('three equal variants: %s → %s', x.id, x.expected))
  from (values ('0', 'variant1'), ('zxa', 'variant2'), ('ya', 'variant3')) x (id, expected);
select is(private.flag_variant('[{"key": "off", "weight": 0}, {"key": "on", "weight": 5}]', 'x', 'g'), 'on', 'a weight-0 variant is never picked');

-- constraints: every operator, with the edge cases -------------------------------------------------
select is(private.flag_constraint_matches(x.c::jsonb, x.ctx::jsonb), x.expected, x.name)
  from (values
    ('IN: listed', '{"contextName": "role", "operator": "IN", "values": ["customer", "provider"]}', '{"role": "provider"}', true),
    ('IN: no value', '{"contextName": "role", "operator": "IN", "values": ["customer"]}', '{}', false),
    ('IN: an empty string is a value', '{"contextName": "city", "operator": "IN", "values": [""]}', '{"city": ""}', true),
    ('NOT_IN: missing counts as not in', '{"contextName": "role", "operator": "NOT_IN", "values": ["customer"]}', '{}', true),
    ('NOT_IN inverted', '{"contextName": "role", "operator": "NOT_IN", "values": ["customer"], "inverted": true}', '{"role": "customer"}', true),
    ('IN: one of several regions', '{"contextName": "region", "operator": "IN", "values": ["europe"]}', '{"region": ["europe", "north-america"]}', true),
    ('STR_CONTAINS: case matters', '{"contextName": "email", "operator": "STR_CONTAINS", "values": ["BETA"]}', '{"email": "ana+beta@x.test"}', false),
    ('STR_CONTAINS caseInsensitive', '{"contextName": "email", "operator": "STR_CONTAINS", "values": ["BETA"], "caseInsensitive": true}', '{"email": "ana+beta@x.test"}', true),
    ('STR_STARTS_WITH', '{"contextName": "city", "operator": "STR_STARTS_WITH", "values": ["Los", "New"]}', '{"city": "New York"}', true),
    ('STR_ENDS_WITH non-ASCII', '{"contextName": "city", "operator": "STR_ENDS_WITH", "values": ["rich"]}', '{"city": "Zürich"}', true),
    ('NUM_EQ: 3 = 3.0', '{"contextName": "appVersion", "operator": "NUM_EQ", "value": "3"}', '{"appVersion": "3.0"}', true),
    ('NUM_GT', '{"contextName": "appVersion", "operator": "NUM_GT", "value": "2.5"}', '{"appVersion": "2.51"}', true),
    ('NUM_LT: not a number', '{"contextName": "appVersion", "operator": "NUM_LT", "value": "10"}', '{"appVersion": "abc"}', false),
    ('NUM_LTE: greater', '{"contextName": "appVersion", "operator": "NUM_LTE", "value": "10"}', '{"appVersion": "10.01"}', false),
    ('DATE_BEFORE across time zones', '{"contextName": "currentTime", "operator": "DATE_BEFORE", "value": "2026-12-07T09:00:00+02:00"}', '{"currentTime": "2026-12-07T07:30:00Z"}', false),
    ('DATE_AFTER across time zones', '{"contextName": "currentTime", "operator": "DATE_AFTER", "value": "2026-12-07T09:00:00+02:00"}', '{"currentTime": "2026-12-07T07:30:00Z"}', true),
    ('DATE_AFTER: the same instant is not after', '{"contextName": "signupDate", "operator": "DATE_AFTER", "value": "2026-01-01T01:00:00+01:00"}', '{"signupDate": "2026-01-01T00:00:00Z"}', false),
    ('DATE_BEFORE: garbage in the context', '{"contextName": "signupDate", "operator": "DATE_BEFORE", "value": "2026-01-01T00:00:00Z"}', '{"signupDate": "yesterday"}', false),
    ('SEMVER_GT: 1.10.0 > 1.9.9', '{"contextName": "appVersion", "operator": "SEMVER_GT", "value": "1.9.9"}', '{"appVersion": "1.10.0"}', true),
    ('SEMVER_LT: a pre-release is lower', '{"contextName": "appVersion", "operator": "SEMVER_LT", "value": "2.0.0"}', '{"appVersion": "2.0.0-rc.1"}', true),
    ('SEMVER_GT: rc.11 > rc.2', '{"contextName": "appVersion", "operator": "SEMVER_GT", "value": "2.0.0-rc.2"}', '{"appVersion": "2.0.0-rc.11"}', true),
    ('SEMVER_EQ ignores build metadata', '{"contextName": "appVersion", "operator": "SEMVER_EQ", "value": "1.2.3"}', '{"appVersion": "1.2.3+build.7"}', true),
    ('SEMVER_GT: a bad version never matches', '{"contextName": "appVersion", "operator": "SEMVER_GT", "value": "1.0.0"}', '{"appVersion": "v2.0.0"}', false)
  ) x (name, c, ctx, expected);

-- the stored rules are validated, naming the bad part -------------------------------------------------
select tests.authenticate_as('product');
select throws_ok($$ insert into public.feature_flags (key, name, targeting_rules) values ('old-format', 'Old', '{"roles": ["customer"]}') $$,
  '23514', 'targeting_rules.roles: unknown key (allowed: constraints, stickiness, groupId, segments)', 'the old format is refused, naming the key');
select throws_ok($$ insert into public.feature_flags (key, name, targeting_rules)
                    values ('bad-op', 'Bad', '{"constraints": [{"contextName": "role", "operator": "IN", "values": ["a"]}, {"contextName": "role", "operator": "REGEX", "values": ["a"]}]}') $$,
  '23514', 'targeting_rules.constraints[1].operator: must be one of IN, NOT_IN, STR_CONTAINS, STR_STARTS_WITH, STR_ENDS_WITH, NUM_EQ, NUM_GT, NUM_GTE, NUM_LT, NUM_LTE, DATE_AFTER, DATE_BEFORE, SEMVER_EQ, SEMVER_GT, SEMVER_LT',
  'an unknown operator is refused, naming which constraint');
select throws_ok($$ insert into public.feature_flags (key, name, targeting_rules)
                    values ('bad-date', 'Bad', '{"constraints": [{"contextName": "signupDate", "operator": "DATE_AFTER", "value": "2026-02-30T00:00:00Z"}]}') $$,
  '23514', 'targeting_rules.constraints[0].value: "2026-02-30T00:00:00Z" is not a date-time with a time zone (2026-12-07T09:00:00Z)',
  'a date that does not exist is refused');
select throws_ok($$ insert into public.feature_flags (key, name, targeting_rules)
                    values ('bad-semver', 'Bad', '{"constraints": [{"contextName": "appVersion", "operator": "SEMVER_LT", "value": "2.0"}]}') $$,
  '23514', 'targeting_rules.constraints[0].value: "2.0" is not a semantic version (1.2.3)', 'a bad semantic version is refused');
select throws_ok($$ insert into public.feature_flags (key, name, targeting_rules)
                    values ('empty-in', 'Bad', '{"constraints": [{"contextName": "role", "operator": "IN", "values": []}]}') $$,
  '23514', 'targeting_rules.constraints[0].values: IN needs a non-empty list', 'an empty value list is refused');

-- a flag for the evaluation order: providers only, rolled out to everyone, two variants
select lives_ok($$ insert into public.feature_flags (key, name, targeting_rules, variants) values ('eval-order', 'Evaluation order',
    '{"constraints": [{"contextName": "role", "operator": "IN", "values": ["provider"]}], "groupId": "eval-order-2026"}',
    '[{"key": "control", "weight": 50}, {"key": "treatment", "weight": 50}]') $$, 'product creates a flag with valid rules');
select lives_ok($$ select public.set_feature_flag_rollout((select id from public.feature_flags where key = 'eval-order'), 100, 'pgTAP: why') $$,
  'and rolls it out to everyone');
select results_eq($$ select f.enabled, f.reason, f.details from public.evaluate_feature_flags(
                       jsonb_build_object('userId', tests.get_user_id('customer'))) f where f.key = 'eval-order' $$,
  $$ values (false, 'constraint', '{"constraint": 0}'::jsonb) $$, 'a customer fails the role constraint, and the answer says which');
select results_eq($$ select f.enabled, f.reason, f.variant in ('control', 'treatment'), f.details ->> 'group_id'
                       from public.evaluate_feature_flags(jsonb_build_object('userId', tests.get_user_id('provider'))) f where f.key = 'eval-order' $$,
  $$ values (true, 'rollout', true, 'eval-order-2026') $$, 'a provider is in, with a variant, bucketed on the groupId');
select set_config('t.bucket', (select f.details ->> 'bucket' from public.evaluate_feature_flags(
  jsonb_build_object('userId', tests.get_user_id('provider'))) f where f.key = 'eval-order'), true) \g /dev/null
select tests.reset_role();
select is(current_setting('t.bucket'), private.normalized_hash(tests.get_user_id('provider')::text, 'eval-order-2026', 100)::text,
  'the bucket is Unleash''s normalized hash');
select tests.authenticate_as('product');
select results_eq($$ select f.enabled, f.reason from public.evaluate_feature_flags(
                       jsonb_build_object('userId', tests.get_user_id('customer'), 'role', 'provider')) f where f.key = 'eval-order' $$,
  $$ values (true, 'rollout') $$, 'the playground may say "as if this customer were a provider"');
select results_eq($$ select f.enabled, f.reason from public.evaluate_feature_flags('{"role": "provider", "sessionId": "s-1"}') f where f.key = 'eval-order' $$,
  $$ values (true, 'rollout') $$, 'an anonymous session is bucketed on its session id, in the caller''s tenant');

-- overrides: a reason and an expiry, and expired ones stop applying
select throws_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, expires_at)
                    values (tests.get_user_id('customer'), (select id from public.feature_flags where key = 'eval-order'), true, now() + interval '1 day') $$,
  '23502', null, 'an override needs a reason');
select throws_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason)
                    values (tests.get_user_id('customer'), (select id from public.feature_flags where key = 'eval-order'), true, 'QA') $$,
  '23502', null, 'an override needs an expiry');
select lives_ok($$ insert into public.user_feature_flags (user_id, flag_id, is_enabled, variant, reason, expires_at)
                   values (tests.get_user_id('customer'), (select id from public.feature_flags where key = 'eval-order'), true, 'treatment', 'QA account', now() + interval '1 day') $$,
  'product lets a customer in for a day');
select results_eq($$ select f.enabled, f.variant, f.reason, f.details ->> 'override_reason' from public.evaluate_feature_flags(
                       jsonb_build_object('userId', tests.get_user_id('customer'))) f where f.key = 'eval-order' $$,
  $$ values (true, 'treatment', 'override', 'QA account') $$, 'the override comes before the constraints');
select tests.reset_role();
update public.user_feature_flags set created_at = now() - interval '2 days', expires_at = now() - interval '1 second'
 where user_id = tests.get_user_id('customer') and flag_id = (select id from public.feature_flags where key = 'eval-order');
select tests.authenticate_as('customer');
select results_eq($$ select enabled, reason from public.my_feature_flags() where key = 'eval-order' $$,
  $$ values (false, 'constraint') $$, 'an expired override no longer applies (the customer''s own view)');
select tests.authenticate_as('product');
select lives_ok($$ select public.kill_feature_flag((select id from public.feature_flags where key = 'eval-order'), 'test') $$, 'product kills the flag');
select results_eq($$ select f.enabled, f.reason from public.evaluate_feature_flags(jsonb_build_object('userId', tests.get_user_id('provider'))) f
                      where f.key = 'eval-order' $$,
  $$ values (false, 'kill_switch') $$, 'the kill switch comes first');

-- who may evaluate for whom -----------------------------------------------------------------------------
select throws_ok($$ select * from public.evaluate_feature_flags(jsonb_build_object('userId', tests.get_user_id('other_customer'))) $$,
  '42501', null, 'staff may not evaluate for a user of another tenant');
select throws_ok($$ select * from public.evaluate_feature_flags('{"country": "IE"}') $$, '22023',
  'p_context.country: unknown field (allowed: userId, tenantId, sessionId, role, email, emailDomain, signupDate, city, region, appVersion, currentTime)',
  'an unknown context field is named');
select throws_ok($$ select * from public.evaluate_feature_flags('{"role": 3}') $$, '22023', 'p_context.role: must be a string',
  'a context field must be a string');
select throws_ok($$ select * from public.evaluate_feature_flags('{"userId": "00000000-0000-4000-8000-00000000dead"}') $$, 'PT404', null,
  'an unknown user is 404');
select tests.authenticate_as('customer');
select throws_ok($$ select * from public.evaluate_feature_flags(jsonb_build_object('userId', tests.get_user_id('provider'))) $$,
  '42501', null, 'a customer may not evaluate flags for someone else');
select tests.authenticate_as('operations');
select throws_ok($$ select * from public.evaluate_feature_flags(jsonb_build_object('userId', tests.get_user_id('provider'))) $$,
  '42501', null, 'staff without feature_flags.read may not either');
select tests.authenticate_as('other_admin');
select results_eq($$ select key, enabled, reason from public.evaluate_feature_flags(jsonb_build_object('userId', tests.get_user_id('other_customer'))) $$,
  $$ values ('other-tenant-flag', false, 'disabled') $$, 'another tenant''s admin evaluates for their own users, and sees only their tenant''s flags');
select tests.authenticate_as_service_role();
select isnt_empty($$ select * from public.evaluate_feature_flags(jsonb_build_object('userId', tests.get_user_id('provider'))) $$,
  'the service role evaluates for anyone');
select throws_ok($$ select * from public.evaluate_feature_flags('{"role": "provider"}') $$, '22023', 'p_context needs a userId or a tenantId',
  'the service role names the tenant or the user');
select tests.clear_authentication();
select throws_ok($$ select * from public.my_feature_flags() $$, '42501', null, 'anonymous callers have no flags to ask for');

-- region: the user's location inside a region's boundary (PostGIS)
select tests.reset_role();
update public.user_profiles set location = extensions.st_setsrid(extensions.st_makepoint(-6.26, 53.35), 4326)::extensions.geography
 where user_id = tests.get_user_id('customer2');
select is((select private.flag_user_context(tests.get_user_id('customer2')) -> 'region'),
  '["europe"]'::jsonb, 'a user in Dublin is in the seed''s Europe region (its boundary holds their location)');

select * from finish();
rollback;
