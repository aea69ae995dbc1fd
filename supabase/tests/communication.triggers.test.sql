-- Communication behaviour: participants checked, conversations.last_message_at and preview
-- follow messages, edits are stamped, read receipts through mark_conversation_read, and
-- the constraints on conversations, messages and notifications.
begin;
select plan(24);

do $$
declare v uuid;
begin
  perform tests.create_supabase_user('customer');
  perform tests.create_supabase_user('provider', role => 'provider');
  perform tests.create_supabase_user('outsider');
  perform tests.create_supabase_user('stranger', tenant_slug => 'other-co');
  insert into public.conversations (created_by, participant_ids)
  values (tests.get_user_id('customer'), array[tests.get_user_id('provider'), tests.get_user_id('customer'), tests.get_user_id('provider')])
  returning id into v;
  perform set_config('t.conv', v::text, true);
end
$$;

-- participants ----------------------------------------------------------------------------
select is((select cardinality(participant_ids) from public.conversations where id = current_setting('t.conv')::uuid), 2,
  'duplicate participants are removed');
select is((select last_message_at from public.conversations where id = current_setting('t.conv')::uuid), null,
  'a new conversation has no last message');
select throws_ok($$ insert into public.conversations (created_by, participant_ids)
  values (tests.get_user_id('customer'), array[tests.get_user_id('customer'), gen_random_uuid()]) $$, '22023', null,
  'participants must exist');
select throws_ok($$ insert into public.conversations (created_by, participant_ids)
  values (tests.get_user_id('customer'), array[tests.get_user_id('customer'), tests.get_user_id('stranger')]) $$, '22023', null,
  'participants belong to the conversation''s tenant');
select throws_ok($$ insert into public.conversations (created_by, participant_ids)
  values (tests.get_user_id('customer'), array[tests.get_user_id('provider'), tests.get_user_id('outsider')]) $$, '23514', null,
  'the creator takes part');
select throws_ok($$ insert into public.conversations (created_by, participant_ids)
  values (tests.get_user_id('customer'), array[tests.get_user_id('customer')]) $$, '23514', null,
  'a conversation has at least two participants');

-- last_message_at ---------------------------------------------------------------------------
insert into public.messages (conversation_id, sender_id, body, created_at)
values (current_setting('t.conv')::uuid, tests.get_user_id('customer'), 'Can you come Tuesday?', '2026-11-20 10:00+00');
select is((select last_message_at from public.conversations where id = current_setting('t.conv')::uuid), '2026-11-20 10:00+00'::timestamptz,
  'a message sets last_message_at');
insert into public.messages (conversation_id, sender_id, body, created_at)
values (current_setting('t.conv')::uuid, tests.get_user_id('provider'), 'Tuesday works', '2026-11-20 11:00+00');
select is((select array[last_message_at::text, last_message_preview] from public.conversations where id = current_setting('t.conv')::uuid),
  array['2026-11-20 11:00:00+00'::timestamptz::text, 'Tuesday works'], 'a later message moves last_message_at and the preview');
insert into public.messages (conversation_id, sender_id, body, created_at)
values (current_setting('t.conv')::uuid, tests.get_user_id('customer'), 'late-delivered older message', '2026-11-20 09:00+00');
select is((select last_message_at from public.conversations where id = current_setting('t.conv')::uuid), '2026-11-20 11:00+00'::timestamptz,
  'an older message does not move last_message_at back');
select is((select read_by from public.messages where body = 'Tuesday works'), array[tests.get_user_id('provider')],
  'the sender has read their own message');

select throws_ok($$ insert into public.messages (conversation_id, sender_id, body)
  values (current_setting('t.conv')::uuid, tests.get_user_id('outsider'), 'hi') $$, '42501', null, 'only participants send messages');
select throws_ok($$ insert into public.messages (conversation_id, sender_id, body)
  values (current_setting('t.conv')::uuid, tests.get_user_id('customer'), '   ') $$, '23514', null,
  'a message has text or attachments');
select lives_ok($$ insert into public.messages (conversation_id, sender_id, attachments, created_at)
  values (current_setting('t.conv')::uuid, tests.get_user_id('customer'), '[{"file_id": "x", "name": "photo.jpg"}]', '2026-11-20 08:00+00') $$,
  'an attachment-only message is fine');
select throws_ok($$ insert into public.messages (conversation_id, sender_id, body, attachments)
  values (current_setting('t.conv')::uuid, tests.get_user_id('customer'), 'x', '{"a": 1}') $$, '23514', null, 'attachments is a JSON array');

-- edits and deletes, as the sender ------------------------------------------------------------
select tests.authenticate_as('provider');
update public.messages set body = 'Tuesday works, 9am' where body = 'Tuesday works';
select tests.reset_role();
select isnt((select edited_at from public.messages where body = 'Tuesday works, 9am'), null, 'editing the text stamps edited_at');
select is((select last_message_preview from public.conversations where id = current_setting('t.conv')::uuid), 'Tuesday works, 9am',
  'editing the latest message refreshes the preview');
select tests.authenticate_as('provider');
update public.messages set deleted_at = now() where body = 'Tuesday works, 9am';
select throws_ok($$ update public.messages set body = 'undo' where body = 'Tuesday works, 9am' $$, 'P0001', null,
  'a deleted message cannot be edited');
select tests.reset_role();
select is((select last_message_preview from public.conversations where id = current_setting('t.conv')::uuid), 'Can you come Tuesday?',
  'deleting the latest message previews the one before');

-- read receipts -----------------------------------------------------------------------------
select tests.authenticate_as('customer');
select throws_ok($$ update public.messages set read_by = '{}' where conversation_id = current_setting('t.conv')::uuid $$, '42501', null,
  'read receipts are not written directly');
select is(public.mark_conversation_read(current_setting('t.conv')::uuid), 1, 'mark_conversation_read marks the unread messages');
select is(public.mark_conversation_read(current_setting('t.conv')::uuid), 0, 'marking twice changes nothing');
select tests.authenticate_as('outsider');
select throws_ok($$ select public.mark_conversation_read(current_setting('t.conv')::uuid) $$, '42501', null,
  'only participants mark a conversation read');
select tests.reset_role();

-- notifications -----------------------------------------------------------------------------
select throws_ok($$ insert into public.notifications (user_id, type, title) values (tests.get_user_id('customer'), 'Booking Confirmed', 'x') $$,
  '23514', null, 'notification types are dotted lower-case names');
insert into public.notifications (user_id, channel, type, title) values (tests.get_user_id('customer'), 'push', 'booking.confirmed', 'Booked');
select tests.authenticate_as('customer');
select throws_ok($$ update public.notifications set title = 'changed' where user_id = tests.get_user_id('customer') $$, '42501', null,
  'users may only mark notifications read, not rewrite them');
select tests.reset_role();

select * from finish();
rollback;
