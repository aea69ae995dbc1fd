-- Communication: conversations, messages and notifications by persona
-- Persona access matrix, Basejump style: anonymous, customer, provider, operations, finance,
-- product, super admin and an admin of another tenant; select / insert / update / delete,
-- allowed (isnt_empty, lives_ok) and denied (is_empty for rows RLS hides, throws_ok 42501
-- where the role has no privilege or the new row violates a policy).
-- Generated shape, hand-checked expectations; one block per table.
begin;
select plan(96);

select tests.create_tenant_personas();

-- conversations -------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.conversations (created_by, participant_ids) values (tests.get_user_id('customer'), array[tests.get_user_id('customer'), tests.get_user_id('provider')])
  returning id into v;
  perform set_config('fx.conv', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.conversations where id = current_setting('fx.conv')::uuid $$, '42501', null, 'anonymous cannot read conversations');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.conversations where id = current_setting('fx.conv')::uuid $$, 'customer can read conversations');
select tests.authenticate_as('provider');
select isnt_empty($$ select 1 from public.conversations where id = current_setting('fx.conv')::uuid $$, 'provider can read conversations');
select tests.authenticate_as('ops');
select isnt_empty($$ select 1 from public.conversations where id = current_setting('fx.conv')::uuid $$, 'operations can read conversations');
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.conversations where id = current_setting('fx.conv')::uuid $$, 'finance cannot read conversations');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.conversations where id = current_setting('fx.conv')::uuid $$, 'product cannot read conversations');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.conversations where id = current_setting('fx.conv')::uuid $$, 'super admin can read conversations');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.conversations where id = current_setting('fx.conv')::uuid $$, 'other-tenant admin cannot read conversations');
select tests.clear_authentication();
select throws_ok($$ insert into public.conversations (created_by, participant_ids) values (tests.get_user_id('customer'), array[tests.get_user_id('customer'), case when 'anon' = 'customer' then tests.get_user_id('provider') else tests.get_user_id('customer') end]) $$, '42501', null, 'anonymous cannot insert into conversations');
select tests.authenticate_as('customer');
select lives_ok($$ insert into public.conversations (created_by, participant_ids) values (tests.get_user_id('customer'), array[tests.get_user_id('customer'), case when 'customer' = 'customer' then tests.get_user_id('provider') else tests.get_user_id('customer') end]) $$, 'customer can insert into conversations');
select tests.authenticate_as('provider');
select lives_ok($$ insert into public.conversations (created_by, participant_ids) values (tests.get_user_id('provider'), array[tests.get_user_id('provider'), case when 'provider' = 'customer' then tests.get_user_id('provider') else tests.get_user_id('customer') end]) $$, 'provider can insert into conversations');
select tests.authenticate_as('ops');
select lives_ok($$ insert into public.conversations (created_by, participant_ids) values (tests.get_user_id('ops'), array[tests.get_user_id('ops'), case when 'ops' = 'customer' then tests.get_user_id('provider') else tests.get_user_id('customer') end]) $$, 'operations can insert into conversations');
select tests.authenticate_as('finance');
select lives_ok($$ insert into public.conversations (created_by, participant_ids) values (tests.get_user_id('finance'), array[tests.get_user_id('finance'), case when 'finance' = 'customer' then tests.get_user_id('provider') else tests.get_user_id('customer') end]) $$, 'finance can insert into conversations');
select tests.authenticate_as('product');
select lives_ok($$ insert into public.conversations (created_by, participant_ids) values (tests.get_user_id('product'), array[tests.get_user_id('product'), case when 'product' = 'customer' then tests.get_user_id('provider') else tests.get_user_id('customer') end]) $$, 'product can insert into conversations');
select tests.authenticate_as('super');
select lives_ok($$ insert into public.conversations (created_by, participant_ids) values (tests.get_user_id('super'), array[tests.get_user_id('super'), case when 'super' = 'customer' then tests.get_user_id('provider') else tests.get_user_id('customer') end]) $$, 'super admin can insert into conversations');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.conversations (created_by, participant_ids) values (tests.get_user_id('other_admin'), array[tests.get_user_id('other_admin'), case when 'other-admin' = 'customer' then tests.get_user_id('provider') else tests.get_user_id('customer') end]) $$, '22023', null, 'other-tenant admin cannot insert into conversations');
select tests.clear_authentication();
select throws_ok($$ update public.conversations set subject = 'Re: booking' where id = current_setting('fx.conv')::uuid returning 1 $$, '42501', null, 'anonymous cannot update conversations');
select tests.authenticate_as('customer');
select isnt_empty($$ update public.conversations set subject = 'Re: booking' where id = current_setting('fx.conv')::uuid returning 1 $$, 'customer can update conversations');
select tests.authenticate_as('provider');
select isnt_empty($$ update public.conversations set subject = 'Re: booking' where id = current_setting('fx.conv')::uuid returning 1 $$, 'provider can update conversations');
select tests.authenticate_as('ops');
select is_empty($$ update public.conversations set subject = 'Re: booking' where id = current_setting('fx.conv')::uuid returning 1 $$, 'operations cannot update conversations');
select tests.authenticate_as('finance');
select is_empty($$ update public.conversations set subject = 'Re: booking' where id = current_setting('fx.conv')::uuid returning 1 $$, 'finance cannot update conversations');
select tests.authenticate_as('product');
select is_empty($$ update public.conversations set subject = 'Re: booking' where id = current_setting('fx.conv')::uuid returning 1 $$, 'product cannot update conversations');
select tests.authenticate_as('super');
select is_empty($$ update public.conversations set subject = 'Re: booking' where id = current_setting('fx.conv')::uuid returning 1 $$, 'super admin cannot update conversations');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.conversations set subject = 'Re: booking' where id = current_setting('fx.conv')::uuid returning 1 $$, 'other-tenant admin cannot update conversations');
select tests.clear_authentication();
select throws_ok($$ delete from public.conversations where id = current_setting('fx.conv')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from conversations');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.conversations where id = current_setting('fx.conv')::uuid returning 1 $$, '42501', null, 'customer cannot delete from conversations');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.conversations where id = current_setting('fx.conv')::uuid returning 1 $$, '42501', null, 'provider cannot delete from conversations');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.conversations where id = current_setting('fx.conv')::uuid returning 1 $$, '42501', null, 'operations cannot delete from conversations');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.conversations where id = current_setting('fx.conv')::uuid returning 1 $$, '42501', null, 'finance cannot delete from conversations');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.conversations where id = current_setting('fx.conv')::uuid returning 1 $$, '42501', null, 'product cannot delete from conversations');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.conversations where id = current_setting('fx.conv')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from conversations');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.conversations where id = current_setting('fx.conv')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from conversations');

-- messages ------------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.messages (conversation_id, sender_id, body) values (current_setting('fx.conv')::uuid, tests.get_user_id('customer'), 'Hello')
  returning id into v;
  perform set_config('fx.msg', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.messages where id = current_setting('fx.msg')::uuid $$, '42501', null, 'anonymous cannot read messages');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.messages where id = current_setting('fx.msg')::uuid $$, 'customer can read messages');
select tests.authenticate_as('provider');
select isnt_empty($$ select 1 from public.messages where id = current_setting('fx.msg')::uuid $$, 'provider can read messages');
select tests.authenticate_as('ops');
select isnt_empty($$ select 1 from public.messages where id = current_setting('fx.msg')::uuid $$, 'operations can read messages');
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.messages where id = current_setting('fx.msg')::uuid $$, 'finance cannot read messages');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.messages where id = current_setting('fx.msg')::uuid $$, 'product cannot read messages');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.messages where id = current_setting('fx.msg')::uuid $$, 'super admin can read messages');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.messages where id = current_setting('fx.msg')::uuid $$, 'other-tenant admin cannot read messages');
select tests.clear_authentication();
select throws_ok($$ insert into public.messages (conversation_id, sender_id, body) values (current_setting('fx.conv')::uuid, tests.get_user_id('customer'), 'Hi from anon') $$, '42501', null, 'anonymous cannot insert into messages');
select tests.authenticate_as('customer');
select lives_ok($$ insert into public.messages (conversation_id, sender_id, body) values (current_setting('fx.conv')::uuid, tests.get_user_id('customer'), 'Hi from customer') $$, 'customer can insert into messages');
select tests.authenticate_as('provider');
select lives_ok($$ insert into public.messages (conversation_id, sender_id, body) values (current_setting('fx.conv')::uuid, tests.get_user_id('provider'), 'Hi from provider') $$, 'provider can insert into messages');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.messages (conversation_id, sender_id, body) values (current_setting('fx.conv')::uuid, tests.get_user_id('ops'), 'Hi from ops') $$, '42501', null, 'operations cannot insert into messages');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.messages (conversation_id, sender_id, body) values (current_setting('fx.conv')::uuid, tests.get_user_id('finance'), 'Hi from finance') $$, '42501', null, 'finance cannot insert into messages');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.messages (conversation_id, sender_id, body) values (current_setting('fx.conv')::uuid, tests.get_user_id('product'), 'Hi from product') $$, '42501', null, 'product cannot insert into messages');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.messages (conversation_id, sender_id, body) values (current_setting('fx.conv')::uuid, tests.get_user_id('super'), 'Hi from super') $$, '42501', null, 'super admin cannot insert into messages');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.messages (conversation_id, sender_id, body) values (current_setting('fx.conv')::uuid, tests.get_user_id('other_admin'), 'Hi from other-admin') $$, '42501', null, 'other-tenant admin cannot insert into messages');
select tests.clear_authentication();
select throws_ok($$ update public.messages set body = 'Hello again' where id = current_setting('fx.msg')::uuid returning 1 $$, '42501', null, 'anonymous cannot update messages');
select tests.authenticate_as('customer');
select isnt_empty($$ update public.messages set body = 'Hello again' where id = current_setting('fx.msg')::uuid returning 1 $$, 'customer can update messages');
select tests.authenticate_as('provider');
select is_empty($$ update public.messages set body = 'Hello again' where id = current_setting('fx.msg')::uuid returning 1 $$, 'provider cannot update messages');
select tests.authenticate_as('ops');
select is_empty($$ update public.messages set body = 'Hello again' where id = current_setting('fx.msg')::uuid returning 1 $$, 'operations cannot update messages');
select tests.authenticate_as('finance');
select is_empty($$ update public.messages set body = 'Hello again' where id = current_setting('fx.msg')::uuid returning 1 $$, 'finance cannot update messages');
select tests.authenticate_as('product');
select is_empty($$ update public.messages set body = 'Hello again' where id = current_setting('fx.msg')::uuid returning 1 $$, 'product cannot update messages');
select tests.authenticate_as('super');
select is_empty($$ update public.messages set body = 'Hello again' where id = current_setting('fx.msg')::uuid returning 1 $$, 'super admin cannot update messages');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.messages set body = 'Hello again' where id = current_setting('fx.msg')::uuid returning 1 $$, 'other-tenant admin cannot update messages');
select tests.clear_authentication();
select throws_ok($$ delete from public.messages where id = current_setting('fx.msg')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from messages');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.messages where id = current_setting('fx.msg')::uuid returning 1 $$, '42501', null, 'customer cannot delete from messages');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.messages where id = current_setting('fx.msg')::uuid returning 1 $$, '42501', null, 'provider cannot delete from messages');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.messages where id = current_setting('fx.msg')::uuid returning 1 $$, '42501', null, 'operations cannot delete from messages');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.messages where id = current_setting('fx.msg')::uuid returning 1 $$, '42501', null, 'finance cannot delete from messages');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.messages where id = current_setting('fx.msg')::uuid returning 1 $$, '42501', null, 'product cannot delete from messages');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.messages where id = current_setting('fx.msg')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from messages');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.messages where id = current_setting('fx.msg')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from messages');

-- notifications -------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.notifications (user_id, type, title) values (tests.get_user_id('customer'), 'booking.confirmed', 'Booked')
  returning id into v;
  perform set_config('fx.notif', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.notifications (user_id, type, title) values (tests.get_user_id('customer'), 'booking.confirmed', 'Booked')
  returning id into v;
  perform set_config('fx.notif_del_customer', v, true);
end
$$;

select tests.clear_authentication();
select throws_ok($$ select 1 from public.notifications where id = current_setting('fx.notif')::uuid $$, '42501', null, 'anonymous cannot read notifications');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.notifications where id = current_setting('fx.notif')::uuid $$, 'customer can read notifications');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.notifications where id = current_setting('fx.notif')::uuid $$, 'provider cannot read notifications');
select tests.authenticate_as('ops');
select isnt_empty($$ select 1 from public.notifications where id = current_setting('fx.notif')::uuid $$, 'operations can read notifications');
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.notifications where id = current_setting('fx.notif')::uuid $$, 'finance cannot read notifications');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.notifications where id = current_setting('fx.notif')::uuid $$, 'product cannot read notifications');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.notifications where id = current_setting('fx.notif')::uuid $$, 'super admin can read notifications');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.notifications where id = current_setting('fx.notif')::uuid $$, 'other-tenant admin cannot read notifications');
select tests.clear_authentication();
select throws_ok($$ insert into public.notifications (user_id, type, title) values (tests.get_user_id('customer'), 'booking.confirmed', 'x') $$, '42501', null, 'anonymous cannot insert into notifications');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.notifications (user_id, type, title) values (tests.get_user_id('customer'), 'booking.confirmed', 'x') $$, '42501', null, 'customer cannot insert into notifications');
select tests.authenticate_as('provider');
select throws_ok($$ insert into public.notifications (user_id, type, title) values (tests.get_user_id('provider'), 'booking.confirmed', 'x') $$, '42501', null, 'provider cannot insert into notifications');
select tests.authenticate_as('ops');
select throws_ok($$ insert into public.notifications (user_id, type, title) values (tests.get_user_id('ops'), 'booking.confirmed', 'x') $$, '42501', null, 'operations cannot insert into notifications');
select tests.authenticate_as('finance');
select throws_ok($$ insert into public.notifications (user_id, type, title) values (tests.get_user_id('finance'), 'booking.confirmed', 'x') $$, '42501', null, 'finance cannot insert into notifications');
select tests.authenticate_as('product');
select throws_ok($$ insert into public.notifications (user_id, type, title) values (tests.get_user_id('product'), 'booking.confirmed', 'x') $$, '42501', null, 'product cannot insert into notifications');
select tests.authenticate_as('super');
select throws_ok($$ insert into public.notifications (user_id, type, title) values (tests.get_user_id('super'), 'booking.confirmed', 'x') $$, '42501', null, 'super admin cannot insert into notifications');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.notifications (user_id, type, title) values (tests.get_user_id('other_admin'), 'booking.confirmed', 'x') $$, '42501', null, 'other-tenant admin cannot insert into notifications');
select tests.clear_authentication();
select throws_ok($$ update public.notifications set read_at = now() where id = current_setting('fx.notif')::uuid returning 1 $$, '42501', null, 'anonymous cannot update notifications');
select tests.authenticate_as('customer');
select isnt_empty($$ update public.notifications set read_at = now() where id = current_setting('fx.notif')::uuid returning 1 $$, 'customer can update notifications');
select tests.authenticate_as('provider');
select is_empty($$ update public.notifications set read_at = now() where id = current_setting('fx.notif')::uuid returning 1 $$, 'provider cannot update notifications');
select tests.authenticate_as('ops');
select is_empty($$ update public.notifications set read_at = now() where id = current_setting('fx.notif')::uuid returning 1 $$, 'operations cannot update notifications');
select tests.authenticate_as('finance');
select is_empty($$ update public.notifications set read_at = now() where id = current_setting('fx.notif')::uuid returning 1 $$, 'finance cannot update notifications');
select tests.authenticate_as('product');
select is_empty($$ update public.notifications set read_at = now() where id = current_setting('fx.notif')::uuid returning 1 $$, 'product cannot update notifications');
select tests.authenticate_as('super');
select is_empty($$ update public.notifications set read_at = now() where id = current_setting('fx.notif')::uuid returning 1 $$, 'super admin cannot update notifications');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.notifications set read_at = now() where id = current_setting('fx.notif')::uuid returning 1 $$, 'other-tenant admin cannot update notifications');
select tests.clear_authentication();
select throws_ok($$ delete from public.notifications where id = current_setting('fx.notif')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from notifications');
select tests.authenticate_as('customer');
select isnt_empty($$ delete from public.notifications where id = current_setting('fx.notif_del_customer')::uuid returning 1 $$, 'customer can delete from notifications');
select tests.authenticate_as('provider');
select is_empty($$ delete from public.notifications where id = current_setting('fx.notif')::uuid returning 1 $$, 'provider cannot delete from notifications');
select tests.authenticate_as('ops');
select is_empty($$ delete from public.notifications where id = current_setting('fx.notif')::uuid returning 1 $$, 'operations cannot delete from notifications');
select tests.authenticate_as('finance');
select is_empty($$ delete from public.notifications where id = current_setting('fx.notif')::uuid returning 1 $$, 'finance cannot delete from notifications');
select tests.authenticate_as('product');
select is_empty($$ delete from public.notifications where id = current_setting('fx.notif')::uuid returning 1 $$, 'product cannot delete from notifications');
select tests.authenticate_as('super');
select is_empty($$ delete from public.notifications where id = current_setting('fx.notif')::uuid returning 1 $$, 'super admin cannot delete from notifications');
select tests.authenticate_as('other_admin');
select is_empty($$ delete from public.notifications where id = current_setting('fx.notif')::uuid returning 1 $$, 'other-tenant admin cannot delete from notifications');

select * from finish();
rollback;
