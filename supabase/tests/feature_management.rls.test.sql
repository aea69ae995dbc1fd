-- Feature management: flags and per-user overrides by persona
-- Persona access matrix (Basejump style): per table and command, what each persona gets —
-- rows, none (RLS hides or filters the row), ok, denied (42501) — as one tests.expect_access
-- call (supabase/tests/helpers/rls-matrix.sql). Personas: tests.create_tenant_personas.
begin;
select plan(64);

select tests.create_tenant_personas();

-- feature_flags -------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'new-checkout-' || left(gen_random_uuid()::text, 8), 'New checkout')
  returning id into v;
  perform set_config('fx.flag', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'new-checkout-' || left(gen_random_uuid()::text, 8), 'New checkout')
  returning id into v;
  perform set_config('fx.flag_del_product', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'new-checkout-' || left(gen_random_uuid()::text, 8), 'New checkout')
  returning id into v;
  perform set_config('fx.flag_del_super', v, true);
end
$$;
select tests.expect_access('feature_flags', 'select',
  $$select 1 from public.feature_flags where id = current_setting('fx.flag')::uuid$$,
  'anon=denied customer=none provider=none ops=none finance=none product=rows super=rows other_admin=none');
select tests.expect_access('feature_flags', 'insert',
  $$insert into public.feature_flags (tenant_id, key, name) values (current_setting('fx.tenant')::uuid, 'flag-{persona_slug}', 'x')$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=ok super=ok other_admin=denied');
select tests.expect_access('feature_flags', 'update',
  $$update public.feature_flags set description = 'x' where id = current_setting('fx.flag')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=none product=rows super=rows other_admin=none');
select tests.expect_access('feature_flags', 'delete',
  $$delete from public.feature_flags where id = current_setting('fx.flag')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=none product=rows super=rows other_admin=none',
  statements => $${
    "product":"delete from public.feature_flags where id = current_setting('fx.flag_del_product')::uuid returning 1",
    "super":"delete from public.feature_flags where id = current_setting('fx.flag_del_super')::uuid returning 1"
  }$$);

-- user_feature_flags --------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (tests.get_user_id('customer'), current_setting('fx.flag')::uuid, true, 'test', now() + interval '1 day')
  returning id into v;
  perform set_config('fx.uff', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (case when 'product' = 'super' then tests.get_user_id('provider') else tests.get_user_id('referred') end, current_setting('fx.flag')::uuid, false, 'test', now() + interval '1 day')
  returning id into v;
  perform set_config('fx.uff_del_product', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values (case when 'super' = 'super' then tests.get_user_id('provider') else tests.get_user_id('referred') end, current_setting('fx.flag')::uuid, false, 'test', now() + interval '1 day')
  returning id into v;
  perform set_config('fx.uff_del_super', v, true);
end
$$;
select tests.expect_access('user_feature_flags', 'select',
  $$select 1 from public.user_feature_flags where id = current_setting('fx.uff')::uuid$$,
  'anon=denied customer=rows provider=none ops=none finance=none product=rows super=rows other_admin=none');
select tests.expect_access('user_feature_flags', 'insert',
  $$insert into public.user_feature_flags (user_id, flag_id, is_enabled, reason, expires_at) values ({user}, current_setting('fx.flag')::uuid, true, 'test', now() + interval '1 day')$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=ok super=ok other_admin=22023');
select tests.expect_access('user_feature_flags', 'update',
  $$update public.user_feature_flags set is_enabled = false where id = current_setting('fx.uff')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=none product=rows super=rows other_admin=none');
select tests.expect_access('user_feature_flags', 'delete',
  $$delete from public.user_feature_flags where id = current_setting('fx.uff')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=none product=rows super=rows other_admin=none',
  statements => $${
    "product":"delete from public.user_feature_flags where id = current_setting('fx.uff_del_product')::uuid returning 1",
    "super":"delete from public.user_feature_flags where id = current_setting('fx.uff_del_super')::uuid returning 1"
  }$$);

select * from finish();
rollback;