-- Counts of the whole schema (issue 3: at least 42 tables, exactly 15 enums with the seed's
-- values, at least 80 indexes and 25 triggers). Separate from schema.test.sql because they
-- hold only once every domain's migration is in.
begin;
select plan(20);

select cmp_ok((select count(*)::int from pg_tables where schemaname = 'public'), '>=', 42, 'at least 42 tables in public');
select is((select count(*)::int from pg_type t join pg_namespace n on n.oid = t.typnamespace
            where n.nspname = 'public' and t.typtype = 'e'), 15, 'exactly 15 enums in public');
select cmp_ok((select count(*)::int from pg_indexes where schemaname = 'public'), '>=', 80, 'at least 80 indexes in public');
select cmp_ok((select count(*)::int from pg_trigger t join pg_class c on c.oid = t.tgrelid
                join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'public' and not t.tgisinternal), '>=', 25, 'at least 25 triggers on public tables');

-- the 12 enums of the seed summary, with exactly its values, and the 3 the design adds
select enum_has_labels('public', 'user_role', array['guest', 'customer', 'provider', 'admin', 'super_admin'], 'user_role values');
select enum_has_labels('public', 'user_status', array['active', 'inactive', 'suspended', 'pending_verification', 'banned'], 'user_status values');
select enum_has_labels('public', 'verification_status', array['pending', 'in_review', 'verified', 'rejected'], 'verification_status values');
select enum_has_labels('public', 'listing_status', array['draft', 'active', 'paused', 'inactive', 'suspended'], 'listing_status values');
select enum_has_labels('public', 'booking_status', array['pending', 'confirmed', 'in_progress', 'completed', 'cancelled', 'disputed', 'refunded'], 'booking_status values');
select enum_has_labels('public', 'pricing_type', array['hourly', 'fixed', 'custom'], 'pricing_type values');
select enum_has_labels('public', 'location_type', array['on_site', 'remote', 'both'], 'location_type values');
select enum_has_labels('public', 'subscription_status', array['trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired'], 'subscription_status values');
select enum_has_labels('public', 'payment_status', array['pending', 'processing', 'completed', 'failed', 'cancelled', 'refunded'], 'payment_status values');
select enum_has_labels('public', 'transaction_type', array['payment', 'payout', 'fee', 'refund', 'bonus', 'referral'], 'transaction_type values');
select enum_has_labels('public', 'audit_action', array['create', 'read', 'update', 'delete', 'login', 'logout', 'admin_action', 'payment', 'booking'], 'audit_action values');
select enum_has_labels('public', 'log_level', array['debug', 'info', 'warning', 'error', 'critical'], 'log_level values');
select enum_has_labels('public', 'notification_channel', array['in_app', 'email', 'sms', 'push'], 'notification_channel values');
select enum_has_labels('public', 'reward_type', array['credit', 'cash', 'discount'], 'reward_type values');
select enum_has_labels('public', 'report_status', array['open', 'in_review', 'resolved', 'dismissed'], 'report_status values');

select is_empty(
  $$ select t.typname::text from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = 'public' and t.typtype = 'e'
        and t.typname not in ('user_role', 'user_status', 'verification_status', 'listing_status', 'booking_status',
                              'pricing_type', 'location_type', 'subscription_status', 'payment_status',
                              'transaction_type', 'audit_action', 'log_level', 'notification_channel',
                              'reward_type', 'report_status') $$,
  'no enum beyond the 15 (other closed sets are text + check)');

select * from finish();
rollback;
