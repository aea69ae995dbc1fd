-- User sanctions by persona: who may suspend, ban, lift and verify; what a ban hides and a lift
-- restores (exactly that); sessions and the auth ban; lapsed suspensions.
begin;
select plan(28);
select tests.create_marketplace_fixture();

-- the provider has two live listings (101 and 104) and a draft (102), and a session
insert into public.listings (id, provider_id, category_id, title, slug, description, status, price_cents, location, service_radius_m, moderation_status)
select 'f0000000-0000-4000-8000-000000000104', tests.get_user_id('provider'), 'f0000000-0000-4000-8000-000000000011',
       'Drain unblocking', 'fixture-drain-unblocking', 'Drains cleared', 'active', 8000, l.location, 10000, 'approved'
  from public.listings l where l.id = 'f0000000-0000-4000-8000-000000000101';
insert into auth.sessions (id, user_id)
select gen_random_uuid(), u.auth_user_id from public.users u where u.id = tests.get_user_id('provider');
select set_config('t.provider', tests.get_user_id('provider')::text, true), set_config('t.customer', tests.get_user_id('customer')::text, true) \g /dev/null

-- who may
select tests.authenticate_as('finance');
select throws_ok($$ select public.sanction_user(current_setting('t.provider')::uuid, 'ban', 'fraud') $$, '42501', null,
  'finance cannot sanction (no users.sanction)');
select tests.authenticate_as('customer');
select throws_ok($$ select public.sanction_user(current_setting('t.provider')::uuid, 'ban', 'fraud') $$, '42501', null, 'nor a customer');
select tests.authenticate_as('other_admin');
select throws_ok($$ select public.sanction_user(current_setting('t.provider')::uuid, 'ban', 'fraud') $$, '42501', null,
  'nor another tenant''s admin');
select tests.authenticate_as('operations');
select throws_ok($$ select public.sanction_user(tests.get_user_id('operations'), 'ban', 'oops') $$, '42501', 'nobody sanctions themselves',
  'nobody sanctions themselves');
select throws_ok($$ select public.sanction_user(tests.get_user_id('finance'), 'suspend', 'rude', now() + interval '1 day') $$, '42501', null,
  'staff are not sanctioned here');

-- bad requests
select throws_ok($$ select public.sanction_user(current_setting('t.provider')::uuid, 'exile', 'fraud') $$, '22023', null, 'an unknown kind');
select throws_ok($$ select public.sanction_user(current_setting('t.provider')::uuid, 'suspend', 'fraud') $$, '22023', null,
  'a suspension needs its end');
select throws_ok($$ select public.sanction_user(current_setting('t.provider')::uuid, 'suspend', 'fraud', now() + interval '2 years') $$,
  '22023', null, 'within a year');
select throws_ok($$ select public.sanction_user(current_setting('t.provider')::uuid, 'ban', 'fraud', now() + interval '1 day') $$, '22023', null,
  'a ban has no end');
select throws_ok($$ select public.sanction_user(current_setting('t.provider')::uuid, 'ban', ' ') $$, '22023', null, 'a reason is required');

-- a ban
select results_eq($$ select kind, previous_status::text, hidden_listings from public.sanction_user(current_setting('t.provider')::uuid, 'ban', 'Fake licences') $$,
  $$ values ('ban'::text, 'active'::text, '[{"id": "f0000000-0000-4000-8000-000000000101", "status": "active"},
                                             {"id": "f0000000-0000-4000-8000-000000000104", "status": "active"}]'::jsonb) $$,
  'banning a provider hides their live listings and says which');
select tests.reset_role();
select is((select status::text from public.users where id = current_setting('t.provider')::uuid), 'banned', 'the provider is banned');
select results_eq($$ select id, status::text from public.listings where provider_id = current_setting('t.provider')::uuid order by id $$,
  $$ values ('f0000000-0000-4000-8000-000000000101'::uuid, 'suspended'::text), ('f0000000-0000-4000-8000-000000000102', 'draft'),
            ('f0000000-0000-4000-8000-000000000104', 'suspended') $$,
  'the live listings are suspended, the draft left alone');
select ok((select a.banned_until > now() + interval '99 years' from auth.users a join public.users u on u.auth_user_id = a.id
            where u.id = current_setting('t.provider')::uuid), 'the auth ban refuses sign-in and refresh');
select is_empty($$ select 1 from auth.sessions s join public.users u on u.auth_user_id = s.user_id where u.id = current_setting('t.provider')::uuid $$,
  'and their sessions have ended');
select tests.authenticate_as('customer');
select is_empty($$ select 1 from public.listings where provider_id = current_setting('t.provider')::uuid $$,
  'customers no longer see the banned provider''s listings');
select tests.authenticate_as('operations');
select throws_ok($$ select public.sanction_user(current_setting('t.provider')::uuid, 'suspend', 'again', now() + interval '1 day') $$,
  'PT409', null, 'a user already sanctioned is not sanctioned twice');

-- lifting restores exactly what the ban hid: 104, changed since by a moderator, stays as they left it
select tests.reset_role();
update public.listings set status = 'inactive' where id = 'f0000000-0000-4000-8000-000000000104';
select tests.authenticate_as('operations');
select results_eq($$ select lift_reason, lifted_by from public.lift_user_sanction(current_setting('t.provider')::uuid, 'Licences checked: genuine') $$,
  $$ values ('Licences checked: genuine'::text, tests.get_user_id('operations')) $$, 'a lift says who and why');
select tests.reset_role();
select results_eq($$ select id, status::text from public.listings where provider_id = current_setting('t.provider')::uuid order by id $$,
  $$ values ('f0000000-0000-4000-8000-000000000101'::uuid, 'active'::text), ('f0000000-0000-4000-8000-000000000102', 'draft'),
            ('f0000000-0000-4000-8000-000000000104', 'inactive') $$,
  'the listing the ban hid is back; the one changed since stays as changed');
select results_eq($$ select u.status::text, a.banned_until from public.users u join auth.users a on a.id = u.auth_user_id
                     where u.id = current_setting('t.provider')::uuid $$,
  $$ values ('active'::text, null::timestamptz) $$, 'the provider is active again and may sign in');
select is((select count(*)::int from public.audit_logs where table_name = 'users' and record_id = current_setting('t.provider')
            and metadata ->> 'rpc' in ('sanction_user', 'lift_user_sanction')), 2, 'both are in the audit trail');

-- a suspension: for a period, hides nothing, and lapses
select tests.authenticate_as('operations');
select results_eq($$ select kind, hidden_listings, ends_at > now() + interval '6 days'
                       from public.sanction_user(current_setting('t.customer')::uuid, 'suspend', 'Abusive messages', now() + interval '7 days') $$,
  $$ values ('suspension'::text, '[]'::jsonb, true) $$, 'a suspension runs to its end and hides nothing');
select tests.authenticate_as('customer');
select results_eq($$ select kind, reason from public.user_sanctions $$, $$ values ('suspension'::text, 'Abusive messages'::text) $$,
  'the customer can read why they are suspended');
select tests.authenticate_as('customer2');
select is_empty($$ select 1 from public.user_sanctions $$, 'another customer cannot');
select tests.reset_role();
update public.user_sanctions set starts_at = now() - interval '8 days', ends_at = now() - interval '1 day'
 where user_id = current_setting('t.customer')::uuid;
select tests.authenticate_as('operations');
select results_eq($$ select kind, previous_status::text from public.sanction_user(current_setting('t.customer')::uuid, 'ban', 'Abusive again') $$,
  $$ values ('ban'::text, 'active'::text) $$, 'a lapsed suspension does not block a new sanction, and the user counted as active again');
select tests.reset_role();
select is((select lift_reason from public.user_sanctions where user_id = current_setting('t.customer')::uuid and kind = 'suspension'),
  'The suspension ended', 'the lapsed suspension is recorded as ended');
select tests.authenticate_as('operations');
select throws_ok($$ select public.lift_user_sanction(tests.get_user_id('customer2'), 'nothing to lift') $$, 'PT404', null,
  'lifting needs a sanction to lift');

-- verification
select is((public.verify_user(current_setting('t.provider')::uuid, 'Licence checked')).verification_status::text, 'verified',
  'operations verifies a provider');

select * from finish();
rollback;
