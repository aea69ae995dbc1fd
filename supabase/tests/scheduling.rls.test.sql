-- Persona access matrix for the scheduling tables (Basejump style): per table and command, what
-- each persona gets — rows=N of the fixture visible, rows, none (RLS hides or filters the row),
-- ok, denied (42501) — as one tests.expect_access call (supabase/tests/helpers/rls-matrix.sql).
-- Personas and fixture rows: supabase/tests/helpers/personas.sql (tests.create_marketplace_fixture).
begin;
select plan(96);
select tests.create_marketplace_fixture();

-- provider_availability -----------------------------------------------------------
select tests.expect_access('provider_availability', 'select',
  $$select 1 from public.provider_availability where id in ('f0000000-0000-4000-8000-000000000201', 'f0000000-0000-4000-8000-000000000202', 'f0000000-0000-4000-8000-000000000203')$$,
  'anon=rows=2 customer=rows=2 provider=rows=3 operations=rows=3 finance=rows=3 product=rows=2 super_admin=rows=3 other_admin=rows=2');
select tests.expect_access('provider_availability', 'insert',
  $$insert into public.provider_availability (provider_id, day_of_week, start_time, end_time) values (tests.get_user_id('provider'), 3, '09:00', '12:00')$$,
  'anon=denied customer=denied provider=ok operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('provider_availability', 'update',
  $$update public.provider_availability set end_time = '18:00' where id = 'f0000000-0000-4000-8000-000000000201' returning 1$$,
  'anon=denied customer=none provider=rows operations=none finance=none product=none super_admin=none other_admin=none');
select tests.expect_access('provider_availability', 'delete',
  $$delete from public.provider_availability where id = 'f0000000-0000-4000-8000-000000000202' returning 1$$,
  'anon=denied customer=none operations=none finance=none product=none super_admin=none other_admin=none provider=rows');

-- availability_overrides ----------------------------------------------------------
select tests.expect_access('availability_overrides', 'select',
  $$select 1 from public.availability_overrides where id in ('f0000000-0000-4000-8000-000000000211', 'f0000000-0000-4000-8000-000000000213')$$,
  'anon=denied customer=rows=0 provider=rows=1 operations=rows=1 finance=rows=1 product=rows=0 super_admin=rows=2 other_admin=rows=1');
select tests.expect_access('availability_overrides', 'insert',
  $$insert into public.availability_overrides (provider_id, override_date, reason) values (tests.get_user_id('provider'), current_date + 40, 'Off')$$,
  'anon=denied customer=denied provider=ok operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('availability_overrides', 'update',
  $$update public.availability_overrides set reason = 'Moved' where id = 'f0000000-0000-4000-8000-000000000211' returning 1$$,
  'anon=denied customer=none provider=rows operations=none finance=none product=none super_admin=none other_admin=none');
select tests.expect_access('availability_overrides', 'delete',
  $$delete from public.availability_overrides where id = 'f0000000-0000-4000-8000-000000000211' returning 1$$,
  'anon=denied customer=none operations=none finance=none product=none super_admin=none other_admin=none provider=rows');

-- bookings ------------------------------------------------------------------------
select tests.expect_access('bookings', 'select',
  $$select 1 from public.bookings where id in ('f0000000-0000-4000-8000-000000000301', 'f0000000-0000-4000-8000-000000000302', 'f0000000-0000-4000-8000-000000000303', 'f0000000-0000-4000-8000-000000000304', 'f0000000-0000-4000-8000-000000000305')$$,
  'anon=denied customer=rows=4 provider=rows=4 operations=rows=4 finance=rows=4 product=rows=0 super_admin=rows=5 other_admin=rows=1');
select tests.expect_access('bookings', 'insert',
  $$insert into public.bookings (listing_id, customer_id, scheduled_start, scheduled_end, service_location, subtotal_cents, total_cents) values ('f0000000-0000-4000-8000-000000000101', tests.get_user_id('customer'), now() + interval '60 days', now() + interval '60 days 1 hour', 'SRID=4326;POINT(-122.4 37.7)', 12000, 12000)$$,
  'anon=denied customer=ok provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('bookings', 'update',
  $$update public.bookings set customer_notes = customer_notes where id = 'f0000000-0000-4000-8000-000000000302' returning 1$$,
  'anon=denied customer=rows provider=rows operations=rows finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('bookings', 'delete',
  $$delete from public.bookings where id = 'f0000000-0000-4000-8000-000000000302'$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');

select tests.reset_role();
select * from finish();
rollback;