-- Billing: who may read and change subscriptions, payment methods, invoices, payouts, transactions, usage
-- Persona access matrix (Basejump style): per table and command, what each persona gets —
-- rows, none (RLS hides or filters the row), ok, denied (42501) — as one tests.expect_access
-- call (supabase/tests/helpers/rls-matrix.sql). Personas: tests.create_tenant_personas.
begin;
select plan(264);

select tests.create_tenant_personas();

-- subscriptions -------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.subscriptions (user_id, plan, status, current_period_start, current_period_end) values (tests.get_user_id('customer'), 'pro', 'active', now(), now() + interval '30 days')
  returning id into v;
  perform set_config('fx.sub', v, true);
end
$$;
select tests.expect_access('subscriptions', 'select',
  $$select 1 from public.subscriptions where id = current_setting('fx.sub')::uuid$$,
  'anon=denied customer=rows provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('subscriptions', 'insert',
  $$insert into public.subscriptions (user_id, plan, current_period_start, current_period_end) values ({user}, 'basic', now(), now() + interval '1 month')$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('subscriptions', 'update',
  $$update public.subscriptions set cancel_at_period_end = true where id = current_setting('fx.sub')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('subscriptions', 'delete',
  $$delete from public.subscriptions where id = current_setting('fx.sub')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

-- payment_methods -----------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year) values (tests.get_user_id('customer'), 'visa', '4242', 12, 2030)
  returning id into v;
  perform set_config('fx.pm', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year) values (tests.get_user_id('customer'), 'visa', '4242', 12, 2030)
  returning id into v;
  perform set_config('fx.pm_del_customer', v, true);
end
$$;
select tests.expect_access('payment_methods', 'select',
  $$select 1 from public.payment_methods where id = current_setting('fx.pm')::uuid$$,
  'anon=denied customer=rows provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('payment_methods', 'insert',
  $$insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year) values ({user}, 'visa', '1111', 1, 2031)$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('payment_methods', 'update',
  $$update public.payment_methods set is_default = true where id = current_setting('fx.pm')::uuid returning 1$$,
  'anon=denied customer=rows provider=none ops=none finance=none product=none super=none other_admin=none');
select tests.expect_access('payment_methods', 'delete',
  $$delete from public.payment_methods where id = current_setting('fx.pm')::uuid returning 1$$,
  'anon=denied customer=rows provider=none ops=none finance=none product=none super=none other_admin=none',
  statements => $${
    "customer":"delete from public.payment_methods where id = current_setting('fx.pm_del_customer')::uuid returning 1"
  }$$);

-- invoices ------------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.invoices (user_id, status) values (tests.get_user_id('customer'), 'open')
  returning id into v;
  perform set_config('fx.inv', v, true);
end
$$;
select tests.expect_access('invoices', 'select',
  $$select 1 from public.invoices where id = current_setting('fx.inv')::uuid$$,
  'anon=denied customer=rows provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('invoices', 'insert',
  $$insert into public.invoices (user_id) values ({user})$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('invoices', 'update',
  $$update public.invoices set notes = 'x' where id = current_setting('fx.inv')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('invoices', 'delete',
  $$delete from public.invoices where id = current_setting('fx.inv')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

-- invoice_items -------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.invoice_items (invoice_id, description, unit_amount_cents) values (current_setting('fx.inv')::uuid, 'Cleaning', 5000)
  returning id into v;
  perform set_config('fx.item', v, true);
end
$$;
select tests.expect_access('invoice_items', 'select',
  $$select 1 from public.invoice_items where id = current_setting('fx.item')::uuid$$,
  'anon=denied customer=rows provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('invoice_items', 'insert',
  $$insert into public.invoice_items (invoice_id, description, unit_amount_cents) values (current_setting('fx.inv')::uuid, 'Extra', 100)$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('invoice_items', 'update',
  $$update public.invoice_items set quantity = 2 where id = current_setting('fx.item')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('invoice_items', 'delete',
  $$delete from public.invoice_items where id = current_setting('fx.item')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

-- payouts -------------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.payouts (user_id, amount_cents, status, period_start, period_end) values (tests.get_user_id('provider'), 9000, 'paid', now() - interval '7 days', now())
  returning id into v;
  perform set_config('fx.payout', v, true);
end
$$;
select tests.expect_access('payouts', 'select',
  $$select 1 from public.payouts where id = current_setting('fx.payout')::uuid$$,
  'anon=denied customer=none provider=rows ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('payouts', 'insert',
  $$insert into public.payouts (user_id, amount_cents, period_start, period_end) values ({user}, 100, now() - interval '1 day', now())$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('payouts', 'update',
  $$update public.payouts set arrival_date = current_date where id = current_setting('fx.payout')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('payouts', 'delete',
  $$delete from public.payouts where id = current_setting('fx.payout')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

-- transactions --------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.transactions (user_id, type, status, amount_cents) values (tests.get_user_id('customer'), 'payment', 'completed', 10000)
  returning id into v;
  perform set_config('fx.tx', v, true);
end
$$;
select tests.expect_access('transactions', 'select',
  $$select 1 from public.transactions where id = current_setting('fx.tx')::uuid$$,
  'anon=denied customer=rows provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('transactions', 'insert',
  $$insert into public.transactions (user_id, type, amount_cents) values ({user}, 'payment', 100)$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('transactions', 'update',
  $$update public.transactions set description = 'x' where id = current_setting('fx.tx')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('transactions', 'delete',
  $$delete from public.transactions where id = current_setting('fx.tx')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

-- usage_logs ----------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('fx.sub')::uuid, 'api.calls', 10)
  returning id into v;
  perform set_config('fx.usage', v, true);
end
$$;
select tests.expect_access('usage_logs', 'select',
  $$select 1 from public.usage_logs where id = current_setting('fx.usage')::uuid$$,
  'anon=denied customer=rows provider=none ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('usage_logs', 'insert',
  $$insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('fx.sub')::uuid, 'api.calls', 1)$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('usage_logs', 'update',
  $$update public.usage_logs set quantity = 2 where id = current_setting('fx.usage')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('usage_logs', 'delete',
  $$delete from public.usage_logs where id = current_setting('fx.usage')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

-- payout_transactions (link table, keyed by payout + transaction) -----------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.transactions (user_id, type, status, amount_cents) values (tests.get_user_id('provider'), 'bonus', 'completed', 500)
  returning id into v;
  perform set_config('fx.ptx_tx', v, true);
end
$$;

insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.ptx_tx')::uuid);
do $$
declare v text;
begin
  insert into public.transactions (user_id, type, status, amount_cents) values (tests.get_user_id('provider'), 'bonus', 'completed', 500)
  returning id into v;
  perform set_config('fx.ptx_ins_finance', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.transactions (user_id, type, status, amount_cents) values (tests.get_user_id('provider'), 'bonus', 'completed', 500)
  returning id into v;
  perform set_config('fx.ptx_ins_super', v, true);
end
$$;
select tests.expect_access('payout_transactions', 'select',
  $$select 1 from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid$$,
  'anon=denied customer=none provider=rows ops=none finance=rows product=none super=rows other_admin=none');
select tests.expect_access('payout_transactions', 'link transactions to payouts',
  $$insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.tx')::uuid)$$,
  'anon=denied customer=denied provider=denied ops=denied finance=ok product=denied super=ok other_admin=denied',
  statements => $${
    "finance":"insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.ptx_ins_finance')::uuid)",
    "super":"insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.ptx_ins_super')::uuid)"
  }$$);
select tests.expect_access('payout_transactions', 'update',
  $$update public.payout_transactions set amount_cents = 1 where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('payout_transactions', 'unlink transactions from payouts',
  $$delete from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=rows product=none super=rows other_admin=none',
  statements => $${
    "finance":"delete from public.payout_transactions where transaction_id = current_setting('fx.ptx_ins_finance')::uuid returning 1",
    "super":"delete from public.payout_transactions where transaction_id = current_setting('fx.ptx_ins_super')::uuid returning 1"
  }$$);
select tests.expect_access('payout_reconciliation', 'select',
  $$select 1 from public.payout_reconciliation where payout_id = current_setting('fx.payout')::uuid$$,
  'anon=denied customer=none provider=rows ops=none finance=rows product=none super=rows other_admin=none');

select * from finish();
rollback;