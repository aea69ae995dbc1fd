-- The moderation workspace's tabs: per queue, the open items the caller may read, how many are
-- past their SLA, unclaimed (or with a lapsed claim), and claimed by the caller. Security
-- invoker, so RLS decides which items count — the same rows the queue page lists.
-- p_tenant_id narrows to one tenant (the super admin's tenant switcher).

create function public.moderation_queue_counts(p_tenant_id uuid default null)
returns table (queue text, open_items bigint, overdue bigint, unclaimed bigint, claimed_by_me bigint)
language sql stable
set search_path = ''
as $$
  select i.queue,
         count(*),
         count(*) filter (where i.sla_due_at < now()),
         count(*) filter (where i.claimed_by is null or i.claim_expires_at <= now()),
         count(*) filter (where i.claimed_by = private.current_user_id() and i.claim_expires_at > now())
    from public.moderation_items i
   where i.status in ('pending', 'escalated')
     and (p_tenant_id is null or i.tenant_id = p_tenant_id)
   group by i.queue
   order by i.queue
$$;
revoke all on function public.moderation_queue_counts(uuid) from public, anon;
grant execute on function public.moderation_queue_counts(uuid) to authenticated, service_role;
