-- Structure of the WHOLE public schema, data-driven: a new table, foreign key or SECURITY
-- DEFINER function that breaks a rule fails here without anyone editing this file.
-- (Counts that depend on every domain being present live in schema-counts.test.sql.)
begin;
select plan(33);

-- RLS on every table in public ------------------------------------------------------------
select tests.rls_enabled('public');
select is_empty(
  $$ select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity $$,
  'no table in public lacks row level security (lists offenders)');

-- every foreign key has an index whose leading columns are the key's columns -----------------
select is_empty(
  $$ select format('%s.%s (%s)', c.conrelid::regclass, c.conname,
                   (select string_agg(a.attname, ', ') from pg_attribute a
                     where a.attrelid = c.conrelid and a.attnum = any (c.conkey)))
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'
        and not exists (
          select 1 from pg_index i
           where i.indrelid = c.conrelid
             and (string_to_array(i.indkey::text, ' ')::int2[])[1:array_length(c.conkey, 1)] @> c.conkey
             and (string_to_array(i.indkey::text, ' ')::int2[])[1:array_length(c.conkey, 1)] <@ c.conkey) $$,
  'every foreign key in public is covered by an index (lists offenders)');

-- SECURITY DEFINER functions: never executable by anon unless intended, always a fixed search_path
select is_empty(
  $$ select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private') and p.prosecdef
        and has_function_privilege('anon', p.oid, 'execute')
        and p.oid::regprocedure::text not in (
          -- allow-list: SECURITY DEFINER functions meant for anonymous callers
          'x'
        ) $$,
  'no SECURITY DEFINER function in public/private is executable by anon (outside the allow-list)');
select is_empty(
  $$ select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private') and p.prosecdef
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) cfg where cfg like 'search_path=%') $$,
  'every SECURITY DEFINER function sets its search_path');
select is_empty(
  $$ select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'private' and has_function_privilege('public', p.oid, 'execute') $$,
  'no function in private is executable by PUBLIC');
select ok(not has_schema_privilege('anon', 'private', 'usage'), 'anon has no usage on schema private');

-- policies: one command and one explicit role each --------------------------------------------
select is_empty(
  $$ select format('%s: %s', tablename, policyname) from pg_policies
      where schemaname = 'public' and (cmd = 'ALL' or roles = '{public}' or cardinality(roles) <> 1) $$,
  'every policy names one command and one role (no FOR ALL, no implicit PUBLIC)');
select is_empty(
  $$ select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and not exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) $$,
  'every public table has at least one policy');

-- tables with updated_at keep it with a trigger ------------------------------------------------
select is_empty(
  $$ select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'updated_at' and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r'
        and not exists (select 1 from pg_trigger t join pg_proc f on f.oid = t.tgfoid
                         where t.tgrelid = c.oid and f.proname = 'set_updated_at') $$,
  'every table with updated_at has a set_updated_at trigger');

-- money is integer minor units, never floats ------------------------------------------------------
select is_empty(
  $$ select format('%s.%s', c.table_name, c.column_name) from information_schema.columns c
      where c.table_schema = 'public' and (c.column_name like '%cents' or c.column_name like '%amount%')
        and c.data_type not in ('bigint', 'integer') $$,
  'money columns (*_cents, *amount*) are integers');

-- audit_logs: append-only for every API role -----------------------------------------------------
select ok(not has_table_privilege('anon', 'public.audit_logs', 'insert, update, delete, truncate'), 'anon cannot write audit_logs');
select ok(not has_table_privilege('authenticated', 'public.audit_logs', 'insert, update, delete, truncate'), 'authenticated cannot write audit_logs');
select ok(not has_table_privilege('service_role', 'public.audit_logs', 'update, delete, truncate'), 'service_role cannot rewrite audit_logs');

-- S1's tables and enums ------------------------------------------------------------------------
select has_table('public', t, format('table public.%s exists', t))
  from unnest(array['tenants', 'users', 'user_profiles', 'user_sessions', 'permissions', 'role_permissions',
                    'user_permissions', 'audit_logs', 'regions', 'cities', 'categories', 'tags', 'listings',
                    'listing_tags', 'provider_availability', 'availability_overrides', 'bookings', 'reviews',
                    'review_votes']) t;

select * from finish();
rollback;
