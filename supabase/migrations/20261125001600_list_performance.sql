-- What the admin's list pages need to stay fast at volume, found by `npm run bench`
-- (scripts/bench-lists.ts: every registry list as the super admin and the operations persona on
-- a database seeded at 25x — 150k bookings, 240k transactions, 1M events).
--
-- Why the tenant-leading indexes the lists already had did not serve them: a list carries no
-- tenant filter of its own, only the table's policies, and those are an OR (staff of the tenant
-- OR the row's own user: `tenant_id = any(<staff tenants>) or user_id = <me>`). An OR cannot
-- be an index condition that keeps (tenant_id, created_at) order, so PostgreSQL read every
-- visible row, joined every relation embed to each, and sorted them all to show ten. An index
-- that leads with the list's sort column lets it walk the newest rows, check the policies on
-- each, and stop after one page; the embeds then join those ten rows only. The filters a list
-- offers on low-cardinality columns (status, type, rating) ride the same walk, and date-range
-- filters on the sort column are its bounds. (A super admin narrowed to one tenant sends
-- tenant_id = X, which the existing tenant-leading indexes still serve.)
--
-- Sections: indexes, policies, settings.

-- Indexes -----------------------------------------------------------------------------
-- listings: the list's default sort (newest first) and its created_at filter; the status and
-- moderation_status filters walk it too
create index listings_created_at_idx on public.listings (created_at desc);
-- bookings: the list's default sort (scheduled_start desc) and its scheduled_start filter; the
-- status filter walks it
create index bookings_scheduled_start_idx on public.bookings (scheduled_start desc);
-- reviews: the list's default sort (newest first) and its created_at filter; the rating filter
-- walks it
create index reviews_created_at_idx on public.reviews (created_at desc);
-- invoices: the list's default sort (newest first) and its created_at filter; the status filter
-- walks it
create index invoices_created_at_idx on public.invoices (created_at desc);
-- transactions: the list's default sort (newest first); the type and status filters walk it
create index transactions_created_at_idx on public.transactions (created_at desc);
-- payouts: the list's default sort (newest first); the status filter walks it
create index payouts_created_at_idx on public.payouts (created_at desc);
-- notifications: the list's default sort (newest first) and its created_at filter
create index notifications_created_at_idx on public.notifications (created_at desc);
-- conversations: the list's default sort; plain DESC puts NULLs first like PostgREST's
-- `order=last_message_at.desc` (conversations_tenant_id_idx has them last and leads with the tenant)
create index conversations_last_message_at_idx on public.conversations (last_message_at desc);
-- events: the list's default sort (occurred_at desc) and its occurred_at filter; the BRIN index
-- narrows ranges but cannot return rows in order
create index events_occurred_at_idx on public.events (occurred_at desc);
-- system_logs: the list's default sort (newest first) and its created_at filter (the partial
-- problems index covers errors only)
create index system_logs_created_at_idx on public.system_logs (created_at desc);
-- file_uploads: the list's default sort (newest first) and its created_at filter; the file_type
-- filter walks it
create index file_uploads_created_at_idx on public.file_uploads (created_at desc);
-- user_sessions: the list's default sort (started_at desc) and its started_at filter
create index user_sessions_started_at_idx on public.user_sessions (started_at desc);
-- Smaller today, the same plan, and they grow with the marketplace (at 25x each list took
-- 20-70 ms, most of it joining embeds to every row before sorting):
-- users: the list's default sort (newest first) and its created_at filter; role and status walk it
create index users_created_at_idx on public.users (created_at desc);
-- audit_logs: the list's default sort (newest first) and its created_at filter; append-only and
-- the fastest-growing table in production (audit_logs_created_at_idx is a BRIN index)
create index audit_logs_created_idx on public.audit_logs (created_at desc);
-- content_reports: the list's default sort (newest first) and its created_at filter; the status
-- and target_type filters walk it
create index content_reports_created_at_idx on public.content_reports (created_at desc);
-- subscriptions: the list's default sort (newest first); the status filter walks it
create index subscriptions_created_at_idx on public.subscriptions (created_at desc);
-- referrals: the list's default sort (newest first); the status filter walks it
create index referrals_created_at_idx on public.referrals (created_at desc);
-- referral_rewards: the list's default sort (newest first)
create index referral_rewards_created_at_idx on public.referral_rewards (created_at desc);
-- webhook_deliveries: the list's default sort (newest first) and its created_at filter
create index webhook_deliveries_created_at_idx on public.webhook_deliveries (created_at desc);
-- availability_overrides: the list's default sort (override_date desc) and its override_date filter
create index availability_overrides_override_date_idx on public.availability_overrides (override_date desc);

-- Policies ----------------------------------------------------------------------------
-- listing_tags: a tag is visible with its listing, and the EXISTS runs under the listings
-- policies, so PostgreSQL answered it by hashing every listing the caller may see (a scan of
-- the whole table, twice per page with the count). Staff with listings.read see every listing
-- of their tenant, and set_tenant copies the listing's tenant onto its tags: testing that first
-- settles their own tenant's rows on the row itself, and the EXISTS is left for the rest.
alter policy "Signed-in users can read tags of listings they can see" on public.listing_tags
  using (
    tenant_id = any ((select private.staff_tenant_ids('listings.read'))::uuid[])
    or exists (select 1 from public.listings l where l.id = listing_tags.listing_id)
  );

-- Settings ----------------------------------------------------------------------------
-- JIT compilation starts when a plan's estimated cost passes jit_above_cost, which a list page
-- with an exact count over a few hundred thousand rows and its relation embeds does: compiling
-- took 250-300 ms for a query that runs in 10-20 ms. API requests are short and planned anew
-- each time, so they never win it back. The API applies the role's settings per request (as
-- PostgREST does); other roles keep the server default. Roles belong to the whole cluster, so
-- the setting is made for this database only.
do $$
begin
  execute format('alter role authenticated in database %I set jit = off', current_database());
  execute format('alter role anon in database %I set jit = off', current_database());
end
$$;
