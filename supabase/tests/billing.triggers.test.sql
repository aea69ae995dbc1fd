-- Billing behaviour: invoice totals from items, single default payment method, transaction
-- status workflow and refunds, payout expected totals from linked transactions,
-- reconcile_payout (permission, tenant, mismatch, audit), and the check constraints.
begin;
select plan(63);

do $$
begin
  perform tests.create_supabase_user('customer');
  perform tests.create_supabase_user('provider', role => 'provider');
  perform tests.create_supabase_user('ops', role => 'admin', staff_role => 'operations');
  perform tests.create_supabase_user('finance', role => 'admin', staff_role => 'finance');
  perform tests.create_supabase_user('other_admin', role => 'admin', tenant_slug => 'other-co');
  perform set_config('t.tenant', tests.ensure_tenant('loconomy')::text, true);
  perform set_config('t.other_tenant', tests.ensure_tenant('other-co')::text, true);
end
$$;

-- invoices: number, totals from items ------------------------------------------------
do $$
declare v uuid;
begin
  insert into public.invoices (user_id, status) values (tests.get_user_id('customer'), 'open') returning id into v;
  perform set_config('t.inv', v::text, true);
  insert into public.invoice_items (invoice_id, description, quantity, unit_amount_cents, tax_rate_bps)
  values (v, 'Deep clean', 3, 1000, 2000) returning id into v;
  perform set_config('t.item1', v::text, true);
  insert into public.invoice_items (invoice_id, description, quantity, unit_amount_cents)
  values (current_setting('t.inv')::uuid, 'Call-out fee', 1, 500) returning id into v;
  perform set_config('t.item2', v::text, true);
end
$$;

select matches((select number from public.invoices where id = current_setting('t.inv')::uuid),
  '^INV-[0-9]{6}-[0-9]{6}$', 'an invoice without a number gets INV-YYYYMM-NNNNNN');
select is((select amount_cents from public.invoice_items where id = current_setting('t.item1')::uuid), 3000::bigint,
  'invoice_items.amount_cents = quantity × unit_amount_cents');
select is((select tax_cents from public.invoice_items where id = current_setting('t.item1')::uuid), 600::bigint,
  'invoice_items.tax_cents follows tax_rate_bps');
select is((select array[subtotal_cents, tax_cents, total_cents] from public.invoices where id = current_setting('t.inv')::uuid),
  array[3500, 600, 4100]::bigint[], 'inserting items totals the invoice');

update public.invoice_items set quantity = 1 where id = current_setting('t.item1')::uuid;
select is((select array[subtotal_cents, tax_cents, total_cents] from public.invoices where id = current_setting('t.inv')::uuid),
  array[1500, 200, 1700]::bigint[], 'changing an item re-totals the invoice');

delete from public.invoice_items where id = current_setting('t.item2')::uuid;
select is((select array[subtotal_cents, tax_cents, total_cents] from public.invoices where id = current_setting('t.inv')::uuid),
  array[1000, 200, 1200]::bigint[], 'removing an item re-totals the invoice');

update public.invoices set status = 'paid' where id = current_setting('t.inv')::uuid;
select isnt((select paid_at from public.invoices where id = current_setting('t.inv')::uuid), null,
  'paying an invoice stamps paid_at');
select throws_ok($$ insert into public.invoice_items (invoice_id, description, unit_amount_cents)
  values (current_setting('t.inv')::uuid, 'Late extra', 100) $$, 'P0001', null, 'a paid invoice''s items are frozen');
select throws_ok($$ update public.invoices set status = 'open' where id = current_setting('t.inv')::uuid $$,
  'P0001', null, 'a paid invoice cannot go back to open');
insert into public.invoices (user_id) values (tests.get_user_id('customer'));
select throws_ok($$ insert into public.invoices (user_id, issued_at, due_at)
  values (tests.get_user_id('customer'), now(), now() - interval '1 day') $$, '23514', null, 'an invoice is due after it is issued');
select throws_ok($$ insert into public.invoice_items (invoice_id, description, quantity, unit_amount_cents)
  values ((select id from public.invoices where status = 'draft' limit 1), 'None', 0, 100) $$, '23514', null, 'item quantity must be positive');
select throws_ok($$ update public.invoices set total_cents = 1 where id = current_setting('t.inv')::uuid $$,
  '23514', null, 'total_cents always equals subtotal + tax');

-- payment methods ---------------------------------------------------------------------
do $$
declare v uuid;
begin
  insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year, is_default)
  values (tests.get_user_id('customer'), 'visa', '4242', 12, 2030, true) returning id into v;
  perform set_config('t.pm1', v::text, true);
  insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year, is_default)
  values (tests.get_user_id('customer'), 'mastercard', '5555', 6, 2031, true) returning id into v;
  perform set_config('t.pm2', v::text, true);
end
$$;
select is((select array_agg(id order by id) from public.payment_methods where user_id = tests.get_user_id('customer') and is_default),
  array[current_setting('t.pm2')::uuid], 'a new default payment method replaces the previous default');
select throws_ok($$ insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year)
  values (tests.get_user_id('customer'), 'visa', '42a2', 1, 2030) $$, '23514', null, 'last4 is four digits');
select throws_ok($$ insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year)
  values (tests.get_user_id('customer'), 'visa', '4242', 13, 2030) $$, '23514', null, 'exp_month is 1-12');
select throws_ok($$ insert into public.payment_methods (user_id, type) values (tests.get_user_id('customer'), 'card') $$,
  '23514', null, 'a card needs brand, last4 and expiry');
select has_index('public', 'payment_methods', 'payment_methods_one_default_per_user', 'one default per user is a unique partial index');

-- subscriptions, tenant scoping ---------------------------------------------------------
select throws_ok($$ insert into public.subscriptions (user_id, plan, current_period_start, current_period_end)
  values (tests.get_user_id('customer'), 'pro', now(), now()) $$, '23514', null, 'a subscription period ends after it starts');
select throws_ok($$ insert into public.subscriptions (user_id, plan, current_period_start, current_period_end)
  values (tests.get_user_id('customer'), 'platinum', now(), now() + interval '1 month') $$, '23514', null, 'plan is a known plan');
do $$
declare v uuid;
begin
  insert into public.subscriptions (tenant_id, user_id, plan, status, current_period_start, current_period_end)
  values (current_setting('t.other_tenant')::uuid, tests.get_user_id('customer'), 'pro', 'active', now(), now() + interval '1 month')
  returning id into v;
  perform set_config('t.sub', v::text, true);
end
$$;
select is((select tenant_id from public.subscriptions where id = current_setting('t.sub')::uuid), current_setting('t.tenant')::uuid,
  'tenant_id always comes from the owning user, whatever the writer sent');

-- usage logs take user and tenant from the subscription
insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('t.sub')::uuid, 'api.calls', 42);
select is((select array[user_id, tenant_id] from public.usage_logs where subscription_id = current_setting('t.sub')::uuid),
  array[tests.get_user_id('customer'), current_setting('t.tenant')::uuid], 'usage_logs copy user and tenant from the subscription');
select throws_ok($$ insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('t.sub')::uuid, 'api.calls', 0) $$,
  '23514', null, 'usage quantity must be positive');

-- transactions -------------------------------------------------------------------------
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents) values (tests.get_user_id('customer'), 'payment', 0) $$,
  '23514', null, 'amount_cents must be positive');
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents, currency) values (tests.get_user_id('customer'), 'payment', 100, 'usd') $$,
  '23514', null, 'currency is three upper-case letters');
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents, platform_fee_cents) values (tests.get_user_id('customer'), 'payment', 100, 101) $$,
  '23514', null, 'fees cannot exceed the amount');
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents) values (tests.get_user_id('customer'), 'refund', 100) $$,
  '23514', null, 'a refund names the transaction it refunds');

do $$
declare v uuid;
begin
  insert into public.transactions (user_id, type, status, amount_cents, platform_fee_cents, processing_fee_cents)
  values (tests.get_user_id('provider'), 'payment', 'pending', 10000, 1000, 300) returning id into v;
  perform set_config('t.pay', v::text, true);
end
$$;
select is((select net_amount_cents from public.transactions where id = current_setting('t.pay')::uuid), 8700::bigint,
  'net_amount_cents = amount - platform fee - processing fee');
update public.transactions set status = 'completed' where id = current_setting('t.pay')::uuid;
select isnt((select processed_at from public.transactions where id = current_setting('t.pay')::uuid), null,
  'completing a transaction stamps processed_at');
select throws_ok($$ update public.transactions set status = 'pending' where id = current_setting('t.pay')::uuid $$,
  'P0001', null, 'a completed transaction cannot go back to pending');
select throws_ok($$ insert into public.transactions (user_id, type, status, amount_cents, refunded_transaction_id)
  values (tests.get_user_id('provider'), 'refund', 'completed', 10001, current_setting('t.pay')::uuid) $$,
  '22023', null, 'a refund cannot exceed the payment');

do $$
declare v uuid;
begin
  insert into public.transactions (user_id, type, status, amount_cents, refunded_transaction_id)
  values (tests.get_user_id('provider'), 'refund', 'completed', 300, current_setting('t.pay')::uuid) returning id into v;
  perform set_config('t.refund', v::text, true);
end
$$;
select is((select status from public.transactions where id = current_setting('t.pay')::uuid), 'completed'::public.payment_status,
  'a partial refund leaves the payment completed');
select throws_ok($$ insert into public.transactions (user_id, type, status, amount_cents, refunded_transaction_id)
  values (tests.get_user_id('provider'), 'refund', 'pending', 9701, current_setting('t.pay')::uuid) $$,
  '22023', null, 'refunds together cannot exceed the payment');

-- a separate payment fully refunded becomes 'refunded'
do $$
declare v uuid;
begin
  insert into public.transactions (user_id, type, status, amount_cents)
  values (tests.get_user_id('customer'), 'payment', 'completed', 2500) returning id into v;
  perform set_config('t.pay2', v::text, true);
  insert into public.transactions (user_id, type, status, amount_cents, refunded_transaction_id)
  values (tests.get_user_id('customer'), 'refund', 'pending', 2500, v);
  update public.transactions set status = 'completed' where refunded_transaction_id = v;
end
$$;
select is((select status from public.transactions where id = current_setting('t.pay2')::uuid), 'refunded'::public.payment_status,
  'a payment whose completed refunds cover it becomes refunded');
select ok(exists (select 1 from public.audit_logs where table_name = 'transactions' and record_id = current_setting('t.pay2')
  and action = 'update' and 'status' = any (changed_columns)), 'transaction changes are audited');

-- payouts and their transactions --------------------------------------------------------
do $$
declare v uuid;
begin
  insert into public.payouts (user_id, amount_cents, status, period_start, period_end, stripe_payout_id)
  values (tests.get_user_id('provider'), 9000, 'paid', now() - interval '7 days', now(), 'po_test_1') returning id into v;
  perform set_config('t.payout', v::text, true);
  insert into public.transactions (user_id, type, status, amount_cents)
  values (tests.get_user_id('provider'), 'bonus', 'completed', 500) returning id into v;
  perform set_config('t.bonus', v::text, true);
  insert into public.transactions (user_id, type, status, amount_cents)
  values (tests.get_user_id('provider'), 'fee', 'pending', 100) returning id into v;
  perform set_config('t.pending_fee', v::text, true);
end
$$;
insert into public.payout_transactions (payout_id, transaction_id) values
  (current_setting('t.payout')::uuid, current_setting('t.pay')::uuid),
  (current_setting('t.payout')::uuid, current_setting('t.refund')::uuid),
  (current_setting('t.payout')::uuid, current_setting('t.bonus')::uuid);

select is((select array[amount_cents] from public.payout_transactions where transaction_id = current_setting('t.refund')::uuid),
  array[-300]::bigint[], 'a refund counts against the payout');
select is((select array[expected_amount_cents, transaction_count] from public.payouts where id = current_setting('t.payout')::uuid),
  array[8900, 3]::bigint[], 'expected_amount_cents = payment net 8700 - refund 300 + bonus 500');
select is((select difference_cents from public.payout_reconciliation where payout_id = current_setting('t.payout')::uuid), 100::bigint,
  'payout_reconciliation shows amount minus expected');
select throws_ok($$ insert into public.payout_transactions (payout_id, transaction_id)
  values (current_setting('t.payout')::uuid, current_setting('t.pending_fee')::uuid) $$, '22023', null,
  'only completed transactions can be settled');
do $$
declare v uuid;
begin
  insert into public.payouts (user_id, amount_cents, status, period_start, period_end)
  values (tests.get_user_id('provider'), 100, 'pending', now() - interval '7 days', now()) returning id into v;
  perform set_config('t.payout2', v::text, true);
end
$$;
select throws_ok($$ insert into public.payout_transactions (payout_id, transaction_id)
  values (current_setting('t.payout2')::uuid, current_setting('t.bonus')::uuid) $$, '23505', null,
  'a transaction is settled by at most one payout');
select throws_ok($$ insert into public.payouts (user_id, amount_cents, period_start, period_end)
  values (tests.get_user_id('provider'), 100, now(), now() - interval '1 day') $$, '23514', null, 'a payout period ends after it starts');

-- reconcile_payout ---------------------------------------------------------------------
select tests.authenticate_as('ops');
select throws_ok($$ select public.reconcile_payout(current_setting('t.payout')::uuid) $$, '42501', null,
  'reconciling needs finance.reconcile');
select tests.authenticate_as('other_admin');
select throws_ok($$ select public.reconcile_payout(current_setting('t.payout')::uuid) $$, '42501', null,
  'another tenant''s admin cannot reconcile this tenant''s payouts');
select tests.clear_authentication();
select throws_ok($$ select public.reconcile_payout(current_setting('t.payout')::uuid) $$, '42501', null,
  'anonymous cannot call reconcile_payout');

select tests.authenticate_as('finance');
select throws_ok($$ select public.reconcile_payout(current_setting('t.payout2')::uuid) $$, 'P0001', null,
  'only paid payouts are reconciled');
select throws_ok($$ select public.reconcile_payout(gen_random_uuid()) $$, 'PT404', null,
  'an unknown payout is reported');
select is((select array[r.reconciliation_status, r.mismatch_cents::text] from public.reconcile_payout(current_setting('t.payout')::uuid) r),
  array['mismatch', '100'], 'a payout 100 cents above its transactions is recorded as a mismatch of 100');
select tests.reset_role();
select is((select reconciled_by from public.payouts where id = current_setting('t.payout')::uuid), tests.get_user_id('finance'),
  'the reconciler is recorded');
select is((select count(*)::int from public.audit_logs where table_name = 'payouts' and record_id = current_setting('t.payout')
  and action = 'admin_action' and metadata ->> 'rpc' = 'reconcile_payout' and actor_id = tests.get_user_id('finance')), 1,
  'reconcile_payout writes an admin_action audit row with the actor');

-- the missing 100: a second bonus; relinking makes the verdict stale
do $$
declare v uuid;
begin
  insert into public.transactions (user_id, type, status, amount_cents)
  values (tests.get_user_id('provider'), 'bonus', 'completed', 100) returning id into v;
  perform set_config('t.bonus2', v::text, true);
end
$$;
insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('t.payout')::uuid, current_setting('t.bonus2')::uuid);
select is((select array[reconciliation_status, coalesce(mismatch_cents::text, 'null')] from public.payouts where id = current_setting('t.payout')::uuid),
  array['unreconciled', 'null'], 'changing the links of a mismatched payout makes it unreconciled again');

select tests.authenticate_as('finance');
select is((select array[r.reconciliation_status, coalesce(r.mismatch_cents::text, 'null'), r.expected_amount_cents::text]
             from public.reconcile_payout(current_setting('t.payout')::uuid) r),
  array['reconciled', 'null', '9000'], 'a payout equal to its transactions is reconciled');
select throws_ok($$ select public.reconcile_payout(current_setting('t.payout')::uuid) $$, 'P0001', null,
  'a reconciled payout is not reconciled twice');
select throws_ok($$ delete from public.payout_transactions where transaction_id = current_setting('t.bonus2')::uuid $$, 'P0001', null,
  'a reconciled payout''s transactions cannot be unlinked');
select tests.reset_role();
select throws_ok($$ insert into public.payout_transactions (payout_id, transaction_id)
  values (current_setting('t.payout')::uuid, current_setting('t.pay2')::uuid) $$, 'P0001', null,
  'nothing more can be linked to a reconciled payout');
select throws_ok($$ update public.payouts set amount_cents = 1 where id = current_setting('t.payout')::uuid $$, 'P0001', null,
  'a reconciled payout''s amount is frozen');

-- the whole thing is one transaction: a failing audit would undo it (checked by the audit
-- row above); and a finance user of another tenant never sees this payout
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.payout_reconciliation where payout_id = current_setting('t.payout')::uuid $$,
  'another tenant does not see the payout in the finance view');
select tests.reset_role();

-- functions: SECURITY DEFINER, empty search_path, not for anon
select ok((select prosecdef from pg_proc where oid = 'public.reconcile_payout(uuid)'::regprocedure), 'reconcile_payout is SECURITY DEFINER');
select ok((select proconfig @> array['search_path=""'] from pg_proc where oid = 'public.reconcile_payout(uuid)'::regprocedure),
  'reconcile_payout pins search_path to empty');
select ok(not has_function_privilege('anon', 'public.reconcile_payout(uuid)', 'execute'), 'anon cannot execute reconcile_payout');

-- triggers exist where the seed engineer expects them
select has_trigger('public', 'invoice_items', 'retotal_invoice', 'invoice_items re-total their invoice');
select has_trigger('public', 'payout_transactions', 'retotal_payout', 'payout_transactions re-total their payout');
select has_trigger('public', 'payouts', 'audit_changes', 'payouts are audited');
select has_trigger('public', 'payment_methods', 'audit_changes', 'payment methods are audited');
select has_trigger('public', 'subscriptions', 'audit_changes', 'subscriptions are audited');

select * from finish();
rollback;
