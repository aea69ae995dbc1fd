-- A moderation item leaves the queue with its target: deleting a listing, review, booking,
-- user or message deletes its item and the item's history; other items stay.
begin;
select plan(7);

do $$
declare v_listing uuid; v_other uuid;
begin
  perform tests.create_supabase_user('provider', role => 'provider');
  perform tests.create_supabase_user('customer');
  insert into public.listings (provider_id, title, slug, status, pricing_type, location_type, price_cents)
  values (tests.get_user_id('provider'), 'Hedge trimming', 'hedge-trimming-target-deleted', 'active', 'fixed', 'remote', 4000)
  returning id into v_listing;
  insert into public.listings (provider_id, title, slug, status, pricing_type, location_type, price_cents)
  values (tests.get_user_id('provider'), 'Lawn mowing', 'lawn-mowing-target-deleted', 'active', 'fixed', 'remote', 3000)
  returning id into v_other;
  perform set_config('t.listing', v_listing::text, true);
  perform set_config('t.other', v_other::text, true);
end
$$;

select isnt_empty($$ select 1 from public.moderation_items where target_type = 'listing' and target_id = current_setting('t.listing')::uuid $$,
  'a new listing waits for approval as an item');
select isnt_empty($$ select 1 from public.moderation_item_events e join public.moderation_items i on i.id = e.item_id
  where i.target_id = current_setting('t.listing')::uuid $$, 'the item has its history');
select set_config('t.item', (select id::text from public.moderation_items where target_id = current_setting('t.listing')::uuid), true);

delete from public.listings where id = current_setting('t.listing')::uuid;
select is_empty($$ select 1 from public.moderation_items where target_type = 'listing' and target_id = current_setting('t.listing')::uuid $$,
  'deleting the listing deletes its item');
select is_empty($$ select 1 from public.moderation_item_events where item_id = current_setting('t.item')::uuid $$,
  'and the item''s history');
select isnt_empty($$ select 1 from public.moderation_items where target_type = 'listing' and target_id = current_setting('t.other')::uuid $$,
  'another listing''s item stays');

-- a user's item (verification) goes with the user
select set_config('t.customer', tests.get_user_id('customer')::text, true);
update public.users set verification_status = 'in_review' where id = current_setting('t.customer')::uuid;
select isnt_empty($$ select 1 from public.moderation_items where target_type = 'user' and target_id = current_setting('t.customer')::uuid $$,
  'a user asking to be verified is an item');
delete from public.users where id = current_setting('t.customer')::uuid;
select is_empty($$ select 1 from public.moderation_items where target_type = 'user' and target_id = current_setting('t.customer')::uuid $$,
  'deleting a user deletes their verification item');

select * from finish();
rollback;
