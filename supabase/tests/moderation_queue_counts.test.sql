-- The workspace's per-queue counts follow RLS: each persona counts the items it may read.
begin;
select plan(6);
select tests.create_marketplace_fixture();

select tests.authenticate_as('operations');
select lives_ok($$ select public.claim_moderation_item((select id from public.moderation_items where target_id = 'f0000000-0000-4000-8000-000000000102')) $$,
  'operations claims the fixture''s pending listing');
select ok((select claimed_by_me >= 1 and open_items >= claimed_by_me and unclaimed = open_items - claimed_by_me - (
             select count(*) from public.moderation_items i where i.queue = 'listing_approval' and i.status in ('pending', 'escalated')
                and i.claimed_by is not null and i.claimed_by <> private.current_user_id() and i.claim_expires_at > now())
             from public.moderation_queue_counts() where queue = 'listing_approval'),
  'operations counts its claim, and the open items split into unclaimed, its own and colleagues''');
select is((select sum(open_items)::int from public.moderation_queue_counts()),
  (select count(*)::int from public.moderation_items where status in ('pending', 'escalated')),
  'the counts add up to the open items operations may read');
select is((select sum(open_items)::int from public.moderation_queue_counts(tests.ensure_tenant('other'))), null,
  'narrowed to another tenant, operations counts nothing');
select tests.authenticate_as('finance');
select is_empty($$ select * from public.moderation_queue_counts() where queue = 'listing_approval' $$,
  'finance counts no listing items');
select tests.clear_authentication();
select throws_ok($$ select * from public.moderation_queue_counts() $$, '42501', null, 'anonymous callers may not call it');

select * from finish();
rollback;
