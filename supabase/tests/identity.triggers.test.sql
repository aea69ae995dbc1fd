-- Behaviour of the identity domain: helpers, guards, permission resolution, the audit trail
-- and its hash chain.
begin;
select plan(47);
select tests.create_personas();

-- identity helper: Supabase Auth uuid and Clerk id both map to public.users ---------------------
select tests.create_clerk_user('user_2clerkPersona', role => 'customer');
select tests.authenticate_as('customer');
select is(private.current_user_id(), tests.get_user_id('customer'), 'a Supabase Auth sub maps to its public.users row');
select tests.authenticate_as_clerk('user_2clerkPersona');
select is(private.current_user_id(), tests.get_user_id('user_2clerkPersona'), 'a Clerk sub maps to its public.users row (no uuid cast)');
select tests.authenticate_as_clerk('user_unknown');
select is(private.current_user_id(), null, 'an unknown sub maps to nobody');
select tests.clear_authentication();
select tests.reset_role();
select is(private.current_user_id(), null, 'no JWT, no user');

-- profiles, tenants, updated_at ---------------------------------------------------------------------
select is((select count(*)::int from public.user_profiles where user_id = tests.get_user_id('customer')), 1, 'a user gets a profile on insert');
select is((select tenant_id from public.user_profiles where user_id = tests.get_user_id('other_customer')), tests.ensure_tenant('other'), 'the profile carries the user''s tenant');
select tests.authenticate_as('customer');
select throws_ok($$ insert into public.user_sessions (user_id, tenant_id, user_agent)
  values (tests.get_user_id('customer'), tests.ensure_tenant('other'), 'spoofed tenant') $$, '42501', null, 'a client cannot name the tenant of its session');
insert into public.user_sessions (user_id, user_agent) values (tests.get_user_id('customer'), 'derived tenant');
select tests.reset_role();
select is((select tenant_id from public.user_sessions where user_agent = 'derived tenant'), tests.ensure_tenant('loconomy'), 'tenant_id comes from the owning user, not the client');
update public.users set updated_at = '2000-01-01' where id = tests.get_user_id('customer2');
update public.users set full_name = 'Renamed' where id = tests.get_user_id('customer2');
select ok((select updated_at > '2001-01-01' from public.users where id = tests.get_user_id('customer2')), 'updated_at is set by trigger on update');

-- guards on privileged columns ------------------------------------------------------------------------
select tests.authenticate_as('customer');
select throws_ok($$ update public.users set role = 'admin' where id = private.current_user_id() $$, '42501', null, 'a customer cannot make themselves admin');
select throws_ok($$ update public.users set status = 'active', verification_status = 'verified' where id = private.current_user_id() $$, '42501', null, 'a customer cannot verify themselves');
select lives_ok($$ update public.users set full_name = 'Me', phone = '+1 555 0100' where id = private.current_user_id() $$, 'a customer edits their own name and phone');
select throws_ok($$ update public.user_profiles set rating_average = 5 where user_id = private.current_user_id() $$, '42501', null, 'rating aggregates are not writable over the API');
select tests.authenticate_as('other_admin');
select throws_ok($$ insert into public.users (tenant_id, clerk_id, email, role) values (tests.ensure_tenant('other'), 'user_x', 'x@other.test', 'super_admin') $$, '42501', null, 'a tenant admin cannot create a super admin');
select lives_ok($$ update public.users set status = 'suspended' where id = tests.get_user_id('other_customer') $$, 'a tenant admin suspends a user of their tenant');
select throws_ok($$ update public.users set role = 'customer' where id = private.current_user_id() $$, '42501', null, 'nobody changes their own role');
select tests.authenticate_as('super_admin');
select lives_ok($$ update public.users set staff_role = 'support' where id = tests.get_user_id('product') $$, 'a super admin changes a staff role');
select tests.reset_role();
update public.users set staff_role = 'product' where id = tests.get_user_id('product');
select throws_ok($$ insert into public.users (tenant_id, email, role, staff_role, auth_user_id) values (tests.ensure_tenant('loconomy'), 'bad@x.test', 'customer', 'finance', null) $$, '23514', null, 'staff_role only for admins');

-- permission resolution ---------------------------------------------------------------------------------
select tests.authenticate_as('operations');
select ok(private.has_permission('listings.moderate'), 'operations may moderate listings');
select ok(not private.has_permission('finance.read'), 'operations may not read finance');
select is(array(select public.my_permissions()),
  array['audit.read', 'bookings.manage', 'bookings.read', 'communication.read', 'files.read', 'listings.moderate',
        'listings.read', 'reports.read', 'reports.resolve', 'reviews.moderate', 'users.read', 'users.sanction'],
  'my_permissions returns the role mapping for operations');
select tests.reset_role();
insert into public.user_permissions (user_id, permission_id, kind)
  select tests.get_user_id('operations'), id, 'revoke' from public.permissions where key = 'files.read';
insert into public.user_permissions (user_id, permission_id, kind)
  select tests.get_user_id('operations'), id, 'grant' from public.permissions where key = 'finance.read';
insert into public.user_permissions (user_id, permission_id, kind, expires_at)
  select tests.get_user_id('operations'), id, 'grant', now() - interval '1 day' from public.permissions where key = 'geo.manage';
select tests.authenticate_as('operations');
select ok(not private.has_permission('files.read'), 'a revoke removes a mapped permission');
select ok(private.has_permission('finance.read'), 'a grant adds a permission');
select ok(not private.has_permission('geo.manage'), 'an expired grant is ignored');
select tests.authenticate_as('super_admin');
select is((select count(*)::int from public.my_permissions()), (select count(*)::int from public.permissions), 'a super admin holds every permission');
select tests.authenticate_as('customer');
select ok(not private.has_permission('users.read'), 'a customer holds no staff permission');
select tests.authenticate_as('other_admin');
select ok(private.staff_can('users.read', tests.ensure_tenant('other')) and not private.staff_can('users.read', tests.ensure_tenant('loconomy')),
  'staff_can is scoped to the admin''s tenant');
select tests.reset_role();
update public.users set status = 'suspended' where id = tests.get_user_id('finance');
select tests.authenticate_as('finance');
select is((select count(*)::int from public.my_permissions()), 0, 'suspended staff hold no permission');
select tests.reset_role();

-- audit trail -----------------------------------------------------------------------------------------------
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.7, 10.0.0.1", "user-agent": "pgTAP/1.0"}', true);
select tests.authenticate_as('customer');
update public.users set full_name = 'Audited Name' where id = private.current_user_id();
select tests.reset_role();
select results_eq(
  $$ select action::text, table_name, record_id, actor_id, 'full_name' = any (changed_columns), host(ip_address), user_agent, tenant_id, new_data ->> 'full_name'
       from public.audit_logs order by seq desc limit 1 $$,
  $$ select 'update', 'users', tests.get_user_id('customer')::text, tests.get_user_id('customer'),
            true, '198.51.100.7', 'pgTAP/1.0', tests.ensure_tenant('loconomy'), 'Audited Name' $$,
  'an update writes actor, table, record, changed columns, IP, user agent, tenant and the new row');
select is((select count(*)::int from public.audit_logs where table_name = 'users' and action = 'create' and record_id = tests.get_user_id('customer2')::text),
  1, 'an insert writes a create row');
select ok((select old_data ->> 'full_name' is not null from public.audit_logs where table_name = 'users' and action = 'update' order by seq desc limit 1),
  'the old row is kept');
select throws_ok($$ update public.audit_logs set table_name = 'x' $$, '42501', null, 'audit_logs refuses update even for the owner');
select throws_ok($$ delete from public.audit_logs $$, '42501', null, 'audit_logs refuses delete even for the owner');
select throws_ok($$ truncate public.audit_logs $$, '42501', null, 'audit_logs refuses truncate');
select tests.authenticate_as_service_role();
select throws_ok($$ update public.audit_logs set table_name = 'x' $$, '42501', null, 'service_role cannot update audit_logs');
select lives_ok($$ insert into public.audit_logs (action, table_name, record_id, hash, prev_hash, seq) values ('login', 'auth', 'x', 'forged', 'forged', 1) $$,
  'service_role may append (login events)');
select tests.reset_role();
select isnt((select hash from public.audit_logs where table_name = 'auth' order by seq desc limit 1), 'forged', 'hash and prev_hash are computed, never taken from the writer');
select ok((select seq from public.audit_logs where table_name = 'auth' order by seq desc limit 1) > 1, 'seq is assigned by the chain, not the writer');

-- the hash chain ----------------------------------------------------------------------------------------------
select is_empty($$ select * from private.verify_audit_chain() $$, 'the untouched chain verifies');
select is((select hash from public.audit_logs order by seq desc limit 1),
  (select encode(sha256(convert_to(coalesce(a.prev_hash, '') || jsonb_build_array(a.seq, a.id, a.tenant_id, a.actor_id, a.actor_role,
     a.action, a.table_name, a.record_id, a.old_data, a.new_data, a.changed_columns, a.ip_address, a.user_agent, a.metadata,
     extract(epoch from a.created_at))::text, 'UTF8')), 'hex') from public.audit_logs a order by seq desc limit 1),
  'hash = sha256(prev_hash || row content)');
select ok((select bool_and(a.prev_hash = (select b.hash from public.audit_logs b where b.seq < a.seq order by b.seq desc limit 1))
             from public.audit_logs a where a.seq > (select min(seq) from public.audit_logs)),
  'each row links to the previous row''s hash');
create temporary table tampered as
  select seq from public.audit_logs where table_name = 'users' and action = 'update' order by seq desc limit 1;
-- tamper as superuser: replica mode skips the append-only trigger
set local session_replication_role = replica;
update public.audit_logs set new_data = jsonb_set(new_data, '{full_name}', '"Someone Else"') where seq = (select seq from tampered);
set local session_replication_role = origin;
select results_eq($$ select seq, problem like 'row content%' from private.verify_audit_chain() $$,
  $$ select seq, true from tampered $$, 'the verifier reports the tampered row');
select is_empty($$ select * from private.verify_audit_chain((select seq + 1 from tampered)) $$, 'the range after the tampered row verifies');
select results_eq($$ select seq from private.verify_audit_chain(null, (select seq from tampered)) $$,
  $$ select seq from tampered $$, 'a range ending at the tampered row reports it');
select count(private.write_audit('admin_action', 'tests', g::text)) from generate_series(1, 5) g;
create temporary table appended as select seq from public.audit_logs where table_name = 'tests';
set local session_replication_role = replica;
delete from public.audit_logs where seq = (select max(seq) from appended);
set local session_replication_role = origin;
select ok((select problem like 'chain ends%' from private.verify_audit_chain((select seq from appended order by seq offset 3 limit 1))),
  'removing the newest row is detected against the chain head');
set local session_replication_role = replica;
delete from public.audit_logs where seq = (select seq from appended order by seq offset 2 limit 1);
set local session_replication_role = origin;
select results_eq($$ select seq, problem like 'prev_hash%' from private.verify_audit_chain((select min(seq) from appended)) $$,
  $$ select seq, true from appended order by seq offset 3 limit 1 $$,
  'a removed row breaks the link of the row after it');
select tests.authenticate_as('super_admin');
select throws_ok($$ select * from private.verify_audit_chain() $$, '42501', null, 'the verifier is not callable over the API');

select tests.reset_role();
select * from finish();
rollback;
