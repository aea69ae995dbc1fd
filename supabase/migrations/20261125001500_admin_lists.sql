-- What the admin's generic list pages need from the schema: every search box and filter the
-- resource registry offers is served by an index (tests/integration/registry-queries checks
-- the registry against pg_index), and a staff form can create a webhook endpoint without
-- knowing its own users.id.
--
-- Sections: defaults, indexes.

-- Defaults ----------------------------------------------------------------------------
-- The insert policy requires created_by = the caller; defaulting it like feature_flags and
-- referral_programs do lets the generic form leave it out.
alter table public.webhook_endpoints alter column created_by set default private.current_user_id();

-- Indexes -----------------------------------------------------------------------------
-- Substring search (ilike '%…%') needs trigram indexes; these tables are small, the indexes
-- cheap, and without them a search box is a sequential scan.
create index user_profiles_display_name_trgm_idx on public.user_profiles using gin (display_name extensions.gin_trgm_ops);
create index conversations_subject_trgm_idx on public.conversations using gin (subject extensions.gin_trgm_ops);
create index regions_name_trgm_idx on public.regions using gin (name extensions.gin_trgm_ops);
create index file_uploads_file_name_trgm_idx on public.file_uploads using gin (file_name extensions.gin_trgm_ops);
create index api_keys_name_trgm_idx on public.api_keys using gin (name extensions.gin_trgm_ops);
create index webhook_endpoints_description_trgm_idx on public.webhook_endpoints using gin (description extensions.gin_trgm_ops);
create index feature_flags_name_trgm_idx on public.feature_flags using gin (name extensions.gin_trgm_ops);

-- "Featured" listings of a tenant, newest first: the filter and the list's default sort.
create index listings_tenant_featured_idx on public.listings (tenant_id, is_featured, created_at desc);
