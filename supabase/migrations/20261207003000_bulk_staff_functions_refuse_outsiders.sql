-- The two bulk staff functions answer a caller who may moderate nothing with 42501, as every
-- other staff function does (issue 32: every definer function refuses anon, customers and
-- providers). Before, they reported each selected row as refused — nothing changed, but a
-- customer learnt which ids existed only through the wording, and the call looked accepted.
-- Staff holding the permission in another tenant still get the per-row report.
set local lock_timeout = '5s';

create or replace function public.moderate_reviews(p_review_ids uuid[], p_hide boolean, p_reason text default null)
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
  if not private.has_permission('reviews.moderate') then
    raise exception 'permission denied: moderating reviews needs reviews.moderate' using errcode = '42501';
  end if;
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

create or replace function public.decide_moderation_items(
  p_item_ids uuid[],
  p_decision text,
  p_reason_code text default null,
  p_note text default null)
returns table (id uuid, outcome text, message text)
language plpgsql security definer
set search_path = ''
as $$
declare
  v_ids uuid[];
  v_refused jsonb := '{}';
  v_id uuid;
  v_item public.moderation_items;
  v_me uuid := private.current_user_id();
begin
  if not (private.has_permission('listings.moderate') or private.has_permission('reviews.moderate')
          or private.has_permission('bookings.manage') or private.has_permission('reports.resolve')) then
    raise exception 'permission denied: moderation needs listings.moderate, reviews.moderate, bookings.manage or reports.resolve'
      using errcode = '42501';
  end if;
  select coalesce(array_agg(distinct u order by u), '{}') into v_ids from unnest(p_item_ids) u where u is not null;
  if cardinality(v_ids) = 0 then
    raise exception 'select at least one item' using errcode = '22023';
  end if;
  if cardinality(v_ids) > 500 then
    raise exception 'at most 500 items at once (got %)', cardinality(v_ids) using errcode = '22023';
  end if;
  if p_decision is null or p_decision not in ('approve', 'reject', 'ignore', 'escalate') then
    raise exception 'unknown decision % (approve, reject, ignore, escalate)', p_decision using errcode = '22023';
  end if;
  if p_decision = 'reject' and p_reason_code is null and nullif(trim(p_note), '') is null then
    raise exception 'a reason template or a note is required to reject' using errcode = '23514';
  end if;

  foreach v_id in array v_ids loop
    begin
      v_item := private.lock_moderation_item(v_id, null);
      if v_item.status not in ('pending', 'escalated') then
        v_refused := v_refused || jsonb_build_object(v_id, format('already decided (%s)', v_item.status));
      elsif v_item.claimed_by is not null and v_item.claimed_by <> v_me and v_item.claim_expires_at > now() then
        v_refused := v_refused || jsonb_build_object(v_id, 'claimed by a colleague');
      elsif p_decision = 'reject' and v_item.target_type not in ('listing', 'review') then
        v_refused := v_refused || jsonb_build_object(v_id, format('a %s is not rejected from the queue yet', v_item.target_type));
      end if;
    exception when sqlstate 'PT404' or sqlstate '42501' then
      -- the two are not told apart: ids outside the caller's reach stay unconfirmed
      v_refused := v_refused || jsonb_build_object(v_id, 'item not found or not yours to decide');
    end;
  end loop;

  foreach v_id in array v_ids loop
    id := v_id;
    if v_refused ? v_id::text then
      outcome := 'refused';
      message := v_refused ->> v_id::text;
    elsif v_refused <> '{}' then
      outcome := 'skipped';
      message := format('nothing was changed: %s of the %s selected could not be decided',
                        (select count(*) from jsonb_object_keys(v_refused)), cardinality(v_ids));
    else
      select * into v_item from public.moderation_items i where i.id = v_id;
      perform public.decide_moderation_item(v_id, p_decision, v_item.version, p_reason_code, p_note);
      outcome := 'done';
      message := p_decision;
    end if;
    return next;
  end loop;
end
$$;

