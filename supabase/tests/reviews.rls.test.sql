-- Persona access matrix for the reviews tables (Basejump style): per table and command, what
-- each persona gets — rows=N of the fixture visible, rows, none (RLS hides or filters the row),
-- ok, denied (42501) — as one tests.expect_access call (supabase/tests/helpers/rls-matrix.sql).
-- Personas and fixture rows: supabase/tests/helpers/personas.sql (tests.create_marketplace_fixture).
begin;
select plan(68);
select tests.create_marketplace_fixture();

-- reviews -------------------------------------------------------------------------
select tests.expect_access('reviews', 'select',
  $$select 1 from public.reviews where id in ('f0000000-0000-4000-8000-000000000401', 'f0000000-0000-4000-8000-000000000402', 'f0000000-0000-4000-8000-000000000403')$$,
  'anon=rows=2 customer=rows=3 provider=rows=3 operations=rows=3 finance=rows=2 product=rows=2 super_admin=rows=3 other_admin=rows=2');
select tests.expect_access('reviews', 'insert',
  $$insert into public.reviews (booking_id, reviewer_id, rating, comment) values ('f0000000-0000-4000-8000-000000000305', tests.get_user_id('customer'), 4, 'Good')$$,
  'anon=denied customer=ok provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('reviews', 'update',
  $$update public.reviews set comment = comment where id = 'f0000000-0000-4000-8000-000000000401' returning 1$$,
  'anon=denied customer=rows provider=rows operations=rows finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('reviews', 'delete',
  $$delete from public.reviews where id = 'f0000000-0000-4000-8000-000000000401'$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');

-- review_votes --------------------------------------------------------------------
select tests.expect_access('review_votes', 'select',
  $$select 1 from public.review_votes where id in ('f0000000-0000-4000-8000-000000000501', 'f0000000-0000-4000-8000-000000000503')$$,
  'anon=denied customer=rows=0 provider=rows=0 operations=rows=1 finance=rows=0 product=rows=0 super_admin=rows=2 other_admin=rows=1');
select tests.expect_access('review_votes', 'insert',
  $$insert into public.review_votes (review_id, user_id, is_helpful) values ('f0000000-0000-4000-8000-000000000403', tests.get_user_id('customer2'), true)$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('review_votes', 'update',
  $$update public.review_votes set is_helpful = false where id = 'f0000000-0000-4000-8000-000000000501' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none super_admin=none other_admin=none');
select tests.expect_access('review_votes', 'delete',
  $$delete from public.review_votes where id = 'f0000000-0000-4000-8000-000000000501' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none super_admin=none other_admin=none');

-- review_votes: every signed-in persona may vote for themselves on a review they can see
select tests.authenticate_as('customer2');
select isnt_empty($$update public.review_votes set is_helpful = false where id = 'f0000000-0000-4000-8000-000000000501' returning 1$$, 'review_votes: the voter can change their vote');
select isnt_empty($$delete from public.review_votes where id = 'f0000000-0000-4000-8000-000000000501' returning 1$$, 'review_votes: the voter can withdraw their vote');
select tests.authenticate_as('customer');
select lives_ok($$insert into public.review_votes (review_id, user_id, is_helpful) values ('f0000000-0000-4000-8000-000000000403', tests.get_user_id('customer'), true)$$, 'review_votes: a customer can vote on a visible review');
select tests.authenticate_as('operations');
select lives_ok($$insert into public.review_votes (review_id, user_id, is_helpful) values ('f0000000-0000-4000-8000-000000000401', tests.get_user_id('operations'), false)$$, 'review_votes: staff vote as themselves');

select tests.reset_role();
select * from finish();
rollback;