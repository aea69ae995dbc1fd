-- Analytics: events and system logs by persona (insert-only for API roles)
-- Persona access matrix (Basejump style): per table and command, what each persona gets —
-- rows, none (RLS hides or filters the row), ok, denied (42501) — as one tests.expect_access
-- call (supabase/tests/helpers/rls-matrix.sql). Personas: tests.create_tenant_personas.
begin;
select plan(64);

select tests.create_tenant_personas();

-- events --------------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.events (user_id, name, properties) values (tests.get_user_id('customer'), 'page.view', '{"path": "/"}')
  returning id into v;
  perform set_config('fx.ev', v, true);
end
$$;
select tests.expect_access('events', 'select',
  $$select 1 from public.events where id = current_setting('fx.ev')::bigint$$,
  'anon=denied customer=rows provider=none ops=none finance=rows product=rows super=rows other_admin=none');
select tests.expect_access('events', 'insert',
  $$insert into public.events (user_id, name) values ({user}, 'listing.viewed')$$,
  'anon=denied customer=ok provider=ok ops=ok finance=ok product=ok super=ok other_admin=ok');
select tests.expect_access('events', 'update',
  $$update public.events set name = 'x.y' where id = current_setting('fx.ev')::bigint returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('events', 'delete',
  $$delete from public.events where id = current_setting('fx.ev')::bigint returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

-- system_logs ---------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.system_logs (tenant_id, level, source, message) values (current_setting('fx.tenant')::uuid, 'error', 'api', 'boom')
  returning id into v;
  perform set_config('fx.log', v, true);
end
$$;
select tests.expect_access('system_logs', 'select',
  $$select 1 from public.system_logs where id = current_setting('fx.log')::bigint$$,
  'anon=denied customer=none provider=none ops=rows finance=rows product=none super=rows other_admin=none');
select tests.expect_access('system_logs', 'insert',
  $$insert into public.system_logs (tenant_id, level, source, message) values (current_setting('fx.tenant')::uuid, 'info', 'web', 'hi')$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('system_logs', 'update',
  $$update public.system_logs set message = 'x' where id = current_setting('fx.log')::bigint returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('system_logs', 'delete',
  $$delete from public.system_logs where id = current_setting('fx.log')::bigint returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

select * from finish();
rollback;