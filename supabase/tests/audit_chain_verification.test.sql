-- Staff verify the audit hash chain over the API: staff_audit_seq_range turns a period into the
-- entries' seq span, staff_verify_audit_chain checks a span in chunks and names the first broken
-- link (altered content, a removed entry, entries cut from the end), by persona.
begin;
select plan(22);

do $$
begin
  perform tests.create_supabase_user('ops', role => 'admin', staff_role => 'operations');
  perform tests.create_supabase_user('product', role => 'admin', staff_role => 'product');
  perform tests.create_supabase_user('customer');
  perform tests.create_supabase_user('other_admin', role => 'admin', tenant_slug => 'other-co');
end
$$;
-- ten entries of our own, written the way staff actions write them
select count(private.write_audit('admin_action', 'chain_tests', g::text)) from generate_series(1, 10) g;
create temp table ours as select seq from public.audit_logs where table_name = 'chain_tests' order by seq;
grant select on ours to authenticated, anon;
-- what the checks should answer, read as the owner (staff see only their tenant's entries)
create temp table expect as
select (select count(*) from public.audit_logs) as entries,
       (select min(seq) from public.audit_logs where created_at >= now() - interval '1 second') as period_from,
       (select max(seq) from public.audit_logs where created_at >= now() - interval '1 second') as period_to;
grant select on expect to authenticated;

-- who may verify -------------------------------------------------------------------------------
select tests.authenticate_as('customer');
select throws_ok($$ select * from public.staff_verify_audit_chain() $$, '42501', null, 'customer: refused');
select throws_ok($$ select * from public.staff_audit_seq_range() $$, '42501', null, 'customer: no seq range either');
select tests.authenticate_as('product');
select throws_ok($$ select * from public.staff_verify_audit_chain() $$, '42501', null, 'product (no audit.read): refused');
select tests.clear_authentication();
select throws_ok($$ select * from public.staff_verify_audit_chain() $$, '42501', null, 'anon: may not execute');

-- an intact chain --------------------------------------------------------------------------------
select tests.authenticate_as('ops');
select results_eq($$ select checked, broken_seq, next_seq, head_seq from public.staff_verify_audit_chain() $$,
  $$ select (select entries from expect), null::bigint, null::bigint, (select max(seq) from ours) $$,
  'ops verifies the whole chain: every entry checked, none broken, the head is the newest entry');
select results_eq($$ select checked, first_seq, last_seq, next_seq from public.staff_verify_audit_chain(
                      (select min(seq) from ours), null, 4) $$,
  $$ select 4::bigint, (select min(seq) from ours), (select min(seq) + 3 from ours), (select min(seq) + 4 from ours) $$,
  'a chunk of four stops after four entries and says where the next chunk starts');
select results_eq($$ select checked, next_seq, broken_seq from public.staff_verify_audit_chain(
                      (select min(seq) + 8 from ours), null, 4) $$,
  $$ values (2::bigint, null::bigint, null::bigint) $$,
  'the last chunk ends the range: no next chunk, the head matches');
select results_eq($$ select checked, first_seq, last_seq, broken_seq from public.staff_verify_audit_chain(
                      (select min(seq) + 2 from ours), (select min(seq) + 5 from ours)) $$,
  $$ select 4::bigint, (select min(seq) + 2 from ours), (select min(seq) + 5 from ours), null::bigint $$,
  'a range in the middle checks only its entries');
select results_eq($$ select from_seq, to_seq from public.staff_audit_seq_range(now() - interval '1 second', null) $$,
  $$ select period_from, period_to from expect $$,
  'a period gives the seq span of the entries made in it');
select results_eq($$ select from_seq, to_seq from public.staff_audit_seq_range(now() + interval '1 day', now() + interval '2 days') $$,
  $$ values (null::bigint, null::bigint) $$, 'a period without entries gives no span');
select tests.authenticate_as('other_admin');
select is((select broken_seq from public.staff_verify_audit_chain((select min(seq) from ours), null)), null::bigint,
  'a tenant admin elsewhere verifies the same chain (it runs through every tenant)');
select is((select count(*) from public.audit_logs where table_name = 'chain_tests'), 0::bigint,
  'and still reads none of the entries it checked');

-- bad arguments ------------------------------------------------------------------------------------
select tests.authenticate_as('ops');
select throws_ok($$ select * from public.staff_verify_audit_chain(null, null, 0) $$, '22023', null, 'a chunk of no entries is refused');
select throws_ok($$ select * from public.staff_verify_audit_chain(null, null, 50001) $$, '22023', null, 'a chunk over 50,000 entries is refused');
select throws_ok($$ select * from public.staff_verify_audit_chain(10, 5) $$, '22023', null, 'a range ending before it starts is refused');
select throws_ok($$ select * from public.staff_audit_seq_range(now(), now() - interval '1 day') $$, '22023', null,
  'a period ending before it starts is refused');
select tests.reset_role();

-- tampering, as only a superuser can (replica mode skips the append-only trigger) -----------------
set local session_replication_role = replica;
update public.audit_logs set record_id = 'forged' where seq = (select min(seq) + 3 from ours);
set local session_replication_role = origin;
create temp table forged as select hash from public.audit_logs where seq = (select min(seq) + 3 from ours);
grant select on forged to authenticated;
select tests.authenticate_as('ops');
select results_eq($$ select broken_seq, problem like '%content does not match%', found_hash = (select hash from forged) from public.staff_verify_audit_chain((select min(seq) from ours), null) $$,
  $$ select (select min(seq) + 3 from ours), true, true $$, 'an altered entry is the first broken link, with the hash it carries');
select results_eq($$ select broken_seq, next_seq from public.staff_verify_audit_chain((select min(seq) from ours), null, 2) $$,
  $$ values (null::bigint, (select min(seq) + 2 from ours)) $$, 'a chunk before it still verifies');
select is((select broken_seq from public.staff_verify_audit_chain((select min(seq) + 4 from ours), null)), null::bigint,
  'the entries after it verify (their links are intact)');
select tests.reset_role();

set local session_replication_role = replica;
delete from public.audit_logs where seq >= (select min(seq) + 8 from ours);
set local session_replication_role = origin;
select tests.authenticate_as('ops');
select results_eq($$ select broken_seq, problem like '%ends before its recorded head%' from public.staff_verify_audit_chain((select min(seq) + 4 from ours), null) $$,
  $$ select (select max(seq) from ours), true $$, 'entries cut from the end: the chain ends before the head it recorded');
select is((select broken_seq from public.staff_verify_audit_chain((select min(seq) + 4 from ours), (select min(seq) + 7 from ours))),
  null::bigint, 'a range that stops before the end does not compare with the head');
select tests.reset_role();

set local session_replication_role = replica;
delete from public.audit_logs where seq = (select min(seq) + 6 from ours);
set local session_replication_role = origin;
select tests.authenticate_as('ops');
select results_eq($$ select broken_seq, problem like '%does not link%' from public.staff_verify_audit_chain((select min(seq) + 4 from ours), null) $$,
  $$ select (select min(seq) + 7 from ours), true $$, 'a removed entry breaks the link of the entry after it');
select tests.reset_role();

select * from finish();
rollback;
