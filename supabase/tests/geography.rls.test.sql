-- Persona access matrix for the geography tables (Basejump style): per table and command, what
-- each persona gets — rows=N of the fixture visible, rows, none (RLS hides or filters the row),
-- ok, denied (42501) — as one tests.expect_access call (supabase/tests/helpers/rls-matrix.sql).
-- Personas and fixture rows: supabase/tests/helpers/personas.sql (tests.create_marketplace_fixture).
begin;
select plan(64);
select tests.create_marketplace_fixture();

-- regions -------------------------------------------------------------------------
select tests.expect_access('regions', 'select',
  $$select 1 from public.regions where id in ('f0000000-0000-4000-8000-000000000001', 'f0000000-0000-4000-8000-000000000002')$$,
  'anon=rows=1 customer=rows=1 provider=rows=1 operations=rows=1 finance=rows=1 product=rows=1 super_admin=rows=2 other_admin=rows=2');
select tests.expect_access('regions', 'insert',
  $$insert into public.regions (code, name, country_code) values ('r-{persona_slug}', 'R', 'US')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=ok other_admin=denied');
select tests.expect_access('regions', 'update',
  $$update public.regions set name = name where id = 'f0000000-0000-4000-8000-000000000001' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('regions', 'delete',
  $$delete from public.regions where id = 'f0000000-0000-4000-8000-000000000002' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none other_admin=none super_admin=rows');

-- cities --------------------------------------------------------------------------
select tests.expect_access('cities', 'select',
  $$select 1 from public.cities where id = 'f0000000-0000-4000-8000-000000000003'$$,
  'anon=rows=1 customer=rows=1 provider=rows=1 operations=rows=1 finance=rows=1 product=rows=1 super_admin=rows=1 other_admin=rows=1');
select tests.expect_access('cities', 'insert',
  $$insert into public.cities (region_id, name, slug, location) values ('f0000000-0000-4000-8000-000000000001', 'Oakland', 'oakland-{persona_slug}', 'SRID=4326;POINT(-122.27 37.80)')$$,
  'anon=denied customer=denied provider=denied operations=denied finance=denied product=denied super_admin=ok other_admin=denied');
select tests.expect_access('cities', 'update',
  $$update public.cities set population = 808000 where id = 'f0000000-0000-4000-8000-000000000003' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none super_admin=rows other_admin=none');
select tests.expect_access('cities', 'delete',
  $$delete from public.cities where slug like 'oakland-%' returning 1$$,
  'anon=denied customer=none provider=none operations=none finance=none product=none other_admin=none super_admin=rows');

select tests.reset_role();
select * from finish();
rollback;