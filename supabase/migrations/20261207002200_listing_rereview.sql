-- Re-review after a material edit (issue 31). A provider's edit of an approved (or rejected)
-- listing's title, description or media already sent it back to pending; price and category
-- did not, so an approved plumber could become a €5,000 "consultation" in another category
-- unseen. Now a material edit is any change of title, description, media, price (amount or
-- pricing type) or category; a tenant may turn re-review off with
-- tenants.settings.moderation.rereview_material_edits = false.
--
-- The moderator sees what changed: listing_approved_versions keeps each listing's material
-- fields as they were last approved (written only by the trigger when a listing becomes
-- approved), and listing_changes_since_approval(listing) answers field by field.

create table public.listing_approved_versions (
  listing_id uuid primary key references public.listings (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id),
  approved_at timestamptz not null default now(),
  approved_by uuid references public.users (id) on delete set null,
  title text not null,
  description text not null,
  media jsonb not null,
  price_cents bigint not null,
  pricing_type public.pricing_type not null,
  currency char(3) not null,
  category_id uuid references public.categories (id) on delete set null
);
comment on table public.listing_approved_versions is
  'Each listing''s material fields as last approved by moderation; written only by the listings trigger.';
create index listing_approved_versions_tenant_id_idx on public.listing_approved_versions (tenant_id, approved_at desc);
create index listing_approved_versions_approved_by_idx on public.listing_approved_versions (approved_by);
create index listing_approved_versions_category_id_idx on public.listing_approved_versions (category_id);

alter table public.listing_approved_versions enable row level security;
revoke all on table public.listing_approved_versions from anon, authenticated;
grant select on table public.listing_approved_versions to authenticated;
grant all on table public.listing_approved_versions to service_role;
create policy "Staff with listings.moderate can read approved versions of their tenant" on public.listing_approved_versions
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('listings.moderate'))::uuid[]));
create policy "Providers can read the approved versions of their listings" on public.listing_approved_versions
  for select to authenticated using (exists (select 1 from public.listings l
                                               where l.id = listing_id and l.provider_id = (select private.current_user_id())));

-- Whether the tenant re-reviews material edits (on unless turned off).
create function private.rereviews_material_edits(p_tenant_id uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select (t.settings -> 'moderation' ->> 'rereview_material_edits')::boolean
                     from public.tenants t where t.id = p_tenant_id), true)
$$;
revoke all on function private.rereviews_material_edits(uuid) from public, anon;
-- the listings guard runs as the editing provider
grant execute on function private.rereviews_material_edits(uuid) to authenticated, service_role;

-- Only a valid boolean turns it off; anything else is refused where the setting is written.
alter table public.tenants add constraint tenants_rereview_setting_check check (
  jsonb_typeof(settings -> 'moderation' -> 'rereview_material_edits') is null
  or jsonb_typeof(settings -> 'moderation' -> 'rereview_material_edits') = 'boolean');

-- The provider's side of a listing edit, as before, with price and category now material.
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
    -- a material edit of a reviewed listing goes back to the moderation queue (unless the
    -- tenant turned re-review off; a rejected listing always goes back: that is how it returns)
    if old.moderation_status in ('approved', 'rejected')
       and (new.title, new.description, new.media, new.price_cents, new.pricing_type, new.category_id)
           is distinct from (old.title, old.description, old.media, old.price_cents, old.pricing_type, old.category_id)
       and (old.moderation_status = 'rejected' or private.rereviews_material_edits(old.tenant_id)) then
      new.moderation_status := 'pending';
    end if;
  end if;
  return new;
end
$$;

-- Keeps the approved version: whenever a listing becomes approved, its material fields now.
create function private.listings_keep_approved_version() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.moderation_status = 'approved' and (tg_op = 'INSERT' or old.moderation_status is distinct from 'approved') then
    insert into public.listing_approved_versions as v (listing_id, tenant_id, approved_at, approved_by, title, description,
                                                       media, price_cents, pricing_type, currency, category_id)
    values (new.id, new.tenant_id, coalesce(new.moderated_at, now()), new.moderated_by, new.title, new.description,
            new.media, new.price_cents, new.pricing_type, new.currency, new.category_id)
    on conflict (listing_id) do update set
      tenant_id = excluded.tenant_id, approved_at = excluded.approved_at, approved_by = excluded.approved_by,
      title = excluded.title, description = excluded.description, media = excluded.media,
      price_cents = excluded.price_cents, pricing_type = excluded.pricing_type, currency = excluded.currency,
      category_id = excluded.category_id;
  end if;
  return null;
end
$$;
revoke all on function private.listings_keep_approved_version() from public, anon, authenticated;
-- No column list: a BEFORE trigger (the guard) may be what changed moderation_status, and a
-- column-listed trigger only sees the columns the statement named.
create trigger keep_approved_version after insert or update on public.listings
  for each row execute function private.listings_keep_approved_version();
-- The same mistake kept a provider's edit out of the queue: the guard set it pending, but the
-- provider's UPDATE named title or price, not moderation_status, so the queue's trigger never
-- ran. It now looks at every update (its function decides from old and new).
drop trigger moderation_queue on public.listings;
create trigger moderation_queue after insert or update on public.listings
  for each row execute function private.moderation_on_listing();

-- What changed since the last approval, one row per material field that differs, in the
-- order a moderator reads a listing. Invoker: the caller's RLS decides what they may see.
create function public.listing_changes_since_approval(p_listing_id uuid)
returns table (field text, label text, approved jsonb, current jsonb, approved_at timestamptz)
language sql stable
set search_path = ''
as $$
  select f.field, f.label, f.approved, f.current, v.approved_at
    from public.listings l
    join public.listing_approved_versions v on v.listing_id = l.id
    cross join lateral (values
      (1, 'title', 'Title', to_jsonb(v.title), to_jsonb(l.title), v.title is distinct from l.title),
      (2, 'description', 'Description', to_jsonb(v.description), to_jsonb(l.description), v.description is distinct from l.description),
      (3, 'price', 'Price', jsonb_build_object('price_cents', v.price_cents, 'pricing_type', v.pricing_type, 'currency', v.currency),
                            jsonb_build_object('price_cents', l.price_cents, 'pricing_type', l.pricing_type, 'currency', l.currency),
          (v.price_cents, v.pricing_type, v.currency) is distinct from (l.price_cents, l.pricing_type, l.currency)),
      -- by id: a category renamed since is not a change of this listing
      (4, 'category', 'Category',
          jsonb_build_object('id', v.category_id, 'name', (select c.name from public.categories c where c.id = v.category_id)),
          jsonb_build_object('id', l.category_id, 'name', (select c.name from public.categories c where c.id = l.category_id)),
          v.category_id is distinct from l.category_id),
      (5, 'media', 'Photos', v.media, l.media, v.media is distinct from l.media)
    ) as f (n, field, label, approved, current, differs)
   where l.id = p_listing_id and f.differs
   order by f.n
$$;
revoke all on function public.listing_changes_since_approval(uuid) from public, anon;
grant execute on function public.listing_changes_since_approval(uuid) to authenticated, service_role;

-- Listings approved before this migration (or loaded in bulk, which skips triggers): their
-- current content is the best record of what was approved. Returns how many it recorded.
create function private.backfill_listing_approved_versions()
returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  v_rows bigint;
begin
  insert into public.listing_approved_versions (listing_id, tenant_id, approved_at, approved_by, title, description, media,
                                                price_cents, pricing_type, currency, category_id)
  select l.id, l.tenant_id, coalesce(l.moderated_at, l.updated_at), l.moderated_by, l.title, l.description, l.media,
         l.price_cents, l.pricing_type, l.currency, l.category_id
    from public.listings l
   where l.moderation_status = 'approved'
  on conflict (listing_id) do nothing;
  get diagnostics v_rows = row_count;
  return v_rows;
end
$$;
revoke all on function private.backfill_listing_approved_versions() from public, anon, authenticated;

select private.backfill_listing_approved_versions();
