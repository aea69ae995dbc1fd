-- What the moderation workspace reads: a tab's page (sorted, filtered, with what each item is
-- about), the tab counts and stats strip, the item pane's context and the rejection message's
-- preview — each by persona, within RLS and the tenant.
begin;
select plan(25);
select tests.create_marketplace_fixture();

insert into public.moderation_reason_templates (tenant_id, code, label, target_types, policy_url, message_template)
values (tests.ensure_tenant('loconomy'), 'fixture_misleading', 'Misleading description', '{listing,review}',
        'https://loconomy.test/policies/listings', 'Your listing "{listing_title}" was taken down. {reason}');
-- a reported listing (two reports) and a reported review beside the fixture's pending listing
insert into public.content_reports (reporter_id, target_type, target_id, reason, details) values
  (tests.get_user_id('customer'), 'listing', 'f0000000-0000-4000-8000-000000000101', 'misleading', 'Not the same flat'),
  (tests.get_user_id('customer2'), 'listing', 'f0000000-0000-4000-8000-000000000101', 'safety', null),
  (tests.get_user_id('customer'), 'review', 'f0000000-0000-4000-8000-000000000401', 'harassment', 'Rude');
create temp table item (name text primary key, id uuid);
grant select on item to authenticated;
insert into item
  select 'new_listing', id from public.moderation_items where target_type = 'listing' and target_id = 'f0000000-0000-4000-8000-000000000102'
  union all
  select 'reported_listing', id from public.moderation_items where target_type = 'listing' and target_id = 'f0000000-0000-4000-8000-000000000101'
  union all
  select 'reported_review', id from public.moderation_items where target_type = 'review' and target_id = 'f0000000-0000-4000-8000-000000000401';

-- the queue page ------------------------------------------------------------------------------
select tests.authenticate_as('operations');
-- (the test database also holds the demo seed: its items are left out of these comparisons)
select set_eq($$ select id from public.moderation_queue_page('listings', p_limit => 200, p_overdue => false) where id in (select id from item) $$,
  $$ select id from item where name in ('new_listing', 'reported_listing') $$, 'the listings tab holds both listing items');
select results_eq($$ select target_title, owner_name is not null, report_reasons from public.moderation_queue_page('listings', 'sla', p_limit => 200, p_overdue => false)
                      where id in (select id from item) limit 1 $$,
  $$ select l.title, true, '{misleading,safety}'::text[] from public.listings l where l.id = 'f0000000-0000-4000-8000-000000000101' $$,
  'sorted by SLA the reported listing (a safety report: due within the hour) comes first, with its title, owner and reasons');
select set_eq($$ select id from public.moderation_queue_page('reports', p_limit => 200, p_overdue => false) where id in (select id from item) $$,
  $$ select id from item where name in ('reported_listing', 'reported_review') $$, 'the reports tab holds what was reported');
select set_eq($$ select id from public.moderation_queue_page('listings', p_reason => 'safety', p_limit => 200) where id in (select id from item) $$,
  $$ select id from item where name = 'reported_listing' $$, 'filtered by report reason');
select is_empty($$ select id from public.moderation_queue_page('mine') $$, 'nothing is mine before I claim');
select lives_ok($$ select public.claim_moderation_item((select id from item where name = 'new_listing')) $$, 'operations claims the new listing');
select set_eq($$ select id from public.moderation_queue_page('mine') $$, $$ select id from item where name = 'new_listing' $$,
  'the mine tab holds the claim');
select set_eq($$ select id from public.moderation_queue_page('listings', p_claim => 'unclaimed', p_limit => 200, p_overdue => false) where id in (select id from item) $$,
  $$ select id from item where name = 'reported_listing' $$, 'filtered to unclaimed items');
select results_eq($$ select claimed_by_name from public.moderation_queue_page('listings', p_claim => 'claimed', p_limit => 200) where id in (select id from item) $$,
  $$ select full_name from public.users where id = tests.get_user_id('operations') $$, 'a claimed item names who holds it');
select is((select count(*)::int from public.moderation_queue_page('listings', 'age', p_limit => 1, p_offset => 1)), 1,
  'pages by limit and offset');
select throws_ok($$ select * from public.moderation_queue_page('everything') $$, '22023', null, 'an unknown tab is refused');
select throws_ok($$ select * from public.moderation_queue_page('listings', 'random()') $$, '22023', null,
  'an unknown sort is refused, never spliced into the query');
select is_empty($$ select id from public.moderation_queue_page('listings', p_tenant_id => tests.ensure_tenant('other')) $$,
  'narrowed to another tenant, operations sees nothing');

-- the summary ---------------------------------------------------------------------------------
select results_eq($$ select (s -> 'tabs' -> 'listings' ->> 'open')::int, (s -> 'tabs' -> 'mine' ->> 'open')::int,
                            (s -> 'tabs' -> 'reports' ->> 'overdue')::int
                       from public.moderation_workspace_summary() s $$,
  $$ select count(*) filter (where target_type = 'listing')::int,
            count(*) filter (where claimed_by = tests.get_user_id('operations') and claim_expires_at > now())::int,
            count(*) filter (where queue = 'content_reports' and sla_due_at <= now())::int
       from public.moderation_items where status in ('pending', 'escalated') $$,
  'the tab counts are the open items operations may read');
select lives_ok($$ select public.decide_moderation_item((select id from item where name = 'new_listing'), 'approve',
                     (select version from public.moderation_items where id = (select id from item where name = 'new_listing'))) $$,
  'operations approves the new listing');
select results_eq($$ select (s ->> 'decisions_today')::int, (s ->> 'my_decisions_today')::int,
                            (s -> 'median_minutes_to_decision') ? 'listing_approval'
                       from public.moderation_workspace_summary() s $$,
  $$ select count(*)::int, 1, true from public.moderation_items where decided_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' $$,
  'the stats strip counts the decision and times it per queue');
select is((select (s ->> 'sla_breaches_week')::int from public.moderation_workspace_summary() s),
  (select count(*)::int from public.moderation_items
    where sla_due_at > now() - interval '7 days' and sla_due_at <= now()
      and (status in ('pending', 'escalated') or decided_at > sla_due_at)),
  'SLA breaches this week: items due this week still open past it or decided late');
select tests.authenticate_as('finance');
select is((select (s -> 'tabs' -> 'listings' ->> 'open')::int from public.moderation_workspace_summary() s), 0,
  'finance counts no listing items');

-- the item pane ---------------------------------------------------------------------------------
select tests.authenticate_as('operations');
select results_eq($$ select c -> 'target' ->> 'title', c -> 'owner' ->> 'id', jsonb_array_length(c -> 'reports'),
                            (c -> 'reports' -> 0 -> 'reporter' ->> 'name') is not null,
                            c -> 'history' -> 0 ->> 'event', c -> 'templates' @> '[{"code": "fixture_misleading"}]'
                       from public.moderation_item_context((select id from item where name = 'reported_listing')) c $$,
  $$ select l.title, l.provider_id::text, 2, true, 'created', true
       from public.listings l where l.id = 'f0000000-0000-4000-8000-000000000101' $$,
  'a listing item in context: the listing, its provider, both reports with their reporters, the history, the templates');
select results_eq($$ select c -> 'target' ->> 'comment', c -> 'target' -> 'booking' ->> 'id'
                       from public.moderation_item_context((select id from item where name = 'reported_review')) c $$,
  $$ values ('Great work', 'f0000000-0000-4000-8000-000000000301') $$, 'a review item shows the review with its booking');
select is(public.preview_moderation_message((select id from item where name = 'reported_listing'), 'fixture_misleading', 'Photos of another flat'),
  (select format('Your listing "%s" was taken down. Photos of another flat', title) from public.listings
    where id = 'f0000000-0000-4000-8000-000000000101'),
  'the preview reads as the provider will get it');
select throws_ok($$ select public.moderation_item_context('00000000-0000-4000-8000-00000000dead') $$, 'PT404', null,
  'an unknown item is 404');
select tests.authenticate_as('other_admin');
select throws_ok($$ select public.moderation_item_context((select id from item where name = 'reported_listing')) $$, '42501', null,
  'another tenant''s admin may not read the item');
select tests.authenticate_as('customer');
select throws_ok($$ select public.moderation_item_context((select id from item where name = 'reported_listing')) $$, '42501', null,
  'a customer may not read it');
select tests.clear_authentication();
select throws_ok($$ select * from public.moderation_queue_page('listings') $$, '42501', null, 'anonymous callers may not list the queue');

select * from finish();
rollback;
