-- Moderation behaviour: reports point at an existing listing, review, user or message of the
-- reporter's tenant; one open report per reporter and target; resolve_content_report and
-- claim_content_report (permission, tenant, bad input, state, audit); resolved rows carry
-- their resolver and time.
begin;
select plan(20);

do $$
declare v uuid;
begin
  perform tests.create_supabase_user('customer');
  perform tests.create_supabase_user('provider', role => 'provider');
  perform tests.create_supabase_user('ops', role => 'admin', staff_role => 'operations');
  perform tests.create_supabase_user('product', role => 'admin', staff_role => 'product');
  perform tests.create_supabase_user('other_admin', role => 'admin', tenant_slug => 'other-co');
  insert into public.listings (provider_id, title, slug, status, pricing_type, location_type, price_cents)
  values (tests.get_user_id('provider'), 'Gutter cleaning', 'gutter-cleaning-moderation-test', 'active', 'fixed', 'remote', 9000)
  returning id into v;
  perform set_config('t.listing', v::text, true);
end
$$;

select tests.authenticate_as('customer');
select lives_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason, details)
  values (tests.get_user_id('customer'), 'listing', current_setting('t.listing')::uuid, 'misleading', 'Photos are of another house') $$,
  'a customer reports a listing');
select throws_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason)
  values (tests.get_user_id('customer'), 'listing', current_setting('t.listing')::uuid, 'spam') $$, '23505', null,
  'one open report per reporter and target');
select throws_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason)
  values (tests.get_user_id('customer'), 'review', gen_random_uuid(), 'spam') $$, '23503', null, 'the reported review must exist');
select throws_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason)
  values (tests.get_user_id('customer'), 'user', tests.get_user_id('customer'), 'spam') $$, '22023', null, 'nobody reports themselves');
select throws_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason)
  values (tests.get_user_id('customer'), 'booking', gen_random_uuid(), 'spam') $$, '23514', null, 'target types are listing, review, user, message');
select throws_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason)
  values (tests.get_user_id('customer'), 'user', tests.get_user_id('provider'), 'other') $$, '23514', null, 'reason other needs details');
select throws_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason, status)
  values (tests.get_user_id('customer'), 'user', tests.get_user_id('provider'), 'spam', 'resolved') $$, '42501', null,
  'reporters cannot set the status');
select is((select status from public.content_reports where target_id = current_setting('t.listing')::uuid), 'open'::public.report_status,
  'a report starts open');
select tests.reset_role();
select set_config('t.report', (select id::text from public.content_reports where target_id = current_setting('t.listing')::uuid), true);
select throws_ok($$ update public.content_reports set status = 'resolved' where id = current_setting('t.report')::uuid $$, '23514', null,
  'a resolved report names its resolver, time and resolution');

-- resolve_content_report ---------------------------------------------------------------------
select tests.authenticate_as('product');
select throws_ok($$ select public.resolve_content_report(current_setting('t.report')::uuid, 'content_hidden') $$, '42501', null,
  'resolving needs reports.resolve');
select tests.authenticate_as('other_admin');
select throws_ok($$ select public.resolve_content_report(current_setting('t.report')::uuid, 'content_hidden') $$, '42501', null,
  'another tenant''s admin cannot resolve this tenant''s reports');
select tests.authenticate_as('ops');
select throws_ok($$ select public.resolve_content_report(current_setting('t.report')::uuid, 'burn_it') $$, '22023', null,
  'an unknown resolution is bad input');
select is((select status from public.claim_content_report(current_setting('t.report')::uuid)), 'in_review'::public.report_status,
  'a moderator claims the report');
select is((select array[r.status::text, r.resolution, r.resolution_note, (r.resolved_by = tests.get_user_id('ops'))::text]
             from public.resolve_content_report(current_setting('t.report')::uuid, 'content_hidden', '  Listing photos replaced ') r),
  array['resolved', 'content_hidden', 'Listing photos replaced', 'true'], 'resolving records resolution, note and resolver');
select throws_ok($$ select public.resolve_content_report(current_setting('t.report')::uuid, 'no_violation') $$, 'P0001', null,
  'a resolved report stays resolved');
select tests.reset_role();
select throws_ok($$ update public.content_reports set status = 'open' where id = current_setting('t.report')::uuid $$, 'P0001', null,
  'resolved is a final state');
select ok(exists (select 1 from public.audit_logs where table_name = 'content_reports' and record_id = current_setting('t.report')
  and action = 'admin_action' and metadata ->> 'rpc' = 'resolve_content_report' and actor_id = tests.get_user_id('ops')),
  'the resolution is audited with its actor');

-- dismissal, and a new report once the old one is closed
select tests.authenticate_as('customer');
select lives_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason)
  values (tests.get_user_id('customer'), 'listing', current_setting('t.listing')::uuid, 'fraud') $$,
  'the same reporter may report the target again once the first report is closed');
select tests.authenticate_as('ops');
select is((select status from public.resolve_content_report(
  (select id from public.content_reports where reason = 'fraud' and target_id = current_setting('t.listing')::uuid), 'no_violation')),
  'dismissed'::public.report_status, 'no_violation dismisses the report');
select tests.authenticate_as('customer');
select is((select count(*)::int from public.content_reports), 2, 'the reporter sees their own reports and their outcome');
select tests.reset_role();

select * from finish();
rollback;
