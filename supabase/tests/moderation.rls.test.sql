-- Moderation: content reports by persona
-- Persona access matrix, Basejump style: anonymous, customer, provider, operations, finance,
-- product, super admin and an admin of another tenant; select / insert / update / delete,
-- allowed (isnt_empty, lives_ok) and denied (is_empty for rows RLS hides, throws_ok 42501
-- where the role has no privilege or the new row violates a policy).
-- Generated shape, hand-checked expectations; one block per table.
begin;
select plan(32);

select tests.create_tenant_personas();

-- content_reports -----------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.content_reports (reporter_id, target_type, target_id, reason) values (tests.get_user_id('customer'), 'user', tests.get_user_id('provider'), 'spam')
  returning id into v;
  perform set_config('fx.report', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.content_reports where id = current_setting('fx.report')::uuid $$, '42501', null, 'anonymous cannot read content_reports');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.content_reports where id = current_setting('fx.report')::uuid $$, 'customer can read content_reports');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.content_reports where id = current_setting('fx.report')::uuid $$, 'provider cannot read content_reports');
select tests.authenticate_as('ops');
select isnt_empty($$ select 1 from public.content_reports where id = current_setting('fx.report')::uuid $$, 'operations can read content_reports');
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.content_reports where id = current_setting('fx.report')::uuid $$, 'finance cannot read content_reports');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.content_reports where id = current_setting('fx.report')::uuid $$, 'product cannot read content_reports');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.content_reports where id = current_setting('fx.report')::uuid $$, 'super admin can read content_reports');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.content_reports where id = current_setting('fx.report')::uuid $$, 'other-tenant admin cannot read content_reports');
select tests.clear_authentication();
select throws_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason) values (tests.get_user_id('customer'), 'user', case when 'anon' = 'customer' then tests.get_user_id('ops') else tests.get_user_id('customer') end, 'harassment') $$, '42501', null, 'anonymous cannot insert into content_reports');
select tests.authenticate_as('customer');
select lives_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason) values (tests.get_user_id('customer'), 'user', case when 'customer' = 'customer' then tests.get_user_id('ops') else tests.get_user_id('customer') end, 'harassment') $$, 'customer can insert into content_reports');
select tests.authenticate_as('provider');
select lives_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason) values (tests.get_user_id('provider'), 'user', case when 'provider' = 'customer' then tests.get_user_id('ops') else tests.get_user_id('customer') end, 'harassment') $$, 'provider can insert into content_reports');
select tests.authenticate_as('ops');
select lives_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason) values (tests.get_user_id('ops'), 'user', case when 'ops' = 'customer' then tests.get_user_id('ops') else tests.get_user_id('customer') end, 'harassment') $$, 'operations can insert into content_reports');
select tests.authenticate_as('finance');
select lives_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason) values (tests.get_user_id('finance'), 'user', case when 'finance' = 'customer' then tests.get_user_id('ops') else tests.get_user_id('customer') end, 'harassment') $$, 'finance can insert into content_reports');
select tests.authenticate_as('product');
select lives_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason) values (tests.get_user_id('product'), 'user', case when 'product' = 'customer' then tests.get_user_id('ops') else tests.get_user_id('customer') end, 'harassment') $$, 'product can insert into content_reports');
select tests.authenticate_as('super');
select lives_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason) values (tests.get_user_id('super'), 'user', case when 'super' = 'customer' then tests.get_user_id('ops') else tests.get_user_id('customer') end, 'harassment') $$, 'super admin can insert into content_reports');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.content_reports (reporter_id, target_type, target_id, reason) values (tests.get_user_id('other_admin'), 'user', case when 'other-admin' = 'customer' then tests.get_user_id('ops') else tests.get_user_id('customer') end, 'harassment') $$, '23503', null, 'other-tenant admin cannot insert into content_reports');
select tests.clear_authentication();
select throws_ok($$ update public.content_reports set status = 'resolved' where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'anonymous cannot update content_reports');
select tests.authenticate_as('customer');
select throws_ok($$ update public.content_reports set status = 'resolved' where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'customer cannot update content_reports');
select tests.authenticate_as('provider');
select throws_ok($$ update public.content_reports set status = 'resolved' where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'provider cannot update content_reports');
select tests.authenticate_as('ops');
select throws_ok($$ update public.content_reports set status = 'resolved' where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'operations cannot update content_reports');
select tests.authenticate_as('finance');
select throws_ok($$ update public.content_reports set status = 'resolved' where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'finance cannot update content_reports');
select tests.authenticate_as('product');
select throws_ok($$ update public.content_reports set status = 'resolved' where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'product cannot update content_reports');
select tests.authenticate_as('super');
select throws_ok($$ update public.content_reports set status = 'resolved' where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'super admin cannot update content_reports');
select tests.authenticate_as('other_admin');
select throws_ok($$ update public.content_reports set status = 'resolved' where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot update content_reports');
select tests.clear_authentication();
select throws_ok($$ delete from public.content_reports where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from content_reports');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.content_reports where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'customer cannot delete from content_reports');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.content_reports where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'provider cannot delete from content_reports');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.content_reports where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'operations cannot delete from content_reports');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.content_reports where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'finance cannot delete from content_reports');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.content_reports where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'product cannot delete from content_reports');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.content_reports where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from content_reports');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.content_reports where id = current_setting('fx.report')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from content_reports');

select * from finish();
rollback;
