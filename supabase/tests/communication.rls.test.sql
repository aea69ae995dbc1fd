-- Communication: conversations, messages and notifications by persona
-- Persona access matrix (Basejump style): per table and command, what each persona gets —
-- rows, none (RLS hides or filters the row), ok, denied (42501) — as one tests.expect_access
-- call (supabase/tests/helpers/rls-matrix.sql). Personas: tests.create_tenant_personas.
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
select tests.expect_access('conversations', 'select',
  $$select 1 from public.conversations where id = current_setting('fx.conv')::uuid$$,
  'anon=denied customer=rows provider=rows ops=rows finance=none product=none super=rows other_admin=none');
select tests.expect_access('conversations', 'insert',
  $$insert into public.conversations (created_by, participant_ids) values ({user}, array[{user}, case when '{persona_slug}' = 'customer' then tests.get_user_id('provider') else tests.get_user_id('customer') end])$$,
  'anon=denied customer=ok provider=ok ops=ok finance=ok product=ok super=ok other_admin=22023');
select tests.expect_access('conversations', 'update',
  $$update public.conversations set subject = 'Re: booking' where id = current_setting('fx.conv')::uuid returning 1$$,
  'anon=denied customer=rows provider=rows ops=none finance=none product=none super=none other_admin=none');
select tests.expect_access('conversations', 'delete',
  $$delete from public.conversations where id = current_setting('fx.conv')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

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
select tests.expect_access('messages', 'select',
  $$select 1 from public.messages where id = current_setting('fx.msg')::uuid$$,
  'anon=denied customer=rows provider=rows ops=rows finance=none product=none super=rows other_admin=none');
select tests.expect_access('messages', 'insert',
  $$insert into public.messages (conversation_id, sender_id, body) values (current_setting('fx.conv')::uuid, {user}, 'Hi from {persona_slug}')$$,
  'anon=denied customer=ok provider=ok ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('messages', 'update',
  $$update public.messages set body = 'Hello again' where id = current_setting('fx.msg')::uuid returning 1$$,
  'anon=denied customer=rows provider=none ops=none finance=none product=none super=none other_admin=none');
select tests.expect_access('messages', 'delete',
  $$delete from public.messages where id = current_setting('fx.msg')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

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
select tests.expect_access('notifications', 'select',
  $$select 1 from public.notifications where id = current_setting('fx.notif')::uuid$$,
  'anon=denied customer=rows provider=none ops=rows finance=none product=none super=rows other_admin=none');
select tests.expect_access('notifications', 'insert',
  $$insert into public.notifications (user_id, type, title) values ({user}, 'booking.confirmed', 'x')$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('notifications', 'update',
  $$update public.notifications set read_at = now() where id = current_setting('fx.notif')::uuid returning 1$$,
  'anon=denied customer=rows provider=none ops=none finance=none product=none super=none other_admin=none');
select tests.expect_access('notifications', 'delete',
  $$delete from public.notifications where id = current_setting('fx.notif')::uuid returning 1$$,
  'anon=denied customer=rows provider=none ops=none finance=none product=none super=none other_admin=none',
  statements => $${
    "customer":"delete from public.notifications where id = current_setting('fx.notif_del_customer')::uuid returning 1"
  }$$);

select * from finish();
rollback;