-- Behaviour of scheduling: confirmation codes, the status workflow, price and time checks,
-- double-booking and availability overlaps, participant guards, the staff RPC.
begin;
select plan(37);
select tests.create_marketplace_fixture();

create temporary table b as select 'f0000000-0000-4000-8000-000000000302'::uuid as pending_id;

-- confirmation code
select ok((select confirmation_code ~ '^LC-[A-HJ-NP-Z2-9]{8}$' from public.bookings where id = (select pending_id from b)), 'a confirmation code is generated');
select is((select count(distinct confirmation_code)::int from public.bookings where id::text like 'f0000000-%'), 5, 'codes are distinct');
select throws_ok($$ update public.bookings set confirmation_code = (select confirmation_code from public.bookings where id = 'f0000000-0000-4000-8000-000000000301') where id = 'f0000000-0000-4000-8000-000000000302' $$,
  '23505', null, 'codes are unique');
select results_eq($$ select provider_id, tenant_id from public.bookings where id = 'f0000000-0000-4000-8000-000000000302' $$,
  $$ select tests.get_user_id('provider'), tests.ensure_tenant('loconomy') $$, 'provider and tenant come from the listing');

-- workflow
update public.bookings set status = 'confirmed' where id = (select pending_id from b);
select ok((select confirmed_at is not null from public.bookings where id = (select pending_id from b)), 'confirming stamps confirmed_at');
update public.bookings set status = 'in_progress' where id = (select pending_id from b);
update public.bookings set status = 'completed' where id = (select pending_id from b);
select ok((select started_at is not null and completed_at is not null from public.bookings where id = (select pending_id from b)), 'starting and completing stamp their times');
select throws_ok($$ update public.bookings set status = 'pending' where id = 'f0000000-0000-4000-8000-000000000302' $$, '23514', null, 'completed never goes back to pending');
select throws_ok($$ update public.bookings set status = 'confirmed' where id = 'f0000000-0000-4000-8000-000000000302' $$, '23514', null, 'completed never goes back to confirmed');
update public.bookings set status = 'refunded' where id = (select pending_id from b);
select throws_ok($$ update public.bookings set status = 'completed' where id = 'f0000000-0000-4000-8000-000000000302' $$, '23514', null, 'refunded is terminal');
select throws_ok($$ update public.bookings set status = 'cancelled' where id = 'f0000000-0000-4000-8000-000000000305' $$, '23514', null, 'a completed booking cannot be cancelled');

create temporary table nb as
  select gen_random_uuid() as id, date_trunc('hour', now()) + interval '90 days' as t;
insert into public.bookings (id, listing_id, customer_id, scheduled_start, scheduled_end, service_location, subtotal_cents, total_cents)
  select id, 'f0000000-0000-4000-8000-000000000101', tests.get_user_id('customer'), t, t + interval '1 hour', 'SRID=4326;POINT(-140 -45)', 5000, 5000 from nb;
select throws_ok($$ update public.bookings set status = 'cancelled' where id = (select id from nb) $$, '23514', null, 'cancelling needs a reason');
update public.bookings set status = 'cancelled', cancellation_reason = 'Changed plans' where id = (select id from nb);
select ok((select cancelled_at is not null from public.bookings where id = (select id from nb)), 'cancelling stamps cancelled_at');
select throws_ok($$ update public.bookings set status = 'confirmed' where id = (select id from nb) $$, '23514', null, 'cancelled is terminal');

-- prices, times, overlaps
select throws_ok($$ insert into public.bookings (listing_id, customer_id, scheduled_start, scheduled_end, service_location, subtotal_cents, platform_fee_cents, total_cents)
  values ('f0000000-0000-4000-8000-000000000101', tests.get_user_id('customer'), now() + interval '100 days', now() + interval '100 days 1 hour', 'SRID=4326;POINT(-140 -45)', 5000, 500, 5000) $$,
  '23514', null, 'total must equal subtotal + fees + tax');
select throws_ok($$ insert into public.bookings (listing_id, customer_id, scheduled_start, scheduled_end, service_location, subtotal_cents, total_cents)
  values ('f0000000-0000-4000-8000-000000000101', tests.get_user_id('customer'), now() + interval '100 days', now() + interval '99 days', 'SRID=4326;POINT(-140 -45)', 5000, 5000) $$,
  '23514', null, 'the end comes after the start');
select throws_ok($$ insert into public.bookings (listing_id, customer_id, scheduled_start, scheduled_end, service_location, subtotal_cents, total_cents)
  values ('f0000000-0000-4000-8000-000000000101', tests.get_user_id('provider'), now() + interval '100 days', now() + interval '100 days 1 hour', 'SRID=4326;POINT(-140 -45)', 5000, 5000) $$,
  '23514', null, 'a provider cannot book themselves');
insert into public.bookings (listing_id, customer_id, scheduled_start, scheduled_end, service_location, subtotal_cents, total_cents)
  select 'f0000000-0000-4000-8000-000000000101', tests.get_user_id('customer2'), t, t + interval '1 hour', 'SRID=4326;POINT(-140 -45)', 5000, 5000 from nb;
select is((select count(*)::int from public.bookings where scheduled_start = (select t from nb)), 2, 'a cancelled booking does not block its slot');
select throws_ok($$ insert into public.bookings (listing_id, customer_id, scheduled_start, scheduled_end, service_location, subtotal_cents, total_cents)
  select 'f0000000-0000-4000-8000-000000000101', tests.get_user_id('customer'), t + interval '30 minutes', t + interval '2 hours', 'SRID=4326;POINT(-140 -45)', 5000, 5000 from nb $$,
  '23P01', null, 'a provider is never double-booked');
select throws_ok($$ insert into public.provider_availability (provider_id, day_of_week, start_time, end_time) values (tests.get_user_id('provider'), 1, '16:00', '18:00') $$,
  '23P01', null, 'availability slots of one provider do not overlap');
select lives_ok($$ insert into public.provider_availability (provider_id, day_of_week, start_time, end_time) values (tests.get_user_id('provider'), 1, '17:00', '18:00') $$,
  'adjacent slots are fine');
select throws_ok($$ insert into public.provider_availability (provider_id, day_of_week, start_time, end_time) values (tests.get_user_id('provider'), 4, '18:00', '17:00') $$,
  '23514', null, 'a slot ends after it starts');
select throws_ok($$ insert into public.availability_overrides (provider_id, override_date, start_time) values (tests.get_user_id('provider'), current_date, '10:00') $$,
  '23514', null, 'an override window has both ends');

-- aggregates
select is((select booking_count from public.listings where id = 'f0000000-0000-4000-8000-000000000101'), 3, 'listings.booking_count counts completed bookings');

-- participants' guards (API)
create temporary table nb2 as select gen_random_uuid() as id, date_trunc('hour', now()) + interval '120 days' as t;
grant select, update on nb2 to authenticated;
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.bookings (listing_id, customer_id, status, scheduled_start, scheduled_end, service_location, subtotal_cents, total_cents)
  values ('f0000000-0000-4000-8000-000000000101', private.current_user_id(), 'confirmed', now() + interval '130 days', now() + interval '130 days 1 hour', 'SRID=4326;POINT(-140 -45)', 100, 100) $$,
  '42501', null, 'a customer''s booking starts pending');
select throws_ok($$ insert into public.bookings (listing_id, customer_id, scheduled_start, scheduled_end, service_location, subtotal_cents, total_cents)
  values ('f0000000-0000-4000-8000-000000000102', private.current_user_id(), now() + interval '130 days', now() + interval '130 days 1 hour', 'SRID=4326;POINT(-140 -45)', 100, 100) $$,
  '23514', null, 'a draft listing is not bookable');
-- the database draws the booking's id (clients cannot choose it); nb2 remembers it
with b as (
  insert into public.bookings (listing_id, customer_id, scheduled_start, scheduled_end, service_location, subtotal_cents, total_cents)
  select 'f0000000-0000-4000-8000-000000000101', private.current_user_id(), t, t + interval '1 hour', 'SRID=4326;POINT(-140 -45)', 5000, 5000 from nb2
  returning id)
update nb2 set id = (select id from b);
select throws_ok($$ update public.bookings set total_cents = 1, subtotal_cents = 1 where id = (select id from nb2) $$, '42501', null, 'a customer cannot change the price');
select throws_ok($$ update public.bookings set status = 'confirmed' where id = (select id from nb2) $$, '42501', null, 'a customer cannot confirm');
select tests.authenticate_as('provider');
select lives_ok($$ update public.bookings set status = 'confirmed', provider_notes = 'See you' where id = (select id from nb2) $$, 'the provider confirms');
select throws_ok($$ update public.bookings set customer_notes = 'hijack' where id = (select id from nb2) $$, '42501', null, 'the provider cannot edit the customer''s notes');
select tests.authenticate_as('customer');
select lives_ok($$ update public.bookings set status = 'cancelled', cancellation_reason = 'Sick' where id = (select id from nb2) $$, 'the customer cancels with a reason');
select is((select cancelled_by from public.bookings where id = (select id from nb2)), tests.get_user_id('customer'), 'cancelled_by is the caller');

-- staff RPC
select throws_ok($$ select public.set_booking_status('f0000000-0000-4000-8000-000000000301', 'refunded', 'x') $$, '42501', null, 'a customer cannot call set_booking_status');
select tests.authenticate_as('finance');
select throws_ok($$ select public.set_booking_status('f0000000-0000-4000-8000-000000000301', 'refunded', 'x') $$, '42501', null, 'finance (bookings.read only) cannot change status');
select tests.authenticate_as('operations');
select is((public.set_booking_status('f0000000-0000-4000-8000-000000000301', 'disputed', 'Not finished')).status, 'disputed'::public.booking_status, 'operations opens a dispute');
select is((public.set_booking_status('f0000000-0000-4000-8000-000000000301', 'refunded', 'Refund agreed')).status, 'refunded'::public.booking_status, 'and refunds it');
select throws_ok($$ select public.set_booking_status('f0000000-0000-4000-8000-000000000303', 'disputed', 'x') $$, '42501', null, 'not in another tenant');
select tests.reset_role();
select is((select count(*)::int from public.audit_logs where table_name = 'bookings' and action = 'admin_action' and record_id = 'f0000000-0000-4000-8000-000000000301'), 2, 'each staff change writes an admin_action audit row');

select * from finish();
rollback;
