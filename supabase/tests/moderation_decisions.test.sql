-- Decisions on moderation items, one function call each: permission, version, claim, the
-- target, the reports, the item and its history, the audit row and the templated message —
-- all or nothing; and the bulk form, which changes nothing when any item is refused.
begin;
select plan(30);
select tests.create_marketplace_fixture();

-- a template of the fixture's tenant with a message
insert into public.moderation_reason_templates (tenant_id, code, label, target_types, policy_url, message_template)
values (tests.ensure_tenant('loconomy'), 'fixture_misleading', 'Misleading description', '{listing,review}',
        'https://loconomy.test/policies/listings', 'Your listing "{listing_title}" was taken down. {reason}');
create temp table item (name text primary key, id uuid);
grant select on item to authenticated;
insert into item select 'new_listing', id from public.moderation_items where target_type = 'listing' and target_id = 'f0000000-0000-4000-8000-000000000102';

-- who may decide, and on what they saw
select tests.authenticate_as('finance');
select throws_ok($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'approve', 1) $$,
  '42501', null, 'finance may not decide');
select tests.authenticate_as('operations');
select throws_ok($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'explode', 1) $$,
  '22023', null, 'an unknown decision is refused');
select throws_ok($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'approve', null) $$,
  '22023', null, 'the version the decision was made on is required');
select throws_ok($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'approve',
                     (select version - 1 from public.moderation_items where id = (select id from item where name = 'new_listing'))) $$,
  'PT409', null, 'a stale version is refused with 409');
select throws_ok($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'reject',
                     (select version from public.moderation_items where id = (select id from item where name = 'new_listing'))) $$,
  '23514', null, 'rejecting needs a template or a note');
select throws_ok($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'reject',
                     (select version from public.moderation_items where id = (select id from item where name = 'new_listing')), 'no_such_code') $$,
  '22023', null, 'an unknown template is refused');

-- a colleague's live claim
select lives_ok($$ select public.claim_moderation_item((select id from item where name = 'new_listing')) $$, 'operations claims the item');
select tests.authenticate_as('super_admin');
select throws_like($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'reject',
                       (select version from public.moderation_items where id = (select id from item where name = 'new_listing')), 'fixture_misleading') $$,
  'claimed by %take the item over%', 'someone else''s live claim refuses the decision');

-- all or nothing: a failing message leaves no decision behind
select tests.reset_role();
create function tests.refuse_notifications() returns trigger language plpgsql as $$
begin raise exception 'notifications are down' using errcode = 'P0001'; end $$;
create trigger refuse_all before insert on public.notifications for each row execute function tests.refuse_notifications();
select tests.authenticate_as('super_admin');
select throws_ok($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'reject',
                     (select version from public.moderation_items where id = (select id from item where name = 'new_listing')),
                     'fixture_misleading', 'Photos are of another flat', p_take_over => true) $$,
  'P0001', null, 'the decision fails with its message');
select tests.reset_role();
select results_eq($$ select i.status, i.claimed_by, l.moderation_status from public.moderation_items i
                      join public.listings l on l.id = i.target_id where i.id = (select id from item where name = 'new_listing') $$,
  $$ values ('pending', tests.get_user_id('operations'), 'pending') $$, 'and leaves the item, the claim and the listing as they were');
drop trigger refuse_all on public.notifications;

-- the decision, taking the item over
select tests.authenticate_as('super_admin');
select results_eq($$ select status, decided_by, decision_reason_code, assignee_id from public.decide_moderation_item(
                       (select id from item where name = 'new_listing'), 'reject',
                       (select version from public.moderation_items where id = (select id from item where name = 'new_listing')),
                       'fixture_misleading', 'Photos are of another flat', p_take_over => true) $$,
  $$ values ('rejected', tests.get_user_id('super_admin'), 'fixture_misleading', tests.get_user_id('super_admin')) $$,
  'the super admin takes the item over and rejects it with a template');
select tests.reset_role();
select results_eq($$ select moderation_status, moderation_reason from public.listings where id = 'f0000000-0000-4000-8000-000000000102' $$,
  $$ values ('rejected', 'Misleading description: Photos are of another flat') $$, 'the listing is rejected with the reason');
select results_eq($$ select user_id, title, body from public.notifications where type = 'moderation.decision' $$,
  $$ values (tests.get_user_id('provider'), 'Misleading description',
             'Your listing "Boiler service draft" was taken down. Photos are of another flat') $$,
  'the provider gets the template''s message with its tokens filled in');
select results_eq($$ select e.event from public.moderation_item_events e where e.item_id = (select id from item where name = 'new_listing')
                      and e.event in ('claimed', 'assigned', 'decided') order by e.id $$,
  $$ values ('claimed'), ('assigned'), ('decided') $$, 'the history has the claim, the take-over and the decision');
select is((select count(*)::int from public.audit_logs where table_name = 'moderation_items' and action = 'admin_action'
            and record_id = (select id::text from item where name = 'new_listing') and metadata ->> 'decision' = 'reject'), 1,
  'the decision is audited');
select tests.authenticate_as('operations');
select throws_like($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'approve',
                       (select version from public.moderation_items where id = (select id from item where name = 'new_listing'))) $$,
  'already decided (rejected) by %', 'a second decision is refused, naming who decided first');

-- approving a reported listing dismisses its reports
select tests.reset_role();
insert into public.content_reports (reporter_id, target_type, target_id, reason) values
  (tests.get_user_id('customer'), 'listing', 'f0000000-0000-4000-8000-000000000101', 'misleading');
insert into item select 'reported_listing', id from public.moderation_items where target_type = 'listing' and target_id = 'f0000000-0000-4000-8000-000000000101';
select tests.authenticate_as('operations');
select results_eq($$ select status, open_report_count from public.decide_moderation_item((select id from item where name = 'reported_listing'), 'approve',
                       (select version from public.moderation_items where id = (select id from item where name = 'reported_listing'))) $$,
  $$ values ('approved', 0) $$, 'operations approves the reported listing');
select tests.reset_role();
select results_eq($$ select status::text, resolution, resolved_by from public.content_reports where target_id = 'f0000000-0000-4000-8000-000000000101' $$,
  $$ values ('dismissed', 'no_violation', tests.get_user_id('operations')) $$, 'its report is dismissed as no violation');
select is((select moderation_status from public.listings where id = 'f0000000-0000-4000-8000-000000000101'), 'approved', 'the listing stays up');

-- escalating keeps the reports open; rejecting a review hides it
insert into public.content_reports (reporter_id, target_type, target_id, reason) values
  (tests.get_user_id('provider'), 'review', 'f0000000-0000-4000-8000-000000000401', 'harassment');
insert into item select 'review', id from public.moderation_items where target_type = 'review' and target_id = 'f0000000-0000-4000-8000-000000000401';
select tests.authenticate_as('operations');
select results_eq($$ select status, decided_by, open_report_count from public.decide_moderation_item((select id from item where name = 'review'), 'escalate',
                       (select version from public.moderation_items where id = (select id from item where name = 'review')), p_note => 'Needs legal') $$,
  $$ values ('escalated', null::uuid, 1) $$, 'escalating leaves the item open, its report counted');
select results_eq($$ select status from public.decide_moderation_item((select id from item where name = 'review'), 'reject',
                       (select version from public.moderation_items where id = (select id from item where name = 'review')), p_note => 'Abusive') $$,
  $$ values ('rejected') $$, 'an escalated item is then rejected');
select tests.reset_role();
select results_eq($$ select hidden_reason, hidden_by from public.reviews where id = 'f0000000-0000-4000-8000-000000000401' $$,
  $$ values ('Abusive', tests.get_user_id('operations')) $$, 'rejecting a review hides it with the note');
select is((select status::text from public.content_reports where target_id = 'f0000000-0000-4000-8000-000000000401'), 'resolved', 'and resolves its report');

-- bulk: a refused item changes nothing
insert into public.content_reports (reporter_id, target_type, target_id, reason) values
  (tests.get_user_id('customer2'), 'listing', 'f0000000-0000-4000-8000-000000000101', 'spam'),
  (tests.get_user_id('other_customer'), 'listing', 'f0000000-0000-4000-8000-000000000103', 'spam');
insert into item select 'other_tenant', id from public.moderation_items where target_type = 'listing' and target_id = 'f0000000-0000-4000-8000-000000000103';
select tests.authenticate_as('operations');
select results_eq($$ select outcome from public.decide_moderation_items(
                       array[(select id from item where name = 'reported_listing'), (select id from item where name = 'other_tenant')], 'ignore')
                      order by outcome $$,
  $$ values ('refused'), ('skipped') $$, 'another tenant''s item is refused and the rest skipped');
select tests.reset_role();
select is((select status from public.moderation_items where id = (select id from item where name = 'reported_listing')), 'pending',
  'nothing was decided');
select tests.authenticate_as('operations');
select throws_ok($$ select * from public.decide_moderation_items(array[(select id from item where name = 'reported_listing')], 'reject') $$,
  '23514', null, 'a bulk reject needs a reason too');
select results_eq($$ select outcome, message from public.decide_moderation_items(array[(select id from item where name = 'reported_listing')], 'ignore') $$,
  $$ values ('done', 'ignore') $$, 'ignoring the item alone is done');
select tests.reset_role();
select results_eq($$ select status::text, resolution from public.content_reports
                      where target_id = 'f0000000-0000-4000-8000-000000000101' and reporter_id = tests.get_user_id('customer2') $$,
  $$ values ('dismissed', 'duplicate') $$, 'ignoring closes the report without counting against the reporter');
select tests.authenticate_as('customer');
select throws_ok($$ select * from public.decide_moderation_items(array[(select id from item where name = 'review')], 'approve') $$,
  '42501', null, 'a customer is refused outright');
select tests.clear_authentication();
select throws_ok($$ select * from public.decide_moderation_items(array[(select id from item where name = 'review')], 'approve') $$,
  '42501', null, 'anonymous callers may not call it');

select * from finish();
rollback;
