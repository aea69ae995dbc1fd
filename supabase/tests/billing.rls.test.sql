-- Billing: who may read and change subscriptions, payment methods, invoices, payouts, transactions, usage
-- Persona access matrix, Basejump style: anonymous, customer, provider, operations, finance,
-- product, super admin and an admin of another tenant; select / insert / update / delete,
-- allowed (isnt_empty, lives_ok) and denied (is_empty for rows RLS hides, throws_ok 42501
-- where the role has no privilege or the new row violates a policy).
-- Generated shape, hand-checked expectations; one block per table.
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

select tests.clear_authentication();
select throws_ok($$ select 1 from public.subscriptions where id = current_setting('fx.sub')::uuid $$, '42501', null, 'anonymous cannot read subscriptions');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.subscriptions where id = current_setting('fx.sub')::uuid $$, 'customer can read subscriptions');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.subscriptions where id = current_setting('fx.sub')::uuid $$, 'provider cannot read subscriptions');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.subscriptions where id = current_setting('fx.sub')::uuid $$, 'operations cannot read subscriptions');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.subscriptions where id = current_setting('fx.sub')::uuid $$, 'finance can read subscriptions');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.subscriptions where id = current_setting('fx.sub')::uuid $$, 'product cannot read subscriptions');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.subscriptions where id = current_setting('fx.sub')::uuid $$, 'super admin can read subscriptions');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.subscriptions where id = current_setting('fx.sub')::uuid $$, 'other-tenant admin cannot read subscriptions');
select tests.clear_authentication();
select throws_ok($$ insert into public.subscriptions (user_id, plan, current_period_start, current_period_end) values (tests.get_user_id('customer'), 'basic', now(), now() + interval '1 month') $$, '42501', null, 'anonymous cannot insert into subscriptions');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.subscriptions (user_id, plan, current_period_start, current_period_end) values (tests.get_user_id('customer'), 'basic', now(), now() + interval '1 month') $$, '42501', null, 'customer cannot insert into subscriptions');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.subscriptions (user_id, plan, current_period_start, current_period_end) values (tests.get_user_id('provider'), 'basic', now(), now() + interval '1 month') $$, '42501', null, 'provider cannot insert into subscriptions');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.subscriptions (user_id, plan, current_period_start, current_period_end) values (tests.get_user_id('ops'), 'basic', now(), now() + interval '1 month') $$, '42501', null, 'operations cannot insert into subscriptions');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.subscriptions (user_id, plan, current_period_start, current_period_end) values (tests.get_user_id('finance'), 'basic', now(), now() + interval '1 month') $$, '42501', null, 'finance cannot insert into subscriptions');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.subscriptions (user_id, plan, current_period_start, current_period_end) values (tests.get_user_id('product'), 'basic', now(), now() + interval '1 month') $$, '42501', null, 'product cannot insert into subscriptions');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.subscriptions (user_id, plan, current_period_start, current_period_end) values (tests.get_user_id('super'), 'basic', now(), now() + interval '1 month') $$, '42501', null, 'super admin cannot insert into subscriptions');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.subscriptions (user_id, plan, current_period_start, current_period_end) values (tests.get_user_id('other_admin'), 'basic', now(), now() + interval '1 month') $$, '42501', null, 'other-tenant admin cannot insert into subscriptions');
select tests.clear_authentication();
select throws_ok($$ update public.subscriptions set cancel_at_period_end = true where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'anonymous cannot update subscriptions');
select tests.authenticate_as('customer');
select throws_ok($$ update public.subscriptions set cancel_at_period_end = true where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'customer cannot update subscriptions');
select tests.authenticate_as('provider');
select throws_ok($$ update public.subscriptions set cancel_at_period_end = true where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'provider cannot update subscriptions');
select tests.authenticate_as('ops');
select throws_ok($$ update public.subscriptions set cancel_at_period_end = true where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'operations cannot update subscriptions');
select tests.authenticate_as('finance');
select throws_ok($$ update public.subscriptions set cancel_at_period_end = true where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'finance cannot update subscriptions');
select tests.authenticate_as('product');
select throws_ok($$ update public.subscriptions set cancel_at_period_end = true where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'product cannot update subscriptions');
select tests.authenticate_as('super');
select throws_ok($$ update public.subscriptions set cancel_at_period_end = true where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'super admin cannot update subscriptions');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.subscriptions set cancel_at_period_end = true where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot update subscriptions');
select tests.clear_authentication();
select throws_ok($$ delete from public.subscriptions where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from subscriptions');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.subscriptions where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'customer cannot delete from subscriptions');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.subscriptions where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'provider cannot delete from subscriptions');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.subscriptions where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'operations cannot delete from subscriptions');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.subscriptions where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'finance cannot delete from subscriptions');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.subscriptions where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'product cannot delete from subscriptions');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.subscriptions where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from subscriptions');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.subscriptions where id = current_setting('fx.sub')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from subscriptions');

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

select tests.clear_authentication();
select throws_ok($$ select 1 from public.payment_methods where id = current_setting('fx.pm')::uuid $$, '42501', null, 'anonymous cannot read payment_methods');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.payment_methods where id = current_setting('fx.pm')::uuid $$, 'customer can read payment_methods');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.payment_methods where id = current_setting('fx.pm')::uuid $$, 'provider cannot read payment_methods');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.payment_methods where id = current_setting('fx.pm')::uuid $$, 'operations cannot read payment_methods');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.payment_methods where id = current_setting('fx.pm')::uuid $$, 'finance can read payment_methods');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.payment_methods where id = current_setting('fx.pm')::uuid $$, 'product cannot read payment_methods');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.payment_methods where id = current_setting('fx.pm')::uuid $$, 'super admin can read payment_methods');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.payment_methods where id = current_setting('fx.pm')::uuid $$, 'other-tenant admin cannot read payment_methods');
select tests.clear_authentication();
select throws_ok($$ insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year) values (tests.get_user_id('customer'), 'visa', '1111', 1, 2031) $$, '42501', null, 'anonymous cannot insert into payment_methods');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year) values (tests.get_user_id('customer'), 'visa', '1111', 1, 2031) $$, '42501', null, 'customer cannot insert into payment_methods');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year) values (tests.get_user_id('provider'), 'visa', '1111', 1, 2031) $$, '42501', null, 'provider cannot insert into payment_methods');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year) values (tests.get_user_id('ops'), 'visa', '1111', 1, 2031) $$, '42501', null, 'operations cannot insert into payment_methods');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year) values (tests.get_user_id('finance'), 'visa', '1111', 1, 2031) $$, '42501', null, 'finance cannot insert into payment_methods');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year) values (tests.get_user_id('product'), 'visa', '1111', 1, 2031) $$, '42501', null, 'product cannot insert into payment_methods');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year) values (tests.get_user_id('super'), 'visa', '1111', 1, 2031) $$, '42501', null, 'super admin cannot insert into payment_methods');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.payment_methods (user_id, brand, last4, exp_month, exp_year) values (tests.get_user_id('other_admin'), 'visa', '1111', 1, 2031) $$, '42501', null, 'other-tenant admin cannot insert into payment_methods');
select tests.clear_authentication();
select throws_ok($$ update public.payment_methods set is_default = true where id = current_setting('fx.pm')::uuid returning 1 $$, '42501', null, 'anonymous cannot update payment_methods');
select tests.authenticate_as('customer');
select isnt_empty($$ update public.payment_methods set is_default = true where id = current_setting('fx.pm')::uuid returning 1 $$, 'customer can update payment_methods');
select tests.authenticate_as('provider');
select is_empty($$ update public.payment_methods set is_default = true where id = current_setting('fx.pm')::uuid returning 1 $$, 'provider cannot update payment_methods');
select tests.authenticate_as('ops');
select is_empty($$ update public.payment_methods set is_default = true where id = current_setting('fx.pm')::uuid returning 1 $$, 'operations cannot update payment_methods');
select tests.authenticate_as('finance');
select is_empty($$ update public.payment_methods set is_default = true where id = current_setting('fx.pm')::uuid returning 1 $$, 'finance cannot update payment_methods');
select tests.authenticate_as('product');
select is_empty($$ update public.payment_methods set is_default = true where id = current_setting('fx.pm')::uuid returning 1 $$, 'product cannot update payment_methods');
select tests.authenticate_as('super');
select is_empty($$ update public.payment_methods set is_default = true where id = current_setting('fx.pm')::uuid returning 1 $$, 'super admin cannot update payment_methods');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.payment_methods set is_default = true where id = current_setting('fx.pm')::uuid returning 1 $$, 'other-tenant admin cannot update payment_methods');
select tests.clear_authentication();
select throws_ok($$ delete from public.payment_methods where id = current_setting('fx.pm')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from payment_methods');
select tests.authenticate_as('customer');
select isnt_empty($$ delete from public.payment_methods where id = current_setting('fx.pm_del_customer')::uuid returning 1 $$, 'customer can delete from payment_methods');
select tests.authenticate_as('provider');
select is_empty($$ delete from public.payment_methods where id = current_setting('fx.pm')::uuid returning 1 $$, 'provider cannot delete from payment_methods');
select tests.authenticate_as('ops');
select is_empty($$ delete from public.payment_methods where id = current_setting('fx.pm')::uuid returning 1 $$, 'operations cannot delete from payment_methods');
select tests.authenticate_as('finance');
select is_empty($$ delete from public.payment_methods where id = current_setting('fx.pm')::uuid returning 1 $$, 'finance cannot delete from payment_methods');
select tests.authenticate_as('product');
select is_empty($$ delete from public.payment_methods where id = current_setting('fx.pm')::uuid returning 1 $$, 'product cannot delete from payment_methods');
select tests.authenticate_as('super');
select is_empty($$ delete from public.payment_methods where id = current_setting('fx.pm')::uuid returning 1 $$, 'super admin cannot delete from payment_methods');
select tests.authenticate_as('other_admin');
select is_empty($$ delete from public.payment_methods where id = current_setting('fx.pm')::uuid returning 1 $$, 'other-tenant admin cannot delete from payment_methods');

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

select tests.clear_authentication();
select throws_ok($$ select 1 from public.invoices where id = current_setting('fx.inv')::uuid $$, '42501', null, 'anonymous cannot read invoices');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.invoices where id = current_setting('fx.inv')::uuid $$, 'customer can read invoices');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.invoices where id = current_setting('fx.inv')::uuid $$, 'provider cannot read invoices');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.invoices where id = current_setting('fx.inv')::uuid $$, 'operations cannot read invoices');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.invoices where id = current_setting('fx.inv')::uuid $$, 'finance can read invoices');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.invoices where id = current_setting('fx.inv')::uuid $$, 'product cannot read invoices');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.invoices where id = current_setting('fx.inv')::uuid $$, 'super admin can read invoices');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.invoices where id = current_setting('fx.inv')::uuid $$, 'other-tenant admin cannot read invoices');
select tests.clear_authentication();
select throws_ok($$ insert into public.invoices (user_id) values (tests.get_user_id('customer')) $$, '42501', null, 'anonymous cannot insert into invoices');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.invoices (user_id) values (tests.get_user_id('customer')) $$, '42501', null, 'customer cannot insert into invoices');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.invoices (user_id) values (tests.get_user_id('provider')) $$, '42501', null, 'provider cannot insert into invoices');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.invoices (user_id) values (tests.get_user_id('ops')) $$, '42501', null, 'operations cannot insert into invoices');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.invoices (user_id) values (tests.get_user_id('finance')) $$, '42501', null, 'finance cannot insert into invoices');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.invoices (user_id) values (tests.get_user_id('product')) $$, '42501', null, 'product cannot insert into invoices');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.invoices (user_id) values (tests.get_user_id('super')) $$, '42501', null, 'super admin cannot insert into invoices');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.invoices (user_id) values (tests.get_user_id('other_admin')) $$, '42501', null, 'other-tenant admin cannot insert into invoices');
select tests.clear_authentication();
select throws_ok($$ update public.invoices set notes = 'x' where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'anonymous cannot update invoices');
select tests.authenticate_as('customer');
select throws_ok($$ update public.invoices set notes = 'x' where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'customer cannot update invoices');
select tests.authenticate_as('provider');
select throws_ok($$ update public.invoices set notes = 'x' where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'provider cannot update invoices');
select tests.authenticate_as('ops');
select throws_ok($$ update public.invoices set notes = 'x' where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'operations cannot update invoices');
select tests.authenticate_as('finance');
select throws_ok($$ update public.invoices set notes = 'x' where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'finance cannot update invoices');
select tests.authenticate_as('product');
select throws_ok($$ update public.invoices set notes = 'x' where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'product cannot update invoices');
select tests.authenticate_as('super');
select throws_ok($$ update public.invoices set notes = 'x' where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'super admin cannot update invoices');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.invoices set notes = 'x' where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot update invoices');
select tests.clear_authentication();
select throws_ok($$ delete from public.invoices where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from invoices');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.invoices where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'customer cannot delete from invoices');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.invoices where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'provider cannot delete from invoices');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.invoices where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'operations cannot delete from invoices');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.invoices where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'finance cannot delete from invoices');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.invoices where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'product cannot delete from invoices');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.invoices where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from invoices');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.invoices where id = current_setting('fx.inv')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from invoices');

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

select tests.clear_authentication();
select throws_ok($$ select 1 from public.invoice_items where id = current_setting('fx.item')::uuid $$, '42501', null, 'anonymous cannot read invoice_items');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.invoice_items where id = current_setting('fx.item')::uuid $$, 'customer can read invoice_items');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.invoice_items where id = current_setting('fx.item')::uuid $$, 'provider cannot read invoice_items');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.invoice_items where id = current_setting('fx.item')::uuid $$, 'operations cannot read invoice_items');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.invoice_items where id = current_setting('fx.item')::uuid $$, 'finance can read invoice_items');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.invoice_items where id = current_setting('fx.item')::uuid $$, 'product cannot read invoice_items');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.invoice_items where id = current_setting('fx.item')::uuid $$, 'super admin can read invoice_items');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.invoice_items where id = current_setting('fx.item')::uuid $$, 'other-tenant admin cannot read invoice_items');
select tests.clear_authentication();
select throws_ok($$ insert into public.invoice_items (invoice_id, description, unit_amount_cents) values (current_setting('fx.inv')::uuid, 'Extra', 100) $$, '42501', null, 'anonymous cannot insert into invoice_items');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.invoice_items (invoice_id, description, unit_amount_cents) values (current_setting('fx.inv')::uuid, 'Extra', 100) $$, '42501', null, 'customer cannot insert into invoice_items');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.invoice_items (invoice_id, description, unit_amount_cents) values (current_setting('fx.inv')::uuid, 'Extra', 100) $$, '42501', null, 'provider cannot insert into invoice_items');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.invoice_items (invoice_id, description, unit_amount_cents) values (current_setting('fx.inv')::uuid, 'Extra', 100) $$, '42501', null, 'operations cannot insert into invoice_items');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.invoice_items (invoice_id, description, unit_amount_cents) values (current_setting('fx.inv')::uuid, 'Extra', 100) $$, '42501', null, 'finance cannot insert into invoice_items');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.invoice_items (invoice_id, description, unit_amount_cents) values (current_setting('fx.inv')::uuid, 'Extra', 100) $$, '42501', null, 'product cannot insert into invoice_items');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.invoice_items (invoice_id, description, unit_amount_cents) values (current_setting('fx.inv')::uuid, 'Extra', 100) $$, '42501', null, 'super admin cannot insert into invoice_items');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.invoice_items (invoice_id, description, unit_amount_cents) values (current_setting('fx.inv')::uuid, 'Extra', 100) $$, '42501', null, 'other-tenant admin cannot insert into invoice_items');
select tests.clear_authentication();
select throws_ok($$ update public.invoice_items set quantity = 2 where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'anonymous cannot update invoice_items');
select tests.authenticate_as('customer');
select throws_ok($$ update public.invoice_items set quantity = 2 where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'customer cannot update invoice_items');
select tests.authenticate_as('provider');
select throws_ok($$ update public.invoice_items set quantity = 2 where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'provider cannot update invoice_items');
select tests.authenticate_as('ops');
select throws_ok($$ update public.invoice_items set quantity = 2 where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'operations cannot update invoice_items');
select tests.authenticate_as('finance');
select throws_ok($$ update public.invoice_items set quantity = 2 where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'finance cannot update invoice_items');
select tests.authenticate_as('product');
select throws_ok($$ update public.invoice_items set quantity = 2 where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'product cannot update invoice_items');
select tests.authenticate_as('super');
select throws_ok($$ update public.invoice_items set quantity = 2 where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'super admin cannot update invoice_items');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.invoice_items set quantity = 2 where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot update invoice_items');
select tests.clear_authentication();
select throws_ok($$ delete from public.invoice_items where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from invoice_items');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.invoice_items where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'customer cannot delete from invoice_items');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.invoice_items where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'provider cannot delete from invoice_items');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.invoice_items where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'operations cannot delete from invoice_items');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.invoice_items where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'finance cannot delete from invoice_items');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.invoice_items where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'product cannot delete from invoice_items');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.invoice_items where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from invoice_items');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.invoice_items where id = current_setting('fx.item')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from invoice_items');

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

select tests.clear_authentication();
select throws_ok($$ select 1 from public.payouts where id = current_setting('fx.payout')::uuid $$, '42501', null, 'anonymous cannot read payouts');
select tests.authenticate_as('customer');
select is_empty($$ select 1 from public.payouts where id = current_setting('fx.payout')::uuid $$, 'customer cannot read payouts');
select tests.authenticate_as('provider');
select isnt_empty($$ select 1 from public.payouts where id = current_setting('fx.payout')::uuid $$, 'provider can read payouts');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.payouts where id = current_setting('fx.payout')::uuid $$, 'operations cannot read payouts');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.payouts where id = current_setting('fx.payout')::uuid $$, 'finance can read payouts');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.payouts where id = current_setting('fx.payout')::uuid $$, 'product cannot read payouts');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.payouts where id = current_setting('fx.payout')::uuid $$, 'super admin can read payouts');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.payouts where id = current_setting('fx.payout')::uuid $$, 'other-tenant admin cannot read payouts');
select tests.clear_authentication();
select throws_ok($$ insert into public.payouts (user_id, amount_cents, period_start, period_end) values (tests.get_user_id('customer'), 100, now() - interval '1 day', now()) $$, '42501', null, 'anonymous cannot insert into payouts');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.payouts (user_id, amount_cents, period_start, period_end) values (tests.get_user_id('customer'), 100, now() - interval '1 day', now()) $$, '42501', null, 'customer cannot insert into payouts');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.payouts (user_id, amount_cents, period_start, period_end) values (tests.get_user_id('provider'), 100, now() - interval '1 day', now()) $$, '42501', null, 'provider cannot insert into payouts');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.payouts (user_id, amount_cents, period_start, period_end) values (tests.get_user_id('ops'), 100, now() - interval '1 day', now()) $$, '42501', null, 'operations cannot insert into payouts');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.payouts (user_id, amount_cents, period_start, period_end) values (tests.get_user_id('finance'), 100, now() - interval '1 day', now()) $$, '42501', null, 'finance cannot insert into payouts');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.payouts (user_id, amount_cents, period_start, period_end) values (tests.get_user_id('product'), 100, now() - interval '1 day', now()) $$, '42501', null, 'product cannot insert into payouts');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.payouts (user_id, amount_cents, period_start, period_end) values (tests.get_user_id('super'), 100, now() - interval '1 day', now()) $$, '42501', null, 'super admin cannot insert into payouts');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.payouts (user_id, amount_cents, period_start, period_end) values (tests.get_user_id('other_admin'), 100, now() - interval '1 day', now()) $$, '42501', null, 'other-tenant admin cannot insert into payouts');
select tests.clear_authentication();
select throws_ok($$ update public.payouts set arrival_date = current_date where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'anonymous cannot update payouts');
select tests.authenticate_as('customer');
select throws_ok($$ update public.payouts set arrival_date = current_date where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'customer cannot update payouts');
select tests.authenticate_as('provider');
select throws_ok($$ update public.payouts set arrival_date = current_date where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'provider cannot update payouts');
select tests.authenticate_as('ops');
select throws_ok($$ update public.payouts set arrival_date = current_date where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'operations cannot update payouts');
select tests.authenticate_as('finance');
select throws_ok($$ update public.payouts set arrival_date = current_date where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'finance cannot update payouts');
select tests.authenticate_as('product');
select throws_ok($$ update public.payouts set arrival_date = current_date where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'product cannot update payouts');
select tests.authenticate_as('super');
select throws_ok($$ update public.payouts set arrival_date = current_date where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'super admin cannot update payouts');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.payouts set arrival_date = current_date where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot update payouts');
select tests.clear_authentication();
select throws_ok($$ delete from public.payouts where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from payouts');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.payouts where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'customer cannot delete from payouts');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.payouts where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'provider cannot delete from payouts');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.payouts where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'operations cannot delete from payouts');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.payouts where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'finance cannot delete from payouts');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.payouts where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'product cannot delete from payouts');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.payouts where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from payouts');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.payouts where id = current_setting('fx.payout')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from payouts');

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

select tests.clear_authentication();
select throws_ok($$ select 1 from public.transactions where id = current_setting('fx.tx')::uuid $$, '42501', null, 'anonymous cannot read transactions');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.transactions where id = current_setting('fx.tx')::uuid $$, 'customer can read transactions');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.transactions where id = current_setting('fx.tx')::uuid $$, 'provider cannot read transactions');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.transactions where id = current_setting('fx.tx')::uuid $$, 'operations cannot read transactions');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.transactions where id = current_setting('fx.tx')::uuid $$, 'finance can read transactions');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.transactions where id = current_setting('fx.tx')::uuid $$, 'product cannot read transactions');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.transactions where id = current_setting('fx.tx')::uuid $$, 'super admin can read transactions');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.transactions where id = current_setting('fx.tx')::uuid $$, 'other-tenant admin cannot read transactions');
select tests.clear_authentication();
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents) values (tests.get_user_id('customer'), 'payment', 100) $$, '42501', null, 'anonymous cannot insert into transactions');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents) values (tests.get_user_id('customer'), 'payment', 100) $$, '42501', null, 'customer cannot insert into transactions');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents) values (tests.get_user_id('provider'), 'payment', 100) $$, '42501', null, 'provider cannot insert into transactions');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents) values (tests.get_user_id('ops'), 'payment', 100) $$, '42501', null, 'operations cannot insert into transactions');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents) values (tests.get_user_id('finance'), 'payment', 100) $$, '42501', null, 'finance cannot insert into transactions');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents) values (tests.get_user_id('product'), 'payment', 100) $$, '42501', null, 'product cannot insert into transactions');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents) values (tests.get_user_id('super'), 'payment', 100) $$, '42501', null, 'super admin cannot insert into transactions');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.transactions (user_id, type, amount_cents) values (tests.get_user_id('other_admin'), 'payment', 100) $$, '42501', null, 'other-tenant admin cannot insert into transactions');
select tests.clear_authentication();
select throws_ok($$ update public.transactions set description = 'x' where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'anonymous cannot update transactions');
select tests.authenticate_as('customer');
select throws_ok($$ update public.transactions set description = 'x' where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'customer cannot update transactions');
select tests.authenticate_as('provider');
select throws_ok($$ update public.transactions set description = 'x' where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'provider cannot update transactions');
select tests.authenticate_as('ops');
select throws_ok($$ update public.transactions set description = 'x' where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'operations cannot update transactions');
select tests.authenticate_as('finance');
select throws_ok($$ update public.transactions set description = 'x' where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'finance cannot update transactions');
select tests.authenticate_as('product');
select throws_ok($$ update public.transactions set description = 'x' where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'product cannot update transactions');
select tests.authenticate_as('super');
select throws_ok($$ update public.transactions set description = 'x' where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'super admin cannot update transactions');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.transactions set description = 'x' where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot update transactions');
select tests.clear_authentication();
select throws_ok($$ delete from public.transactions where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from transactions');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.transactions where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'customer cannot delete from transactions');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.transactions where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'provider cannot delete from transactions');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.transactions where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'operations cannot delete from transactions');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.transactions where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'finance cannot delete from transactions');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.transactions where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'product cannot delete from transactions');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.transactions where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from transactions');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.transactions where id = current_setting('fx.tx')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from transactions');

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

select tests.clear_authentication();
select throws_ok($$ select 1 from public.usage_logs where id = current_setting('fx.usage')::uuid $$, '42501', null, 'anonymous cannot read usage_logs');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.usage_logs where id = current_setting('fx.usage')::uuid $$, 'customer can read usage_logs');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.usage_logs where id = current_setting('fx.usage')::uuid $$, 'provider cannot read usage_logs');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.usage_logs where id = current_setting('fx.usage')::uuid $$, 'operations cannot read usage_logs');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.usage_logs where id = current_setting('fx.usage')::uuid $$, 'finance can read usage_logs');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.usage_logs where id = current_setting('fx.usage')::uuid $$, 'product cannot read usage_logs');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.usage_logs where id = current_setting('fx.usage')::uuid $$, 'super admin can read usage_logs');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.usage_logs where id = current_setting('fx.usage')::uuid $$, 'other-tenant admin cannot read usage_logs');
select tests.clear_authentication();
select throws_ok($$ insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('fx.sub')::uuid, 'api.calls', 1) $$, '42501', null, 'anonymous cannot insert into usage_logs');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('fx.sub')::uuid, 'api.calls', 1) $$, '42501', null, 'customer cannot insert into usage_logs');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('fx.sub')::uuid, 'api.calls', 1) $$, '42501', null, 'provider cannot insert into usage_logs');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('fx.sub')::uuid, 'api.calls', 1) $$, '42501', null, 'operations cannot insert into usage_logs');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('fx.sub')::uuid, 'api.calls', 1) $$, '42501', null, 'finance cannot insert into usage_logs');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('fx.sub')::uuid, 'api.calls', 1) $$, '42501', null, 'product cannot insert into usage_logs');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('fx.sub')::uuid, 'api.calls', 1) $$, '42501', null, 'super admin cannot insert into usage_logs');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.usage_logs (subscription_id, metric, quantity) values (current_setting('fx.sub')::uuid, 'api.calls', 1) $$, '42501', null, 'other-tenant admin cannot insert into usage_logs');
select tests.clear_authentication();
select throws_ok($$ update public.usage_logs set quantity = 2 where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'anonymous cannot update usage_logs');
select tests.authenticate_as('customer');
select throws_ok($$ update public.usage_logs set quantity = 2 where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'customer cannot update usage_logs');
select tests.authenticate_as('provider');
select throws_ok($$ update public.usage_logs set quantity = 2 where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'provider cannot update usage_logs');
select tests.authenticate_as('ops');
select throws_ok($$ update public.usage_logs set quantity = 2 where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'operations cannot update usage_logs');
select tests.authenticate_as('finance');
select throws_ok($$ update public.usage_logs set quantity = 2 where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'finance cannot update usage_logs');
select tests.authenticate_as('product');
select throws_ok($$ update public.usage_logs set quantity = 2 where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'product cannot update usage_logs');
select tests.authenticate_as('super');
select throws_ok($$ update public.usage_logs set quantity = 2 where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'super admin cannot update usage_logs');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.usage_logs set quantity = 2 where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot update usage_logs');
select tests.clear_authentication();
select throws_ok($$ delete from public.usage_logs where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from usage_logs');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.usage_logs where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'customer cannot delete from usage_logs');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.usage_logs where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'provider cannot delete from usage_logs');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.usage_logs where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'operations cannot delete from usage_logs');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.usage_logs where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'finance cannot delete from usage_logs');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.usage_logs where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'product cannot delete from usage_logs');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.usage_logs where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from usage_logs');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.usage_logs where id = current_setting('fx.usage')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from usage_logs');

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

select tests.clear_authentication();
select throws_ok($$ select 1 from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid $$, '42501', null, 'anonymous cannot read payout_transactions');
select tests.authenticate_as('customer');
select is_empty($$ select 1 from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid $$, 'customer cannot read payout_transactions');
select tests.authenticate_as('provider');
select isnt_empty($$ select 1 from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid $$, 'provider can read payout_transactions');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid $$, 'operations cannot read payout_transactions');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid $$, 'finance can read payout_transactions');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid $$, 'product cannot read payout_transactions');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid $$, 'super admin can read payout_transactions');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid $$, 'other-tenant admin cannot read payout_transactions');
select tests.clear_authentication();
select throws_ok($$ insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.tx')::uuid) $$, '42501', null, 'anonymous cannot link transactions to payouts');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.tx')::uuid) $$, '42501', null, 'customer cannot link transactions to payouts');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.tx')::uuid) $$, '42501', null, 'provider cannot link transactions to payouts');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.tx')::uuid) $$, '42501', null, 'operations cannot link transactions to payouts');
select tests.authenticate_as('finance');
select lives_ok($$ insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.ptx_ins_finance')::uuid) $$, 'finance can link transactions to payouts');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.tx')::uuid) $$, '42501', null, 'product cannot link transactions to payouts');
select tests.authenticate_as('super');
select lives_ok($$ insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.ptx_ins_super')::uuid) $$, 'super admin can link transactions to payouts');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.payout_transactions (payout_id, transaction_id) values (current_setting('fx.payout')::uuid, current_setting('fx.tx')::uuid) $$, '42501', null, 'other-tenant admin cannot link transactions to payouts');
select tests.clear_authentication();
select throws_ok($$ update public.payout_transactions set amount_cents = 1 where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, '42501', null, 'anonymous cannot update payout_transactions');
select tests.authenticate_as('customer');
select throws_ok($$ update public.payout_transactions set amount_cents = 1 where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, '42501', null, 'customer cannot update payout_transactions');
select tests.authenticate_as('provider');
select throws_ok($$ update public.payout_transactions set amount_cents = 1 where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, '42501', null, 'provider cannot update payout_transactions');
select tests.authenticate_as('ops');
select throws_ok($$ update public.payout_transactions set amount_cents = 1 where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, '42501', null, 'operations cannot update payout_transactions');
select tests.authenticate_as('finance');
select throws_ok($$ update public.payout_transactions set amount_cents = 1 where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, '42501', null, 'finance cannot update payout_transactions');
select tests.authenticate_as('product');
select throws_ok($$ update public.payout_transactions set amount_cents = 1 where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, '42501', null, 'product cannot update payout_transactions');
select tests.authenticate_as('super');
select throws_ok($$ update public.payout_transactions set amount_cents = 1 where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, '42501', null, 'super admin cannot update payout_transactions');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.payout_transactions set amount_cents = 1 where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot update payout_transactions');
select tests.clear_authentication();
select throws_ok($$ delete from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, '42501', null, 'anonymous cannot unlink transactions from payouts');
select tests.authenticate_as('customer');
select is_empty($$ delete from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, 'customer cannot unlink transactions from payouts');
select tests.authenticate_as('provider');
select is_empty($$ delete from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, 'provider cannot unlink transactions from payouts');
select tests.authenticate_as('ops');
select is_empty($$ delete from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, 'operations cannot unlink transactions from payouts');
select tests.authenticate_as('finance');
select isnt_empty($$ delete from public.payout_transactions where transaction_id = current_setting('fx.ptx_ins_finance')::uuid returning 1 $$, 'finance can unlink transactions from payouts');
select tests.authenticate_as('product');
select is_empty($$ delete from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, 'product cannot unlink transactions from payouts');
select tests.authenticate_as('super');
select isnt_empty($$ delete from public.payout_transactions where transaction_id = current_setting('fx.ptx_ins_super')::uuid returning 1 $$, 'super admin can unlink transactions from payouts');
select tests.authenticate_as('other_admin');
select is_empty($$ delete from public.payout_transactions where transaction_id = current_setting('fx.ptx_tx')::uuid returning 1 $$, 'other-tenant admin cannot unlink transactions from payouts');
select tests.clear_authentication();
select throws_ok($$ select 1 from public.payout_reconciliation where payout_id = current_setting('fx.payout')::uuid $$, '42501', null, 'anonymous cannot read payout_reconciliation');
select tests.authenticate_as('customer');
select is_empty($$ select 1 from public.payout_reconciliation where payout_id = current_setting('fx.payout')::uuid $$, 'customer cannot read payout_reconciliation');
select tests.authenticate_as('provider');
select isnt_empty($$ select 1 from public.payout_reconciliation where payout_id = current_setting('fx.payout')::uuid $$, 'provider can read payout_reconciliation');
select tests.authenticate_as('ops');
select is_empty($$ select 1 from public.payout_reconciliation where payout_id = current_setting('fx.payout')::uuid $$, 'operations cannot read payout_reconciliation');
select tests.authenticate_as('finance');
select isnt_empty($$ select 1 from public.payout_reconciliation where payout_id = current_setting('fx.payout')::uuid $$, 'finance can read payout_reconciliation');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.payout_reconciliation where payout_id = current_setting('fx.payout')::uuid $$, 'product cannot read payout_reconciliation');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.payout_reconciliation where payout_id = current_setting('fx.payout')::uuid $$, 'super admin can read payout_reconciliation');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.payout_reconciliation where payout_id = current_setting('fx.payout')::uuid $$, 'other-tenant admin cannot read payout_reconciliation');

select * from finish();
rollback;
