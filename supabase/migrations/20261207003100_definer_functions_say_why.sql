-- Why each SECURITY DEFINER function in public is one (issue 32; Supabase's advisor lint
-- authenticated_security_definer_function_executable). Each runs with its owner's rights
-- because it does what RLS or the column grants forbid the caller — writes staff-owned columns,
-- the audit trail, auth.* — or reads through private helpers; each checks the caller's
-- permission first (supabase/tests/definer_functions_refuse.test.sql proves a customer and a
-- provider are refused). None could be SECURITY INVOKER without granting the API roles what
-- only these functions may do. supabase/tests/advisor.test.sql requires every one to say why.
set local lock_timeout = '5s';

comment on function public.assign_moderation_item(uuid,uuid,integer) is
  'Definer: moderation items and their history are written only by the moderation functions (no API role may write them); it checks the caller''s moderation permission in the item''s tenant and the assignee''s.';
comment on function public.cancel_disputed_booking(uuid,text) is
  'Definer: it writes refund transactions, payouts, the booking''s status and the item, none of which the caller may write; it checks bookings.manage in the booking''s tenant.';
comment on function public.change_feature_flag(uuid,jsonb,text,integer) is
  'Definer: flags, their history and the audit trail are written only through the flag functions (column grants revoked); it checks feature_flags.manage in the flag''s tenant.';
comment on function public.claim_content_report(uuid,boolean) is
  'Definer: it writes a report''s status, which reporters may not; it checks reports.resolve in the report''s tenant.';
comment on function public.claim_moderation_item(uuid,integer,integer) is
  'Definer: moderation items and their history are written only by the moderation functions; it checks the caller''s moderation permission in the item''s tenant.';
comment on function public.complete_disputed_booking(uuid,text) is
  'Definer: it writes the booking''s status and the item, which the caller may not; it checks bookings.manage in the booking''s tenant.';
comment on function public.create_api_key(text,text[],timestamp with time zone,integer) is
  'Definer: api_keys is written by no API role (it keeps the key''s hash; the key is shown once); it checks integrations.manage in the caller''s tenant.';
comment on function public.decide_moderation_item(uuid,text,integer,text,text,boolean) is
  'Definer: it writes the item, its history, the target''s staff-owned moderation columns, the reports, the audit row and the notification, none of which the caller may write; it checks the caller''s moderation permission in the item''s tenant.';
comment on function public.decide_moderation_items(uuid[],text,text,text) is
  'Definer: it decides each item through decide_moderation_item; a caller who may moderate nothing is refused before any row.';
comment on function public.evaluate_feature_flags(jsonb) is
  'Definer: it evaluates through the private helpers that read a user''s context and the tenant''s flags, which the caller''s RLS may not show; it checks feature_flags.read or manage in the tenant.';
comment on function public.kill_feature_flag(uuid,text) is
  'Definer: flags and their history are written only through the flag functions; it checks feature_flags.manage in the flag''s tenant.';
comment on function public.kill_feature_flags(uuid[],text) is
  'Definer: flags and their history are written only through the flag functions; it checks feature_flags.manage in each flag''s tenant.';
comment on function public.lift_user_sanction(uuid,text) is
  'Definer: it clears the auth ban and writes users.status, the listings a ban hid and user_sanctions, none of which the caller may write; it checks users.sanction in the user''s tenant.';
comment on function public.mark_conversation_read(uuid) is
  'Definer: it adds the caller to read_by on messages others sent, which the caller may not update; only in conversations the caller takes part in.';
comment on function public.mark_feature_flag_stale(uuid,boolean) is
  'Definer: flags and their history are written only through the flag functions; it checks feature_flags.manage in the flag''s tenant.';
comment on function public.mark_feature_flags_stale(uuid[],boolean) is
  'Definer: flags and their history are written only through the flag functions; it checks feature_flags.manage in each flag''s tenant.';
comment on function public.moderate_listing(uuid,text,text) is
  'Definer: it writes a listing''s staff-owned moderation columns and the audit row; it checks listings.moderate in the listing''s tenant.';
comment on function public.moderate_review(uuid,boolean,text) is
  'Definer: it writes a review''s staff-owned hidden columns and the audit row; it checks reviews.moderate in the review''s tenant.';
comment on function public.moderate_reviews(uuid[],boolean,text) is
  'Definer: it moderates each review through moderate_review; a caller without reviews.moderate is refused before any row.';
comment on function public.moderation_item_context(uuid) is
  'Definer: it reads reporters'' track records and the owner''s record across tables the caller''s RLS may not show; it first checks the item is the caller''s to read (and shows messages only with communication.read).';
comment on function public.my_feature_flags() is
  'Definer: it evaluates the tenant''s flags, which customers cannot read, through private helpers; it answers for the caller only.';
comment on function public.my_permissions() is
  'Definer: it reads role mappings and permission overrides customers cannot read; it answers for the caller only.';
comment on function public.my_sign_in_requirements() is
  'Definer: it reads the tenant''s sign-in policy and the caller''s second factors; it answers for the caller only.';
comment on function public.preview_feature_flag_change(uuid,integer,jsonb,jsonb) is
  'Definer: it evaluates every active user of the tenant through private helpers; it checks feature_flags.read or manage in the flag''s tenant and writes nothing.';
comment on function public.preview_moderation_message(uuid,text,text) is
  'Definer: it renders through the private helper decide_moderation_item uses; it first checks the item is the caller''s to read.';
comment on function public.reconcile_payout(uuid) is
  'Definer: it writes a payout''s staff-owned reconciliation columns and the audit row; it checks finance.reconcile in the payout''s tenant.';
comment on function public.refund_disputed_booking(uuid,text,bigint) is
  'Definer: it writes refund transactions, the provider''s pending payout, the booking''s status and the item, none of which the caller may write; it checks bookings.manage in the booking''s tenant.';
comment on function public.release_moderation_item(uuid,integer) is
  'Definer: moderation items and their history are written only by the moderation functions; it checks the caller holds the claim or may moderate the item.';
comment on function public.resolve_content_report(uuid,text,text) is
  'Definer: it writes a report''s resolution, which reporters may not; it checks reports.resolve in the report''s tenant.';
comment on function public.revert_feature_flag(uuid,integer,text) is
  'Definer: flags and their history are written only through the flag functions; it checks feature_flags.manage in the flag''s tenant.';
comment on function public.revive_feature_flag(uuid) is
  'Definer: flags and their history are written only through the flag functions; it checks feature_flags.manage in the flag''s tenant.';
comment on function public.revoke_api_key(uuid) is
  'Definer: api_keys is written by no API role; it checks integrations.manage in the key''s tenant.';
comment on function public.rotate_webhook_endpoint_secret(uuid) is
  'Definer: an endpoint''s secret is read and written by no API role (it is shown once); it checks integrations.manage in the endpoint''s tenant.';
comment on function public.sanction_user(uuid,text,text,timestamp with time zone) is
  'Definer: it ends the user''s auth sessions and sets the auth ban (outside the API''s reach), and writes users.status, the listings a ban hides and user_sanctions; it checks users.sanction in the user''s tenant.';
comment on function public.set_booking_status(uuid,booking_status,text) is
  'Definer: it moves a booking through its status workflow and stamps the staff-owned timestamps the parties may not set; it checks the caller is a party to the booking or holds bookings.manage.';
comment on function public.undo_moderation_decisions(uuid[]) is
  'Definer: it rewrites the item, its reports and a listing''s staff-owned moderation columns, none of which the caller may write; only the decider, within seconds.';
comment on function public.verify_user(uuid,text) is
  'Definer: it writes the staff-owned verification_status and the item; it checks users.sanction in the user''s tenant.';
comment on function public.set_feature_flag_rollout(uuid,integer,text) is
  'Rolls a flag out to a percentage (0 switches it off), with the why kept in its history. Needs feature_flags.manage in the flag''s tenant. Definer: flags and their history are written only through the flag functions (column grants revoked).';
