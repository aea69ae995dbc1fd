-- Behaviour of geography: cities inherit the region's timezone, checks on codes and points.
begin;
select plan(5);
select tests.create_marketplace_fixture();

select is((select timezone from public.cities where slug = 'fixtureville'), 'America/Los_Angeles', 'a city without a timezone takes its region''s');
select lives_ok($$ insert into public.cities (region_id, name, slug, location, timezone) values ('f0000000-0000-4000-8000-000000000001', 'Honolulu-ish', 'fixture-hnl', 'SRID=4326;POINT(-157.8 21.3)', 'Pacific/Honolulu') $$, 'an explicit timezone is kept');
select is((select timezone from public.cities where slug = 'fixture-hnl'), 'Pacific/Honolulu', 'explicit timezone stored');
select throws_ok($$ insert into public.regions (code, name, country_code) values ('fixture-bad', 'Bad', 'us') $$, '23514', null, 'country codes are upper-case ISO alpha-2');
select throws_ok($$ insert into public.cities (region_id, name, slug, location) values ('f0000000-0000-4000-8000-000000000001', 'Nowhere', 'fixture-nowhere', null) $$, '23502', null, 'a city has a location');

select * from finish();
rollback;
