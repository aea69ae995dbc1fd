-- Demo data for the local stack. The marketplace's tables and their demo rows arrive with
-- the schema; until then the seed has nothing to add.
select 1;
