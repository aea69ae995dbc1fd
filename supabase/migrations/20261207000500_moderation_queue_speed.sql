-- Speed for the moderation queue (issue 26's figures in `npm run bench`), measured at the bench's
-- 25x database:
--  * Every staff predicate ends in private.effective_permissions, and a bulk decision asks it
--    eight times per item. As a SQL function with a SET clause it is never inlined and, before
--    PostgreSQL 18, planned again on every call (~0.5 ms); as PL/pgSQL its plan is kept for the
--    session (~0.08 ms). Same for staff_session_satisfies, which it calls. Bodies unchanged.
--  * moderation_queue_counts asked private.current_user_id() once per open item (a stable
--    function in a filter is not hoisted): ~280 ms at 34k items; as an init plan it runs once.
--  * The queue page (one queue's open items, highest priority first) walks an index in that
--    order instead of sorting the queue.

create or replace function private.effective_permissions(user_id uuid) returns setof text
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return query
  with u as (
    select x.id, x.role, x.staff_role from public.users x
     where x.id = effective_permissions.user_id
       and x.deleted_at is null and x.status = 'active' and x.role in ('admin', 'super_admin')
       and private.staff_session_satisfies(x.tenant_id)
  )
  select p.key from public.permissions p, u where u.role = 'super_admin'
  union
  (
    select p.key from u
      join public.role_permissions rp on rp.role = coalesce(u.staff_role, u.role::text)
      join public.permissions p on p.id = rp.permission_id
     where u.role = 'admin'
    union
    select p.key from u
      join public.user_permissions up on up.user_id = u.id and up.kind = 'grant'
                                      and (up.expires_at is null or up.expires_at > now())
      join public.permissions p on p.id = up.permission_id
     where u.role = 'admin'
    except
    select p.key from u
      join public.user_permissions up on up.user_id = u.id and up.kind = 'revoke'
                                      and (up.expires_at is null or up.expires_at > now())
      join public.permissions p on p.id = up.permission_id
     where u.role = 'admin'
  );
end
$$;
create or replace function private.staff_session_satisfies(tenant_id uuid) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return coalesce((auth.jwt() ->> 'aal') = 'aal2', false)
      or not coalesce((select t.staff_two_factor_required from public.tenants t
                        where t.id = staff_session_satisfies.tenant_id), false);
end
$$;
create index moderation_items_open_queue_priority_idx on public.moderation_items (queue, priority_score desc, entered_queue_at) where status in ('pending', 'escalated');
create or replace function public.moderation_queue_counts(p_tenant_id uuid default null)
returns table (queue text, open_items bigint, overdue bigint, unclaimed bigint, claimed_by_me bigint)
language sql stable
set search_path = ''
as $$
  select i.queue,
         count(*),
         count(*) filter (where i.sla_due_at < now()),
         count(*) filter (where i.claimed_by is null or i.claim_expires_at <= now()),
         count(*) filter (where i.claimed_by = (select private.current_user_id()) and i.claim_expires_at > now())
    from public.moderation_items i
   where i.status in ('pending', 'escalated')
     and (p_tenant_id is null or i.tenant_id = p_tenant_id)
   group by i.queue
   order by i.queue
$$;
