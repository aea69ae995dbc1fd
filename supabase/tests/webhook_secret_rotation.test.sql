-- rotate_webhook_endpoint_secret by persona: a tenant admin (integrations.manage) and the super
-- admin get a new secret, stored and audited without the secret itself; operations (no
-- integrations.manage) and another tenant's admin are refused and the secret stays; an
-- unknown endpoint is PT404.
begin;
select plan(11);

select tests.create_tenant_personas();
select tests.reset_role();

insert into public.webhook_endpoints (id, created_by, url, events) values
  ('f0000000-0000-4000-8000-00000000a001', tests.get_user_id('other_admin'), 'https://hooks.other.test/a', '{booking.created}'),
  ('f0000000-0000-4000-8000-00000000a002', tests.get_user_id('super'), 'https://hooks.loconomy.test/b', '{*}');
create temp table secrets as select id, secret from public.webhook_endpoints
 where id in ('f0000000-0000-4000-8000-00000000a001', 'f0000000-0000-4000-8000-00000000a002');
grant select on secrets to authenticated;

-- other_admin: their tenant's endpoint -----------------------------------------------------
select tests.authenticate_as('other_admin');
create temp table rotated on commit drop as
select public.rotate_webhook_endpoint_secret('f0000000-0000-4000-8000-00000000a001') as secret;
select tests.reset_role();
select matches((select secret from rotated), '^whsec_[0-9a-f]{48}$', 'other_admin gets a new secret');
select is((select secret from public.webhook_endpoints where id = 'f0000000-0000-4000-8000-00000000a001'),
          (select secret from rotated), 'the returned secret is the stored one');
select isnt((select secret from rotated), (select secret from secrets where id = 'f0000000-0000-4000-8000-00000000a001'),
     'and differs from the old one');
select is((select count(*)::int from public.audit_logs
            where table_name = 'webhook_endpoints' and record_id = 'f0000000-0000-4000-8000-00000000a001'
              and action = 'admin_action' and metadata ->> 'rpc' = 'rotate_webhook_endpoint_secret'
              and actor_id = tests.get_user_id('other_admin') and tenant_id = tests.ensure_tenant('other-co')),
          1, 'the rotation is audited once, in the endpoint''s tenant');
select is((select count(*)::int from public.audit_logs
            where table_name = 'webhook_endpoints' and record_id = 'f0000000-0000-4000-8000-00000000a001'
              and (coalesce(old_data::text, '') || coalesce(new_data::text, '') || metadata::text) like '%whsec_%'),
          0, 'no audit row carries a secret');

select tests.authenticate_as('other_admin');
select throws_ok($$select public.rotate_webhook_endpoint_secret('f0000000-0000-4000-8000-00000000a002')$$,
  '42501', null, 'other_admin cannot rotate another tenant''s endpoint');
select throws_ok($$select public.rotate_webhook_endpoint_secret('00000000-0000-4000-8000-00000000dead')$$,
  'PT404', null, 'an unknown endpoint is PT404');

select tests.authenticate_as('ops');
select throws_ok($$select public.rotate_webhook_endpoint_secret('f0000000-0000-4000-8000-00000000a002')$$,
  '42501', null, 'operations (no integrations.manage) is refused');

select tests.authenticate_as('customer');
select throws_ok($$select public.rotate_webhook_endpoint_secret('f0000000-0000-4000-8000-00000000a002')$$,
  '42501', null, 'a customer is refused');

select tests.reset_role();
select is((select secret from public.webhook_endpoints where id = 'f0000000-0000-4000-8000-00000000a002'),
          (select secret from secrets where id = 'f0000000-0000-4000-8000-00000000a002'),
          'refused rotations left the secret as it was');

select tests.authenticate_as('super');
select lives_ok($$select public.rotate_webhook_endpoint_secret('f0000000-0000-4000-8000-00000000a001')$$,
  'the super admin rotates any tenant''s endpoint');

select * from finish();
rollback;
