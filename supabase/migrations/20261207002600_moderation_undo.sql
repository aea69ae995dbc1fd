-- Undo (issue 31): a moderator who approved or ignored an item takes it back within seconds —
-- Gmail's "Undo" for the decisions that can be taken back exactly. The workspace offers it for
-- 10 seconds; the database accepts it up to 15 seconds after the decision, so an undo clicked
-- at the last moment is not lost in flight. Only the decider's own approve or ignore, and only
-- while nothing else happened to the item: rejections (a message was sent, content hidden),
-- escalations, settlements, verifications and sanctions are not undone here.
--
-- undo_moderation_decisions(p_item_ids) takes back each item's decision, all or none:
--   * the item is open again as it was before (pending or escalated, same SLA, entered the
--     queue when it did), claimed by the caller so a colleague does not take it meanwhile;
--   * the reports the decision closed are open again (the report workflow lets a closed report
--     reopen only here);
--   * an approval that published a listing is withdrawn: the listing is back to the moderation
--     status it had, and its approved version is the one before (kept by the trigger for this);
--   * an 'undone' event in the item's history and an audit row.
-- Errors: 22023 no ids or more than 500; PT404/42501 an item missing or not the caller's to
-- act on; PT409 an item not undoable (decided by someone else, too long ago, not an approve or
-- ignore, or changed since).

alter table public.moderation_item_events drop constraint moderation_item_events_event_check;
alter table public.moderation_item_events add constraint moderation_item_events_event_check
  check (event in ('created', 'report_added', 'claimed', 'released', 'assigned', 'decided', 'reopened', 'escalated', 'undone'));

-- The approved version before the current one, so withdrawing an approval restores it.
alter table public.listing_approved_versions add column previous jsonb
  check (previous is null or jsonb_typeof(previous) = 'object');
comment on column public.listing_approved_versions.previous is
  'The approved version this one replaced (its columns as JSON), kept so an approval undone restores it.';

create or replace function private.listings_keep_approved_version() returns trigger
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
      category_id = excluded.category_id, previous = to_jsonb(v) - 'previous';
  end if;
  return null;
end
$$;

-- While an undo withdraws an approval, the listing going back to pending is not a new arrival
-- in the queue: the undo puts its item back as it was.
create or replace function private.moderation_on_listing() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items;
begin
  if new.moderation_status = 'pending' and new.deleted_at is null
     and (tg_op = 'INSERT' or old.moderation_status is distinct from 'pending') then
    if coalesce(current_setting('loconomy.undoing_item', true), '') = '' then
      perform private.enqueue_moderation_target(new.tenant_id, 'listing', new.id, 'listing_approval',
        private.moderation_sla(new.tenant_id, 'listing_approval'), 'created', '{}',
        case when tg_op = 'INSERT' then new.created_at else now() end);
    end if;
  elsif tg_op = 'UPDATE' and old.moderation_status = 'pending' and new.moderation_status <> 'pending'
        and new.moderated_by is not null and coalesce(current_setting('loconomy.deciding_item', true), '') = '' then
    update public.moderation_items i set
      status = case when new.moderation_status = 'approved' then 'approved' else 'rejected' end,
      decided_by = new.moderated_by,
      decided_at = coalesce(new.moderated_at, now()),
      decision_note = left(new.moderation_reason, 500),
      claimed_by = null,
      claim_expires_at = null,
      version = i.version + 1
    where i.target_type = 'listing' and i.target_id = new.id and i.queue = 'listing_approval'
      and i.status in ('pending', 'escalated') and i.open_report_count = 0
    returning * into v_item;
    if found then
      perform private.moderation_event(v_item, 'decided',
        jsonb_build_object('via', 'moderate_listing', 'moderation_status', new.moderation_status));
    end if;
  end if;
  return null;
end
$$;

-- A closed report stays closed, except when an undo reopens the reports its decision closed.
create or replace function private.content_reports_check_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status and not (
       (old.status = 'open' and new.status in ('in_review', 'resolved', 'dismissed'))
    or (old.status = 'in_review' and new.status in ('open', 'resolved', 'dismissed'))
    or (old.status = 'dismissed' and new.status = 'open'
        and coalesce(current_setting('loconomy.undoing_item', true), '') <> '')) then
    raise exception 'a % report cannot become %', old.status, new.status using errcode = 'P0001';
  end if;
  return new;
end;
$$;

create function public.undo_moderation_decisions(p_item_ids uuid[])
returns setof public.moderation_items
language plpgsql security definer
set search_path = ''
as $$
declare
  v_me uuid := private.current_user_id();
  v_ids uuid[];
  v_id uuid;
  v_item public.moderation_items;
  v_after public.moderation_items;
  v_decision text;
  v_before text;
  v_listing_was text;
  v_version public.listing_approved_versions;
  v_reports integer;
begin
  select coalesce(array_agg(distinct u order by u), '{}') into v_ids from unnest(p_item_ids) u where u is not null;
  if cardinality(v_ids) = 0 or cardinality(v_ids) > 500 then
    raise exception 'undo takes 1 to 500 items (got %)', cardinality(v_ids) using errcode = '22023';
  end if;
  foreach v_id in array v_ids loop
    v_item := private.lock_moderation_item(v_id, null);
    select e.details ->> 'decision' into v_decision from public.moderation_item_events e
     where e.item_id = v_item.id and e.event = 'decided' order by e.id desc limit 1;
    if v_item.status not in ('approved', 'ignored') or v_item.decided_by is distinct from v_me
       or v_decision is null or v_decision not in ('approve', 'ignore') then
      raise exception 'item % cannot be undone: only your own approve or ignore is', v_item.id
        using errcode = 'PT409';
    end if;
    if v_item.decided_at < now() - interval '15 seconds' then
      raise exception 'too late to undo item %: decided at %, and undo lasts 10 seconds', v_item.id,
        to_char(v_item.decided_at at time zone 'UTC', 'HH24:MI:SS "UTC"') using errcode = 'PT409';
    end if;
    -- the status it had: the decision's own audit row says
    select a.old_data ->> 'status' into v_before from public.audit_logs a
     where a.table_name = 'moderation_items' and a.record_id = v_item.id::text
       and a.metadata ->> 'rpc' = 'decide_moderation_item'
     order by a.seq desc limit 1;

    perform set_config('loconomy.undoing_item', v_item.id::text, true);
    update public.content_reports r set
      status = 'open', resolution = null, resolved_by = null, resolved_at = null, resolution_note = null
    where r.target_type = v_item.target_type and r.target_id = v_item.target_id and r.status = 'dismissed'
      and r.resolved_by = v_me and r.resolved_at = v_item.decided_at;
    get diagnostics v_reports = row_count;

    v_listing_was := null;
    if v_item.target_type = 'listing' and v_decision = 'approve' then
      -- the approval published it when moderate_listing ran in the decision's transaction
      select a.old_data ->> 'moderation_status' into v_listing_was from public.audit_logs a
       where a.table_name = 'listings' and a.record_id = v_item.target_id::text
         and a.metadata ->> 'rpc' = 'moderate_listing' and a.created_at = v_item.decided_at and a.actor_id = v_me
       order by a.seq desc limit 1;
      if v_listing_was is not null then
        select * into v_version from public.listing_approved_versions v where v.listing_id = v_item.target_id for update;
        if v_version.previous is null then
          delete from public.listing_approved_versions v where v.listing_id = v_item.target_id;
        else
          update public.listing_approved_versions v set
            (approved_at, approved_by, title, description, media, price_cents, pricing_type, currency, category_id, previous) =
            (select p.approved_at, p.approved_by, p.title, p.description, p.media, p.price_cents, p.pricing_type,
                    p.currency, p.category_id, null::jsonb
               from jsonb_populate_record(null::public.listing_approved_versions, v_version.previous) p)
          where v.listing_id = v_item.target_id;
        end if;
        update public.listings l set
          moderation_status = v_listing_was,
          moderated_by = (v_version.previous ->> 'approved_by')::uuid,
          moderated_at = (v_version.previous ->> 'approved_at')::timestamptz
        where l.id = v_item.target_id;
        perform private.write_audit('admin_action', 'listings', v_item.target_id::text,
          jsonb_build_object('moderation_status', 'approved'), jsonb_build_object('moderation_status', v_listing_was),
          jsonb_build_object('rpc', 'undo_moderation_decisions', 'item_id', v_item.id), v_item.tenant_id);
      end if;
    end if;
    perform set_config('loconomy.undoing_item', '', true);

    update public.moderation_items i set
      status = coalesce(v_before, 'pending'), decided_by = null, decided_at = null, decision_reason_code = null,
      decision_note = null, claimed_by = v_me, claim_expires_at = now() + interval '15 minutes',
      version = i.version + 1
    where i.id = v_item.id;
    update public.moderation_items i set
      priority_score = private.moderation_item_score(i),
      open_report_count = (select count(*)::integer from public.content_reports r
                            where r.target_type = i.target_type and r.target_id = i.target_id
                              and r.status in ('open', 'in_review'))
    where i.id = v_item.id
    returning * into v_after;
    perform private.moderation_event(v_after, 'undone',
      jsonb_build_object('decision', v_decision, 'reports_reopened', v_reports, 'listing_withdrawn', v_listing_was is not null));
    perform private.write_audit('admin_action', 'moderation_items', v_after.id::text,
      jsonb_build_object('status', v_item.status, 'version', v_item.version),
      jsonb_build_object('status', v_after.status, 'version', v_after.version),
      jsonb_build_object('rpc', 'undo_moderation_decisions', 'decision', v_decision, 'reports_reopened', v_reports,
                         'target_type', v_after.target_type, 'target_id', v_after.target_id),
      v_after.tenant_id);
    return next v_after;
  end loop;
end
$$;
revoke all on function public.undo_moderation_decisions(uuid[]) from public, anon;
grant execute on function public.undo_moderation_decisions(uuid[]) to authenticated, service_role;
