-- One argument style for staff functions: every argument carries the `p_` prefix most of them
-- already use, so a client (and the registry's record actions) never guesses. PostgreSQL cannot
-- rename the arguments of an existing function, so the three that differed are dropped and
-- created again with the same bodies; callers passing arguments by position are unaffected.
--
-- Like the other staff functions they now tell a missing row (404, PT404) from one the caller
-- may not touch (403, 42501): a caller without the permission gets 42501 whatever the id.
--
-- And the first bulk staff function: moderate_reviews hides or restores a selection of
-- reviews in one request, reporting what happened to each.
--
-- Sections: renamed functions, bulk review moderation.

-- Renamed functions ----------------------------------------------------------------------

drop function public.moderate_listing(uuid, text, text);

-- Staff moderation in one transaction: permission check, the change, an admin_action audit
-- row (the row trigger records the update itself). p_decision: approve | flag | reject |
-- suspend | reinstate; flag, reject and suspend need a reason.
create function public.moderate_listing(p_listing_id uuid, p_decision text, p_reason text default null)
returns public.listings
language plpgsql security definer
set search_path = ''
as $$
declare
  v_old public.listings;
  v_new public.listings;
begin
  if not private.has_permission('listings.moderate') then
    raise exception 'permission denied: listings.moderate is required to moderate listings' using errcode = '42501';
  end if;
  select * into v_old from public.listings l where l.id = p_listing_id and l.deleted_at is null for update;
  if not found then
    raise exception 'listing % does not exist', p_listing_id using errcode = 'PT404';
  end if;
  if not private.staff_can('listings.moderate', v_old.tenant_id) then
    raise exception 'permission denied: listing % belongs to another tenant', p_listing_id using errcode = '42501';
  end if;
  if p_decision is null or p_decision not in ('approve', 'flag', 'reject', 'suspend', 'reinstate') then
    raise exception 'unknown decision % (approve, flag, reject, suspend, reinstate)', p_decision using errcode = '22023';
  end if;
  if p_decision in ('flag', 'reject', 'suspend') and coalesce(trim(p_reason), '') = '' then
    raise exception 'a reason is required to % a listing', p_decision using errcode = '23514';
  end if;
  update public.listings l set
    moderation_status = case p_decision
      when 'approve' then 'approved' when 'flag' then 'flagged' when 'reject' then 'rejected'
      when 'suspend' then 'rejected' when 'reinstate' then 'approved' end,
    moderation_reason = case when p_decision in ('approve', 'reinstate') then null else p_reason end,
    status = case p_decision
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
    jsonb_build_object('rpc', 'moderate_listing', 'decision', p_decision, 'reason', p_reason),
    v_old.tenant_id);
  return v_new;
end
$$;
revoke all on function public.moderate_listing(uuid, text, text) from public, anon;
grant execute on function public.moderate_listing(uuid, text, text) to authenticated, service_role;

drop function public.moderate_review(uuid, boolean, text);

-- Staff moderation: hide (reason required) or restore a review, with an admin_action audit row
create function public.moderate_review(p_review_id uuid, p_hide boolean, p_reason text default null)
returns public.reviews
language plpgsql security definer
set search_path = ''
as $$
declare
  v_old public.reviews;
  v_new public.reviews;
begin
  if not private.has_permission('reviews.moderate') then
    raise exception 'permission denied: reviews.moderate is required to moderate reviews' using errcode = '42501';
  end if;
  select * into v_old from public.reviews r where r.id = p_review_id for update;
  if not found then
    raise exception 'review % does not exist', p_review_id using errcode = 'PT404';
  end if;
  if not private.staff_can('reviews.moderate', v_old.tenant_id) then
    raise exception 'permission denied: review % belongs to another tenant', p_review_id using errcode = '42501';
  end if;
  if p_hide is null then
    raise exception 'say whether to hide (true) or restore (false) the review' using errcode = '22023';
  end if;
  if p_hide and coalesce(trim(p_reason), '') = '' then
    raise exception 'a reason is required to hide a review' using errcode = '23514';
  end if;
  update public.reviews r set
    hidden_at = case when p_hide then coalesce(r.hidden_at, now()) end,
    hidden_reason = case when p_hide then p_reason end,
    hidden_by = case when p_hide then private.current_user_id() end
  where r.id = v_old.id
  returning * into v_new;
  perform private.write_audit('admin_action', 'reviews', v_old.id::text,
    jsonb_build_object('hidden_at', v_old.hidden_at, 'hidden_reason', v_old.hidden_reason),
    jsonb_build_object('hidden_at', v_new.hidden_at, 'hidden_reason', v_new.hidden_reason),
    jsonb_build_object('rpc', 'moderate_review', 'hide', p_hide, 'reason', p_reason), v_old.tenant_id);
  return v_new;
end
$$;
revoke all on function public.moderate_review(uuid, boolean, text) from public, anon;
grant execute on function public.moderate_review(uuid, boolean, text) to authenticated, service_role;

drop function public.set_booking_status(uuid, public.booking_status, text);

-- Staff status change (dispute resolution, refund, cancellation) in one transaction, with an
-- admin_action audit row carrying the reason
create function public.set_booking_status(p_booking_id uuid, p_new_status public.booking_status, p_reason text default null)
returns public.bookings
language plpgsql security definer
set search_path = ''
as $$
declare
  v_old public.bookings;
  v_new public.bookings;
begin
  if not private.has_permission('bookings.manage') then
    raise exception 'permission denied: bookings.manage is required to change a booking''s status' using errcode = '42501';
  end if;
  select * into v_old from public.bookings b where b.id = p_booking_id for update;
  if not found then
    raise exception 'booking % does not exist', p_booking_id using errcode = 'PT404';
  end if;
  if not private.staff_can('bookings.manage', v_old.tenant_id) then
    raise exception 'permission denied: booking % belongs to another tenant', p_booking_id using errcode = '42501';
  end if;
  if p_new_status is null then
    raise exception 'a new status is required' using errcode = '22023';
  end if;
  update public.bookings b set
    status = p_new_status,
    cancellation_reason = case when p_new_status = 'cancelled' then coalesce(p_reason, b.cancellation_reason) else b.cancellation_reason end,
    dispute_reason = case when p_new_status = 'disputed' then coalesce(p_reason, b.dispute_reason) else b.dispute_reason end
  where b.id = v_old.id
  returning * into v_new;
  perform private.write_audit('admin_action', 'bookings', v_old.id::text,
    jsonb_build_object('status', v_old.status), jsonb_build_object('status', v_new.status),
    jsonb_build_object('rpc', 'set_booking_status', 'reason', p_reason), v_old.tenant_id);
  return v_new;
end
$$;
revoke all on function public.set_booking_status(uuid, public.booking_status, text) from public, anon;
grant execute on function public.set_booking_status(uuid, public.booking_status, text) to authenticated, service_role;

-- Bulk review moderation -----------------------------------------------------------------

-- Hides (reason required) or restores every review of a selection, or none: each row is
-- locked and checked first, and if any is refused (not found, or outside the caller's
-- reviews.moderate tenants — the two are not told apart, so ids of other tenants stay
-- unconfirmed) nothing changes. One row per distinct id says what happened to it:
--   done     hidden or restored (moderate_review wrote its audit row)
--   refused  why, in `message`
--   skipped  would have been done; left alone because others in the selection were refused
create function public.moderate_reviews(p_review_ids uuid[], p_hide boolean, p_reason text default null)
returns table (id uuid, outcome text, message text)
language plpgsql security definer
set search_path = ''
as $$
declare
  v_ids uuid[];
  v_refused uuid[] := '{}';
  v_id uuid;
  v_tenant uuid;
begin
  select coalesce(array_agg(distinct u order by u), '{}') into v_ids from unnest(p_review_ids) u where u is not null;
  if cardinality(v_ids) = 0 then
    raise exception 'select at least one review' using errcode = '22023';
  end if;
  if cardinality(v_ids) > 1000 then
    raise exception 'at most 1000 reviews at once (got %)', cardinality(v_ids) using errcode = '22023';
  end if;
  if p_hide is null then
    raise exception 'say whether to hide (true) or restore (false) the reviews' using errcode = '22023';
  end if;
  if p_hide and coalesce(trim(p_reason), '') = '' then
    raise exception 'a reason is required to hide a review' using errcode = '23514';
  end if;

  -- in key order, so two overlapping bulk calls lock the same way round
  foreach v_id in array v_ids loop
    select r.tenant_id into v_tenant from public.reviews r where r.id = v_id for update;
    if not found or not private.staff_can('reviews.moderate', v_tenant) then
      v_refused := v_refused || v_id;
    end if;
  end loop;

  foreach v_id in array v_ids loop
    id := v_id;
    if v_id = any (v_refused) then
      outcome := 'refused';
      message := 'review not found or reviews.moderate missing';
    elsif cardinality(v_refused) > 0 then
      outcome := 'skipped';
      message := format('nothing was changed: %s of the %s selected could not be moderated',
                        cardinality(v_refused), cardinality(v_ids));
    else
      perform public.moderate_review(v_id, p_hide, p_reason);
      outcome := 'done';
      message := case when p_hide then 'hidden' else 'restored' end;
    end if;
    return next;
  end loop;
end
$$;
revoke all on function public.moderate_reviews(uuid[], boolean, text) from public, anon;
grant execute on function public.moderate_reviews(uuid[], boolean, text) to authenticated, service_role;
