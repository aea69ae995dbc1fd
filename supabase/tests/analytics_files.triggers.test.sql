-- Analytics and files behaviour: events take the user's tenant and the request's headers,
-- logs are insert-only for every API role, file rows check their type/MIME/size and soft
-- delete records who deleted them.
begin;
select plan(16);

do $$
begin
  perform tests.create_supabase_user('customer');
  perform tests.create_supabase_user('provider', role => 'provider');
end
$$;

-- events ----------------------------------------------------------------------------------
select tests.authenticate_as('customer');
select set_config('request.headers', '{"user-agent": "Mozilla/5.0 test", "x-forwarded-for": "203.0.113.7, 10.0.0.1"}', true);
insert into public.events (user_id, name, properties, occurred_at)
values (tests.get_user_id('customer'), 'listing.viewed', '{"listing": "abc"}', now() + interval '1 year');
select set_config('request.headers', '', true);
select tests.reset_role();
select is((select array[tenant_id::text, user_agent, host(ip_address)] from public.events where name = 'listing.viewed'),
  array[tests.ensure_tenant('loconomy')::text, 'Mozilla/5.0 test', '203.0.113.7'], 'an event takes the user''s tenant and the request''s headers');
select ok((select occurred_at <= now() + interval '5 minutes' from public.events where name = 'listing.viewed'),
  'a client cannot date an event in the future');
select throws_ok($$ insert into public.events (user_id, name) values (tests.get_user_id('customer'), 'Page View') $$, '23514', null,
  'event names are dotted lower-case');
select throws_ok($$ insert into public.events (user_id, name, properties) values (tests.get_user_id('customer'), 'x.y', '[1]') $$, '23514', null,
  'properties is a JSON object');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.events (user_id, name) values (tests.get_user_id('provider'), 'x.y') $$, '42501', null,
  'users record only their own events');
select tests.authenticate_as_service_role();
select throws_ok($$ update public.events set name = 'z.z' $$, '42501', null, 'not even the backend rewrites an event');
select throws_ok($$ update public.system_logs set message = 'z' $$, '42501', null, 'nor a system log');
select lives_ok($$ insert into public.system_logs (level, source, message, context) values ('error', 'api.bookings', 'timeout', '{"ms": 3000}') $$,
  'the backend writes system logs');
select tests.reset_role();
select throws_ok($$ insert into public.system_logs (level, source, message) values ('loud', 'api', 'x') $$, '22P02', null, 'level is a log_level');
select has_index('public', 'events', 'events_occurred_at_brin_idx', 'events are BRIN-indexed on occurred_at');

-- files -----------------------------------------------------------------------------------
select throws_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes)
  values (tests.get_user_id('customer'), 'uploads', 'c/a.png', 'a.png', 'image', 'image/png', 0) $$, '23514', null, 'size_bytes is positive');
select throws_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes)
  values (tests.get_user_id('customer'), 'uploads', 'c/a.pdf', 'a.pdf', 'image', 'application/pdf', 10) $$, '23514', null, 'an image has an image MIME type');
select throws_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes, storage_provider)
  values (tests.get_user_id('customer'), 'uploads', 'c/a.png', 'a.png', 'image', 'image/png', 10, 'dropbox') $$, '23514', null, 'storage providers come from the known list');
select throws_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes, entity_type)
  values (tests.get_user_id('customer'), 'uploads', 'c/a.png', 'a.png', 'image', 'image/png', 10, 'listing') $$, '23514', null, 'an entity link has both type and id');

insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes, is_public)
values (tests.get_user_id('customer'), 'uploads', 'c/avatar.png', 'avatar.png', 'image', 'image/png', 10, true);
select tests.authenticate_as('customer');
update public.file_uploads set deleted_at = now() where storage_path = 'c/avatar.png';
select tests.reset_role();
select is((select array[deleted_by::text, is_public::text] from public.file_uploads where storage_path = 'c/avatar.png'),
  array[tests.get_user_id('customer')::text, 'false'], 'soft delete records the deleter and unpublishes the file');
select tests.clear_authentication();
select is_empty($$ select 1 from public.file_uploads where storage_path = 'c/avatar.png' $$, 'a deleted public file is no longer public');
select tests.reset_role();

select * from finish();
rollback;
