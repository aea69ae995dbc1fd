-- Write ownership (issue 21), generated from the catalogs where it can be:
--   1. the manifest of every (table, column) anon or authenticated may INSERT or UPDATE, each
--      classified; a grant the manifest does not classify, or a classified column the catalog no
--      longer grants, fails here — a migration that opens a new door fails npm test;
--   2. the columns owned by staff functions and triggers, unwritable by every API role;
--   3. for every table with a tenant_id that authenticated may write: a customer and a provider
--      cannot move a row they own into another tenant, and the derivation triggers put tenant_id
--      back even for a caller that may write it (service_role);
--   4. the exploits the issue names (items 1-3), per persona.
begin;
select * from no_plan();
select tests.create_marketplace_fixture();

-- rows the fixture does not give the customer and the provider, so that every table they own
-- rows in has one to try to move
insert into public.review_votes (review_id, user_id, is_helpful) values
  ('f0000000-0000-4000-8000-000000000401', tests.get_user_id('provider'), true);
insert into public.user_sessions (user_id, user_agent) values (tests.get_user_id('provider'), 'fixture');
insert into public.notifications (user_id, type, title)
select tests.get_user_id(p), 'booking.confirmed', 'Fixture' from unnest(array['customer', 'provider']) p;
insert into public.payment_methods (user_id, type) values (tests.get_user_id('customer'), 'paypal'), (tests.get_user_id('provider'), 'paypal');
insert into public.conversations (id, created_by, participant_ids, subject) values
  ('f0000000-0000-4000-8000-000000000801', tests.get_user_id('customer'),
   array[tests.get_user_id('customer'), tests.get_user_id('provider')], 'Fixture');
insert into public.messages (conversation_id, sender_id, body)
select 'f0000000-0000-4000-8000-000000000801', tests.get_user_id(p), 'hello' from unnest(array['customer', 'provider']) p;
insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes)
select tests.get_user_id(p), 'fixture', p || '/a.pdf', 'a.pdf', 'document', 'application/pdf', 10 from unnest(array['customer', 'provider']) p;

-- 1. The manifest ---------------------------------------------------------------------------
-- class: owner = the row's owner writes it (the policy names the owner; guard triggers limit
-- what changes); staff = only staff holding the named permission (policy + guard);
-- owner+staff = both. Columns derived by a trigger whatever the client sends say so.
create temporary table manifest (table_name text, op text, columns text[], class text, guard text);
insert into manifest values
  ('availability_overrides', 'INSERT', '{provider_id,override_date,start_time,end_time,is_available,reason,timezone}', 'owner', 'policy provider_id = caller, role provider; tenant from provider'),
  ('availability_overrides', 'UPDATE', '{override_date,start_time,end_time,is_available,reason,timezone}', 'owner', 'policy provider_id = caller'),
  ('bookings', 'INSERT', '{listing_id,customer_id,scheduled_start,scheduled_end,timezone,location_type,service_location,service_address,customer_notes,currency,subtotal_cents,platform_fee_cents,processing_fee_cents,tax_cents,total_cents,cancellation_policy}', 'owner', 'policy customer_id = caller; guard_bookings: bookable listing, starts pending; provider and tenant from the listing'),
  ('bookings', 'UPDATE', '{status,scheduled_start,scheduled_end,timezone,location_type,service_location,service_address,customer_notes,provider_notes,cancellation_reason,dispute_reason}', 'owner+staff', 'guard_bookings: customer cancels/disputes and owns the request, provider confirms/starts/completes and owns provider_notes; status workflow; bookings.manage'),
  ('bookings', 'UPDATE', '{currency,subtotal_cents,platform_fee_cents,processing_fee_cents,tax_cents,total_cents,cancellation_policy}', 'staff', 'guard_bookings: bookings.manage'),
  ('categories', 'INSERT', '{parent_id,name,slug,description,icon,sort_order,is_active}', 'staff', 'super admin + catalog.manage'),
  ('categories', 'UPDATE', '{parent_id,name,slug,description,icon,sort_order,is_active}', 'staff', 'super admin + catalog.manage'),
  ('cities', 'INSERT', '{region_id,name,slug,admin_area,country_code,location,population,timezone,is_active}', 'staff', 'super admin + geo.manage'),
  ('cities', 'UPDATE', '{region_id,name,slug,admin_area,country_code,location,population,timezone,is_active}', 'staff', 'super admin + geo.manage'),
  ('content_reports', 'INSERT', '{reporter_id,target_type,target_id,reason,details}', 'owner', 'policy reporter_id = caller; tenant from reporter'),
  ('conversations', 'INSERT', '{created_by,participant_ids,booking_id,subject}', 'owner', 'policy created_by = caller; tenant from creator'),
  ('conversations', 'UPDATE', '{subject,archived_at}', 'owner', 'policy caller among participants'),
  ('events', 'INSERT', '{user_id,session_id,name,properties,page_url,referrer,occurred_at}', 'owner', 'policy user_id = caller; tenant from user'),
  ('moderation_reason_templates', 'INSERT', '{tenant_id,code,label,target_types,policy_url,message_template,active}', 'staff', 'reports.resolve in tenant_id (staff_tenant_ids)'),
  ('moderation_reason_templates', 'UPDATE', '{label,target_types,policy_url,message_template,active}', 'staff', 'reports.resolve in the template''s tenant'),
  ('moderation_sla_targets', 'INSERT', '{tenant_id,queue,report_reason,due_within}', 'staff', 'tenants.manage in tenant_id (staff_tenant_ids)'),
  ('moderation_sla_targets', 'UPDATE', '{due_within}', 'staff', 'tenants.manage in the target''s tenant'),
  ('feature_flags', 'INSERT', '{tenant_id,key,name,description,variants,targeting_rules,flag_type}', 'staff', 'feature_flags.manage in tenant_id (staff_tenant_ids)'),
  ('feature_flag_segments', 'INSERT', '{tenant_id,key,name,description,constraints}', 'staff', 'feature_flags.manage in tenant_id (staff_tenant_ids); rules validated by check_segment'),
  ('feature_flag_segments', 'UPDATE', '{name,description,constraints}', 'staff', 'feature_flags.manage in the segment''s tenant'),
  ('feature_flags', 'UPDATE', '{name,description}', 'staff', 'feature_flags.manage in the flag''s tenant; behaviour (variants, targeting, type) only through change_feature_flag, with a note'),
  ('file_uploads', 'INSERT', '{uploaded_by,storage_provider,bucket,storage_path,file_name,file_type,mime_type,size_bytes,checksum_sha256,width,height,duration_seconds,entity_type,entity_id,is_public,metadata}', 'owner', 'policy uploaded_by = caller; tenant from uploader'),
  ('file_uploads', 'UPDATE', '{file_name,entity_type,entity_id,is_public,metadata,deleted_at}', 'owner', 'policy uploaded_by = caller'),
  ('listing_tags', 'INSERT', '{listing_id,tag_id}', 'owner', 'policy: the caller''s listing; tenant from the listing'),
  ('listings', 'INSERT', '{tenant_id,provider_id,category_id,city_id,title,slug,description,status,pricing_type,location_type,price_cents,currency,duration_minutes,location,address,service_radius_m,keywords,media,seo_title,seo_description}', 'owner', 'policy provider_id = caller, role provider; tenant_id overwritten by set_tenant; guard_listings: draft/active/paused, moderation pending'),
  ('listings', 'UPDATE', '{category_id,city_id,title,slug,description,status,pricing_type,location_type,price_cents,currency,duration_minutes,location,address,service_radius_m,keywords,media,seo_title,seo_description,deleted_at}', 'owner+staff', 'policy provider_id = caller or listings.moderate; guard_listings: no suspend/reinstate, no reactivating rejected or flagged, content edits back to pending'),
  ('listings', 'UPDATE', '{is_featured}', 'staff', 'guard_listings: listings.moderate'),
  ('messages', 'INSERT', '{conversation_id,sender_id,body,attachments}', 'owner', 'policy sender_id = caller and participant; tenant from conversation'),
  ('messages', 'UPDATE', '{body,attachments,deleted_at}', 'owner', 'policy sender_id = caller'),
  ('notifications', 'UPDATE', '{read_at}', 'owner', 'policy user_id = caller'),
  ('payment_methods', 'UPDATE', '{is_default}', 'owner', 'policy user_id = caller'),
  ('payout_transactions', 'INSERT', '{payout_id,transaction_id}', 'staff', 'finance.reconcile; tenant and amount set by payout_transactions_prepare'),
  ('permissions', 'INSERT', '{key,description}', 'staff', 'super admin + permissions.manage'),
  ('permissions', 'UPDATE', '{description}', 'staff', 'super admin + permissions.manage'),
  ('provider_availability', 'INSERT', '{provider_id,day_of_week,start_time,end_time,timezone,is_active}', 'owner', 'policy provider_id = caller, role provider; tenant from provider'),
  ('provider_availability', 'UPDATE', '{day_of_week,start_time,end_time,timezone,is_active}', 'owner', 'policy provider_id = caller'),
  ('referral_codes', 'INSERT', '{program_id,user_id,code}', 'owner', 'policy user_id = caller; referral_codes_defaults: program of the user''s tenant'),
  ('referral_codes', 'UPDATE', '{max_uses,expires_at,is_active}', 'staff', 'referrals.manage'),
  ('referral_programs', 'INSERT', '{tenant_id,name,description,reward_type,referrer_reward_cents,referee_reward_cents,currency,max_uses_per_code,starts_at,ends_at,is_active}', 'staff', 'referrals.manage in tenant_id (staff_tenant_ids)'),
  ('referral_programs', 'UPDATE', '{name,description,reward_type,referrer_reward_cents,referee_reward_cents,currency,max_uses_per_code,starts_at,ends_at,is_active}', 'staff', 'referrals.manage'),
  ('referral_rewards', 'UPDATE', '{status,transaction_id}', 'staff', 'referrals.manage; issued_at/paid_at stamped by trigger'),
  ('referrals', 'INSERT', '{referral_code_id,referred_user_id}', 'owner', 'policy referred_user_id = caller; referrals_prepare: code usable, same tenant'),
  ('referrals', 'UPDATE', '{status,qualifying_booking_id}', 'staff', 'referrals.manage; referrals_prepare: completed is final'),
  ('regions', 'INSERT', '{code,name,country_code,currency,timezone,gdpr_applies,ccpa_applies,compliance_settings,boundary,is_active}', 'staff', 'super admin + geo.manage'),
  ('regions', 'UPDATE', '{code,name,country_code,currency,timezone,gdpr_applies,ccpa_applies,compliance_settings,boundary,is_active}', 'staff', 'super admin + geo.manage'),
  ('review_votes', 'INSERT', '{review_id,user_id,is_helpful}', 'owner', 'policy user_id = caller; not own review; tenant from voter'),
  ('review_votes', 'UPDATE', '{is_helpful}', 'owner', 'policy user_id = caller'),
  ('reviews', 'INSERT', '{booking_id,reviewer_id,rating,quality_rating,communication_rating,timeliness_rating,title,comment}', 'owner', 'reviews_prepare_insert: the booking''s customer, completed booking; links and tenant from the booking'),
  ('reviews', 'UPDATE', '{rating,quality_rating,communication_rating,timeliness_rating,title,comment,deleted_at}', 'owner', 'guard_reviews: only the reviewer'),
  ('reviews', 'UPDATE', '{provider_response}', 'owner', 'guard_reviews: only the reviewed provider; provider_responded_at by trigger'),
  ('reviews', 'UPDATE', '{is_verified}', 'staff', 'guard_reviews: reviews.moderate'),
  ('role_permissions', 'INSERT', '{role,permission_id}', 'staff', 'super admin + permissions.manage'),
  ('role_permissions', 'UPDATE', '{role,permission_id}', 'staff', 'super admin + permissions.manage'),
  ('tags', 'INSERT', '{name,slug}', 'staff', 'super admin + catalog.manage'),
  ('tags', 'UPDATE', '{name,slug}', 'staff', 'super admin + catalog.manage'),
  ('tenants', 'INSERT', '{slug,name,status,default_currency,default_timezone,settings}', 'staff', 'super admin'),
  ('tenants', 'UPDATE', '{slug,name,status,default_currency,default_timezone,settings,deleted_at}', 'staff', 'tenants.manage in that tenant'),
  ('tenants', 'INSERT', '{staff_two_factor_required}', 'staff', 'super admin (20261204000200_staff_two_factor)'),
  ('tenants', 'UPDATE', '{staff_two_factor_required}', 'staff', 'tenants.manage in that tenant (20261204000200_staff_two_factor)'),
  ('user_feature_flags', 'INSERT', '{user_id,flag_id,is_enabled,variant,reason,expires_at}', 'staff', 'feature_flags.manage; tenant from user'),
  ('user_feature_flags', 'UPDATE', '{is_enabled,variant,reason,expires_at}', 'staff', 'feature_flags.manage'),
  ('user_permissions', 'INSERT', '{user_id,permission_id,kind,reason,expires_at}', 'staff', 'permissions.manage, not for oneself; tenant from user; granted_by by trigger'),
  ('user_permissions', 'UPDATE', '{kind,reason,expires_at}', 'staff', 'permissions.manage, not one''s own; granted_by by trigger'),
  ('user_profiles', 'INSERT', '{user_id,display_name,headline,bio,avatar_url,date_of_birth,languages,skills,website_url,social_links,address,location,timezone,hourly_rate_cents,currency,years_experience,preferences,city_id}', 'owner', 'policy user_id = caller; tenant from user'),
  ('user_profiles', 'UPDATE', '{display_name,headline,bio,avatar_url,date_of_birth,languages,skills,website_url,social_links,address,location,timezone,hourly_rate_cents,currency,years_experience,preferences,city_id}', 'owner+staff', 'policy user_id = caller or users.manage'),
  ('user_profiles', 'INSERT', '{verification_status,verified_at}', 'staff', 'guard_user_profiles: users.manage'),
  ('user_profiles', 'UPDATE', '{verification_status,verified_at}', 'staff', 'guard_user_profiles: users.manage'),
  ('user_sessions', 'INSERT', '{user_id,auth_session_id,ip_address,user_agent,device_type,country_code,started_at,last_active_at,ended_at}', 'owner', 'policy user_id = caller; tenant from user'),
  ('user_sessions', 'UPDATE', '{user_agent,device_type,country_code,last_active_at,ended_at}', 'owner+staff', 'policy user_id = caller or users.manage'),
  ('users', 'INSERT', '{tenant_id,clerk_id,email,phone,full_name,avatar_url,metadata}', 'staff', 'users.manage in tenant_id (staff_tenant_ids)'),
  ('users', 'INSERT', '{role,staff_role,status,verification_status,email_verified_at}', 'staff', 'guard_users: permissions.manage for staff roles, super admin for super admins'),
  ('users', 'UPDATE', '{email,phone,full_name,avatar_url,metadata}', 'owner+staff', 'policy own row or users.manage'),
  ('users', 'UPDATE', '{role,staff_role}', 'staff', 'guard_users: permissions.manage, never one''s own'),
  ('users', 'UPDATE', '{clerk_id,status,verification_status,email_verified_at,deleted_at}', 'staff', 'guard_users: users.manage'),
  ('webhook_endpoints', 'INSERT', '{created_by,url,description,events,is_active}', 'staff', 'integrations.manage, created_by = caller; tenant from creator'),
  ('webhook_endpoints', 'UPDATE', '{url,description,events,is_active}', 'staff', 'integrations.manage');

create temporary table manifest_columns as
  select m.table_name, m.op, c as column_name, m.class, m.guard from manifest m, unnest(m.columns) c;
create temporary table granted as
  select cl.relname::text as table_name, p.op, a.attname::text as column_name, r.role
    from pg_class cl
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = cl.oid and a.attnum > 0 and not a.attisdropped
    cross join (values ('anon'), ('authenticated')) r (role)
    cross join (values ('INSERT'), ('UPDATE')) p (op)
   where n.nspname = 'public' and cl.relkind in ('r', 'p', 'v', 'm', 'f')
     and has_column_privilege(r.role, cl.oid, a.attnum, p.op);

select is_empty($$ select table_name, op, column_name from manifest_columns group by 1, 2, 3 having count(*) > 1 $$,
  'the manifest classifies each column once');
select is_empty($$ select class from manifest where class not in ('owner', 'staff', 'owner+staff') $$,
  'every manifest row is owner, staff or owner+staff');
select is_empty($$ select table_name, op, column_name from granted where role = 'anon' $$,
  'anon may insert or update no column of any table');
select is_empty($$ select table_name, op, column_name from granted where role = 'authenticated'
                   except select table_name, op, column_name from manifest_columns order by 1, 2, 3 $$,
  'every column authenticated may insert or update is classified in the manifest (a new grant needs a row here)');
select is_empty($$ select table_name, op, column_name from manifest_columns
                   except select table_name, op, column_name from granted where role = 'authenticated' order by 1, 2, 3 $$,
  'every column the manifest classifies is still granted (remove rows for revoked columns)');

-- 2. Columns owned by staff functions and triggers -------------------------------------------
-- (table, column, owner): each is written only by the function, trigger or service named
create temporary table database_owned (table_name text, column_name text, owner text);
insert into database_owned values
  ('listings', 'moderation_status', 'moderate_listing / guard_listings'), ('listings', 'moderation_reason', 'moderate_listing'),
  ('listings', 'moderated_by', 'moderate_listing / listings_prepare'), ('listings', 'moderated_at', 'moderate_listing / listings_prepare'),
  ('listings', 'published_at', 'listings_prepare'), ('listings', 'search_vector', 'listings_prepare / listing_tags_changed'),
  ('listings', 'rating_average', 'reviews_refresh_ratings'), ('listings', 'rating_count', 'reviews_refresh_ratings'),
  ('listings', 'booking_count', 'bookings_count_listing'),
  ('reviews', 'hidden_at', 'moderate_review'), ('reviews', 'hidden_by', 'moderate_review / reviews_bookkeeping'),
  ('reviews', 'hidden_reason', 'moderate_review'), ('reviews', 'helpful_count', 'review_votes_count'),
  ('reviews', 'not_helpful_count', 'review_votes_count'), ('reviews', 'provider_responded_at', 'reviews_bookkeeping'),
  ('bookings', 'confirmation_code', 'bookings_prepare_insert'), ('bookings', 'confirmed_at', 'bookings_status_workflow'),
  ('bookings', 'started_at', 'bookings_status_workflow'), ('bookings', 'completed_at', 'bookings_status_workflow'),
  ('bookings', 'cancelled_at', 'bookings_status_workflow'), ('bookings', 'cancelled_by', 'bookings_status_workflow'),
  ('bookings', 'disputed_at', 'bookings_status_workflow'), ('bookings', 'refunded_at', 'bookings_status_workflow / set_booking_status'),
  ('user_profiles', 'rating_average', 'reviews_refresh_ratings'), ('user_profiles', 'rating_count', 'reviews_refresh_ratings'),
  ('user_permissions', 'granted_by', 'set_granted_by'),
  ('users', 'auth_user_id', 'the auth service (service_role)'), ('users', 'last_sign_in_at', 'the auth service (service_role)'),
  ('categories', 'depth', 'categories_tree'), ('categories', 'path', 'categories_tree'),
  ('tags', 'usage_count', 'listing_tags_changed'),
  ('referral_codes', 'uses_count', 'referrals_complete'), ('referral_programs', 'created_by', 'column default current_user_id()'),
  ('referrals', 'referrer_id', 'referrals_prepare'), ('referrals', 'completed_at', 'referrals_prepare'),
  ('referral_rewards', 'amount_cents', 'referrals_complete'), ('referral_rewards', 'issued_at', 'referral_rewards_stamp_status'),
  ('referral_rewards', 'paid_at', 'referral_rewards_stamp_status'),
  ('payout_transactions', 'amount_cents', 'payout_transactions_prepare'),
  ('payouts', 'reconciliation_status', 'reconcile_payout'), ('payouts', 'reconciled_at', 'reconcile_payout'),
  ('payouts', 'reconciled_by', 'reconcile_payout'), ('payouts', 'expected_amount_cents', 'payouts_recompute_expected'),
  ('payouts', 'transaction_count', 'payouts_recompute_expected'), ('payouts', 'mismatch_cents', 'reconcile_payout'),
  ('invoices', 'subtotal_cents', 'invoices_recompute_totals'), ('invoices', 'total_cents', 'invoices_recompute_totals'),
  ('invoices', 'number', 'invoices_assign_number'), ('invoices', 'paid_at', 'invoices_stamp_status'),
  ('transactions', 'net_amount_cents', 'generated'), ('transactions', 'processed_at', 'transactions_check_status'),
  ('transactions', 'region_id', 'transactions_attribute'), ('transactions', 'city_id', 'transactions_attribute'),
  ('transactions', 'category_id', 'transactions_attribute'), ('transactions', 'provider_id', 'transactions_attribute'),
  ('content_reports', 'status', 'resolve_content_report'), ('content_reports', 'resolved_by', 'resolve_content_report'),
  ('content_reports', 'resolved_at', 'resolve_content_report'), ('content_reports', 'resolution', 'resolve_content_report'),
  ('api_keys', 'key_hash', 'create_api_key'), ('api_keys', 'revoked_at', 'revoke_api_key'), ('api_keys', 'revoked_by', 'revoke_api_key'),
  ('api_keys', 'last_used_at', 'the API key check'),
  ('webhook_endpoints', 'secret', 'rotate_webhook_endpoint_secret'), ('webhook_endpoints', 'consecutive_failures', 'webhook delivery'),
  ('webhook_endpoints', 'disabled_at', 'webhook delivery'), ('webhook_endpoints', 'last_delivery_at', 'webhook delivery'),
  ('feature_flags', 'is_enabled', 'feature flag RPCs'), ('feature_flags', 'rollout_percentage', 'feature flag RPCs'),
  ('feature_flags', 'kill_switch', 'feature flag RPCs'), ('feature_flags', 'killed_at', 'feature flag RPCs'),
  ('feature_flags', 'killed_by', 'feature flag RPCs'), ('feature_flags', 'created_by', 'feature flag triggers'),
  ('feature_flags', 'updated_by', 'feature flag triggers'), ('feature_flag_segments', 'updated_by', 'check_segment trigger'),
  ('feature_flag_segments', 'created_by', 'column default'),
  ('feature_flags', 'rollout_changed_at', 'feature flag triggers'), ('feature_flags', 'stale_marked_at', 'mark_feature_flags_stale'),
  ('feature_flags', 'stale_marked_by', 'mark_feature_flags_stale'), ('user_feature_flags', 'created_by', 'feature flag triggers'),
  ('conversations', 'last_message_at', 'messages trigger'), ('conversations', 'last_message_preview', 'messages trigger'),
  ('messages', 'read_by', 'mark-read RPC'), ('messages', 'edited_at', 'messages trigger'),
  ('file_uploads', 'usage_count', 'database'), ('file_uploads', 'deleted_by', 'file_uploads trigger'),
  ('audit_logs', 'hash', 'audit_logs_chain'), ('audit_logs', 'prev_hash', 'audit_logs_chain'), ('audit_logs', 'seq', 'audit_logs_chain');

select is_empty($$ select d.table_name, d.column_name from database_owned d
                   where not exists (select 1 from information_schema.columns c
                                      where c.table_schema = 'public' and c.table_name = d.table_name and c.column_name = d.column_name) $$,
  'every database-owned column in the list exists');
select ok(not exists (select 1 from granted g where g.table_name = d.table_name and g.column_name = d.column_name),
          format('%s.%s (written by %s) is not writable by anon or authenticated', d.table_name, d.column_name, d.owner))
  from database_owned d order by d.table_name, d.column_name;

-- tenant_id: no API role may update it on any table; where authenticated may insert it, the
-- tenant is either chosen by staff (checked by the policy) or overwritten by a BEFORE trigger
select ok(not has_column_privilege(r.role, format('public.%I', c.table_name), 'tenant_id', 'UPDATE'),
          format('%s.tenant_id is not updatable by %s', c.table_name, r.role))
  from information_schema.columns c cross join (values ('anon'), ('authenticated')) r (role)
 where c.table_schema = 'public' and c.column_name = 'tenant_id'
   and c.table_name in (select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE')
 order by c.table_name, r.role;
select is_empty($$ select table_name from granted where role = 'authenticated' and op = 'INSERT' and column_name = 'tenant_id'
                   except select table_name from manifest where op = 'INSERT' and 'tenant_id' = any (columns)
                                                          and (class = 'staff' or guard ~ 'tenant_id overwritten') $$,
  'tenant_id is insertable only where staff choose it or a trigger overwrites it');

-- 3. Tenant moves, generated from the catalog --------------------------------------------------
-- For each persona and each table with a tenant_id that authenticated may update: the persona's
-- rows (any column referencing public.users names the persona) are PATCHed to the other tenant
-- as the persona; none may land there. Then the same update as service_role, which may write
-- tenant_id: on tables whose tenant is derived, the trigger puts the owner's tenant back.
create function pg_temp.tenant_move_results(persona text) returns setof text
language plpgsql
as $$
declare
  t record;
  v_me uuid := tests.get_user_id(persona);
  v_home uuid := tests.ensure_tenant('loconomy');
  v_other uuid := tests.ensure_tenant('other');
  v_owned int;
  v_moved int;
  v_refused boolean;
begin
  for t in
    select cl.relname as table_name,
           case when cl.oid = 'public.users'::regclass then 'id = $1' else (select string_agg(format('%I = $1', a.attname), ' or ')
              from pg_constraint fk
              join pg_attribute a on a.attrelid = fk.conrelid and a.attnum = fk.conkey[1]
             where fk.conrelid = cl.oid and fk.contype = 'f' and fk.confrelid = 'public.users'::regclass
               and array_length(fk.conkey, 1) = 1) end as owned_by,
           exists (select 1 from pg_trigger tg join pg_proc p on p.oid = tg.tgfoid
                    where tg.tgrelid = cl.oid and not tg.tgisinternal
                      and p.proname in ('set_tenant_from_user', 'set_tenant_from_parent', 'set_tenant_from_listing')) as derived
      from pg_class cl
      join pg_namespace n on n.oid = cl.relnamespace
     where n.nspname = 'public' and cl.relkind = 'r'
       and exists (select 1 from pg_attribute a where a.attrelid = cl.oid and a.attname = 'tenant_id' and not a.attisdropped)
       and has_any_column_privilege('authenticated', cl.oid, 'UPDATE')
     order by cl.relname
  loop
    if t.owned_by is null then
      return next fail(format('%s: no column references public.users, so ownership cannot be tested', t.table_name));
      continue;
    end if;
    execute format('select count(*)::int from public.%I where (%s) and tenant_id = $2', t.table_name, t.owned_by)
      into v_owned using v_me, v_home;
    if v_owned = 0 then
      -- staff-owned tables (flags, programs, webhooks): the persona owns nothing there; its
      -- tenant's rows are what it would try to move
      execute format('select count(*)::int from public.%I where tenant_id = $1', t.table_name) into v_owned using v_home;
      t.owned_by := 'tenant_id = $2';
    end if;
    if v_owned = 0 then
      return next fail(format('%s: %s owns no row to move (the fixture must give it one)', t.table_name, persona));
      continue;
    end if;
    v_refused := false;
    begin
      perform tests.authenticate_as(persona);
      execute format('update public.%I set tenant_id = $3 where (%s) and tenant_id = $2', t.table_name, t.owned_by)
        using v_me, v_home, v_other;
      perform tests.reset_role();
    exception when insufficient_privilege then
      v_refused := true;
    end;
    execute format('select count(*)::int from public.%I where (%s) and tenant_id = $3', t.table_name,
                   replace(t.owned_by, 'tenant_id = $2', 'true'))
      into v_moved using v_me, v_home, v_other;
    if t.owned_by = 'tenant_id = $2' then
      execute format('select count(*)::int from public.%I where tenant_id = $1', t.table_name) into v_moved using v_home;
      v_moved := v_owned - v_moved;
    end if;
    return next ok(v_refused and v_moved = 0,
      format('%s: %s cannot move %s %s row(s) to another tenant', t.table_name, persona,
             case when t.owned_by = 'tenant_id = $2' then 'its tenant''s' else 'its own' end, v_owned));
    if t.derived and t.owned_by <> 'tenant_id = $2' then
      perform tests.authenticate_as_service_role();
      execute format('update public.%I set tenant_id = $3 where (%s) and tenant_id = $2', t.table_name, t.owned_by)
        using v_me, v_home, v_other;
      perform tests.reset_role();
      execute format('select count(*)::int from public.%I where (%s) and tenant_id = $3', t.table_name, t.owned_by)
        into v_moved using v_me, v_home, v_other;
      return next is(v_moved, 0, format('%s: tenant_id of %s''s rows is derived again on update, even for service_role', t.table_name, persona));
    end if;
  end loop;
end
$$;
select * from pg_temp.tenant_move_results('customer');
select * from pg_temp.tenant_move_results('provider');

-- 4. The exploits the issue names --------------------------------------------------------------
-- item 1: PATCH tenant_id of one's own rows
select tests.authenticate_as('customer');
select throws_ok($$ update public.user_profiles set tenant_id = tests.ensure_tenant('other') where user_id = private.current_user_id() $$,
  '42501', null, 'customer: user_profiles.tenant_id is not writable');
select throws_ok($$ update public.user_sessions set tenant_id = tests.ensure_tenant('other') where user_id = private.current_user_id() $$,
  '42501', null, 'customer: user_sessions.tenant_id is not writable');
select throws_ok($$ update public.review_votes set tenant_id = tests.ensure_tenant('other') where user_id = private.current_user_id() $$,
  '42501', null, 'customer: review_votes.tenant_id is not writable');
select tests.authenticate_as('provider');
select throws_ok($$ update public.provider_availability set tenant_id = tests.ensure_tenant('other') where provider_id = private.current_user_id() $$,
  '42501', null, 'provider: provider_availability.tenant_id is not writable');
select throws_ok($$ update public.availability_overrides set tenant_id = tests.ensure_tenant('other') where provider_id = private.current_user_id() $$,
  '42501', null, 'provider: availability_overrides.tenant_id is not writable');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.user_profiles where user_id in (tests.get_user_id('customer'), tests.get_user_id('provider')) $$,
  'the other tenant''s admin still sees neither profile');

-- item 2: a provider cannot undo a moderator's rejection
select tests.authenticate_as('operations');
select is((public.moderate_listing('f0000000-0000-4000-8000-000000000101', 'reject', 'misleading photos')).status,
  'inactive'::public.listing_status, 'operations rejects the provider''s active listing');
select tests.authenticate_as('provider');
select throws_ok($$ update public.listings set status = 'active' where id = 'f0000000-0000-4000-8000-000000000101' $$,
  '42501', 'listing is rejected by moderation: only a moderator can make it active again (edit it and wait for approval)',
  'provider: a rejected listing cannot be switched back on');
select throws_ok($$ update public.listings set moderation_status = 'approved' where id = 'f0000000-0000-4000-8000-000000000101' $$,
  '42501', null, 'provider: nor approved');
update public.listings set title = 'Quuxfix leak repair, honest photos' where id = 'f0000000-0000-4000-8000-000000000101';
update public.listings set status = 'active' where id = 'f0000000-0000-4000-8000-000000000101';
select results_eq($$ select status::text, moderation_status, moderated_by from public.listings where id = 'f0000000-0000-4000-8000-000000000101' $$,
  $$ values ('active', 'pending', null::uuid) $$,
  'an edit sends it back to pending (no moderator recorded), and the provider may switch it on while it waits');
select tests.clear_authentication();
select is_empty($$ select 1 from public.listings where id = 'f0000000-0000-4000-8000-000000000101' $$,
  'anon does not see the resubmitted listing until a moderator approves it');
select is_empty($$ select 1 from public.search_listings('quuxfix') where id = 'f0000000-0000-4000-8000-000000000101' $$,
  'nor does search');
select tests.authenticate_as('customer');
select is_empty($$ select 1 from public.listings where id = 'f0000000-0000-4000-8000-000000000101' $$,
  'nor does a signed-in customer');
select tests.authenticate_as('provider');
insert into public.listings (provider_id, title, price_cents, location_type, status) values (private.current_user_id(), 'Brand new and active', 500, 'remote', 'active');
select tests.clear_authentication();
select is_empty($$ select 1 from public.listings where title = 'Brand new and active' $$,
  'a listing inserted as active is invisible to anon while pending moderation');
select tests.authenticate_as('operations');
select is((public.moderate_listing('f0000000-0000-4000-8000-000000000101', 'approve')).moderation_status, 'approved', 'operations approves it');
select tests.clear_authentication();
select isnt_empty($$ select 1 from public.listings where id = 'f0000000-0000-4000-8000-000000000101' $$,
  'then anon sees it');
select tests.reset_role();
update public.listings set status = 'paused', moderation_status = 'flagged', moderation_reason = 'check licence' where id = 'f0000000-0000-4000-8000-000000000102';
select tests.authenticate_as('provider');
select throws_ok($$ update public.listings set status = 'active' where id = 'f0000000-0000-4000-8000-000000000102' $$,
  '42501', null, 'provider: a flagged listing cannot be switched on either');

-- item 3: forged staff and state columns
select throws_ok($$ update public.listings set moderated_by = tests.get_user_id('operations'), moderated_at = now() where id = 'f0000000-0000-4000-8000-000000000102' $$,
  '42501', null, 'provider: moderated_by / moderated_at are not writable');
select tests.authenticate_as('customer');
select throws_ok($$ update public.reviews set hidden_by = tests.get_user_id('operations') where id = 'f0000000-0000-4000-8000-000000000401' $$,
  '42501', null, 'reviewer: reviews.hidden_by is not writable');
select throws_ok($$ update public.bookings set refunded_at = now() where id = 'f0000000-0000-4000-8000-000000000305' $$,
  '42501', null, 'customer: bookings.refunded_at is not writable');
select throws_ok($$ insert into public.bookings (listing_id, customer_id, scheduled_start, scheduled_end, service_location, subtotal_cents, total_cents, refunded_at, confirmation_code)
  values ('f0000000-0000-4000-8000-000000000101', private.current_user_id(), now() + interval '200 days', now() + interval '200 days 1 hour',
          'SRID=4326;POINT(-140 -45)', 12000, 12000, now(), 'LC-AAAAAAAA') $$,
  '42501', null, 'customer: nor on insert');
select tests.authenticate_as('operations');
select throws_ok($$ update public.user_permissions set granted_by = tests.get_user_id('super_admin') where id = 'f0000000-0000-4000-8000-000000000603' $$,
  '42501', null, 'staff: user_permissions.granted_by is not writable');
select tests.reset_role();
select results_eq($$ select moderated_by, hidden_by, refunded_at from public.listings l, public.reviews r, public.bookings b
                      where l.id = 'f0000000-0000-4000-8000-000000000102' and r.id = 'f0000000-0000-4000-8000-000000000401'
                        and b.id = 'f0000000-0000-4000-8000-000000000305' $$,
  $$ values (null::uuid, null::uuid, null::timestamptz) $$, 'nothing forged persisted');

-- the staff functions still write what they own
select tests.authenticate_as('operations');
select ok((public.moderate_review('f0000000-0000-4000-8000-000000000401', true, 'abusive')).hidden_by = tests.get_user_id('operations'),
  'moderate_review records the moderator in hidden_by');
select is((public.set_booking_status('f0000000-0000-4000-8000-000000000305', 'refunded', 'goodwill')).refunded_at is not null, true,
  'set_booking_status stamps refunded_at');

select * from finish();
rollback;
