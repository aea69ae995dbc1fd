-- The moderation queue's model: scores (the reference's worked example as test vectors), one
-- item per target filled by triggers, reopening, SLA targets, claims (live, expired, renewed,
-- released, taken over by assignment), version checks, and who may read what.
begin;
select plan(38);
select tests.create_marketplace_fixture();

-- scoring: Discourse's accuracy bonus, exactly as the reference works it through
select is(private.reporter_accuracy_bonus(18, 20), 7.20, '18 of 20 agreed → +7.20');
select is(private.reporter_accuracy_bonus(6, 20), -6.17, '6 of 20 agreed → −6.17');
select is(private.reporter_accuracy_bonus(5, 5), 0::numeric, 'no bonus until more than 5 decided reports');
select is(private.reporter_accuracy_bonus(7, 10), 0.00, 'exactly on the 70 % axis → 0');
select is(private.report_score(2, 18, 20, 'spam'), 10.20, 'trust 2 + accuracy 7.20 + 1 → 10.20, as the reference');
select is(private.report_score(2, 6, 20, 'spam'), 0.00, 'a poor track record floors the score at 0');
select is(private.report_score(0, 0, 0, 'safety'), 6.00, 'a safety report from a newcomer still weighs 1 + 5');

-- one item per target: a pending listing of the fixture was backfilled? No: the fixture comes
-- after the migration, so the triggers made its items
select is((select queue from public.moderation_items where target_type = 'listing' and target_id = 'f0000000-0000-4000-8000-000000000102'),
  'listing_approval', 'a pending listing is an approval item');
select is((select count(*)::int from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000101'), 0,
  'an approved listing is not in the queue');

-- reports join the target's item
insert into public.content_reports (reporter_id, target_type, target_id, reason, details)
  values (tests.get_user_id('customer'), 'listing', 'f0000000-0000-4000-8000-000000000101', 'misleading', null);
insert into public.content_reports (reporter_id, target_type, target_id, reason, details)
  values (tests.get_user_id('customer2'), 'listing', 'f0000000-0000-4000-8000-000000000101', 'safety', null);
select results_eq($$ select count(*)::int, max(open_report_count), max(queue) from public.moderation_items
                      where target_type = 'listing' and target_id = 'f0000000-0000-4000-8000-000000000101' $$,
  $$ values (1, 2, 'content_reports') $$, 'two reports against one listing make one item with two open reports');
select ok((select priority_score >= 7 from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000101'),
  'the item''s score adds both reports (a safety report alone weighs 6)');
select ok((select sla_due_at <= now() + interval '1 hour' from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000101'),
  'the safety report brings the SLA down to an hour');
select results_eq($$ select event from public.moderation_item_events e join public.moderation_items i on i.id = e.item_id
                      where i.target_id = 'f0000000-0000-4000-8000-000000000101' order by e.id $$,
  $$ values ('created'), ('report_added'), ('report_added') $$, 'the history records the item and each report');

-- a tenant's own SLA target wins over the default
insert into public.moderation_sla_targets (tenant_id, queue, report_reason, due_within)
  values ((select tenant_id from public.listings where id = 'f0000000-0000-4000-8000-000000000101'), 'content_reports', 'intellectual_property', interval '5 hours');
select is(private.moderation_sla((select tenant_id from public.listings where id = 'f0000000-0000-4000-8000-000000000101'), 'content_reports', 'intellectual_property'),
  interval '5 hours', 'a tenant''s target for a report reason applies');
select is(private.moderation_sla((select tenant_id from public.listings where id = 'f0000000-0000-4000-8000-000000000101'), 'content_reports', 'fraud'),
  interval '24 hours', 'other reasons keep the default');

-- a disputed booking is an item
update public.bookings set status = 'disputed', dispute_reason = 'Work not finished' where id = 'f0000000-0000-4000-8000-000000000301';
select results_eq($$ select queue, priority_score >= 5 from public.moderation_items where target_type = 'booking'
                      and target_id = 'f0000000-0000-4000-8000-000000000301' $$,
  $$ values ('booking_disputes', true) $$, 'a booking entering disputed becomes a dispute item');

-- claims
select tests.authenticate_as('operations');
select ok((select claimed_by = tests.get_user_id('operations') and claim_expires_at > now() + interval '14 minutes'
             from public.claim_moderation_item((select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102'))),
  'operations claims the listing''s item for 15 minutes');
select throws_ok($$ select public.claim_moderation_item((select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102'), p_minutes => 500) $$,
  '22023', null, 'a claim lasts at most 120 minutes');
select throws_ok($$ select public.claim_moderation_item((select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102'),
                                                        p_version => (select version - 1 from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102')) $$,
  'PT409', null, 'a stale version is refused with 409');
select throws_ok($$ select public.claim_moderation_item('00000000-0000-4000-8000-000000000000') $$, 'PT404', null, 'an unknown item is 404');
select ok((select version = (select version + 1 from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102')
             from public.claim_moderation_item((select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102'),
                                               p_version => (select version from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102'))),
  'the holder renews the claim with the current version, which moves on');

select tests.authenticate_as('super_admin');
select throws_like($$ select public.claim_moderation_item((select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102')) $$,
  'claimed by %', 'a colleague''s live claim refuses, naming them');
select throws_ok($$ select public.release_moderation_item((select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102')) $$,
  'PT409', null, 'and cannot be released by someone else before it lapses');
select ok((select assignee_id = tests.get_user_id('super_admin') and claimed_by = tests.get_user_id('super_admin')
             from public.assign_moderation_item((select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102'),
                                                tests.get_user_id('super_admin'))),
  'assigning the item hands the live claim over');
select throws_ok($$ select public.assign_moderation_item((select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102'),
                                                         tests.get_user_id('finance')) $$,
  '22023', null, 'an assignee must be able to act on the item');
select throws_ok($$ select public.assign_moderation_item((select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102'),
                                                         tests.get_user_id('customer')) $$,
  '22023', null, 'a customer cannot be assigned');

-- an expired claim lapses
select tests.reset_role();
update public.moderation_items set claim_expires_at = now() - interval '1 minute'
 where target_id = 'f0000000-0000-4000-8000-000000000102';
select tests.authenticate_as('operations');
select ok((select claimed_by = tests.get_user_id('operations')
             from public.claim_moderation_item((select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102'))),
  'an expired claim lapses: operations claims the item again');
select ok((select claimed_by is null from public.release_moderation_item(
             (select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102'))),
  'and releases it');

-- tenant isolation and permissions
select tests.reset_role();
create temp table listing_item as select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102';
grant select on listing_item to authenticated;
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.moderation_items where target_type = 'listing' $$, 'finance reads no listing items');
select throws_ok($$ select public.claim_moderation_item((select id from listing_item)) $$,
  '42501', null, 'and may not claim one');
select tests.authenticate_as('other_customer');
select is_empty($$ select 1 from public.moderation_items $$, 'a customer of another tenant reads no items');
select is_empty($$ select 1 from public.moderation_item_events $$, 'nor their history');
select throws_ok($$ update public.moderation_items set status = 'approved' $$, '42501', null, 'nobody writes items directly');
select throws_ok($$ insert into public.moderation_item_events (item_id, tenant_id, target_type, event) values (gen_random_uuid(), gen_random_uuid(), 'listing', 'claimed') $$,
  '42501', null, 'nor history');

-- deciding the listing settles its approval item; a new report reopens a decided item
select tests.authenticate_as('operations');
select lives_ok($$ select public.moderate_listing('f0000000-0000-4000-8000-000000000102', 'approve') $$, 'operations approves the pending listing');
select results_eq($$ select status::text, decided_by from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102' $$,
  $$ values ('approved', tests.get_user_id('operations')) $$, 'the approval item is decided with it');
select tests.reset_role();
insert into public.content_reports (reporter_id, target_type, target_id, reason, details)
  values (tests.get_user_id('customer'), 'listing', 'f0000000-0000-4000-8000-000000000102', 'fraud', null);
select results_eq($$ select status::text, decided_by, open_report_count from public.moderation_items
                      where target_id = 'f0000000-0000-4000-8000-000000000102' $$,
  $$ values ('pending', null::uuid, 1) $$, 'a new report reopens the decided item');
select ok((select 'reopened' = any (array_agg(e.event)) from public.moderation_item_events e join public.moderation_items i on i.id = e.item_id
            where i.target_id = 'f0000000-0000-4000-8000-000000000102'), 'and the history says so');

select * from finish();
rollback;
