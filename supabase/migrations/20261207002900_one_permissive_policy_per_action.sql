-- One permissive policy per table, role and action (issue 32; Supabase's advisor lint
-- multiple_permissive_policies). Postgres evaluates every permissive policy that applies to a
-- command and ORs them, so two policies for the same role and action cost two evaluations per
-- row. Each group below becomes one policy whose USING is the OR of the old ones (and WITH
-- CHECK the OR of theirs, a policy without one counting its USING, as Postgres does): the same
-- rows, one evaluation. The RLS matrices in supabase/tests prove the behaviour unchanged; the
-- names still read as sentences, within Postgres's 63 bytes (some of the old ones were cut).
set local lock_timeout = '5s';

-- audit_logs: Staff with audit.read can read audit logs of their tenant; Super admins with audit.read can read platform audit logs
drop policy "Staff with audit.read can read audit logs of their tenant" on public.audit_logs;
drop policy "Super admins with audit.read can read platform audit logs" on public.audit_logs;
create policy "Staff and super admins with audit.read can read audit logs" on public.audit_logs
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('audit.read'::text) AS staff_tenant_ids)::uuid[])))
    or (((tenant_id IS NULL) AND ( SELECT private.is_super_admin() AS is_super_admin) AND ( SELECT private.has_permission('audit.read'::text) AS has_permission))));

-- availability_overrides: Providers can read their own overrides; Staff with bookings.read can read overrides of their tenant
drop policy "Providers can read their own overrides" on public.availability_overrides;
drop policy "Staff with bookings.read can read overrides of their tenant" on public.availability_overrides;
create policy "Providers and staff with bookings.read can read overrides" on public.availability_overrides
  for select to authenticated
  using (
    ((provider_id = ( SELECT private.current_user_id() AS current_user_id)))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('bookings.read'::text) AS staff_tenant_ids)::uuid[]))));

-- bookings: Customers and providers can read their bookings; Staff with bookings.read can read bookings of their tenant
drop policy "Customers and providers can read their bookings" on public.bookings;
drop policy "Staff with bookings.read can read bookings of their tenant" on public.bookings;
create policy "Its customer, provider and tenant staff can read a booking" on public.bookings
  for select to authenticated
  using (
    (((customer_id = ( SELECT private.current_user_id() AS current_user_id)) OR (provider_id = ( SELECT private.current_user_id() AS current_user_id))))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('bookings.read'::text) AS staff_tenant_ids)::uuid[]))));

-- bookings: Customers and providers can update their bookings; Staff with bookings.manage can update bookings of their tenant
drop policy "Customers and providers can update their bookings" on public.bookings;
drop policy "Staff with bookings.manage can update bookings of their tenant" on public.bookings;
create policy "Its customer, provider and tenant staff can update a booking" on public.bookings
  for update to authenticated
  using (
    (((customer_id = ( SELECT private.current_user_id() AS current_user_id)) OR (provider_id = ( SELECT private.current_user_id() AS current_user_id))))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('bookings.manage'::text) AS staff_tenant_ids)::uuid[]))))
  with check (
    (((customer_id = ( SELECT private.current_user_id() AS current_user_id)) OR (provider_id = ( SELECT private.current_user_id() AS current_user_id))))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('bookings.manage'::text) AS staff_tenant_ids)::uuid[]))));

-- content_reports: Staff with reports.read can read reports of their tenant; Users can read their own reports
drop policy "Staff with reports.read can read reports of their tenant" on public.content_reports;
drop policy "Users can read their own reports" on public.content_reports;
create policy "Reporters and staff with reports.read can read reports" on public.content_reports
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('reports.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((reporter_id = ( SELECT private.current_user_id() AS current_user_id))));

-- conversations: Participants can read their conversations; Staff with communication.read can read conversations of their t
drop policy "Participants can read their conversations" on public.conversations;
drop policy "Staff with communication.read can read conversations of their t" on public.conversations;
create policy "Participants and staff can read conversations" on public.conversations
  for select to authenticated
  using (
    ((( SELECT private.current_user_id() AS current_user_id) = ANY (participant_ids)))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('communication.read'::text) AS staff_tenant_ids)::uuid[]))));

-- events: Staff with analytics.read can read events of their tenant; Users can read their own events
drop policy "Staff with analytics.read can read events of their tenant" on public.events;
drop policy "Users can read their own events" on public.events;
create policy "Users and staff with analytics.read can read events" on public.events
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('analytics.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- file_uploads: Signed-in users can read public files that are not deleted; Staff with files.read can read files of their tenant; Users can read their own files
drop policy "Signed-in users can read public files that are not deleted" on public.file_uploads;
drop policy "Staff with files.read can read files of their tenant" on public.file_uploads;
drop policy "Users can read their own files" on public.file_uploads;
create policy "Owners, tenant staff and any signed-in user (public) read files" on public.file_uploads
  for select to authenticated
  using (
    ((is_public AND (deleted_at IS NULL)))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('files.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((uploaded_by = ( SELECT private.current_user_id() AS current_user_id))));

-- invoice_items: Staff with finance.read can read invoice items of their tenant; Users can read the items of their own issued invoices
drop policy "Staff with finance.read can read invoice items of their tenant" on public.invoice_items;
drop policy "Users can read the items of their own issued invoices" on public.invoice_items;
create policy "Invoiced users and staff with finance.read can read items" on public.invoice_items
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('finance.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((EXISTS ( SELECT 1
   FROM invoices i
  WHERE ((i.id = invoice_items.invoice_id) AND (i.user_id = ( SELECT private.current_user_id() AS current_user_id)) AND (i.status <> 'draft'::text))))));

-- invoices: Staff with finance.read can read invoices of their tenant; Users can read their own issued invoices
drop policy "Staff with finance.read can read invoices of their tenant" on public.invoices;
drop policy "Users can read their own issued invoices" on public.invoices;
create policy "Invoiced users and staff with finance.read can read invoices" on public.invoices
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('finance.read'::text) AS staff_tenant_ids)::uuid[])))
    or (((user_id = ( SELECT private.current_user_id() AS current_user_id)) AND (status <> 'draft'::text))));

-- listing_approved_versions: Providers can read the approved versions of their listings; Staff with listings.moderate can read approved versions of thei
drop policy "Providers can read the approved versions of their listings" on public.listing_approved_versions;
drop policy "Staff with listings.moderate can read approved versions of thei" on public.listing_approved_versions;
create policy "Providers and moderators can read approved versions" on public.listing_approved_versions
  for select to authenticated
  using (
    ((EXISTS ( SELECT 1
   FROM listings l
  WHERE ((l.id = listing_approved_versions.listing_id) AND (l.provider_id = ( SELECT private.current_user_id() AS current_user_id))))))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('listings.moderate'::text) AS staff_tenant_ids)::uuid[]))));

-- listings: Providers can read their own listings; Signed-in users can read active approved listings; Staff with listings.read can read listings of their tenant
drop policy "Providers can read their own listings" on public.listings;
drop policy "Signed-in users can read active approved listings" on public.listings;
drop policy "Staff with listings.read can read listings of their tenant" on public.listings;
create policy "Everyone signed in reads live listings; providers, staff theirs" on public.listings
  for select to authenticated
  using (
    ((provider_id = ( SELECT private.current_user_id() AS current_user_id)))
    or (((status = 'active'::listing_status) AND (moderation_status = 'approved'::text) AND (deleted_at IS NULL)))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('listings.read'::text) AS staff_tenant_ids)::uuid[]))));

-- listings: Providers can update their own listings; Staff with listings.moderate can update listings of their tenan
drop policy "Providers can update their own listings" on public.listings;
drop policy "Staff with listings.moderate can update listings of their tenan" on public.listings;
create policy "Providers and moderators can update listings" on public.listings
  for update to authenticated
  using (
    (((provider_id = ( SELECT private.current_user_id() AS current_user_id)) AND (deleted_at IS NULL)))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('listings.moderate'::text) AS staff_tenant_ids)::uuid[]))))
  with check (
    ((provider_id = ( SELECT private.current_user_id() AS current_user_id)))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('listings.moderate'::text) AS staff_tenant_ids)::uuid[]))));

-- messages: Participants can read the messages of their conversations; Staff with communication.read can read messages of their tenant
drop policy "Participants can read the messages of their conversations" on public.messages;
drop policy "Staff with communication.read can read messages of their tenant" on public.messages;
create policy "Participants and staff can read messages" on public.messages
  for select to authenticated
  using (
    (private.is_conversation_participant(conversation_id))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('communication.read'::text) AS staff_tenant_ids)::uuid[]))));

-- notifications: Staff with communication.read can read notifications of their t; Users can read their own notifications
drop policy "Staff with communication.read can read notifications of their t" on public.notifications;
drop policy "Users can read their own notifications" on public.notifications;
create policy "Users and staff with communication.read read notifications" on public.notifications
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('communication.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- payment_methods: Staff with finance.read can read payment methods of their tenan; Users can read their own payment methods
drop policy "Staff with finance.read can read payment methods of their tenan" on public.payment_methods;
drop policy "Users can read their own payment methods" on public.payment_methods;
create policy "Users and staff with finance.read can read payment methods" on public.payment_methods
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('finance.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- payout_transactions: Providers can read what their own payouts settle; Staff with finance.read can read payout settlements of their te
drop policy "Providers can read what their own payouts settle" on public.payout_transactions;
drop policy "Staff with finance.read can read payout settlements of their te" on public.payout_transactions;
create policy "Providers and staff with finance.read read payout settlements" on public.payout_transactions
  for select to authenticated
  using (
    ((EXISTS ( SELECT 1
   FROM payouts p
  WHERE ((p.id = payout_transactions.payout_id) AND (p.user_id = ( SELECT private.current_user_id() AS current_user_id))))))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('finance.read'::text) AS staff_tenant_ids)::uuid[]))));

-- payouts: Providers can read their own payouts; Staff with finance.read can read payouts of their tenant
drop policy "Providers can read their own payouts" on public.payouts;
drop policy "Staff with finance.read can read payouts of their tenant" on public.payouts;
create policy "Providers and staff with finance.read can read payouts" on public.payouts
  for select to authenticated
  using (
    ((user_id = ( SELECT private.current_user_id() AS current_user_id)))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('finance.read'::text) AS staff_tenant_ids)::uuid[]))));

-- provider_availability: Providers can read their own availability; Signed-in users can read active availability; Staff with bookings.read can read availability of their tenant
drop policy "Providers can read their own availability" on public.provider_availability;
drop policy "Signed-in users can read active availability" on public.provider_availability;
drop policy "Staff with bookings.read can read availability of their tenant" on public.provider_availability;
create policy "Signed-in users read active availability; providers, staff all" on public.provider_availability
  for select to authenticated
  using (
    ((provider_id = ( SELECT private.current_user_id() AS current_user_id)))
    or (is_active)
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('bookings.read'::text) AS staff_tenant_ids)::uuid[]))));

-- referral_codes: Staff with referrals.manage can read referral codes of their te; Users can read their own referral codes
drop policy "Staff with referrals.manage can read referral codes of their te" on public.referral_codes;
drop policy "Users can read their own referral codes" on public.referral_codes;
create policy "Users and staff with referrals.manage can read referral codes" on public.referral_codes
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('referrals.manage'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- referral_programs: Staff with referrals.manage can read referral programs of their; Users can read running referral programs of their tenant
drop policy "Staff with referrals.manage can read referral programs of their" on public.referral_programs;
drop policy "Users can read running referral programs of their tenant" on public.referral_programs;
create policy "Members read running programs; staff with referrals.manage all" on public.referral_programs
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('referrals.manage'::text) AS staff_tenant_ids)::uuid[])))
    or (((tenant_id = ( SELECT private.current_tenant_id() AS current_tenant_id)) AND is_active AND (starts_at <= now()) AND ((ends_at IS NULL) OR (ends_at > now())))));

-- referral_rewards: Staff with referrals.manage can read referral rewards of their ; Users can read their own referral rewards
drop policy "Staff with referrals.manage can read referral rewards of their " on public.referral_rewards;
drop policy "Users can read their own referral rewards" on public.referral_rewards;
create policy "Users and staff with referrals.manage can read rewards" on public.referral_rewards
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('referrals.manage'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- referrals: Staff with referrals.manage can read referrals of their tenant; Users can read referrals they made or received
drop policy "Staff with referrals.manage can read referrals of their tenant" on public.referrals;
drop policy "Users can read referrals they made or received" on public.referrals;
create policy "Referrers, referred and staff with referrals.manage read them" on public.referrals
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('referrals.manage'::text) AS staff_tenant_ids)::uuid[])))
    or (((( SELECT private.current_user_id() AS current_user_id) = referrer_id) OR (( SELECT private.current_user_id() AS current_user_id) = referred_user_id))));

-- review_votes: Staff with reviews.moderate can read votes of their tenant; Users can read their own votes
drop policy "Staff with reviews.moderate can read votes of their tenant" on public.review_votes;
drop policy "Users can read their own votes" on public.review_votes;
create policy "Voters and staff with reviews.moderate can read votes" on public.review_votes
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('reviews.moderate'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- reviews: Reviewers and reviewed providers can read their reviews; Signed-in users can read visible reviews; Staff with reviews.moderate can read reviews of their tenant
drop policy "Reviewers and reviewed providers can read their reviews" on public.reviews;
drop policy "Signed-in users can read visible reviews" on public.reviews;
drop policy "Staff with reviews.moderate can read reviews of their tenant" on public.reviews;
create policy "Signed-in users read visible reviews; parties and staff all" on public.reviews
  for select to authenticated
  using (
    (((reviewer_id = ( SELECT private.current_user_id() AS current_user_id)) OR (provider_id = ( SELECT private.current_user_id() AS current_user_id))))
    or (((hidden_at IS NULL) AND (deleted_at IS NULL)))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('reviews.moderate'::text) AS staff_tenant_ids)::uuid[]))));

-- reviews: Reviewers can edit their reviews and providers respond; Staff with reviews.moderate can update reviews of their tenant
drop policy "Reviewers can edit their reviews and providers respond" on public.reviews;
drop policy "Staff with reviews.moderate can update reviews of their tenant" on public.reviews;
create policy "Reviewers, reviewed providers and moderators update reviews" on public.reviews
  for update to authenticated
  using (
    (((reviewer_id = ( SELECT private.current_user_id() AS current_user_id)) OR (provider_id = ( SELECT private.current_user_id() AS current_user_id))))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('reviews.moderate'::text) AS staff_tenant_ids)::uuid[]))))
  with check (
    (((reviewer_id = ( SELECT private.current_user_id() AS current_user_id)) OR (provider_id = ( SELECT private.current_user_id() AS current_user_id))))
    or ((tenant_id = ANY (( SELECT private.staff_tenant_ids('reviews.moderate'::text) AS staff_tenant_ids)::uuid[]))));

-- subscriptions: Staff with finance.read can read subscriptions of their tenant; Users can read their own subscriptions
drop policy "Staff with finance.read can read subscriptions of their tenant" on public.subscriptions;
drop policy "Users can read their own subscriptions" on public.subscriptions;
create policy "Users and staff with finance.read can read subscriptions" on public.subscriptions
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('finance.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- system_logs: Staff with audit.read can read system logs of their tenant; Super admins can read platform-wide system logs
drop policy "Staff with audit.read can read system logs of their tenant" on public.system_logs;
drop policy "Super admins can read platform-wide system logs" on public.system_logs;
create policy "Tenant staff with audit.read and super admins read system logs" on public.system_logs
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('audit.read'::text) AS staff_tenant_ids)::uuid[])))
    or (((tenant_id IS NULL) AND ( SELECT private.is_super_admin() AS is_super_admin))));

-- tenants: Members can read their own tenant; Super admins can read every tenant
drop policy "Members can read their own tenant" on public.tenants;
drop policy "Super admins can read every tenant" on public.tenants;
create policy "Members can read their tenant, super admins every tenant" on public.tenants
  for select to authenticated
  using (
    ((id = ( SELECT private.current_tenant_id() AS current_tenant_id)))
    or (( SELECT private.is_super_admin() AS is_super_admin)));

-- transactions: Staff with finance.read can read transactions of their tenant; Users can read their own transactions
drop policy "Staff with finance.read can read transactions of their tenant" on public.transactions;
drop policy "Users can read their own transactions" on public.transactions;
create policy "Users and staff with finance.read can read transactions" on public.transactions
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('finance.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- usage_logs: Staff with finance.read can read usage of their tenant; Users can read their own usage
drop policy "Staff with finance.read can read usage of their tenant" on public.usage_logs;
drop policy "Users can read their own usage" on public.usage_logs;
create policy "Users and staff with finance.read can read usage" on public.usage_logs
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('finance.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- user_feature_flags: Staff with feature_flags.read can read overrides of their tenan; Users can read their own feature flag overrides
drop policy "Staff with feature_flags.read can read overrides of their tenan" on public.user_feature_flags;
drop policy "Users can read their own feature flag overrides" on public.user_feature_flags;
create policy "Users and staff with feature_flags.read can read overrides" on public.user_feature_flags
  for select to authenticated
  using (
    ((tenant_id = ANY ((( SELECT private.staff_tenant_ids('feature_flags.read'::text) AS staff_tenant_ids) || ( SELECT private.staff_tenant_ids('feature_flags.manage'::text) AS staff_tenant_ids)))))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- user_permissions: Staff with permissions.manage can read overrides of their tenan; Users can read their own permission overrides
drop policy "Staff with permissions.manage can read overrides of their tenan" on public.user_permissions;
drop policy "Users can read their own permission overrides" on public.user_permissions;
create policy "Users and staff with permissions.manage can read overrides" on public.user_permissions
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('permissions.manage'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- user_profiles: Staff with users.read can read profiles of their tenant; Users can read their own profile
drop policy "Staff with users.read can read profiles of their tenant" on public.user_profiles;
drop policy "Users can read their own profile" on public.user_profiles;
create policy "Users and staff with users.read can read profiles" on public.user_profiles
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('users.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- user_profiles: Staff with users.manage can update profiles of their tenant; Users can update their own profile
drop policy "Staff with users.manage can update profiles of their tenant" on public.user_profiles;
drop policy "Users can update their own profile" on public.user_profiles;
create policy "Users and staff with users.manage can update profiles" on public.user_profiles
  for update to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('users.manage'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))))
  with check (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('users.manage'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- user_sanctions: Staff with users.read can read the sanctions of their tenant; Users can read their own sanctions, even while sanctioned
drop policy "Staff with users.read can read the sanctions of their tenant" on public.user_sanctions;
drop policy "Users can read their own sanctions, even while sanctioned" on public.user_sanctions;
create policy "Users (even sanctioned) and staff with users.read see sanctions" on public.user_sanctions
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('users.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.signed_in_user_id() AS signed_in_user_id))));

-- user_sessions: Staff with users.read can read sessions of their tenant; Users can read their own sessions
drop policy "Staff with users.read can read sessions of their tenant" on public.user_sessions;
drop policy "Users can read their own sessions" on public.user_sessions;
create policy "Users and staff with users.read can read sessions" on public.user_sessions
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('users.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- user_sessions: Staff with users.manage can end sessions of their tenant; Users can update their own sessions
drop policy "Staff with users.manage can end sessions of their tenant" on public.user_sessions;
drop policy "Users can update their own sessions" on public.user_sessions;
create policy "Users and staff with users.manage can update sessions" on public.user_sessions
  for update to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('users.manage'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))))
  with check (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('users.manage'::text) AS staff_tenant_ids)::uuid[])))
    or ((user_id = ( SELECT private.current_user_id() AS current_user_id))));

-- users: Staff with users.read can read users of their tenant; Users can read their own row
drop policy "Staff with users.read can read users of their tenant" on public.users;
drop policy "Users can read their own row" on public.users;
create policy "Users read their own row; staff with users.read, the tenant's" on public.users
  for select to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('users.read'::text) AS staff_tenant_ids)::uuid[])))
    or ((id = ( SELECT private.current_user_id() AS current_user_id))));

-- users: Staff with users.manage can update users of their tenant; Users can update their own row
drop policy "Staff with users.manage can update users of their tenant" on public.users;
drop policy "Users can update their own row" on public.users;
create policy "Users update their row; staff with users.manage, the tenant's" on public.users
  for update to authenticated
  using (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('users.manage'::text) AS staff_tenant_ids)::uuid[])))
    or ((id = ( SELECT private.current_user_id() AS current_user_id))))
  with check (
    ((tenant_id = ANY (( SELECT private.staff_tenant_ids('users.manage'::text) AS staff_tenant_ids)::uuid[])))
    or ((id = ( SELECT private.current_user_id() AS current_user_id))));
