-- Realtime: which tables' changes clients may subscribe to, and that the function deciding who
-- receives a change is the Realtime server's alone.
begin;
select plan(5);

select set_eq(
  $$ select tablename::text from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'public' $$,
  array['listings', 'reviews', 'content_reports', 'bookings', 'transactions', 'feature_flags', 'moderation_items'],
  'supabase_realtime publishes the tables the admin watches live'
);

select is_empty(
  $$ select t.tablename from pg_publication_tables t join pg_class c on c.relname = t.tablename
       join pg_namespace n on n.oid = c.relnamespace and n.nspname = t.schemaname
      where t.pubname = 'supabase_realtime' and not c.relrowsecurity $$,
  'every published table has row level security: it is what decides who receives a change'
);

select ok(
  (select c.relrowsecurity from pg_class c where c.oid = 'realtime.messages'::regclass),
  'realtime.messages has row level security: its policies decide who joins a private channel'
);

select is_empty(
  $$ select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'realtime' and p.proname <> 'topic'
        and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute')
             or has_function_privilege('service_role', p.oid, 'execute')) $$,
  'no API role may execute the realtime change functions (only realtime.topic(), for policies)'
);

-- apply_rls as a customer would be asked: a content report of another customer is not theirs
select tests.create_tenant_personas();
select is(
  (select count(*)::int from realtime.apply_rls_batch(
     jsonb_build_array(jsonb_build_object('action', 'I', 'schema', 'public', 'table', 'content_reports', 'timestamp', now()::text,
       'pk', jsonb_build_array(jsonb_build_object('name', 'id', 'type', 'uuid', 'typeoid', 2950)),
       'columns', jsonb_build_array(jsonb_build_object('name', 'id', 'type', 'uuid', 'typeoid', 2950, 'value', gen_random_uuid())))),
     jsonb_build_array(jsonb_build_object('id', gen_random_uuid(), 'entity', 'public.content_reports', 'event', '*', 'filters', '[]'::jsonb,
       'role', 'authenticated', 'claims', jsonb_build_object('role', 'authenticated', 'sub', tests.get_supabase_uid('customer')))))),
  0,
  'a change to a row the subscriber cannot select reaches nobody'
);

select * from finish();
rollback;
