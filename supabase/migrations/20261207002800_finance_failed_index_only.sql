-- The money page's failed payments at scale (issue 30's 100x figures): at 100x the summary spent
-- most of its time fetching every failed transaction of the tenant from the heap (the period
-- was a join filter, and amount and currency were not in the index): 440 ms median for 30 days.
-- Now the two periods are one created_at range in the WHERE clause, and the failed-payments
-- index carries what the sum needs, so it is an index-only scan of that range. The home page's
-- failed-payments card (tenant and week) reads the same index.

-- the index build takes a SHARE lock on transactions: wait for it briefly, never queue behind a
-- long transaction while blocking every write after it
set local lock_timeout = '5s';
drop index public.transactions_failed_idx;
create index transactions_failed_idx on public.transactions (tenant_id, created_at) include (currency, amount_cents)
  where status = 'failed';

create or replace function public.finance_summary(p_from date, p_to date, p_tenant_id uuid default null)
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
    select case when t.created_at >= (p_from::timestamp at time zone 'UTC') then 'current' else 'previous' end as period,
           t.currency, sum(t.amount_cents)::bigint as amount, count(*)::bigint as n
      from public.transactions t
     where t.status = 'failed'
       and t.created_at >= ((p_from - v_days)::timestamp at time zone 'UTC')
       and t.created_at < ((p_to + 1)::timestamp at time zone 'UTC')
       and (p_tenant_id is null or t.tenant_id = p_tenant_id)
     group by 1, t.currency
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
