-- Staff functions take `p_` arguments, one style for every client; moderate_reviews decides a
-- selection of reviews as a whole, reporting each row, and changes nothing when any is refused.
begin;
select plan(22);
select tests.create_marketplace_fixture();

-- the catalogue: every security definer function the API may call names its inputs p_…
select is_empty($$
  select p.proname || '(' || a.name || ')'
    from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace
    cross join lateral unnest(coalesce(p.proargnames, '{}'),
      coalesce(p.proargmodes, array_fill('i'::"char", array[coalesce(cardinality(p.proargnames), 0)]))) as a(name, mode)
   where n.nspname = 'public' and p.prosecdef and a.mode in ('i', 'b', 'v')
     and has_function_privilege('authenticated', p.oid, 'execute')
     and a.name not like 'p\_%'
$$, 'every staff function names its arguments p_…');

-- the renamed functions answer to their new names
select tests.authenticate_as('operations');
select is((public.moderate_listing(p_listing_id => 'f0000000-0000-4000-8000-000000000101', p_decision => 'flag',
            p_reason => 'check the licence')).moderation_status, 'flagged', 'moderate_listing takes p_listing_id, p_decision, p_reason');
select is((public.moderate_review(p_review_id => 'f0000000-0000-4000-8000-000000000401', p_hide => false)).hidden_at, null,
  'moderate_review takes p_review_id, p_hide');
select is((public.set_booking_status(p_booking_id => 'f0000000-0000-4000-8000-000000000301', p_new_status => 'disputed',
            p_reason => 'not finished')).status, 'disputed'::public.booking_status, 'set_booking_status takes p_booking_id, p_new_status, p_reason');

-- moderate_reviews: arguments checked before any row
select throws_ok($$ select * from public.moderate_reviews('{}', true, 'spam') $$, '22023', null, 'an empty selection is refused');
select throws_ok($$ select * from public.moderate_reviews(array[null]::uuid[], true, 'spam') $$, '22023', null, 'a selection of nulls is refused');
select throws_ok($$ select * from public.moderate_reviews(array['f0000000-0000-4000-8000-000000000401']::uuid[], true, ' ') $$,
  '23514', null, 'hiding needs a reason');
select throws_ok($$ select * from public.moderate_reviews(array['f0000000-0000-4000-8000-000000000401']::uuid[], null) $$,
  '22023', null, 'hide or restore must be said');

-- a selection with one review of another tenant: that one refused, the rest skipped, nothing changed
select results_eq($$
  select id::text, outcome from public.moderate_reviews(
    array['f0000000-0000-4000-8000-000000000401', 'f0000000-0000-4000-8000-000000000403',
          'f0000000-0000-4000-8000-000000000401']::uuid[], true, 'spam')
$$, $$ values ('f0000000-0000-4000-8000-000000000401', 'skipped'), ('f0000000-0000-4000-8000-000000000403', 'refused') $$,
  'one row per distinct review: the other tenant''s refused, the rest skipped');
select is((select message from public.moderate_reviews(array['f0000000-0000-4000-8000-000000000403']::uuid[], true, 'spam')),
  'review not found or reviews.moderate missing', 'a refusal says why without confirming the review exists');
select is((select outcome from public.moderate_reviews(array['00000000-0000-4000-8000-000000000000']::uuid[], true, 'spam')),
  'refused', 'an unknown id is refused the same way');
select tests.reset_role();
select is((select hidden_at from public.reviews where id = 'f0000000-0000-4000-8000-000000000401'), null,
  'a partly refused selection hid nothing');
select is((select count(*)::int from public.audit_logs where table_name = 'reviews' and action = 'admin_action'
            and metadata ->> 'reason' = 'spam'), 0, 'and audited nothing');

-- a selection wholly in the caller's tenant: every row done, each audited
select tests.authenticate_as('operations');
select results_eq($$
  select id::text, outcome, message from public.moderate_reviews(
    array['f0000000-0000-4000-8000-000000000402', 'f0000000-0000-4000-8000-000000000401']::uuid[], true, 'Off-platform contact')
$$, $$ values ('f0000000-0000-4000-8000-000000000401', 'done', 'hidden'), ('f0000000-0000-4000-8000-000000000402', 'done', 'hidden') $$,
  'operations hides two reviews of its tenant');
select tests.reset_role();
select results_eq($$ select hidden_reason, hidden_by from public.reviews where id in ('f0000000-0000-4000-8000-000000000401', 'f0000000-0000-4000-8000-000000000402') $$,
  $$ values ('Off-platform contact', tests.get_user_id('operations')), ('Off-platform contact', tests.get_user_id('operations')) $$,
  'both carry the reason and the moderator');
select is((select count(*)::int from public.audit_logs where table_name = 'reviews' and action = 'admin_action'
            and metadata ->> 'reason' = 'Off-platform contact'), 2, 'one admin_action audit row per review');

select tests.authenticate_as('operations');
select results_eq($$ select outcome, message from public.moderate_reviews(array['f0000000-0000-4000-8000-000000000401']::uuid[], false) $$,
  $$ values ('done', 'restored') $$, 'restoring needs no reason');
select tests.reset_role();
select is((select hidden_at from public.reviews where id = 'f0000000-0000-4000-8000-000000000401'), null, 'the review is visible again');

-- personas without reviews.moderate: refused before any row, nothing changed
select tests.authenticate_as('finance');
select throws_ok($$ select * from public.moderate_reviews(array['f0000000-0000-4000-8000-000000000401']::uuid[], true, 'x') $$,
  '42501', 'permission denied: moderating reviews needs reviews.moderate', 'finance is refused outright');
select tests.authenticate_as('customer');
select throws_ok($$ select * from public.moderate_reviews(array['f0000000-0000-4000-8000-000000000401']::uuid[], true, 'x') $$,
  '42501', null, 'a customer is refused outright');
select tests.clear_authentication();
select throws_ok($$ select * from public.moderate_reviews(array['f0000000-0000-4000-8000-000000000401']::uuid[], true, 'x') $$,
  '42501', null, 'anonymous callers may not call it at all');
select tests.reset_role();
select is((select hidden_at from public.reviews where id = 'f0000000-0000-4000-8000-000000000401'), null, 'nobody without the permission hid it');

select * from finish();
rollback;
