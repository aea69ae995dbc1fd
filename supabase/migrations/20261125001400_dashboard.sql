-- Dashboard: the counts on the staff home page that lead to work (listings awaiting
-- moderation, content reports open and in review, disputed bookings, payments failed in the
-- last 7 days, feature flags changed today) and bookings per day for its chart. Two read-only
-- RPCs, one private helper and the partial indexes that keep every count an index scan at any
-- volume. No tables.
--
-- Why SECURITY INVOKER: the counts run under the caller's RLS, so they can never count a row
-- the caller could not list. RLS alone is not enough, though: without the permission it would
-- answer 0 (the card would claim "all clear"), and for listings it would also count the active
-- listings every signed-in user may read, in every tenant. So each count first asks for its
-- permission explicitly (NULL when missing, and the UI hides that card), then filters on the
-- same private.staff_tenant_ids() array the staff policies use: the number equals what the
-- filtered list shows, and the tenant_id leading each index becomes an index condition (the
-- OR of the table's policies is then only a recheck on the few rows found).
--
-- Sections: indexes, helper, RPCs (each with its privileges).

-- Indexes -----------------------------------------------------------------------------
-- Already there and used: listings_moderation_queue_idx (catalog), content_reports_queue_idx
-- (moderation), bookings_open_disputes_idx and bookings_tenant_created_idx (scheduling),
-- feature_flags_tenant_updated_idx (feature management). Missing were these two:

-- failed payments are rare; transactions_status_idx leads with status, not the tenant
create index transactions_failed_idx on public.transactions (tenant_id, created_at)
  where status = 'failed';
-- the chart's completed series goes by completion day, which no index covered
create index bookings_completed_idx on public.bookings (tenant_id, completed_at)
  where completed_at is not null;

-- Helper ------------------------------------------------------------------------------
-- The tenants whose rows the caller may count for any of `permissions` (every tenant for a
-- super admin, their own for other staff), narrowed to only_tenant_id when given; NULL when
-- the caller holds none of the permissions, which the RPCs turn into a NULL count. Invoker:
-- it only combines the SECURITY DEFINER predicates the policies already call.
create function private.staff_scope(permissions text[], only_tenant_id uuid default null)
returns uuid[]
language sql
stable
set search_path = ''
as $$
  select case
    when not exists (select 1 from unnest(staff_scope.permissions) k where private.has_permission(k)) then null
    else array(
      select distinct t
        from unnest(staff_scope.permissions) k, unnest(private.staff_tenant_ids(k)) t
       where staff_scope.only_tenant_id is null or t = staff_scope.only_tenant_id)
  end
$$;
revoke all on function private.staff_scope(text[], uuid) from public, anon;
grant execute on function private.staff_scope(text[], uuid) to authenticated, service_role;

-- RPCs --------------------------------------------------------------------------------
-- One row of counts for the home page. p_tenant_id narrows to one tenant (the super admin's
-- tenant switcher); null = every tenant the caller's permissions reach. A tenant outside that
-- reach counts 0, not NULL: the permission is held, there is just nothing to see there.
-- "Today" for feature flags is the day in each tenant's default_timezone.
create function public.staff_work_queue(p_tenant_id uuid default null)
returns table (
  listings_awaiting_moderation bigint,
  open_content_reports bigint,
  content_reports_in_review bigint,
  disputed_bookings bigint,
  failed_payments_7d bigint,
  flags_changed_today bigint
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_listings uuid[] := private.staff_scope(array['listings.read'], p_tenant_id);
  v_reports uuid[] := private.staff_scope(array['reports.read'], p_tenant_id);
  v_bookings uuid[] := private.staff_scope(array['bookings.read'], p_tenant_id);
  v_finance uuid[] := private.staff_scope(array['finance.read'], p_tenant_id);
  -- the feature_flags read policy admits either permission
  v_flags uuid[] := private.staff_scope(array['feature_flags.read', 'feature_flags.manage'], p_tenant_id);
  v_since timestamptz;
begin
  if v_listings is not null then
    select count(*) into listings_awaiting_moderation
      from public.listings l
     where l.tenant_id = any (v_listings) and l.moderation_status = 'pending' and l.deleted_at is null;
  end if;
  if v_reports is not null then
    select count(*) filter (where r.status = 'open'), count(*) filter (where r.status = 'in_review')
      into open_content_reports, content_reports_in_review
      from public.content_reports r
     where r.tenant_id = any (v_reports) and r.status in ('open', 'in_review');
  end if;
  if v_bookings is not null then
    select count(*) into disputed_bookings
      from public.bookings b
     where b.tenant_id = any (v_bookings) and b.status = 'disputed';
  end if;
  if v_finance is not null then
    select count(*) into failed_payments_7d
      from public.transactions x
     where x.tenant_id = any (v_finance) and x.status = 'failed' and x.created_at >= now() - interval '7 days';
  end if;
  if v_flags is not null then
    -- "today" starts at a different instant per tenant: the earliest bounds the index scan
    -- with a value the planner sees, the join applies each tenant's own. (A bound computed
    -- from t.default_timezone alone would apply a non-leakproof function to a column, which
    -- RLS keeps out of index conditions.)
    select min(date_trunc('day', now() at time zone t.default_timezone) at time zone t.default_timezone)
      into v_since
      from public.tenants t
     where t.id = any (v_flags);
    select count(*) into flags_changed_today
      from public.feature_flags f
      join public.tenants t on t.id = f.tenant_id
     where f.tenant_id = any (v_flags) and f.updated_at >= v_since
       and f.updated_at >= date_trunc('day', now() at time zone t.default_timezone) at time zone t.default_timezone;
  end if;
  return next;
end
$$;
comment on function public.staff_work_queue(uuid) is
  'Dashboard counts under the caller''s RLS; a count is NULL when the caller lacks its permission (listings.read, reports.read, bookings.read, finance.read, feature_flags.read).';
revoke all on function public.staff_work_queue(uuid) from public, anon;
grant execute on function public.staff_work_queue(uuid) to authenticated, service_role;

-- Bookings made and bookings completed per day, oldest first, for the last p_days days
-- (1…366) — an empty set without bookings.read. A booking falls on the day of its tenant's
-- default_timezone; the axis ends on the latest "today" among the tenants in scope, so a
-- super admin looking at tenants in different time zones gets one axis, every day present.
create function public.staff_bookings_per_day(p_tenant_id uuid default null, p_days integer default 14)
returns table (day date, bookings bigint, completed bigint)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_scope uuid[] := private.staff_scope(array['bookings.read'], p_tenant_id);
  v_last date;
  v_from timestamptz;
  v_to timestamptz;
begin
  if p_days is null or p_days not between 1 and 366 then
    raise exception 'p_days must be between 1 and 366 (got %)', p_days using errcode = '22023';
  end if;
  if v_scope is null then
    return;
  end if;
  select max((now() at time zone t.default_timezone)::date) into v_last
    from public.tenants t where t.id = any (v_scope);
  v_last := coalesce(v_last, current_date);
  -- every tenant's local days of the axis lie within [v_from, v_to): the bounds of the index
  -- scans, as values the planner sees (see staff_work_queue on RLS and leakproof functions);
  -- the join on the local day then drops what falls outside a tenant's own window
  select min((v_last - (p_days - 1))::timestamp at time zone t.default_timezone),
         max((v_last + 1)::timestamp at time zone t.default_timezone)
    into v_from, v_to
    from public.tenants t where t.id = any (v_scope);
  return query
    with axis as (
      select (v_last - g)::date as local_day from generate_series(p_days - 1, 0, -1) g
    ),
    made as (
      select (b.created_at at time zone t.default_timezone)::date as local_day, count(*) as n
        from public.bookings b
        join public.tenants t on t.id = b.tenant_id
       where b.tenant_id = any (v_scope) and b.created_at >= v_from and b.created_at < v_to
       group by 1
    ),
    done as (
      select (b.completed_at at time zone t.default_timezone)::date as local_day, count(*) as n
        from public.bookings b
        join public.tenants t on t.id = b.tenant_id
       where b.tenant_id = any (v_scope) and b.completed_at >= v_from and b.completed_at < v_to
       group by 1
    )
    select a.local_day, coalesce(m.n, 0)::bigint, coalesce(d.n, 0)::bigint
      from axis a
      left join made m on m.local_day = a.local_day
      left join done d on d.local_day = a.local_day
     order by a.local_day;
end
$$;
comment on function public.staff_bookings_per_day(uuid, integer) is
  'Dashboard chart: bookings made and completed per tenant-local day; empty without bookings.read.';
revoke all on function public.staff_bookings_per_day(uuid, integer) from public, anon;
grant execute on function public.staff_bookings_per_day(uuid, integer) to authenticated, service_role;
