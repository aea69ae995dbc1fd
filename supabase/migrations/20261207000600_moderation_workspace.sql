-- What the moderation workspace (src/features/moderation) reads, each in one request:
--  * moderation_queue_page: one tab of open items, sorted and filtered, with what each item is
--    about (the listing's title, the review's excerpt, whose it is) — the items' targets are
--    polymorphic, so PostgREST cannot embed them.
--  * moderation_workspace_summary: per-tab counts and the stats strip (decisions today, median
--    time to a decision per queue, SLA breaches this week).
--  * moderation_item_context: the item pane — the target in context, its owner's record, every
--    report with the reporter's track record, the item's history and the reasons that apply.
--  * preview_moderation_message: the message a rejection's template sends, as it will read.
-- The first two are security invoker: RLS decides which items count, as on every list.

-- Tabs: listings and reviews hold every open item about one; reports, whatever was reported
-- (the content_reports queue); mine, the items claimed by the caller (live claim) or assigned
-- to them.

create index moderation_items_open_target_sla_idx on public.moderation_items (target_type, sla_due_at)
  where status in ('pending', 'escalated');
create index moderation_items_open_queue_sla_idx on public.moderation_items (queue, sla_due_at)
  where status in ('pending', 'escalated');
create index moderation_items_decided_idx on public.moderation_items (tenant_id, decided_at)
  where decided_at is not null;

-- Queue page ------------------------------------------------------------------------------------

create function public.moderation_queue_page(
  p_tab text,
  p_sort text default 'sla',
  p_reason text default null,
  p_target_type text default null,
  p_claim text default null,
  p_overdue boolean default null,
  p_tenant_id uuid default null,
  p_limit integer default 25,
  p_offset integer default 0)
returns table (
  id uuid, tenant_id uuid, queue text, target_type text, target_id uuid, status text,
  priority_score numeric, open_report_count integer, entered_queue_at timestamptz, sla_due_at timestamptz,
  claimed_by uuid, claimed_by_name text, claim_expires_at timestamptz, assignee_id uuid, version integer,
  target_title text, target_excerpt text, owner_name text, report_reasons text[])
language plpgsql stable
set search_path = ''
as $$
declare
  v_me uuid := private.current_user_id();
  v_order text;
begin
  if p_tab is null or p_tab not in ('listings', 'reviews', 'reports', 'mine') then
    raise exception 'unknown tab % (listings, reviews, reports, mine)', p_tab using errcode = '22023';
  end if;
  v_order := case p_sort
    when 'sla' then 'i.sla_due_at, i.priority_score desc, i.id'
    when 'score' then 'i.priority_score desc, i.entered_queue_at, i.id'
    when 'age' then 'i.entered_queue_at, i.id'
  end;
  if v_order is null then
    raise exception 'unknown sort % (sla, score, age)', p_sort using errcode = '22023';
  end if;
  if p_claim is not null and p_claim not in ('claimed', 'unclaimed') then
    raise exception 'unknown claim filter % (claimed, unclaimed)', p_claim using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 200 or p_offset is null or p_offset < 0 then
    raise exception 'p_limit takes 1 to 200 and p_offset 0 or more' using errcode = '22023';
  end if;
  -- the tab as a plain predicate on indexed columns, so the planner can walk an index in order
  return query execute format($q$
    select i.id, i.tenant_id, i.queue, i.target_type, i.target_id, i.status, i.priority_score, i.open_report_count,
           i.entered_queue_at, i.sla_due_at, i.claimed_by, coalesce(c.full_name, c.email), i.claim_expires_at,
           i.assignee_id, i.version, t.title, t.excerpt, coalesce(o.full_name, o.email),
           array(select distinct r.reason::text from public.content_reports r
                  where r.target_type = i.target_type and r.target_id = i.target_id and r.status in ('open', 'in_review')
                  order by 1)
      from public.moderation_items i
      left join public.users c on c.id = i.claimed_by and i.claim_expires_at > now()
      left join lateral (
        select l.title, left(l.description, 160) as excerpt, l.provider_id as owner_id
          from public.listings l where i.target_type = 'listing' and l.id = i.target_id
        union all
        select coalesce(nullif(rv.title, ''), rv.rating || '-star review'), left(rv.comment, 160), rv.reviewer_id
          from public.reviews rv where i.target_type = 'review' and rv.id = i.target_id
        union all
        select coalesce(u.full_name, u.email), u.role::text || ', ' || u.verification_status::text, u.id
          from public.users u where i.target_type = 'user' and u.id = i.target_id
        union all
        select 'Message', left(m.body, 160), m.sender_id
          from public.messages m where i.target_type = 'message' and m.id = i.target_id
        union all
        select 'Booking ' || b.confirmation_code, b.dispute_reason, b.provider_id
          from public.bookings b where i.target_type = 'booking' and b.id = i.target_id
      ) t on true
      left join public.users o on o.id = t.owner_id
     where i.status in ('pending', 'escalated')
       and %s
       and ($1 is null or exists (select 1 from public.content_reports r
                                   where r.target_type = i.target_type and r.target_id = i.target_id
                                     and r.status in ('open', 'in_review') and r.reason::text = $1))
       and ($2 is null or i.target_type = $2)
       and ($3 is null or ($3 = 'claimed') = (i.claimed_by is not null and i.claim_expires_at > now()))
       and ($4 is null or $4 = (i.sla_due_at <= now()))
       and ($5 is null or i.tenant_id = $5)
     order by %s
     limit $6 offset $7
  $q$,
    case p_tab
      when 'listings' then $t$i.target_type = 'listing'$t$
      when 'reviews' then $t$i.target_type = 'review'$t$
      when 'reports' then $t$i.queue = 'content_reports'$t$
      else format($t$((i.claimed_by = %L and i.claim_expires_at > now()) or i.assignee_id = %L)$t$, v_me, v_me)
    end,
    v_order)
  using p_reason, p_target_type, p_claim, p_overdue, p_tenant_id, p_limit, p_offset;
end
$$;
revoke all on function public.moderation_queue_page(text, text, text, text, text, boolean, uuid, integer, integer) from public, anon;
grant execute on function public.moderation_queue_page(text, text, text, text, text, boolean, uuid, integer, integer)
  to authenticated, service_role;

-- Summary: tab counts and the stats strip ---------------------------------------------------------

-- "Today" is the day in the caller's tenant's timezone, as on the dashboard; the week is the
-- last seven days. A breach: an item whose SLA fell due this week and that was decided after it
-- or is still open.
create function public.moderation_workspace_summary(p_tenant_id uuid default null)
returns jsonb
language sql stable
set search_path = ''
as $$
  with me as (
    select (select private.current_user_id()) as id,
           coalesce((select t.default_timezone from public.tenants t where t.id = (select private.current_tenant_id())), 'UTC') as tz
  ),
  scoped as (
    select i.* from public.moderation_items i
     where p_tenant_id is null or i.tenant_id = p_tenant_id
  ),
  open_items as (
    select i.* from scoped i where i.status in ('pending', 'escalated')
  ),
  tabs as (
    select count(*) filter (where i.target_type = 'listing') as listings,
           count(*) filter (where i.target_type = 'listing' and i.sla_due_at <= now()) as listings_overdue,
           count(*) filter (where i.target_type = 'review') as reviews,
           count(*) filter (where i.target_type = 'review' and i.sla_due_at <= now()) as reviews_overdue,
           count(*) filter (where i.queue = 'content_reports') as reports,
           count(*) filter (where i.queue = 'content_reports' and i.sla_due_at <= now()) as reports_overdue,
           count(*) filter (where (i.claimed_by = me.id and i.claim_expires_at > now()) or i.assignee_id = me.id) as mine,
           count(*) filter (where ((i.claimed_by = me.id and i.claim_expires_at > now()) or i.assignee_id = me.id)
                              and i.sla_due_at <= now()) as mine_overdue
      from open_items i, me
  ),
  decided_week as (
    select i.* from scoped i where i.decided_at >= now() - interval '7 days'
  )
  select jsonb_build_object(
    'tabs', (select jsonb_build_object(
               'listings', jsonb_build_object('open', t.listings, 'overdue', t.listings_overdue),
               'reviews', jsonb_build_object('open', t.reviews, 'overdue', t.reviews_overdue),
               'reports', jsonb_build_object('open', t.reports, 'overdue', t.reports_overdue),
               'mine', jsonb_build_object('open', t.mine, 'overdue', t.mine_overdue)) from tabs t),
    'decisions_today', (select count(*) from decided_week d, me
                         where d.decided_at >= date_trunc('day', now() at time zone me.tz) at time zone me.tz),
    'my_decisions_today', (select count(*) from decided_week d, me
                            where d.decided_by = me.id
                              and d.decided_at >= date_trunc('day', now() at time zone me.tz) at time zone me.tz),
    'median_minutes_to_decision', coalesce((
      select jsonb_object_agg(x.queue, x.minutes) from (
        select d.queue, round((percentile_cont(0.5) within group (
                 order by extract(epoch from d.decided_at - d.entered_queue_at)) / 60)::numeric, 1) as minutes
          from decided_week d group by d.queue) x), '{}'::jsonb),
    'sla_breaches_week', (select count(*) from scoped i
                           where i.sla_due_at > now() - interval '7 days' and i.sla_due_at <= now()
                             and (i.status in ('pending', 'escalated') or i.decided_at > i.sla_due_at))
  )
$$;
revoke all on function public.moderation_workspace_summary(uuid) from public, anon;
grant execute on function public.moderation_workspace_summary(uuid) to authenticated, service_role;

-- The item pane -------------------------------------------------------------------------------------

-- The item the caller may read, or why not (as lock_moderation_item, without the lock).
create function private.readable_moderation_item(p_item_id uuid)
returns public.moderation_items
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items;
begin
  if not (private.has_permission('listings.moderate') or private.has_permission('reviews.moderate')
          or private.has_permission('bookings.manage') or private.has_permission('reports.resolve')) then
    raise exception 'permission denied: moderation needs listings.moderate, reviews.moderate, bookings.manage or reports.resolve'
      using errcode = '42501';
  end if;
  select * into v_item from public.moderation_items i where i.id = p_item_id;
  if not found then
    raise exception 'moderation item % does not exist', p_item_id using errcode = 'PT404';
  end if;
  if not private.staff_can(private.moderation_permission(v_item.target_type), v_item.tenant_id) then
    raise exception 'permission denied: % is required for this item', private.moderation_permission(v_item.target_type)
      using errcode = '42501';
  end if;
  return v_item;
end
$$;
revoke all on function private.readable_moderation_item(uuid) from public, anon, authenticated;

create function private.person_json(p_user_id uuid)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object('id', u.id, 'name', coalesce(u.full_name, u.email), 'email', u.email)
    from public.users u where u.id = p_user_id
$$;
revoke all on function private.person_json(uuid) from public, anon, authenticated;

create function public.moderation_item_context(p_item_id uuid)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items := private.readable_moderation_item(p_item_id);
  v_owner uuid := private.moderation_target_owner(v_item.target_type, v_item.target_id);
  v_target jsonb;
begin
  v_target := case v_item.target_type
    when 'listing' then (
      select jsonb_build_object(
        'id', l.id, 'title', l.title, 'description', l.description, 'price_cents', l.price_cents,
        'currency', l.currency, 'pricing_type', l.pricing_type, 'duration_minutes', l.duration_minutes,
        'status', l.status, 'moderation_status', l.moderation_status, 'moderation_reason', l.moderation_reason,
        'media', l.media, 'category', c.name, 'city', ci.name, 'address', l.address,
        'location_type', l.location_type,
        'location', case when l.location is not null then jsonb_build_object(
                      'lat', extensions.st_y(l.location::extensions.geometry),
                      'lng', extensions.st_x(l.location::extensions.geometry)) end,
        'rating_average', l.rating_average, 'rating_count', l.rating_count,
        'created_at', l.created_at, 'updated_at', l.updated_at)
        from public.listings l
        left join public.categories c on c.id = l.category_id
        left join public.cities ci on ci.id = l.city_id
       where l.id = v_item.target_id)
    when 'review' then (
      select jsonb_build_object(
        'id', r.id, 'title', r.title, 'comment', r.comment, 'rating', r.rating,
        'hidden_at', r.hidden_at, 'hidden_reason', r.hidden_reason,
        'provider_response', r.provider_response, 'provider_responded_at', r.provider_responded_at,
        'created_at', r.created_at,
        'listing', jsonb_build_object('id', l.id, 'title', l.title),
        'provider', private.person_json(r.provider_id),
        'booking', jsonb_build_object('id', b.id, 'status', b.status, 'confirmation_code', b.confirmation_code,
                                      'scheduled_start', b.scheduled_start, 'total_cents', b.total_cents,
                                      'currency', b.currency))
        from public.reviews r
        left join public.listings l on l.id = r.listing_id
        left join public.bookings b on b.id = r.booking_id
       where r.id = v_item.target_id)
    when 'user' then (
      select jsonb_build_object('id', u.id, 'name', coalesce(u.full_name, u.email), 'email', u.email,
                                'role', u.role, 'status', u.status, 'verification_status', u.verification_status,
                                'created_at', u.created_at)
        from public.users u where u.id = v_item.target_id)
    when 'message' then (
      select jsonb_build_object('id', m.id, 'body', m.body, 'created_at', m.created_at, 'edited_at', m.edited_at,
                                'conversation_id', m.conversation_id)
        from public.messages m where m.id = v_item.target_id)
    when 'booking' then (
      select jsonb_build_object('id', b.id, 'status', b.status, 'confirmation_code', b.confirmation_code,
                                'dispute_reason', b.dispute_reason, 'disputed_at', b.disputed_at,
                                'scheduled_start', b.scheduled_start, 'total_cents', b.total_cents, 'currency', b.currency,
                                'listing', jsonb_build_object('id', l.id, 'title', l.title),
                                'customer', private.person_json(b.customer_id))
        from public.bookings b left join public.listings l on l.id = b.listing_id
       where b.id = v_item.target_id)
  end;

  return jsonb_build_object(
    'item', to_jsonb(v_item) || jsonb_build_object(
      'claimed_by_person', case when v_item.claim_expires_at > now() then private.person_json(v_item.claimed_by) end,
      'assignee', private.person_json(v_item.assignee_id),
      'decided_by_person', private.person_json(v_item.decided_by)),
    'target', v_target,
    -- the provider or author: how long they have been here and their record so far
    'owner', (
      select jsonb_build_object(
        'id', u.id, 'name', coalesce(u.full_name, u.email), 'email', u.email, 'role', u.role, 'status', u.status,
        'verification_status', u.verification_status, 'created_at', u.created_at,
        'listings', (select count(*) from public.listings l where l.provider_id = u.id and l.deleted_at is null),
        'rejected_listings', (select count(*) from public.listings l
                               where l.provider_id = u.id and l.moderation_status in ('rejected', 'flagged')),
        'hidden_reviews', (select count(*) from public.reviews r where r.reviewer_id = u.id and r.hidden_at is not null),
        'earlier_decisions', (
          select coalesce(jsonb_object_agg(x.status, x.n), '{}'::jsonb) from (
            select i.status, count(*) as n from public.moderation_items i
             where i.id <> v_item.id and i.status in ('approved', 'rejected', 'ignored')
               and ((i.target_type = 'listing' and i.target_id in (select l.id from public.listings l where l.provider_id = u.id))
                 or (i.target_type = 'review' and i.target_id in (select r.id from public.reviews r where r.reviewer_id = u.id))
                 or (i.target_type = 'user' and i.target_id = u.id))
             group by i.status) x),
        'rating_average', (select round(avg(r.rating)::numeric, 2) from public.reviews r
                            where r.provider_id = u.id and r.hidden_at is null and r.deleted_at is null),
        'rating_count', (select count(*) from public.reviews r
                          where r.provider_id = u.id and r.hidden_at is null and r.deleted_at is null))
        from public.users u where u.id = v_owner),
    -- every report on the target, open ones first; the reporter's agreed/decided record is what
    -- their weight (Discourse's accuracy bonus) is computed from
    'reports', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', r.id, 'reason', r.reason, 'details', r.details, 'status', r.status, 'resolution', r.resolution,
               'created_at', r.created_at, 'reporter', private.person_json(r.reporter_id),
               'reporter_agreed', s.agreed, 'reporter_decided', s.decided,
               'reporter_accuracy_bonus', private.reporter_accuracy_bonus(s.agreed, s.decided),
               'weight', private.reporter_weight(r.reporter_id, r.reason::text))
             order by (r.status in ('open', 'in_review')) desc, r.created_at desc)
        from public.content_reports r
        cross join lateral (
          select count(*) filter (where x.status = 'resolved')::integer as agreed,
                 count(*) filter (where x.status = 'resolved' or (x.status = 'dismissed' and x.resolution = 'no_violation'))::integer as decided
            from public.content_reports x where x.reporter_id = r.reporter_id) s
       where r.target_type = v_item.target_type and r.target_id = v_item.target_id), '[]'::jsonb),
    'history', coalesce((
      select jsonb_agg(jsonb_build_object('id', e.id, 'event', e.event, 'at', e.created_at, 'details', e.details,
                                          'actor', private.person_json(e.actor_id))
             order by e.id)
        from public.moderation_item_events e where e.item_id = v_item.id), '[]'::jsonb),
    'templates', coalesce((
      select jsonb_agg(jsonb_build_object('code', t.code, 'label', t.label, 'policy_url', t.policy_url,
                                          'message_template', t.message_template) order by t.label)
        from public.moderation_reason_templates t
       where t.tenant_id = v_item.tenant_id and t.active and v_item.target_type = any (t.target_types)), '[]'::jsonb)
  );
end
$$;
revoke all on function public.moderation_item_context(uuid) from public, anon;
grant execute on function public.moderation_item_context(uuid) to authenticated, service_role;

-- What a rejection with this template (and note) tells the provider or author; null when the
-- template sends nothing.
create function public.preview_moderation_message(p_item_id uuid, p_reason_code text, p_note text default null)
returns text
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items := private.readable_moderation_item(p_item_id);
  v_template public.moderation_reason_templates;
begin
  select * into v_template from public.moderation_reason_templates t
   where t.tenant_id = v_item.tenant_id and t.code = p_reason_code and t.active
     and v_item.target_type = any (t.target_types);
  if not found then
    raise exception 'no active reason template % for a % in this tenant', p_reason_code, v_item.target_type
      using errcode = '22023';
  end if;
  -- as decide_moderation_item renders it
  return private.render_moderation_message(v_template.message_template, v_item, nullif(trim(p_note), ''));
end
$$;
revoke all on function public.preview_moderation_message(uuid, text, text) from public, anon;
grant execute on function public.preview_moderation_message(uuid, text, text) to authenticated, service_role;
