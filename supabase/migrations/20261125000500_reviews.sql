-- Reviews: one per booking, overall + quality/communication/timeliness ratings (1-5),
-- provider response, verification, moderation (hidden_*), helpfulness votes. Triggers keep
-- listings.rating_* and the provider's user_profiles.rating_* in step (visible reviews only).

-- Tables -------------------------------------------------------------------------------
create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  booking_id uuid not null unique references public.bookings (id) on delete restrict,
  listing_id uuid not null references public.listings (id) on delete restrict,
  reviewer_id uuid not null references public.users (id) on delete restrict,
  provider_id uuid not null references public.users (id) on delete restrict,
  rating smallint not null check (rating between 1 and 5),
  quality_rating smallint check (quality_rating between 1 and 5),
  communication_rating smallint check (communication_rating between 1 and 5),
  timeliness_rating smallint check (timeliness_rating between 1 and 5),
  title text check (title is null or length(title) <= 200),
  comment text check (comment is null or length(comment) <= 5000),
  provider_response text check (provider_response is null or length(provider_response) <= 5000),
  provider_responded_at timestamptz,
  is_verified boolean not null default false,
  helpful_count integer not null default 0 check (helpful_count >= 0),
  not_helpful_count integer not null default 0 check (not_helpful_count >= 0),
  hidden_at timestamptz,
  hidden_by uuid references public.users (id) on delete set null,
  hidden_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint reviews_reason_when_hidden check (hidden_at is null or (hidden_reason is not null and length(trim(hidden_reason)) > 0)),
  constraint reviews_response_time check ((provider_response is null) = (provider_responded_at is null)),
  constraint reviews_not_self check (reviewer_id <> provider_id)
);

create table public.review_votes (
  id uuid primary key default gen_random_uuid(),
  review_id uuid not null references public.reviews (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  is_helpful boolean not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (review_id, user_id)
);

-- Indexes ------------------------------------------------------------------------------
create index reviews_tenant_created_idx on public.reviews (tenant_id, created_at desc);
create index reviews_tenant_rating_idx on public.reviews (tenant_id, rating, created_at desc);
create index reviews_listing_idx on public.reviews (listing_id, created_at desc);
create index reviews_reviewer_idx on public.reviews (reviewer_id, created_at desc);
create index reviews_provider_idx on public.reviews (provider_id, created_at desc);
create index reviews_hidden_by_idx on public.reviews (hidden_by);
create index reviews_visible_listing_idx on public.reviews (listing_id, rating)
  where hidden_at is null and deleted_at is null;
create index reviews_hidden_idx on public.reviews (tenant_id, hidden_at desc) where hidden_at is not null;
create index reviews_comment_trgm_idx on public.reviews using gin (comment extensions.gin_trgm_ops);
create index review_votes_user_idx on public.review_votes (user_id);
create index review_votes_tenant_idx on public.review_votes (tenant_id);

-- Grants -------------------------------------------------------------------------------
revoke all on public.reviews, public.review_votes from anon, authenticated, service_role;
grant select on public.reviews to anon;
grant select, insert, update on public.reviews to authenticated;
grant select, insert, update, delete on public.review_votes to authenticated;
grant all on public.reviews, public.review_votes to service_role;

-- Trigger functions --------------------------------------------------------------------

-- reviews before insert: listing, provider, reviewer and tenant come from the booking; only
-- the booking's customer reviews, and only once the service happened
create function private.reviews_prepare_insert() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_booking public.bookings;
begin
  select * into v_booking from public.bookings b where b.id = new.booking_id;
  if not found then
    raise exception 'booking % does not exist', new.booking_id using errcode = '23503';
  end if;
  if v_booking.status not in ('completed', 'disputed', 'refunded') then
    raise exception 'booking % is %, only completed bookings can be reviewed', v_booking.confirmation_code, v_booking.status
      using errcode = '23514';
  end if;
  if new.reviewer_id is not null and new.reviewer_id <> v_booking.customer_id then
    raise exception 'only the booking''s customer can review it' using errcode = '42501';
  end if;
  new.reviewer_id := v_booking.customer_id;
  new.provider_id := v_booking.provider_id;
  new.listing_id := v_booking.listing_id;
  new.tenant_id := v_booking.tenant_id;
  new.is_verified := v_booking.status = 'completed';
  return new;
end
$$;

-- reviews before insert/update: response time and moderator bookkeeping
create function private.reviews_bookkeeping() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if new.provider_response is not null then
      new.provider_responded_at := coalesce(new.provider_responded_at, now());
    end if;
    if new.hidden_at is not null then
      new.hidden_by := coalesce(new.hidden_by, private.current_user_id());
    end if;
    return new;
  end if;
  if new.provider_response is distinct from old.provider_response then
    new.provider_responded_at := case when new.provider_response is null then null else now() end;
  end if;
  if new.hidden_at is distinct from old.hidden_at then
    if new.hidden_at is null then
      new.hidden_by := null;
      new.hidden_reason := null;
    else
      new.hidden_by := coalesce(private.current_user_id(), new.hidden_by);
    end if;
  end if;
  return new;
end
$$;

-- reviews (API callers): the reviewer edits the review, the provider the response, staff
-- with reviews.moderate hide/verify; aggregates and links are the database's
create function private.guard_reviews() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_me uuid;
begin
  if not private.is_api_client() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    new.hidden_at := null;
    new.hidden_by := null;
    new.hidden_reason := null;
    new.provider_response := null;
    new.provider_responded_at := null;
    new.helpful_count := 0;
    new.not_helpful_count := 0;
    return new;
  end if;
  if (new.tenant_id, new.booking_id, new.listing_id, new.reviewer_id, new.provider_id, new.helpful_count, new.not_helpful_count)
     is distinct from (old.tenant_id, old.booking_id, old.listing_id, old.reviewer_id, old.provider_id, old.helpful_count, old.not_helpful_count) then
    raise exception 'a review''s links and vote counts are fixed' using errcode = '42501';
  end if;
  if private.staff_can('reviews.moderate', old.tenant_id) then
    return new;
  end if;
  if (new.hidden_at, new.hidden_reason, new.is_verified) is distinct from (old.hidden_at, old.hidden_reason, old.is_verified) then
    raise exception 'hiding and verifying reviews requires reviews.moderate' using errcode = '42501';
  end if;
  v_me := private.current_user_id();
  if v_me <> old.reviewer_id
     and (new.rating, new.quality_rating, new.communication_rating, new.timeliness_rating, new.title, new.comment, new.deleted_at)
         is distinct from (old.rating, old.quality_rating, old.communication_rating, old.timeliness_rating, old.title, old.comment, old.deleted_at) then
    raise exception 'only the reviewer edits a review' using errcode = '42501';
  end if;
  if v_me <> old.provider_id and new.provider_response is distinct from old.provider_response then
    raise exception 'only the reviewed provider responds' using errcode = '42501';
  end if;
  return new;
end
$$;

-- reviews after change: listing and provider rating aggregates over visible reviews
create function private.reviews_refresh_ratings() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.listings l
     set rating_average = coalesce(agg.avg, 0), rating_count = agg.n
    from (select count(*)::int as n, round(avg(r.rating), 2) as avg
            from public.reviews r
           where r.listing_id = coalesce(new.listing_id, old.listing_id)
             and r.hidden_at is null and r.deleted_at is null) agg
   where l.id = coalesce(new.listing_id, old.listing_id)
     and (l.rating_average, l.rating_count) is distinct from (coalesce(agg.avg, 0), agg.n);
  update public.user_profiles p
     set rating_average = coalesce(agg.avg, 0), rating_count = agg.n
    from (select count(*)::int as n, round(avg(r.rating), 2) as avg
            from public.reviews r
           where r.provider_id = coalesce(new.provider_id, old.provider_id)
             and r.hidden_at is null and r.deleted_at is null) agg
   where p.user_id = coalesce(new.provider_id, old.provider_id)
     and (p.rating_average, p.rating_count) is distinct from (coalesce(agg.avg, 0), agg.n);
  return null;
end
$$;

-- review_votes: nobody votes on their own review
create function private.review_votes_check() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.reviews r where r.id = new.review_id and r.reviewer_id = new.user_id) then
    raise exception 'nobody votes on their own review' using errcode = '23514';
  end if;
  return new;
end
$$;

-- review_votes after change: helpful / not helpful counts on the review
create function private.review_votes_count() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_review uuid := coalesce(new.review_id, old.review_id);
begin
  update public.reviews r
     set helpful_count = (select count(*) from public.review_votes v where v.review_id = v_review and v.is_helpful),
         not_helpful_count = (select count(*) from public.review_votes v where v.review_id = v_review and not v.is_helpful)
   where r.id = v_review;
  return null;
end
$$;

-- Triggers -----------------------------------------------------------------------------
create trigger prepare_insert before insert on public.reviews
  for each row execute function private.reviews_prepare_insert();
create trigger guard_privileged_columns before insert or update on public.reviews
  for each row execute function private.guard_reviews();
create trigger bookkeeping before insert or update on public.reviews
  for each row execute function private.reviews_bookkeeping();
create trigger set_updated_at before update on public.reviews
  for each row execute function private.set_updated_at();
create trigger refresh_ratings after insert or delete or update of rating, hidden_at, deleted_at on public.reviews
  for each row execute function private.reviews_refresh_ratings();
create trigger audit_changes after insert or update or delete on public.reviews
  for each row execute function private.audit_row_change();

create trigger set_tenant before insert or update of user_id on public.review_votes
  for each row execute function private.set_tenant_from_user('user_id');
create trigger not_own_review before insert or update of review_id, user_id on public.review_votes
  for each row execute function private.review_votes_check();
create trigger set_updated_at before update on public.review_votes
  for each row execute function private.set_updated_at();
create trigger count_votes after insert or delete or update of is_helpful on public.review_votes
  for each row execute function private.review_votes_count();

-- Enable RLS ---------------------------------------------------------------------------
alter table public.reviews enable row level security;
alter table public.review_votes enable row level security;

revoke all on all functions in schema private from public, anon;

-- Policies -----------------------------------------------------------------------------
create policy "Anyone can read visible reviews" on public.reviews
  for select to anon
  using (hidden_at is null and deleted_at is null);
create policy "Signed-in users can read visible reviews" on public.reviews
  for select to authenticated
  using (hidden_at is null and deleted_at is null);
create policy "Reviewers and reviewed providers can read their reviews" on public.reviews
  for select to authenticated
  using (reviewer_id = (select private.current_user_id()) or provider_id = (select private.current_user_id()));
create policy "Staff with reviews.moderate can read reviews of their tenant" on public.reviews
  for select to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('reviews.moderate'))::uuid[]));
create policy "Customers can review their own bookings" on public.reviews
  for insert to authenticated
  with check (reviewer_id = (select private.current_user_id()));
create policy "Reviewers can edit their reviews and providers respond" on public.reviews
  for update to authenticated
  using (reviewer_id = (select private.current_user_id()) or provider_id = (select private.current_user_id()))
  with check (reviewer_id = (select private.current_user_id()) or provider_id = (select private.current_user_id()));
create policy "Staff with reviews.moderate can update reviews of their tenant" on public.reviews
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('reviews.moderate'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('reviews.moderate'))::uuid[]));

create policy "Users can read their own votes" on public.review_votes
  for select to authenticated
  using (user_id = (select private.current_user_id()));
create policy "Staff with reviews.moderate can read votes of their tenant" on public.review_votes
  for select to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('reviews.moderate'))::uuid[]));
create policy "Users can vote on reviews they can see" on public.review_votes
  for insert to authenticated
  with check (user_id = (select private.current_user_id())
              and exists (select 1 from public.reviews r where r.id = review_id));
create policy "Users can change their own votes" on public.review_votes
  for update to authenticated
  using (user_id = (select private.current_user_id()))
  with check (user_id = (select private.current_user_id()));
create policy "Users can withdraw their own votes" on public.review_votes
  for delete to authenticated
  using (user_id = (select private.current_user_id()));

-- RPCs ---------------------------------------------------------------------------------

-- Staff moderation: hide (reason required) or restore a review, with an admin_action audit row
create function public.moderate_review(review_id uuid, hide boolean, reason text default null)
returns public.reviews
language plpgsql security definer
set search_path = ''
as $$
declare
  v_old public.reviews;
  v_new public.reviews;
begin
  select * into v_old from public.reviews r where r.id = moderate_review.review_id for update;
  if not found or not private.staff_can('reviews.moderate', v_old.tenant_id) then
    raise exception 'review not found or reviews.moderate missing' using errcode = '42501';
  end if;
  if hide and coalesce(trim(reason), '') = '' then
    raise exception 'a reason is required to hide a review' using errcode = '23514';
  end if;
  update public.reviews r set
    hidden_at = case when hide then coalesce(r.hidden_at, now()) end,
    hidden_reason = case when hide then reason end,
    hidden_by = case when hide then private.current_user_id() end
  where r.id = v_old.id
  returning * into v_new;
  perform private.write_audit('admin_action', 'reviews', v_old.id::text,
    jsonb_build_object('hidden_at', v_old.hidden_at, 'hidden_reason', v_old.hidden_reason),
    jsonb_build_object('hidden_at', v_new.hidden_at, 'hidden_reason', v_new.hidden_reason),
    jsonb_build_object('rpc', 'moderate_review', 'hide', hide, 'reason', reason), v_old.tenant_id);
  return v_new;
end
$$;
revoke all on function public.moderate_review(uuid, boolean, text) from public, anon;
grant execute on function public.moderate_review(uuid, boolean, text) to authenticated, service_role;
