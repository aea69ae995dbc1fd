-- Persona access matrix for the catalog tables (Basejump style): per table and command, what
-- each persona gets — rows=N of the fixture visible, rows, none (RLS hides or filters the row),
-- ok, denied (42501) — as one tests.expect_access call (supabase/tests/helpers/rls-matrix.sql).
-- Personas and fixture rows: supabase/tests/helpers/personas.sql (tests.create_marketplace_fixture).
begin;
select plan(128);
select tests.create_marketplace_fixture();

-- categories ----------------------------------------------------------------------
select tests.expect_access('categories', 'select',
  $$select 1 from public.categories where id in ('f0000000-0000-4000-8000-000000000010', 'f0000000-0000-4000-8000-000000000011', 'f0000000-0000-4000-8000-000000000012')$$,
  'anon=rows=2 customer=rows=2 provider=rows=2 operations=rows=2 finance=rows=2 product=rows=2 super_admin=rows=3 other_admin=rows=3');
select tests.expect_access('categories', 'insert',
  $$insert into public.categories (name, slug) values ('New', 'new-{persona_slug}')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=ok other_admin=denied');
select tests.expect_access('categories', 'update',
  $$update public.categories set sort_order = 5 where id = 'f0000000-0000-4000-8000-000000000012' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('categories', 'delete',
  $$delete from public.categories where id = 'f0000000-0000-4000-8000-000000000012' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none other_admin=none super_admin=rows');

-- tags ----------------------------------------------------------------------------
select tests.expect_access('tags', 'select',
  $$select 1 from public.tags where id in ('f0000000-0000-4000-8000-000000000020', 'f0000000-0000-4000-8000-000000000021')$$,
  'anon=rows=2 customer=rows=2 provider=rows=2 operations=rows=2 finance=rows=2 product=rows=2 super_admin=rows=2 other_admin=rows=2');
select tests.expect_access('tags', 'insert',
  $$insert into public.tags (name, slug) values ('Tag {persona_slug}', 'tag-{persona_slug}')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=ok other_admin=denied');
select tests.expect_access('tags', 'update',
  $$update public.tags set name = name where id = 'f0000000-0000-4000-8000-000000000021' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('tags', 'delete',
  $$delete from public.tags where slug = 'tag-super-admin' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none other_admin=none super_admin=rows');

-- listings ------------------------------------------------------------------------
select tests.expect_access('listings', 'select',
  $$select 1 from public.listings where id in ('f0000000-0000-4000-8000-000000000101', 'f0000000-0000-4000-8000-000000000102', 'f0000000-0000-4000-8000-000000000103')$$,
  'anon=rows=2 customer=rows=2 provider=rows=3 operations=rows=3 finance=rows=2 product=rows=3 super_admin=rows=3 other_admin=rows=2');
select tests.expect_access('listings', 'insert',
  $$insert into public.listings (provider_id, title, price_cents, status, location, service_radius_m) values (private.current_user_id(), 'New listing', 5000, 'draft', 'SRID=4326;POINT(-122.4 37.7)', 1000)$$,
  'anon=denied customer=denied provider=ok operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('listings', 'update',
  $$update public.listings set description = description where id = 'f0000000-0000-4000-8000-000000000102' returning 1$$,
  'anon=denied customer=none provider=rows operations=rows finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('listings', 'delete',
  $$delete from public.listings where id = 'f0000000-0000-4000-8000-000000000102'$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');

-- listing_tags --------------------------------------------------------------------
select tests.expect_access('listing_tags', 'select',
  $$select 1 from public.listing_tags where listing_id in ('f0000000-0000-4000-8000-000000000101', 'f0000000-0000-4000-8000-000000000102', 'f0000000-0000-4000-8000-000000000103')$$,
  'anon=rows=2 customer=rows=2 provider=rows=3 operations=rows=3 finance=rows=2 product=rows=3 super_admin=rows=3 other_admin=rows=2');
select tests.expect_access('listing_tags', 'insert',
  $$insert into public.listing_tags (listing_id, tag_id) values ('f0000000-0000-4000-8000-000000000101', 'f0000000-0000-4000-8000-000000000021')$$,
  'anon=denied customer=denied provider=ok operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('listing_tags', 'update',
  $$update public.listing_tags set created_at = now() where listing_id = 'f0000000-0000-4000-8000-000000000101'$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=denied other_admin=denied');
select tests.expect_access('listing_tags', 'delete',
  $$delete from public.listing_tags where listing_id = 'f0000000-0000-4000-8000-000000000102' returning 1$$,
  'anon=denied customer=none operations=none finance=none product=none super_admin=none other_admin=none provider=rows');

select tests.reset_role();
select * from finish();
rollback;