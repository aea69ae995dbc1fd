-- Marketplace money: the dashboard functions against a small hand-made month whose answers are
-- worked out below, the rollup equal to the raw computation after random writes, and who may ask.
begin;
select plan(34);
select tests.create_marketplace_fixture();

-- March 2015, long before any demo data: booking 301 is listing 101 (provider, Fixtureville in
-- Fixture US West, Fixture Plumbing); the customer pays, the provider is paid.
insert into public.transactions (id, user_id, booking_id, type, status, amount_cents, currency, platform_fee_cents,
                                 processing_fee_cents, tax_cents, failure_reason, processed_at, created_at)
values
  -- T1 captured: 100.00 of which fee 15.00, processing 3.00, tax 8.00
  ('f0000000-0000-4000-8000-00000000f001', tests.get_user_id('customer'), 'f0000000-0000-4000-8000-000000000301', 'payment', 'completed',
   10000, 'USD', 1500, 300, 800, null, '2015-03-02 10:00Z', '2015-03-02 10:00Z'),
  -- T2 captured 50.00 (fee 7.50, processing 1.50, tax 4.00), later partly refunded
  ('f0000000-0000-4000-8000-00000000f002', tests.get_user_id('customer'), 'f0000000-0000-4000-8000-000000000301', 'payment', 'completed',
   5000, 'USD', 750, 150, 400, null, '2015-03-05 10:00Z', '2015-03-05 10:00Z'),
  -- T4 failed: not GMV
  ('f0000000-0000-4000-8000-00000000f004', tests.get_user_id('customer'), 'f0000000-0000-4000-8000-000000000301', 'payment', 'failed',
   9999, 'USD', 0, 0, 0, 'card declined', null, '2015-03-07 10:00Z'),
  -- T6 in February: the previous period
  ('f0000000-0000-4000-8000-00000000f006', tests.get_user_id('customer'), 'f0000000-0000-4000-8000-000000000301', 'payment', 'completed',
   4000, 'USD', 600, 120, 0, null, '2015-02-20 10:00Z', '2015-02-20 10:00Z');
insert into public.transactions (id, user_id, booking_id, refunded_transaction_id, type, status, amount_cents, currency, processed_at, created_at)
values
  -- T3 refunds 20.00 of T2: its fee share is 20.00 × 7.50 / 50.00 = 3.00
  ('f0000000-0000-4000-8000-00000000f003', tests.get_user_id('customer'), 'f0000000-0000-4000-8000-000000000301',
   'f0000000-0000-4000-8000-00000000f002', 'refund', 'completed', 2000, 'USD', '2015-03-06 10:00Z', '2015-03-06 10:00Z');
insert into public.transactions (id, user_id, type, status, amount_cents, currency, processed_at, created_at)
values
  -- T5 a payout of 70.00 to the provider, T7 one of 25.00 in euros
  ('f0000000-0000-4000-8000-00000000f005', tests.get_user_id('provider'), 'payout', 'completed', 7000, 'USD', '2015-03-10 10:00Z', '2015-03-10 10:00Z'),
  ('f0000000-0000-4000-8000-00000000f007', tests.get_user_id('provider'), 'payout', 'completed', 2500, 'EUR', '2015-03-12 10:00Z', '2015-03-12 10:00Z');

select tests.authenticate_as('finance');
-- current USD: GMV 100 + 50 = 150.00; fees 15 + 7.5 = 22.50 (take rate 0.15); processing 4.50;
-- tax 12.00; refunds 20.00, refunded fees 3.00, net revenue 22.50 − 3.00 = 19.50; payouts 70.00.
-- previous USD (29 Jan – 28 Feb): T6 alone. EUR: the payout only; no GMV, so no take rate.
select results_eq($$ select period, currency::text, gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents,
                            refunded_fee_cents, net_revenue_cents, payout_cents, take_rate, payments, refunds, payouts
                       from public.finance_summary('2015-03-01', '2015-03-31') $$,
  $$ values ('current', 'EUR', 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 2500::bigint, null::numeric, 0::bigint, 0::bigint, 1::bigint),
            ('previous', 'EUR', 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0),
            ('current', 'USD', 15000, 2250, 450, 1200, 2000, 300, 1950, 7000, 0.1500, 2, 1, 1),
            ('previous', 'USD', 4000, 600, 120, 0, 0, 0, 600, 0, 0.1500, 1, 0, 0) $$,
  'the month and the one before, per currency, as worked out by hand');
-- failed: T4 (99.99, created 7 March) in March, nothing in February; in dispute: the disputed
-- bookings' totals now, whatever the period
select results_eq($$ select period, currency::text, failed_cents, failed from public.finance_summary('2015-03-01', '2015-03-31') $$,
  $$ values ('current', 'EUR', 0::bigint, 0::bigint), ('previous', 'EUR', 0, 0), ('current', 'USD', 9999, 1), ('previous', 'USD', 0, 0) $$,
  'failed transactions by the day they were created, per currency');
select results_eq($$ select currency::text, disputed_cents, disputes from public.finance_summary('2015-03-01', '2015-03-31')
                     where period = 'current' and disputes > 0 $$,
  $$ select currency::text, sum(total_cents)::bigint, count(*)::bigint from public.bookings where status = 'disputed'
      group by currency order by currency $$,
  'in dispute: the totals of the bookings disputed now');
select ok((select sum(disputes) from public.finance_summary('2015-03-01', '2015-03-31')) > 0, 'of which finance sees some');
select results_eq($$ select bucket, currency::text, gmv_cents, net_revenue_cents, refund_cents, payout_cents
                       from public.finance_series('2015-03-01', '2015-03-07', 'day') where currency = 'USD' $$,
  $$ values ('2015-03-01'::date, 'USD', 0::bigint, 0::bigint, 0::bigint, 0::bigint), ('2015-03-02', 'USD', 10000, 1500, 0, 0),
            ('2015-03-03', 'USD', 0, 0, 0, 0), ('2015-03-04', 'USD', 0, 0, 0, 0), ('2015-03-05', 'USD', 5000, 750, 0, 0),
            ('2015-03-06', 'USD', 0, -300, 2000, 0), ('2015-03-07', 'USD', 0, 0, 0, 0) $$,
  'by day, every day present: the refund takes its fee share back on its own day');
select results_eq($$ select bucket, gmv_cents from public.finance_series('2015-02-16', '2015-03-08', 'week') where currency = 'USD' $$,
  $$ values ('2015-02-16'::date, 4000::bigint), ('2015-02-23', 0), ('2015-03-02', 15000) $$,
  'by ISO week, from Monday');
select results_eq($$ select label, currency::text, gmv_cents, take_rate, net_revenue_cents, payout_cents
                       from public.finance_breakdown('2015-03-01', '2015-03-31', 'category') $$,
  $$ values ('(none)', 'EUR', 0::bigint, null::numeric, 0::bigint, 2500::bigint),
            ('Fixture Plumbing', 'USD', 15000, 0.1500, 1950, 0), ('(none)', 'USD', 0, null, 0, 7000) $$,
  'by category: bookings under theirs, payouts under none');
select results_eq($$ select label, gmv_cents from public.finance_breakdown('2015-03-01', '2015-03-31', 'region') where currency = 'USD' $$,
  $$ values ('Fixture US West', 15000::bigint), ('(none)', 0) $$, 'by region, through the listing''s city');
select results_eq($$ select key, gmv_cents, payout_cents from public.finance_breakdown('2015-03-01', '2015-03-31', 'provider') where currency = 'USD' $$,
  $$ values (tests.get_user_id('provider'), 15000::bigint, 7000::bigint) $$, 'by provider: what they sold and were paid');

-- bad questions get clear errors
select throws_ok($$ select * from public.finance_summary('2015-03-31', '2015-03-01') $$, '22023',
  'the period starts (2015-03-31) after it ends (2015-03-01)', 'a period backwards is refused');
select throws_ok($$ select * from public.finance_series('2015-03-01', '2015-03-31', 'hour') $$, '22023',
  'p_interval: day, week or month (got hour)', 'an unknown interval is refused');
select throws_ok($$ select * from public.finance_breakdown('2015-03-01', '2015-03-31', 'planet') $$, '22023',
  'p_dimension: region, city, category or provider (got planet)', 'an unknown dimension is refused');

-- who may ask
select tests.authenticate_as('operations');
select throws_ok($$ select * from public.finance_summary('2015-03-01', '2015-03-31') $$, '42501', null, 'operations is refused');
select is_empty($$ select 1 from public.finance_daily_rollups $$, 'and reads no rollup rows');
select tests.authenticate_as('product');
select throws_ok($$ select * from public.finance_series('2015-03-01', '2015-03-31') $$, '42501', null, 'product is refused');
select tests.authenticate_as('customer');
select throws_ok($$ select * from public.finance_breakdown('2015-03-01', '2015-03-31', 'city') $$, '42501', null, 'a customer is refused');
select tests.authenticate_as('other_admin');
select is_empty($$ select * from public.finance_summary('2015-03-01', '2015-03-31') $$,
  'another tenant''s admin sees none of this tenant''s money');
select tests.reset_role();
select set_config('t.other', tests.ensure_tenant('other-co')::text, true), set_config('t.mine', tests.ensure_tenant('loconomy')::text, true) \g /dev/null
select tests.authenticate_as('finance');
select is_empty($$ select * from public.finance_summary('2015-03-01', '2015-03-31', current_setting('t.other')::uuid) $$,
  'nor does finance see another tenant''s by naming it');
select throws_ok($$ insert into public.finance_daily_rollups (tenant_id, day, currency) values (current_setting('t.mine')::uuid, '2015-01-01', 'USD') $$,
  '42501', null, 'nobody writes the rollup through the API');
select tests.reset_role();

-- the rollup stays equal to the raw computation through random writes: payments created pending
-- and captured or failed, partial and full refunds, payouts, a booking moved to another listing
-- after a rebuild, deletes
create temporary table ops_done (op text);
do $$
declare
  v_customer uuid := tests.get_user_id('customer');
  v_provider uuid := tests.get_user_id('provider');
  v_payment public.transactions;
  v_id uuid;
  v_amount bigint;
begin
  perform setseed(0.2015);
  for i in 1 .. 400 loop
    case floor(random() * 6)::int
      when 0, 1 then
        v_amount := 1000 + floor(random() * 20000)::bigint;
        insert into public.transactions (user_id, booking_id, type, status, amount_cents, currency, platform_fee_cents,
                                         processing_fee_cents, tax_cents, processed_at, created_at)
        values (v_customer, (array['f0000000-0000-4000-8000-000000000301', 'f0000000-0000-4000-8000-000000000304',
                                   'f0000000-0000-4000-8000-000000000305'])[1 + floor(random() * 3)::int]::uuid,
                'payment', 'pending', v_amount, 'USD', v_amount / 10, v_amount / 40, v_amount / 20,
                case when random() < 0.5 then '2015-04-01'::timestamptz + random() * interval '60 days' end,
                '2015-04-01'::timestamptz + random() * interval '60 days');
        insert into ops_done values ('insert payment');
      when 2 then
        select * into v_payment from public.transactions where status = 'pending' and type = 'payment'
          and created_at >= '2015-04-01' and created_at < '2015-07-01' order by random() limit 1;
        if v_payment.id is not null then
          if random() < 0.8 then
            update public.transactions set status = 'completed' where id = v_payment.id;
            insert into ops_done values ('capture');
          else
            update public.transactions set status = 'failed', failure_reason = 'declined' where id = v_payment.id;
            insert into ops_done values ('fail');
          end if;
        end if;
      when 3 then
        select t.* into v_payment from public.transactions t where t.status = 'completed' and t.type = 'payment'
          and t.created_at >= '2015-04-01' and t.created_at < '2015-07-01' order by random() limit 1;
        if v_payment.id is not null then
          v_amount := v_payment.amount_cents - coalesce((select sum(r.amount_cents) from public.transactions r
                                                          where r.refunded_transaction_id = v_payment.id), 0);
          if v_amount > 0 then
            insert into public.transactions (user_id, booking_id, refunded_transaction_id, type, status, amount_cents, currency,
                                             processed_at, created_at)
            values (v_customer, v_payment.booking_id, v_payment.id, 'refund', 'completed',
                    case when random() < 0.4 then v_amount else greatest(1, floor(v_amount * random())::bigint) end, 'USD',
                    v_payment.processed_at + interval '2 days', v_payment.created_at + interval '2 days');
            insert into ops_done values ('refund');
          end if;
        end if;
      when 4 then
        insert into public.transactions (user_id, type, status, amount_cents, currency, processed_at, created_at)
        values (v_provider, 'payout', case when random() < 0.7 then 'completed' else 'pending' end::public.payment_status,
                500 + floor(random() * 9000)::bigint, (array['USD', 'EUR'])[1 + floor(random() * 2)::int],
                '2015-04-01'::timestamptz + random() * interval '60 days', '2015-04-01'::timestamptz + random() * interval '60 days');
        insert into ops_done values ('payout');
      else
        select t.id into v_id from public.transactions t
         where t.created_at >= '2015-04-01' and t.created_at < '2015-07-01'
           and not exists (select 1 from public.transactions r where r.refunded_transaction_id = t.id)
           and not exists (select 1 from public.payout_transactions p where p.transaction_id = t.id)
         order by random() limit 1;
        if v_id is not null then
          delete from public.transactions where id = v_id;
          insert into ops_done values ('delete');
        end if;
    end case;
  end loop;
end
$$;
select ok((select count(distinct op) from ops_done) = 6, 'the random writes included every kind of operation');
create temporary table raw_rollup as
  select c.tenant_id, c.day, c.currency, c.region_id, c.city_id, c.category_id, c.provider_id,
         sum(c.gmv_cents) as gmv, sum(c.platform_fee_cents) as fee, sum(c.processing_fee_cents) as processing,
         sum(c.tax_cents) as tax, sum(c.refund_cents) as refund, sum(c.refunded_fee_cents) as refunded_fee,
         sum(c.payout_cents) as payout, sum(c.payments) as payments, sum(c.refunds) as refunds, sum(c.payouts) as payouts
    from public.transactions t cross join lateral private.finance_contribution(t) c
   group by 1, 2, 3, 4, 5, 6, 7;
select set_eq($$ select tenant_id, day, currency, region_id, city_id, category_id, provider_id, gmv_cents::numeric, platform_fee_cents::numeric,
                        processing_fee_cents::numeric, tax_cents::numeric, refund_cents::numeric, refunded_fee_cents::numeric,
                        payout_cents::numeric, payments::numeric, refunds::numeric, payouts::numeric
                   from public.finance_daily_rollups
                  where (gmv_cents, platform_fee_cents, processing_fee_cents, tax_cents, refund_cents, refunded_fee_cents, payout_cents,
                         payments, refunds, payouts) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0) $$,
  $$ select * from raw_rollup $$,
  'the rollup kept by the trigger equals the rollup computed from the transactions');
select set_eq($$ select tenant_id, day, currency, gmv_cents::numeric, platform_fee_cents::numeric, refund_cents::numeric,
                        refunded_fee_cents::numeric, payout_cents::numeric, payments::numeric, refunds::numeric, payouts::numeric
                   from public.finance_daily_totals
                  where (gmv_cents, platform_fee_cents, refund_cents, refunded_fee_cents, payout_cents, payments, refunds, payouts)
                        <> (0, 0, 0, 0, 0, 0, 0, 0) $$,
  $$ select tenant_id, day, currency, sum(gmv) as gmv, sum(fee) as fee, sum(refund) as refund, sum(refunded_fee) as refunded_fee,
            sum(payout) as payout, sum(payments) as payments, sum(refunds) as refunds, sum(payouts) as payouts
       from raw_rollup group by 1, 2, 3 $$,
  'and so do the per-day totals the summary and series read');
select set_eq($$ select tenant_id, month, currency, region_id, city_id, category_id, gmv_cents::numeric, platform_fee_cents::numeric,
                        refund_cents::numeric, refunded_fee_cents::numeric, payout_cents::numeric, payments::numeric, refunds::numeric,
                        payouts::numeric
                   from public.finance_monthly_places
                  where (gmv_cents, platform_fee_cents, refund_cents, refunded_fee_cents, payout_cents, payments, refunds, payouts)
                        <> (0, 0, 0, 0, 0, 0, 0, 0) $$,
  $$ select tenant_id, date_trunc('month', day)::date as month, currency, region_id, city_id, category_id, sum(gmv) as gmv,
            sum(fee) as fee, sum(refund) as refund, sum(refunded_fee) as refunded_fee, sum(payout) as payout,
            sum(payments) as payments, sum(refunds) as refunds, sum(payouts) as payouts
       from raw_rollup group by 1, 2, 3, 4, 5, 6 $$,
  'and so does the monthly rollup by place the long breakdowns read');
select set_eq($$ select tenant_id, month, currency, provider_id, gmv_cents::numeric, platform_fee_cents::numeric,
                        refund_cents::numeric, refunded_fee_cents::numeric, payout_cents::numeric, payments::numeric, refunds::numeric,
                        payouts::numeric
                   from public.finance_monthly_providers
                  where (gmv_cents, platform_fee_cents, refund_cents, refunded_fee_cents, payout_cents, payments, refunds, payouts)
                        <> (0, 0, 0, 0, 0, 0, 0, 0) $$,
  $$ select tenant_id, date_trunc('month', day)::date as month, currency, provider_id, sum(gmv) as gmv,
            sum(fee) as fee, sum(refund) as refund, sum(refunded_fee) as refunded_fee, sum(payout) as payout,
            sum(payments) as payments, sum(refunds) as refunds, sum(payouts) as payouts
       from raw_rollup group by 1, 2, 3, 4 $$,
  'and the monthly rollup by provider');

-- each movement carries the place it was made in, stamped from its booking's listing
select is_empty($$ select t.id from public.transactions t
                    join public.bookings b on b.id = t.booking_id
                    join public.listings l on l.id = b.listing_id
                    join public.cities c on c.id = l.city_id
                   where (t.region_id, t.city_id, t.category_id, t.provider_id)
                         is distinct from (c.region_id, l.city_id, l.category_id, b.provider_id) $$,
  'every booking''s payment and refund carries its listing''s region, city and category and its provider');
select is_empty($$ select t.id from public.transactions t
                   where t.type = 'payout' and (t.provider_id is distinct from t.user_id or t.region_id is not null) $$,
  'a payout is the paid provider''s and no place''s');

-- a breakdown reads whole months from the monthly rollup and the ends from the daily one: the
-- same answer as adding up days, for periods inside one month, across months and of whole months
select tests.authenticate_as('finance');
create temporary table periods (p_from date, p_to date, dimension text);
insert into periods values ('2015-04-10', '2015-06-20', 'provider'), ('2015-04-10', '2015-06-20', 'category'),
  ('2015-05-03', '2015-05-09', 'region'), ('2015-04-01', '2015-05-31', 'city'), ('2015-04-30', '2015-05-01', 'provider'),
  ('2015-03-15', '2015-07-31', 'region');
select set_eq($$ select p.p_from, p.p_to, p.dimension, b.key, b.currency::text, b.gmv_cents, b.platform_fee_cents, b.refund_cents,
                        b.net_revenue_cents, b.payout_cents, b.payments
                   from periods p cross join lateral public.finance_breakdown(p.p_from, p.p_to, p.dimension, null, 500) b $$,
  $$ select p.p_from, p.p_to, p.dimension,
            case p.dimension when 'region' then r.region_id when 'city' then r.city_id when 'category' then r.category_id
                             else r.provider_id end as key,
            r.currency::text as currency, sum(r.gmv_cents)::bigint as gmv, sum(r.platform_fee_cents)::bigint as fee,
            sum(r.refund_cents)::bigint as refund, (sum(r.platform_fee_cents) - sum(r.refunded_fee_cents))::bigint as net,
            sum(r.payout_cents)::bigint as payout, sum(r.payments)::bigint as payments
       from periods p join public.finance_daily_rollups r on r.day between p.p_from and p.p_to
      group by 1, 2, 3, 4, 5 $$,
  'a breakdown over whole and partial months equals the days added up');
select tests.reset_role();

-- a refund without its booking takes its payment's place; a stamped place is not rewritten
insert into public.transactions (id, user_id, refunded_transaction_id, type, status, amount_cents, currency, processed_at, created_at)
values ('f0000000-0000-4000-8000-00000000f008', tests.get_user_id('customer'), 'f0000000-0000-4000-8000-00000000f001',
        'refund', 'completed', 100, 'USD', '2015-03-20 10:00Z', '2015-03-20 10:00Z');
select results_eq($$ select region_id, city_id, category_id, provider_id from public.transactions where id = 'f0000000-0000-4000-8000-00000000f008' $$,
  $$ select region_id, city_id, category_id, provider_id from public.transactions where id = 'f0000000-0000-4000-8000-00000000f001' $$,
  'a refund without a booking is its payment''s place''s');
update public.transactions set region_id = null, category_id = null, provider_id = tests.get_user_id('customer'), description = 'edited'
 where id = 'f0000000-0000-4000-8000-00000000f001';
select results_eq($$ select category_id, provider_id, description from public.transactions where id = 'f0000000-0000-4000-8000-00000000f001' $$,
  $$ select l.category_id, tests.get_user_id('provider'), 'edited'::text from public.listings l where l.id = 'f0000000-0000-4000-8000-000000000101' $$,
  'an update cannot rewrite a stamped place, even from a privileged session');

-- money made stays where it was made: a listing moved to another category later moves no
-- past money, neither in the rollup kept by the trigger nor in a rebuild
create temporary table before_move as
  select tenant_id, day, currency, region_id, city_id, category_id, provider_id, gmv_cents, refund_cents, payout_cents
    from public.finance_daily_rollups
   where (gmv_cents, platform_fee_cents, refund_cents, refunded_fee_cents, payout_cents, payments, refunds, payouts) <> (0, 0, 0, 0, 0, 0, 0, 0);
update public.listings set category_id = 'f0000000-0000-4000-8000-000000000010' where id = 'f0000000-0000-4000-8000-000000000101';
select cmp_ok(private.rebuild_finance_rollups(), '>', 0::bigint, 'a rebuild after a listing moved to another category');
select set_eq($$ select tenant_id, day, currency, region_id, city_id, category_id, provider_id, gmv_cents, refund_cents, payout_cents
                   from public.finance_daily_rollups $$,
  $$ select * from before_move $$,
  'leaves the money made before the move in the old category');
insert into public.transactions (id, user_id, booking_id, type, status, amount_cents, currency, platform_fee_cents, processed_at, created_at)
values ('f0000000-0000-4000-8000-00000000f009', tests.get_user_id('customer'), 'f0000000-0000-4000-8000-000000000301', 'payment',
        'completed', 3000, 'USD', 300, '2015-08-01 10:00Z', '2015-08-01 10:00Z');
select is((select category_id from public.transactions where id = 'f0000000-0000-4000-8000-00000000f009'),
  'f0000000-0000-4000-8000-000000000010'::uuid, 'and money made after it goes to the new one');
truncate raw_rollup;
insert into raw_rollup
  select c.tenant_id, c.day, c.currency, c.region_id, c.city_id, c.category_id, c.provider_id,
         sum(c.gmv_cents), sum(c.platform_fee_cents), sum(c.processing_fee_cents), sum(c.tax_cents), sum(c.refund_cents),
         sum(c.refunded_fee_cents), sum(c.payout_cents), sum(c.payments), sum(c.refunds), sum(c.payouts)
    from public.transactions t cross join lateral private.finance_contribution(t) c group by 1, 2, 3, 4, 5, 6, 7;
select set_eq($$ select tenant_id, day, currency, region_id, city_id, category_id, provider_id, gmv_cents::numeric, platform_fee_cents::numeric,
                        processing_fee_cents::numeric, tax_cents::numeric, refund_cents::numeric, refunded_fee_cents::numeric,
                        payout_cents::numeric, payments::numeric, refunds::numeric, payouts::numeric
                   from public.finance_daily_rollups $$,
  $$ select * from raw_rollup $$,
  'puts the rollup equal to the raw computation again');
select set_eq($$ select tenant_id, day, currency, gmv_cents::numeric, payout_cents::numeric, payments::numeric from public.finance_daily_totals $$,
  $$ select tenant_id, day, currency, sum(gmv) as gmv, sum(payout) as payout, sum(payments) as payments from raw_rollup group by 1, 2, 3 $$,
  'and the totals with it');

select * from finish();
rollback;
