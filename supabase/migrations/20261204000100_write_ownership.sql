-- Write ownership (issue 21): what an API role (anon, authenticated) may write, row
-- by row and column by column. A hostile client with supabase-js could move its own rows into
-- another tenant (the set_tenant triggers only fired when the owner column changed), undo a
-- moderator's decision by PATCHing listings.status, and forge the columns that record a staff
-- action or a state transition (listings.moderated_by, reviews.hidden_by, bookings.refunded_at,
-- counters, …), because the early domains granted INSERT/UPDATE on whole tables and their guards
-- only compared the columns someone remembered.
--
-- The root fixes:
-- 1. tenant_id is derived from the owning row on every insert and every update (the triggers no
--    longer wait for the owner column to change), and no API role may UPDATE tenant_id on any
--    table: moving a row to another tenant is impossible over the API. Where staff choose the
--    tenant of a new row (users, feature flags, referral programs) INSERT of tenant_id stays,
--    checked by the tables' policies against private.staff_tenant_ids().
-- 2. Column privileges: every table that granted whole-table INSERT/UPDATE now grants exactly
--    the columns an owner or a permitted staff member writes through the API (the guards still
--    decide who may change which of those). Columns that record a staff action, a state
--    transition, a counter or a derived value are written only by the SECURITY DEFINER
--    functions and triggers that own them (they run as the table owner, whom column grants do
--    not limit). supabase/tests/write_ownership.test.sql holds the manifest of every granted
--    column and fails when a migration grants one it does not classify.
-- 3. Listings: customers (anon and signed-in non-staff) see a listing only when it is active
--    AND approved by moderation. A pending, flagged or rejected listing is invisible whatever
--    its status, so no owner write can publish it: a new listing, even inserted as 'active',
--    waits for approval; a content edit of an approved listing sends it back to pending (and
--    out of sight) until a moderator approves it again. And an owner may not switch a rejected
--    or flagged listing back on at all (42501 with a message naming moderation) — that is a
--    moderator's decision, taken with moderate_listing().
--
-- Sections: tenant derivation, listing moderation and visibility, column privileges.

-- Tenant derivation ------------------------------------------------------------------------
-- Every trigger that derives tenant_id from an owner or parent row is re-created to fire on
-- every INSERT and UPDATE: with `update of <owner column>` a PATCH of tenant_id alone skipped
-- it. Found from the catalog (every BEFORE trigger calling one of the derivation functions) so
-- no table is left out; the definition is otherwise kept as it was.
do $$
declare
  r record;
  v_def text;
begin
  for r in
    select t.tgname, c.relname, pg_get_triggerdef(t.oid) as def
      from pg_trigger t
      join pg_class c on c.oid = t.tgrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_proc p on p.oid = t.tgfoid
      join pg_namespace pn on pn.oid = p.pronamespace
     where n.nspname = 'public' and not t.tgisinternal and pn.nspname = 'private'
       and p.proname in ('set_tenant_from_user', 'set_tenant_from_parent', 'set_tenant_from_listing',
                         'usage_logs_from_subscription')
       and t.tgattr <> ''::int2vector
  loop
    v_def := regexp_replace(r.def, ' OR UPDATE OF .+? ON public\.', ' OR UPDATE ON public.');
    if v_def = r.def then
      raise exception 'could not rewrite trigger % on %: %', r.tgname, r.relname, r.def;
    end if;
    execute format('drop trigger %I on public.%I', r.tgname, r.relname);
    execute v_def;
  end loop;
end
$$;

-- Listing moderation and visibility ----------------------------------------------------------

-- listings (API callers): the owner edits content; moderation, suspension, ownership and
-- aggregates belong to staff with listings.moderate or to the database. New here: an owner
-- cannot switch a rejected or flagged listing back on (the moderator's decision stands until
-- moderation changes it).
create or replace function private.guard_listings() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_moderator boolean;
begin
  if not private.is_api_client() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.status not in ('draft', 'active', 'paused') then
      raise exception 'a new listing starts as draft, active or paused' using errcode = '42501';
    end if;
    -- 'active' here means "publish once approved": the read policies show it only then
    new.moderation_status := 'pending';
    new.moderation_reason := null;
    new.moderated_by := null;
    new.moderated_at := null;
    new.rating_average := 0;
    new.rating_count := 0;
    new.booking_count := 0;
    new.is_featured := false;
    return new;
  end if;
  if (new.tenant_id, new.provider_id) is distinct from (old.tenant_id, old.provider_id) then
    raise exception 'a listing''s provider and tenant are fixed' using errcode = '42501';
  end if;
  if (new.rating_average, new.rating_count, new.booking_count) is distinct from (old.rating_average, old.rating_count, old.booking_count) then
    raise exception 'rating and booking aggregates are maintained by the database' using errcode = '42501';
  end if;
  v_moderator := private.staff_can('listings.moderate', old.tenant_id);
  if not v_moderator then
    if (new.moderation_status, new.moderation_reason, new.is_featured)
       is distinct from (old.moderation_status, old.moderation_reason, old.is_featured) then
      raise exception 'moderation fields require listings.moderate' using errcode = '42501';
    end if;
    if (new.status = 'suspended') <> (old.status = 'suspended') then
      raise exception 'only moderators suspend or reinstate a listing' using errcode = '42501';
    end if;
    if new.status = 'active' and old.status <> 'active' and old.moderation_status in ('rejected', 'flagged') then
      raise exception 'listing is % by moderation: only a moderator can make it active again (edit it and wait for approval)',
        old.moderation_status using errcode = '42501';
    end if;
    -- content edits of a reviewed listing go back to the moderation queue
    if old.moderation_status in ('approved', 'rejected')
       and (new.title, new.description, new.media) is distinct from (old.title, old.description, old.media) then
      new.moderation_status := 'pending';
    end if;
  end if;
  return new;
end
$$;

-- listings: slug, search vector, publication and moderation bookkeeping. moderated_by/at
-- record the decision behind the current moderation_status; a listing sent back to pending by
-- its owner's edit has no decision yet, so they are cleared instead of naming the provider.
create or replace function private.listings_prepare() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.slug is null or new.slug = '' then
    new.slug := left(private.slugify(new.title), 200) || '-' || substr(md5(gen_random_uuid()::text), 1, 8);
  end if;
  new.search_vector := private.listing_search_vector(new.id, new.title, new.description, new.keywords);
  if new.status = 'active' and new.published_at is null then
    new.published_at := now();
  end if;
  if tg_op = 'UPDATE' and new.moderation_status is distinct from old.moderation_status then
    if new.moderation_status = 'pending' then
      new.moderated_at := null;
      new.moderated_by := null;
    else
      new.moderated_at := now();
      new.moderated_by := coalesce(private.current_user_id(), new.moderated_by);
    end if;
  end if;
  return new;
end
$$;

-- customers see what moderation approved, and nothing else
drop policy "Anyone can read active listings" on public.listings;
create policy "Anyone can read active approved listings" on public.listings
  for select to anon
  using (status = 'active' and moderation_status = 'approved' and deleted_at is null);
drop policy "Signed-in users can read active listings" on public.listings;
create policy "Signed-in users can read active approved listings" on public.listings
  for select to authenticated
  using (status = 'active' and moderation_status = 'approved' and deleted_at is null);

-- The search RPCs are the customers' window on listings: they return what the read policies
-- above let a customer see (active and approved), whoever calls them, so a provider's or a
-- staff member's search shows the marketplace as customers see it.
create or replace function public.search_listings(
  q text,
  filter_category_id uuid default null,
  filter_city_id uuid default null,
  min_price_cents bigint default null,
  max_price_cents bigint default null,
  max_results integer default 20,
  skip integer default 0
) returns table (
  id uuid, tenant_id uuid, provider_id uuid, category_id uuid, city_id uuid, title text, slug text,
  pricing_type public.pricing_type, location_type public.location_type, price_cents bigint,
  currency char(3), rating_average numeric, rating_count integer, rank real
)
language sql stable
set search_path = ''
as $$
  with query as (
    select case when coalesce(trim(q), '') = '' then null
                else websearch_to_tsquery('english'::regconfig, q) end as tsq
  )
  select l.id, l.tenant_id, l.provider_id, l.category_id, l.city_id, l.title, l.slug,
         l.pricing_type, l.location_type, l.price_cents, l.currency, l.rating_average, l.rating_count,
         coalesce(ts_rank_cd(l.search_vector, query.tsq), 0)::real as rank
    from public.listings l, query
   where l.status = 'active' and l.moderation_status = 'approved' and l.deleted_at is null
     and (query.tsq is null or l.search_vector @@ query.tsq)
     and (filter_category_id is null or l.category_id = filter_category_id)
     and (filter_city_id is null or l.city_id = filter_city_id)
     and (min_price_cents is null or l.price_cents >= min_price_cents)
     and (max_price_cents is null or l.price_cents <= max_price_cents)
   order by rank desc, l.rating_average desc, l.id
   limit least(greatest(coalesce(max_results, 20), 1), 100)
  offset greatest(coalesce(skip, 0), 0)
$$;

create or replace function public.search_listings_nearby(
  lat double precision,
  lng double precision,
  radius_m double precision default 10000,
  q text default null,
  filter_category_id uuid default null,
  max_results integer default 20
) returns table (
  id uuid, tenant_id uuid, provider_id uuid, category_id uuid, city_id uuid, title text, slug text,
  pricing_type public.pricing_type, location_type public.location_type, price_cents bigint,
  currency char(3), rating_average numeric, rating_count integer, distance_m double precision
)
language sql stable
set search_path = ''
as $$
  with origin as (
    select extensions.st_setsrid(extensions.st_makepoint(lng, lat), 4326)::extensions.geography as g,
           case when coalesce(trim(q), '') = '' then null
                else websearch_to_tsquery('english'::regconfig, q) end as tsq
  )
  select l.id, l.tenant_id, l.provider_id, l.category_id, l.city_id, l.title, l.slug,
         l.pricing_type, l.location_type, l.price_cents, l.currency, l.rating_average, l.rating_count,
         extensions.st_distance(l.location, origin.g) as distance_m
    from public.listings l, origin
   where l.status = 'active' and l.moderation_status = 'approved' and l.deleted_at is null
     and extensions.st_dwithin(l.location, origin.g, least(greatest(radius_m, 0), 500000))
     and (origin.tsq is null or l.search_vector @@ origin.tsq)
     and (filter_category_id is null or l.category_id = filter_category_id)
   order by distance_m, l.id
   limit least(greatest(coalesce(max_results, 20), 1), 100)
$$;

-- Column privileges ----------------------------------------------------------------------------
-- Per table: revoke the whole-table INSERT/UPDATE (which also drops any column grants of those
-- privileges), then grant the columns an API caller writes. Not granted anywhere: tenant_id on
-- update, ids, created_at/updated_at, and the columns owned by the database:
--   tenants: -                       users: auth_user_id, last_sign_in_at, tenant_id (update)
--   user_profiles: user_id (update), rating_average, rating_count
--   user_sessions: user_id (update), started_at (update), auth_session_id (update), ip_address (update)
--   permissions: resource (generated), key (update)
--   user_permissions: granted_by, user_id and permission_id (update)
--   categories: depth, path          tags: usage_count
--   listings: moderation_status, moderation_reason, moderated_by, moderated_at (moderate_listing),
--             search_vector, rating_average, rating_count, booking_count, published_at, provider_id (update)
--   listing_tags: tenant_id          provider_availability / availability_overrides: provider_id (update)
--   bookings: confirmation_code, provider_id, status timestamps (confirmed_at, started_at,
--             completed_at, cancelled_at, disputed_at, refunded_at), cancelled_by, and on insert
--             status (a booking starts pending); listing_id/customer_id (update)
--   reviews: listing_id, provider_id, tenant_id, is_verified (insert), helpful_count,
--            not_helpful_count, hidden_at, hidden_by, hidden_reason (moderate_review),
--            provider_responded_at, booking_id/reviewer_id (update)
--   review_votes: review_id/user_id (update)
--   referral_programs: created_by    referral_codes: uses_count, code, program_id, user_id (update)
--   referrals: referrer_id, completed_at, referral_code_id/referred_user_id (update)
--   referral_rewards: everything but status and transaction_id (amounts, issued_at, paid_at, …)
--   payout_transactions: tenant_id, amount_cents (set by trigger)

-- identity
revoke insert, update on public.tenants from anon, authenticated;
grant insert (slug, name, status, default_currency, default_timezone, settings)
  on public.tenants to authenticated;
grant update (slug, name, status, default_currency, default_timezone, settings, deleted_at)
  on public.tenants to authenticated;

revoke insert, update on public.users from anon, authenticated;
grant insert (tenant_id, clerk_id, email, phone, full_name, avatar_url, role, staff_role, status,
              verification_status, email_verified_at, metadata)
  on public.users to authenticated;
grant update (clerk_id, email, phone, full_name, avatar_url, role, staff_role, status,
              verification_status, email_verified_at, metadata, deleted_at)
  on public.users to authenticated;

revoke insert, update on public.user_profiles from anon, authenticated;
grant insert (user_id, display_name, headline, bio, avatar_url, date_of_birth, languages, skills,
              website_url, social_links, address, location, timezone, hourly_rate_cents, currency,
              years_experience, verification_status, verified_at, preferences, city_id)
  on public.user_profiles to authenticated;
grant update (display_name, headline, bio, avatar_url, date_of_birth, languages, skills,
              website_url, social_links, address, location, timezone, hourly_rate_cents, currency,
              years_experience, verification_status, verified_at, preferences, city_id)
  on public.user_profiles to authenticated;

revoke insert, update on public.user_sessions from anon, authenticated;
grant insert (user_id, auth_session_id, ip_address, user_agent, device_type, country_code,
              started_at, last_active_at, ended_at)
  on public.user_sessions to authenticated;
grant update (user_agent, device_type, country_code, last_active_at, ended_at)
  on public.user_sessions to authenticated;

revoke insert, update on public.permissions from anon, authenticated;
grant insert (key, description) on public.permissions to authenticated;
grant update (description) on public.permissions to authenticated;

revoke insert, update on public.role_permissions from anon, authenticated;
grant insert (role, permission_id) on public.role_permissions to authenticated;
grant update (role, permission_id) on public.role_permissions to authenticated;

revoke insert, update on public.user_permissions from anon, authenticated;
grant insert (user_id, permission_id, kind, reason, expires_at) on public.user_permissions to authenticated;
grant update (kind, reason, expires_at) on public.user_permissions to authenticated;

-- geography
revoke insert, update on public.regions from anon, authenticated;
grant insert (code, name, country_code, currency, timezone, gdpr_applies, ccpa_applies,
              compliance_settings, boundary, is_active)
  on public.regions to authenticated;
grant update (code, name, country_code, currency, timezone, gdpr_applies, ccpa_applies,
              compliance_settings, boundary, is_active)
  on public.regions to authenticated;

revoke insert, update on public.cities from anon, authenticated;
grant insert (region_id, name, slug, admin_area, country_code, location, population, timezone, is_active)
  on public.cities to authenticated;
grant update (region_id, name, slug, admin_area, country_code, location, population, timezone, is_active)
  on public.cities to authenticated;

-- catalog
revoke insert, update on public.categories from anon, authenticated;
grant insert (parent_id, name, slug, description, icon, sort_order, is_active) on public.categories to authenticated;
grant update (parent_id, name, slug, description, icon, sort_order, is_active) on public.categories to authenticated;

revoke insert, update on public.tags from anon, authenticated;
grant insert (name, slug) on public.tags to authenticated;
grant update (name, slug) on public.tags to authenticated;

revoke insert, update on public.listings from anon, authenticated;
-- tenant_id stays insertable for clients that send it: set_tenant overwrites it with the
-- provider's tenant on every insert
grant insert (tenant_id, provider_id, category_id, city_id, title, slug, description, status,
              pricing_type, location_type, price_cents, currency, duration_minutes, location, address,
              service_radius_m, keywords, media, seo_title, seo_description)
  on public.listings to authenticated;
grant update (category_id, city_id, title, slug, description, status, pricing_type, location_type,
              price_cents, currency, duration_minutes, location, address, service_radius_m, keywords,
              media, seo_title, seo_description, is_featured, deleted_at)
  on public.listings to authenticated;

revoke insert, update on public.listing_tags from anon, authenticated;
grant insert (listing_id, tag_id) on public.listing_tags to authenticated;

-- scheduling
revoke insert, update on public.provider_availability from anon, authenticated;
grant insert (provider_id, day_of_week, start_time, end_time, timezone, is_active)
  on public.provider_availability to authenticated;
grant update (day_of_week, start_time, end_time, timezone, is_active)
  on public.provider_availability to authenticated;

revoke insert, update on public.availability_overrides from anon, authenticated;
grant insert (provider_id, override_date, start_time, end_time, is_available, reason, timezone)
  on public.availability_overrides to authenticated;
grant update (override_date, start_time, end_time, is_available, reason, timezone)
  on public.availability_overrides to authenticated;

revoke insert, update on public.bookings from anon, authenticated;
grant insert (listing_id, customer_id, scheduled_start, scheduled_end, timezone, location_type,
              service_location, service_address, customer_notes, currency, subtotal_cents,
              platform_fee_cents, processing_fee_cents, tax_cents, total_cents, cancellation_policy)
  on public.bookings to authenticated;
grant update (status, scheduled_start, scheduled_end, timezone, location_type, service_location,
              service_address, customer_notes, provider_notes, currency, subtotal_cents,
              platform_fee_cents, processing_fee_cents, tax_cents, total_cents, cancellation_policy,
              cancellation_reason, dispute_reason)
  on public.bookings to authenticated;

-- reviews
revoke insert, update on public.reviews from anon, authenticated;
grant insert (booking_id, reviewer_id, rating, quality_rating, communication_rating, timeliness_rating,
              title, comment)
  on public.reviews to authenticated;
grant update (rating, quality_rating, communication_rating, timeliness_rating, title, comment,
              provider_response, is_verified, deleted_at)
  on public.reviews to authenticated;

revoke insert, update on public.review_votes from anon, authenticated;
grant insert (review_id, user_id, is_helpful) on public.review_votes to authenticated;
grant update (is_helpful) on public.review_votes to authenticated;

-- billing: only payout_transactions had a whole-table grant
revoke insert, update on public.payout_transactions from anon, authenticated;
grant insert (payout_id, transaction_id) on public.payout_transactions to authenticated;

-- referrals
revoke insert, update on public.referral_programs from anon, authenticated;
grant insert (tenant_id, name, description, reward_type, referrer_reward_cents, referee_reward_cents,
              currency, max_uses_per_code, starts_at, ends_at, is_active)
  on public.referral_programs to authenticated;
grant update (name, description, reward_type, referrer_reward_cents, referee_reward_cents, currency,
              max_uses_per_code, starts_at, ends_at, is_active)
  on public.referral_programs to authenticated;

revoke update on public.referral_codes from anon, authenticated;
grant update (max_uses, expires_at, is_active) on public.referral_codes to authenticated;

revoke update on public.referrals from anon, authenticated;
grant update (status, qualifying_booking_id) on public.referrals to authenticated;

revoke update on public.referral_rewards from anon, authenticated;
grant update (status, transaction_id) on public.referral_rewards to authenticated;
