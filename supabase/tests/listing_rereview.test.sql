-- Re-review after a material edit: which edits of an approved listing send it back to the
-- queue, what the moderator sees changed, the tenant's switch, and who may read the versions.
begin;
select plan(21);
select tests.create_marketplace_fixture();
select set_config('t.listing', 'f0000000-0000-4000-8000-000000000101', true), set_config('t.mine', tests.ensure_tenant('loconomy')::text, true) \g /dev/null
create function pg_temp.status() returns text language sql as $$
  select moderation_status from public.listings where id = current_setting('t.listing')::uuid $$;
-- a moderator approves it again (as operations), then the provider is back at the keyboard
create function pg_temp.approve() returns void language plpgsql as $$
begin
  perform tests.authenticate_as('operations');
  perform public.moderate_listing(current_setting('t.listing')::uuid, 'approve', null);
  perform tests.authenticate_as('provider');
end $$;

select results_eq($$ select title, price_cents, category_id from public.listing_approved_versions where listing_id = current_setting('t.listing')::uuid $$,
  $$ values ('Quuxfix leak repair'::text, 12000::bigint, 'f0000000-0000-4000-8000-000000000011'::uuid) $$,
  'an approved listing has its approved version');

-- the provider's edits
select tests.authenticate_as('provider');
update public.listings set keywords = '{pipes,water,leaks}', seo_title = 'Leak repair', duration_minutes = 90, service_radius_m = 25000
 where id = current_setting('t.listing')::uuid;
select is(pg_temp.status(), 'approved', 'keywords, SEO title, duration and radius are not material: it stays approved');

update public.listings set price_cents = 15000 where id = current_setting('t.listing')::uuid;
select is(pg_temp.status(), 'pending', 'a new price sends it back to the queue');
select tests.authenticate_as('operations');
select ok(exists (select 1 from public.moderation_items i where i.target_type = 'listing' and i.target_id = current_setting('t.listing')::uuid
                   and i.queue = 'listing_approval' and i.status = 'pending'),
  'where a listing-approval item waits for the moderator');
select results_eq($$ select field, approved, current from public.listing_changes_since_approval(current_setting('t.listing')::uuid) $$,
  $$ values ('price'::text, '{"price_cents": 12000, "pricing_type": "fixed", "currency": "USD"}'::jsonb,
             '{"price_cents": 15000, "pricing_type": "fixed", "currency": "USD"}'::jsonb) $$,
  'the moderator sees the price change, and only it');
select pg_temp.approve();
select is_empty($$ select * from public.listing_changes_since_approval(current_setting('t.listing')::uuid) $$,
  'approving records the new version: nothing differs any more');
select tests.authenticate_as('provider');

update public.listings set category_id = 'f0000000-0000-4000-8000-000000000010' where id = current_setting('t.listing')::uuid;
select is(pg_temp.status(), 'pending', 'a new category sends it back');
select tests.authenticate_as('operations');
select results_eq($$ select field, approved ->> 'name', current ->> 'name' from public.listing_changes_since_approval(current_setting('t.listing')::uuid) $$,
  $$ values ('category'::text, 'Fixture Plumbing'::text, 'Fixture Home'::text) $$, 'named as the moderator knows them');
select pg_temp.approve();

update public.listings set pricing_type = 'hourly' where id = current_setting('t.listing')::uuid;
select is(pg_temp.status(), 'pending', 'so does a new pricing type');
select pg_temp.approve();
update public.listings set media = '[{"url": "https://example.com/new.jpg"}]' where id = current_setting('t.listing')::uuid;
select is(pg_temp.status(), 'pending', 'and new photos');
select pg_temp.approve();
update public.listings set title = 'Quuxfix leak repair, 24/7', description = 'Any leak, any hour' where id = current_setting('t.listing')::uuid;
select is(pg_temp.status(), 'pending', 'and a new title or description');
select tests.authenticate_as('operations');
select results_eq($$ select field from public.listing_changes_since_approval(current_setting('t.listing')::uuid) $$,
  $$ values ('title'::text), ('description') $$, 'several changes come in the order a listing reads');

-- who sees the versions
select tests.authenticate_as('other_admin');
select is_empty($$ select * from public.listing_changes_since_approval(current_setting('t.listing')::uuid) $$,
  'another tenant''s admin sees no changes of this tenant''s listing');
select tests.authenticate_as('customer');
select is_empty($$ select * from public.listing_approved_versions $$, 'a customer reads no approved versions');
select tests.authenticate_as('provider');
select isnt_empty($$ select * from public.listing_changes_since_approval(current_setting('t.listing')::uuid) $$,
  'the provider sees what of theirs waits for review');
select throws_ok($$ insert into public.listing_approved_versions (listing_id, tenant_id, title, description, media, price_cents, pricing_type, currency)
                   values ('f0000000-0000-4000-8000-000000000102', current_setting('t.mine')::uuid, 'x', 'x', '[]', 1, 'fixed', 'USD') $$,
  '42501', null, 'nor can a provider write an approved version for an unapproved listing');
select throws_ok($$ update public.listing_approved_versions set price_cents = 1 $$, '42501', null, 'or rewrite one');

-- the tenant's switch
select pg_temp.approve();
select tests.reset_role();
update public.tenants set settings = jsonb_set(settings, '{moderation}', '{"rereview_material_edits": false}') where id = current_setting('t.mine')::uuid;
select tests.authenticate_as('provider');
update public.listings set price_cents = 99900 where id = current_setting('t.listing')::uuid;
select is(pg_temp.status(), 'approved', 'with re-review off, a material edit stays approved');
select tests.authenticate_as('operations');
select results_eq($$ select field from public.listing_changes_since_approval(current_setting('t.listing')::uuid) $$,
  $$ values ('price'::text) $$, 'though the moderator can still see it differs from what was approved');
select tests.reset_role();
update public.listings set moderation_status = 'rejected', moderation_reason = 'misleading price' where id = current_setting('t.listing')::uuid;
select tests.authenticate_as('provider');
update public.listings set price_cents = 12000 where id = current_setting('t.listing')::uuid;
select is(pg_temp.status(), 'pending', 'a rejected listing edited goes back to the queue whatever the switch says');
select tests.reset_role();
select throws_ok($$ update public.tenants set settings = jsonb_set(settings, '{moderation}', '{"rereview_material_edits": "no"}')
                    where id = current_setting('t.mine')::uuid $$,
  '23514', null, 'the switch is a boolean or absent');

select * from finish();
rollback;
