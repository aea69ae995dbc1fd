-- The moderation workspace's Disputes and Users tabs (issue 31), and a sanction settling the
-- items about the user it sanctions.
--  * moderation_queue_page takes two more tabs: disputes (the booking_disputes queue) and users
--    (every open item about a user: verification requests and reported users). Both are plain
--    predicates on the partial indexes the other tabs use.
--  * moderation_workspace_summary counts them.
--  * moderation_item_context gives a disputed booking its evidence — the booking's timeline, its
--    payments and refunds with what is left to refund, and the messages of its conversations
--    for callers holding communication.read (the function is a definer: it checks that itself;
--    without the permission the messages are left out and the context says so) — and a user
--    their profile, bookings and sanctions so far.
--  * A suspension or ban decides the open items about the user (rejected, reason code
--    user_suspended or user_banned) and resolves their open reports as user_suspended, in the
--    sanction's transaction: the moderator who sanctions from the Users tab is done with it.

-- Queue page ------------------------------------------------------------------------------------

create or replace function public.moderation_queue_page(
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
  if p_tab is null or p_tab not in ('listings', 'reviews', 'disputes', 'users', 'reports', 'mine') then
    raise exception 'unknown tab % (listings, reviews, disputes, users, reports, mine)', p_tab using errcode = '22023';
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
      when 'disputes' then $t$i.queue = 'booking_disputes'$t$
      when 'users' then $t$i.target_type = 'user'$t$
      when 'reports' then $t$i.queue = 'content_reports'$t$
      else format($t$((i.claimed_by = %L and i.claim_expires_at > now()) or i.assignee_id = %L)$t$, v_me, v_me)
    end,
    v_order)
  using p_reason, p_target_type, p_claim, p_overdue, p_tenant_id, p_limit, p_offset;
end
$$;

-- Summary ---------------------------------------------------------------------------------------

create or replace function public.moderation_workspace_summary(p_tenant_id uuid default null)
returns jsonb
language sql stable
set search_path = ''
as $$
  with me as (
    select (select private.current_user_id()) as id,
           coalesce((select t.default_timezone from public.tenants t where t.id = (select private.current_tenant_id())), 'UTC') as tz
  ),
  tabs as (
    select count(*) filter (where i.target_type = 'listing') as listings,
           count(*) filter (where i.target_type = 'listing' and i.sla_due_at <= now()) as listings_overdue,
           count(*) filter (where i.target_type = 'review') as reviews,
           count(*) filter (where i.target_type = 'review' and i.sla_due_at <= now()) as reviews_overdue,
           count(*) filter (where i.queue = 'booking_disputes') as disputes,
           count(*) filter (where i.queue = 'booking_disputes' and i.sla_due_at <= now()) as disputes_overdue,
           count(*) filter (where i.target_type = 'user') as users,
           count(*) filter (where i.target_type = 'user' and i.sla_due_at <= now()) as users_overdue,
           count(*) filter (where i.queue = 'content_reports') as reports,
           count(*) filter (where i.queue = 'content_reports' and i.sla_due_at <= now()) as reports_overdue,
           count(*) filter (where (i.claimed_by = me.id and i.claim_expires_at > now()) or i.assignee_id = me.id) as mine,
           count(*) filter (where ((i.claimed_by = me.id and i.claim_expires_at > now()) or i.assignee_id = me.id)
                              and i.sla_due_at <= now()) as mine_overdue,
           count(*) filter (where i.sla_due_at > now() - interval '7 days' and i.sla_due_at <= now()) as open_breaches
      from public.moderation_items i, me
     where i.status in ('pending', 'escalated') and (p_tenant_id is null or i.tenant_id = p_tenant_id)
  ),
  decided_week as (
    select i.queue, i.decided_by, i.decided_at, i.entered_queue_at, i.sla_due_at
      from public.moderation_items i
     where i.decided_at >= now() - interval '7 days' and (p_tenant_id is null or i.tenant_id = p_tenant_id)
  ),
  late as (
    select count(*) as n from decided_week d where d.sla_due_at > now() - interval '7 days' and d.decided_at > d.sla_due_at
  )
  select jsonb_build_object(
    'tabs', (select jsonb_build_object(
               'listings', jsonb_build_object('open', t.listings, 'overdue', t.listings_overdue),
               'reviews', jsonb_build_object('open', t.reviews, 'overdue', t.reviews_overdue),
               'disputes', jsonb_build_object('open', t.disputes, 'overdue', t.disputes_overdue),
               'users', jsonb_build_object('open', t.users, 'overdue', t.users_overdue),
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
    'sla_breaches_week', (select t.open_breaches from tabs t) + (select n from late)
  )
$$;

-- Item context ----------------------------------------------------------------------------------

-- A disputed booking's evidence: what happened when, the money, and what the parties wrote.
create function private.booking_dispute_evidence(p_booking_id uuid)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'timeline', coalesce((
      select jsonb_agg(jsonb_build_object('at', e.at, 'event', e.event, 'detail', e.detail) order by e.at, e.n)
        from (
          select 1 as n, b.created_at as at, 'booked' as event, null::text as detail
          union all select 2, b.confirmed_at, 'confirmed', null where b.confirmed_at is not null
          union all select 3, b.scheduled_start, 'scheduled start', null
          union all select 4, b.started_at, 'started', null where b.started_at is not null
          union all select 5, b.completed_at, 'completed', null where b.completed_at is not null
          union all select 6, b.cancelled_at, 'cancelled', b.cancellation_reason where b.cancelled_at is not null
          union all select 7, b.disputed_at, 'disputed', b.dispute_reason where b.disputed_at is not null
          union all select 8, b.refunded_at, 'refunded', null where b.refunded_at is not null
          union all
          select 9, coalesce(t.processed_at, t.created_at), t.type::text || ' ' || t.status::text,
                 t.amount_cents::text || ' ' || t.currency
            from public.transactions t where t.booking_id = b.id
        ) e), '[]'::jsonb),
    'payments', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', t.id, 'type', t.type, 'status', t.status, 'amount_cents', t.amount_cents, 'currency', t.currency,
               'refunded_transaction_id', t.refunded_transaction_id, 'description', t.description,
               'at', coalesce(t.processed_at, t.created_at))
             order by coalesce(t.processed_at, t.created_at), t.id)
        from public.transactions t where t.booking_id = b.id), '[]'::jsonb),
    'refundable_cents', coalesce((select sum(p.refundable) from private.booking_refundable_payments(b.id) p), 0),
    'messages_visible', private.staff_can('communication.read', b.tenant_id),
    'messages', case when private.staff_can('communication.read', b.tenant_id) then coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', m.id, 'at', m.created_at, 'body', case when m.deleted_at is null then m.body end,
               'deleted', m.deleted_at is not null, 'attachments', jsonb_array_length(m.attachments),
               'sender', private.person_json(m.sender_id),
               'side', case m.sender_id when b.customer_id then 'customer' when b.provider_id then 'provider' else 'other' end)
             order by m.created_at, m.id)
        from (select m.* from public.messages m
                join public.conversations c on c.id = m.conversation_id
               where c.booking_id = b.id
               order by m.created_at desc, m.id desc limit 100) m), '[]'::jsonb) end)
  from public.bookings b where b.id = p_booking_id
$$;
revoke all on function private.booking_dispute_evidence(uuid) from public, anon, authenticated;

-- A user under review: who they are, what they did here, and their sanctions so far.
create function private.user_review_record(p_user_id uuid)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', u.id, 'name', coalesce(u.full_name, u.email), 'email', u.email, 'phone', u.phone,
    'role', u.role, 'status', u.status, 'verification_status', u.verification_status,
    'email_verified_at', u.email_verified_at, 'last_sign_in_at', u.last_sign_in_at, 'created_at', u.created_at,
    'display_name', p.display_name, 'headline', p.headline, 'bio', p.bio,
    'bookings_as_customer', (select count(*) from public.bookings b where b.customer_id = u.id),
    'bookings_as_provider', (select count(*) from public.bookings b where b.provider_id = u.id),
    'disputes', (select count(*) from public.bookings b
                  where (b.customer_id = u.id or b.provider_id = u.id) and b.disputed_at is not null),
    'reports_filed', (select count(*) from public.content_reports r where r.reporter_id = u.id),
    'sanctions', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', s.id, 'kind', s.kind, 'reason', s.reason, 'starts_at', s.starts_at, 'ends_at', s.ends_at,
               'lifted_at', s.lifted_at, 'lift_reason', s.lift_reason, 'by', private.person_json(s.created_by),
               'hidden_listings', jsonb_array_length(s.hidden_listings))
             order by s.created_at desc)
        from public.user_sanctions s where s.user_id = u.id), '[]'::jsonb))
  from public.users u
  left join public.user_profiles p on p.user_id = u.id
  where u.id = p_user_id
$$;
revoke all on function private.user_review_record(uuid) from public, anon, authenticated;

create or replace function public.moderation_item_context(p_item_id uuid)
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
    when 'user' then private.user_review_record(v_item.target_id)
    when 'message' then (
      select jsonb_build_object('id', m.id, 'body', m.body, 'created_at', m.created_at, 'edited_at', m.edited_at,
                                'conversation_id', m.conversation_id)
        from public.messages m where m.id = v_item.target_id)
    when 'booking' then (
      select jsonb_build_object('id', b.id, 'status', b.status, 'confirmation_code', b.confirmation_code,
                                'dispute_reason', b.dispute_reason, 'disputed_at', b.disputed_at,
                                'scheduled_start', b.scheduled_start, 'scheduled_end', b.scheduled_end,
                                'subtotal_cents', b.subtotal_cents, 'platform_fee_cents', b.platform_fee_cents,
                                'total_cents', b.total_cents, 'currency', b.currency,
                                'cancellation_policy', b.cancellation_policy,
                                'customer_notes', b.customer_notes, 'provider_notes', b.provider_notes,
                                'listing', jsonb_build_object('id', l.id, 'title', l.title),
                                'customer', private.person_json(b.customer_id),
                                'provider', private.person_json(b.provider_id))
             || private.booking_dispute_evidence(b.id)
        from public.bookings b left join public.listings l on l.id = b.listing_id
       where b.id = v_item.target_id)
  end;

  return jsonb_build_object(
    'item', to_jsonb(v_item) || jsonb_build_object(
      'claimed_by_person', case when v_item.claim_expires_at > now() then private.person_json(v_item.claimed_by) end,
      'assignee', private.person_json(v_item.assignee_id),
      'decided_by_person', private.person_json(v_item.decided_by)),
    'target', v_target,
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

-- A sanction settles the items about the user ---------------------------------------------------

create function private.user_sanctions_decide_items() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items;
  v_code text := case new.kind when 'ban' then 'user_banned' else 'user_suspended' end;
begin
  update public.content_reports r set
    status = 'resolved', resolution = 'user_suspended', resolved_by = new.created_by, resolved_at = now(),
    resolution_note = left(new.reason, 5000)
  where r.target_type = 'user' and r.target_id = new.user_id and r.status in ('open', 'in_review');
  for v_item in
    update public.moderation_items i set
      status = 'rejected', decided_by = new.created_by, decided_at = now(), decision_reason_code = v_code,
      decision_note = left(new.reason, 500), open_report_count = 0, claimed_by = null, claim_expires_at = null,
      version = i.version + 1
    where i.target_type = 'user' and i.target_id = new.user_id and i.status in ('pending', 'escalated')
    returning *
  loop
    perform private.moderation_event(v_item, 'decided',
      jsonb_build_object('via', 'sanction_user', 'sanction_id', new.id, 'kind', new.kind, 'reason_code', v_code));
  end loop;
  return null;
end
$$;
revoke all on function private.user_sanctions_decide_items() from public, anon, authenticated;
create trigger decide_items after insert on public.user_sanctions
  for each row execute function private.user_sanctions_decide_items();
