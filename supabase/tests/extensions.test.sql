begin;
select plan(8);

select has_extension('postgis', 'postgis is installed');
select has_extension('pg_trgm', 'pg_trgm is installed');
select has_extension('btree_gin', 'btree_gin is installed');
select has_extension('btree_gist', 'btree_gist is installed');

select is(
  (select array_agg(e.extname::text order by e.extname)
     from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname in ('postgis', 'pg_trgm', 'btree_gin', 'btree_gist') and n.nspname = 'extensions'),
  array['btree_gin', 'btree_gist', 'pg_trgm', 'postgis'],
  'all four live in schema extensions, not public'
);

-- they work, not just exist
select is(
  round(extensions.st_distance(
    extensions.st_makepoint(-0.1276, 51.5072)::extensions.geography,
    extensions.st_makepoint(2.3522, 48.8566)::extensions.geography) / 1000),
  344::float8,
  'PostGIS measures London to Paris as 344 km'
);
select ok(extensions.similarity('plumber', 'plumbr') > 0.4, 'pg_trgm scores near spellings as similar');
select is(
  (select count(*)::int from supabase_migrations.schema_migrations where name = 'extensions'),
  1,
  'the runner recorded the extensions migration'
);

select * from finish();
rollback;
