-- Where the money was made (issue 30). Until now the money rollups looked each transaction's
-- booking, listing and city up as they are *now*: a listing moved to another category or city
-- later silently moved its past money on the next rebuild but not before, and the transactions
-- list could not be filtered by region, city or category for finance (who may not read listings,
-- so an embedded filter through bookings → listings → cities hides rows under RLS).
--
-- Each transaction now carries its place, stamped from its booking's listing when it is written
-- and never changed after (money made in Oakland stays Oakland's when the listing moves):
--   region_id, city_id, category_id  the booking's listing's city (and its region) and category;
--                                     a refund without a booking takes its payment's
--   provider_id                       the booking's provider; for a payout, the provider paid
-- Only the trigger writes them (no API role may write transactions at all). The rollups read the
-- stamp, so a rebuild gives exactly what the triggers kept.
--
-- Long breakdowns: finance_monthly_rollups holds the fine rollup per calendar month, kept by the
-- same trigger function; finance_breakdown reads whole months from it and the ragged ends from
-- the daily rollup (a year by provider read ~1 row per transaction: 390 ms at the bench's 25×).

alter table public.transactions
  add column region_id uuid references public.regions (id) on delete set null,
  add column city_id uuid references public.cities (id) on delete set null,
  add column category_id uuid references public.categories (id) on delete set null,
  add column provider_id uuid references public.users (id) on delete set null;
comment on column public.transactions.region_id is
  'Region the money was made in: the booking''s listing''s city''s region when the transaction was written. Set by a trigger.';
comment on column public.transactions.city_id is
  'City the money was made in: the booking''s listing''s city when the transaction was written. Set by a trigger.';
comment on column public.transactions.category_id is
  'Category the money was made in: the booking''s listing''s category when the transaction was written. Set by a trigger.';
comment on column public.transactions.provider_id is
  'Provider the money is for: the booking''s provider, or the provider a payout pays. Set by a trigger.';

-- the transactions list filters by each, newest movement first
create index transactions_region_id_idx on public.transactions (region_id, processed_at desc);
create index transactions_city_id_idx on public.transactions (city_id, processed_at desc);
create index transactions_category_id_idx on public.transactions (category_id, processed_at desc);
create index transactions_provider_id_idx on public.transactions (provider_id, processed_at desc);

create function private.transactions_attribute()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  -- once stamped, a transaction keeps its place unless what it is for changes
  if tg_op = 'UPDATE'
     and num_nonnulls(old.region_id, old.city_id, old.category_id, old.provider_id) > 0
     and new.booking_id is not distinct from old.booking_id
     and new.refunded_transaction_id is not distinct from old.refunded_transaction_id
     and new.type = old.type and new.user_id = old.user_id then
    new.region_id := old.region_id;
    new.city_id := old.city_id;
    new.category_id := old.category_id;
    new.provider_id := old.provider_id;
    return new;
  end if;
  new.region_id := null;
  new.city_id := null;
  new.category_id := null;
  new.provider_id := null;
  if new.booking_id is not null then
    select c.region_id, l.city_id, l.category_id, b.provider_id
      into new.region_id, new.city_id, new.category_id, new.provider_id
      from public.bookings b
      join public.listings l on l.id = b.listing_id
      left join public.cities c on c.id = l.city_id
     where b.id = new.booking_id;
  elsif new.refunded_transaction_id is not null then
    select o.region_id, o.city_id, o.category_id, o.provider_id
      into new.region_id, new.city_id, new.category_id, new.provider_id
      from public.transactions o
     where o.id = new.refunded_transaction_id;
  end if;
  if new.type = 'payout' then
    new.provider_id := new.user_id;
  end if;
  return new;
end
$$;
revoke all on function private.transactions_attribute() from public, anon, authenticated;
create trigger attribute_place before insert or update on public.transactions
  for each row execute function private.transactions_attribute();

-- Stamps the transactions never stamped (bulk loads skip triggers), payments before refunds so
-- that a refund without a booking finds its payment's place. Returns how many it stamped.
create function private.attribute_transactions(p_tenant_id uuid default null)
returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  v_rows bigint;
  v_refunds bigint;
begin
  update public.transactions t
     set region_id = c.region_id, city_id = l.city_id, category_id = l.category_id,
         provider_id = case when t.type = 'payout' then t.user_id else b.provider_id end
    from public.transactions s
    left join public.bookings b on b.id = s.booking_id
    left join public.listings l on l.id = b.listing_id
    left join public.cities c on c.id = l.city_id
   where t.id = s.id
     and num_nonnulls(t.region_id, t.city_id, t.category_id, t.provider_id) = 0
     and (t.booking_id is not null or t.type = 'payout')
     and (p_tenant_id is null or t.tenant_id = p_tenant_id);
  get diagnostics v_rows = row_count;
  update public.transactions t
     set region_id = o.region_id, city_id = o.city_id, category_id = o.category_id, provider_id = o.provider_id
    from public.transactions o
   where o.id = t.refunded_transaction_id
     and t.booking_id is null
     and num_nonnulls(t.region_id, t.city_id, t.category_id, t.provider_id) = 0
     and num_nonnulls(o.region_id, o.city_id, o.category_id, o.provider_id) > 0
     and (p_tenant_id is null or t.tenant_id = p_tenant_id);
  get diagnostics v_refunds = row_count;
  return v_rows + v_refunds;
end
$$;
revoke all on function private.attribute_transactions(uuid) from public, anon, authenticated;

create table public.finance_monthly_rollups (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references public.tenants (id),
  month date not null check (month = date_trunc('month', month)::date),
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
comment on table public.finance_monthly_rollups is
  'Money per calendar month (UTC), currency, region, city, category and provider: finance_daily_rollups by month, kept by the same trigger.';
create unique index finance_monthly_rollups_key on public.finance_monthly_rollups
  (tenant_id, month, currency, region_id, city_id, category_id, provider_id) nulls not distinct;
create index finance_monthly_rollups_month_idx on public.finance_monthly_rollups (month);
create index finance_monthly_rollups_region_idx on public.finance_monthly_rollups (region_id);
create index finance_monthly_rollups_city_idx on public.finance_monthly_rollups (city_id);
create index finance_monthly_rollups_category_idx on public.finance_monthly_rollups (category_id);
create index finance_monthly_rollups_provider_idx on public.finance_monthly_rollups (provider_id);
-- the daily rollup is read by day range across tenants (p_tenant_id null)
create index finance_daily_rollups_day_idx on public.finance_daily_rollups (day);

alter table public.finance_monthly_rollups enable row level security;
revoke all on table public.finance_monthly_rollups from anon, authenticated;
grant select on table public.finance_monthly_rollups to authenticated;
grant all on table public.finance_monthly_rollups to service_role;
create policy "Staff with finance.read can read the monthly money rollups of their tenant" on public.finance_monthly_rollups
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));

-- What one transaction adds: its own stamped place, no lookups (a refund's fee share still
-- needs its payment).
create or replace function private.finance_contribution(p_tx public.transactions)
returns table (tenant_id uuid, day date, currency char(3), region_id uuid, city_id uuid, category_id uuid, provider_id uuid,
               gmv_cents bigint, platform_fee_cents bigint, processing_fee_cents bigint, tax_cents bigint,
               refund_cents bigint, refunded_fee_cents bigint, payout_cents bigint, payments integer, refunds integer, payouts integer)
language sql stable security definer
set search_path = ''
as $$
  select p_tx.tenant_id, (coalesce(p_tx.processed_at, p_tx.created_at) at time zone 'UTC')::date, p_tx.currency,
         p_tx.region_id, p_tx.city_id, p_tx.category_id, p_tx.provider_id,
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
    left join public.transactions o on m.refund and o.id = p_tx.refunded_transaction_id
   where m.payment or m.refund or m.payout
$$;

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
  insert into public.finance_monthly_rollups as r (tenant_id, month, currency, region_id, city_id, category_id, provider_id,
    gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents,
    payments, refunds, payouts)
  select c.tenant_id, date_trunc('month', c.day)::date, c.currency, c.region_id, c.city_id, c.category_id, c.provider_id,
         p_sign * c.gmv_cents, p_sign * c.platform_fee_cents, p_sign * c.processing_fee_cents, p_sign * c.tax_cents,
         p_sign * c.refund_cents, p_sign * c.refunded_fee_cents, p_sign * c.payout_cents,
         p_sign * c.payments, p_sign * c.refunds, p_sign * c.payouts
    from private.finance_contribution(p_tx) c
  on conflict (tenant_id, month, currency, region_id, city_id, category_id, provider_id) do update set
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
  delete from public.finance_monthly_rollups r where p_tenant_id is null or r.tenant_id = p_tenant_id;
  insert into public.finance_monthly_rollups (tenant_id, month, currency, region_id, city_id, category_id, provider_id,
    gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents,
    payments, refunds, payouts)
  select r.tenant_id, date_trunc('month', r.day)::date, r.currency, r.region_id, r.city_id, r.category_id, r.provider_id,
         sum(r.gmv_cents), sum(r.platform_fee_cents), sum(r.processing_fee_cents), sum(r.tax_cents),
         sum(r.refund_cents), sum(r.refunded_fee_cents), sum(r.payout_cents), sum(r.payments), sum(r.refunds), sum(r.payouts)
    from public.finance_daily_rollups r
   where p_tenant_id is null or r.tenant_id = p_tenant_id
   group by 1, 2, 3, 4, 5, 6, 7;
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

-- Whole months of the period from the monthly rollup, the days before the first whole month and
-- after the last from the daily one; the same answer as reading days only.
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
    select r.region_id, r.city_id, r.category_id, r.provider_id, r.currency, r.gmv_cents, r.platform_fee_cents,
           r.refund_cents, r.refunded_fee_cents, r.payout_cents, r.payments
      from public.finance_monthly_rollups r
     where r.month >= v_months_from and r.month < v_months_to and (p_tenant_id is null or r.tenant_id = p_tenant_id)
    union all
    select r.region_id, r.city_id, r.category_id, r.provider_id, r.currency, r.gmv_cents, r.platform_fee_cents,
           r.refund_cents, r.refunded_fee_cents, r.payout_cents, r.payments
      from public.finance_daily_rollups r
     where (r.day >= p_from and r.day < least(v_months_from, p_to + 1)
            or r.day >= greatest(v_months_to, p_from) and r.day <= p_to)
       and (p_tenant_id is null or r.tenant_id = p_tenant_id)
  ),
  money as (
    select case p_dimension when 'region' then r.region_id when 'city' then r.city_id
                            when 'category' then r.category_id else r.provider_id end as k,
           r.currency as cur, sum(r.gmv_cents)::bigint as gmv, sum(r.platform_fee_cents)::bigint as fee,
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

-- the money already recorded gets its place as things stand now (the best that can be known),
-- then the rollups are rebuilt from the stamps (a backfill, not a change: no audit rows, no
-- updated_at, no row-by-row rollup)
alter table public.transactions disable trigger user;
select private.attribute_transactions();
alter table public.transactions enable trigger user;
select private.rebuild_finance_rollups();
