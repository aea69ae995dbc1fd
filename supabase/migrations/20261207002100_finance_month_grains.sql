-- The money dashboard at scale, measured at the bench's 25× database (issue 30):
--   * a month of the fine rollup is nearly as long as its days (160k monthly rows against 207k
--     daily: most provider × city × category lines see one booking a month), so reading whole
--     months from finance_monthly_rollups saved little. It is replaced by two coarser monthly
--     rollups, one per kind of breakdown: by place (region, city, category: ~1.1k rows a month)
--     and by provider (~3.8k a month). A year by city or by provider now reads a few tens of
--     thousands of rows instead of two hundred thousand.
--   * the summary's disputes summed captured payments over every disputed booking, a hash join
--     over all transactions (130–380 ms). What is in dispute is now the disputed bookings' totals,
--     which is also what the bookings list the figure opens shows, read from a covering index.
--   * the summary also answers failed transactions per period (created that day, any type, as
--     the home page's failed-payments card counts them), so that card can open this page.

drop table public.finance_monthly_rollups;

create table public.finance_monthly_places (
  tenant_id uuid not null references public.tenants (id),
  month date not null check (month = date_trunc('month', month)::date),
  currency char(3) not null,
  region_id uuid references public.regions (id) on delete set null,
  city_id uuid references public.cities (id) on delete set null,
  category_id uuid references public.categories (id) on delete set null,
  gmv_cents bigint not null default 0,
  platform_fee_cents bigint not null default 0,
  processing_fee_cents bigint not null default 0,
  tax_cents bigint not null default 0,
  refund_cents bigint not null default 0,
  refunded_fee_cents bigint not null default 0,
  payout_cents bigint not null default 0,
  payments integer not null default 0,
  refunds integer not null default 0,
  payouts integer not null default 0,
  id bigint generated always as identity primary key
);
comment on table public.finance_monthly_places is
  'Money per calendar month (UTC), currency, region, city and category: Money by day without the provider, by month. Kept by the transactions trigger.';
create unique index finance_monthly_places_key on public.finance_monthly_places
  (tenant_id, month, currency, region_id, city_id, category_id) nulls not distinct;
create index finance_monthly_places_month_idx on public.finance_monthly_places (month);
create index finance_monthly_places_region_idx on public.finance_monthly_places (region_id);
create index finance_monthly_places_city_idx on public.finance_monthly_places (city_id);
create index finance_monthly_places_category_idx on public.finance_monthly_places (category_id);

create table public.finance_monthly_providers (
  tenant_id uuid not null references public.tenants (id),
  month date not null check (month = date_trunc('month', month)::date),
  currency char(3) not null,
  provider_id uuid references public.users (id) on delete set null,
  gmv_cents bigint not null default 0,
  platform_fee_cents bigint not null default 0,
  processing_fee_cents bigint not null default 0,
  tax_cents bigint not null default 0,
  refund_cents bigint not null default 0,
  refunded_fee_cents bigint not null default 0,
  payout_cents bigint not null default 0,
  payments integer not null default 0,
  refunds integer not null default 0,
  payouts integer not null default 0,
  id bigint generated always as identity primary key
);
comment on table public.finance_monthly_providers is
  'Money per calendar month (UTC), currency and provider: what each provider sold and was paid. Kept by the transactions trigger.';
create unique index finance_monthly_providers_key on public.finance_monthly_providers
  (tenant_id, month, currency, provider_id) nulls not distinct;
create index finance_monthly_providers_month_idx on public.finance_monthly_providers (month);
create index finance_monthly_providers_provider_idx on public.finance_monthly_providers (provider_id);

alter table public.finance_monthly_places enable row level security;
alter table public.finance_monthly_providers enable row level security;
revoke all on table public.finance_monthly_places, public.finance_monthly_providers from anon, authenticated;
grant select on table public.finance_monthly_places, public.finance_monthly_providers to authenticated;
grant all on table public.finance_monthly_places, public.finance_monthly_providers to service_role;
create policy "Staff with finance.read can read the monthly money by place of their tenant" on public.finance_monthly_places
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));
create policy "Staff with finance.read can read the monthly money by provider of their tenant" on public.finance_monthly_providers
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));

-- Adds (p_sign 1) or takes away (-1) one transaction's contribution: the fine daily rollup, the
-- two monthly ones and the daily totals, in the transaction that writes it.
create or replace function private.finance_apply(p_tx public.transactions, p_sign integer)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  c record;
begin
  select * into c from private.finance_contribution(p_tx);
  if not found then
    return;
  end if;
  insert into public.finance_daily_rollups as r (tenant_id, day, currency, region_id, city_id, category_id, provider_id,
    gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents,
    payments, refunds, payouts)
  values (c.tenant_id, c.day, c.currency, c.region_id, c.city_id, c.category_id, c.provider_id,
          p_sign * c.gmv_cents, p_sign * c.platform_fee_cents, p_sign * c.processing_fee_cents, p_sign * c.tax_cents,
          p_sign * c.refund_cents, p_sign * c.refunded_fee_cents, p_sign * c.payout_cents,
          p_sign * c.payments, p_sign * c.refunds, p_sign * c.payouts)
  on conflict (tenant_id, day, currency, region_id, city_id, category_id, provider_id) do update set
    gmv_cents = r.gmv_cents + excluded.gmv_cents,
    platform_fee_cents = r.platform_fee_cents + excluded.platform_fee_cents,
    processing_fee_cents = r.processing_fee_cents + excluded.processing_fee_cents,
    tax_cents = r.tax_cents + excluded.tax_cents,
    refund_cents = r.refund_cents + excluded.refund_cents,
    refunded_fee_cents = r.refunded_fee_cents + excluded.refunded_fee_cents,
    payout_cents = r.payout_cents + excluded.payout_cents,
    payments = r.payments + excluded.payments,
    refunds = r.refunds + excluded.refunds,
    payouts = r.payouts + excluded.payouts;
  insert into public.finance_monthly_places as r (tenant_id, month, currency, region_id, city_id, category_id,
    gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents,
    payments, refunds, payouts)
  values (c.tenant_id, date_trunc('month', c.day)::date, c.currency, c.region_id, c.city_id, c.category_id,
          p_sign * c.gmv_cents, p_sign * c.platform_fee_cents, p_sign * c.processing_fee_cents, p_sign * c.tax_cents,
          p_sign * c.refund_cents, p_sign * c.refunded_fee_cents, p_sign * c.payout_cents,
          p_sign * c.payments, p_sign * c.refunds, p_sign * c.payouts)
  on conflict (tenant_id, month, currency, region_id, city_id, category_id) do update set
    gmv_cents = r.gmv_cents + excluded.gmv_cents,
    platform_fee_cents = r.platform_fee_cents + excluded.platform_fee_cents,
    processing_fee_cents = r.processing_fee_cents + excluded.processing_fee_cents,
    tax_cents = r.tax_cents + excluded.tax_cents,
    refund_cents = r.refund_cents + excluded.refund_cents,
    refunded_fee_cents = r.refunded_fee_cents + excluded.refunded_fee_cents,
    payout_cents = r.payout_cents + excluded.payout_cents,
    payments = r.payments + excluded.payments,
    refunds = r.refunds + excluded.refunds,
    payouts = r.payouts + excluded.payouts;
  insert into public.finance_monthly_providers as r (tenant_id, month, currency, provider_id,
    gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents,
    payments, refunds, payouts)
  values (c.tenant_id, date_trunc('month', c.day)::date, c.currency, c.provider_id,
          p_sign * c.gmv_cents, p_sign * c.platform_fee_cents, p_sign * c.processing_fee_cents, p_sign * c.tax_cents,
          p_sign * c.refund_cents, p_sign * c.refunded_fee_cents, p_sign * c.payout_cents,
          p_sign * c.payments, p_sign * c.refunds, p_sign * c.payouts)
  on conflict (tenant_id, month, currency, provider_id) do update set
    gmv_cents = r.gmv_cents + excluded.gmv_cents,
    platform_fee_cents = r.platform_fee_cents + excluded.platform_fee_cents,
    processing_fee_cents = r.processing_fee_cents + excluded.processing_fee_cents,
    tax_cents = r.tax_cents + excluded.tax_cents,
    refund_cents = r.refund_cents + excluded.refund_cents,
    refunded_fee_cents = r.refunded_fee_cents + excluded.refunded_fee_cents,
    payout_cents = r.payout_cents + excluded.payout_cents,
    payments = r.payments + excluded.payments,
    refunds = r.refunds + excluded.refunds,
    payouts = r.payouts + excluded.payouts;
  insert into public.finance_daily_totals as r (tenant_id, day, currency, gmv_cents, platform_fee_cents, processing_fee_cents,
    tax_cents, refund_cents, refunded_fee_cents, payout_cents, payments, refunds, payouts)
  values (c.tenant_id, c.day, c.currency,
          p_sign * c.gmv_cents, p_sign * c.platform_fee_cents, p_sign * c.processing_fee_cents, p_sign * c.tax_cents,
          p_sign * c.refund_cents, p_sign * c.refunded_fee_cents, p_sign * c.payout_cents,
          p_sign * c.payments, p_sign * c.refunds, p_sign * c.payouts)
  on conflict (tenant_id, day, currency) do update set
    gmv_cents = r.gmv_cents + excluded.gmv_cents,
    platform_fee_cents = r.platform_fee_cents + excluded.platform_fee_cents,
    processing_fee_cents = r.processing_fee_cents + excluded.processing_fee_cents,
    tax_cents = r.tax_cents + excluded.tax_cents,
    refund_cents = r.refund_cents + excluded.refund_cents,
    refunded_fee_cents = r.refunded_fee_cents + excluded.refunded_fee_cents,
    payout_cents = r.payout_cents + excluded.payout_cents,
    payments = r.payments + excluded.payments,
    refunds = r.refunds + excluded.refunds,
    payouts = r.payouts + excluded.payouts;
end
$$;

create or replace function private.rebuild_finance_rollups(p_tenant_id uuid default null)
returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  v_rows bigint;
begin
  delete from public.finance_daily_rollups r where p_tenant_id is null or r.tenant_id = p_tenant_id;
  insert into public.finance_daily_rollups (tenant_id, day, currency, region_id, city_id, category_id, provider_id,
    gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents,
    payments, refunds, payouts)
  select c.tenant_id, c.day, c.currency, c.region_id, c.city_id, c.category_id, c.provider_id,
         sum(c.gmv_cents), sum(c.platform_fee_cents), sum(c.processing_fee_cents), sum(c.tax_cents),
         sum(c.refund_cents), sum(c.refunded_fee_cents), sum(c.payout_cents), sum(c.payments), sum(c.refunds), sum(c.payouts)
    from public.transactions t cross join lateral private.finance_contribution(t) c
   where p_tenant_id is null or t.tenant_id = p_tenant_id
   group by 1, 2, 3, 4, 5, 6, 7;
  get diagnostics v_rows = row_count;
  delete from public.finance_monthly_places r where p_tenant_id is null or r.tenant_id = p_tenant_id;
  insert into public.finance_monthly_places (tenant_id, month, currency, region_id, city_id, category_id,
    gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents,
    payments, refunds, payouts)
  select r.tenant_id, date_trunc('month', r.day)::date, r.currency, r.region_id, r.city_id, r.category_id,
         sum(r.gmv_cents), sum(r.platform_fee_cents), sum(r.processing_fee_cents), sum(r.tax_cents),
         sum(r.refund_cents), sum(r.refunded_fee_cents), sum(r.payout_cents), sum(r.payments), sum(r.refunds), sum(r.payouts)
    from public.finance_daily_rollups r
   where p_tenant_id is null or r.tenant_id = p_tenant_id
   group by 1, 2, 3, 4, 5, 6;
  delete from public.finance_monthly_providers r where p_tenant_id is null or r.tenant_id = p_tenant_id;
  insert into public.finance_monthly_providers (tenant_id, month, currency, provider_id,
    gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents,
    payments, refunds, payouts)
  select r.tenant_id, date_trunc('month', r.day)::date, r.currency, r.provider_id,
         sum(r.gmv_cents), sum(r.platform_fee_cents), sum(r.processing_fee_cents), sum(r.tax_cents),
         sum(r.refund_cents), sum(r.refunded_fee_cents), sum(r.payout_cents), sum(r.payments), sum(r.refunds), sum(r.payouts)
    from public.finance_daily_rollups r
   where p_tenant_id is null or r.tenant_id = p_tenant_id
   group by 1, 2, 3, 4;
  delete from public.finance_daily_totals t where p_tenant_id is null or t.tenant_id = p_tenant_id;
  insert into public.finance_daily_totals (tenant_id, day, currency, gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents,
    refund_cents, refunded_fee_cents, payout_cents, payments, refunds, payouts)
  select r.tenant_id, r.day, r.currency, sum(r.gmv_cents), sum(r.platform_fee_cents), sum(r.processing_fee_cents),
         sum(r.tax_cents), sum(r.refund_cents), sum(r.refunded_fee_cents), sum(r.payout_cents),
         sum(r.payments), sum(r.refunds), sum(r.payouts)
    from public.finance_daily_rollups r
   where p_tenant_id is null or r.tenant_id = p_tenant_id
   group by 1, 2, 3;
  return v_rows;
end
$$;

-- Whole months of the period from the monthly rollup of the breakdown's kind, the days before
-- the first whole month and after the last from the daily one: the same answer as adding days.
create or replace function public.finance_breakdown(p_from date, p_to date, p_dimension text, p_tenant_id uuid default null, p_limit integer default 50)
returns table (key uuid, label text, currency char(3), gmv_cents bigint, platform_fee_cents bigint, take_rate numeric,
               refund_cents bigint, net_revenue_cents bigint, payout_cents bigint, payments bigint)
language plpgsql stable
set search_path = ''
as $$
declare
  -- whole months are [v_months_from, v_months_to)
  v_months_from date := case when p_from = date_trunc('month', p_from)::date then p_from
                             else (date_trunc('month', p_from) + interval '1 month')::date end;
  v_months_to date := date_trunc('month', p_to + 1)::date;
begin
  perform private.finance_require_reader();
  perform private.finance_check_period(p_from, p_to);
  if p_dimension is null or p_dimension not in ('region', 'city', 'category', 'provider') then
    raise exception 'p_dimension: region, city, category or provider (got %)', coalesce(p_dimension, 'null') using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 500 then
    raise exception 'p_limit: 1 to 500 (got %)', p_limit using errcode = '22023';
  end if;
  if v_months_from >= v_months_to then
    v_months_from := p_to + 1;
    v_months_to := p_to + 1;
  end if;
  return query
  with parts as (
    select case p_dimension when 'region' then r.region_id when 'city' then r.city_id else r.category_id end as k,
           r.currency as cur, r.gmv_cents, r.platform_fee_cents, r.refund_cents, r.refunded_fee_cents, r.payout_cents, r.payments
      from public.finance_monthly_places r
     where p_dimension <> 'provider'
       and r.month >= v_months_from and r.month < v_months_to and (p_tenant_id is null or r.tenant_id = p_tenant_id)
    union all
    select r.provider_id, r.currency, r.gmv_cents, r.platform_fee_cents, r.refund_cents, r.refunded_fee_cents, r.payout_cents, r.payments
      from public.finance_monthly_providers r
     where p_dimension = 'provider'
       and r.month >= v_months_from and r.month < v_months_to and (p_tenant_id is null or r.tenant_id = p_tenant_id)
    union all
    select case p_dimension when 'region' then r.region_id when 'city' then r.city_id
                            when 'category' then r.category_id else r.provider_id end,
           r.currency, r.gmv_cents, r.platform_fee_cents, r.refund_cents, r.refunded_fee_cents, r.payout_cents, r.payments
      from public.finance_daily_rollups r
     where (r.day >= p_from and r.day < least(v_months_from, p_to + 1)
            or r.day >= greatest(v_months_to, p_from) and r.day <= p_to)
       and (p_tenant_id is null or r.tenant_id = p_tenant_id)
  ),
  money as (
    select r.k, r.cur, sum(r.gmv_cents)::bigint as gmv, sum(r.platform_fee_cents)::bigint as fee,
           sum(r.refund_cents)::bigint as refund, sum(r.refunded_fee_cents)::bigint as refunded_fee,
           sum(r.payout_cents)::bigint as payout, sum(r.payments)::bigint as payments
      from parts r
     group by 1, 2
  ),
  ranked as (
    select m.*, row_number() over (partition by m.cur order by m.gmv desc, m.payout desc, m.k) as n from money m
  )
  select r.k,
         case when r.k is null then '(none)'
              else coalesce(case p_dimension when 'region' then (select g.name from public.regions g where g.id = r.k)
                                             when 'city' then (select c.name from public.cities c where c.id = r.k)
                                             when 'category' then (select c.name from public.categories c where c.id = r.k)
                                             else (select coalesce(u.full_name, u.email) from public.users u where u.id = r.k) end,
                            r.k::text) end,
         r.cur, r.gmv, r.fee, round(r.fee::numeric / nullif(r.gmv, 0), 4), r.refund, r.fee - r.refunded_fee, r.payout, r.payments
    from ranked r
   where r.n <= p_limit
   order by r.cur, r.n;
end
$$;

-- what is in dispute: the disputed bookings' totals, per tenant and currency, without the heap
-- (the columns bookings' RLS policies read are in the index)
create index bookings_disputed_money_idx on public.bookings (tenant_id, currency)
  include (total_cents, customer_id, provider_id) where status = 'disputed';

drop function public.finance_summary(date, date, uuid);
create function public.finance_summary(p_from date, p_to date, p_tenant_id uuid default null)
returns table (period text, currency char(3), gmv_cents bigint, platform_fee_cents bigint, processing_fee_cents bigint,
               tax_cents bigint, refund_cents bigint, refunded_fee_cents bigint, net_revenue_cents bigint, payout_cents bigint,
               take_rate numeric, payments bigint, refunds bigint, payouts bigint, failed_cents bigint, failed bigint,
               disputed_cents bigint, disputes bigint)
language plpgsql stable
set search_path = ''
as $$
declare
  v_days integer;
begin
  perform private.finance_require_reader();
  perform private.finance_check_period(p_from, p_to);
  v_days := p_to - p_from + 1;
  return query
  with periods (period, starts, ends) as (values ('current', p_from, p_to), ('previous', p_from - v_days, p_from - 1)),
  money as (
    select p.period, r.currency, sum(r.gmv_cents)::bigint as gmv, sum(r.platform_fee_cents)::bigint as fee,
           sum(r.processing_fee_cents)::bigint as processing, sum(r.tax_cents)::bigint as tax, sum(r.refund_cents)::bigint as refund,
           sum(r.refunded_fee_cents)::bigint as refunded_fee, sum(r.payout_cents)::bigint as payout,
           sum(r.payments)::bigint as payments, sum(r.refunds)::bigint as refunds, sum(r.payouts)::bigint as payouts
      from periods p join public.finance_daily_totals r on r.day between p.starts and p.ends
     where p_tenant_id is null or r.tenant_id = p_tenant_id
     group by p.period, r.currency
  ),
  -- failed movements by the UTC day they were created (a failure has no processed_at)
  failed as (
    select p.period, t.currency, sum(t.amount_cents)::bigint as amount, count(*)::bigint as n
      from periods p join public.transactions t
        on t.status = 'failed'
       and t.created_at >= (p.starts::timestamp at time zone 'UTC') and t.created_at < ((p.ends + 1)::timestamp at time zone 'UTC')
     where p_tenant_id is null or t.tenant_id = p_tenant_id
     group by p.period, t.currency
  ),
  disputed as (
    select b.currency, sum(b.total_cents)::bigint as amount, count(*)::bigint as n
      from public.bookings b
     where b.status = 'disputed' and (p_tenant_id is null or b.tenant_id = p_tenant_id)
     group by b.currency
  ),
  keys as (select p.period, c.currency from (values ('current'), ('previous')) p (period)
             cross join (select m.currency from money m union select f.currency from failed f
                         union select d.currency from disputed d) c)
  select k.period, k.currency, coalesce(m.gmv, 0), coalesce(m.fee, 0), coalesce(m.processing, 0), coalesce(m.tax, 0),
         coalesce(m.refund, 0), coalesce(m.refunded_fee, 0), coalesce(m.fee, 0) - coalesce(m.refunded_fee, 0), coalesce(m.payout, 0),
         round(m.fee::numeric / nullif(m.gmv, 0), 4), coalesce(m.payments, 0), coalesce(m.refunds, 0), coalesce(m.payouts, 0),
         coalesce(f.amount, 0), coalesce(f.n, 0),
         case when k.period = 'current' then coalesce(d.amount, 0) end, case when k.period = 'current' then coalesce(d.n, 0) end
    from keys k
    left join money m on m.period = k.period and m.currency = k.currency
    left join failed f on f.period = k.period and f.currency = k.currency
    left join disputed d on d.currency = k.currency
   order by k.currency, k.period;
end
$$;
revoke all on function public.finance_summary(date, date, uuid) from public, anon;
grant execute on function public.finance_summary(date, date, uuid) to authenticated, service_role;

select private.rebuild_finance_rollups();
