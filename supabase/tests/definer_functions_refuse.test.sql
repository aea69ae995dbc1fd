-- Every SECURITY DEFINER function in public that a signed-in caller may execute runs with its
-- owner's rights, so it must refuse whoever may not do what it does: anon cannot call it at all,
-- and a customer and a provider — each given real, well-formed arguments about rows of their own
-- tenant that are not theirs — get 42501 (a refused call changes nothing: its statement is
-- rolled back). The catalogue check makes a new definer function fail here until it has a row
-- below or is listed as meant for every signed-in user (with what keeps that safe).
begin;
select plan(5);
select tests.create_marketplace_fixture();

-- real rows of the personas' tenant, none of them the customer's or the provider's
create temp table arg (name text primary key, value text);
grant select on arg to authenticated, anon;
insert into arg
select 'item', (select id::text from public.moderation_items where target_type = 'listing'
                  and target_id = 'f0000000-0000-4000-8000-000000000102')
union all select 'booking', 'f0000000-0000-4000-8000-000000000303'
union all select 'listing', 'f0000000-0000-4000-8000-000000000103'
union all select 'review', 'f0000000-0000-4000-8000-000000000403'
union all select 'user', tests.get_user_id('customer2')::text
union all select 'flag', (select id::text from public.feature_flags where tenant_id = tests.ensure_tenant('loconomy') order by id limit 1)
union all select 'payout', (select id::text from public.payouts where tenant_id = tests.ensure_tenant('loconomy') order by id limit 1)
union all select 'api_key', (select id::text from public.api_keys where tenant_id = tests.ensure_tenant('loconomy') order by id limit 1)
union all select 'webhook', (select id::text from public.webhook_endpoints where tenant_id = tests.ensure_tenant('loconomy') order by id limit 1)
union all select 'report', (select id::text from public.content_reports where tenant_id = tests.ensure_tenant('loconomy')
                              and reporter_id not in (tests.get_user_id('customer'), tests.get_user_id('provider')) order by id limit 1);

-- one well-formed call per staff function
create temp table staff_call (fn text primary key, call text not null);
grant select on staff_call to authenticated, anon;
insert into staff_call values
  ('assign_moderation_item', $$select public.assign_moderation_item(%item, %user, 1)$$),
  ('cancel_disputed_booking', $$select public.cancel_disputed_booking(%booking, 'No show')$$),
  ('change_feature_flag', $$select public.change_feature_flag(%flag, '{"rollout_percentage": 5}', 'Try', 1)$$),
  ('claim_content_report', $$select public.claim_content_report(%report, true)$$),
  ('claim_moderation_item', $$select public.claim_moderation_item(%item)$$),
  ('complete_disputed_booking', $$select public.complete_disputed_booking(%booking, 'Done as booked')$$),
  ('create_api_key', $$select public.create_api_key('Mine', array['listings:read'], null, 60)$$),
  ('decide_moderation_item', $$select public.decide_moderation_item(%item, 'approve', 1)$$),
  ('decide_moderation_items', $$select * from public.decide_moderation_items(array[%item], 'approve')$$),
  ('export_audit_log', $$select count(*) from public.export_audit_log(now() - interval '1 day', now())$$),
  ('evaluate_feature_flags', $$select public.evaluate_feature_flags(jsonb_build_object('user_id', %user))$$),
  ('kill_feature_flag', $$select public.kill_feature_flag(%flag, 'Broken')$$),
  ('kill_feature_flags', $$select * from public.kill_feature_flags(array[%flag], 'Broken')$$),
  ('lift_user_sanction', $$select public.lift_user_sanction(%user, 'Appeal')$$),
  ('mark_feature_flag_stale', $$select public.mark_feature_flag_stale(%flag, true)$$),
  ('mark_feature_flags_stale', $$select * from public.mark_feature_flags_stale(array[%flag], true)$$),
  ('moderate_listing', $$select public.moderate_listing(%listing, 'approve')$$),
  ('moderate_review', $$select public.moderate_review(%review, true, 'Spam')$$),
  ('moderate_reviews', $$select * from public.moderate_reviews(array[%review], true, 'Spam')$$),
  ('moderation_item_context', $$select public.moderation_item_context(%item)$$),
  ('preview_feature_flag_change', $$select public.preview_feature_flag_change(%flag, 50, null, null)$$),
  ('preview_moderation_message', $$select public.preview_moderation_message(%item, 'no_violation')$$),
  ('reconcile_payout', $$select public.reconcile_payout(%payout)$$),
  ('refund_disputed_booking', $$select * from public.refund_disputed_booking(%booking, 'Refund', 100)$$),
  ('release_moderation_item', $$select public.release_moderation_item(%item)$$),
  ('resolve_content_report', $$select public.resolve_content_report(%report, 'no_violation')$$),
  ('revert_feature_flag', $$select public.revert_feature_flag(%flag, 1, 'Back')$$),
  ('revive_feature_flag', $$select public.revive_feature_flag(%flag)$$),
  ('revoke_api_key', $$select public.revoke_api_key(%api_key)$$),
  ('rotate_webhook_endpoint_secret', $$select public.rotate_webhook_endpoint_secret(%webhook)$$),
  ('sanction_user', $$select public.sanction_user(%user, 'ban', 'Abuse')$$),
  ('set_booking_status', $$select public.set_booking_status(%booking, 'cancelled', 'Not mine')$$),
  ('set_feature_flag_rollout', $$select public.set_feature_flag_rollout(%flag, 5, 'Try')$$),
  ('staff_audit_seq_range', $$select * from public.staff_audit_seq_range(now() - interval '1 day', now())$$),
  ('staff_verify_audit_chain', $$select * from public.staff_verify_audit_chain(1, 10)$$),
  ('undo_moderation_decisions', $$select * from public.undo_moderation_decisions(array[%item])$$),
  ('verify_user', $$select public.verify_user(%user)$$);
-- the placeholders, filled with the rows above
do $$
declare
  a record;
begin
  for a in select * from arg loop
    update staff_call set call = replace(call, '%' || a.name, quote_nullable(a.value) || '::uuid');
  end loop;
end $$;

-- meant for every signed-in user, each safe for its own reason
create temp table for_everyone (fn text primary key, why text);
insert into for_everyone values
  ('my_permissions', 'answers the caller''s own permissions'),
  ('my_sign_in_requirements', 'answers what the caller''s own sign-in requires'),
  ('my_feature_flags', 'evaluates the flags for the caller only'),
  ('mark_conversation_read', 'marks read only conversations the caller takes part in');

select is_empty($$
  select p.proname::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname = 'public' and p.prosecdef and has_function_privilege('authenticated', p.oid, 'execute')
     and p.proname not in (select fn from staff_call union all select fn from for_everyone) $$,
  'every definer function a signed-in caller may run has a refusal check here or is meant for everyone');
select is_empty($$ select fn from staff_call where call ~ '%' or call ~ 'NULL::uuid' $$, 'every call has its arguments (a row for each)');

-- anon may not execute any of them
select is_empty($$
  select p.proname::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname = 'public' and p.prosecdef and has_function_privilege('anon', p.oid, 'execute') $$,
  'anon may execute no definer function in public');

-- a customer and a provider are refused each of them
create function pg_temp.refusals(p_persona text) returns setof text language plpgsql as $$
declare
  c record;
begin
  perform tests.authenticate_as(p_persona);
  for c in select * from staff_call order by fn loop
    begin
      execute c.call;
      return next format('%s: accepted', c.fn);
    exception
      when insufficient_privilege then null;
      when others then return next format('%s: %s %s', c.fn, sqlstate, sqlerrm);
    end;
  end loop;
  perform tests.reset_role();
end $$;
select is_empty($$ select * from pg_temp.refusals('customer') $$, 'a customer is refused (42501) by every staff function (lists the others)');
select is_empty($$ select * from pg_temp.refusals('provider') $$, 'a provider is refused (42501) by every staff function (lists the others)');

select * from finish();
rollback;
