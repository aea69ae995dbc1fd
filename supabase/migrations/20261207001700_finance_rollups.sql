-- Marketplace money, computed in the database (issue 30). Finance reads GMV, fees, refunds and
-- payouts per day, currency, region, city, category and provider from a rollup that triggers
-- keep current as transactions are written, and the dashboard's functions aggregate it under
-- the caller's RLS (finance.read). Definitions (the README's table says the same):
--   GMV                 booking payments captured (type payment, status completed or refunded,
--                       with a booking), whole amount: subtotal + platform fee + processing + tax
--   platform fees       their platform_fee_cents; take rate = platform fees / GMV
--   processing fees     their processing_fee_cents (kept by the payment processor)
--   tax                 their tax_cents (collected for the authorities)
--   refunds             completed refunds, whole amount
--   refunded fees       the platform fee share of each refund (refund × fee / payment, rounded)
--   net platform revenue  platform fees − refunded fees
--   provider payouts    completed payouts
-- A movement counts on its UTC day: processed_at, else created_at. Amounts never mix currencies.

create table public.finance_daily_rollups (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references public.tenants (id),
  day date not null,
  currency char(3) not null,
  region_id uuid references public.regions (id) on delete set null,
  city_id uuid references public.cities (id) on delete set null,
  category_id uuid references public.categories (id) on delete set null,
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
  payouts integer not null default 0
);
comment on table public.finance_daily_rollups is
  'Money per UTC day, currency, region, city, category and provider; written only by the transactions trigger and private.rebuild_finance_rollups.';
create unique index finance_daily_rollups_key on public.finance_daily_rollups
  (tenant_id, day, currency, region_id, city_id, category_id, provider_id) nulls not distinct;
create index finance_daily_rollups_region_idx on public.finance_daily_rollups (region_id);
create index finance_daily_rollups_city_idx on public.finance_daily_rollups (city_id);
create index finance_daily_rollups_category_idx on public.finance_daily_rollups (category_id);
create index finance_daily_rollups_provider_idx on public.finance_daily_rollups (provider_id);

alter table public.finance_daily_rollups enable row level security;
revoke all on table public.finance_daily_rollups from anon, authenticated;
grant select on table public.finance_daily_rollups to authenticated;
grant all on table public.finance_daily_rollups to service_role;
create policy "Staff with finance.read can read the money rollups of their tenant" on public.finance_daily_rollups
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));

-- What one transaction adds to the rollup, with the booking and listing it belongs to as they
-- are now (a booking or listing moved to another city or category later is put right by
-- private.rebuild_finance_rollups).
create function private.finance_contribution(p_tx public.transactions)
returns table (tenant_id uuid, day date, currency char(3), region_id uuid, city_id uuid, category_id uuid, provider_id uuid,
               gmv_cents bigint, platform_fee_cents bigint, processing_fee_cents bigint, tax_cents bigint,
               refund_cents bigint, refunded_fee_cents bigint, payout_cents bigint, payments integer, refunds integer, payouts integer)
language sql stable security definer
set search_path = ''
as $$
  select p_tx.tenant_id, (coalesce(p_tx.processed_at, p_tx.created_at) at time zone 'UTC')::date, p_tx.currency,
         c.region_id, l.city_id, l.category_id,
         case when p_tx.type = 'payout' then p_tx.user_id else b.provider_id end,
         case when m.payment then p_tx.amount_cents else 0 end,
         case when m.payment then p_tx.platform_fee_cents else 0 end,
         case when m.payment then p_tx.processing_fee_cents else 0 end,
         case when m.payment then p_tx.tax_cents else 0 end,
         case when m.refund then p_tx.amount_cents else 0 end,
         case when m.refund then coalesce(round(p_tx.amount_cents::numeric * o.platform_fee_cents / nullif(o.amount_cents, 0))::bigint, 0) else 0 end,
         case when m.payout then p_tx.amount_cents else 0 end,
         m.payment::integer, m.refund::integer, m.payout::integer
    from (select p_tx.type = 'payment' and p_tx.booking_id is not null and p_tx.status in ('completed', 'refunded') as payment,
                 p_tx.type = 'refund' and p_tx.status = 'completed' as refund,
                 p_tx.type = 'payout' and p_tx.status = 'completed' as payout) m
    left join public.bookings b on b.id = p_tx.booking_id
    left join public.listings l on l.id = b.listing_id
    left join public.cities c on c.id = l.city_id
    left join public.transactions o on m.refund and o.id = p_tx.refunded_transaction_id
   where m.payment or m.refund or m.payout
$$;
revoke all on function private.finance_contribution(public.transactions) from public, anon, authenticated;

-- Adds (p_sign 1) or takes away (-1) one transaction's contribution.
create function private.finance_apply(p_tx public.transactions, p_sign integer)
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
    payouts = r.payouts + excluded.payouts
$$;
revoke all on function private.finance_apply(public.transactions, integer) from public, anon, authenticated;

create function private.transactions_roll_up()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.finance_apply(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.finance_apply(new, 1);
  end if;
  return null;
end
$$;
revoke all on function private.transactions_roll_up() from public, anon, authenticated;
create trigger roll_up after insert or update or delete on public.transactions
  for each row execute function private.transactions_roll_up();

-- The rollup from scratch, for one tenant or all: after bulk loads (which skip triggers) and
-- after bookings or listings moved between cities or categories.
create function private.rebuild_finance_rollups(p_tenant_id uuid default null)
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
  return v_rows;
end
$$;
revoke all on function private.rebuild_finance_rollups(uuid) from public, anon, authenticated;

select private.rebuild_finance_rollups();

-- The dashboard's questions ---------------------------------------------------------------------
-- Each reads the rollup under the caller's RLS (finance.read in the tenants they hold it for;
-- p_tenant_id narrows to one, as the header's tenant scope does), per currency, never summed
-- across currencies. Periods are whole UTC days, p_to included.

create function private.finance_check_period(p_from date, p_to date)
returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  if p_from is null or p_to is null then
    raise exception 'a period needs p_from and p_to (dates)' using errcode = '22023';
  end if;
  if p_from > p_to then
    raise exception 'the period starts (%) after it ends (%)', p_from, p_to using errcode = '22023';
  end if;
  if p_to - p_from > 1830 then
    raise exception 'a period is at most five years (got % days)', p_to - p_from + 1 using errcode = '22023';
  end if;
end
$$;
revoke all on function private.finance_check_period(date, date) from public, anon;
grant execute on function private.finance_check_period(date, date) to authenticated, service_role;

create function private.finance_require_reader()
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if not private.has_permission('finance.read') then
    raise exception 'permission denied: the money dashboard needs finance.read' using errcode = '42501';
  end if;
end
$$;
revoke all on function private.finance_require_reader() from public, anon;
grant execute on function private.finance_require_reader() to authenticated, service_role;

-- The period and the one before it (as long, ending the day before p_from), per currency; the
-- current row also carries what is in dispute now.
create function public.finance_summary(p_from date, p_to date, p_tenant_id uuid default null)
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
      from periods p join public.finance_daily_rollups r on r.day between p.starts and p.ends
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
revoke all on function public.finance_summary(date, date, uuid) from public, anon;
grant execute on function public.finance_summary(date, date, uuid) to authenticated, service_role;

-- By day, ISO week (from Monday) or month, every bucket of the period present (zeros included)
-- for each currency that moved.
create function public.finance_series(p_from date, p_to date, p_interval text default 'day', p_tenant_id uuid default null)
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
      from public.finance_daily_rollups r
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
revoke all on function public.finance_series(date, date, text, uuid) from public, anon;
grant execute on function public.finance_series(date, date, text, uuid) to authenticated, service_role;

-- By region, city, category or provider: the largest by GMV first, per currency.
create function public.finance_breakdown(p_from date, p_to date, p_dimension text, p_tenant_id uuid default null, p_limit integer default 50)
returns table (key uuid, label text, currency char(3), gmv_cents bigint, platform_fee_cents bigint, take_rate numeric,
               refund_cents bigint, net_revenue_cents bigint, payout_cents bigint, payments bigint)
language plpgsql stable
set search_path = ''
as $$
begin
  perform private.finance_require_reader();
  perform private.finance_check_period(p_from, p_to);
  if p_dimension is null or p_dimension not in ('region', 'city', 'category', 'provider') then
    raise exception 'p_dimension: region, city, category or provider (got %)', coalesce(p_dimension, 'null') using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 500 then
    raise exception 'p_limit: 1 to 500 (got %)', p_limit using errcode = '22023';
  end if;
  return query
  with money as (
    select case p_dimension when 'region' then r.region_id when 'city' then r.city_id
                            when 'category' then r.category_id else r.provider_id end as k,
           r.currency as cur, sum(r.gmv_cents)::bigint as gmv, sum(r.platform_fee_cents)::bigint as fee,
           sum(r.refund_cents)::bigint as refund, sum(r.refunded_fee_cents)::bigint as refunded_fee,
           sum(r.payout_cents)::bigint as payout, sum(r.payments)::bigint as payments
      from public.finance_daily_rollups r
     where r.day between p_from and p_to and (p_tenant_id is null or r.tenant_id = p_tenant_id)
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
revoke all on function public.finance_breakdown(date, date, text, uuid, integer) from public, anon;
grant execute on function public.finance_breakdown(date, date, text, uuid, integer) to authenticated, service_role;
