-- moderation_workspace_summary in one pass over the open items (tab counts, mine, breaches still
-- running) plus the week's decisions (decided late, medians, today's count), instead of a
-- materialised CTE of every item and a second scan for breaches: 68 ms → 28 ms at the bench's
-- 25x database, where nearly all of the 34k open items fall due within the week.

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
           count(*) filter (where i.queue = 'content_reports') as reports,
           count(*) filter (where i.queue = 'content_reports' and i.sla_due_at <= now()) as reports_overdue,
           count(*) filter (where (i.claimed_by = me.id and i.claim_expires_at > now()) or i.assignee_id = me.id) as mine,
           count(*) filter (where ((i.claimed_by = me.id and i.claim_expires_at > now()) or i.assignee_id = me.id)
                              and i.sla_due_at <= now()) as mine_overdue,
           -- open and past an SLA that fell due this week: breaches still running
           count(*) filter (where i.sla_due_at > now() - interval '7 days' and i.sla_due_at <= now()) as open_breaches
      from public.moderation_items i, me
     where i.status in ('pending', 'escalated') and (p_tenant_id is null or i.tenant_id = p_tenant_id)
  ),
  decided_week as (
    select i.queue, i.decided_by, i.decided_at, i.entered_queue_at, i.sla_due_at
      from public.moderation_items i
     where i.decided_at >= now() - interval '7 days' and (p_tenant_id is null or i.tenant_id = p_tenant_id)
  ),
  -- decided late: due this week and decided after, so decided this week too
  late as (
    select count(*) as n from decided_week d where d.sla_due_at > now() - interval '7 days' and d.decided_at > d.sla_due_at
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
    'sla_breaches_week', (select t.open_breaches from tabs t) + (select n from late)
  )
$$;
