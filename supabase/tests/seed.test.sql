-- The demo seed (supabase/seed.sql, default factor 1): logins, reference data, volumes,
-- coverage of every state the admin's workflows need, derived columns, determinism.
begin;
select plan(51);

-- Demo logins ------------------------------------------------------------------------------
select is(
  (select count(*)::int from auth.users
    where email in ('super.admin@loconomy.test', 'ops@loconomy.test', 'finance@loconomy.test', 'product@loconomy.test',
                    'admin@harbor.test', 'customer@loconomy.test', 'provider@loconomy.test')
      and encrypted_password = extensions.crypt('Loconomy-demo-2026', encrypted_password)
      and encrypted_password like '$2_$%'
      and email_confirmed_at is not null and aud = 'authenticated' and role = 'authenticated'
      and raw_app_meta_data = '{"provider": "email", "providers": ["email"]}'::jsonb),
  7, 'the seven demo logins authenticate with the demo password (bcrypt)');
select is(
  (select count(*)::int from auth.users
    where email = 'ops@loconomy.test' and encrypted_password = extensions.crypt('wrong-password', encrypted_password)),
  0, 'a wrong password does not authenticate');
select is(
  (select count(*)::int from auth.identities i join auth.users u on u.id = i.user_id
    where u.email like '%.test' and i.provider = 'email' and i.provider_id = u.id::text and i.identity_data ->> 'email' = u.email),
  7, 'every demo login has an email identity');
select results_eq(
  $$ select u.id, u.auth_user_id, u.email, u.role::text, u.staff_role, t.slug, u.status::text
       from public.users u join public.tenants t on t.id = u.tenant_id
      where u.email like '%.test' order by u.id $$,
  $$ values
     ('00000000-0000-4000-8000-000000000001'::uuid, '00000000-0000-4000-8000-100000000001'::uuid, 'super.admin@loconomy.test', 'super_admin', null::text, 'loconomy', 'active'),
     ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-100000000002', 'ops@loconomy.test', 'admin', 'operations', 'loconomy', 'active'),
     ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-100000000003', 'finance@loconomy.test', 'admin', 'finance', 'loconomy', 'active'),
     ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-100000000004', 'product@loconomy.test', 'admin', 'product', 'loconomy', 'active'),
     ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-100000000005', 'admin@harbor.test', 'admin', null, 'harbor', 'active'),
     ('00000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-100000000006', 'customer@loconomy.test', 'customer', null, 'loconomy', 'active'),
     ('00000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-100000000007', 'provider@loconomy.test', 'provider', null, 'loconomy', 'active') $$,
  'the demo personas are public.users with fixed ids, linked to their auth rows');

-- signed in, each staff persona gets its role's permissions
set local role authenticated;
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000001", "role": "authenticated"}', true);
select ok((select count(*) from public.my_permissions()) >= 20, 'the super admin holds the whole catalogue');
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000002", "role": "authenticated"}', true);
select ok('listings.moderate' in (select public.my_permissions()) and 'finance.reconcile' not in (select public.my_permissions()),
          'ops can moderate listings but not reconcile payouts');
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000003", "role": "authenticated"}', true);
select ok('finance.reconcile' in (select public.my_permissions()), 'finance can reconcile');
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000004", "role": "authenticated"}', true);
select ok('feature_flags.manage' in (select public.my_permissions()), 'product manages feature flags');
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000006", "role": "authenticated"}', true);
select is((select count(*)::int from public.my_permissions()), 0, 'the customer persona has no staff permissions');
reset role;
select set_config('request.jwt.claims', '', true);

-- Reference data ------------------------------------------------------------------------------
select results_eq($$ select slug from public.tenants order by slug $$, $$ values ('harbor'), ('loconomy') $$, 'two tenants');
select results_eq(
  $$ select code, gdpr_applies, ccpa_applies, currency::text from public.regions order by code $$,
  $$ values ('europe', true, false, 'EUR'), ('north-america', false, true, 'USD') $$,
  'North America under CCPA, Europe under GDPR');
select ok((select count(*) from public.cities) >= 20, 'at least 20 cities');
select is_empty(
  $$ select c.name from public.cities c join public.regions r on r.id = c.region_id
      where r.boundary is null or not extensions.st_covers(r.boundary, c.location) $$,
  'every city lies inside its region''s boundary');
select is_empty(
  $$ select x.name from (values ('New York', 40.7128, -74.0060), ('Los Angeles', 34.0522, -118.2437), ('Toronto', 43.6532, -79.3832),
                                ('Mexico City', 19.4326, -99.1332), ('London', 51.5074, -0.1278), ('Paris', 48.8566, 2.3522),
                                ('Berlin', 52.5200, 13.4050), ('Stockholm', 59.3293, 18.0686)) x (name, lat, lng)
      left join public.cities c on c.name = x.name
       and abs(extensions.st_y(c.location::extensions.geometry) - x.lat) < 0.01
       and abs(extensions.st_x(c.location::extensions.geometry) - x.lng) < 0.01
     where c.id is null $$,
  'cities sit at their real coordinates (to 0.01°)');
select ok((select count(*) from public.categories where parent_id is null) >= 5
          and (select max(depth) from public.categories) = 2, 'a category tree with several roots, three levels deep');
select ok((select count(*) from public.tags) >= 20, 'tags');

-- Volumes (factor 1) -------------------------------------------------------------------------------
select ok((select count(*) from public.users) between 500 and 800, 'hundreds of users');
select ok((select count(*) from public.users where clerk_id is not null and auth_user_id is null) >= 50,
          'Clerk-only users (clerk_id, no auth row)');
select ok((select count(distinct tenant_id) from public.users where role in ('customer', 'provider')) = 2, 'marketplace users in both tenants');
select ok((select count(*) from public.listings) between 1400 and 1600, 'about 1,500 listings');
select ok((select count(*) from public.bookings) between 5000 and 7000, 'thousands of bookings');
select ok((select count(*) from public.reviews) >= 2000 and (select count(*) from public.review_votes) >= 1000, 'reviews and votes');
select ok((select count(*) from public.events) >= 30000, 'tens of thousands of events');
select ok((select count(*) from public.transactions) >= 5000 and (select count(*) from public.invoice_items) >= 5000
          and (select count(*) from public.payouts) >= 500, 'transactions, invoice items, payouts');
select ok((select count(*) from public.messages) >= 2000 and (select count(*) from public.notifications) >= 1000, 'messages and notifications');
select ok((select count(*) from public.referral_rewards) > 0 and (select count(*) from public.usage_logs) > 0
          and (select count(*) from public.file_uploads) > 0 and (select count(*) from public.system_logs) > 0
          and (select count(*) from public.subscriptions) > 0 and (select count(*) from public.payment_methods) > 0,
          'rewards, usage logs, files, system logs, subscriptions, payment methods');

-- Every state the workflows need -----------------------------------------------------------------
select is_empty($$ select unnest(enum_range(null::public.booking_status)) except select status from public.bookings $$,
                'every booking_status appears');
select is_empty($$ select unnest(enum_range(null::public.listing_status)) except select status from public.listings $$,
                'every listing_status appears');
select is_empty($$ select unnest(enum_range(null::public.report_status)) except select status from public.content_reports $$,
                'every report_status appears');
select is_empty($$ select unnest(enum_range(null::public.subscription_status)) except select status from public.subscriptions $$,
                'every subscription_status appears');
select is_empty($$ select unnest(enum_range(null::public.transaction_type)) except select type from public.transactions $$,
                'every transaction_type appears');
select ok((select count(*) from public.listings where moderation_status = 'pending' and deleted_at is null) >= 20
          and (select count(*) from public.listings where moderation_status = 'flagged' and deleted_at is null) >= 20,
          'pending and flagged listings wait in the moderation queue');
select is_empty($$ select q.queue from (values ('listing_approval'), ('content_reports'), ('booking_disputes'), ('user_verification')) q (queue)
                   except
                   select i.queue from public.moderation_items i
                    where i.tenant_id = '10000000-0000-4000-8000-000000000001' and i.status = 'pending'
                    group by i.queue
                   having count(*) filter (where i.sla_due_at > now()) > 0 and count(*) filter (where i.sla_due_at <= now()) > 0 $$,
                'every moderation queue of Loconomy has open items inside their SLA and past it');
select ok((select count(*) from public.moderation_items where status in ('pending', 'escalated')
            and (claimed_by is null or claim_expires_at <= now())) > 0
          and (select count(*) from public.moderation_items where status in ('pending', 'escalated')
                and claimed_by is not null and claim_expires_at > now()) > 0
          and (select max(now() - entered_queue_at) from public.moderation_items where status in ('pending', 'escalated'))
              < interval '8 days',
          'the open queue is days old, not years: some items claimed, most free to take');
select ok((select count(*) from public.reviews where hidden_at is not null) > 0
          and (select count(*) from public.content_reports where target_type = 'review') > 0, 'hidden and reported reviews');
select ok((select count(*) from public.payouts where reconciliation_status = 'mismatch') > 0
          and (select count(*) from public.payouts where reconciliation_status = 'unreconciled' and status = 'paid'
                                                     and amount_cents <> expected_amount_cents) > 0,
          'payout mismatches: some recorded, more left for finance to find');
select ok((select count(*) from public.payouts where reconciliation_status = 'reconciled') > 0, 'reconciled payouts');
select ok(exists (select 1 from public.listings l
                   join public.moderation_items i on i.target_type = 'listing' and i.target_id = l.id and i.status = 'pending'
                  where l.provider_id = '00000000-0000-4000-8000-000000000007' and l.moderation_status = 'pending'
                    and (select array_agg(c.field order by c.field) from public.listing_changes_since_approval(l.id) c) = '{price,title}'),
  'the provider persona has an approved listing edited back into the queue, its title and price changed');
select is_empty($$ select t.id from public.transactions t
                    left join public.bookings b on b.id = t.booking_id
                    left join public.listings l on l.id = b.listing_id
                   where (t.booking_id is not null and (t.city_id, t.category_id, t.provider_id) is distinct from (l.city_id, l.category_id, b.provider_id))
                      or (t.type = 'payout' and t.provider_id is distinct from t.user_id) $$,
  'the bulk-loaded money carries its place and provider, as the trigger would have stamped them');
select ok(exists (select 1 from public.listings where provider_id = '00000000-0000-4000-8000-000000000007' and status = 'active')
          and exists (select 1 from public.bookings where customer_id = '00000000-0000-4000-8000-000000000006' and status = 'disputed')
          and exists (select 1 from public.reviews where reviewer_id = '00000000-0000-4000-8000-000000000006'),
          'the provider persona has listings, the customer persona bookings (one disputed) and reviews');
select ok(exists (select 1 from public.feature_flags where not is_enabled and not kill_switch and rollout_percentage = 0)
          and exists (select 1 from public.feature_flags where is_enabled and rollout_percentage = 10)
          and exists (select 1 from public.feature_flags where is_enabled and rollout_percentage = 50 and jsonb_array_length(variants) > 0)
          and exists (select 1 from public.feature_flags where is_enabled and rollout_percentage = 100)
          and exists (select 1 from public.feature_flags where kill_switch and killed_at is not null)
          and exists (select 1 from public.feature_flags where targeting_rules <> '{}'::jsonb)
          and exists (select 1 from public.user_feature_flags where variant is not null),
          'feature flags off, at 10%, 50% with variants, 100%, killed, targeted, with overrides');
select ok(exists (select 1 from public.webhook_deliveries where delivered_at is null and failed_at is null and attempt_count > 1 and next_retry_at is not null)
          and exists (select 1 from public.webhook_deliveries where failed_at is not null and attempt_count = max_attempts),
          'webhook deliveries retrying and given up');
select is((select count(*)::int from public.api_keys
            where key_prefix = 'lk_dec0de000001'
              and key_hash = encode(sha256(convert_to('lk_dec0de000001_' || md5('loconomy-demo-key-1') || md5('loconomy-demo-key-2'), 'UTF8')), 'hex')),
          1, 'the documented demo API key is stored as create_api_key stores keys (prefix + sha256)');

-- Derived columns and history ----------------------------------------------------------------------
select is_empty(
  $$ select l.id from public.listings l
       left join (select listing_id, count(*) as n, round(avg(rating), 2) as avg from public.reviews
                   where hidden_at is null and deleted_at is null group by listing_id) r on r.listing_id = l.id
      where (l.rating_count, l.rating_average) is distinct from (coalesce(r.n, 0)::int, coalesce(r.avg, 0))
         or l.booking_count <> (select count(*) from public.bookings b where b.listing_id = l.id and b.status = 'completed') $$,
  'listing rating and booking aggregates match their rows');
select is_empty(
  $$ select i.id from public.invoices i
       left join (select invoice_id, sum(amount_cents) as s, sum(tax_cents) as t from public.invoice_items group by invoice_id) x on x.invoice_id = i.id
      where (i.subtotal_cents, i.tax_cents) is distinct from (coalesce(x.s, 0), coalesce(x.t, 0)) $$,
  'invoice totals match their items');
select is_empty(
  $$ select p.id from public.payouts p
       left join (select payout_id, sum(amount_cents) as s, count(*) as n from public.payout_transactions group by payout_id) x on x.payout_id = p.id
      where (p.expected_amount_cents, p.transaction_count) is distinct from (coalesce(x.s, 0), coalesce(x.n, 0)::int) $$,
  'payout expected totals match their linked transactions');
select ok(exists (select 1 from public.audit_logs where actor_id = '00000000-0000-4000-8000-000000000002' and action = 'admin_action')
          and exists (select 1 from public.audit_logs where actor_id = '00000000-0000-4000-8000-000000000003' and table_name = 'payouts'),
          'the audit trail holds staff actions from the seed history');
select is_empty($$ select * from private.verify_audit_chain() $$, 'the audit hash chain is intact');

-- Determinism: the generator derives every value from a hash of the row number, so these
-- checksums (over columns without timestamps) are the same on every reset at factor 1.
select is(
  (select md5(string_agg(concat_ws('|', id, email, role, status, clerk_id is not null), ',' order by id)) from public.users),
  '7cc07f85717aca1c9dead896e56fbb0a', 'users are deterministic');
select is(
  (select md5(string_agg(concat_ws('|', id, slug, status, moderation_status, price_cents, provider_id), ',' order by id)) from public.listings),
  '987af2698a54d00a5e7dc825279b0242', 'listings are deterministic');
select is(
  (select md5(string_agg(concat_ws('|', id, confirmation_code, status, total_cents, customer_id), ',' order by id)) from public.bookings),
  '79fbd17c063e935e192f3196b9d3c391', 'bookings are deterministic');

select * from finish();
rollback;
