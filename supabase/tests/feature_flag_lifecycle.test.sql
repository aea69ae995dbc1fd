-- Flag types, staleness (marked, past the type's lifetime, settled at 0 or 100 %), marking a
-- selection stale and killing a selection, by persona.
begin;
select plan(16);
select tests.create_marketplace_fixture();

select tests.authenticate_as('product');
select lives_ok($$ insert into public.feature_flags (key, name, flag_type) values
    ('life-release', 'Release', 'release'), ('life-ops', 'Operational', 'operational'),
    ('life-permission', 'Permission', 'permission'), ('life-settled', 'Settled', 'release') $$,
  'product creates flags of several types');
select throws_ok($$ insert into public.feature_flags (key, name, flag_type) values ('life-bad', 'Bad', 'forever') $$,
  '23514', null, 'an unknown type is refused');
select tests.reset_role();
-- time passes (as the seed would have it)
update public.feature_flags set created_at = now() - interval '41 days', rollout_changed_at = now() - interval '41 days'
 where key in ('life-release', 'life-permission');
update public.feature_flags set created_at = now() - interval '8 days' where key = 'life-ops';
update public.feature_flags set created_at = now() - interval '20 days', rollout_changed_at = now() - interval '15 days',
       is_enabled = true, rollout_percentage = 100 where key = 'life-settled';

select results_eq($$ select key, public.feature_flag_stale_reason(f) from public.feature_flags f where key like 'life-%' order by key $$,
  $$ values ('life-ops', 'lifetime'), ('life-permission', null), ('life-release', 'lifetime'), ('life-settled', 'settled') $$,
  'release past 40 days and operational past 7 are stale; a permission flag never; 100 % for 15 days is settled');

select tests.authenticate_as('product');
select lives_ok($$ select public.set_feature_flag_rollout((select id from public.feature_flags where key = 'life-settled'), 50, 'pgTAP: why') $$,
  'changing the rollout');
select tests.reset_role();
select ok((select rollout_changed_at > now() - interval '1 minute' from public.feature_flags where key = 'life-settled'),
  'restarts the settled clock');
select is((select public.feature_flag_stale_reason(f) from public.feature_flags f where key = 'life-settled'), null, 'so it is no longer stale');

-- marking stale
select tests.authenticate_as('product');
select throws_ok($$ update public.feature_flags set stale_marked_at = now() where key = 'life-permission' $$, '42501', null,
  'the stale mark is not a writable column');
select results_eq($$ select outcome from public.mark_feature_flags_stale(array(select id from public.feature_flags where key in ('life-permission', 'life-settled'))) $$,
  $$ values ('done'), ('done') $$, 'product marks two flags stale');
select tests.reset_role();
select results_eq($$ select key, public.feature_flag_stale_reason(f), stale_marked_by = tests.get_user_id('product') from public.feature_flags f
                      where key in ('life-permission', 'life-settled') order by key $$,
  $$ values ('life-permission', 'marked', true), ('life-settled', 'marked', true) $$, 'marked, with who');
select tests.authenticate_as('finance');
select throws_ok($$ select * from public.mark_feature_flags_stale(array(select id from public.feature_flags where key = 'life-release')) $$,
  '42501', null, 'finance may not mark flags');

-- killing a selection: all or none
select tests.authenticate_as('product');
select throws_ok($$ select * from public.kill_feature_flags(array(select id from public.feature_flags where key in ('life-release', 'life-ops')), ' ') $$,
  '23514', null, 'killing needs a reason');
select lives_ok($$ select public.kill_feature_flag((select id from public.feature_flags where key = 'life-ops'), 'first') $$, 'one flag is already killed');
select results_eq($$ select outcome from public.kill_feature_flags(array(select id from public.feature_flags where key in ('life-release', 'life-ops') order by id), 'Incident 42') k
                     order by outcome $$,
  $$ values ('refused'), ('skipped') $$, 'a selection with a killed flag changes nothing and says which was refused');
select is((select kill_switch from public.feature_flags where key = 'life-release'), false, 'the other flag is still alive');
select results_eq($$ select outcome from public.kill_feature_flags(array(select id from public.feature_flags where key in ('life-release', 'life-settled')), 'Incident 42') $$,
  $$ values ('done'), ('done') $$, 'two live flags are killed with one reason');
select set_config('t.permission_flag', (select id::text from public.feature_flags where key = 'life-permission'), true) \g /dev/null
select tests.authenticate_as('other_admin');
select results_eq($$ select outcome, message from public.kill_feature_flags(array[current_setting('t.permission_flag')::uuid], 'x') $$,
  $$ values ('refused', 'flag not found or not yours to change') $$, 'another tenant''s admin cannot kill them');

select * from finish();
rollback;
