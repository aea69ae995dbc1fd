-- Integrations behaviour: create_api_key returns the plaintext once and stores only the
-- prefix and its SHA-256; verify_api_key, revoke_api_key; webhook URL/secret rules, retry
-- backoff and endpoint health.
begin;
select plan(30);

do $$
begin
  perform tests.create_supabase_user('admin', role => 'admin');
  perform tests.create_supabase_user('ops', role => 'admin', staff_role => 'operations');
  perform tests.create_supabase_user('other_admin', role => 'admin', tenant_slug => 'other-co');
  perform set_config('t.tenant', tests.ensure_tenant('loconomy')::text, true);
end
$$;

-- create_api_key ----------------------------------------------------------------------------
select tests.authenticate_as('ops');
select throws_ok($$ select * from public.create_api_key('Zapier', array['listings:read']) $$, '42501', null,
  'creating API keys needs integrations.manage');
select tests.clear_authentication();
select throws_ok($$ select * from public.create_api_key('Zapier', array['listings:read']) $$, '42501', null,
  'anonymous cannot create API keys');

select tests.authenticate_as('admin');
select throws_ok($$ select * from public.create_api_key('', array['listings:read']) $$, '22023', null, 'a key needs a name');
select throws_ok($$ select * from public.create_api_key('Bad', array['everything']) $$, '22023', null, 'scopes come from the known list');
select throws_ok($$ select * from public.create_api_key('Old', array['listings:read'], now() - interval '1 day') $$, '22023', null,
  'a key expires in the future');
select throws_ok($$ select * from public.create_api_key('Slow', array['listings:read'], null, 0) $$, '22023', null,
  'the rate limit is positive');

do $$
declare r record;
begin
  select * into r from public.create_api_key('Zapier', array['listings:read', 'bookings:read'], now() + interval '90 days', 120);
  perform set_config('t.key_id', r.id::text, true);
  perform set_config('t.key', r.api_key, true);
  perform set_config('t.prefix', r.key_prefix, true);
end
$$;
select matches(current_setting('t.key'), '^lk_[0-9a-f]{12}_[0-9a-f]{64}$', 'the plaintext key is returned once');
select ok(starts_with(current_setting('t.key'), current_setting('t.prefix') || '_'), 'the key starts with its prefix');
select throws_ok($$ select key_hash from public.api_keys $$, '42501', null, 'API roles cannot read key_hash');
select is((select array[name, rate_limit_per_minute::text, array_to_string(scopes, ',')] from public.api_keys where id = current_setting('t.key_id')::uuid),
  array['Zapier', '120', 'bookings:read,listings:read'], 'the key''s name, limit and scopes are visible to its managers');
select tests.reset_role();
select is((select key_hash from public.api_keys where id = current_setting('t.key_id')::uuid),
  encode(sha256(convert_to(current_setting('t.key'), 'UTF8')), 'hex'), 'only sha256(plaintext) is stored');
select is((select count(*)::int from public.api_keys k
            where k.id = current_setting('t.key_id')::uuid
              and (to_jsonb(k)::text like '%' || current_setting('t.key') || '%')), 0, 'the plaintext is stored nowhere in the row');
select is((select count(*)::int from public.audit_logs a
            where a.table_name = 'api_keys' and a.record_id = current_setting('t.key_id')
              and (coalesce(a.new_data, '{}') ? 'key_hash' or a.new_data::text like '%' || current_setting('t.key') || '%')), 0,
  'the audit trail holds neither the key nor its hash');
select is((select user_id from public.api_keys where id = current_setting('t.key_id')::uuid), tests.get_user_id('admin'),
  'the key belongs to its creator, in the creator''s tenant');

-- verify_api_key (service_role only) -----------------------------------------------------------
select ok(not has_function_privilege('authenticated', 'public.verify_api_key(text)', 'execute'), 'only the backend verifies keys');
select tests.authenticate_as_service_role();
select is((select api_key_id from public.verify_api_key(current_setting('t.key'))), current_setting('t.key_id')::uuid,
  'the right plaintext finds its key');
select is_empty($$ select * from public.verify_api_key(current_setting('t.key') || 'x') $$, 'a wrong key finds nothing');
select tests.reset_role();
select isnt((select last_used_at from public.api_keys where id = current_setting('t.key_id')::uuid), null, 'verifying records last use');

-- revoke_api_key -------------------------------------------------------------------------------
select tests.authenticate_as('other_admin');
select throws_ok($$ select public.revoke_api_key(current_setting('t.key_id')::uuid) $$, '42501', null,
  'another tenant''s admin cannot revoke this tenant''s key');
select tests.authenticate_as('admin');
select lives_ok($$ select public.revoke_api_key(current_setting('t.key_id')::uuid) $$, 'the tenant admin revokes the key');
select throws_ok($$ select public.revoke_api_key(current_setting('t.key_id')::uuid) $$, 'P0001', null, 'a key is revoked once');
select tests.authenticate_as_service_role();
select is_empty($$ select * from public.verify_api_key(current_setting('t.key')) $$, 'a revoked key no longer verifies');
select throws_ok($$ update public.api_keys set revoked_at = null where id = current_setting('t.key_id')::uuid $$, 'P0001', null,
  'a revoked key cannot be reinstated');
select tests.reset_role();
select is((select revoked_by from public.api_keys where id = current_setting('t.key_id')::uuid), tests.get_user_id('admin'),
  'the revoker is recorded');

-- webhooks ---------------------------------------------------------------------------------
select throws_ok($$ insert into public.webhook_endpoints (created_by, url, events)
  values (tests.get_user_id('admin'), 'http://hooks.example.com/x', '{booking.created}') $$, '23514', null, 'webhook URLs are https');
select throws_ok($$ insert into public.webhook_endpoints (created_by, url, events)
  values (tests.get_user_id('admin'), 'https://hooks.example.com/x', '{booking.exploded}') $$, '23514', null, 'events come from the known list');
do $$
declare v uuid;
begin
  insert into public.webhook_endpoints (created_by, url, events)
  values (tests.get_user_id('admin'), 'https://hooks.example.com/loconomy', '{booking.created,booking.completed}') returning id into v;
  perform set_config('t.hook', v::text, true);
  insert into public.webhook_deliveries (endpoint_id, event, payload, max_attempts)
  values (v, 'booking.created', '{"id": 1}', 3) returning id into v;
  perform set_config('t.delivery', v::text, true);
end
$$;
select matches((select secret from public.webhook_endpoints where id = current_setting('t.hook')::uuid), '^whsec_[0-9a-f]{48}$',
  'an endpoint gets a random signing secret');

update public.webhook_deliveries set attempt_count = 2, response_status = 500 where id = current_setting('t.delivery')::uuid;
select ok((select next_retry_at between now() + interval '119 seconds' and now() + interval '121 seconds'
             from public.webhook_deliveries where id = current_setting('t.delivery')::uuid), 'the second failed attempt retries in 2 minutes');
update public.webhook_deliveries set attempt_count = 3, response_status = 503 where id = current_setting('t.delivery')::uuid;
select ok((select failed_at is not null and next_retry_at is null from public.webhook_deliveries where id = current_setting('t.delivery')::uuid),
  'the last allowed attempt marks the delivery failed');
select is((select consecutive_failures from public.webhook_endpoints where id = current_setting('t.hook')::uuid), 1,
  'a failed delivery counts against the endpoint');

select * from finish();
rollback;
