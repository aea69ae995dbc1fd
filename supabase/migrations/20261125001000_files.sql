-- Files: one table for every upload, whichever storage provider holds it, linked to any
-- entity (listing, booking, message, …) by entity_type + entity_id. Soft delete only.

-- Enums -------------------------------------------------------------------------------
-- (none: storage provider, file type and entity type are text + check)

-- Tables ------------------------------------------------------------------------------
create table public.file_uploads (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  uploaded_by uuid not null references public.users (id) on delete restrict,
  storage_provider text not null default 'supabase'
    check (storage_provider in ('supabase', 's3', 'gcs', 'cloudinary')),
  bucket text not null check (bucket ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  storage_path text not null check (char_length(storage_path) between 1 and 1024 and storage_path !~ '(^/|\.\./)'),
  file_name text not null check (char_length(file_name) between 1 and 255),
  file_type text not null check (file_type in ('image', 'video', 'audio', 'document', 'archive', 'other')),
  mime_type text not null check (mime_type ~ '^[a-z]+/[a-z0-9][a-z0-9.+_-]*$'),
  size_bytes bigint not null check (size_bytes > 0 and size_bytes <= 5368709120),
  checksum_sha256 text check (checksum_sha256 ~ '^[0-9a-f]{64}$'),
  width integer check (width > 0),
  height integer check (height > 0),
  duration_seconds numeric(10, 2) check (duration_seconds > 0),
  entity_type text check (entity_type in ('listing', 'user', 'booking', 'review', 'message', 'conversation',
                                          'content_report', 'invoice', 'category')),
  entity_id uuid,
  is_public boolean not null default false,
  usage_count integer not null default 0 check (usage_count >= 0),
  metadata jsonb not null default '{}' check (jsonb_typeof(metadata) = 'object'),
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint file_uploads_location_key unique (storage_provider, bucket, storage_path),
  constraint file_uploads_entity_check check ((entity_type is null) = (entity_id is null)),
  constraint file_uploads_type_matches_mime_check check (
    (file_type = 'image' and mime_type like 'image/%')
    or (file_type = 'video' and mime_type like 'video/%')
    or (file_type = 'audio' and mime_type like 'audio/%')
    or file_type in ('document', 'archive', 'other')),
  constraint file_uploads_deleted_check check (deleted_by is null or deleted_at is not null)
);
comment on table public.file_uploads is 'Every uploaded file; entity_type + entity_id link it to its owner row. Soft deleted (deleted_at), never removed over the API.';

-- Indexes -----------------------------------------------------------------------------
create index file_uploads_tenant_created_idx on public.file_uploads (tenant_id, created_at desc);
create index file_uploads_uploaded_by_idx on public.file_uploads (uploaded_by, created_at desc);
create index file_uploads_deleted_by_idx on public.file_uploads (deleted_by);
create index file_uploads_entity_idx on public.file_uploads (entity_type, entity_id) where deleted_at is null;
create index file_uploads_type_idx on public.file_uploads (tenant_id, file_type, created_at desc) where deleted_at is null;
create index file_uploads_metadata_idx on public.file_uploads using gin (metadata jsonb_path_ops);

-- Grants ------------------------------------------------------------------------------
revoke all on table public.file_uploads from anon, authenticated;
grant select on table public.file_uploads to anon, authenticated;
grant insert (uploaded_by, storage_provider, bucket, storage_path, file_name, file_type, mime_type, size_bytes,
              checksum_sha256, width, height, duration_seconds, entity_type, entity_id, is_public, metadata)
  on table public.file_uploads to authenticated;
grant update (file_name, entity_type, entity_id, is_public, metadata, deleted_at)
  on table public.file_uploads to authenticated;
grant all on table public.file_uploads to service_role;

-- Triggers ----------------------------------------------------------------------------
create trigger set_tenant before insert or update of uploaded_by, tenant_id on public.file_uploads
  for each row execute function private.set_tenant_from_user('uploaded_by');
create trigger set_updated_at before update on public.file_uploads
  for each row execute function private.set_updated_at();

-- soft delete records who deleted; a deleted file stays deleted for API clients
create function private.file_uploads_soft_delete()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.deleted_at is not null and new.deleted_at is null and private.is_api_client() then
    raise exception 'a deleted file cannot be restored over the API' using errcode = '42501';
  end if;
  if new.deleted_at is not null and old.deleted_at is null then
    new.deleted_by := coalesce(new.deleted_by, private.current_user_id());
    new.is_public := false;
  end if;
  return new;
end;
$$;
revoke all on function private.file_uploads_soft_delete() from public, anon, authenticated;
create trigger soft_delete before update of deleted_at on public.file_uploads
  for each row execute function private.file_uploads_soft_delete();

-- Enable RLS --------------------------------------------------------------------------
alter table public.file_uploads enable row level security;

-- Helper predicates -------------------------------------------------------------------
-- (staff: tenant_id = any ((select private.staff_tenant_ids('<permission>'))::uuid[]) — one init plan per query)

-- Policies ----------------------------------------------------------------------------
create policy "Anyone can read public files that are not deleted" on public.file_uploads
  for select to anon using (is_public and deleted_at is null);
create policy "Signed-in users can read public files that are not deleted" on public.file_uploads
  for select to authenticated using (is_public and deleted_at is null);
-- (deleted ones too: a soft delete must leave the row readable to the one who deleted it,
-- or PostgreSQL refuses the UPDATE that sets deleted_at)
create policy "Users can read their own files" on public.file_uploads
  for select to authenticated using (uploaded_by = (select private.current_user_id()));
create policy "Users can upload their own files" on public.file_uploads
  for insert to authenticated with check (uploaded_by = (select private.current_user_id()));
create policy "Users can update and soft delete their own files" on public.file_uploads
  for update to authenticated
  using (uploaded_by = (select private.current_user_id()) and deleted_at is null)
  with check (uploaded_by = (select private.current_user_id()));
create policy "Staff with files.read can read files of their tenant" on public.file_uploads
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('files.read'))::uuid[]));

-- RPCs --------------------------------------------------------------------------------
-- (none)
