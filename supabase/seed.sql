-- Demo data for the local stack (local only; never run against production).
--
-- Runs after the migrations as one script (`npx tsx supabase/local/cli.ts reset`, or the
-- Supabase CLI's `supabase db reset`). Plain SQL, no psql meta-commands.
--
-- Two parts:
--   1. reference data, run once: tenants, the demo staff and personas (fixed UUIDs, the
--      README's "Demo logins"), the category tree, tags, regions and cities, feature flags;
--   2. the demo marketplace, between the `<demo-data>` markers: users, listings, bookings,
--      reviews, money, messages, events... `npm run db:seed:scale -- --factor N` runs that
--      part again at N times the volume under a fresh namespace (scripts/seed-scale.ts).
--
-- Deterministic: every "random" choice is a hash of the row number (pg_temp.h below), ids
-- are md5-derived uuids, so two resets give identical rows; timestamps are offsets from an
-- anchor, the start of the current day (UTC) unless `loconomy.seed_anchor` is set, and none of
-- what happened lies after the moment the seed runs (see the end of the demo data).
-- Volume: `loconomy.seed_factor` (default 1) multiplies every count.
--
-- Speed: set-based INSERT ... SELECT everywhere (no row loops), with the per-row audit
-- trigger off through `loconomy.skip_audit` (honoured only for sessions that are not the
-- API's `authenticator`, see private.audit_row_change). The biggest tables (listings,
-- bookings, reviews, billing, messages, events...) are loaded inside pg_temp.bulk(true) …
-- bulk(false): session_replication_role = replica, only when the seed runs as a superuser,
-- so row triggers and FK checks are skipped and the seed writes their effects itself
-- (tenants, codes, search vectors, totals, aggregates). Without superuser (e.g. hosted
-- `supabase db reset`) the triggers run and produce the same rows, only slower.
-- A final "history" section switches auditing on and replays staff actions through the
-- RPCs, so audit_logs holds a real, hash-chained trail with staff actors.

-- <helpers> (also run by scripts/seed-scale.ts before the demo part)
set client_min_messages = warning;
-- JIT compiles the generator queries for ~1 s each (temp tables look huge before ANALYZE)
set jit = off;
set loconomy.skip_audit = 'on';

-- Deterministic helpers (session-local: pg_temp disappears with the connection) --------
-- h(key): 32-bit unsigned hash of a text key; r(key): the same as a fraction in [0, 1)
create or replace function pg_temp.h(k text) returns bigint
language sql immutable parallel safe
as $$ select ('x' || substr(md5(k), 1, 8))::bit(32)::bigint $$;
create or replace function pg_temp.r(k text) returns double precision
language sql immutable parallel safe
as $$ select ('x' || substr(md5(k), 1, 8))::bit(32)::bigint / 4294967296.0 $$;
-- uid(kind, n): a stable uuid for the n-th row of a kind
create or replace function pg_temp.uid(k text) returns uuid
language sql immutable parallel safe
as $$ select md5(k)::uuid $$;
-- bulk(true): switch row triggers (and FK checks) off for a set-based load whose trigger
-- effects the seed writes itself; only when the seed runs as a superuser (local stack), so
-- elsewhere (e.g. a non-superuser `postgres` role) the triggers simply run. Never available
-- to API roles: session_replication_role is a superuser-only setting.
create or replace function pg_temp.bulk(enable boolean) returns void
language plpgsql
as $$
begin
  if (select rolsuper from pg_roles where rolname = current_user) then
    perform set_config('session_replication_role', case when enable then 'replica' else 'origin' end, false);
  end if;
end
$$;
-- </helpers>

-- ========================================================================================
-- Reference data
-- ========================================================================================

-- Tenants ---------------------------------------------------------------------------------
-- neither demo tenant requires staff two-factor sign-in, so every demo login signs in with the
-- password alone (README "Two-factor sign-in" says how to turn it on)
insert into public.tenants (id, slug, name, default_currency, default_timezone, settings, staff_two_factor_required) values
  ('10000000-0000-4000-8000-000000000001', 'loconomy', 'Loconomy', 'USD', 'America/New_York',
   '{"brand_color": "#1677ff", "support_email": "support@loconomy.test", "platform_fee_bps": 1000}', false),
  ('10000000-0000-4000-8000-000000000002', 'harbor', 'Harbor Services', 'EUR', 'Europe/Dublin',
   '{"brand_color": "#13a8a8", "support_email": "support@harbor.test", "platform_fee_bps": 1200}', false);

-- Demo logins (README "Demo logins"; password Loconomy-demo-2026, local only) -----------
-- auth.users.id = 00000000-0000-4000-8000-1000000000NN, public.users.id = ...-0000000000NN
create temp table seed_people (n int, email text, full_name text, role public.user_role,
                               staff_role text, tenant_id uuid) ;
insert into seed_people values
  (1, 'super.admin@loconomy.test', 'Sam Super', 'super_admin', null, '10000000-0000-4000-8000-000000000001'),
  (2, 'ops@loconomy.test', 'Olivia Ops', 'admin', 'operations', '10000000-0000-4000-8000-000000000001'),
  (3, 'finance@loconomy.test', 'Felix Finance', 'admin', 'finance', '10000000-0000-4000-8000-000000000001'),
  (4, 'product@loconomy.test', 'Priya Product', 'admin', 'product', '10000000-0000-4000-8000-000000000001'),
  (5, 'admin@harbor.test', 'Hana Harbor', 'admin', null, '10000000-0000-4000-8000-000000000002'),
  (6, 'customer@loconomy.test', 'Carla Customer', 'customer', null, '10000000-0000-4000-8000-000000000001'),
  (7, 'provider@loconomy.test', 'Pablo Provider', 'provider', null, '10000000-0000-4000-8000-000000000001');

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                        confirmation_token, recovery_token, email_change)
select '00000000-0000-0000-0000-000000000000',
       ('00000000-0000-4000-8000-1' || lpad(n::text, 11, '0'))::uuid,
       'authenticated', 'authenticated', email,
       extensions.crypt('Loconomy-demo-2026', extensions.gen_salt('bf')),
       now() - interval '400 days',
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('full_name', full_name),
       now() - interval '400 days', now() - interval '400 days', '', '', ''
  from seed_people;

insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select u.id, u.id::text, u.id,
       jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
       'email', now() - interval '1 day', u.created_at, u.created_at
  from auth.users u
 where u.email in (select email from seed_people);

insert into public.users (id, tenant_id, auth_user_id, email, full_name, role, staff_role, status,
                          verification_status, email_verified_at, last_sign_in_at, created_at, updated_at)
select ('00000000-0000-4000-8000-0' || lpad(n::text, 11, '0'))::uuid, tenant_id,
       ('00000000-0000-4000-8000-1' || lpad(n::text, 11, '0'))::uuid,
       email, full_name, role, staff_role, 'active', 'verified',
       now() - interval '400 days', now() - interval '1 day',
       now() - interval '400 days', now() - interval '400 days'
  from seed_people;

update public.user_profiles p
   set headline = case u.role when 'provider' then 'Licensed plumber and handyman, 12 years in Brooklyn'
                              when 'customer' then null else 'Loconomy staff' end,
       bio = case u.role when 'provider' then 'Demo provider persona: owns listings across statuses, has bookings, reviews and payouts.'
                         when 'customer' then 'Demo customer persona: books services, leaves reviews, opens disputes.' end,
       languages = '{en}', skills = case u.role when 'provider' then '{plumbing,handyman,repairs}'::text[] else '{}' end,
       hourly_rate_cents = case u.role when 'provider' then 8500 end,
       years_experience = case u.role when 'provider' then 12 end,
       timezone = case when u.tenant_id = '10000000-0000-4000-8000-000000000002' then 'Europe/Dublin' else 'America/New_York' end,
       currency = case when u.tenant_id = '10000000-0000-4000-8000-000000000002' then 'EUR' else 'USD' end,
       verification_status = 'verified', verified_at = now() - interval '390 days'
  from public.users u
 where p.user_id = u.id and u.email in (select email from seed_people);

-- a few per-user permission overrides: a standing grant and an expired temporary one
insert into public.user_permissions (user_id, tenant_id, permission_id, kind, reason, granted_by, expires_at)
select '00000000-0000-4000-8000-000000000002'::uuid, '10000000-0000-4000-8000-000000000001'::uuid, p.id, 'grant',
       'Ops leads read the analytics dashboard', '00000000-0000-4000-8000-000000000001'::uuid, null::timestamptz
  from public.permissions p where p.key = 'analytics.read'
union all
select '00000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', p.id, 'grant',
       'Temporary: helped triage the report backlog', '00000000-0000-4000-8000-000000000001', now() - interval '7 days'
  from public.permissions p where p.key = 'reports.read';

-- Hosted Supabase Auth (GoTrue) cannot read NULL in these token columns; the local stand-in
-- does not have them. Blank them wherever they exist.
do $$
declare
  c text;
begin
  for c in select column_name from information_schema.columns
            where table_schema = 'auth' and table_name = 'users'
              and column_name in ('email_change_token_new', 'email_change_token_current', 'phone_change',
                                  'phone_change_token', 'reauthentication_token')
  loop
    execute format('update auth.users set %I = '''' where %I is null', c, c);
  end loop;
end
$$;

-- Regions and cities ----------------------------------------------------------------------
-- Boundaries are rough boxes densified to 1° so the geography's great-circle edges stay
-- close to the drawn lines (a 120°-long edge would otherwise bow ~9° toward the pole).
insert into public.regions (id, code, name, country_code, currency, timezone, gdpr_applies, ccpa_applies,
                            compliance_settings, boundary)
values
  ('20000000-0000-4000-8000-000000000001', 'north-america', 'North America', 'US', 'USD', 'America/New_York',
   false, true,
   '{"regime": "CCPA", "data_retention_days": 1095, "cookie_consent": false, "do_not_sell_link": true, "age_minimum": 13}',
   extensions.st_multi(extensions.st_segmentize(extensions.st_makeenvelope(-170, 14, -50, 72, 4326), 1))::extensions.geography),
  ('20000000-0000-4000-8000-000000000002', 'europe', 'Europe', 'EU', 'EUR', 'Europe/Brussels',
   true, false,
   '{"regime": "GDPR", "data_retention_days": 730, "cookie_consent": true, "dpo_email": "dpo@loconomy.test", "age_minimum": 16}',
   extensions.st_multi(extensions.st_segmentize(extensions.st_makeenvelope(-25, 34, 45, 72, 4326), 1))::extensions.geography);

-- k numbers the cities for the generator (seed_city below); coordinates are the city centres
insert into public.cities (id, region_id, name, slug, admin_area, country_code, location, population, timezone)
select pg_temp.uid('city:' || c.slug), ('20000000-0000-4000-8000-00000000000' || c.region)::uuid,
       c.name, c.slug, c.admin_area, c.cc,
       extensions.st_setsrid(extensions.st_makepoint(c.lng, c.lat), 4326)::extensions.geography,
       c.pop, c.tz
  from (values
    (1, 'New York', 'new-york', 'New York', 'US', 40.7128, -74.0060, 8336817, 'America/New_York'),
    (1, 'Los Angeles', 'los-angeles', 'California', 'US', 34.0522, -118.2437, 3898747, 'America/Los_Angeles'),
    (1, 'Chicago', 'chicago', 'Illinois', 'US', 41.8781, -87.6298, 2746388, 'America/Chicago'),
    (1, 'Houston', 'houston', 'Texas', 'US', 29.7604, -95.3698, 2304580, 'America/Chicago'),
    (1, 'Phoenix', 'phoenix', 'Arizona', 'US', 33.4484, -112.0740, 1608139, 'America/Phoenix'),
    (1, 'Philadelphia', 'philadelphia', 'Pennsylvania', 'US', 39.9526, -75.1652, 1603797, 'America/New_York'),
    (1, 'San Francisco', 'san-francisco', 'California', 'US', 37.7749, -122.4194, 873965, 'America/Los_Angeles'),
    (1, 'Seattle', 'seattle', 'Washington', 'US', 47.6062, -122.3321, 737015, 'America/Los_Angeles'),
    (1, 'Austin', 'austin', 'Texas', 'US', 30.2672, -97.7431, 961855, 'America/Chicago'),
    (1, 'Denver', 'denver', 'Colorado', 'US', 39.7392, -104.9903, 715522, 'America/Denver'),
    (1, 'Boston', 'boston', 'Massachusetts', 'US', 42.3601, -71.0589, 675647, 'America/New_York'),
    (1, 'Miami', 'miami', 'Florida', 'US', 25.7617, -80.1918, 442241, 'America/New_York'),
    (1, 'Toronto', 'toronto', 'Ontario', 'CA', 43.6532, -79.3832, 2794356, 'America/Toronto'),
    (1, 'Vancouver', 'vancouver', 'British Columbia', 'CA', 49.2827, -123.1207, 662248, 'America/Vancouver'),
    (1, 'Montreal', 'montreal', 'Quebec', 'CA', 45.5017, -73.5673, 1762949, 'America/Toronto'),
    (1, 'Mexico City', 'mexico-city', 'Ciudad de México', 'MX', 19.4326, -99.1332, 9209944, 'America/Mexico_City'),
    (2, 'London', 'london', 'England', 'GB', 51.5074, -0.1278, 8799800, 'Europe/London'),
    (2, 'Paris', 'paris', 'Île-de-France', 'FR', 48.8566, 2.3522, 2102650, 'Europe/Paris'),
    (2, 'Berlin', 'berlin', 'Berlin', 'DE', 52.5200, 13.4050, 3677472, 'Europe/Berlin'),
    (2, 'Madrid', 'madrid', 'Community of Madrid', 'ES', 40.4168, -3.7038, 3305408, 'Europe/Madrid'),
    (2, 'Rome', 'rome', 'Lazio', 'IT', 41.9028, 12.4964, 2749031, 'Europe/Rome'),
    (2, 'Amsterdam', 'amsterdam', 'North Holland', 'NL', 52.3676, 4.9041, 921402, 'Europe/Amsterdam'),
    (2, 'Barcelona', 'barcelona', 'Catalonia', 'ES', 41.3874, 2.1686, 1636193, 'Europe/Madrid'),
    (2, 'Munich', 'munich', 'Bavaria', 'DE', 48.1351, 11.5820, 1512491, 'Europe/Berlin'),
    (2, 'Vienna', 'vienna', 'Vienna', 'AT', 48.2082, 16.3738, 1982097, 'Europe/Vienna'),
    (2, 'Dublin', 'dublin', 'Leinster', 'IE', 53.3498, -6.2603, 592713, 'Europe/Dublin'),
    (2, 'Lisbon', 'lisbon', 'Lisbon', 'PT', 38.7223, -9.1393, 545796, 'Europe/Lisbon'),
    (2, 'Stockholm', 'stockholm', 'Stockholm County', 'SE', 59.3293, 18.0686, 984748, 'Europe/Stockholm'),
    (2, 'Copenhagen', 'copenhagen', 'Capital Region', 'DK', 55.6761, 12.5683, 660842, 'Europe/Copenhagen'),
    (2, 'Warsaw', 'warsaw', 'Masovian', 'PL', 52.2297, 21.0122, 1863056, 'Europe/Warsaw'),
    (2, 'Prague', 'prague', 'Prague', 'CZ', 50.0755, 14.4378, 1357326, 'Europe/Prague'),
    (2, 'Milan', 'milan', 'Lombardy', 'IT', 45.4642, 9.1900, 1371498, 'Europe/Rome')
  ) as c (region, name, slug, admin_area, cc, lat, lng, pop, tz);

-- Category tree and tags -------------------------------------------------------------------
-- inserted one level at a time: the tree trigger reads the parent row to derive depth/path
create temp table seed_category_src (slug text, parent text, name text, icon text, sort_order int, description text);
insert into seed_category_src values
  ('home', null, 'Home services', 'home', 1, 'Repairs, maintenance and upkeep around the house'),
  ('beauty', null, 'Beauty & wellness', 'scissor', 2, 'Hair, make-up, nails, massage and fitness'),
  ('tutoring', null, 'Tutoring & lessons', 'book', 3, 'Private lessons for every age'),
  ('pets', null, 'Pets', 'heart', 4, 'Walking, sitting, grooming and training'),
  ('moving', null, 'Moving & delivery', 'car', 5, 'Moves, packing, assembly and hauling'),
  ('events', null, 'Events', 'camera', 6, 'Photography, catering and entertainment'),
  ('tech', null, 'Tech help', 'laptop', 7, 'Computers, networks and smart homes'),
  ('plumbing', 'home', 'Plumbing', 'tool', 1, 'Leaks, drains, fixtures and water heaters'),
  ('electrical', 'home', 'Electrical', 'thunderbolt', 2, 'Wiring, lighting, panels and outlets'),
  ('cleaning', 'home', 'Cleaning', 'clear', 3, 'Regular, deep and move-out cleaning'),
  ('handyman', 'home', 'Handyman', 'build', 4, 'Small repairs and odd jobs'),
  ('painting', 'home', 'Painting', 'bg-colors', 5, 'Interior and exterior painting'),
  ('hvac', 'home', 'Heating & cooling', 'fire', 6, 'Furnaces, heat pumps and air conditioning'),
  ('gardening', 'home', 'Gardening & landscaping', 'environment', 7, 'Lawns, hedges, planting and design'),
  ('pest-control', 'home', 'Pest control', 'bug', 8, 'Inspection and treatment'),
  ('hair', 'beauty', 'Hair styling', 'skin', 1, 'Cuts, colour and styling at home'),
  ('makeup', 'beauty', 'Make-up', 'smile', 2, 'Events, weddings and lessons'),
  ('nails', 'beauty', 'Nails', 'highlight', 3, 'Manicure and pedicure'),
  ('massage', 'beauty', 'Massage', 'team', 4, 'Relaxation and sports massage'),
  ('personal-training', 'beauty', 'Personal training', 'trophy', 5, 'Fitness coaching one to one'),
  ('math-tutoring', 'tutoring', 'Math', 'calculator', 1, 'From arithmetic to calculus'),
  ('language-lessons', 'tutoring', 'Languages', 'global', 2, 'Conversation and exam preparation'),
  ('music-lessons', 'tutoring', 'Music lessons', 'sound', 3, 'Piano, guitar, voice and more'),
  ('test-prep', 'tutoring', 'Test prep', 'file-done', 4, 'SAT, GRE, IELTS and school exams'),
  ('coding-lessons', 'tutoring', 'Coding', 'code', 5, 'Programming for beginners and pros'),
  ('dog-walking', 'pets', 'Dog walking', 'aim', 1, 'Daily walks and adventures'),
  ('pet-sitting', 'pets', 'Pet sitting', 'home', 2, 'Visits and overnight stays'),
  ('pet-grooming', 'pets', 'Grooming', 'scissor', 3, 'Baths, cuts and nails'),
  ('pet-training', 'pets', 'Training', 'flag', 4, 'Obedience and behaviour'),
  ('local-moves', 'moving', 'Local moves', 'car', 1, 'Across town with a van and a crew'),
  ('packing', 'moving', 'Packing', 'inbox', 2, 'Boxes, wrapping and labelling'),
  ('furniture-assembly', 'moving', 'Furniture assembly', 'tool', 3, 'Flat-pack assembled right'),
  ('junk-removal', 'moving', 'Junk removal', 'delete', 4, 'Hauling and responsible disposal'),
  ('photography', 'events', 'Photography', 'camera', 1, 'Portraits, events and products'),
  ('catering', 'events', 'Catering', 'coffee', 2, 'Food for parties and offices'),
  ('dj', 'events', 'DJ & music', 'customer-service', 3, 'Music for every occasion'),
  ('computer-repair', 'tech', 'Computer repair', 'laptop', 1, 'Hardware, software and data recovery'),
  ('smart-home', 'tech', 'Smart home setup', 'wifi', 2, 'Wi-Fi, cameras, speakers and automation'),
  ('leak-repair', 'plumbing', 'Leak repair', 'tool', 1, 'Dripping taps to burst pipes'),
  ('drain-cleaning', 'plumbing', 'Drain cleaning', 'tool', 2, 'Blocked sinks, showers and sewers'),
  ('water-heaters', 'plumbing', 'Water heaters', 'fire', 3, 'Install, repair and replace'),
  ('deep-cleaning', 'cleaning', 'Deep cleaning', 'clear', 1, 'Top-to-bottom cleaning'),
  ('move-out-cleaning', 'cleaning', 'Move-out cleaning', 'clear', 2, 'Get the deposit back'),
  ('ev-chargers', 'electrical', 'EV charger installation', 'thunderbolt', 1, 'Home charging points');

insert into public.categories (id, parent_id, name, slug, description, icon, sort_order)
select pg_temp.uid('category:' || slug), null, name, slug, description, icon, sort_order
  from seed_category_src where parent is null;
insert into public.categories (id, parent_id, name, slug, description, icon, sort_order)
select pg_temp.uid('category:' || c.slug), pg_temp.uid('category:' || c.parent), c.name, c.slug, c.description, c.icon, c.sort_order
  from seed_category_src c join seed_category_src p on p.slug = c.parent
 where p.parent is null;
insert into public.categories (id, parent_id, name, slug, description, icon, sort_order)
select pg_temp.uid('category:' || c.slug), pg_temp.uid('category:' || c.parent), c.name, c.slug, c.description, c.icon, c.sort_order
  from seed_category_src c join seed_category_src p on p.slug = c.parent
 where p.parent is not null;
-- one retired category, to show inactive rows
update public.categories set is_active = false where slug = 'dj';

insert into public.tags (id, name, slug)
select pg_temp.uid('tag:' || s), initcap(replace(s, '-', ' ')), s
  from unnest(array['licensed','insured','same-day','eco-friendly','background-checked','weekends','emergency',
                    'family-owned','bilingual','pet-friendly','top-rated','free-estimate','senior-discount','online',
                    'certified','budget','premium','fast-response','women-owned','veteran-owned','kid-friendly',
                    'contactless','flexible-hours','evenings','warranty','local-favourite','new-provider','luxury',
                    'accessible','recurring-discount']) s;
drop table seed_category_src;

-- Referral programs ----------------------------------------------------------------------
insert into public.referral_programs (id, tenant_id, name, description, reward_type, referrer_reward_cents, referee_reward_cents,
                                      currency, max_uses_per_code, starts_at, ends_at, is_active, created_by, created_at)
values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'Give $20, get $20',
   'Both friends get $20 credit after the first completed booking.', 'credit', 2000, 2000, 'USD', null,
   now() - interval '500 days', null, true, '00000000-0000-4000-8000-000000000003', now() - interval '500 days'),
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'Provider referral bonus',
   'Providers earn $50 cash for every provider they bring who completes a job.', 'cash', 5000, 0, 'USD', 25,
   now() - interval '300 days', null, true, '00000000-0000-4000-8000-000000000003', now() - interval '300 days'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'Summer discount',
   '15% off the first booking (ended).', 'discount', 0, 1500, 'USD', 10,
   now() - interval '480 days', now() - interval '390 days', false, '00000000-0000-4000-8000-000000000003', now() - interval '480 days'),
  ('30000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000002', 'Harbor friends',
   '€15 credit for you and your friend.', 'credit', 1500, 1500, 'EUR', 50,
   now() - interval '400 days', null, true, '00000000-0000-4000-8000-000000000005', now() - interval '400 days');

-- API keys (plaintext = lk_<12 hex>_<64 hex>, stored as prefix + sha256 like create_api_key)
-- The first one is a documented local-only demo key:
--   lk_dec0de000001_<md5('loconomy-demo-key-1')><md5('loconomy-demo-key-2')>
insert into public.api_keys (id, tenant_id, user_id, name, key_prefix, key_hash, scopes, rate_limit_per_minute,
                             last_used_at, expires_at, revoked_at, revoked_by, created_by, created_at)
select pg_temp.uid('apikey:' || k.n), k.tenant_id, k.user_id, k.name,
       k.prefix, encode(sha256(convert_to(k.prefix || '_' || k.secret, 'UTF8')), 'hex'),
       k.scopes, k.rate, k.last_used, k.expires, k.revoked, case when k.revoked is not null then k.user_id end,
       k.user_id, now() - make_interval(days => k.age)
  from (values
    (1, '10000000-0000-4000-8000-000000000001'::uuid, '00000000-0000-4000-8000-000000000001'::uuid, 'Demo integration (local only)',
     'lk_dec0de000001', md5('loconomy-demo-key-1') || md5('loconomy-demo-key-2'),
     array['listings:read', 'bookings:read', 'reviews:read'], 600, now() - interval '2 hours', null::timestamptz, null::timestamptz, 200),
    (2, '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', 'Accounting export',
     'lk_' || substr(md5('apikey-prefix-2'), 1, 12), md5('k2a') || md5('k2b'), array['payments:read'], 120,
     now() - interval '1 day', now() + interval '180 days', null, 120),
    (3, '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004', 'Analytics warehouse sync',
     'lk_' || substr(md5('apikey-prefix-3'), 1, 12), md5('k3a') || md5('k3b'), array['analytics:read', 'listings:read'], 60,
     now() - interval '15 minutes', null, null, 90),
    (4, '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'Old partner portal (revoked)',
     'lk_' || substr(md5('apikey-prefix-4'), 1, 12), md5('k4a') || md5('k4b'), array['bookings:read', 'bookings:write'], 300,
     now() - interval '40 days', null, now() - interval '30 days', 365),
    (5, '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Webhook manager (expired)',
     'lk_' || substr(md5('apikey-prefix-5'), 1, 12), md5('k5a') || md5('k5b'), array['webhooks:manage'], 60,
     now() - interval '100 days', now() - interval '10 days', null, 400),
    (6, '10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000005', 'Harbor booking widget',
     'lk_' || substr(md5('apikey-prefix-6'), 1, 12), md5('k6a') || md5('k6b'), array['listings:read', 'bookings:write'], 1000,
     now() - interval '3 minutes', null, null, 150),
    (7, '10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000005', 'Harbor CRM (revoked)',
     'lk_' || substr(md5('apikey-prefix-7'), 1, 12), md5('k7a') || md5('k7b'), array['users:read'], 60,
     null, null, now() - interval '3 days', 60)
  ) k (n, tenant_id, user_id, name, prefix, secret, scopes, rate, last_used, expires, revoked, age);

-- Webhook endpoints (deliveries are demo data)
insert into public.webhook_endpoints (id, tenant_id, created_by, url, description, secret, events, is_active,
                                      consecutive_failures, disabled_at, created_at)
values
  ('40000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
   'https://hooks.partner-crm.example.com/loconomy', 'CRM: bookings and new users', 'whsec_' || md5('wh1') || md5('wh1b'),
   array['booking.created', 'booking.confirmed', 'booking.cancelled', 'user.created'], true, 0, null, now() - interval '300 days'),
  ('40000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003',
   'https://finance.example.net/webhooks/payments', 'Finance: payments and payouts', 'whsec_' || md5('wh2') || md5('wh2b'),
   array['payment.completed', 'payment.failed', 'payout.paid'], true, 0, null, now() - interval '200 days'),
  ('40000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
   'https://flaky-integration.example.org/hook', 'Unreliable receiver: failing with retries', 'whsec_' || md5('wh3') || md5('wh3b'),
   array['*'], true, 0, null, now() - interval '60 days'),
  ('40000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000005',
   'https://harbor-ops.example.ie/events', 'Harbor operations', 'whsec_' || md5('wh4') || md5('wh4b'),
   array['booking.created', 'booking.completed', 'review.created', 'report.resolved'], true, 0, null, now() - interval '150 days'),
  ('40000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000005',
   'https://legacy.harbor.example.ie/webhook', 'Legacy endpoint (disabled after failures)', 'whsec_' || md5('wh5') || md5('wh5b'),
   array['listing.published'], false, 12, now() - interval '20 days', now() - interval '365 days');

-- Segments: rules kept once and named by flags ---------------------------------------------
insert into public.feature_flag_segments (id, tenant_id, key, name, description, constraints, created_by, updated_by, created_at)
select pg_temp.uid('segment:' || g.tenant || ':' || g.key),
       case g.tenant when 'harbor' then '10000000-0000-4000-8000-000000000002'::uuid else '10000000-0000-4000-8000-000000000001'::uuid end,
       g.key, g.name, g.description, g.rules::jsonb, g.owner, g.owner, now() - interval '30 days'
  from (values
    ('loconomy', 'na-customers', 'Customers in North America', 'Customers whose address lies in the North America region.',
     '[{"contextName": "role", "operator": "IN", "values": ["customer"]}, {"contextName": "region", "operator": "IN", "values": ["north-america"]}]',
     '00000000-0000-4000-8000-000000000004'::uuid),
    ('loconomy', 'west-coast-pilot', 'West coast pilot cities', 'Where new booking features are tried first.',
     '[{"contextName": "city", "operator": "IN", "values": ["Seattle", "San Francisco", "Los Angeles", "Vancouver"]}]',
     '00000000-0000-4000-8000-000000000004'::uuid),
    ('harbor', 'eu-providers', 'Providers in Europe', 'Providers whose address lies in the Europe region.',
     '[{"contextName": "role", "operator": "IN", "values": ["provider"]}, {"contextName": "region", "operator": "IN", "values": ["europe"]}]',
     '00000000-0000-4000-8000-000000000005'::uuid)
  ) g (tenant, key, name, description, rules, owner);

-- Feature flags in every rollout state --------------------------------------------------
insert into public.feature_flags (id, tenant_id, key, name, description, is_enabled, rollout_percentage, variants,
                                  targeting_rules, kill_switch, killed_at, killed_by, kill_reason, created_by, updated_by, created_at,
                                  flag_type, rollout_changed_at, stale_marked_at, stale_marked_by)
select pg_temp.uid('flag:' || f.tenant || ':' || f.key),
       case f.tenant when 'harbor' then '10000000-0000-4000-8000-000000000002'::uuid else '10000000-0000-4000-8000-000000000001'::uuid end,
       f.key, f.name, f.description, f.enabled, f.pct, f.variants::jsonb, f.rules::jsonb, f.killed,
       case when f.killed then now() - interval '3 days' end,
       case when f.killed then '00000000-0000-4000-8000-000000000004'::uuid end,
       case when f.killed then 'Error rate doubled on checkout; rolled back pending a fix' end,
       f.owner, f.owner, now() - make_interval(days => f.age),
       -- types with lifetimes (Unleash's): some flags outlive theirs, some sit settled at 0 or 100 %
       case f.key when 'dark-mode' then 'release' when 'sepa-payouts' then 'operational'
                  when 'provider-dashboard-v2' then 'experiment' when 'checkout-redesign' then 'experiment'
                  else 'release' end,
       now() - make_interval(days => case f.key when 'dark-mode' then 90 when 'new-search-ranking' then 10
                                                when 'reviews-photos' then 5 else least(f.age, 20) end),
       case when f.tenant = 'harbor' and f.key = 'reviews-photos' then now() - interval '2 days' end,
       case when f.tenant = 'harbor' and f.key = 'reviews-photos' then '00000000-0000-4000-8000-000000000005'::uuid end
  from (values
    ('loconomy', 'new-search-ranking', 'New search ranking', 'Learning-to-rank model for search results (not started).',
     false, 0, '[]', '{}', false, '00000000-0000-4000-8000-000000000004'::uuid, 10),
    ('loconomy', 'instant-booking', 'Instant booking', 'Book without waiting for provider confirmation.',
     true, 1, '[]', '{"constraints": [{"contextName": "role", "operator": "IN", "values": ["customer"]}]}', false, '00000000-0000-4000-8000-000000000004'::uuid, 45),
    ('loconomy', 'provider-dashboard-v2', 'Provider dashboard v2', 'Redesigned provider dashboard, A/B tested.',
     true, 0, '[{"key": "control", "weight": 50}, {"key": "redesign", "weight": 50}]', '{"constraints": [{"contextName": "role", "operator": "IN", "values": ["provider"]}]}', false,
     '00000000-0000-4000-8000-000000000004'::uuid, 60),
    ('loconomy', 'dark-mode', 'Dark mode', 'Dark theme for web and mobile.',
     true, 100, '[]', '{}', false, '00000000-0000-4000-8000-000000000004'::uuid, 120),
    ('loconomy', 'ai-quote-assistant', 'AI quote assistant', 'Drafts quotes for custom-priced listings (killed by the seed history).',
     true, 30, '[{"key": "gpt", "weight": 70}, {"key": "rules", "weight": 30}]', '{"constraints": [{"contextName": "role", "operator": "IN", "values": ["provider"]}, {"contextName": "appVersion", "operator": "SEMVER_GT", "value": "2.4.0"}]}', false,
     '00000000-0000-4000-8000-000000000004'::uuid, 30),
    ('loconomy', 'checkout-redesign', 'Checkout redesign', 'Three-way test of the checkout flow.',
     true, 25, '[{"key": "control", "weight": 34}, {"key": "single-page", "weight": 33}, {"key": "stepper", "weight": 33}]',
     '{"constraints": [{"contextName": "role", "operator": "IN", "values": ["customer"]}, {"contextName": "signupDate", "operator": "DATE_BEFORE", "value": "' || to_char((now() - interval '30 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '"}], "groupId": "checkout-2026"}', false, '00000000-0000-4000-8000-000000000004'::uuid, 20),
    ('loconomy', 'staff-beta-tools', 'Staff beta tools', 'Early admin features, staff only.',
     true, 100, '[]', '{"constraints": [{"contextName": "role", "operator": "IN", "values": ["admin", "super_admin"]}, {"contextName": "emailDomain", "operator": "STR_ENDS_WITH", "values": ["loconomy.test"], "caseInsensitive": true}]}', false, '00000000-0000-4000-8000-000000000001'::uuid, 15),
    ('loconomy', 'same-day-booking', 'Same-day booking', 'Book a slot for later today: piloted with North American customers in the west coast cities.',
     true, 20, '[]', '{"segments": ["na-customers", "west-coast-pilot"]}', false, '00000000-0000-4000-8000-000000000004'::uuid, 12),
    ('harbor', 'instant-booking', 'Instant booking', 'Book without waiting for provider confirmation.',
     true, 50, '[]', '{}', false, '00000000-0000-4000-8000-000000000005'::uuid, 40),
    ('harbor', 'sepa-payouts', 'SEPA payouts', 'Pay providers by SEPA transfer.',
     true, 100, '[]', '{"constraints": [{"contextName": "role", "operator": "IN", "values": ["provider"]}, {"contextName": "region", "operator": "IN", "values": ["europe"]}], "stickiness": "tenantId"}', false, '00000000-0000-4000-8000-000000000005'::uuid, 80),
    ('harbor', 'reviews-photos', 'Photos in reviews', 'Let customers attach photos to reviews.',
     false, 0, '[{"key": "grid", "weight": 50}, {"key": "carousel", "weight": 50}]', '{}', false, '00000000-0000-4000-8000-000000000005'::uuid, 5)
  ) f (tenant, key, name, description, enabled, pct, variants, rules, killed, owner, age);

-- <demo-data> ==============================================================================
-- The demo marketplace. scripts/seed-scale.ts runs everything from here to </demo-data>
-- again with loconomy.seed_factor = N and a fresh loconomy.seed_run namespace.
-- ========================================================================================

drop table if exists seed_cfg, seed_city, seed_user, seed_counts;
create temp table seed_cfg as
select greatest(coalesce(nullif(current_setting('loconomy.seed_factor', true), '')::numeric, 1), 0.01) as f,
       coalesce(current_setting('loconomy.seed_run', true), '') as run,
       coalesce(nullif(current_setting('loconomy.seed_anchor', true), '')::timestamptz,
                date_trunc('day', now() at time zone 'UTC') at time zone 'UTC') as t0;
analyze seed_cfg;

-- cities by number: tenant loconomy trades in North America (k 1-16), harbor in Europe (17-32)
create temp table seed_city as
select row_number() over (order by r.code desc, c.population desc, c.slug)::int as k,
       c.id, c.region_id, c.country_code, c.name, c.timezone,
       extensions.st_y(c.location::extensions.geometry) as lat,
       extensions.st_x(c.location::extensions.geometry) as lng,
       r.currency, r.code as region_code
  from public.cities c join public.regions r on r.id = c.region_id
 where r.code in ('north-america', 'europe');
create unique index on seed_city (k);
analyze seed_city;

-- Users ---------------------------------------------------------------------------------
-- one row per generated user with every attribute the later sections need; the two
-- marketplace personas (customer@, provider@) join the pools in the main demo run
create temp table seed_user as
with base as materialized (
  select i, cfg.run, cfg.t0,
         pg_temp.r(cfg.run || 'u:tenant:' || i) as r_tenant,
         pg_temp.r(cfg.run || 'u:role:' || i) as r_role,
         pg_temp.r(cfg.run || 'u:idp:' || i) as r_idp,
         pg_temp.r(cfg.run || 'u:status:' || i) as r_status,
         pg_temp.r(cfg.run || 'u:verif:' || i) as r_verif,
         pg_temp.h(cfg.run || 'u:first:' || i) as h_first,
         pg_temp.h(cfg.run || 'u:last:' || i) as h_last,
         pg_temp.h(cfg.run || 'u:age:' || i) as h_age,
         pg_temp.h(cfg.run || 'u:city:' || i) as h_city
    from seed_cfg cfg, generate_series(1, round(600 * cfg.f)::int) i
), named as (
  select b.*,
         (array['Ava','Liam','Mia','Noah','Emma','Lucas','Sofia','Mateo','Olivia','Ethan','Chloe','Leo','Amara','Hugo',
                'Zara','Omar','Ines','Jonas','Maya','Arjun','Lena','Felix','Nora','Diego','Yuki','Kofi','Elena','Marco',
                'Freya','Samir','Clara','Tomas'])[1 + b.h_first % 32] as first_name,
         (array['Smith','Garcia','Nguyen','Johnson','Müller','Rossi','Dubois','Kowalski','Silva','Brown','Martin',
                'Lopez','Jensen','Novak','Kim','Patel','Okafor','Andersen','Costa','Schmidt','Walsh','Moreau','Berg',
                'Santos','Fischer','Byrne','Russo','Clark','Hughes','Ibrahim','Larsen','Tanaka'])[1 + b.h_last % 32] as last_name,
         case when b.r_tenant < 0.18 then '10000000-0000-4000-8000-000000000002'::uuid
              else '10000000-0000-4000-8000-000000000001'::uuid end as tenant_id,
         case when b.r_role < 0.27 then 'provider' when b.r_role > 0.99 then 'guest' else 'customer' end::public.user_role as role
    from base b
)
select n.i, false as existing,
       pg_temp.uid(n.run || 'user:' || n.i) as id,
       n.tenant_id, n.role, n.first_name || ' ' || n.last_name as full_name,
       lower(translate(n.first_name || '.' || n.last_name, 'ü', 'u')) || '.' || n.i
         || case when n.run = '' then '' else '.' || n.run end
         || case when n.tenant_id = '10000000-0000-4000-8000-000000000002' then '@harbor.example.com' else '@example.com' end as email,
       case when n.role = 'guest' then 'none' when n.r_idp < 0.22 then 'clerk' else 'auth' end as idp,
       case when n.r_status < 0.015 then 'inactive'
            when n.r_status < 0.045 then 'pending_verification'
            when n.r_status < 0.075 then 'inactive'
            when n.r_status < 0.105 then 'suspended'
            when n.r_status < 0.125 then 'banned' else 'active' end::public.user_status as status,
       n.r_status < 0.015 as deleted,
       case when n.role = 'provider' then
              case when n.r_verif < 0.70 then 'verified' when n.r_verif < 0.80 then 'in_review'
                   when n.r_verif < 0.92 then 'pending' else 'rejected' end
            else case when n.r_verif < 0.40 then 'verified' else 'pending' end end::public.verification_status as verification,
       n.t0 - make_interval(days => (30 + n.h_age % 700)::int, secs => (n.h_age % 86400)::int) as created_at,
       case when n.tenant_id = '10000000-0000-4000-8000-000000000002' then 17 + n.h_city % 16 else 1 + n.h_city % 16 end as city_k
  from named n
union all
select p.i, true, p.id, '10000000-0000-4000-8000-000000000001', p.role, p.full_name, p.email, 'auth',
       'active', false, 'verified', (select t0 from seed_cfg) - interval '400 days', 1
  from (values (-1, '00000000-0000-4000-8000-000000000007'::uuid, 'provider'::public.user_role, 'Pablo Provider', 'provider@loconomy.test'),
               (0, '00000000-0000-4000-8000-000000000006'::uuid, 'customer'::public.user_role, 'Carla Customer', 'customer@loconomy.test')) p (i, id, role, full_name, email)
 where (select run from seed_cfg) = '';

alter table seed_user add column rn int;
update seed_user s set rn = x.rn
  from (select id, row_number() over (partition by tenant_id, role order by i)::int as rn from seed_user) x
 where x.id = s.id;
create index on seed_user (tenant_id, role, rn);
create temp table seed_counts as
select tenant_id, role, count(*)::int as n from seed_user group by 1, 2;
analyze seed_user;
analyze seed_counts;

-- auth.users for Supabase Auth users (one bcrypt hash shared: hashing each would cost ~5 ms
-- a row); Clerk users get a clerk_id and no auth row; guests have neither
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at, last_sign_in_at,
                        confirmation_token, recovery_token, email_change)
select '00000000-0000-0000-0000-000000000000', pg_temp.uid(cfg.run || 'auth:' || s.i),
       'authenticated', 'authenticated', s.email, pw.hash,
       case when s.status <> 'pending_verification' then s.created_at + interval '10 minutes' end,
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('full_name', s.full_name),
       s.created_at, s.created_at,
       cfg.t0 - make_interval(hours => (pg_temp.h(cfg.run || 'u:signin:' || s.i) % 2000)::int),
       '', '', ''
  from seed_user s, seed_cfg cfg,
       (select extensions.crypt('Loconomy-demo-2026', extensions.gen_salt('bf')) as hash) pw
 where not s.existing and s.idp = 'auth';

insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select a.id, a.id::text, a.id,
       jsonb_build_object('sub', a.id::text, 'email', a.email, 'email_verified', a.email_confirmed_at is not null),
       'email', a.last_sign_in_at, a.created_at, a.created_at
  from seed_user s, seed_cfg cfg, auth.users a
 where not s.existing and s.idp = 'auth' and a.id = pg_temp.uid(cfg.run || 'auth:' || s.i);

-- Hosted Supabase Auth (GoTrue) cannot read NULL in these token columns; the local stand-in
-- does not have them. Blank them wherever they exist.
do $$
declare
  c text;
begin
  for c in select column_name from information_schema.columns
            where table_schema = 'auth' and table_name = 'users'
              and column_name in ('email_change_token_new', 'email_change_token_current', 'phone_change',
                                  'phone_change_token', 'reauthentication_token')
  loop
    execute format('update auth.users set %I = '''' where %I is null', c, c);
  end loop;
end
$$;

insert into public.users (id, tenant_id, auth_user_id, clerk_id, email, phone, full_name, avatar_url, role, status,
                          verification_status, email_verified_at, last_sign_in_at, metadata,
                          created_at, updated_at, deleted_at)
select s.id, s.tenant_id,
       case when s.idp = 'auth' then pg_temp.uid(cfg.run || 'auth:' || s.i) end,
       case when s.idp = 'clerk' then 'user_' || substr(md5(cfg.run || 'clerk:' || s.i), 1, 24) end,
       s.email,
       case when pg_temp.h(cfg.run || 'u:phone:' || s.i) % 3 > 0
            then case when s.city_k > 16 then '+353 1 ' else '+1 212 ' end
                 || lpad((pg_temp.h(cfg.run || 'u:phone:' || s.i) % 10000000)::text, 7, '0') end,
       s.full_name,
       'https://i.pravatar.cc/150?u=' || s.id,
       s.role, s.status, s.verification,
       case when s.verification = 'verified' then s.created_at + interval '10 minutes' end,
       case when s.status = 'active' then cfg.t0 - make_interval(hours => (pg_temp.h(cfg.run || 'u:signin:' || s.i) % 2000)::int) end,
       jsonb_build_object('signup_source', (array['organic','google','referral','facebook','partner'])[1 + pg_temp.h(cfg.run || 'u:src:' || s.i) % 5],
                          'seed', true),
       s.created_at, s.created_at + make_interval(days => (pg_temp.h(cfg.run || 'u:upd:' || s.i) % 30)::int),
       case when s.deleted then s.created_at + interval '20 days' end
  from seed_user s, seed_cfg cfg
 where not s.existing;

-- the suspended and banned users have the sanction that put them there, as sanction_user
-- records it (who, why, until when), so their page and the moderation workspace say why and
-- lifting works; before their reports arrive, so those still wait in the queue
insert into public.user_sanctions (tenant_id, user_id, kind, reason, starts_at, ends_at, previous_status, created_by, created_at)
select s.tenant_id, s.id, case s.status when 'banned' then 'ban' else 'suspension' end,
       (array['Harassment or threats: reported by several customers',
              'Fraud or payment abuse: asked customers to pay outside the platform',
              'Repeated no-shows: three missed bookings in a month',
              'Fake or borrowed identity: the documents did not match'])[1 + pg_temp.h(cfg.run || 'u:sanction:' || s.i) % 4],
       st.at,
       case when s.status = 'suspended' then cfg.t0 + make_interval(days => (3 + pg_temp.h(cfg.run || 'u:until:' || s.i) % 60)::int) end,
       'active',
       case when s.tenant_id = '10000000-0000-4000-8000-000000000002' then '00000000-0000-4000-8000-000000000005'::uuid
            else '00000000-0000-4000-8000-000000000002'::uuid end,
       st.at
  from seed_user s cross join seed_cfg cfg
  cross join lateral (select s.created_at + make_interval(days => (pg_temp.h(cfg.run || 'u:upd:' || s.i) % 30)::int) as at) st
 where not s.existing and s.status in ('suspended', 'banned');

-- profiles exist (trigger); fill them in: location jittered around the user's city
update public.user_profiles p
   set display_name = s.full_name,
       headline = case when s.role = 'provider' then
                    (array['Reliable and fully insured','Ten years of happy customers','Same-day service, fair prices',
                           'Certified professional','Friendly local expert','Small business, big care'])[1 + pg_temp.h(cfg.run || 'p:hl:' || s.i) % 6] end,
       bio = case when s.role = 'provider' then 'I have been serving ' || c.name || ' for '
                   || (1 + pg_temp.h(cfg.run || 'p:yrs:' || s.i) % 25) || ' years. Licensed, insured, and happy to help.'
                  else 'Living in ' || c.name || '.' end,
       languages = case when c.k > 16 then array['en', (array['de','fr','es','it','nl','pl'])[1 + pg_temp.h(cfg.run || 'p:lang:' || s.i) % 6]]
                        else '{en}'::text[] end,
       skills = case when s.role = 'provider' then
                  string_to_array((array['plumbing,repairs','electrical,wiring','cleaning,deep-clean','tutoring,math',
                                          'dog-walking,pets','moving,packing','hair,makeup','gardening,landscaping'])[1 + pg_temp.h(cfg.run || 'p:skill:' || s.i) % 8], ',')
                else '{}'::text[] end,
       location = extensions.st_setsrid(extensions.st_makepoint(
                    c.lng + (pg_temp.r(cfg.run || 'p:lng:' || s.i) - 0.5) * 0.16,
                    c.lat + (pg_temp.r(cfg.run || 'p:lat:' || s.i) - 0.5) * 0.12), 4326)::extensions.geography,
       city_id = c.id,
       address = jsonb_build_object('city', c.name, 'country', c.country_code,
                                    'postal_code', lpad((pg_temp.h(cfg.run || 'p:zip:' || s.i) % 99999)::text, 5, '0')),
       timezone = c.timezone,
       currency = c.currency,
       hourly_rate_cents = case when s.role = 'provider' then 2500 + (pg_temp.h(cfg.run || 'p:rate:' || s.i) % 120) * 100 end,
       years_experience = case when s.role = 'provider' then (1 + pg_temp.h(cfg.run || 'p:yrs:' || s.i) % 25)::smallint end,
       verification_status = s.verification,
       verified_at = case when s.verification = 'verified' then s.created_at + interval '2 days' end,
       preferences = jsonb_build_object('newsletter', pg_temp.h(cfg.run || 'p:news:' || s.i) % 2 = 0, 'locale', case when c.k > 16 then 'en-IE' else 'en-US' end),
       created_at = s.created_at
  from seed_user s, seed_cfg cfg, seed_city c
 where p.user_id = s.id and c.k = s.city_k;

-- sessions: two to three per signed-up user, the newest sometimes still open
insert into public.user_sessions (id, user_id, tenant_id, auth_session_id, ip_address, user_agent, device_type,
                                  country_code, started_at, last_active_at, ended_at, created_at)
select pg_temp.uid(cfg.run || 'session:' || s.i || ':' || j), s.id, s.tenant_id,
       md5(cfg.run || 'sess:' || s.i || ':' || j),
       ('10.' || (pg_temp.h(cfg.run || 'ip1:' || s.i) % 250) || '.' || (pg_temp.h(cfg.run || 'ip2:' || s.i || j) % 250) || '.' || (1 + j))::inet,
       (array['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/17.5',
              'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148',
              'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36',
              'Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile Safari/537.36'])[1 + pg_temp.h(cfg.run || 'ua:' || s.i || j) % 4],
       (array['desktop','mobile','desktop','mobile'])[1 + pg_temp.h(cfg.run || 'ua:' || s.i || j) % 4],
       (select c.country_code from seed_city c where c.k = s.city_k),
       st.started_at, st.started_at + make_interval(mins => (5 + pg_temp.h(cfg.run || 'dur:' || s.i || j) % 240)::int),
       case when j = 1 and pg_temp.h(cfg.run || 'open:' || s.i) % 4 = 0 then null
            else st.started_at + make_interval(mins => (5 + pg_temp.h(cfg.run || 'dur:' || s.i || j) % 240)::int) end,
       st.started_at
  from seed_user s cross join seed_cfg cfg
  cross join lateral generate_series(1, 2 + (pg_temp.h(cfg.run || 'nsess:' || s.i) % 2)::int) j
  cross join lateral (select greatest(s.created_at, cfg.t0 - make_interval(days => (j - 1) * 9 + (pg_temp.h(cfg.run || 'sst:' || s.i) % 9)::int,
                                                                            hours => (pg_temp.h(cfg.run || 'ssh:' || s.i || j) % 24)::int)) as started_at) st
 where s.idp <> 'none' and not s.deleted;

-- Listings ------------------------------------------------------------------------------
-- ~1,500 at factor 1; the count grows a little faster than the factor (bigger markets have
-- more listings per provider) so factor 100 gives ~1M for the scale benchmark
create temp table seed_cat as
select row_number() over (order by c.path)::int as k, c.id, c.slug, c.name, c.path, split_part(c.path, '/', 1) as root
  from public.categories c where c.depth >= 1 and c.is_active;
create temp table seed_tag as
select row_number() over (order by t.slug)::int as k, t.id, t.name from public.tags t;
analyze seed_cat;
analyze seed_tag;

create temp table seed_listing as
with cfg as (select *, (select count(*) from seed_cat)::int as ncat, (select count(*) from seed_tag)::int as ntag from seed_cfg),
base as materialized (
  select l, cfg.run, cfg.t0, cfg.ncat, cfg.ntag,
         case when pg_temp.r(cfg.run || 'l:tenant:' || l) < 0.18 then '10000000-0000-4000-8000-000000000002'::uuid
              else '10000000-0000-4000-8000-000000000001'::uuid end as tenant_id,
         pg_temp.h(cfg.run || 'l:prov:' || l) as h_prov,
         pg_temp.h(cfg.run || 'l:cat:' || l) as h_cat,
         pg_temp.r(cfg.run || 'l:mod:' || l) as r_mod,
         pg_temp.r(cfg.run || 'l:status:' || l) as r_status,
         pg_temp.h(cfg.run || 'l:price:' || l) as h_price,
         pg_temp.h(cfg.run || 'l:age:' || l) as h_age,
         pg_temp.h(cfg.run || 'l:adj:' || l) as h_adj
    from cfg cross join generate_series(1, round(1500 * cfg.f * (1 + 0.06 * (cfg.f - 1)))::int) l
),
drawn as (
  select b.*, (1 + b.h_prov % n.n)::int as prov_rn, (1 + b.h_cat % b.ncat)::int as cat_k
    from base b join seed_counts n on n.tenant_id = b.tenant_id and n.role = 'provider'
)
select b.l, pg_temp.uid(b.run || 'listing:' || b.l) as id, b.tenant_id, u.id as provider_id, u.status as provider_status,
       c.id as category_id, c.name as category_name, c.slug as category_slug, c.root,
       ci.id as city_id, ci.name as city_name, ci.lat, ci.lng, ci.currency,
       (array['Reliable','Friendly','Expert','Affordable','Premium','Same-day','Trusted','Professional','Eco-friendly','Local'])[1 + b.h_adj % 10]
         || ' ' || lower(c.name) || ' in ' || ci.name as title,
       case when c.root in ('tutoring', 'tech') and b.h_price % 3 = 0 then 'remote'
            when b.h_price % 11 = 0 then 'both' else 'on_site' end::public.location_type as location_type,
       case when b.h_price % 10 < 5 then 'hourly' when b.h_price % 10 < 9 then 'fixed' else 'custom' end::public.pricing_type as pricing_type,
       b.h_price, b.h_age, b.r_mod, b.r_status, b.run, b.t0,
       -- moderation: mostly approved, a queue of pending and flagged ones, a few rejected
       case when b.r_mod < 0.78 then 'approved' when b.r_mod < 0.90 then 'pending'
            when b.r_mod < 0.96 then 'flagged' else 'rejected' end as moderation_status,
       array(select distinct 1 + pg_temp.h(b.run || 'l:tag:' || b.l || ':' || j) % b.ntag
               from generate_series(1, 1 + (b.h_adj % 4)::int) j) as tag_ks
  from drawn b
  join seed_user u on u.tenant_id = b.tenant_id and u.role = 'provider' and u.rn = b.prov_rn
  join seed_cat c on c.k = b.cat_k
  join seed_city ci on ci.k = u.city_k;

alter table seed_listing add column status public.listing_status, add column created_at timestamptz,
  add column deleted boolean;
update seed_listing set
  status = case
    when moderation_status = 'rejected' then case when r_status < 0.5 then 'suspended' else 'inactive' end
    when moderation_status = 'flagged' then case when r_status < 0.4 then 'suspended' else 'active' end
    when moderation_status = 'pending' then case when r_status < 0.45 then 'draft' else 'active' end
    when provider_status in ('suspended', 'banned') then 'suspended'
    when r_status < 0.78 then 'active' when r_status < 0.87 then 'paused' when r_status < 0.95 then 'inactive'
    else 'draft' end::public.listing_status,
  created_at = t0 - make_interval(days => (5 + h_age % 540)::int, secs => (h_age % 86400)::int),
  deleted = (h_age % 97 = 0);
create index on seed_listing (l);
analyze seed_listing;


-- Availability ---------------------------------------------------------------------------
-- weekdays 9-17 (some split around lunch), Saturdays for a third of the providers
insert into public.provider_availability (id, provider_id, tenant_id, day_of_week, start_time, end_time, timezone, is_active, created_at)
select pg_temp.uid(cfg.run || 'avail:' || u.i || ':' || d || ':' || part), u.id, u.tenant_id, d,
       case when part = 1 then time '09:00' else time '13:00' end,
       case when part = 1 and split then time '12:00' when part = 1 then time '17:00' else time '17:00' end,
       c.timezone, true, u.created_at
  from seed_user u cross join seed_cfg cfg
  join seed_city c on c.k = u.city_k
  cross join lateral (select pg_temp.h(cfg.run || 'avail:' || u.i) % 3 = 0 as split,
                             pg_temp.h(cfg.run || 'sat:' || u.i) % 3 = 0 as saturday) o
  cross join lateral generate_series(1, 6) d
  cross join lateral generate_series(1, case when o.split then 2 else 1 end) part
 where u.role = 'provider' and not u.deleted and (d between 1 and 5 or o.saturday);

insert into public.availability_overrides (id, provider_id, tenant_id, override_date, start_time, end_time, is_available, reason, timezone)
select pg_temp.uid(cfg.run || 'override:' || u.i || ':' || j), u.id, u.tenant_id,
       (cfg.t0 + make_interval(days => (pg_temp.h(cfg.run || 'ovd:' || u.i || ':' || j) % 90)::int))::date,
       case when j = 2 then time '18:00' end, case when j = 2 then time '21:00' end,
       j = 2, case when j = 1 then (array['Vacation', 'Public holiday', 'Training day', 'Family event'])[1 + pg_temp.h(cfg.run || 'ovr:' || u.i) % 4]
                   else 'Extra evening hours' end,
       c.timezone
  from seed_user u cross join seed_cfg cfg join seed_city c on c.k = u.city_k
  cross join lateral generate_series(1, 2) j
 where u.role = 'provider' and not u.deleted and pg_temp.h(cfg.run || 'hasovr:' || u.i) % 2 = 0;

-- Bookings -------------------------------------------------------------------------------
-- A provider's bookings get distinct slots: rank s of n spread over ~13 months (one slot
-- every 390/n days), alternating morning and afternoon, so the no-double-booking exclusion
-- holds. Status follows the date: history is completed / cancelled / disputed / refunded,
-- around today in progress, the future pending or confirmed.
create temp table seed_bookable as
select row_number() over (order by l)::int as bk, s.*
  from seed_listing s where s.status <> 'draft' and not s.deleted;
analyze seed_bookable;

create temp table seed_booking as
with cfg as (select *, (select count(*) from seed_bookable)::int as nb from seed_cfg),
draws as materialized (
  select b, cfg.run, cfg.t0,
         1 + pg_temp.h(cfg.run || 'b:listing:' || b) % cfg.nb as bk,
         pg_temp.h(cfg.run || 'b:cust:' || b) as h_cust,
         pg_temp.h(cfg.run || 'b:x:' || b) as h_x,
         pg_temp.r(cfg.run || 'b:st:' || b) as r_st
    from cfg cross join generate_series(1, round(6000 * cfg.f)::int) b
),
drawn as (
  select d.*, l.id as listing_id, l.tenant_id, l.provider_id, l.currency, l.lat, l.lng, l.city_name, l.location_type,
         l.pricing_type, l.h_price, l.l, (1 + d.h_cust % n.n)::int as cust_rn
    from draws d
    join seed_bookable l on l.bk = d.bk
    join seed_counts n on n.tenant_id = l.tenant_id and n.role = 'customer'
),
picked as (
  select d.*, c.id as customer_id
    from drawn d
    join seed_user c on c.tenant_id = d.tenant_id and c.role = 'customer' and c.rn = d.cust_rn
),
ranked as (
  select p.*, row_number() over (partition by provider_id order by b)::int as s,
         count(*) over (partition by provider_id)::int as np
    from picked p
),
timed as materialized (
  select r.*,
         r.t0 + make_interval(days => -360 + floor((r.s - 1) * greatest(390.0 / r.np, 1))::int,
                              hours => case when r.tenant_id = '10000000-0000-4000-8000-000000000002' then 7 else 13 end
                                       + (r.s % 2) * 5 + (r.h_x % 3)::int) as start_at,
         (array[60, 90, 120, 180])[1 + r.h_x % 4] as minutes
    from ranked r
)
select t.*, t.start_at + make_interval(mins => t.minutes) as end_at,
       case
         when t.start_at < t.t0 - interval '1 day' then
           case when t.r_st < 0.72 then 'completed' when t.r_st < 0.85 then 'cancelled'
                when t.r_st < 0.93 then 'disputed' else 'refunded' end
         -- under way since yesterday; from today on still ahead (so never before it starts)
         when t.start_at < t.t0 then case when t.r_st < 0.6 then 'in_progress' else 'confirmed' end
         else case when t.r_st < 0.35 then 'pending' when t.r_st < 0.9 then 'confirmed' else 'cancelled' end
       end::public.booking_status as status,
       case t.pricing_type when 'hourly' then (2500 + (t.h_price % 60) * 250) * t.minutes / 60
                           when 'fixed' then 4900 + (t.h_price % 80) * 500
                           else 5000 + (t.h_x % 90) * 500 end::bigint as subtotal
  from timed t;
create index on seed_booking (customer_id);
analyze seed_booking;


-- Reviews and votes are decided before anything is written, so listings, bookings and
-- reviews go in with their aggregates (updating them afterwards would rewrite big rows)
create temp table seed_review as
select b.b, pg_temp.uid(b.run || 'review:' || b.b) as id, v.rating, v.hidden, b.h_x % 113 = 0 as deleted
  from seed_booking b
 cross join lateral (
   select case when r < 0.08 then 1 when r < 0.15 then 2 when r < 0.25 then 3 when r < 0.50 then 4 else 5 end::smallint as rating,
          pg_temp.h(b.run || 'rv:hidden:' || b.b) % 33 = 0 as hidden
     from (select pg_temp.r(b.run || 'rv:rating:' || b.b) as r offset 0) x
 ) v
 where b.status in ('completed', 'disputed', 'refunded') and pg_temp.h(b.run || 'rv:has:' || b.b) % 3 > 0;
create unique index on seed_review (b);
analyze seed_review;

-- helpfulness votes from other customers of the same tenant (never the reviewer)
create temp table seed_vote as
select distinct on (v.review_id, u.id) pg_temp.uid(v.run || 'vote:' || v.b || ':' || v.j) as id, v.review_id, u.id as user_id, v.tenant_id,
       pg_temp.h(v.run || 'vote:h:' || v.b || ':' || v.j) % 4 > 0 as is_helpful, v.end_at + make_interval(days => 2 + v.j) as created_at
  from (select b.b, b.run, b.tenant_id, b.customer_id, b.end_at, j, r.id as review_id,
               (1 + pg_temp.h(b.run || 'vote:u:' || b.b || ':' || j) % n.n)::int as voter_rn
          from seed_booking b
          join seed_review r on r.b = b.b
          join seed_counts n on n.tenant_id = b.tenant_id and n.role = 'customer'
          cross join lateral generate_series(1, (pg_temp.h(b.run || 'vote:n:' || b.b) % 6)::int) j
         where pg_temp.h(b.run || 'vote:has:' || b.b) % 5 < 2) v
  join seed_user u on u.tenant_id = v.tenant_id and u.role = 'customer' and u.rn = v.voter_rn
 where u.id <> v.customer_id
 order by v.review_id, u.id, v.j;

create temp table seed_listing_agg as
select b.listing_id,
       round(avg(r.rating) filter (where not r.hidden and not r.deleted), 2) as rating_average,
       (count(r.b) filter (where not r.hidden and not r.deleted))::int as rating_count,
       (count(*) filter (where b.status = 'completed'))::int as booking_count
  from seed_booking b left join seed_review r on r.b = b.b
 group by b.listing_id;
create unique index on seed_listing_agg (listing_id);
analyze seed_listing_agg;

-- Listings, with the aggregates the review and booking triggers would maintain
select pg_temp.bulk(true);
insert into public.listings (id, tenant_id, provider_id, category_id, city_id, title, slug, description, status,
                             pricing_type, location_type, price_cents, currency, duration_minutes, location, address,
                             service_radius_m, keywords, media, seo_title, seo_description, moderation_status,
                             moderation_reason, moderated_by, moderated_at, search_vector, is_featured, published_at,
                             rating_average, rating_count, booking_count, created_at, updated_at, deleted_at)
select s.id, s.tenant_id, s.provider_id, s.category_id, s.city_id, s.title,
       private.slugify(s.title) || '-' || substr(md5(s.run || 'slug:' || s.l), 1, 12),
       d.description, s.status, s.pricing_type, s.location_type,
       case s.pricing_type when 'hourly' then 2500 + (s.h_price % 60) * 250
                           when 'fixed' then 4900 + (s.h_price % 80) * 500 else 0 end,
       s.currency,
       (array[30, 45, 60, 90, 120, 180])[1 + s.h_price % 6],
       case when s.location_type <> 'remote' then
         extensions.st_setsrid(extensions.st_makepoint(s.lng + (pg_temp.r(s.run || 'l:lng:' || s.l) - 0.5) * 0.2,
                                                        s.lat + (pg_temp.r(s.run || 'l:lat:' || s.l) - 0.5) * 0.14), 4326)::extensions.geography end,
       jsonb_build_object('city', s.city_name, 'street', (1 + s.h_price % 400) || ' ' ||
                          (array['Main St','Oak Ave','Park Rd','High St','Mill Lane','Station Rd','Elm St','King St'])[1 + s.h_age % 8]),
       case when s.location_type <> 'remote' then (array[2000, 5000, 10000, 15000, 25000, 40000])[1 + s.h_age % 6] end,
       d.keywords,
       (select coalesce(jsonb_agg(jsonb_build_object('type', 'image', 'url',
                 'https://picsum.photos/seed/' || substr(md5(s.run || 'img:' || s.l || ':' || j), 1, 10) || '/800/600',
                 'alt', s.title)), '[]'::jsonb)
          from generate_series(1, (s.h_adj_media % 4)::int) j),
       left(s.title || ' | Loconomy', 120),
       left('Book ' || lower(s.category_name) || ' in ' || s.city_name || '. ' || d.description, 320),
       s.moderation_status,
       case s.moderation_status
         when 'flagged' then (array['Possible duplicate listing', 'Price looks misleading', 'Reported by customers for off-platform payment requests',
                                    'Photos may not belong to the provider'])[1 + s.h_price % 4]
         when 'rejected' then (array['Prohibited service', 'Incomplete licence information', 'Spam / keyword stuffing'])[1 + s.h_price % 3] end,
       case when s.moderation_status <> 'pending' then
         case when s.tenant_id = '10000000-0000-4000-8000-000000000002' then '00000000-0000-4000-8000-000000000005'::uuid
              else '00000000-0000-4000-8000-000000000002'::uuid end end,
       case when s.moderation_status <> 'pending' then s.created_at + interval '1 day' end,
       setweight(to_tsvector('english', s.title), 'A')
         || setweight(to_tsvector('english', d.description), 'B')
         || setweight(to_tsvector('english', concat_ws(' ', array_to_string(d.keywords, ' '),
              (select string_agg(t.name, ' ') from seed_tag t where t.k = any (s.tag_ks)))), 'C'),
       s.status = 'active' and s.moderation_status = 'approved' and s.h_price % 29 = 0,
       case when s.status <> 'draft' then s.created_at + interval '2 days' end,
       coalesce(a.rating_average, 0), coalesce(a.rating_count, 0), coalesce(a.booking_count, 0),
       s.created_at, s.created_at + make_interval(days => (s.h_age % 60)::int),
       case when s.deleted then s.created_at + interval '90 days' end
  from (select *, pg_temp.h(run || 'l:media:' || l) as h_adj_media from seed_listing) s
  left join seed_listing_agg a on a.listing_id = s.id
 cross join lateral (
   select 'Hi, I''m a ' || lower(s.category_name) || ' specialist serving ' || s.city_name || ' and nearby. '
          || (array['Fully licensed and insured. ', 'Over a decade of experience. ', 'Fair, upfront pricing. ',
                    'Flexible scheduling, evenings and weekends. '])[1 + s.h_age % 4]
          || (array['Satisfaction guaranteed.', 'Free estimates on request.', 'Bring your questions!',
                    'Eco-friendly products and methods.'])[1 + s.h_price % 4] as description,
          array[s.category_slug, s.root, lower(s.city_name)] as keywords
 ) d;

insert into public.listing_tags (listing_id, tag_id, tenant_id, created_at)
select s.id, t.id, s.tenant_id, s.created_at
  from seed_listing s cross join lateral unnest(s.tag_ks) as x (tk) join seed_tag t on t.k = x.tk;
select pg_temp.bulk(false);

select pg_temp.bulk(true);
insert into public.bookings (id, tenant_id, listing_id, customer_id, provider_id, confirmation_code, status,
                             scheduled_start, scheduled_end, timezone, location_type, service_location, service_address,
                             customer_notes, provider_notes, currency, subtotal_cents, platform_fee_cents, processing_fee_cents,
                             tax_cents, total_cents, cancellation_policy, cancellation_reason, cancelled_by, dispute_reason,
                             confirmed_at, started_at, completed_at, cancelled_at, disputed_at, refunded_at, created_at, updated_at)
select pg_temp.uid(b.run || 'booking:' || b.b), b.tenant_id, b.listing_id, b.customer_id, b.provider_id,
       -- 40 bits = 8 base-32 characters; (b * odd constant + run salt) mod 2^40 is a bijection
       -- of b, so codes never collide within a run (and practically never across runs)
       'LC-' || (select string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 1 + ((c.v >> (5 * i)) & 31)::int, 1), '' order by i)
                   from generate_series(0, 7) i),
       b.status, b.start_at, b.end_at,
       case when b.tenant_id = '10000000-0000-4000-8000-000000000002' then 'Europe/Dublin' else 'America/New_York' end,
       case when b.location_type = 'both' then 'on_site' else b.location_type end,
       case when b.location_type <> 'remote' then
         extensions.st_setsrid(extensions.st_makepoint(b.lng + (pg_temp.r(b.run || 'b:lng:' || b.b) - 0.5) * 0.1,
                                                        b.lat + (pg_temp.r(b.run || 'b:lat:' || b.b) - 0.5) * 0.08), 4326)::extensions.geography end,
       case when b.location_type <> 'remote' then jsonb_build_object('city', b.city_name, 'street', (1 + b.h_x % 300) || ' Customer Way') else '{}'::jsonb end,
       case when b.h_x % 4 = 0 then (array['Please call when you arrive.', 'Buzzer 4B, second floor.', 'There is a friendly dog.',
                                           'Parking available in the driveway.'])[1 + b.h_x % 16 / 4] end,
       case when b.h_x % 7 = 0 then 'Bring the long ladder.' end,
       b.currency, f.subtotal, f.platform_fee, f.processing_fee, f.tax, f.subtotal + f.platform_fee + f.processing_fee + f.tax,
       (array['flexible', 'moderate', 'strict', 'non_refundable'])[1 + b.h_x % 4],
       case when b.status = 'cancelled' then (array['Schedule conflict', 'Found another provider', 'Provider unavailable',
                                                    'No longer needed', 'Weather'])[1 + b.h_x % 5] end,
       case when b.status = 'cancelled' then case when b.h_x % 3 = 0 then b.provider_id else b.customer_id end end,
       case when b.status in ('disputed', 'refunded') then (array['Provider did not show up', 'Work was not completed as agreed',
                                                                 'Charged more than quoted', 'Damage to property'])[1 + b.h_x % 4] end,
       -- made some days before it starts (or before now, for what lies ahead), confirmed
       -- halfway to that moment, cancelled three quarters of the way
       case when b.status not in ('pending') then m.made_at + (m.ref_at - m.made_at) / 2 end,
       case when b.status in ('in_progress', 'completed', 'disputed', 'refunded') then b.start_at end,
       case when b.status in ('completed', 'disputed', 'refunded') then b.end_at end,
       case when b.status = 'cancelled' then m.made_at + (m.ref_at - m.made_at) * 3 / 4 end,
       case when b.status in ('disputed', 'refunded') then b.end_at + interval '1 day' end,
       case when b.status = 'refunded' then b.end_at + interval '4 days' end,
       m.made_at, m.made_at
  from seed_booking b
 cross join lateral (select least(b.start_at, now()) as ref_at offset 0) r
 -- one in twenty is made on the day of ref_at, some hours before it but never before that day
 -- began: made "today" even when the seed runs just after midnight (seed_dates.test.sql)
 cross join lateral (select r.ref_at,
                            case when b.h_x % 20 = 0
                                 then r.ref_at - (r.ref_at - date_trunc('day', r.ref_at, 'UTC')) * ((1 + b.h_x % 23) / 24.0)
                                 else r.ref_at - make_interval(days => (b.h_x % 20)::int, hours => (1 + b.h_x % 23)::int) end as made_at
                     offset 0) m
 cross join lateral (select (b.b::bigint * 2654435761 + case when b.run = '' then 0 else pg_temp.h(b.run || 'codes') * 256 end)
                            % 1099511627776 as v offset 0) c
 cross join lateral (
   select b.subtotal,
          b.subtotal * case when b.tenant_id = '10000000-0000-4000-8000-000000000002' then 12 else 10 end / 100 as platform_fee,
          b.subtotal * 29 / 1000 + 30 as processing_fee,
          b.subtotal * case when b.tenant_id = '10000000-0000-4000-8000-000000000002' then 21 else 8 end / 100 as tax
 ) f;
select pg_temp.bulk(false);

-- Reviews ---------------------------------------------------------------------------------
-- about two thirds of finished bookings; ratings skew high; some hidden by moderators,
-- some answered by the provider, a few deleted by their author
select pg_temp.bulk(true);
insert into public.reviews (id, tenant_id, booking_id, listing_id, reviewer_id, provider_id, rating, quality_rating,
                            communication_rating, timeliness_rating, title, comment, provider_response,
                            provider_responded_at, is_verified, helpful_count, not_helpful_count, hidden_at, hidden_by, hidden_reason,
                            created_at, updated_at, deleted_at)
select v.id, b.tenant_id, pg_temp.uid(b.run || 'booking:' || b.b), b.listing_id,
       b.customer_id, b.provider_id, v.rating,
       greatest(1, least(5, v.rating + (b.h_x % 3)::int - 1)), greatest(1, least(5, v.rating + (b.h_x % 5 / 4)::int)),
       case when b.h_x % 5 > 0 then greatest(1, least(5, v.rating - (b.h_x % 7 / 5)::int)) end,
       (array['Terrible', 'Disappointing', 'Okay', 'Great service', 'Absolutely fantastic'])[v.rating],
       (array['Did not show up on time and left a mess. Would not book again.',
              'The job got done but communication was poor and it took twice as long as promised.',
              'Decent work for the price. A few things could have been better.',
              'Arrived on time, friendly, and did exactly what was asked. Recommended.',
              'Outstanding! Professional, fast and spotless. Booking again next month.'])[v.rating]
         || case when v.hidden then ' Contact me directly at www.cheap-deals.example for half price.' else '' end,
       case when b.h_x % 10 < 3 then (array['Sorry to hear that, we have refunded the visit fee.', 'Thanks for the feedback, we will do better.',
                                          'Thank you for the kind words!'])[1 + least(v.rating, 5) / 2] end,
       case when b.h_x % 10 < 3 then b.end_at + interval '3 days' end,
       b.status = 'completed', coalesce(hv.up, 0), coalesce(hv.down, 0),
       case when v.hidden then b.end_at + interval '5 days' end,
       case when v.hidden then case when b.tenant_id = '10000000-0000-4000-8000-000000000002' then '00000000-0000-4000-8000-000000000005'::uuid
                                    else '00000000-0000-4000-8000-000000000002'::uuid end end,
       case when v.hidden then 'Contains contact details / off-platform solicitation' end,
       b.end_at + interval '2 days', b.end_at + interval '2 days',
       case when v.deleted then b.end_at + interval '30 days' end
  from seed_booking b
  join seed_review v on v.b = b.b
  left join (select review_id, count(*) filter (where is_helpful)::int as up, count(*) filter (where not is_helpful)::int as down
               from seed_vote group by review_id) hv on hv.review_id = v.id;

insert into public.review_votes (id, review_id, user_id, tenant_id, is_helpful, created_at)
select id, review_id, user_id, tenant_id, is_helpful, created_at from seed_vote;
select pg_temp.bulk(false);

-- Billing -----------------------------------------------------------------------------------
-- Loaded with row triggers off (see pg_temp.bulk); the seed writes what they would:
-- tenants, invoice numbers and totals, processed/paid stamps, payout contributions and
-- expected totals. Amounts follow the bookings: payment = booking total, net = total minus
-- platform and processing fees; providers are paid out every 14 days for completed work.
select pg_temp.bulk(true);

insert into public.payment_methods (id, tenant_id, user_id, type, brand, last4, exp_month, exp_year, is_default,
                                    stripe_payment_method_id, billing_details, created_at, updated_at)
select pg_temp.uid(cfg.run || 'pm:' || u.i || ':' || j), u.tenant_id, u.id,
       case when u.city_k > 16 and j = 2 then 'sepa_debit' when j = 2 and pg_temp.h(cfg.run || 'pm:t:' || u.i) % 3 = 0 then 'paypal' else 'card' end,
       case when not (u.city_k > 16 and j = 2) and not (j = 2 and pg_temp.h(cfg.run || 'pm:t:' || u.i) % 3 = 0)
            then (array['visa', 'visa', 'mastercard', 'amex', 'discover'])[1 + pg_temp.h(cfg.run || 'pm:b:' || u.i || j) % 5] end,
       lpad((pg_temp.h(cfg.run || 'pm:4:' || u.i || j) % 10000)::text, 4, '0'),
       case when not (u.city_k > 16 and j = 2) and not (j = 2 and pg_temp.h(cfg.run || 'pm:t:' || u.i) % 3 = 0)
            then (1 + pg_temp.h(cfg.run || 'pm:m:' || u.i || j) % 12)::smallint end,
       case when not (u.city_k > 16 and j = 2) and not (j = 2 and pg_temp.h(cfg.run || 'pm:t:' || u.i) % 3 = 0)
            then (extract(year from cfg.t0) - 1 + pg_temp.h(cfg.run || 'pm:y:' || u.i || j) % 6)::smallint end,
       j = 1, 'pm_' || substr(md5(cfg.run || 'pm:' || u.i || ':' || j), 1, 24),
       jsonb_build_object('name', u.full_name, 'email', u.email), u.created_at + interval '1 day', u.created_at + interval '1 day'
  from seed_user u cross join seed_cfg cfg
  cross join lateral generate_series(1, 1 + (pg_temp.h(cfg.run || 'pm:n:' || u.i) % 2)::int) j
 where u.role in ('customer', 'provider') and not u.deleted;

-- subscriptions: every provider has a plan (free ones cost nothing), some customers pay for Plus
create temp table seed_sub as
select u.i, u.id as user_id, u.tenant_id, u.role, u.created_at, cfg.run, cfg.t0,
       pg_temp.uid(cfg.run || 'sub:' || u.i) as id,
       case when u.role = 'customer' then 'basic'
            else (array['free', 'basic', 'basic', 'pro', 'pro', 'business', 'enterprise'])[1 + pg_temp.h(cfg.run || 'sub:plan:' || u.i) % 7] end as plan,
       case when r < 0.60 then 'active' when r < 0.70 then 'trialing' when r < 0.78 then 'past_due'
            when r < 0.88 then 'canceled' when r < 0.92 then 'unpaid' when r < 0.96 then 'incomplete'
            else 'incomplete_expired' end::public.subscription_status as status,
       case when u.city_k > 16 then 'EUR' else 'USD' end as currency,
       pg_temp.h(cfg.run || 'sub:x:' || u.i) as h_x
  from seed_user u cross join seed_cfg cfg
  cross join lateral (select pg_temp.r(cfg.run || 'sub:st:' || u.i) as r offset 0) x
 where not u.deleted and (u.role = 'provider' or (u.role = 'customer' and pg_temp.h(cfg.run || 'sub:has:' || u.i) % 20 = 0));
alter table seed_sub add column amount bigint;
update seed_sub set amount = case plan when 'free' then 0 when 'basic' then 900 when 'pro' then 2900 when 'business' then 7900 else 24900 end;
analyze seed_sub;

insert into public.subscriptions (id, tenant_id, user_id, plan, status, billing_interval, amount_cents, currency,
                                  current_period_start, current_period_end, trial_ends_at, cancel_at_period_end, canceled_at,
                                  stripe_subscription_id, stripe_customer_id, stripe_price_id, metadata, created_at, updated_at)
select s.id, s.tenant_id, s.user_id, s.plan, s.status, case when s.h_x % 5 = 0 then 'year' else 'month' end,
       case when s.h_x % 5 = 0 then s.amount * 10 else s.amount end, s.currency,
       s.t0 - make_interval(days => (s.h_x % 28)::int),
       s.t0 - make_interval(days => (s.h_x % 28)::int) + case when s.h_x % 5 = 0 then interval '1 year' else interval '1 month' end,
       case when s.status = 'trialing' then s.t0 + make_interval(days => (1 + s.h_x % 14)::int) end,
       s.status = 'active' and s.h_x % 9 = 0,
       case when s.status = 'canceled' then s.t0 - make_interval(days => (s.h_x % 60)::int) end,
       'sub_' || substr(md5(s.run || 'sub:' || s.i), 1, 24), 'cus_' || substr(md5(s.run || 'cus:' || s.i), 1, 14),
       'price_' || s.plan || case when s.currency = 'EUR' then '_eur' else '_usd' end,
       jsonb_build_object('seats', 1 + s.h_x % 3), greatest(s.created_at, s.t0 - interval '400 days'), s.t0 - interval '1 day'
  from seed_sub s;

-- invoices: one per finished booking (service + fees) and up to three monthly ones per paid plan
create temp table seed_invoice as
select 'b' as kind, b.b as n, b.run, pg_temp.uid(b.run || 'inv:b:' || b.b) as id, b.tenant_id, b.customer_id as user_id,
       null::uuid as subscription_id, pg_temp.uid(b.run || 'booking:' || b.b) as booking_id, b.currency,
       b.end_at as issued_at,
       case when b.status = 'refunded' then 'void' when b.h_x % 50 = 0 then 'open' else 'paid' end as status,
       b.subtotal, f.fees, b.tenant_id = '10000000-0000-4000-8000-000000000002' as eu
  from seed_booking b
 cross join lateral (select b.subtotal * case when b.tenant_id = '10000000-0000-4000-8000-000000000002' then 12 else 10 end / 100
                            + b.subtotal * 29 / 1000 + 30 as fees) f
 where b.status in ('completed', 'disputed', 'refunded')
union all
select 's', s.i * 10 + m, s.run, pg_temp.uid(s.run || 'inv:s:' || s.i || ':' || m), s.tenant_id, s.user_id, s.id, null, s.currency,
       s.t0 - make_interval(days => (s.h_x % 28)::int) - make_interval(months => m - 1),
       case when m = 1 and s.status in ('past_due', 'unpaid') then 'open'
            when m = 2 and s.status = 'unpaid' then 'uncollectible'
            when s.h_x % 23 = 0 and m = 3 then 'void'
            when m = 1 and s.h_x % 31 = 0 then 'draft' else 'paid' end,
       s.amount, 0::bigint, s.currency = 'EUR'
  from seed_sub s cross join generate_series(1, 3) m
 where s.amount > 0 and s.status in ('active', 'past_due', 'canceled', 'unpaid')
   and s.created_at < s.t0 - make_interval(months => m - 1);
analyze seed_invoice;

insert into public.invoices (id, tenant_id, user_id, subscription_id, booking_id, number, status, currency, subtotal_cents,
                             tax_cents, total_cents, issued_at, due_at, paid_at, voided_at, stripe_invoice_id, notes, created_at, updated_at)
select i.id, i.tenant_id, i.user_id, i.subscription_id, i.booking_id,
       'INV-' || to_char(i.issued_at at time zone 'UTC', 'YYYYMM') || '-' || upper(i.kind)
         || case when i.run = '' then '' else upper(regexp_replace(i.run, '[^a-zA-Z0-9]', '', 'g')) || '-' end || lpad(i.n::text, 7, '0'),
       -- with triggers on, a paid or void invoice's items could not be added: open until settled below
       case when i.status in ('paid', 'void') and current_setting('session_replication_role') <> 'replica' then 'open' else i.status end,
       i.currency, i.subtotal + i.fees, t.tax, i.subtotal + i.fees + t.tax, i.issued_at, i.issued_at + interval '14 days',
       case when i.status = 'paid' and current_setting('session_replication_role') = 'replica' then i.issued_at + interval '1 hour' end,
       case when i.status = 'void' and current_setting('session_replication_role') = 'replica' then i.issued_at + interval '5 days' end,
       'in_' || substr(md5(i.run || 'inv:' || i.kind || i.n), 1, 24),
       case when i.kind = 'b' then 'Thank you for booking with us.' end,
       i.issued_at, i.issued_at
  from seed_invoice i
 cross join lateral (select round(i.subtotal * case when i.eu then 2100 else 800 end / 10000.0)::bigint as tax) t;

insert into public.invoice_items (id, tenant_id, invoice_id, description, quantity, unit_amount_cents, tax_rate_bps,
                                  period_start, period_end, created_at, updated_at)
select pg_temp.uid(i.run || 'item:' || i.kind || i.n || ':1'), i.tenant_id, i.id,
       case when i.kind = 'b' then 'Service' else 'Subscription' end, 1, i.subtotal,
       case when i.eu then 2100 else 800 end,
       case when i.kind = 's' then i.issued_at end, case when i.kind = 's' then i.issued_at + interval '1 month' end,
       i.issued_at, i.issued_at
  from seed_invoice i
union all
select pg_temp.uid(i.run || 'item:' || i.kind || i.n || ':2'), i.tenant_id, i.id, 'Service and payment processing fee', 1, i.fees, 0,
       null, null, i.issued_at, i.issued_at
  from seed_invoice i where i.fees > 0;

-- settle the invoices written open (only when the triggers ran; totals came from them)
update public.invoices v set status = i.status,
       paid_at = case when i.status = 'paid' then i.issued_at + interval '1 hour' end,
       voided_at = case when i.status = 'void' then i.issued_at + interval '5 days' end
  from seed_invoice i
 where i.id = v.id and i.status in ('paid', 'void') and v.status <> i.status;

-- transactions: booking payments (and their refunds and failures), late-cancellation fees,
-- subscription charges, a few promotional bonuses
insert into public.transactions (id, tenant_id, user_id, booking_id, invoice_id, payment_method_id, type, status, amount_cents,
                                 currency, platform_fee_cents, processing_fee_cents, tax_cents, stripe_payment_intent_id,
                                 stripe_charge_id, description, failure_reason, processed_at, metadata, created_at, updated_at)
select pg_temp.uid(b.run || 'tx:pay:' || b.b), b.tenant_id, b.customer_id, pg_temp.uid(b.run || 'booking:' || b.b),
       case when b.status in ('completed', 'disputed', 'refunded') then pg_temp.uid(b.run || 'inv:b:' || b.b) end,
       case when not c.deleted then pg_temp.uid(b.run || 'pm:' || c.i || ':1') end,
       'payment',
       case when b.status = 'refunded' then 'refunded' when b.status = 'cancelled' then 'failed'
            when b.status = 'confirmed' then 'processing' else 'completed' end::public.payment_status,
       f.total, b.currency, f.platform_fee, f.processing_fee, f.tax,
       'pi_' || substr(md5(b.run || 'pi:' || b.b), 1, 24), 'ch_' || substr(md5(b.run || 'ch:' || b.b), 1, 24),
       'Booking ' || b.b, case when b.status = 'cancelled' then (array['card_declined', 'insufficient_funds', 'expired_card'])[1 + b.h_x % 3] end,
       case when b.status not in ('cancelled', 'confirmed') then least(b.start_at, b.t0) - interval '1 day' end,
       jsonb_build_object('listing_id', b.listing_id), least(b.start_at, b.t0) - interval '1 day', least(b.start_at, b.t0) - interval '1 day'
  from seed_booking b
  join seed_user c on c.id = b.customer_id
 cross join lateral (
   select b.subtotal * case when b.tenant_id = '10000000-0000-4000-8000-000000000002' then 12 else 10 end / 100 as platform_fee,
          b.subtotal * 29 / 1000 + 30 as processing_fee,
          b.subtotal * case when b.tenant_id = '10000000-0000-4000-8000-000000000002' then 21 else 8 end / 100 as tax
 ) f0
 cross join lateral (select f0.*, b.subtotal + f0.platform_fee + f0.processing_fee + f0.tax as total) f
 where b.status in ('completed', 'disputed', 'refunded', 'in_progress', 'confirmed')
    or (b.status = 'cancelled' and b.h_x % 5 = 0);

insert into public.transactions (id, tenant_id, user_id, booking_id, type, status, amount_cents, currency,
                                 refunded_transaction_id, stripe_refund_id, description, processed_at, created_at, updated_at)
select pg_temp.uid(b.run || 'tx:refund:' || b.b), t.tenant_id, t.user_id, t.booking_id, 'refund', 'completed',
       case when b.status = 'refunded' then t.amount_cents else t.amount_cents / 2 end, t.currency, t.id,
       're_' || substr(md5(b.run || 're:' || b.b), 1, 24),
       case when b.status = 'refunded' then 'Full refund after dispute' else 'Partial refund (goodwill)' end,
       b.end_at + interval '4 days', b.end_at + interval '4 days', b.end_at + interval '4 days'
  from seed_booking b join public.transactions t on t.id = pg_temp.uid(b.run || 'tx:pay:' || b.b)
 where b.status = 'refunded' or (b.status = 'disputed' and b.h_x % 3 = 0);

insert into public.transactions (id, tenant_id, user_id, booking_id, type, status, amount_cents, currency, description,
                                 processed_at, created_at, updated_at)
select pg_temp.uid(b.run || 'tx:fee:' || b.b), b.tenant_id, b.customer_id, pg_temp.uid(b.run || 'booking:' || b.b),
       'fee', 'completed', 1500, b.currency, 'Late cancellation fee', least(b.start_at, b.t0), least(b.start_at, b.t0), least(b.start_at, b.t0)
  from seed_booking b
 where b.status = 'cancelled' and b.h_x % 4 = 2 and b.start_at < b.t0;

insert into public.transactions (id, tenant_id, user_id, subscription_id, invoice_id, type, status, amount_cents, currency,
                                 processing_fee_cents, tax_cents, stripe_payment_intent_id, description, processed_at, created_at, updated_at)
select pg_temp.uid(i.run || 'tx:sub:' || i.n), i.tenant_id, i.user_id, i.subscription_id, i.id, 'payment', 'completed',
       v.total_cents, i.currency, v.total_cents * 29 / 1000 + 30, v.tax_cents,
       'pi_' || substr(md5(i.run || 'pi:sub:' || i.n), 1, 24), 'Subscription charge', i.issued_at + interval '1 hour',
       i.issued_at + interval '1 hour', i.issued_at + interval '1 hour'
  from seed_invoice i join public.invoices v on v.id = i.id
 where i.kind = 's' and i.status = 'paid';

insert into public.transactions (id, tenant_id, user_id, type, status, amount_cents, currency, description, processed_at, created_at, updated_at)
select pg_temp.uid(cfg.run || 'tx:bonus:' || u.i), u.tenant_id, u.id, 'bonus', 'completed', 2500,
       case when u.city_k > 16 then 'EUR' else 'USD' end, 'New provider welcome bonus',
       u.created_at + interval '7 days', u.created_at + interval '7 days', u.created_at + interval '7 days'
  from seed_user u cross join seed_cfg cfg
 where u.role = 'provider' and not u.deleted and pg_temp.h(cfg.run || 'bonus:' || u.i) % 4 = 0
   and u.created_at < cfg.t0 - interval '10 days';

-- payouts: per provider and 14-day period (counted back from the anchor day), settling the completed bookings' payments; about
-- one in twelve paid-out amounts differs from what its transactions add up to (for finance)
create temp table seed_payout as
select pg_temp.uid(b.run || 'payout:' || b.provider_id || ':' || p.period) as id, b.run, b.t0, b.provider_id, b.tenant_id, b.currency, p.period,
       b.t0 - make_interval(days => 14 * (p.period + 1)) as period_start, b.t0 - make_interval(days => 14 * p.period) as period_end,
       sum(t.net_amount_cents)::bigint as expected, count(*)::int as n, array_agg(t.id) as tx_ids
  from seed_booking b
  join public.transactions t on t.id = pg_temp.uid(b.run || 'tx:pay:' || b.b) and t.status = 'completed'
 cross join lateral (select floor(extract(epoch from b.t0 - b.end_at) / 1209600)::int as period) p
 where b.status = 'completed' and p.period >= 0
 group by 1, 2, 3, 4, 5, 6, 7;
alter table seed_payout add column h bigint, add column status text, add column amount bigint;
update seed_payout set h = pg_temp.h(id::text);
update seed_payout set
  status = case when h % 41 = 0 then 'failed' when h % 59 = 0 then 'canceled'
                when period = 0 then 'pending' when period = 1 then 'in_transit' else 'paid' end,
  amount = case when h % 12 = 0 then greatest(expected - (100 + h % 4900), 100)
                when h % 12 = 1 then expected + (100 + h % 2900) else expected end;
analyze seed_payout;

insert into public.payouts (id, tenant_id, user_id, provider, amount_cents, currency, status, stripe_payout_id, period_start,
                            period_end, arrival_date, failure_reason, expected_amount_cents, transaction_count,
                            reconciliation_status, created_at, updated_at)
select p.id, p.tenant_id, p.provider_id, case when p.h % 10 = 0 then 'bank_transfer' when p.h % 10 = 1 then 'paypal' else 'stripe' end,
       p.amount, p.currency, p.status, 'po_' || substr(md5(p.id::text), 1, 24), p.period_start, p.period_end,
       case when p.status = 'paid' then (p.period_end + interval '2 days')::date end,
       case when p.status = 'failed' then 'account_closed: the destination bank account is closed' end,
       p.expected, p.n, 'unreconciled', p.period_end + interval '1 day', p.period_end + interval '1 day'
  from seed_payout p;

insert into public.payout_transactions (payout_id, transaction_id, tenant_id, amount_cents, created_at, updated_at)
select p.id, t.id, p.tenant_id, t.net_amount_cents, p.period_end + interval '1 day', p.period_end + interval '1 day'
  from seed_payout p cross join lateral unnest(p.tx_ids) x (tx_id) join public.transactions t on t.id = x.tx_id;

insert into public.transactions (id, tenant_id, user_id, payout_id, type, status, amount_cents, currency, stripe_transfer_id,
                                 description, failure_reason, processed_at, created_at, updated_at)
select pg_temp.uid(p.run || 'tx:payout:' || p.id), p.tenant_id, p.provider_id, p.id, 'payout',
       case p.status when 'paid' then 'completed' when 'in_transit' then 'processing' when 'pending' then 'pending'
                     when 'failed' then 'failed' else 'cancelled' end::public.payment_status,
       p.amount, p.currency, 'tr_' || substr(md5(p.id::text || 'tr'), 1, 24), 'Payout ' || to_char(p.period_start, 'YYYY-MM-DD'),
       case when p.status = 'failed' then 'account_closed' end,
       case when p.status = 'paid' then p.period_end + interval '2 days' end,
       p.period_end + interval '1 day', p.period_end + interval '1 day'
  from seed_payout p;

-- metered usage of the paid plans over the last two weeks
insert into public.usage_logs (id, tenant_id, subscription_id, user_id, metric, quantity, recorded_at, idempotency_key, metadata, created_at, updated_at)
select pg_temp.uid(s.run || 'usage:' || s.i || ':' || m.metric || ':' || d), s.tenant_id, s.id, s.user_id, m.metric,
       1 + pg_temp.h(s.run || 'usage:q:' || s.i || m.metric || d) % m.max_q,
       s.t0 - make_interval(days => d), s.run || 'usage-' || s.i || '-' || m.metric || '-' || d, '{}'::jsonb,
       s.t0 - make_interval(days => d), s.t0 - make_interval(days => d)
  from seed_sub s
 cross join (values ('api.requests', 5000), ('sms.sent', 40), ('listing.boosts', 3)) m (metric, max_q)
 cross join generate_series(1, 14) d
 where s.plan in ('pro', 'business', 'enterprise') and s.status in ('active', 'past_due', 'trialing')
   and (m.metric <> 'api.requests' or s.plan <> 'pro');
select pg_temp.bulk(false);

-- Referrals -------------------------------------------------------------------------------
-- codes for about a third of the users; referred users are later sign-ups of the same
-- tenant. Inserted with triggers on: completing a referral creates its rewards and counts
-- the code's use, exactly as in production.
insert into public.referral_codes (id, tenant_id, program_id, user_id, code, expires_at, is_active, created_at)
select pg_temp.uid(cfg.run || 'refcode:' || u.i), u.tenant_id,
       case when u.tenant_id = '10000000-0000-4000-8000-000000000002' then '30000000-0000-4000-8000-000000000004'::uuid
            when u.role = 'provider' then '30000000-0000-4000-8000-000000000002'::uuid
            else '30000000-0000-4000-8000-000000000001'::uuid end,
       u.id, upper(regexp_replace(split_part(u.full_name, ' ', 1), '[^A-Za-z]', '', 'g'))
               || upper(substr(md5(cfg.run || 'refcode:' || u.i), 1, 10)),
       case when pg_temp.h(cfg.run || 'refexp:' || u.i) % 10 = 0 then cfg.t0 + interval '30 days' end,
       pg_temp.h(cfg.run || 'refexp:' || u.i) % 17 <> 0, u.created_at + interval '3 days'
  from seed_user u cross join seed_cfg cfg
 where not u.deleted and u.status = 'active' and u.role in ('customer', 'provider')
   and pg_temp.h(cfg.run || 'hascode:' || u.i) % 3 = 0;

create temp table seed_refcode as
select row_number() over (partition by rc.tenant_id order by rc.code)::int as k, rc.id, rc.tenant_id, rc.user_id, rc.program_id
  from public.referral_codes rc join seed_user u on u.id = rc.user_id
 where rc.is_active and rc.program_id <> '30000000-0000-4000-8000-000000000002';
analyze seed_refcode;

insert into public.referrals (id, tenant_id, referral_code_id, referrer_id, referred_user_id, status, qualifying_booking_id,
                              completed_at, created_at)
select pg_temp.uid(x.run || 'referral:' || x.i), x.tenant_id, rc.id, rc.user_id, x.id,
       case when x.h % 10 = 8 then 'expired' when x.h % 10 = 9 then 'cancelled'
            when fb.booking_id is not null then 'completed' else 'pending' end,
       case when x.h % 10 < 8 then fb.booking_id end, case when x.h % 10 < 8 then fb.completed_at end, x.created_at
  from (select u.*, cfg.run, pg_temp.h(cfg.run || 'referred:' || u.i) as h,
               (select count(*) from seed_refcode c where c.tenant_id = u.tenant_id) as ncodes
          from seed_user u cross join seed_cfg cfg
         where u.role = 'customer' and not u.deleted and not u.existing
           and pg_temp.h(cfg.run || 'isreferred:' || u.i) % 6 = 0) x
  join seed_refcode rc on rc.tenant_id = x.tenant_id and rc.k = 1 + x.h % greatest(x.ncodes, 1)
  left join lateral (select pg_temp.uid(x.run || 'booking:' || b.b) as booking_id, b.end_at as completed_at
                       from seed_booking b where b.customer_id = x.id and b.status = 'completed' and b.end_at > x.created_at
                      order by b.end_at limit 1) fb on true
 where rc.user_id <> x.id;

-- rewards: most paid (through a referral transaction) or issued, some pending, a few void
update public.referral_rewards rw
   set status = x.status,
       issued_at = case when x.status in ('issued', 'paid') then x.completed_at + interval '1 day' end,
       paid_at = case when x.status = 'paid' then x.completed_at + interval '8 days' end
  from (select w.referral_id, w.recipient, r.completed_at,
               case when h % 20 < 12 then 'paid' when h % 20 < 16 then 'issued' when h % 20 < 19 then 'pending' else 'void' end as status
          from public.referral_rewards w
          join public.referrals r on r.id = w.referral_id
          join seed_user u on u.id = r.referred_user_id
         cross join lateral (select pg_temp.h(w.referral_id::text || w.recipient) as h offset 0) hh) x
 where rw.referral_id = x.referral_id and rw.recipient = x.recipient;
insert into public.transactions (id, tenant_id, user_id, type, status, amount_cents, currency, description, processed_at, created_at, updated_at)
select pg_temp.uid('tx:referral:' || rw.referral_id || ':' || rw.recipient), rw.tenant_id, rw.user_id, 'referral', 'completed', rw.amount_cents, rw.currency,
       'Referral reward (' || rw.recipient || ')', rw.paid_at, rw.paid_at, rw.paid_at
  from public.referral_rewards rw
 where rw.status = 'paid' and rw.transaction_id is null;
update public.referral_rewards rw set transaction_id = pg_temp.uid('tx:referral:' || rw.referral_id || ':' || rw.recipient)
 where rw.status = 'paid' and rw.transaction_id is null;

-- Conversations and messages --------------------------------------------------------------
-- a thread for about a third of the bookings, plus support threads with the operations team
select pg_temp.bulk(true);
create temp table seed_conv as
select pg_temp.uid(b.run || 'conv:' || b.b) as id, b.b, b.run, b.t0, b.tenant_id, b.customer_id, b.provider_id,
       pg_temp.uid(b.run || 'booking:' || b.b) as booking_id, b.start_at, b.h_x,
       least(b.start_at, b.t0) - make_interval(days => (2 + b.h_x % 10)::int) as created_at,
       2 + (b.h_x % 7)::int as n_msgs
  from seed_booking b
 where pg_temp.h(b.run || 'hasconv:' || b.b) % 3 = 0;
analyze seed_conv;

insert into public.conversations (id, tenant_id, created_by, participant_ids, booking_id, subject, archived_at, created_at, updated_at)
select c.id, c.tenant_id, c.customer_id,
       array(select p from unnest(array[c.customer_id, c.provider_id]) p order by p),
       c.booking_id, 'Booking ' || c.b, case when c.start_at < c.t0 - interval '60 days' and c.h_x % 2 = 0 then c.start_at + interval '30 days' end,
       c.created_at, c.created_at
  from seed_conv c;

insert into public.messages (id, tenant_id, conversation_id, sender_id, body, attachments, read_by, edited_at, deleted_at, created_at, updated_at)
select pg_temp.uid(c.run || 'msg:' || c.b || ':' || m), c.tenant_id, c.id,
       case when m % 2 = 1 then c.customer_id else c.provider_id end,
       case when m % 2 = 1 then (array['Hi! Is the time still good for you?', 'Could you bring extra supplies?', 'Thanks, see you then.',
                                       'Running 10 minutes late, sorry!', 'Can we move it an hour later?', 'Great job, thank you!'])[1 + (c.h_x + m) % 6]
            else (array['Yes, all set.', 'Sure, no problem.', 'See you soon!', 'I will send a photo of the quote.',
                        'Confirmed, I updated the booking.', 'Thanks for choosing me!'])[1 + (c.h_x + m) % 6] end,
       case when m = 2 and c.h_x % 9 = 0 then jsonb_build_array(jsonb_build_object('name', 'quote.pdf', 'type', 'application/pdf',
                                                                                  'url', 'https://files.loconomy.test/quotes/' || c.b || '.pdf'))
            else '[]'::jsonb end,
       case when m < c.n_msgs or c.h_x % 4 > 0
            then array(select p from unnest(array[c.customer_id, c.provider_id]) p order by p)
            else array[case when m % 2 = 1 then c.customer_id else c.provider_id end] end,
       case when m = 1 and c.h_x % 13 = 0 then c.created_at + interval '5 minutes' end,
       case when m = 3 and c.h_x % 29 = 0 then c.created_at + interval '2 hours' end,
       c.created_at + make_interval(hours => m * 3), c.created_at + make_interval(hours => m * 3)
  from seed_conv c cross join lateral generate_series(1, c.n_msgs) m;

-- Notifications -----------------------------------------------------------------------------
insert into public.notifications (id, tenant_id, user_id, channel, type, title, body, data, sent_at, read_at, failed_at,
                                  failure_reason, created_at, updated_at)
select pg_temp.uid(cfg.run || 'notif:' || u.i || ':' || j), u.tenant_id, u.id, ch.channel, t.type, t.title, t.body,
       jsonb_build_object('seq', j), case when not ch.failed then ts.at end,
       case when not ch.failed and ch.channel = 'in_app' and pg_temp.h(cfg.run || 'nread:' || u.i || j) % 3 > 0 then ts.at + interval '3 hours' end,
       case when ch.failed then ts.at end,
       case when ch.failed then (array['Mailbox unavailable', 'Invalid phone number', 'Push token expired'])[1 + pg_temp.h(cfg.run || 'nfail:' || u.i) % 3] end,
       ts.at, ts.at
  from seed_user u cross join seed_cfg cfg
  cross join lateral generate_series(1, (2 + pg_temp.h(cfg.run || 'nnot:' || u.i) % 9)::int) j
  cross join lateral (select pg_temp.h(cfg.run || 'ntype:' || u.i || ':' || j) as h offset 0) x
  cross join lateral (select (array['in_app', 'in_app', 'email', 'email', 'sms', 'push'])[1 + x.h % 6]::public.notification_channel as channel,
                             x.h % 23 = 0 as failed) ch
  cross join lateral (select (array['booking.confirmed', 'booking.reminder', 'review.received', 'payout.paid', 'message.received', 'marketing.promo'])[1 + x.h / 7 % 6] as type) t0
  cross join lateral (select t0.type,
                             case t0.type when 'booking.confirmed' then 'Your booking is confirmed' when 'booking.reminder' then 'Reminder: booking tomorrow'
                                          when 'review.received' then 'You received a new review' when 'payout.paid' then 'Your payout is on its way'
                                          when 'message.received' then 'New message' else 'Spring offers near you' end as title,
                             case t0.type when 'marketing.promo' then 'Save 10% on home services this week.' else null end as body) t
  cross join lateral (select cfg.t0 - make_interval(days => (pg_temp.h(cfg.run || 'nat:' || u.i || j) % 120)::int,
                                                    mins => (pg_temp.h(cfg.run || 'nmin:' || u.i || j) % 1440)::int) as at) ts
 where not u.deleted and u.role <> 'guest';

-- Analytics -------------------------------------------------------------------------------------
-- ~40k events at factor 1 over the last 90 days (denser recently), 3k system log lines
create temp table seed_active_user as
select row_number() over (order by i)::int as k, u.id, u.tenant_id, u.role, u.city_k from seed_user u where not u.deleted and u.role <> 'guest';
analyze seed_active_user;
insert into public.events (tenant_id, user_id, session_id, name, properties, page_url, referrer, user_agent, ip_address, occurred_at, received_at, created_at, updated_at)
select coalesce(au.tenant_id, case when e.h % 5 = 0 then '10000000-0000-4000-8000-000000000002'::uuid else '10000000-0000-4000-8000-000000000001'::uuid end),
       au.id, 's_' || substr(md5(e.run || 'sess:' || e.n / 8), 1, 16), ev.name,
       case ev.name when 'search.performed' then jsonb_build_object('query', (array['plumber', 'cleaning', 'dog walker', 'math tutor', 'electrician', 'movers'])[1 + e.h % 6],
                                                                    'results', e.h % 80)
                    when 'listing.view' then jsonb_build_object('listing_slug_hash', substr(md5(e.n::text), 1, 8), 'position', e.h % 20)
                    when 'checkout.payment_failed' then jsonb_build_object('reason', 'card_declined')
                    else jsonb_build_object('platform', (array['web', 'ios', 'android'])[1 + e.h % 3]) end,
       'https://app.loconomy.test' || ev.path, case when e.h % 4 = 0 then 'https://www.google.com/' end,
       (array['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/17.5', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5) Mobile/15E148',
              'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0', 'Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile'])[1 + e.h % 4],
       ('172.16.' || (e.h % 200) || '.' || (1 + e.h / 200 % 250))::inet,
       e.at, e.at + interval '2 seconds', e.at, e.at
  from (select n, cfg.run, pg_temp.h(cfg.run || 'ev:' || n) as h,
               cfg.t0 + interval '1 day' - make_interval(secs => (90 * 86400 * power(pg_temp.r(cfg.run || 'evt:' || n), 1.6))::int) as at,
               (select count(*) from seed_active_user)::int as nu
          from seed_cfg cfg cross join generate_series(1, round(40000 * cfg.f)::int) n offset 0) e
  left join seed_active_user au on au.k = case when e.h % 10 < 8 then 1 + (e.h / 10) % e.nu end
  cross join lateral (select (array['page.view', 'page.view', 'page.view', 'listing.view', 'listing.view', 'search.performed',
                                    'search.performed', 'booking.started', 'booking.completed', 'signup.completed', 'message.sent',
                                    'checkout.payment_failed', 'review.submitted', 'app.opened'])[1 + e.h / 3 % 14] as name) ev0
  cross join lateral (select ev0.name, case ev0.name when 'search.performed' then '/search' when 'listing.view' then '/listings/view'
                                                    when 'booking.started' then '/checkout' when 'signup.completed' then '/welcome' else '/' end as path) ev;

insert into public.system_logs (tenant_id, user_id, level, source, message, context, request_id, created_at, updated_at)
select case when l.h % 3 = 0 then null when l.h % 5 = 0 then '10000000-0000-4000-8000-000000000002'::uuid else '10000000-0000-4000-8000-000000000001'::uuid end,
       null, lv.level, s.source, s.message || case when lv.level in ('error', 'critical') then ' (attempt ' || (1 + l.h % 3) || ')' else '' end,
       jsonb_build_object('duration_ms', l.h % 3000, 'host', 'api-' || (1 + l.h % 4)), 'req_' || substr(md5(l.run || 'req:' || l.n), 1, 20), l.at, l.at
  from (select n, cfg.run, pg_temp.h(cfg.run || 'log:' || n) as h,
               cfg.t0 + interval '1 day' - make_interval(secs => (30 * 86400 * pg_temp.r(cfg.run || 'logt:' || n))::int) as at
          from seed_cfg cfg cross join generate_series(1, round(3000 * cfg.f)::int) n offset 0) l
  cross join lateral (select case when l.h % 100 < 30 then 'debug' when l.h % 100 < 80 then 'info' when l.h % 100 < 92 then 'warning'
                                  when l.h % 100 < 99 then 'error' else 'critical' end::public.log_level as level) lv
  cross join lateral (select (array['api.rest', 'auth', 'worker.payouts', 'webhooks.dispatcher', 'search', 'billing.stripe'])[1 + l.h / 100 % 6] as source) s0
  cross join lateral (select s0.source, case s0.source
            when 'api.rest' then case when lv.level in ('error', 'critical') then 'Unhandled error in GET /rest/v1/bookings' else 'GET /rest/v1/listings 200' end
            when 'auth' then case when lv.level in ('warning', 'error', 'critical') then 'Too many failed sign-in attempts' else 'Token refreshed' end
            when 'worker.payouts' then case when lv.level in ('error', 'critical') then 'Stripe payout failed: account_closed' else 'Payout batch processed' end
            when 'webhooks.dispatcher' then case when lv.level in ('warning', 'error', 'critical') then 'Delivery to https://flaky-integration.example.org/hook failed: 503' else 'Webhook delivered' end
            when 'search' then 'Search index refreshed'
            else case when lv.level in ('error', 'critical') then 'Stripe API timeout' else 'Invoice finalized' end end as message) s;

select pg_temp.bulk(false);

-- Files -------------------------------------------------------------------------------------------
insert into public.file_uploads (id, tenant_id, uploaded_by, storage_provider, bucket, storage_path, file_name, file_type, mime_type,
                                 size_bytes, checksum_sha256, width, height, entity_type, entity_id, is_public, usage_count, metadata,
                                 deleted_at, deleted_by, created_at, updated_at)
select pg_temp.uid(s.run || 'file:l:' || s.l), s.tenant_id, s.provider_id, 'supabase', 'listing-media',
       coalesce(nullif(s.run, ''), 'demo') || '/listings/' || s.id || '/cover.jpg', 'cover.jpg', 'image', 'image/jpeg',
       80000 + s.h_price % 900000, encode(sha256(convert_to(s.run || 'file:' || s.l, 'UTF8')), 'hex'), 1600, 1200,
       'listing', s.id, s.status = 'active', 1, '{}'::jsonb,
       case when s.deleted then s.created_at + interval '90 days' end,
       case when s.deleted then s.provider_id end, s.created_at, s.created_at
  from seed_listing s where s.h_age % 3 = 0
union all
select pg_temp.uid(cfg.run || 'file:v:' || u.i), u.tenant_id, u.id, 's3', 'verification-docs',
       coalesce(nullif(cfg.run, ''), 'demo') || '/users/' || u.id || '/licence.pdf', 'licence.pdf', 'document', 'application/pdf',
       150000 + pg_temp.h(cfg.run || 'fsz:' || u.i) % 2000000, encode(sha256(convert_to(cfg.run || 'doc:' || u.i, 'UTF8')), 'hex'), null, null,
       'user', u.id, false, 0, jsonb_build_object('purpose', 'verification'), null, null, u.created_at + interval '2 days', u.created_at + interval '2 days'
  from seed_user u cross join seed_cfg cfg where u.role = 'provider' and not u.deleted
union all
select pg_temp.uid(c.run || 'file:m:' || c.b), c.tenant_id, c.provider_id, 'supabase', 'message-attachments',
       coalesce(nullif(c.run, ''), 'demo') || '/conversations/' || c.id || '/quote.pdf', 'quote.pdf', 'document', 'application/pdf',
       40000 + c.h_x % 100000, null, null, null, 'conversation', c.id, false, 1, '{}'::jsonb, null, null,
       c.created_at + interval '6 hours', c.created_at + interval '6 hours'
  from seed_conv c where c.h_x % 9 = 0;

-- Webhook deliveries ----------------------------------------------------------------------------
-- delivered ones, ones retrying on a schedule, and given-up ones (mostly the flaky endpoint)
select pg_temp.bulk(true);
insert into public.webhook_deliveries (id, tenant_id, endpoint_id, event, event_id, payload, attempt_count, max_attempts, next_retry_at,
                                       response_status, response_body, last_error, delivered_at, failed_at, created_at, updated_at)
select pg_temp.uid(d.run || 'delivery:' || d.n), e.tenant_id, e.id, ev.event, pg_temp.uid(d.run || 'whevent:' || d.n),
       jsonb_build_object('type', ev.event, 'id', pg_temp.uid(d.run || 'whevent:' || d.n), 'created', extract(epoch from d.at)::bigint),
       o.attempts, 8,
       case when o.outcome = 'retrying' then d.t0 + make_interval(mins => (5 * power(2, o.attempts))::int) end,
       case o.outcome when 'delivered' then 200 when 'retrying' then (array[500, 502, 503, 504])[1 + d.h % 4] else 410 end,
       case o.outcome when 'delivered' then '{"ok":true}' else 'Service Unavailable' end,
       case when o.outcome <> 'delivered' then 'HTTP ' || case o.outcome when 'retrying' then (array[500, 502, 503, 504])[1 + d.h % 4] else 410 end end,
       case when o.outcome = 'delivered' then d.at + make_interval(secs => o.attempts * 30) end,
       case when o.outcome = 'failed' then d.at + interval '6 hours' end,
       d.at, d.at
  from (select n, cfg.run, cfg.t0, pg_temp.h(cfg.run || 'wh:' || n) as h,
               cfg.t0 + interval '1 day' - make_interval(secs => (30 * 86400 * pg_temp.r(cfg.run || 'wht:' || n))::int) as at
          from seed_cfg cfg cross join generate_series(1, round(1200 * cfg.f)::int) n offset 0) d
  join public.webhook_endpoints e on e.id = ('40000000-0000-4000-8000-00000000000' || (1 + d.h % 5))::uuid
  cross join lateral (select case when e.events = array['*'] then (array['booking.created', 'payment.completed', 'review.created'])[1 + d.h / 5 % 3]
                                  else e.events[1 + (d.h / 5 % cardinality(e.events))::int] end as event) ev
  cross join lateral (select case when e.url like '%flaky%' then case when d.h % 3 = 0 then 'delivered' when d.h % 3 = 1 then 'retrying' else 'failed' end
                                  when not e.is_active then 'failed'
                                  when d.h % 50 = 0 then 'retrying' else 'delivered' end as outcome) o0
  cross join lateral (select o0.outcome, case o0.outcome when 'delivered' then 1 + (d.h % 20 = 0)::int when 'retrying' then 1 + (d.h % 6)::int else 8 end as attempts) o;
select pg_temp.bulk(false);

-- Feature flag overrides ------------------------------------------------------------------------
insert into public.user_feature_flags (id, tenant_id, user_id, flag_id, is_enabled, variant, reason, expires_at, created_by, created_at)
select pg_temp.uid(cfg.run || 'uff:' || u.i || ':' || f.key), u.tenant_id, u.id, f.id,
       pg_temp.h(cfg.run || 'uffon:' || u.i || f.key) % 4 > 0,
       case when pg_temp.h(cfg.run || 'uffon:' || u.i || f.key) % 4 > 0 and jsonb_array_length(f.variants) > 0
            then f.variants -> (pg_temp.h(cfg.run || 'uffv:' || u.i) % jsonb_array_length(f.variants))::int ->> 'key' end,
       (array['Beta tester', 'Support escalation', 'Opted out after feedback', 'QA account'])[1 + pg_temp.h(cfg.run || 'uffr:' || u.i) % 4],
       -- overrides are temporary: 3 to 82 days after they were added (some have lapsed)
       cfg.t0 - make_interval(days => (pg_temp.h(cfg.run || 'uffd:' || u.i) % 30)::int)
              + make_interval(days => 3 + (pg_temp.h(cfg.run || 'uffx:' || u.i) % 80)::int),
       case when u.tenant_id = '10000000-0000-4000-8000-000000000002' then '00000000-0000-4000-8000-000000000005'::uuid
            else '00000000-0000-4000-8000-000000000004'::uuid end,
       cfg.t0 - make_interval(days => (pg_temp.h(cfg.run || 'uffd:' || u.i) % 30)::int)
  from seed_user u cross join seed_cfg cfg
  join public.feature_flags f on f.tenant_id = u.tenant_id and not f.kill_switch
 where not u.deleted and u.role <> 'guest' and pg_temp.h(cfg.run || 'uff:' || u.i || f.key) % 40 = 0;

-- Content reports: the moderation queue, in every status -----------------------------------------
insert into public.content_reports (id, tenant_id, reporter_id, target_type, target_id, reason, details, status, resolution,
                                    resolved_by, resolved_at, resolution_note, created_at, updated_at)
select pg_temp.uid(t.run || 'report:' || t.target_type || ':' || t.target_id), t.tenant_id, rep.id, t.target_type, t.target_id,
       t.reason, case when t.reason = 'other' or t.h % 2 = 0 then t.details end,
       st.status, st.resolution,
       case when st.status in ('resolved', 'dismissed') then m0.moderator end,
       case when st.status in ('resolved', 'dismissed') then t.at + interval '2 days' end,
       case when st.status in ('resolved', 'dismissed') then 'Checked against the community guidelines.' end,
       t.at, t.at
  from (
    select s.run, s.tenant_id, 'listing' as target_type, s.id as target_id, pg_temp.h(s.run || 'rep:l:' || s.l) as h,
           (array['misleading', 'fraud', 'spam', 'other'])[1 + pg_temp.h(s.run || 'rep:l:' || s.l) % 4] as reason,
           'Listing looks suspicious: ' || coalesce(s.title, '') as details, s.created_at + interval '10 days' as at
      from seed_listing s where s.moderation_status in ('flagged', 'rejected') or s.h_age % 50 = 0
    union all
    select b.run, b.tenant_id, 'review', pg_temp.uid(b.run || 'review:' || b.b), pg_temp.h(b.run || 'rep:r:' || b.b),
           (array['harassment', 'spam', 'inappropriate', 'other'])[1 + pg_temp.h(b.run || 'rep:r:' || b.b) % 4],
           'This review is unfair and contains personal details.', b.end_at + interval '4 days'
      from seed_booking b join public.reviews r on r.id = pg_temp.uid(b.run || 'review:' || b.b)
     where r.hidden_at is not null or (r.rating <= 2 and pg_temp.h(b.run || 'rep:r:' || b.b) % 4 = 0)
    union all
    select cfg.run, u.tenant_id, 'user', u.id, pg_temp.h(cfg.run || 'rep:u:' || u.i),
           (array['fraud', 'harassment', 'safety', 'other'])[1 + pg_temp.h(cfg.run || 'rep:u:' || u.i) % 4],
           'Asked me to pay outside the platform.', u.created_at + interval '30 days'
      from seed_user u cross join seed_cfg cfg where u.status in ('suspended', 'banned') or pg_temp.h(cfg.run || 'rep:u:' || u.i) % 60 = 0
    union all
    select c.run, c.tenant_id, 'message', pg_temp.uid(c.run || 'msg:' || c.b || ':2'), pg_temp.h(c.run || 'rep:m:' || c.b),
           (array['harassment', 'spam', 'inappropriate'])[1 + pg_temp.h(c.run || 'rep:m:' || c.b) % 3],
           'Rude message.', c.created_at + interval '1 day'
      from seed_conv c where c.h_x % 37 = 0
  ) t
  cross join lateral (select case when t.tenant_id = '10000000-0000-4000-8000-000000000002' then '00000000-0000-4000-8000-000000000005'::uuid
                                  else '00000000-0000-4000-8000-000000000002'::uuid end as moderator) m0
  join seed_counts n on n.tenant_id = t.tenant_id and n.role = 'customer'
  join seed_user rep on rep.tenant_id = t.tenant_id and rep.role = 'customer' and rep.rn = 1 + t.h % n.n
  cross join lateral (select case when t.h % 10 < 4 then 'open' when t.h % 10 < 6 then 'in_review'
                                  when t.h % 10 < 8 then 'resolved' else 'dismissed' end::public.report_status as status) st0
  cross join lateral (select st0.status, case st0.status
                               when 'resolved' then (array['content_removed', 'content_hidden', 'user_warned', 'user_suspended'])[1 + t.h / 10 % 4]
                               when 'dismissed' then (array['no_violation', 'duplicate'])[1 + t.h / 10 % 2] end as resolution) st
 where rep.id <> t.target_id;

-- Derived columns the bulk loads skipped (the triggers' work, set-based) ------------------
update public.tags t set usage_count = x.n
  from (select tag_id, count(*)::int as n from public.listing_tags group by tag_id) x
 where x.tag_id = t.id and t.usage_count is distinct from x.n;
update public.reviews r set helpful_count = x.up, not_helpful_count = x.down
  from (select review_id, count(*) filter (where is_helpful)::int as up, count(*) filter (where not is_helpful)::int as down
          from public.review_votes group by review_id) x
 where x.review_id = r.id and (r.helpful_count, r.not_helpful_count) is distinct from (x.up, x.down);
update public.listings l set rating_average = x.avg, rating_count = x.n
  from (select listing_id, count(*)::int as n, round(avg(rating), 2) as avg
          from public.reviews where hidden_at is null and deleted_at is null group by listing_id) x
 where x.listing_id = l.id and (l.rating_average, l.rating_count) is distinct from (x.avg, x.n);
update public.listings l set booking_count = x.n
  from (select listing_id, count(*)::int as n from public.bookings where status = 'completed' group by listing_id) x
 where x.listing_id = l.id and l.booking_count is distinct from x.n;
update public.user_profiles p set rating_average = x.avg, rating_count = x.n
  from (select provider_id, count(*)::int as n, round(avg(rating), 2) as avg
          from public.reviews where hidden_at is null and deleted_at is null group by provider_id) x
 where x.provider_id = p.user_id and (p.rating_average, p.rating_count) is distinct from (x.avg, x.n);
update public.conversations c set last_message_at = m.created_at,
       last_message_preview = left(coalesce(nullif(btrim(m.body), ''), '[attachment]'), 140)
  from (select distinct on (conversation_id) conversation_id, created_at, body
          from public.messages where deleted_at is null order by conversation_id, created_at desc) m
 where m.conversation_id = c.id and c.last_message_at is distinct from m.created_at;
update public.webhook_endpoints e set last_delivery_at = d.last_at,
       consecutive_failures = case when e.is_active then d.fails_since_success else e.consecutive_failures end
  from (select w.endpoint_id, max(w.created_at) as last_at,
               (count(*) filter (where w.delivered_at is null and w.created_at > coalesce(ok.last_ok, '-infinity')))::int as fails_since_success
          from public.webhook_deliveries w
          left join (select endpoint_id, max(created_at) as last_ok from public.webhook_deliveries
                      where delivered_at is not null group by endpoint_id) ok on ok.endpoint_id = w.endpoint_id
         group by w.endpoint_id) d
 where d.endpoint_id = e.id
   and (e.last_delivery_at, e.consecutive_failures) is distinct from
       (d.last_at, case when e.is_active then d.fails_since_success else e.consecutive_failures end);

-- Nothing happened after the moment the seed runs. Dates are offsets from the start of the
-- day (t0), and some land later than now: a report ten days after a listing made last week, an
-- event later today. Those instants become one minute ago (every such column of a row alike,
-- so a row's order of events holds); only plans and schedules may lie ahead: the columns named
-- below, which supabase/tests/seed_dates.test.sql allows and checks the rest against.
select pg_temp.bulk(true);
do $$
declare
  r record;
begin
  for r in
    select c.table_name, string_agg(format('%1$I = case when %1$I > now() then now() - interval ''1 minute'' else %1$I end', c.column_name), ', ') as sets,
           string_agg(format('%I > now()', c.column_name), ' or ') as late
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.data_type like 'timestamp%'
       and c.is_generated = 'NEVER'
       and c.column_name not in ('scheduled_start', 'scheduled_end', 'starts_at', 'ends_at', 'expires_at', 'due_at',
                                 'period_end', 'current_period_end', 'trial_ends_at', 'next_retry_at')
     group by c.table_name
  loop
    execute format('update public.%I set %s where %s', r.table_name, r.sets, r.late);
  end loop;
end
$$;
select pg_temp.bulk(false);

drop table if exists seed_cfg, seed_city, seed_user, seed_counts;
-- </demo-data> =============================================================================

-- ========================================================================================
-- History: staff at work, through the same RPCs and triggers the admin uses, with auditing
-- on, so audit_logs holds a real hash-chained trail with staff actors (not run by
-- db:seed:scale). The JWT claims make private.current_user_id() resolve to each persona.
-- ========================================================================================
set loconomy.skip_audit = 'off';

-- what moderation approved: the bulk loads skipped the trigger that records it
select private.backfill_listing_approved_versions();

-- Carla (customer) disputes her latest completed booking; Pablo (provider) submits a new
-- listing, which waits in the moderation queue
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000006", "role": "authenticated", "email": "customer@loconomy.test"}', false);
update public.bookings set status = 'disputed', dispute_reason = 'The leak came back two days later'
 where id = (select b.id from public.bookings b
              where b.customer_id = '00000000-0000-4000-8000-000000000006' and b.status = 'completed'
              order by b.scheduled_start desc, b.id limit 1);
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000007", "role": "authenticated", "email": "provider@loconomy.test"}', false);
insert into public.listings (id, tenant_id, provider_id, category_id, city_id, title, slug, description, status, pricing_type,
                             location_type, price_cents, currency, duration_minutes, location, service_radius_m, keywords,
                             moderation_status)
select '50000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000007',
       c.id, ci.id, 'Emergency water heater repair in New York', 'emergency-water-heater-repair-in-new-york-demo',
       'Same-day water heater diagnosis and repair across Brooklyn and Manhattan. Licensed and insured.', 'active', 'hourly',
       'on_site', 9500, 'USD', 120, ci.location, 15000, array['water-heaters', 'plumbing', 'emergency'], 'pending'
  from public.categories c, public.cities ci
 where c.slug = 'water-heaters' and ci.slug = 'new-york';

-- Olivia (operations) works the moderation queue
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000002", "role": "authenticated", "email": "ops@loconomy.test"}', false);
select set_config('request.headers', '{"x-forwarded-for": "203.0.113.10", "user-agent": "Mozilla/5.0 (Loconomy Admin seed)"}', false);
select count(public.moderate_listing(x.id, x.decision, x.reason))
  from (select l.id,
               (array['approve', 'approve', 'approve', 'flag', 'reject'])[1 + (row_number() over (order by l.id) % 5)::int] as decision,
               'Checked by the operations team during the weekly review' as reason
          from public.listings l
         where l.tenant_id = '10000000-0000-4000-8000-000000000001' and l.moderation_status = 'pending' and l.deleted_at is null
         order by l.id limit 20) x;
select count(public.moderate_review(r.id, true, 'Off-platform contact details'))
  from (select r.id from public.reviews r
         where r.tenant_id = '10000000-0000-4000-8000-000000000001' and r.hidden_at is null and r.rating = 1 and r.deleted_at is null
         order by r.id limit 5) r;
select count(public.set_booking_status(b.id, 'completed', 'Dispute reviewed: work was delivered as agreed'))
  from (select b.id from public.bookings b
         where b.tenant_id = '10000000-0000-4000-8000-000000000001' and b.status = 'disputed'
         order by b.id limit 8) b;
select count(public.claim_content_report(c.id, true))
  from (select c.id from public.content_reports c
         where c.tenant_id = '10000000-0000-4000-8000-000000000001' and c.status = 'open' order by c.id limit 5) c;
select count(public.resolve_content_report(c.id, case when c.n % 2 = 0 then 'no_violation' else 'user_warned' end, 'Reviewed during the seed history'))
  from (select c.id, row_number() over (order by c.id) as n from public.content_reports c
         where c.tenant_id = '10000000-0000-4000-8000-000000000001' and c.status = 'open' order by c.id limit 6) c;
select count(public.sanction_user(u.id, 'suspend', 'Repeated no-shows: three missed bookings in a week', now() + interval '14 days'))
  from (select u.id from public.users u
         where u.tenant_id = '10000000-0000-4000-8000-000000000001' and u.role = 'provider' and u.status = 'active'
           and u.email like '%@example.com' order by u.id limit 1) u;
-- a ban lifted on appeal: the sanction stays on record
select count(public.sanction_user(u.id, 'ban', 'Harassment or threats: insulting messages to a provider'))
  from (select u.id from public.users u
         where u.tenant_id = '10000000-0000-4000-8000-000000000001' and u.role = 'customer' and u.status = 'active'
           and u.email like '%@example.com' order by u.id limit 1) u;
select count(public.lift_user_sanction(u.id, 'Appeal accepted: the messages were a misunderstanding'))
  from (select s.user_id as id from public.user_sanctions s
         where s.tenant_id = '10000000-0000-4000-8000-000000000001' and s.kind = 'ban' and s.lifted_at is null
           and s.created_by = '00000000-0000-4000-8000-000000000002' and s.created_at = now()) u;

-- Felix (finance) reconciles older paid payouts: most match, some are mismatches; newer
-- ones (including more mismatches) are left for the demo
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000003", "role": "authenticated", "email": "finance@loconomy.test"}', false);
select count(public.reconcile_payout(p.id))
  from (select p.id from public.payouts p
         where p.tenant_id = '10000000-0000-4000-8000-000000000001' and p.status = 'paid'
           and p.period_end < now() - interval '60 days'
         order by p.period_end, p.id limit 150) p;

-- Priya (product) rolls flags out and kills the AI quote assistant
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000004", "role": "authenticated", "email": "product@loconomy.test"}', false);
select public.set_feature_flag_rollout(f.id, x.pct, x.note)
  from public.feature_flags f
  cross join lateral (values (1, 5, 'First customers, after support was briefed'),
                             (2, 10, 'No rise in cancellations at 5 % over a week')) x (step, pct, note)
 where f.tenant_id = '10000000-0000-4000-8000-000000000001' and f.key = 'instant-booking'
 order by x.step;
select public.set_feature_flag_rollout(f.id, x.pct, x.note)
  from public.feature_flags f
  cross join lateral (values (1, 10, 'Start of the A/B test'), (2, 25, 'Sample too small at 10 %'),
                             (3, 50, 'Half of providers, as the test plan says')) x (step, pct, note)
 where f.tenant_id = '10000000-0000-4000-8000-000000000001' and f.key = 'provider-dashboard-v2'
 order by x.step;
select public.kill_feature_flag(f.id, 'Error rate doubled on checkout; rolled back pending a fix')
  from public.feature_flags f
 where f.tenant_id = '10000000-0000-4000-8000-000000000001' and f.key = 'ai-quote-assistant';

-- Hana (harbor admin) moderates her tenant
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000005", "role": "authenticated", "email": "admin@harbor.test"}', false);
select count(public.moderate_listing(l.id, 'approve', null))
  from (select l.id from public.listings l
         where l.tenant_id = '10000000-0000-4000-8000-000000000002' and l.moderation_status = 'pending' and l.deleted_at is null
         order by l.id limit 5) l;

-- Pablo (provider) rewrites an approved listing: a new title and a higher price send it back
-- to the queue, where the moderator sees both changes against the approved version (the
-- seed's session is not an API client, so it says pending itself, as the guard would)
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000007", "role": "authenticated", "email": "provider@loconomy.test"}', false);
update public.listings l set
  title = l.title || ' — same day, weekends included',
  price_cents = l.price_cents + l.price_cents / 4,
  moderation_status = 'pending'
 where l.id = (select x.id from public.listings x
                where x.provider_id = '00000000-0000-4000-8000-000000000007' and x.moderation_status = 'approved'
                  and x.status = 'active' and x.deleted_at is null and x.pricing_type <> 'custom'
                order by x.id limit 1);

-- Moderation queue ------------------------------------------------------------------------
-- The bulk loads skipped the queue's row triggers: queue what waits, from when it happened,
-- as they would have (pending listings, open reports, disputes, users in review).
-- Loconomy's own promises: safety within the hour, spam within three; harbor keeps the defaults
insert into public.moderation_sla_targets (tenant_id, queue, report_reason, due_within) values
  ('10000000-0000-4000-8000-000000000001', 'content_reports', 'safety', interval '1 hour'),
  ('10000000-0000-4000-8000-000000000001', 'content_reports', 'spam', interval '3 hours'),
  ('10000000-0000-4000-8000-000000000001', 'listing_approval', null, interval '24 hours');

select set_config('request.jwt.claims', '', false);
select private.backfill_moderation_queue();

-- The generated targets span years, so every open item would be years overdue; a team that
-- keeps up has a backlog of days. Open items from before last week arrive instead over the last
-- four days (fixed per item), their SLA counted from then: some fresh, some due soon, some late.
with retimed as (
  select i.id, now() - make_interval(mins => (abs(hashtext(i.id::text)) % 5760) + 1) as entered,
         i.queue,
         (select r.reason::text from public.content_reports r
           where r.target_type = i.target_type and r.target_id = i.target_id and r.status in ('open', 'in_review')
           order by r.created_at limit 1) as reason
    from public.moderation_items i
   -- (sla_due_at too: users in review were queued by the users trigger during the load, and the
   -- backfill joined them with their earlier, older start)
   where i.status in ('pending', 'escalated') and least(i.entered_queue_at, i.sla_due_at) < now() - interval '7 days'
)
update public.moderation_items i set
  entered_queue_at = r.entered,
  created_at = least(i.created_at, r.entered),
  sla_due_at = r.entered + private.moderation_sla(i.tenant_id, r.queue, r.reason)
  from retimed r
 where i.id = r.id;
update public.moderation_item_events e set created_at = i.entered_queue_at
  from public.moderation_items i
 where e.item_id = i.id and i.status in ('pending', 'escalated') and e.created_at < i.entered_queue_at
   and e.event in ('created', 'report_added');

-- Fresh arrivals, so the queue has items inside their SLA next to the overdue backlog: in the
-- last hour, customers report listings nobody had reported (the row trigger queues them).
insert into public.content_reports (tenant_id, reporter_id, target_type, target_id, reason, details, created_at, updated_at)
select l.tenant_id, c.id, 'listing', l.id, x.reason, x.details, now() - make_interval(mins => 6 * l.n::integer), now() - make_interval(mins => 6 * l.n::integer)
  from (select l.id, l.tenant_id, row_number() over (partition by l.tenant_id order by l.id) as n
          from public.listings l
         where l.status = 'active' and l.moderation_status = 'approved' and l.deleted_at is null
           and not exists (select 1 from public.content_reports r where r.target_type = 'listing' and r.target_id = l.id)) l
  join lateral (select u.id from public.users u
                 where u.tenant_id = l.tenant_id and u.role = 'customer' and u.status = 'active' and u.deleted_at is null
                 order by u.id offset l.n limit 1) c on true
  join (values (1, 'safety', 'The provider came to the job without any safety gear and left wires exposed.'),
               (2, 'misleading', 'The photos are of a different company''s work.'),
               (3, 'spam', null), (4, 'fraud', 'Asked me to pay a deposit by bank transfer outside the app.'),
               (5, 'misleading', 'Price shown is not the price charged.')) x (n, reason, details) on x.n = l.n
 where l.n <= 5;

-- Reason templates every tenant starts with: what moderators pick, and what the affected
-- provider or author is told.
insert into public.moderation_reason_templates (tenant_id, code, label, target_types, policy_url, message_template)
select t.id, x.code, x.label, x.target_types::text[], x.policy_url, x.message_template
  from public.tenants t
 cross join (values
   ('misleading_listing', 'Misleading photos or description', '{listing}', 'https://loconomy.test/policies/listings#accuracy',
    'Your listing "{listing_title}" was taken down: its photos or description do not match the service. {reason}'),
   ('prohibited_service', 'Prohibited service', '{listing}', 'https://loconomy.test/policies/prohibited',
    'Your listing "{listing_title}" offers a service {tenant_name} does not allow. {reason}'),
   ('off_platform_contact', 'Contact details outside the platform', '{listing,review,message}', 'https://loconomy.test/policies/contact',
    'We removed contact details shared outside Loconomy: payments and messages stay on the platform. {reason}'),
   ('abusive_language', 'Abusive or hateful language', '{review,message,user}', 'https://loconomy.test/policies/conduct',
    'Your review was hidden because it breaks our community rules: "{review_excerpt}". {reason}'),
   ('personal_data', 'Personal data', '{review,message}', 'https://loconomy.test/policies/privacy',
    'Your review was hidden because it shares someone''s personal data. {reason}'),
   ('no_violation', 'No violation found', '{listing,review,user,message,booking}', null, null),
   -- reasons for a sanction and for a dispute's settlement: they fill the reason kept on record
   ('harassment', 'Harassment or threats', '{user,message}', 'https://loconomy.test/policies/conduct', null),
   ('payment_fraud', 'Fraud or payment abuse', '{user}', 'https://loconomy.test/policies/payments', null),
   ('fake_identity', 'Fake or borrowed identity', '{user}', 'https://loconomy.test/policies/identity', null),
   ('repeated_no_shows', 'Repeated no-shows', '{user}', 'https://loconomy.test/policies/reliability', null),
   ('service_not_delivered', 'Service not delivered', '{booking}', 'https://loconomy.test/policies/refunds', null),
   ('service_partly_delivered', 'Service partly delivered', '{booking}', 'https://loconomy.test/policies/refunds', null),
   ('service_delivered', 'Service delivered as booked', '{booking}', 'https://loconomy.test/policies/refunds', null)
 ) x (code, label, target_types, policy_url, message_template);

-- Colleagues at work: operations holds live claims on the three most urgent report items of
-- Loconomy, and a lapsed claim sits on the next one (anyone may take it)
update public.moderation_items i set
  claimed_by = '00000000-0000-4000-8000-000000000002',
  claim_expires_at = now() + interval '12 minutes',
  version = i.version + 1
 where i.id in (select m.id from public.moderation_items m
                 where m.tenant_id = '10000000-0000-4000-8000-000000000001' and m.queue = 'content_reports'
                 order by m.priority_score desc, m.entered_queue_at limit 3);
update public.moderation_items i set
  claimed_by = '00000000-0000-4000-8000-000000000001',
  claim_expires_at = now() - interval '20 minutes',
  version = i.version + 1
 where i.id = (select m.id from public.moderation_items m
                where m.tenant_id = '10000000-0000-4000-8000-000000000001' and m.queue = 'content_reports'
                  and m.claimed_by is null
                order by m.priority_score desc, m.entered_queue_at limit 1);

-- Money rollups: the bulk loads above skipped the transactions triggers that stamp each
-- movement's place and keep the rollups
select pg_temp.bulk(true);
select private.attribute_transactions();
select pg_temp.bulk(false);
select private.rebuild_finance_rollups();

select set_config('request.jwt.claims', '', false);
select set_config('request.headers', '', false);

reset loconomy.skip_audit;
drop table if exists seed_people;
analyze;
reset jit;
