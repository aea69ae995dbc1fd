-- export_audit_log: the entries a filter selects, as the reader's audit_logs policies allow, and
-- one new entry recording the export (filters, count, first and last, digest of the hashes).
begin;
select plan(13);

do $$
begin
  perform tests.create_supabase_user('ops', role => 'admin', staff_role => 'operations');
  perform tests.create_supabase_user('product', role => 'admin', staff_role => 'product');
  perform tests.create_supabase_user('customer');
  perform tests.create_supabase_user('other_admin', role => 'admin', tenant_slug => 'other-co');
end
$$;
-- five entries of ops' tenant and two of the other tenant's, written as staff actions write them
insert into public.audit_logs (tenant_id, actor_id, action, table_name, record_id, hash)
select tests.ensure_tenant(case when g <= 5 then 'loconomy' else 'other-co' end), tests.get_user_id('ops'),
       case when g % 2 = 0 then 'update' else 'delete' end::public.audit_action, 'export_tests', g::text, ''
  from generate_series(1, 7) g;
create temp table mine as
select seq, hash, action from public.audit_logs where table_name = 'export_tests' and record_id::int <= 5 order by seq;
grant select on mine to authenticated;

select tests.authenticate_as('customer');
select throws_ok($$ select * from public.export_audit_log() $$, '42501', null, 'customer: refused');
select tests.authenticate_as('product');
select throws_ok($$ select * from public.export_audit_log() $$, '42501', null, 'product (no audit.read): refused');
select is_empty($$ select 1 from public.audit_logs where table_name = 'audit_logs' and action = 'read' and actor_id = tests.get_user_id('product') $$,
  'a refused export records nothing');

select tests.authenticate_as('ops');
select results_eq($$ select seq from public.export_audit_log(p_tables => array['export_tests']) $$,
  $$ select seq from mine order by seq $$, 'ops exports its tenant''s entries only, oldest first');
select results_eq($$ select seq from public.export_audit_log(p_tables => array['export_tests'], p_actions => array['update']::public.audit_action[]) $$,
  $$ select seq from mine where action = 'update' order by seq $$, 'filters by action');
select results_eq($$ select seq from public.export_audit_log(p_tables => array['export_tests'], p_from_seq => (select min(seq) + 1 from mine), p_to_seq => (select min(seq) + 2 from mine)) $$,
  $$ select seq from mine order by seq offset 1 limit 2 $$, 'filters by entry number');
select is_empty($$ select * from public.export_audit_log(p_from => now() + interval '1 day') $$, 'a period without entries exports nothing');

-- the export's own entry
select is((select count(*) from public.audit_logs where table_name = 'audit_logs' and action = 'read'
            and actor_id = tests.get_user_id('ops')), 4::bigint, 'each export appended one entry');
select is((select metadata - 'export' from public.audit_logs where table_name = 'audit_logs' and action = 'read'
             and metadata -> 'export' ->> 'actions' is null and (metadata -> 'export' ->> 'tables') is not null
             and metadata -> 'export' ->> 'from_seq' is null order by seq limit 1),
  (select jsonb_build_object('entries', 5, 'first_seq', min(seq), 'last_seq', max(seq),
          'digest', encode(sha256(convert_to(string_agg(hash, '' order by seq), 'UTF8')), 'hex')) from mine),
  'it says how many, the first and last, and the digest of the exported hashes in order');
select is((select metadata -> 'export' from public.audit_logs where table_name = 'audit_logs' and action = 'read'
             and actor_id = tests.get_user_id('ops') and metadata -> 'export' ? 'actions' order by seq desc limit 1),
  '{"tables": ["export_tests"], "actions": ["update"]}'::jsonb, 'and the filters it used');
select is((select tenant_id from public.audit_logs where table_name = 'audit_logs' and action = 'read'
             and actor_id = tests.get_user_id('ops') limit 1), tests.ensure_tenant('loconomy'),
  'in the exporter''s tenant, where its own staff read it');

select throws_ok($$ select * from public.export_audit_log(p_from => now(), p_to => now() - interval '1 day') $$, '22023', null,
  'a period ending before it starts is refused');

select tests.authenticate_as('other_admin');
select is((select count(*) from public.export_audit_log(p_tables => array['export_tests'])), 2::bigint,
  'another tenant''s admin exports only their own tenant''s entries');
select tests.reset_role();

select * from finish();
rollback;
