-- The workspace's Disputes and Users tabs: what each lists and counts, the evidence a disputed
-- booking's pane shows (messages only with communication.read), a user's record, and a
-- sanction deciding the items about the user it sanctions.
begin;
select plan(17);
select tests.create_marketplace_fixture();

-- booking 301 paid 100.00 and disputed; its conversation has a message from each side;
-- customer2 is reported by the customer
insert into public.transactions (id, user_id, booking_id, type, status, amount_cents, currency, platform_fee_cents, processed_at)
values ('f0000000-0000-4000-8000-00000000e001', tests.get_user_id('customer'), 'f0000000-0000-4000-8000-000000000301',
        'payment', 'completed', 10000, 'USD', 1000, now() - interval '3 days');
update public.bookings set status = 'disputed', dispute_reason = 'The leak came back'
 where id = 'f0000000-0000-4000-8000-000000000301';
insert into public.conversations (id, tenant_id, created_by, participant_ids, booking_id)
values ('f0000000-0000-4000-8000-00000000e101', tests.ensure_tenant(), tests.get_user_id('customer'),
        array[tests.get_user_id('customer'), tests.get_user_id('provider')], 'f0000000-0000-4000-8000-000000000301');
insert into public.messages (tenant_id, conversation_id, sender_id, body, created_at)
values (tests.ensure_tenant(), 'f0000000-0000-4000-8000-00000000e101', tests.get_user_id('customer'), 'It is dripping again', now() - interval '2 days'),
       (tests.ensure_tenant(), 'f0000000-0000-4000-8000-00000000e101', tests.get_user_id('provider'), 'I can come back Friday', now() - interval '1 day');
select tests.authenticate_as('customer');
insert into public.content_reports (reporter_id, target_type, target_id, reason, details)
values (tests.get_user_id('customer'), 'user', tests.get_user_id('customer2'), 'harassment', 'Keeps messaging me');
select tests.reset_role();
select set_config('t.dispute_item', (select id::text from public.moderation_items
  where target_type = 'booking' and target_id = 'f0000000-0000-4000-8000-000000000301'), true) \g /dev/null
select set_config('t.user_item', (select id::text from public.moderation_items
  where target_type = 'user' and target_id = tests.get_user_id('customer2')), true) \g /dev/null

-- the tabs
select tests.authenticate_as('operations');
select lives_ok(format('select public.claim_moderation_item(%L)', current_setting('t.dispute_item')), 'operations claims the dispute');
select results_eq($$ select id::text, target_title, target_excerpt from public.moderation_queue_page('disputes', p_claim => 'claimed') $$,
  $$ select current_setting('t.dispute_item'), 'Booking ' || (select confirmation_code from public.bookings
       where id = 'f0000000-0000-4000-8000-000000000301'), 'The leak came back' $$,
  'the Disputes tab lists the disputed booking, titled by its code, with the dispute''s reason');
select ok((select bool_and(target_type = 'user') and bool_or(id::text = current_setting('t.user_item'))
             from public.moderation_queue_page('users', p_reason => 'harassment', p_limit => 200)),
  'the Users tab lists items about users only, the reported user among them');
select is((public.moderation_workspace_summary() -> 'tabs' -> 'disputes' ->> 'open')::int,
  (select count(*)::int from public.moderation_items where queue = 'booking_disputes' and status in ('pending', 'escalated')),
  'the summary counts the Disputes tab');
select is((public.moderation_workspace_summary() -> 'tabs' -> 'users' ->> 'open')::int,
  (select count(*)::int from public.moderation_items where target_type = 'user' and status in ('pending', 'escalated')),
  'and the Users tab');
select throws_ok($$ select * from public.moderation_queue_page('money') $$, '22023',
  'unknown tab money (listings, reviews, disputes, users, reports, mine)', 'an unknown tab names the tabs');

-- a dispute's evidence
select set_config('t.ctx', public.moderation_item_context(current_setting('t.dispute_item')::uuid)::text, true) \g /dev/null
select is((select e ->> 'detail' from jsonb_array_elements(current_setting('t.ctx')::jsonb -> 'target' -> 'timeline') e
            where e ->> 'event' = 'disputed'), 'The leak came back', 'the timeline has the dispute, with its reason');
select is((select jsonb_agg(p ->> 'id') from jsonb_array_elements(current_setting('t.ctx')::jsonb -> 'target' -> 'payments') p),
  '["f0000000-0000-4000-8000-00000000e001"]'::jsonb, 'the payments are the booking''s');
select is((current_setting('t.ctx')::jsonb -> 'target' ->> 'refundable_cents')::bigint, 10000::bigint,
  'with what is left to refund');
select is((select jsonb_agg(jsonb_build_array(m ->> 'side', m ->> 'body'))
             from jsonb_array_elements(current_setting('t.ctx')::jsonb -> 'target' -> 'messages') m),
  '[["customer", "It is dripping again"], ["provider", "I can come back Friday"]]'::jsonb,
  'and the conversation, oldest first, each message by side');
select tests.reset_role();
insert into public.user_permissions (user_id, permission_id, kind, reason)
select tests.get_user_id('operations'), p.id, 'revoke', 'test' from public.permissions p where p.key = 'communication.read';
select tests.authenticate_as('operations');
select is(public.moderation_item_context(current_setting('t.dispute_item')::uuid) -> 'target' -> 'messages_visible',
  'false'::jsonb, 'without communication.read the pane says the messages are not shown');
select is(public.moderation_item_context(current_setting('t.dispute_item')::uuid) -> 'target' -> 'messages',
  'null'::jsonb, 'and they are not in the answer');

-- a user's record
select is((select jsonb_build_array(t ->> 'name', t -> 'sanctions', t ->> 'reports_filed')
             from (select public.moderation_item_context(current_setting('t.user_item')::uuid) -> 'target' as t) x),
  jsonb_build_array((select coalesce(full_name, email) from public.users where id = tests.get_user_id('customer2')), '[]'::jsonb, '0'),
  'a user''s pane has who they are, their sanctions so far and what they reported');
select tests.authenticate_as('customer');
select throws_ok(format('select public.moderation_item_context(%L)', current_setting('t.user_item')), '42501', null,
  'a customer cannot read it');

-- a sanction settles the items about the user
select tests.authenticate_as('operations');
select lives_ok($$ select public.sanction_user(tests.get_user_id('customer2'), 'suspend', 'Harassment of another customer', now() + interval '7 days') $$,
  'operations suspends the reported user');
select tests.reset_role();
select results_eq($$ select status, decision_reason_code, decided_by, open_report_count from public.moderation_items
                      where id = current_setting('t.user_item')::uuid $$,
  $$ values ('rejected'::text, 'user_suspended'::text, tests.get_user_id('operations'), 0) $$,
  'the suspension decides the user''s item, by the moderator who suspended');
select results_eq($$ select status::text, resolution, resolved_by from public.content_reports
                      where target_type = 'user' and target_id = tests.get_user_id('customer2') $$,
  $$ values ('resolved'::text, 'user_suspended'::text, tests.get_user_id('operations')) $$,
  'and resolves the report against them');

select * from finish();
rollback;
