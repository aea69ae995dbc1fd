-- Catalog: the category tree, tags, providers' listings (weighted full-text search, PostGIS
-- location, moderation) and listing_tags. Categories and tags are global reference data.

-- Enums --------------------------------------------------------------------------------
create type public.listing_status as enum ('draft', 'active', 'paused', 'inactive', 'suspended');
create type public.pricing_type as enum ('hourly', 'fixed', 'custom');
create type public.location_type as enum ('on_site', 'remote', 'both');

-- Tables -------------------------------------------------------------------------------
create table public.categories (
  id uuid primary key default gen_random_uuid(),
  parent_id uuid references public.categories (id) on delete restrict,
  name text not null check (length(trim(name)) > 0),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  description text,
  icon text,
  sort_order integer not null default 0,
  is_active boolean not null default true,
  -- maintained by trigger from the parent chain
  depth smallint not null default 0,
  path text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint categories_not_own_parent check (parent_id is distinct from id)
);
comment on column public.categories.path is 'Slash-separated slugs from the root, e.g. home/plumbing/leak-repair (trigger-maintained).';

create table public.tags (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) between 1 and 60),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  usage_count integer not null default 0 check (usage_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.listings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  provider_id uuid not null references public.users (id) on delete restrict,
  category_id uuid references public.categories (id) on delete set null,
  city_id uuid references public.cities (id) on delete set null,
  title text not null check (length(trim(title)) between 3 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 220),
  description text not null default '' check (length(description) <= 20000),
  status public.listing_status not null default 'draft',
  pricing_type public.pricing_type not null default 'fixed',
  location_type public.location_type not null default 'on_site',
  price_cents bigint not null check (price_cents >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  duration_minutes integer check (duration_minutes is null or duration_minutes between 5 and 10080),
  location extensions.geography(point, 4326),
  address jsonb not null default '{}'::jsonb check (jsonb_typeof(address) = 'object'),
  service_radius_m integer check (service_radius_m is null or service_radius_m between 0 and 500000),
  keywords text[] not null default '{}',
  media jsonb not null default '[]'::jsonb check (jsonb_typeof(media) = 'array'),
  seo_title text check (seo_title is null or length(seo_title) <= 120),
  seo_description text check (seo_description is null or length(seo_description) <= 320),
  moderation_status text not null default 'pending'
    check (moderation_status in ('pending', 'approved', 'flagged', 'rejected')),
  moderation_reason text,
  moderated_by uuid references public.users (id) on delete set null,
  moderated_at timestamptz,
  search_vector tsvector,
  rating_average numeric(3, 2) not null default 0 check (rating_average between 0 and 5),
  rating_count integer not null default 0 check (rating_count >= 0),
  booking_count integer not null default 0 check (booking_count >= 0),
  is_featured boolean not null default false,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint listings_located_when_on_site check (location_type = 'remote' or location is not null),
  constraint listings_radius_when_on_site check (location_type = 'remote' or service_radius_m is not null),
  constraint listings_reason_when_flagged check (moderation_status not in ('flagged', 'rejected') or moderation_reason is not null),
  constraint listings_price_when_not_custom check (pricing_type = 'custom' or price_cents > 0)
);
comment on column public.listings.search_vector is 'Trigger-maintained: title (A), description (B), keywords and tag names (C).';
comment on column public.listings.moderation_status is 'pending | approved | flagged | rejected; flagged and rejected need moderation_reason.';

create table public.listing_tags (
  listing_id uuid not null references public.listings (id) on delete cascade,
  tag_id uuid not null references public.tags (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  created_at timestamptz not null default now(),
  primary key (listing_id, tag_id)
);

-- Indexes ------------------------------------------------------------------------------
create index categories_parent_idx on public.categories (parent_id, sort_order);
create index categories_name_trgm_idx on public.categories using gin (name extensions.gin_trgm_ops);
create index categories_active_idx on public.categories (sort_order, name) where is_active;

create index tags_name_trgm_idx on public.tags using gin (name extensions.gin_trgm_ops);
create unique index tags_name_key on public.tags (lower(name));

create index listings_tenant_created_idx on public.listings (tenant_id, created_at desc);
create index listings_tenant_status_idx on public.listings (tenant_id, status, created_at desc);
create index listings_provider_idx on public.listings (provider_id, created_at desc);
create index listings_category_idx on public.listings (category_id, created_at desc);
create index listings_city_idx on public.listings (city_id);
create index listings_moderated_by_idx on public.listings (moderated_by);
create index listings_moderation_queue_idx on public.listings (tenant_id, moderation_status, created_at)
  where moderation_status in ('pending', 'flagged') and deleted_at is null;
create index listings_active_idx on public.listings (category_id, rating_average desc)
  where status = 'active' and deleted_at is null;
create index listings_active_price_idx on public.listings (price_cents)
  where status = 'active' and deleted_at is null;
create index listings_search_idx on public.listings using gin (search_vector);
create index listings_title_trgm_idx on public.listings using gin (title extensions.gin_trgm_ops);
create index listings_location_idx on public.listings using gist (location) where deleted_at is null;
create index listings_keywords_idx on public.listings using gin (keywords);
create index listings_media_idx on public.listings using gin (media jsonb_path_ops);

create index listing_tags_tag_idx on public.listing_tags (tag_id);
create index listing_tags_tenant_idx on public.listing_tags (tenant_id);

-- Grants -------------------------------------------------------------------------------
revoke all on public.categories, public.tags, public.listings, public.listing_tags
  from anon, authenticated, service_role;
grant select on public.categories, public.tags, public.listings, public.listing_tags to anon;
grant select, insert, update, delete on public.categories, public.tags to authenticated;
grant select, insert, update on public.listings to authenticated;
grant select, insert, delete on public.listing_tags to authenticated;
grant all on public.categories, public.tags, public.listings, public.listing_tags to service_role;

-- Trigger functions --------------------------------------------------------------------

create function private.slugify(value text) returns text
language sql immutable
set search_path = ''
as $$
  select trim(both '-' from regexp_replace(lower(coalesce(value, '')), '[^a-z0-9]+', '-', 'g'))
$$;

-- categories: depth and path from the parent chain; no cycles
create function private.categories_tree() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_parent public.categories;
begin
  if new.parent_id is null then
    new.depth := 0;
    new.path := new.slug;
    return new;
  end if;
  select * into v_parent from public.categories c where c.id = new.parent_id;
  if not found then
    raise exception 'parent category % does not exist', new.parent_id using errcode = '23503';
  end if;
  if tg_op = 'UPDATE' and (v_parent.path = old.path or v_parent.path like old.path || '/%') then
    raise exception 'category % cannot be moved under its own descendant', new.slug using errcode = '23514';
  end if;
  new.depth := v_parent.depth + 1;
  new.path := v_parent.path || '/' || new.slug;
  return new;
end
$$;

-- categories: a moved or renamed category carries its subtree along
create function private.categories_cascade_path() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.categories c set parent_id = c.parent_id where c.parent_id = new.id;
  return null;
end
$$;

-- the listing's search document: title A, description B, keywords and tag names C
create function private.listing_search_vector(listing_id uuid, title text, description text, keywords text[])
returns tsvector
language sql stable security definer
set search_path = ''
as $$
  select setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')
      || setweight(to_tsvector('english'::regconfig, concat_ws(' ',
           array_to_string(keywords, ' '),
           (select string_agg(t.name, ' ') from public.listing_tags lt join public.tags t on t.id = lt.tag_id
             where lt.listing_id = listing_search_vector.listing_id))), 'C')
$$;

-- listings: slug, search vector, publication and moderation bookkeeping
create function private.listings_prepare() returns trigger
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
    new.moderated_at := now();
    new.moderated_by := coalesce(private.current_user_id(), new.moderated_by);
  end if;
  return new;
end
$$;

-- listings (API callers): the owner edits content; moderation, suspension, ownership and
-- aggregates belong to staff with listings.moderate or to the database
create function private.guard_listings() returns trigger
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
    -- content edits of a reviewed listing go back to the moderation queue
    if old.moderation_status in ('approved', 'rejected')
       and (new.title, new.description, new.media) is distinct from (old.title, old.description, old.media) then
      new.moderation_status := 'pending';
    end if;
  end if;
  return new;
end
$$;

create function private.set_tenant_from_listing() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  select l.tenant_id into new.tenant_id from public.listings l where l.id = new.listing_id;
  if new.tenant_id is null then
    raise exception 'listing % does not exist', new.listing_id using errcode = '23503';
  end if;
  return new;
end
$$;

-- listing_tags: tag usage counts and the listing's search vector follow the links
create function private.listing_tags_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_listing uuid := coalesce(new.listing_id, old.listing_id);
  v_tag uuid := coalesce(new.tag_id, old.tag_id);
begin
  update public.tags t
     set usage_count = (select count(*) from public.listing_tags lt where lt.tag_id = v_tag)
   where t.id = v_tag;
  update public.listings l
     set search_vector = private.listing_search_vector(l.id, l.title, l.description, l.keywords)
   where l.id = v_listing;
  return null;
end
$$;

-- Triggers -----------------------------------------------------------------------------
create trigger set_updated_at before update on public.categories
  for each row execute function private.set_updated_at();
create trigger maintain_tree before insert or update of parent_id, slug on public.categories
  for each row execute function private.categories_tree();
create trigger cascade_path after update of parent_id, slug on public.categories
  for each row when (new.path is distinct from old.path)
  execute function private.categories_cascade_path();
create trigger audit_changes after insert or update or delete on public.categories
  for each row execute function private.audit_row_change();

create trigger set_updated_at before update on public.tags
  for each row execute function private.set_updated_at();

create trigger set_tenant before insert or update of provider_id on public.listings
  for each row execute function private.set_tenant_from_user('provider_id');
create trigger guard_privileged_columns before insert or update on public.listings
  for each row execute function private.guard_listings();
create trigger prepare_listing before insert or update on public.listings
  for each row execute function private.listings_prepare();
create trigger set_updated_at before update on public.listings
  for each row execute function private.set_updated_at();
create trigger audit_changes after insert or update or delete on public.listings
  for each row execute function private.audit_row_change('search_vector');

create trigger set_tenant before insert or update of listing_id on public.listing_tags
  for each row execute function private.set_tenant_from_listing();
create trigger maintain_counts_and_search after insert or delete on public.listing_tags
  for each row execute function private.listing_tags_changed();

-- Enable RLS ---------------------------------------------------------------------------
alter table public.categories enable row level security;
alter table public.tags enable row level security;
alter table public.listings enable row level security;
alter table public.listing_tags enable row level security;

revoke all on all functions in schema private from public, anon;
grant execute on function private.slugify(text), private.listing_search_vector(uuid, text, text, text[])
  to authenticated, service_role;

-- Policies -----------------------------------------------------------------------------
-- categories and tags (global)
create policy "Anyone can read active categories" on public.categories
  for select to anon
  using (is_active);
create policy "Signed-in users can read active categories" on public.categories
  for select to authenticated
  using (is_active or (select private.has_permission('catalog.manage')));
create policy "Super admins with catalog.manage can add categories" on public.categories
  for insert to authenticated
  with check ((select private.is_super_admin()) and (select private.has_permission('catalog.manage')));
create policy "Super admins with catalog.manage can update categories" on public.categories
  for update to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('catalog.manage')))
  with check ((select private.is_super_admin()) and (select private.has_permission('catalog.manage')));
create policy "Super admins with catalog.manage can delete categories" on public.categories
  for delete to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('catalog.manage')));

create policy "Anyone can read tags" on public.tags
  for select to anon
  using (true);
create policy "Signed-in users can read tags" on public.tags
  for select to authenticated
  using (true);
create policy "Super admins with catalog.manage can add tags" on public.tags
  for insert to authenticated
  with check ((select private.is_super_admin()) and (select private.has_permission('catalog.manage')));
create policy "Super admins with catalog.manage can update tags" on public.tags
  for update to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('catalog.manage')))
  with check ((select private.is_super_admin()) and (select private.has_permission('catalog.manage')));
create policy "Super admins with catalog.manage can delete tags" on public.tags
  for delete to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('catalog.manage')));

-- listings
create policy "Anyone can read active listings" on public.listings
  for select to anon
  using (status = 'active' and deleted_at is null);
create policy "Signed-in users can read active listings" on public.listings
  for select to authenticated
  using (status = 'active' and deleted_at is null);
create policy "Providers can read their own listings" on public.listings
  for select to authenticated
  using (provider_id = (select private.current_user_id()));
create policy "Staff with listings.read can read listings of their tenant" on public.listings
  for select to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('listings.read'))::uuid[]));
create policy "Providers can create their own listings" on public.listings
  for insert to authenticated
  with check (provider_id = (select private.current_user_id())
              and (select private.current_user_role()) = 'provider');
create policy "Providers can update their own listings" on public.listings
  for update to authenticated
  using (provider_id = (select private.current_user_id()) and deleted_at is null)
  with check (provider_id = (select private.current_user_id()));
create policy "Staff with listings.moderate can update listings of their tenant" on public.listings
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('listings.moderate'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('listings.moderate'))::uuid[]));

-- listing_tags: visible with the listing (the subquery runs under the caller's listing policies)
create policy "Anyone can read tags of active listings" on public.listing_tags
  for select to anon
  using (exists (select 1 from public.listings l where l.id = listing_id));
create policy "Signed-in users can read tags of listings they can see" on public.listing_tags
  for select to authenticated
  using (exists (select 1 from public.listings l where l.id = listing_id));
create policy "Providers can tag their own listings" on public.listing_tags
  for insert to authenticated
  with check (exists (select 1 from public.listings l
                       where l.id = listing_id and l.provider_id = (select private.current_user_id())));
create policy "Providers can untag their own listings" on public.listing_tags
  for delete to authenticated
  using (exists (select 1 from public.listings l
                  where l.id = listing_id and l.provider_id = (select private.current_user_id())));

-- RPCs ---------------------------------------------------------------------------------

-- Staff moderation in one transaction: permission check, the change, an admin_action audit
-- row (the row trigger records the update itself). decision: approve | flag | reject |
-- suspend | reinstate.
create function public.moderate_listing(listing_id uuid, decision text, reason text default null)
returns public.listings
language plpgsql security definer
set search_path = ''
as $$
declare
  v_old public.listings;
  v_new public.listings;
begin
  select * into v_old from public.listings l where l.id = moderate_listing.listing_id and l.deleted_at is null for update;
  if not found or not private.staff_can('listings.moderate', v_old.tenant_id) then
    raise exception 'listing not found or listings.moderate missing' using errcode = '42501';
  end if;
  if decision is null or decision not in ('approve', 'flag', 'reject', 'suspend', 'reinstate') then
    raise exception 'unknown decision % (approve, flag, reject, suspend, reinstate)', decision using errcode = '22023';
  end if;
  if decision in ('flag', 'reject', 'suspend') and coalesce(trim(reason), '') = '' then
    raise exception 'a reason is required to % a listing', decision using errcode = '23514';
  end if;
  update public.listings l set
    moderation_status = case decision
      when 'approve' then 'approved' when 'flag' then 'flagged' when 'reject' then 'rejected'
      when 'suspend' then 'rejected' when 'reinstate' then 'approved' end,
    moderation_reason = case when decision in ('approve', 'reinstate') then null else reason end,
    status = case decision
      when 'suspend' then 'suspended'::public.listing_status
      when 'reject' then case when l.status = 'active' then 'inactive'::public.listing_status else l.status end
      when 'reinstate' then case when l.status = 'suspended' then 'active'::public.listing_status else l.status end
      else l.status end,
    moderated_by = private.current_user_id(),
    moderated_at = now()
  where l.id = v_old.id
  returning * into v_new;
  perform private.write_audit('admin_action', 'listings', v_old.id::text,
    jsonb_build_object('status', v_old.status, 'moderation_status', v_old.moderation_status),
    jsonb_build_object('status', v_new.status, 'moderation_status', v_new.moderation_status),
    jsonb_build_object('rpc', 'moderate_listing', 'decision', decision, 'reason', reason),
    v_old.tenant_id);
  return v_new;
end
$$;

-- Full-text search over active listings, best match first (title > description > keywords)
create function public.search_listings(
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
   where l.status = 'active' and l.deleted_at is null
     and (query.tsq is null or l.search_vector @@ query.tsq)
     and (filter_category_id is null or l.category_id = filter_category_id)
     and (filter_city_id is null or l.city_id = filter_city_id)
     and (min_price_cents is null or l.price_cents >= min_price_cents)
     and (max_price_cents is null or l.price_cents <= max_price_cents)
   order by rank desc, l.rating_average desc, l.id
   limit least(greatest(coalesce(max_results, 20), 1), 100)
  offset greatest(coalesce(skip, 0), 0)
$$;

-- Active listings within radius_m metres of (lat, lng), nearest first (GIST index on location)
create function public.search_listings_nearby(
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
   where l.status = 'active' and l.deleted_at is null
     and extensions.st_dwithin(l.location, origin.g, least(greatest(radius_m, 0), 500000))
     and (origin.tsq is null or l.search_vector @@ origin.tsq)
     and (filter_category_id is null or l.category_id = filter_category_id)
   order by distance_m, l.id
   limit least(greatest(coalesce(max_results, 20), 1), 100)
$$;

revoke all on function public.moderate_listing(uuid, text, text) from public, anon;
grant execute on function public.moderate_listing(uuid, text, text) to authenticated, service_role;
revoke all on function public.search_listings(text, uuid, uuid, bigint, bigint, integer, integer) from public;
grant execute on function public.search_listings(text, uuid, uuid, bigint, bigint, integer, integer)
  to anon, authenticated, service_role;
revoke all on function public.search_listings_nearby(double precision, double precision, double precision, text, uuid, integer) from public;
grant execute on function public.search_listings_nearby(double precision, double precision, double precision, text, uuid, integer)
  to anon, authenticated, service_role;
