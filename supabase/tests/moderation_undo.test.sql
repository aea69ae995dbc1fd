-- Undo of an approve or ignore within seconds: who may, which decisions, what comes back (the
-- item as it was, the reports the decision closed, a listing's publication and its approved
-- version), all or none.
begin;
select plan(20);
select tests.create_marketplace_fixture();
create temp table item (name text primary key, id uuid);
grant select on item to authenticated;
create function pg_temp.version_of(p_name text) returns integer language sql as
  $$ select version from public.moderation_items where id = (select id from item where name = p_name) $$;
grant execute on function pg_temp.version_of(text) to authenticated;

-- a new listing awaiting approval; a reported review
insert into item select 'new_listing', id from public.moderation_items where target_type = 'listing' and target_id = 'f0000000-0000-4000-8000-000000000102';
select tests.authenticate_as('customer2');
insert into public.content_reports (reporter_id, target_type, target_id, reason, details)
values (tests.get_user_id('customer2'), 'review', 'f0000000-0000-4000-8000-000000000401', 'spam', 'Copy-pasted');
select tests.reset_role();
insert into item select 'review', id from public.moderation_items where target_type = 'review' and target_id = 'f0000000-0000-4000-8000-000000000401';
create temp table before as select * from public.moderation_items where id in (select id from item);

-- approving the new listing publishes it; undo withdraws it
select tests.authenticate_as('operations');
select lives_ok($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'approve', pg_temp.version_of('new_listing')) $$,
  'operations approves the new listing');
select tests.authenticate_as('finance');
select throws_ok($$ select public.undo_moderation_decisions(array[(select id from item where name = 'new_listing')]) $$,
  '42501', null, 'finance cannot undo it');
select tests.authenticate_as('super_admin');
select throws_ok($$ select public.undo_moderation_decisions(array[(select id from item where name = 'new_listing')]) $$,
  'PT409', null, 'nor can a colleague: only the decider undoes');
select tests.authenticate_as('operations');
select throws_ok($$ select public.undo_moderation_decisions('{}') $$, '22023', null, 'an empty undo is refused');
select results_eq($$ select status, claimed_by, decided_by from public.undo_moderation_decisions(array[(select id from item where name = 'new_listing')]) $$,
  $$ values ('pending'::text, tests.get_user_id('operations'), null::uuid) $$,
  'the decider undoes: the item is open again, held by them');
select tests.reset_role();
select results_eq($$ select moderation_status, moderated_by from public.listings where id = 'f0000000-0000-4000-8000-000000000102' $$,
  $$ values ('pending'::text, null::uuid) $$, 'the listing is pending again, as it was');
select is_empty($$ select 1 from public.listing_approved_versions where listing_id = 'f0000000-0000-4000-8000-000000000102' $$,
  'and has no approved version (it never had one)');
select results_eq($$ select i.entered_queue_at, i.sla_due_at, i.status from public.moderation_items i where i.id = (select id from item where name = 'new_listing') $$,
  $$ select b.entered_queue_at, b.sla_due_at, b.status from before b where b.id = (select id from item where name = 'new_listing') $$,
  'the item keeps its place in the queue and its SLA');
select results_eq($$ select event, actor_id from public.moderation_item_events where item_id = (select id from item where name = 'new_listing') order by id desc limit 1 $$,
  $$ values ('undone'::text, tests.get_user_id('operations')) $$, 'its history says who undid it');
select is((select metadata ->> 'rpc' from public.audit_logs where table_name = 'moderation_items'
            and record_id = (select id::text from item where name = 'new_listing') order by seq desc limit 1),
  'undo_moderation_decisions', 'and so does the audit trail');
select tests.authenticate_as('operations');
select throws_ok($$ select public.undo_moderation_decisions(array[(select id from item where name = 'new_listing')]) $$,
  'PT409', null, 'an open item has nothing to undo');

-- keeping reported content dismissed its report; undo opens it again
select lives_ok($$ select public.decide_moderation_item((select id from item where name = 'review'), 'approve', pg_temp.version_of('review')) $$,
  'operations keeps the reported review');
select lives_ok($$ select public.undo_moderation_decisions(array[(select id from item where name = 'review')]) $$, 'and undoes it');
select tests.reset_role();
select results_eq($$ select r.status::text, r.resolution, i.open_report_count, i.priority_score
                      from public.content_reports r, public.moderation_items i
                     where r.target_id = 'f0000000-0000-4000-8000-000000000401' and i.id = (select id from item where name = 'review') $$,
  $$ select 'open'::text, null::text, b.open_report_count, b.priority_score from before b where b.id = (select id from item where name = 'review') $$,
  'the report is open again and the item counts and weighs it as before');
select throws_ok($$ update public.content_reports set status = 'dismissed', resolution = 'duplicate', resolved_by = tests.get_user_id('operations'),
                      resolved_at = now() where target_id = 'f0000000-0000-4000-8000-000000000401';
                    update public.content_reports set status = 'open', resolution = null, resolved_by = null, resolved_at = null
                     where target_id = 'f0000000-0000-4000-8000-000000000401' $$,
  'P0001', null, 'outside an undo a closed report stays closed');

-- not every decision, not any time, all or none
select tests.authenticate_as('operations');
select lives_ok($$ select public.decide_moderation_item((select id from item where name = 'review'), 'ignore', pg_temp.version_of('review')) $$,
  'operations ignores the review''s report');
select tests.reset_role();
update public.moderation_items set decided_at = decided_at - interval '20 seconds' where id = (select id from item where name = 'review');
select tests.authenticate_as('operations');
select throws_like($$ select public.undo_moderation_decisions(array[(select id from item where name = 'review')]) $$,
  'too late to undo%', 'twenty seconds later it is too late');
select lives_ok($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'reject', pg_temp.version_of('new_listing'), null, 'Stock photos') $$,
  'operations rejects the listing');
select throws_ok($$ select public.undo_moderation_decisions(array[(select id from item where name = 'new_listing'), (select id from item where name = 'review')]) $$,
  'PT409', null, 'a rejection is not undone, and one refusal refuses the whole undo');

-- a re-reviewed listing: undoing its approval restores the version approved before
select tests.authenticate_as('provider');
update public.listings set title = 'Quuxfix leak repair — now with drains' where id = 'f0000000-0000-4000-8000-000000000101';
select tests.authenticate_as('operations');
select public.decide_moderation_item(i.id, 'approve', i.version) from public.moderation_items i
 where i.target_type = 'listing' and i.target_id = 'f0000000-0000-4000-8000-000000000101' \g /dev/null
select public.undo_moderation_decisions(array[i.id]) from public.moderation_items i
 where i.target_type = 'listing' and i.target_id = 'f0000000-0000-4000-8000-000000000101' \g /dev/null
select results_eq($$ select l.moderation_status, v.title, c.field from public.listings l
                      join public.listing_approved_versions v on v.listing_id = l.id
                      cross join public.listing_changes_since_approval(l.id) c
                     where l.id = 'f0000000-0000-4000-8000-000000000101' $$,
  $$ values ('pending'::text, 'Quuxfix leak repair'::text, 'title'::text) $$,
  'an undone re-approval leaves the listing pending, the earlier version approved and the edit shown as the change');

select * from finish();
rollback;
