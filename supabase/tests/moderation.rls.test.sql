-- Moderation: content reports by persona
-- Persona access matrix (Basejump style): per table and command, what each persona gets —
-- rows, none (RLS hides or filters the row), ok, denied (42501) — as one tests.expect_access
-- call (supabase/tests/helpers/rls-matrix.sql). Personas: tests.create_tenant_personas.
begin;
select plan(32);

select tests.create_tenant_personas();

-- content_reports -----------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.content_reports (reporter_id, target_type, target_id, reason) values (tests.get_user_id('customer'), 'user', tests.get_user_id('provider'), 'spam')
  returning id into v;
  perform set_config('fx.report', v, true);
end
$$;
select tests.expect_access('content_reports', 'select',
  $$select 1 from public.content_reports where id = current_setting('fx.report')::uuid$$,
  'anon=denied customer=rows provider=none ops=rows finance=none product=none super=rows other_admin=none');
select tests.expect_access('content_reports', 'insert',
  $$insert into public.content_reports (reporter_id, target_type, target_id, reason) values ({user}, 'user', case when '{persona_slug}' = 'customer' then tests.get_user_id('ops') else tests.get_user_id('customer') end, 'harassment')$$,
  'anon=denied customer=ok provider=ok ops=ok finance=ok product=ok super=ok other_admin=23503');
select tests.expect_access('content_reports', 'update',
  $$update public.content_reports set status = 'resolved' where id = current_setting('fx.report')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('content_reports', 'delete',
  $$delete from public.content_reports where id = current_setting('fx.report')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

select * from finish();
rollback;