-- The demo seed looks alive on the day it runs: nothing it records as having happened lies in
-- the future, and the recent past (what the dashboard, the moderation queue and the charts
-- read) holds activity, with ages from fresh to overdue.
begin;
select plan(12);

-- Nothing happened after now ------------------------------------------------------------------
-- Only plans and schedules may lie ahead; every other timestamp column of every table is checked.
create temp table allowed_future (column_name text primary key);
insert into allowed_future values
  ('scheduled_start'), ('scheduled_end'), ('starts_at'), ('ends_at'), ('expires_at'), ('due_at'),
  ('period_end'), ('current_period_end'), ('trial_ends_at'), ('next_retry_at'),
  -- a moderation item's due time and the end of its claim lease
  ('sla_due_at'), ('claim_expires_at');

create function pg_temp.late_columns() returns table (late text)
language plpgsql
as $$
declare
  r record;
  n bigint;
begin
  for r in
    select c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.data_type like 'timestamp%'
       and c.column_name not in (select column_name from allowed_future)
     order by 1, 2
  loop
    execute format('select count(*) from public.%I where %I > now()', r.table_name, r.column_name) into n;
    if n > 0 then
      late := format('%s.%s: %s rows after now()', r.table_name, r.column_name, n);
      return next;
    end if;
  end loop;
end
$$;

select is_empty($$ select late from pg_temp.late_columns() $$,
  'no created_at, occurred_at, updated_at or other past-tense timestamp lies after now()');
select ok((select count(*) from information_schema.columns where table_schema = 'public' and data_type like 'timestamp%'
            and column_name not in (select column_name from allowed_future)) >= 100,
  'the check above covers every past-tense timestamp column (over a hundred of them)');
select ok(exists (select 1 from public.bookings where scheduled_start > now() and status in ('pending', 'confirmed')),
  'upcoming bookings still lie ahead, pending or confirmed');
select is_empty($$ select id from public.bookings where status = 'in_progress' and scheduled_start > now() $$,
  'no booking is under way before it starts');

-- The recent past holds activity ----------------------------------------------------------------
select is_empty(
  $$ select d::date from generate_series(now() - interval '13 days', now(), interval '1 day') d
      where not exists (select 1 from public.bookings b where b.created_at::date = d::date) $$,
  'bookings were made on each of the last 14 days');
select is_empty(
  $$ select d::date from generate_series(now() - interval '13 days', now() - interval '1 day', interval '1 day') d
      where not exists (select 1 from public.events e where e.occurred_at >= d and e.occurred_at < d + interval '1 day') $$,
  'analytics events on each of the last 14 days');
select ok((select count(*) from public.transactions where created_at > now() - interval '14 days') > 0
          and (select count(*) from public.transactions where created_at < now() - interval '180 days') > 0,
  'money moved in the last 14 days, and months of history lie behind it');
select ok(exists (select 1 from public.content_reports where status = 'open' and created_at > now() - interval '1 day')
          and exists (select 1 from public.content_reports where status = 'open' and created_at < now() - interval '3 days'),
  'open content reports range from fresh (under a day) to overdue (over three days)');

-- What the dashboard shows operations and its bookings chart --------------------------------------
set local role authenticated;
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000002", "role": "authenticated"}', true);
select ok((select listings_awaiting_moderation > 0 and open_content_reports > 0 and content_reports_in_review > 0
                  and disputed_bookings > 0 from public.staff_work_queue()),
  'ops: every moderation card of the dashboard has something to do');
select ok((select sum(bookings) > 0 and count(*) filter (where bookings > 0) >= 10 from public.staff_bookings_per_day()),
  'ops: the 14-day bookings chart has bookings on most days');
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000003", "role": "authenticated"}', true);
select ok((select failed_payments_7d > 0 from public.staff_work_queue()), 'finance: failed payments in the last 7 days');
select set_config('request.jwt.claims', '{"sub": "00000000-0000-4000-8000-100000000004", "role": "authenticated"}', true);
select ok((select flags_changed_today > 0 from public.staff_work_queue()), 'product: flags changed today (the seed''s own rollouts)');
reset role;

select * from finish();
rollback;
