-- audit_logs' computed relationship `actor`: the entry's user, as the reader may see them.
begin;
select plan(5);

do $$
begin
  perform tests.create_supabase_user('ops', role => 'admin', staff_role => 'operations');
  perform tests.create_supabase_user('finance', role => 'admin', staff_role => 'finance');
  perform tests.create_supabase_user('other_admin', role => 'admin', tenant_slug => 'other-co');
end
$$;
-- an entry of finance's, in its tenant (the chain trigger computes seq and hash)
insert into public.audit_logs (tenant_id, actor_id, actor_role, action, table_name, record_id, hash)
values (tests.ensure_tenant('loconomy'), tests.get_user_id('finance'), 'admin', 'admin_action', 'actor_tests', 'one', '');
create temp table entry as select * from public.audit_logs where table_name = 'actor_tests';
grant select on entry to authenticated, anon;

select tests.authenticate_as('ops');
select is((select a.full_name from public.audit_logs l cross join lateral public.actor(l) a where l.table_name = 'actor_tests'),
  (select full_name from public.users where id = tests.get_user_id('finance')),
  'ops reads the entry with its actor''s name');
select is((select count(*) from public.actor((select jsonb_populate_record(null::public.audit_logs, to_jsonb(e)) from entry e))), 1::bigint, 'one actor per entry');

select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.actor((select jsonb_populate_record(null::public.audit_logs, to_jsonb(e)) from entry e)) $$,
  'an admin of another tenant gets no actor (users'' policies apply, the function runs as the caller)');
select is((select prosecdef from pg_proc where oid = 'public.actor(public.audit_logs)'::regprocedure), false,
  'actor is security invoker');
select tests.reset_role();

select ok(not has_function_privilege('anon', 'public.actor(public.audit_logs)', 'execute'), 'anon may not execute it');

select * from finish();
rollback;
