-- Supabase's database advisor (the open-source splinter lints) as schema tests, read from the
-- catalogs the way each lint reads them, so a migration that breaks one fails `npm test`
-- instead of surfacing as a WARN on the hosted project. One assertion per lint, named after it;
-- each lists its offenders. Schemas the lints skip (Supabase's own, extensions', the test
-- helpers') are skipped here too.
--
-- authenticated_security_definer_function_executable is a warning Supabase leaves to judgement:
-- here every such function must say in its comment why it is one.
begin;
select plan(9);

create temp table skipped_schema (name text primary key);
insert into skipped_schema values ('_timescaledb_cache'), ('_timescaledb_catalog'), ('_timescaledb_config'), ('_timescaledb_internal'), ('auth'), ('cron'), ('extensions'), ('graphql'), ('graphql_public'), ('information_schema'), ('net'), ('pgmq'), ('pgroonga'), ('pgsodium'), ('pgsodium_masks'), ('pgtle'), ('pgbouncer'), ('pg_catalog'), ('realtime'), ('repack'), ('storage'), ('supabase_functions'), ('supabase_migrations'), ('tiger'), ('topology'), ('vault'), ('tests'), ('pg_toast');

-- 0001 unindexed_foreign_keys: a foreign key without an index led by its columns
select is_empty($$
  select format('%s.%s', c.conrelid::regclass, c.conname)
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
   where c.contype = 'f' and n.nspname not in (select name from skipped_schema) and n.nspname not like 'pg_temp%'
     and not exists (
       select 1 from pg_index i
        where i.indrelid = c.conrelid
          and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
          and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey) $$,
  'unindexed_foreign_keys: every foreign key is covered by an index (lists offenders)');

-- 0003 auth_rls_initplan: a per-request value computed per row. Supabase checks auth.<fn>() and
-- current_setting(); our policies reach the caller through private.* helpers, checked alike.
select is_empty($$
  select format('%s: %s', p.tablename, p.policyname)
    from pg_policies p
   where p.schemaname not in (select name from skipped_schema)
     and exists (select 1 from unnest(array[coalesce(p.qual, ''), coalesce(p.with_check, '')]) e (expr)
                  where e.expr ~ '(?<!SELECT )auth\.(uid|jwt|role|email)\(\)'
                     or e.expr ~ '(?<!SELECT )current_setting\('
                     or e.expr ~ '(?<!SELECT )private\.(current_user_id|signed_in_user_id|current_tenant_id|current_user_role|is_super_admin|jwt_sub)\(\)'
                     or e.expr ~ '(?<!SELECT )private\.(staff_tenant_ids|has_permission)\(''') $$,
  'auth_rls_initplan: no policy evaluates the caller''s identity per row (lists offenders)');

-- 0006 multiple_permissive_policies: two permissive policies for one table, role and action
select is_empty($$
  select format('%s %s %s: %s', c.relname, r.rolname, a.cmd, string_agg(p.polname, ', '))
    from pg_policy p
    join pg_class c on c.oid = p.polrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_roles r on p.polroles @> array[r.oid] or p.polroles = array[0::oid]
    cross join lateral unnest(case p.polcmd when 'r' then array['SELECT'] when 'a' then array['INSERT']
                                            when 'w' then array['UPDATE'] when 'd' then array['DELETE']
                                            else array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] end) a (cmd)
   where c.relkind = 'r' and p.polpermissive and n.nspname not in (select name from skipped_schema)
     and r.rolname not like 'pg\_%' and r.rolname not like 'supabase%admin' and not r.rolbypassrls
   group by c.relname, r.rolname, a.cmd
  having count(*) > 1 $$,
  'multiple_permissive_policies: one permissive policy per table, role and action (lists offenders)');

-- 0007 policy_exists_rls_disabled
select is_empty($$
  select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname not in (select name from skipped_schema) and c.relkind = 'r' and not c.relrowsecurity
     and exists (select 1 from pg_policy p where p.polrelid = c.oid) $$,
  'policy_exists_rls_disabled: no table has policies with RLS off (lists offenders)');

-- 0009 duplicate_index: two indexes with the same definition on a table
select is_empty($$
  select format('%s: %s', i.tablename, string_agg(i.indexname, ', '))
    from pg_indexes i
   where i.schemaname not in (select name from skipped_schema) and i.schemaname not like 'pg_temp%'
   group by i.schemaname, i.tablename, replace(i.indexdef, i.indexname, '')
  having count(*) > 1 $$,
  'duplicate_index: no table has two identical indexes (lists offenders)');

-- 0010 security_definer_view: a view the API roles read that runs as its owner
select is_empty($$
  select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where c.relkind = 'v' and n.nspname = 'public'
     and (has_table_privilege('anon', c.oid, 'select') or has_table_privilege('authenticated', c.oid, 'select'))
     and not (lower(coalesce(c.reloptions::text, '{}'))::text[]
              && array['security_invoker=1', 'security_invoker=true', 'security_invoker=yes', 'security_invoker=on']) $$,
  'security_definer_view: every view the API reads is security_invoker (lists offenders)');

-- 0011 function_search_path_mutable: any function (not only definers) without a fixed search_path
select is_empty($$
  select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname not in (select name from skipped_schema) and n.nspname not like 'pg_temp%'
     and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
     and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) cfg where cfg like 'search_path=%') $$,
  'function_search_path_mutable: every function sets its search_path (lists offenders)');

-- 0013 rls_disabled_in_public: a table the API exposes without RLS
select is_empty($$
  select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity $$,
  'rls_disabled_in_public: every table in public has RLS (lists offenders)');

-- 0029 authenticated_security_definer_function_executable: a definer function in public a
-- signed-in caller may run. Each one must be (it does what RLS forbids the caller) and say why
-- in its comment ("Definer: …"); definer_functions_refuse.test.sql proves each refuses
-- customers and providers.
select is_empty($$
  select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname = 'public' and p.prosecdef and has_function_privilege('authenticated', p.oid, 'execute')
     and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
     and coalesce(obj_description(p.oid, 'pg_proc'), '') !~ '(^|\. )Definer: .{20,}' $$,
  'authenticated_security_definer_function_executable: every definer function in public says why it is one (lists those that do not)');

select * from finish();
rollback;
