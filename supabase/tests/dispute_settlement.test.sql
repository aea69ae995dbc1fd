-- Settling disputed bookings: who may, the bounds of a refund, what each outcome does to the
-- money, the booking, the payout waiting to be sent, the moderation item and the audit trail.
begin;
select plan(25);
select tests.create_marketplace_fixture();

-- booking 301 (the customer's, the provider's listing 101) was paid 100.00 (fee 10.00), and the
-- provider's pending payout settles that payment; booking 304 was paid 40.00, no payout yet
insert into public.transactions (id, user_id, booking_id, type, status, amount_cents, currency, platform_fee_cents, processed_at)
values ('f0000000-0000-4000-8000-00000000d001', tests.get_user_id('customer'), 'f0000000-0000-4000-8000-000000000301',
        'payment', 'completed', 10000, 'USD', 1000, now() - interval '3 days'),
       ('f0000000-0000-4000-8000-00000000d002', tests.get_user_id('customer'), 'f0000000-0000-4000-8000-000000000304',
        'payment', 'completed', 4000, 'USD', 400, now() - interval '3 days');
insert into public.payouts (id, user_id, amount_cents, currency, status, period_start, period_end)
values ('f0000000-0000-4000-8000-00000000d101', tests.get_user_id('provider'), 9000, 'USD', 'pending', now() - interval '7 days', now());
insert into public.payout_transactions (payout_id, transaction_id)
values ('f0000000-0000-4000-8000-00000000d101', 'f0000000-0000-4000-8000-00000000d001');
update public.bookings set status = 'disputed', dispute_reason = 'The leak came back'
 where id in ('f0000000-0000-4000-8000-000000000301', 'f0000000-0000-4000-8000-000000000304');
select set_config('t.expected_before', (select expected_amount_cents::text from public.payouts where id = 'f0000000-0000-4000-8000-00000000d101'), true) \g /dev/null

-- who may settle
select tests.authenticate_as('customer');
select throws_ok($$ select * from public.refund_disputed_booking('f0000000-0000-4000-8000-000000000301', 'give it back') $$,
  '42501', null, 'a customer cannot settle their own dispute');
select tests.authenticate_as('finance');
select throws_ok($$ select * from public.complete_disputed_booking('f0000000-0000-4000-8000-000000000301', 'fine') $$,
  '42501', null, 'finance (no bookings.manage) cannot');
select tests.authenticate_as('other_admin');
select throws_ok($$ select * from public.cancel_disputed_booking('f0000000-0000-4000-8000-000000000301', 'not ours') $$,
  '42501', null, 'nor another tenant''s admin');

-- bad requests change nothing
select tests.authenticate_as('operations');
select throws_ok($$ select * from public.refund_disputed_booking('f0000000-0000-4000-8000-000000000301', '  ') $$,
  '22023', 'say why: a reason is required to settle a dispute', 'a reason is required');
select throws_ok($$ select * from public.refund_disputed_booking('f0000000-0000-4000-8000-000000000301', 'too much', 10001) $$,
  '22023', 'a refund is 1 to 10000 cents here (what was captured less what was refunded); got 10001', 'no more than was captured');
select throws_ok($$ select * from public.refund_disputed_booking('f0000000-0000-4000-8000-000000000301', 'nothing', 0) $$,
  '22023', null, 'and at least a cent');
select throws_ok($$ select * from public.refund_disputed_booking('f0000000-0000-4000-8000-0000000003ff', 'who?') $$,
  'PT404', null, 'an unknown booking is 404');
select is((select count(*)::int from public.transactions where type = 'refund' and booking_id = 'f0000000-0000-4000-8000-000000000301'), 0,
  'and none of that wrote a refund');

-- a partial refund
select results_eq($$ select status::text, refunded_cents, refundable_cents, cardinality(refund_transaction_ids), payouts_adjusted
                       from public.refund_disputed_booking('f0000000-0000-4000-8000-000000000301', 'Came back once: half the work', 3000) $$,
  $$ values ('completed', 3000::bigint, 7000::bigint, 1, array['f0000000-0000-4000-8000-00000000d101'::uuid]) $$,
  'a partial refund completes the booking, leaving 70.00 refundable, and adjusts the pending payout');
select tests.reset_role();
select results_eq($$ select type::text, status::text, amount_cents, refunded_transaction_id, user_id, description
                       from public.transactions where booking_id = 'f0000000-0000-4000-8000-000000000301' and type = 'refund' $$,
  $$ values ('refund', 'completed', 3000::bigint, 'f0000000-0000-4000-8000-00000000d001'::uuid, tests.get_user_id('customer'),
             'Dispute settled: Came back once: half the work') $$,
  'the refund goes to the customer, against their payment');
select is((select expected_amount_cents from public.payouts where id = 'f0000000-0000-4000-8000-00000000d101'),
  current_setting('t.expected_before')::bigint - 3000, 'the provider''s pending payout shrinks by the refund');
select results_eq($$ select status, decision_reason_code, decided_by from public.moderation_items
                      where target_type = 'booking' and target_id = 'f0000000-0000-4000-8000-000000000301' $$,
  $$ values ('approved'::text, 'dispute_refunded_in_part'::text, tests.get_user_id('operations')) $$,
  'the dispute''s queue item is decided, by whom and how');
select results_eq($$ select metadata ->> 'rpc', (metadata ->> 'refunded_cents')::bigint, old_data ->> 'status', new_data ->> 'status'
                       from public.audit_logs where table_name = 'bookings' and record_id = 'f0000000-0000-4000-8000-000000000301'
                        and action = 'admin_action' order by seq desc limit 1 $$,
  $$ values ('refund_disputed_booking'::text, 3000::bigint, 'disputed'::text, 'completed'::text) $$,
  'and the audit trail says who refunded what and why');
select tests.authenticate_as('operations');
select throws_ok($$ select * from public.refund_disputed_booking('f0000000-0000-4000-8000-000000000301', 'again', 100) $$,
  'PT409', null, 'a settled dispute cannot be settled twice');

-- disputed again: the rest, in full
select tests.reset_role();
update public.bookings set status = 'disputed' where id = 'f0000000-0000-4000-8000-000000000301';
select tests.authenticate_as('operations');
select results_eq($$ select status::text, refunded_cents, refundable_cents from public.refund_disputed_booking('f0000000-0000-4000-8000-000000000301', 'It failed again') $$,
  $$ values ('refunded', 7000::bigint, 0::bigint) $$, 'a refund without an amount refunds what is left, and the booking ends refunded');
select tests.reset_role();
select is((select status::text from public.transactions where id = 'f0000000-0000-4000-8000-00000000d001'), 'refunded',
  'the payment is refunded in full');

-- booking 304: a colleague's claim, then cancel (the customer gets back what is left)
select tests.reset_role();
update public.moderation_items set claimed_by = tests.get_user_id('super_admin'), claim_expires_at = now() + interval '10 minutes',
       version = version + 1
 where target_type = 'booking' and target_id = 'f0000000-0000-4000-8000-000000000304';
select tests.authenticate_as('operations');
select throws_ok($$ select * from public.cancel_disputed_booking('f0000000-0000-4000-8000-000000000304', 'never happened') $$,
  'PT409', null, 'a dispute a colleague holds is theirs to settle');
select tests.reset_role();
update public.moderation_items set claimed_by = null, claim_expires_at = null, version = version + 1
 where target_type = 'booking' and target_id = 'f0000000-0000-4000-8000-000000000304';
select tests.authenticate_as('operations');
select results_eq($$ select status::text, refunded_cents, refundable_cents, payouts_adjusted
                       from public.cancel_disputed_booking('f0000000-0000-4000-8000-000000000304', 'The provider never came') $$,
  $$ values ('cancelled', 4000::bigint, 0::bigint, '{}'::uuid[]) $$,
  'cancelling refunds everything refundable; no payout held the payment');
select tests.reset_role();
select results_eq($$ select status::text, cancellation_reason from public.bookings where id = 'f0000000-0000-4000-8000-000000000304' $$,
  $$ values ('cancelled', 'The provider never came') $$, 'the booking is cancelled with the reason');

-- booking 305, disputed before anything was paid: nothing to refund; completing moves no money
update public.bookings set status = 'disputed', dispute_reason = 'Not finished' where id = 'f0000000-0000-4000-8000-000000000305';
select tests.authenticate_as('operations');
select throws_ok($$ select * from public.refund_disputed_booking('f0000000-0000-4000-8000-000000000305', 'more?') $$,
  '22023', 'nothing is left to refund on booking ' || (select confirmation_code from public.bookings where id = 'f0000000-0000-4000-8000-000000000305'),
  'nothing is left to refund');
select results_eq($$ select status::text, refunded_cents, refundable_cents from public.complete_disputed_booking('f0000000-0000-4000-8000-000000000305', 'Work delivered as agreed') $$,
  $$ values ('completed', 0::bigint, 0::bigint) $$, 'completing sides with the provider and moves no money');
select tests.reset_role();
select is((select decision_reason_code from public.moderation_items where target_type = 'booking' and target_id = 'f0000000-0000-4000-8000-000000000305'),
  'dispute_completed', 'and says so on the item');

-- disputed again after a payment whose payout is already on its way
update public.bookings set status = 'disputed', dispute_reason = 'Not finished' where id = 'f0000000-0000-4000-8000-000000000305';
insert into public.transactions (id, user_id, booking_id, type, status, amount_cents, currency, processed_at)
values ('f0000000-0000-4000-8000-00000000d003', tests.get_user_id('customer'), 'f0000000-0000-4000-8000-000000000305',
        'payment', 'completed', 2000, 'USD', now());
insert into public.payouts (id, user_id, amount_cents, currency, status, period_start, period_end)
values ('f0000000-0000-4000-8000-00000000d102', tests.get_user_id('provider'), 2000, 'USD', 'pending', now() - interval '7 days', now());
insert into public.payout_transactions (payout_id, transaction_id)
values ('f0000000-0000-4000-8000-00000000d102', 'f0000000-0000-4000-8000-00000000d003');
-- a payout in transit keeps its amount: the refund waits for the next one
update public.payouts set status = 'in_transit' where id = 'f0000000-0000-4000-8000-00000000d102';
select tests.authenticate_as('operations');
select results_eq($$ select refunded_cents, payouts_adjusted from public.refund_disputed_booking('f0000000-0000-4000-8000-000000000305', 'Half', 1000) $$,
  $$ values (1000::bigint, '{}'::uuid[]) $$, 'a payout already on its way is not changed: the refund waits for the next one');
select tests.reset_role();
select is((select count(*)::int from public.payout_transactions where payout_id = 'f0000000-0000-4000-8000-00000000d102'), 1,
  'so that payout still settles the payment alone');
select is((select count(*)::int from public.audit_logs where table_name = 'bookings' and action = 'admin_action'
            and metadata ->> 'rpc' like '%_disputed_booking'
            and record_id in ('f0000000-0000-4000-8000-000000000301', 'f0000000-0000-4000-8000-000000000304',
                              'f0000000-0000-4000-8000-000000000305')), 5,
  'every settlement wrote one audit row, the refused ones none');

select * from finish();
rollback;
