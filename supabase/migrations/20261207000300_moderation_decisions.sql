-- Decisions on moderation items, each one function call: permission and tenant, the version
-- the moderator saw (stale → 409 naming who changed it), the claim (someone else's live claim
-- refuses unless the caller reassigns the item to themselves), the target (listing status,
-- review hidden), the item's reports resolved, the item and its history, the audit row and —
-- with a reason template that has one — the message to the provider or author. All or
-- nothing. Listings and reviews are decided here; user sanctions and dispute outcomes come
-- with the workspace issue after this one, so those items may only be approved (no action),
-- ignored or escalated for now.
--
-- Decisions and what they do:
--   approve   the content stays (a pending listing is approved); reports dismissed as no violation
--   reject    a listing is rejected, a review hidden; reports resolved (content hidden)
--   ignore    nothing changes; reports closed as duplicates, so reporters' track records stay as they were
--   escalate  stays open for a senior moderator; reports stay open
--
-- Sections: settling from the target, decide, bulk decide.

-- Settling from the target ------------------------------------------------------------------
-- moderate_listing settles an approval item by itself (moderation_on_listing); while a
-- decision runs here, the item is this function's to write.
create or replace function private.moderation_on_listing() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items;
begin
  if new.moderation_status = 'pending' and new.deleted_at is null
     and (tg_op = 'INSERT' or old.moderation_status is distinct from 'pending') then
    perform private.enqueue_moderation_target(new.tenant_id, 'listing', new.id, 'listing_approval',
      private.moderation_sla(new.tenant_id, 'listing_approval'), 'created', '{}',
      case when tg_op = 'INSERT' then new.created_at else now() end);
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

-- Decide --------------------------------------------------------------------------------------

-- The template's message with its tokens filled in.
create function private.render_moderation_message(p_template text, p_item public.moderation_items, p_reason text)
returns text
language sql stable security definer
set search_path = ''
as $$
  select replace(replace(replace(replace(p_template,
    '{listing_title}', coalesce((select l.title from public.listings l
                                  where p_item.target_type = 'listing' and l.id = p_item.target_id), '')),
    '{review_excerpt}', coalesce((select left(r.comment, 140) from public.reviews r
                                   where p_item.target_type = 'review' and r.id = p_item.target_id), '')),
    '{reason}', coalesce(p_reason, '')),
    '{tenant_name}', coalesce((select t.name from public.tenants t where t.id = p_item.tenant_id), ''))
$$;

create function public.decide_moderation_item(
  p_item_id uuid,
  p_decision text,
  p_version integer,
  p_reason_code text default null,
  p_note text default null,
  p_take_over boolean default false)
returns public.moderation_items
language plpgsql security definer
set search_path = ''
as $$
declare
  v_me uuid := private.current_user_id();
  v_item public.moderation_items;
  v_old public.moderation_items;
  v_template public.moderation_reason_templates;
  v_reason text;
  v_owner uuid;
begin
  if p_decision is null or p_decision not in ('approve', 'reject', 'ignore', 'escalate') then
    raise exception 'unknown decision % (approve, reject, ignore, escalate)', p_decision using errcode = '22023';
  end if;
  if p_version is null then
    raise exception 'p_version is required: the version of the item the decision was made on' using errcode = '22023';
  end if;
  if char_length(p_note) > 500 then
    raise exception 'a note takes at most 500 characters' using errcode = '22023';
  end if;
  v_old := private.lock_moderation_item(p_item_id, null);
  if v_old.status not in ('pending', 'escalated') then
    raise exception 'already decided (%) by % at %', v_old.status,
      coalesce((select coalesce(u.full_name, u.email) from public.users u where u.id = v_old.decided_by), 'someone'),
      to_char(v_old.decided_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
      using errcode = 'PT409';
  end if;
  perform private.lock_moderation_item(p_item_id, p_version);
  if v_old.claimed_by is not null and v_old.claimed_by <> v_me and v_old.claim_expires_at > now() then
    if not coalesce(p_take_over, false) then
      raise exception 'claimed by % until %; take the item over to decide it',
        (select coalesce(u.full_name, u.email) from public.users u where u.id = v_old.claimed_by),
        to_char(v_old.claim_expires_at at time zone 'UTC', 'HH24:MI "UTC"')
        using errcode = 'PT409';
    end if;
    perform private.moderation_event(v_old, 'assigned',
      jsonb_build_object('assignee_id', v_me, 'taken_over_from', v_old.claimed_by));
  end if;
  if p_reason_code is not null then
    select * into v_template from public.moderation_reason_templates t
     where t.tenant_id = v_old.tenant_id and t.code = p_reason_code and t.active
       and v_old.target_type = any (t.target_types);
    if not found then
      raise exception 'no active reason template % for a % in this tenant', p_reason_code, v_old.target_type
        using errcode = '22023';
    end if;
  end if;
  v_reason := nullif(concat_ws(': ', v_template.label, nullif(trim(p_note), '')), '');
  if p_decision = 'reject' and v_reason is null then
    raise exception 'a reason template or a note is required to reject' using errcode = '23514';
  end if;
  if p_decision = 'reject' and v_old.target_type not in ('listing', 'review') then
    raise exception 'a % is not rejected from the queue yet: approve, ignore or escalate it', v_old.target_type
      using errcode = '22023';
  end if;

  -- the target
  perform set_config('loconomy.deciding_item', v_old.id::text, true);
  if v_old.target_type = 'listing' and p_decision = 'approve'
     and (select l.moderation_status from public.listings l where l.id = v_old.target_id) <> 'approved' then
    perform public.moderate_listing(v_old.target_id, 'approve');
  elsif v_old.target_type = 'listing' and p_decision = 'reject' then
    perform public.moderate_listing(v_old.target_id, 'reject', v_reason);
  elsif v_old.target_type = 'review' and p_decision = 'reject' then
    perform public.moderate_review(v_old.target_id, true, v_reason);
  end if;
  perform set_config('loconomy.deciding_item', '', true);

  -- its reports
  if p_decision <> 'escalate' then
    update public.content_reports r set
      status = case p_decision when 'reject' then 'resolved' else 'dismissed' end::public.report_status,
      resolution = case p_decision when 'reject' then
                     case v_old.target_type when 'listing' then 'content_removed' else 'content_hidden' end
                   when 'approve' then 'no_violation' else 'duplicate' end,
      resolved_by = v_me,
      resolved_at = now(),
      resolution_note = coalesce(v_reason, 'Decided in the moderation queue')
    where r.target_type = v_old.target_type and r.target_id = v_old.target_id and r.status in ('open', 'in_review');
  end if;

  -- the item
  update public.moderation_items i set
    status = case p_decision when 'approve' then 'approved' when 'reject' then 'rejected'
                             when 'ignore' then 'ignored' else 'escalated' end,
    decided_by = case when p_decision = 'escalate' then null else v_me end,
    decided_at = case when p_decision = 'escalate' then null else now() end,
    decision_reason_code = p_reason_code,
    decision_note = nullif(trim(p_note), ''),
    open_report_count = case when p_decision = 'escalate' then i.open_report_count else 0 end,
    claimed_by = null,
    claim_expires_at = null,
    assignee_id = case when coalesce(p_take_over, false) then v_me else i.assignee_id end,
    version = i.version + 1
  where i.id = v_old.id
  returning * into v_item;
  perform private.moderation_event(v_item, case when p_decision = 'escalate' then 'escalated' else 'decided' end,
    jsonb_build_object('decision', p_decision, 'reason_code', p_reason_code, 'note', nullif(trim(p_note), '')));
  perform private.write_audit('admin_action', 'moderation_items', v_item.id::text,
    jsonb_build_object('status', v_old.status, 'version', v_old.version),
    jsonb_build_object('status', v_item.status, 'version', v_item.version),
    jsonb_build_object('rpc', 'decide_moderation_item', 'decision', p_decision, 'reason_code', p_reason_code,
                       'note', nullif(trim(p_note), ''), 'target_type', v_item.target_type, 'target_id', v_item.target_id),
    v_item.tenant_id);

  -- the message to the provider or author
  if p_decision = 'reject' and v_template.message_template is not null then
    v_owner := private.moderation_target_owner(v_item.target_type, v_item.target_id);
    if v_owner is not null then
      insert into public.notifications (tenant_id, user_id, type, title, body, data)
      values (v_item.tenant_id, v_owner, 'moderation.decision', v_template.label,
              private.render_moderation_message(v_template.message_template, v_item, nullif(trim(p_note), '')),
              jsonb_build_object('item_id', v_item.id, 'target_type', v_item.target_type, 'target_id', v_item.target_id,
                                 'decision', p_decision, 'reason_code', p_reason_code, 'policy_url', v_template.policy_url));
    end if;
  end if;
  return v_item;
end
$$;

-- Bulk decide -----------------------------------------------------------------------------------

-- One decision on a selection of items, all or none: each item is locked and checked first
-- (exists, the caller may act on it, still open, not claimed by someone else); if any is
-- refused nothing changes. One row per distinct id: done / refused (why) / skipped.
create function public.decide_moderation_items(
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

revoke all on function private.render_moderation_message(text, public.moderation_items, text) from public, anon, authenticated;
revoke all on function public.decide_moderation_item(uuid, text, integer, text, text, boolean),
  public.decide_moderation_items(uuid[], text, text, text) from public, anon;
grant execute on function public.decide_moderation_item(uuid, text, integer, text, text, boolean),
  public.decide_moderation_items(uuid[], text, text, text) to authenticated, service_role;
