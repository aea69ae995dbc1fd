-- Behaviour of reviews: rating checks, one per booking, who may review, aggregates on the
-- listing and the provider, hiding, responses, votes, the moderation RPC.
begin;
select plan(31);
select tests.create_marketplace_fixture();

-- constraints and preconditions
select throws_ok($$ insert into public.reviews (booking_id, rating) values ('f0000000-0000-4000-8000-000000000305', 6) $$, '23514', null, 'ratings stop at 5');
select throws_ok($$ insert into public.reviews (booking_id, rating) values ('f0000000-0000-4000-8000-000000000305', 0) $$, '23514', null, 'ratings start at 1');
select throws_ok($$ insert into public.reviews (booking_id, rating, quality_rating) values ('f0000000-0000-4000-8000-000000000305', 4, 9) $$, '23514', null, 'sub-ratings are 1-5 too');
select throws_ok($$ insert into public.reviews (booking_id, rating) values ('f0000000-0000-4000-8000-000000000301', 4) $$, '23505', null, 'one review per booking');
select throws_ok($$ insert into public.reviews (booking_id, rating) values ('f0000000-0000-4000-8000-000000000302', 4) $$, '23514', null, 'a pending booking cannot be reviewed');
select throws_ok($$ insert into public.reviews (booking_id, reviewer_id, rating) values ('f0000000-0000-4000-8000-000000000305', tests.get_user_id('customer2'), 4) $$, '42501', null, 'only the booking''s customer reviews it');
select throws_ok($$ update public.reviews set hidden_at = now() where id = 'f0000000-0000-4000-8000-000000000401' $$, '23514', null, 'hiding needs a reason');

-- aggregates (fixture: 401 rating 5 visible, 402 rating 1 hidden on listing 101)
select results_eq($$ select rating_average, rating_count from public.listings where id = 'f0000000-0000-4000-8000-000000000101' $$,
  $$ values (5.00, 1) $$, 'hidden reviews do not count towards the listing rating');
insert into public.reviews (booking_id, rating, quality_rating, communication_rating, timeliness_rating, comment)
  values ('f0000000-0000-4000-8000-000000000305', 2, 2, 3, 1, 'Late');
select ok((select is_verified from public.reviews where booking_id = 'f0000000-0000-4000-8000-000000000305'), 'a review of a completed booking is verified');
select results_eq($$ select rating_average, rating_count from public.listings where id = 'f0000000-0000-4000-8000-000000000101' $$,
  $$ values (3.50, 2) $$, 'a new review updates the listing average and count');
select results_eq($$ select rating_average, rating_count from public.user_profiles where user_id = tests.get_user_id('provider') $$,
  $$ values (3.50, 2) $$, 'and the provider''s');
update public.reviews set hidden_at = null where id = 'f0000000-0000-4000-8000-000000000402';
select results_eq($$ select rating_average, rating_count from public.listings where id = 'f0000000-0000-4000-8000-000000000101' $$,
  $$ values (2.67, 3) $$, 'restoring a hidden review counts it again');
select ok((select hidden_by is null and hidden_reason is null from public.reviews where id = 'f0000000-0000-4000-8000-000000000402'), 'restoring clears the moderation fields');
update public.reviews set rating = 5 where booking_id = 'f0000000-0000-4000-8000-000000000305';
select results_eq($$ select rating_average from public.listings where id = 'f0000000-0000-4000-8000-000000000101' $$,
  $$ values (3.67) $$, 'changing a rating updates the average');
update public.reviews set deleted_at = now() where id = 'f0000000-0000-4000-8000-000000000402';
select results_eq($$ select rating_average, rating_count from public.user_profiles where user_id = tests.get_user_id('provider') $$,
  $$ values (5.00, 2) $$, 'a soft-deleted review stops counting');

-- API guards
select tests.authenticate_as('customer');
select throws_ok($$ update public.reviews set provider_response = 'me' where id = 'f0000000-0000-4000-8000-000000000401' $$, '42501', null, 'the reviewer cannot write the provider response');
select throws_ok($$ update public.reviews set hidden_at = now(), hidden_reason = 'x' where id = 'f0000000-0000-4000-8000-000000000401' $$, '42501', null, 'the reviewer cannot hide reviews');
select lives_ok($$ update public.reviews set comment = 'Great work, again' where id = 'f0000000-0000-4000-8000-000000000401' $$, 'the reviewer edits the comment');
select tests.authenticate_as('provider');
select throws_ok($$ update public.reviews set rating = 5, comment = 'best' where id = 'f0000000-0000-4000-8000-000000000401' $$, '42501', null, 'the provider cannot edit the review');
select lives_ok($$ update public.reviews set provider_response = 'Thank you!' where id = 'f0000000-0000-4000-8000-000000000401' $$, 'the provider responds');
select ok((select provider_responded_at is not null from public.reviews where id = 'f0000000-0000-4000-8000-000000000401'), 'the response is timestamped');

-- votes
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.review_votes (review_id, user_id, is_helpful) values ('f0000000-0000-4000-8000-000000000401', private.current_user_id(), true) $$, '23514', null, 'nobody votes on their own review');
select tests.authenticate_as('other_customer');
insert into public.review_votes (review_id, user_id, is_helpful) values ('f0000000-0000-4000-8000-000000000401', private.current_user_id(), false);
select tests.reset_role();
select results_eq($$ select helpful_count, not_helpful_count from public.reviews where id = 'f0000000-0000-4000-8000-000000000401' $$,
  $$ values (1, 1) $$, 'vote counts follow review_votes');
select throws_ok($$ insert into public.review_votes (review_id, user_id, is_helpful) values ('f0000000-0000-4000-8000-000000000401', tests.get_user_id('customer2'), false) $$, '23505', null, 'one vote per user and review');
delete from public.review_votes where user_id = tests.get_user_id('customer2');
select results_eq($$ select helpful_count, not_helpful_count from public.reviews where id = 'f0000000-0000-4000-8000-000000000401' $$,
  $$ values (0, 1) $$, 'withdrawing a vote updates the counts');

-- moderation RPC
select tests.authenticate_as('finance');
select throws_ok($$ select public.moderate_review('f0000000-0000-4000-8000-000000000401', true, 'rude') $$, '42501', null, 'finance cannot moderate reviews');
select tests.authenticate_as('operations');
select throws_ok($$ select public.moderate_review('f0000000-0000-4000-8000-000000000401', true) $$, '23514', null, 'hiding needs a reason');
select results_eq($$ select hidden_reason, hidden_by from public.moderate_review('f0000000-0000-4000-8000-000000000401', true, 'Personal data') $$,
  $$ values ('Personal data', tests.get_user_id('operations')) $$, 'operations hides a review');
select throws_ok($$ select public.moderate_review('f0000000-0000-4000-8000-000000000403', true, 'x') $$, '42501', null, 'not in another tenant');
select tests.reset_role();
select results_eq($$ select rating_average, rating_count from public.listings where id = 'f0000000-0000-4000-8000-000000000101' $$,
  $$ values (5.00, 1) $$, 'a hidden review leaves the average');
select is((select count(*)::int from public.audit_logs where table_name = 'reviews' and action = 'admin_action' and metadata ->> 'reason' = 'Personal data'), 1, 'moderation is audited');

select * from finish();
rollback;
