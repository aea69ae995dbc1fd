-- Extensions the marketplace schema relies on, kept out of public (Supabase's convention),
-- so they never show up as API resources.
create extension if not exists postgis with schema extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists btree_gin with schema extensions;
create extension if not exists btree_gist with schema extensions;
