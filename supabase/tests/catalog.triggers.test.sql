-- Behaviour of the catalog: category tree, search vector weights, search RPCs, listing guards,
-- moderation RPC, constraints.
begin;
select plan(36);
select tests.create_marketplace_fixture();

-- category tree
select results_eq($$ select depth::int, path from public.categories where slug = 'fixture-plumbing' $$, $$ values (1, 'fixture-home/fixture-plumbing') $$, 'depth and path follow the parent');
select throws_ok($$ update public.categories set parent_id = 'f0000000-0000-4000-8000-000000000011' where slug = 'fixture-home' $$, '23514', null, 'a category cannot move under its own descendant');
update public.categories set slug = 'fixture-house' where slug = 'fixture-home';
select is((select path from public.categories where slug = 'fixture-plumbing'), 'fixture-house/fixture-plumbing', 'renaming a parent rewrites the children''s paths');

-- search vector and tags
select ok((select search_vector @@ to_tsquery('english', 'quuxfix:A') from public.listings where slug = 'fixture-fast-leak-repair'), 'title words weigh A');
select ok((select search_vector @@ to_tsquery('english', 'pipe:B') from public.listings where slug = 'fixture-fast-leak-repair'), 'description words weigh B');
select ok((select search_vector @@ to_tsquery('english', 'water:C') from public.listings where slug = 'fixture-fast-leak-repair'), 'keywords weigh C');
select ok((select search_vector @@ to_tsquery('english', 'emergency:C') from public.listings where slug = 'fixture-fast-leak-repair'), 'tag names weigh C');
insert into public.listing_tags (listing_id, tag_id) values ('f0000000-0000-4000-8000-000000000101', 'f0000000-0000-4000-8000-000000000021');
select ok((select search_vector @@ to_tsquery('english', 'weekend') from public.listings where slug = 'fixture-fast-leak-repair'), 'tagging a listing updates its search vector');
select is((select usage_count from public.tags where slug = 'fixture-weekend'), 1, 'tag usage_count follows listing_tags');
delete from public.listing_tags where tag_id = 'f0000000-0000-4000-8000-000000000021';
select is((select usage_count from public.tags where slug = 'fixture-weekend'), 0, 'untagging decrements usage_count');

-- search RPCs
insert into public.listings (provider_id, title, description, status, price_cents, location, service_radius_m, moderation_status)
values (tests.get_user_id('provider'), 'Garden pond cleaning', 'Also quuxfix for the pond', 'active', 8000,
        'SRID=4326;POINT(-140.0 -44.88)', 5000, 'approved');
select tests.clear_authentication();
select results_eq($$ select slug from public.search_listings('quuxfix') $$,
  $$ select s from (values (1, 'fixture-fast-leak-repair'), (2, (select slug from public.listings where title = 'Garden pond cleaning'))) v (o, s) order by o $$,
  'search_listings ranks a title match above a description match');
select is_empty($$ select 1 from public.search_listings('boiler') where slug like 'fixture-%' $$, 'search_listings never returns drafts');
select results_eq($$ select slug from public.search_listings_nearby(-45.0, -140.0, 5000) $$,
  $$ values ('fixture-fast-leak-repair'), ('fixture-garden-design') $$, 'nearby search keeps listings inside the radius');
select ok((select count(*) = 3 from public.search_listings_nearby(-45.0, -140.0, 20000)), 'a wider radius reaches the pond 13 km north');
select ok((select bool_and(distance_m <= 20000) from public.search_listings_nearby(-45.0, -140.0, 20000)), 'distances are within the radius');
select tests.reset_role();
select ok((select slug ~ '^garden-pond-cleaning-[0-9a-f]{8}$' from public.listings where title = 'Garden pond cleaning'), 'a slug is generated from the title');
select throws_ok($$ insert into public.listings (provider_id, title, slug, price_cents, location_type) values (tests.get_user_id('provider'), 'Dup', 'fixture-garden-design', 100, 'remote') $$, '23505', null, 'slugs are unique');
select ok((select published_at is not null from public.listings where slug = 'fixture-fast-leak-repair'), 'an active listing gets published_at');

-- constraints
select throws_ok($$ insert into public.listings (provider_id, title, price_cents, location_type) values (tests.get_user_id('provider'), 'No place', 100, 'on_site') $$, '23514', null, 'an on-site listing needs a location');
select throws_ok($$ insert into public.listings (provider_id, title, price_cents, location_type) values (tests.get_user_id('provider'), 'Free', 0, 'remote') $$, '23514', null, 'a priced listing needs a price above zero');
select lives_ok($$ insert into public.listings (provider_id, title, price_cents, location_type, pricing_type) values (tests.get_user_id('provider'), 'Quote me', 0, 'remote', 'custom') $$, 'custom pricing may be zero');
select throws_ok($$ update public.listings set moderation_status = 'flagged' where slug = 'fixture-garden-design' $$, '23514', null, 'flagging needs a reason');
select throws_ok($$ insert into public.listings (provider_id, title, price_cents, location_type, currency) values (tests.get_user_id('provider'), 'Dollars', 100, 'remote', 'usd') $$, '23514', null, 'currency is an ISO code');

-- guards
select tests.authenticate_as('provider');
select throws_ok($$ update public.listings set moderation_status = 'approved' where slug = 'fixture-boiler-draft' $$, '42501', null, 'a provider cannot approve their own listing');
select throws_ok($$ update public.listings set status = 'suspended' where slug = 'fixture-boiler-draft' $$, '42501', null, 'a provider cannot suspend');
select throws_ok($$ update public.listings set rating_average = 5 where slug = 'fixture-boiler-draft' $$, '42501', null, 'a provider cannot set ratings');
update public.listings set title = 'Fast leak repair, now cheaper' where slug = 'fixture-fast-leak-repair';
select is((select moderation_status from public.listings where slug = 'fixture-fast-leak-repair'), 'pending', 'editing an approved listing sends it back to moderation');
select throws_ok($$ insert into public.listings (provider_id, title, price_cents, location_type, moderation_status, rating_average)
  values (private.current_user_id(), 'Sneaky', 100, 'remote', 'approved', 5) $$, '42501', null, 'a client cannot send moderation or rating columns');
insert into public.listings (provider_id, title, price_cents, location_type) values (private.current_user_id(), 'Sneaky', 100, 'remote');
select results_eq($$ select moderation_status, rating_average from public.listings where title = 'Sneaky' $$, $$ values ('pending', 0.00) $$, 'a new listing starts pending with no rating');

-- moderation RPC
select throws_ok($$ select public.moderate_listing('f0000000-0000-4000-8000-000000000102', 'approve') $$, '42501', null, 'a provider cannot call moderate_listing');
select tests.authenticate_as('operations');
select throws_ok($$ select public.moderate_listing('f0000000-0000-4000-8000-000000000101', 'suspend') $$, '23514', null, 'suspending needs a reason');
select results_eq($$ select status::text, moderation_status, moderated_by from public.moderate_listing('f0000000-0000-4000-8000-000000000101', 'suspend', 'counterfeit') $$,
  $$ values ('suspended', 'rejected', tests.get_user_id('operations')) $$, 'operations suspends a listing');
select throws_ok($$ select public.moderate_listing('f0000000-0000-4000-8000-000000000103', 'approve') $$, '42501', null, 'operations cannot moderate another tenant''s listing');
select tests.reset_role();
select is((select count(*)::int from public.audit_logs where table_name = 'listings' and action = 'admin_action'
            and record_id = 'f0000000-0000-4000-8000-000000000101' and metadata ->> 'reason' = 'counterfeit'), 1, 'moderation writes an admin_action audit row');
select ok((select 'moderation_status' = any (changed_columns) from public.audit_logs where table_name = 'listings' and action = 'update' order by seq desc limit 1), 'and the row change is audited');
select tests.authenticate_as('operations');
select results_eq($$ select status::text from public.moderate_listing('f0000000-0000-4000-8000-000000000101', 'reinstate') $$, $$ values ('active') $$, 'reinstating reactivates');

select tests.reset_role();
select * from finish();
rollback;
