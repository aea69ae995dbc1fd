-- Integrations: API keys, webhook endpoints and deliveries by persona
-- Persona access matrix (Basejump style): per table and command, what each persona gets —
-- rows, none (RLS hides or filters the row), ok, denied (42501) — as one tests.expect_access
-- call (supabase/tests/helpers/rls-matrix.sql). Personas: tests.create_tenant_personas.
begin;
select plan(96);

select tests.create_tenant_personas();

-- api_keys ------------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.api_keys (user_id, name, key_prefix, key_hash) values (tests.get_user_id('super'), 'CI', 'lk_0123456789ab', repeat('a', 64))
  returning id into v;
  perform set_config('fx.key', v, true);
end
$$;
select tests.expect_access('api_keys', 'select',
  $$select 1 from public.api_keys where id = current_setting('fx.key')::uuid$$,
  'anon=denied customer=none provider=none ops=none finance=none product=none super=rows other_admin=none');
select tests.expect_access('api_keys', 'insert',
  $$insert into public.api_keys (user_id, name, key_prefix, key_hash) values ({user}, 'x', 'lk_ffffffffffff', repeat('b', 64))$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('api_keys', 'update',
  $$update public.api_keys set name = 'y' where id = current_setting('fx.key')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('api_keys', 'delete',
  $$delete from public.api_keys where id = current_setting('fx.key')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

-- webhook_endpoints ---------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('super'), 'https://hooks.example.com/loconomy', '{booking.created}')
  returning id into v;
  perform set_config('fx.hook', v, true);
end
$$;

do $$
declare v text;
begin
  insert into public.webhook_endpoints (created_by, url, events) values (tests.get_user_id('super'), 'https://hooks.example.com/old-super', '{booking.created}')
  returning id into v;
  perform set_config('fx.hook_del_super', v, true);
end
$$;
select tests.expect_access('webhook_endpoints', 'select',
  $$select 1 from public.webhook_endpoints where id = current_setting('fx.hook')::uuid$$,
  'anon=denied customer=none provider=none ops=none finance=none product=none super=rows other_admin=none');
select tests.expect_access('webhook_endpoints', 'insert',
  $$insert into public.webhook_endpoints (created_by, url, events) values ({user}, 'https://hooks.example.com/{persona_slug}', '{booking.completed}')$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=ok other_admin=ok');
select tests.expect_access('webhook_endpoints', 'update',
  $$update public.webhook_endpoints set description = 'x' where id = current_setting('fx.hook')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=none product=none super=rows other_admin=none');
select tests.expect_access('webhook_endpoints', 'delete',
  $$delete from public.webhook_endpoints where id = current_setting('fx.hook')::uuid returning 1$$,
  'anon=denied customer=none provider=none ops=none finance=none product=none super=rows other_admin=none',
  statements => $${
    "super":"delete from public.webhook_endpoints where id = current_setting('fx.hook_del_super')::uuid returning 1"
  }$$);

-- webhook_deliveries --------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.webhook_deliveries (endpoint_id, event, payload) values (current_setting('fx.hook')::uuid, 'booking.created', '{"id": 1}')
  returning id into v;
  perform set_config('fx.delivery', v, true);
end
$$;
select tests.expect_access('webhook_deliveries', 'select',
  $$select 1 from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid$$,
  'anon=denied customer=none provider=none ops=none finance=none product=none super=rows other_admin=none');
select tests.expect_access('webhook_deliveries', 'insert',
  $$insert into public.webhook_deliveries (endpoint_id, event, payload) values (current_setting('fx.hook')::uuid, 'booking.created', '{}')$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('webhook_deliveries', 'update',
  $$update public.webhook_deliveries set attempt_count = 1 where id = current_setting('fx.delivery')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');
select tests.expect_access('webhook_deliveries', 'delete',
  $$delete from public.webhook_deliveries where id = current_setting('fx.delivery')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

select * from finish();
rollback;