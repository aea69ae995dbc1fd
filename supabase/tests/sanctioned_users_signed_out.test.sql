-- A sanction in force makes the user's still-valid access token nobody's: no rows of theirs,
-- no writes; lifted or lapsed, they are themselves again.
begin;
select plan(9);
select tests.create_marketplace_fixture();

select tests.authenticate_as('customer');
select is(private.current_user_id(), tests.get_user_id('customer'), 'before: the customer''s token is the customer');
select isnt_empty($$ select 1 from public.bookings where customer_id = tests.get_user_id('customer') $$,
  'and reads their bookings');

select tests.authenticate_as('operations');
select public.sanction_user(tests.get_user_id('customer'), 'ban', 'Fraud or payment abuse') \g /dev/null
select tests.authenticate_as('customer');
select is(private.current_user_id(), null, 'banned: the same token resolves to nobody');
select is_empty($$ select 1 from public.bookings where customer_id = tests.get_user_id('customer') $$,
  'and reads none of their bookings');
select throws_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason)
                    values (tests.get_user_id('customer'), 'listing', 'f0000000-0000-4000-8000-000000000101', 'spam') $$,
  '42501', null, 'nor writes as themselves');
select results_eq($$ select kind, reason from public.user_sanctions $$, $$ values ('ban'::text, 'Fraud or payment abuse'::text) $$,
  'but reads why they are banned');

select tests.authenticate_as('operations');
select public.lift_user_sanction(tests.get_user_id('customer'), 'Appeal accepted') \g /dev/null
select tests.authenticate_as('customer');
select is(private.current_user_id(), tests.get_user_id('customer'), 'lifted: the token is theirs again');

select tests.authenticate_as('operations');
select public.sanction_user(tests.get_user_id('customer'), 'suspend', 'Repeated no-shows', now() + interval '1 day') \g /dev/null
select tests.authenticate_as('customer');
select is(private.current_user_id(), null, 'suspended: nobody until the end');
select tests.reset_role();
update public.user_sanctions set starts_at = now() - interval '2 days', ends_at = now() - interval '1 second'
 where user_id = tests.get_user_id('customer') and lifted_at is null;
select tests.authenticate_as('customer');
select is(private.current_user_id(), tests.get_user_id('customer'), 'a suspension past its end no longer counts');

select * from finish();
rollback;
