-- The money dashboard's totals were read from the fine rollup (one row per day, currency, region,
-- city, category and provider: almost one per transaction), 150–600 ms for a year at the bench's
-- 25× database. finance_daily_totals keeps the same figures per tenant, day and currency, kept by
-- the same trigger function in the same transaction; the summary and the series read it, the
-- breakdowns keep reading the fine rollup.

create table public.finance_daily_totals (
  tenant_id uuid not null references public.tenants (id),
  day date not null,
  currency char(3) not null,
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
  primary key (tenant_id, day, currency)
);
comment on table public.finance_daily_totals is
  'Money per tenant, UTC day and currency: finance_daily_rollups added up, kept by the same trigger.';
alter table public.finance_daily_totals enable row level security;
revoke all on table public.finance_daily_totals from anon, authenticated;
grant select on table public.finance_daily_totals to authenticated;
grant all on table public.finance_daily_totals to service_role;
create policy "Staff with finance.read can read the money totals of their tenant" on public.finance_daily_totals
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));

create or replace function private.finance_apply(p_tx public.transactions, p_sign integer)
returns void
language sql security definer
set search_path = ''
as $$
  insert into public.finance_daily_rollups as r (tenant_id, day, currency, region_id, city_id, category_id, provider_id,
    gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents,
    payments, refunds, payouts)
  select c.tenant_id, c.day, c.currency, c.region_id, c.city_id, c.category_id, c.provider_id,
         p_sign * c.gmv_cents, p_sign * c.platform_fee_cents, p_sign * c.processing_fee_cents, p_sign * c.tax_cents,
         p_sign * c.refund_cents, p_sign * c.refunded_fee_cents, p_sign * c.payout_cents,
         p_sign * c.payments, p_sign * c.refunds, p_sign * c.payouts
    from private.finance_contribution(p_tx) c
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
  insert into public.finance_daily_totals as r (tenant_id, day, currency, gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents, payments, refunds, payouts)
  select c.tenant_id, c.day, c.currency,
         p_sign * c.gmv_cents, p_sign * c.platform_fee_cents, p_sign * c.processing_fee_cents, p_sign * c.tax_cents,
         p_sign * c.refund_cents, p_sign * c.refunded_fee_cents, p_sign * c.payout_cents,
         p_sign * c.payments, p_sign * c.refunds, p_sign * c.payouts
    from private.finance_contribution(p_tx) c
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
  delete from public.finance_daily_totals t where p_tenant_id is null or t.tenant_id = p_tenant_id;
  insert into public.finance_daily_totals (tenant_id, day, currency, gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents, payments, refunds, payouts)
  select r.tenant_id, r.day, r.currency, sum(r.gmv_cents), sum(r.platform_fee_cents), sum(r.processing_fee_cents),
         sum(r.tax_cents), sum(r.refund_cents), sum(r.refunded_fee_cents), sum(r.payout_cents),
         sum(r.payments), sum(r.refunds), sum(r.payouts)
    from public.finance_daily_rollups r
   where p_tenant_id is null or r.tenant_id = p_tenant_id
   group by 1, 2, 3;
  return v_rows;
end
$$;

create or replace function public.finance_summary(p_from date, p_to date, p_tenant_id uuid default null)
returns table (period text, currency char(3), gmv_cents bigint, platform_fee_cents bigint, processing_fee_cents bigint,
               tax_cents bigint, refund_cents bigint, refunded_fee_cents bigint, net_revenue_cents bigint, payout_cents bigint,
               take_rate numeric, payments bigint, refunds bigint, payouts bigint, disputed_cents bigint, disputes bigint)
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
  disputed as (
    select t.currency, sum(t.amount_cents)::bigint as amount, count(distinct b.id)::bigint as n
      from public.bookings b join public.transactions t on t.booking_id = b.id
     where b.status = 'disputed' and t.type = 'payment' and t.status in ('completed', 'refunded')
       and (p_tenant_id is null or b.tenant_id = p_tenant_id)
     group by t.currency
  ),
  keys as (select p.period, c.currency from (values ('current'), ('previous')) p (period)
             cross join (select m.currency from money m union select d.currency from disputed d) c)
  select k.period, k.currency, coalesce(m.gmv, 0), coalesce(m.fee, 0), coalesce(m.processing, 0), coalesce(m.tax, 0),
         coalesce(m.refund, 0), coalesce(m.refunded_fee, 0), coalesce(m.fee, 0) - coalesce(m.refunded_fee, 0), coalesce(m.payout, 0),
         round(m.fee::numeric / nullif(m.gmv, 0), 4), coalesce(m.payments, 0), coalesce(m.refunds, 0), coalesce(m.payouts, 0),
         case when k.period = 'current' then coalesce(d.amount, 0) end, case when k.period = 'current' then coalesce(d.n, 0) end
    from keys k
    left join money m on m.period = k.period and m.currency = k.currency
    left join disputed d on d.currency = k.currency
   order by k.currency, k.period;
end
$$;

create or replace function public.finance_series(p_from date, p_to date, p_interval text default 'day', p_tenant_id uuid default null)
returns table (bucket date, currency char(3), gmv_cents bigint, platform_fee_cents bigint, net_revenue_cents bigint,
               refund_cents bigint, payout_cents bigint, payments bigint)
language plpgsql stable
set search_path = ''
as $$
begin
  perform private.finance_require_reader();
  perform private.finance_check_period(p_from, p_to);
  if p_interval is null or p_interval not in ('day', 'week', 'month') then
    raise exception 'p_interval: day, week or month (got %)', coalesce(p_interval, 'null') using errcode = '22023';
  end if;
  return query
  with money as (
    select date_trunc(p_interval, r.day)::date as b, r.currency as cur, sum(r.gmv_cents)::bigint as gmv,
           sum(r.platform_fee_cents)::bigint as fee, sum(r.refunded_fee_cents)::bigint as refunded_fee,
           sum(r.refund_cents)::bigint as refund, sum(r.payout_cents)::bigint as payout, sum(r.payments)::bigint as payments
      from public.finance_daily_totals r
     where r.day between p_from and p_to and (p_tenant_id is null or r.tenant_id = p_tenant_id)
     group by 1, 2
  ),
  buckets as (
    select g::date as b from generate_series(date_trunc(p_interval, p_from), date_trunc(p_interval, p_to), ('1 ' || p_interval)::interval) g
  )
  select k.b, c.cur, coalesce(m.gmv, 0), coalesce(m.fee, 0), coalesce(m.fee, 0) - coalesce(m.refunded_fee, 0),
         coalesce(m.refund, 0), coalesce(m.payout, 0), coalesce(m.payments, 0)
    from buckets k cross join (select distinct m.cur from money m) c
    left join money m on m.b = k.b and m.cur = c.cur
   order by c.cur, k.b;
end
$$;

select private.rebuild_finance_rollups();
