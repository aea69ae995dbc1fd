-- Dashboard RPCs by persona: staff_work_queue() and staff_bookings_per_day().
-- Each count must equal the same count computed directly (as postgres, no RLS) for the
-- persona's tenant, be NULL where the persona lacks the permission, and p_tenant_id must
-- narrow. Tenant other-co gets a small known fixture (one row that counts per card, next to
-- rows that must not: deleted, flagged, resolved, too old, yesterday in its time zone), in
-- Pacific/Kiritimati (UTC+14) so "today" is not UTC's today for most of the day.
begin;
select plan(43);

select tests.create_tenant_personas();
select tests.reset_role();

-- other-co fixture ------------------------------------------------------------------
do $$
declare
  v_other uuid := tests.ensure_tenant('other-co');
  v_provider uuid;
  v_customer uuid;
  v_listing uuid;
  v_today_start timestamptz;
begin
  update public.tenants set default_timezone = 'Pacific/Kiritimati' where id = v_other;
  v_provider := tests.create_supabase_user('other_provider', role => 'provider', tenant_slug => 'other-co');
  v_customer := tests.create_supabase_user('other_customer', tenant_slug => 'other-co');
  perform set_config('fx.other', v_other::text, true);

  insert into public.listings (provider_id, title, slug, status, location_type, price_cents, moderation_status, moderation_reason, deleted_at)
  values (v_provider, 'Harbour cleaning', 'dash-fixture-active', 'active', 'remote', 5000, 'approved', null, null)
  returning id into v_listing;
  insert into public.listings (provider_id, title, slug, status, location_type, price_cents, moderation_status, moderation_reason, deleted_at)
  values (v_provider, 'Awaiting review', 'dash-fixture-pending', 'draft', 'remote', 5000, 'pending', null, null),
         (v_provider, 'Pending but deleted', 'dash-fixture-deleted', 'draft', 'remote', 5000, 'pending', null, now()),
         (v_provider, 'Flagged already', 'dash-fixture-flagged', 'draft', 'remote', 5000, 'flagged', 'misleading', null);

  insert into public.bookings (listing_id, customer_id, status, dispute_reason, location_type, scheduled_start, scheduled_end,
                               subtotal_cents, total_cents)
  values (v_listing, v_customer, 'disputed', 'no show', 'remote', now() - interval '2 days', now() - interval '2 days' + interval '1 hour', 5000, 5000),
         (v_listing, v_customer, 'completed', null, 'remote', now() - interval '3 days', now() - interval '3 days' + interval '1 hour', 5000, 5000);

  insert into public.transactions (user_id, type, status, amount_cents, failure_reason, created_at) values
    (v_customer, 'payment', 'failed', 5000, 'card_declined', now() - interval '6 days'),
    (v_customer, 'payment', 'failed', 5000, 'card_declined', now() - interval '8 days'),
    (v_customer, 'payment', 'completed', 5000, null, now() - interval '1 day');

  insert into public.content_reports (reporter_id, target_type, target_id, reason, status) values
    (v_customer, 'user', v_provider, 'spam', 'open'),
    (v_customer, 'listing', v_listing, 'misleading', 'in_review');
  insert into public.content_reports (reporter_id, target_type, target_id, reason, status, resolution, resolved_by, resolved_at)
  values (v_customer, 'listing', v_listing, 'fraud', 'resolved', 'no_violation', tests.get_user_id('other_admin'), now());

  -- local midnight in Kiritimati: one flag changed just after it, one just before
  v_today_start := date_trunc('day', now() at time zone 'Pacific/Kiritimati') at time zone 'Pacific/Kiritimati';
  insert into public.feature_flags (tenant_id, key, name, updated_at) values
    (v_other, 'dash-today', 'Changed today', least(v_today_start + interval '1 minute', now())),
    (v_other, 'dash-yesterday', 'Changed yesterday', v_today_start - interval '1 minute');
end
$$;

-- ground truth, counted directly (no RLS), per scope -----------------------------------
create temp table expected_counts as
select s.scope,
       (select count(*) from public.listings l
         where l.tenant_id = any (s.tenants) and l.moderation_status = 'pending' and l.deleted_at is null) as listings,
       (select count(*) from public.content_reports r where r.tenant_id = any (s.tenants) and r.status = 'open') as open_reports,
       (select count(*) from public.content_reports r where r.tenant_id = any (s.tenants) and r.status = 'in_review') as in_review,
       (select count(*) from public.bookings b where b.tenant_id = any (s.tenants) and b.status = 'disputed') as disputed,
       (select count(*) from public.transactions x
         where x.tenant_id = any (s.tenants) and x.status = 'failed' and x.created_at > now() - interval '7 days') as failed,
       (select count(*) from public.feature_flags f join public.tenants t on t.id = f.tenant_id
         where f.tenant_id = any (s.tenants)
           and (f.updated_at at time zone t.default_timezone)::date = (now() at time zone t.default_timezone)::date) as flags
  from (values ('loconomy', array[current_setting('fx.tenant')::uuid]),
               ('other', array[current_setting('fx.other')::uuid]),
               ('all', array(select id from public.tenants))) as s (scope, tenants);
grant select on expected_counts to authenticated;

-- bookings per local day for loconomy over the last 14 days, the same question asked differently
create temp table expected_loconomy_days as
with tz as (select default_timezone as zone from public.tenants where id = current_setting('fx.tenant')::uuid),
     axis as (select ((now() at time zone tz.zone)::date - g) as day from tz, generate_series(13, 0, -1) g)
select a.day,
       (select count(*) from public.bookings b, tz
         where b.tenant_id = current_setting('fx.tenant')::uuid and (b.created_at at time zone tz.zone)::date = a.day) as bookings,
       (select count(*) from public.bookings b, tz
         where b.tenant_id = current_setting('fx.tenant')::uuid and (b.completed_at at time zone tz.zone)::date = a.day) as completed
  from axis a;
grant select on expected_loconomy_days to authenticated;

select is((select row(listings, open_reports, in_review, disputed, failed, flags)::text from expected_counts where scope = 'other'),
          '(1,1,1,1,1,1)', 'fixture: exactly one row per card in other-co counts');

-- super admin ---------------------------------------------------------------------------
select tests.authenticate_as('super');
select results_eq(
  $$ select * from public.staff_work_queue() $$,
  $$ select listings, open_reports, in_review, disputed, failed, flags from expected_counts where scope = 'all' $$,
  'super admin without a tenant: every count over every tenant');
select results_eq(
  $$ select * from public.staff_work_queue(current_setting('fx.tenant')::uuid) $$,
  $$ select listings, open_reports, in_review, disputed, failed, flags from expected_counts where scope = 'loconomy' $$,
  'super admin narrowed to loconomy: loconomy''s counts');
select results_eq(
  $$ select * from public.staff_work_queue(current_setting('fx.other')::uuid) $$,
  $$ select listings, open_reports, in_review, disputed, failed, flags from expected_counts where scope = 'other' $$,
  'super admin narrowed to other-co: other-co''s counts');
select results_eq(
  $$ select * from public.staff_bookings_per_day(current_setting('fx.tenant')::uuid) $$,
  $$ select day, bookings, completed from expected_loconomy_days order by day $$,
  'super admin: loconomy bookings per local day for the last 14 days');
select is((select count(*)::int from public.staff_bookings_per_day(null, 30)), 30, 'super admin: p_days sets the length of the axis');
select ok((select sum(bookings) from public.staff_bookings_per_day(null, 30))
            >= (select sum(bookings) from public.staff_bookings_per_day(current_setting('fx.tenant')::uuid, 30)),
          'super admin: every tenant together books at least what loconomy books');
select throws_ok($$ select * from public.staff_bookings_per_day(null, 0) $$, '22023', null, 'p_days below 1 is refused');
select throws_ok($$ select * from public.staff_bookings_per_day(null, 367) $$, '22023', null, 'p_days above 366 is refused');

-- operations: listings, reports, bookings ---------------------------------------------------
select tests.authenticate_as('ops');
select results_eq(
  $$ select * from public.staff_work_queue() $$,
  $$ select listings, open_reports, in_review, disputed, null::bigint, null::bigint from expected_counts where scope = 'loconomy' $$,
  'operations: loconomy''s moderation, report and dispute counts; no finance or flag counts');
select results_eq(
  $$ select * from public.staff_work_queue(current_setting('fx.other')::uuid) $$,
  $$ values (0::bigint, 0::bigint, 0::bigint, 0::bigint, null::bigint, null::bigint) $$,
  'operations asking for another tenant: zeros (permission held, no rows there), never its numbers');
select results_eq(
  $$ select * from public.staff_bookings_per_day() $$,
  $$ select day, bookings, completed from expected_loconomy_days order by day $$,
  'operations: loconomy bookings per day');

-- finance: bookings and failed payments -------------------------------------------------------
select tests.authenticate_as('finance');
select results_eq(
  $$ select * from public.staff_work_queue() $$,
  $$ select null::bigint, null::bigint, null::bigint, disputed, failed, null::bigint from expected_counts where scope = 'loconomy' $$,
  'finance: disputed bookings and failed payments of loconomy, the rest NULL');
select is((select count(*)::int from public.staff_bookings_per_day()), 14, 'finance (bookings.read): the 14-day chart');

-- product: listings and flags ---------------------------------------------------------------
select tests.authenticate_as('product');
select results_eq(
  $$ select * from public.staff_work_queue() $$,
  $$ select listings, null::bigint, null::bigint, null::bigint, null::bigint, flags from expected_counts where scope = 'loconomy' $$,
  'product: pending listings and flags changed today in loconomy, the rest NULL');
select is_empty($$ select * from public.staff_bookings_per_day() $$, 'product (no bookings.read): no chart');

-- a permission revoked for one user: that card goes NULL, not 0
select tests.reset_role();
insert into public.user_permissions (user_id, permission_id, kind, reason)
select tests.get_user_id('product'), p.id, 'revoke', 'dashboard test' from public.permissions p where p.key = 'listings.read';
select tests.authenticate_as('product');
select is((select listings_awaiting_moderation from public.staff_work_queue()), null, 'product with listings.read revoked: listings count NULL');
select is((select flags_changed_today from public.staff_work_queue()),
          (select flags from expected_counts where scope = 'loconomy'), 'product with listings.read revoked: flags count unchanged');

-- admin of another tenant ---------------------------------------------------------------------
select tests.authenticate_as('other_admin');
select results_eq(
  $$ select * from public.staff_work_queue() $$,
  $$ select listings, open_reports, in_review, disputed, failed, flags from expected_counts where scope = 'other' $$,
  'other-tenant admin: only other-co''s counts');
select results_eq(
  $$ select * from public.staff_work_queue(current_setting('fx.tenant')::uuid) $$,
  $$ values (0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint) $$,
  'other-tenant admin asking for loconomy: zeros, never loconomy''s numbers');
select results_eq(
  $$ select * from public.staff_bookings_per_day(null, 3) $$,
  $$ select ((now() at time zone 'Pacific/Kiritimati')::date - g), case g when 0 then 2::bigint else 0::bigint end,
            case g when 0 then 1::bigint else 0::bigint end
       from generate_series(2, 0, -1) g $$,
  'other-tenant admin: both fixture bookings made today in Kiritimati, one completed today');

-- customer and provider: every count NULL, no chart ----------------------------------------------
select tests.authenticate_as('customer');
select results_eq(
  $$ select * from public.staff_work_queue() $$,
  $$ values (null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint) $$,
  'customer: every count NULL');
select results_eq(
  $$ select * from public.staff_work_queue(current_setting('fx.tenant')::uuid) $$,
  $$ values (null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint) $$,
  'customer naming a tenant: still every count NULL');
select is_empty($$ select * from public.staff_bookings_per_day() $$, 'customer: no chart, though they can read their own bookings');
select tests.authenticate_as('provider');
select results_eq(
  $$ select * from public.staff_work_queue() $$,
  $$ values (null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint) $$,
  'provider: every count NULL, though they can read their own pending listings');
select is_empty($$ select * from public.staff_bookings_per_day() $$, 'provider: no chart');

-- service role: no staff identity, so no permission ------------------------------------------------
select tests.authenticate_as_service_role();
select results_eq(
  $$ select * from public.staff_work_queue() $$,
  $$ values (null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint) $$,
  'service role: every count NULL (it is not a staff member)');

-- anonymous ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select throws_ok($$ select * from public.staff_work_queue() $$, '42501', null, 'anonymous cannot execute staff_work_queue');
select throws_ok($$ select * from public.staff_bookings_per_day() $$, '42501', null, 'anonymous cannot execute staff_bookings_per_day');

-- privileges and shape ------------------------------------------------------------------------------
select tests.reset_role();
select ok(not has_function_privilege('anon', 'public.staff_work_queue(uuid)', 'execute'), 'anon has no execute on staff_work_queue');
select ok(has_function_privilege('authenticated', 'public.staff_work_queue(uuid)', 'execute'), 'authenticated may execute staff_work_queue');
select ok(not has_function_privilege('anon', 'public.staff_bookings_per_day(uuid, integer)', 'execute'), 'anon has no execute on staff_bookings_per_day');
select ok(has_function_privilege('authenticated', 'public.staff_bookings_per_day(uuid, integer)', 'execute'), 'authenticated may execute staff_bookings_per_day');
select ok(not has_function_privilege('anon', 'private.staff_scope(text[], uuid)', 'execute'), 'anon has no execute on private.staff_scope');
select is((select prosecdef from pg_proc where oid = 'public.staff_work_queue(uuid)'::regprocedure), false,
          'staff_work_queue is SECURITY INVOKER: it counts under the caller''s RLS');
select is((select prosecdef from pg_proc where oid = 'public.staff_bookings_per_day(uuid, integer)'::regprocedure), false,
          'staff_bookings_per_day is SECURITY INVOKER');
select is((select provolatile from pg_proc where oid = 'public.staff_work_queue(uuid)'::regprocedure), 's',
          'staff_work_queue is STABLE, so the API runs it in a read-only transaction');

-- each count can use an index: the partial indexes it relies on exist with their predicates
select has_index('public', 'listings', 'listings_moderation_queue_idx', 'pending listings: listings_moderation_queue_idx');
select has_index('public', 'content_reports', 'content_reports_queue_idx', 'open reports: content_reports_queue_idx');
select has_index('public', 'bookings', 'bookings_open_disputes_idx', 'disputed bookings: bookings_open_disputes_idx');
select has_index('public', 'transactions', 'transactions_failed_idx', 'failed payments: transactions_failed_idx');
select has_index('public', 'bookings', 'bookings_completed_idx', 'completed per day: bookings_completed_idx');
select has_index('public', 'feature_flags', 'feature_flags_tenant_updated_idx', 'flags changed: feature_flags_tenant_updated_idx');

select * from finish();
rollback;
