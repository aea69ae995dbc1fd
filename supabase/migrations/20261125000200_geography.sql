-- Geography: regional markets (compliance settings, currency, timezone, boundary) and cities
-- (PostGIS points). Global reference data: everyone reads the active rows, only a super
-- admin holding geo.manage writes them (a tenant's staff must not change other tenants' map).

-- Tables -------------------------------------------------------------------------------
create table public.regions (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,40}$'),
  name text not null check (length(trim(name)) > 0),
  country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  timezone text not null default 'UTC',
  gdpr_applies boolean not null default false,
  ccpa_applies boolean not null default false,
  compliance_settings jsonb not null default '{}'::jsonb check (jsonb_typeof(compliance_settings) = 'object'),
  boundary extensions.geography(multipolygon, 4326),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on column public.regions.compliance_settings is 'e.g. {"data_retention_days": 730, "cookie_consent": true, "age_minimum": 16}';

create table public.cities (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references public.regions (id) on delete restrict,
  name text not null check (length(trim(name)) > 0),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  admin_area text,
  country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
  location extensions.geography(point, 4326) not null,
  population integer check (population is null or population >= 0),
  timezone text,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (region_id, slug)
);

alter table public.user_profiles
  add column city_id uuid references public.cities (id) on delete set null;

-- Indexes ------------------------------------------------------------------------------
create index regions_boundary_idx on public.regions using gist (boundary);
create index cities_location_idx on public.cities using gist (location);
create index cities_name_trgm_idx on public.cities using gin (name extensions.gin_trgm_ops);
create index cities_active_idx on public.cities (region_id, name) where is_active;
create index cities_country_idx on public.cities (country_code, name);
create index user_profiles_city_id_idx on public.user_profiles (city_id);

-- Grants -------------------------------------------------------------------------------
revoke all on public.regions, public.cities from anon, authenticated, service_role;
grant select on public.regions, public.cities to anon;
grant select, insert, update, delete on public.regions, public.cities to authenticated;
grant all on public.regions, public.cities to service_role;

-- Triggers -----------------------------------------------------------------------------

-- cities: timezone defaults to the region's; the country must match the region's
create function private.cities_inherit_region() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_region public.regions;
begin
  select * into v_region from public.regions r where r.id = new.region_id;
  new.timezone := coalesce(new.timezone, v_region.timezone);
  new.country_code := coalesce(new.country_code, v_region.country_code);
  return new;
end
$$;

create trigger set_updated_at before update on public.regions
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.cities
  for each row execute function private.set_updated_at();
create trigger inherit_region before insert or update of region_id, timezone on public.cities
  for each row execute function private.cities_inherit_region();
create trigger audit_changes after insert or update or delete on public.regions
  for each row execute function private.audit_row_change();
create trigger audit_changes after insert or update or delete on public.cities
  for each row execute function private.audit_row_change();

-- Enable RLS ---------------------------------------------------------------------------
alter table public.regions enable row level security;
alter table public.cities enable row level security;

revoke all on all functions in schema private from public, anon;

-- Policies -----------------------------------------------------------------------------
create policy "Anyone can read active regions" on public.regions
  for select to anon
  using (is_active);
create policy "Signed-in users can read active regions" on public.regions
  for select to authenticated
  using (is_active or (select private.has_permission('geo.manage')));
create policy "Super admins with geo.manage can add regions" on public.regions
  for insert to authenticated
  with check ((select private.is_super_admin()) and (select private.has_permission('geo.manage')));
create policy "Super admins with geo.manage can update regions" on public.regions
  for update to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('geo.manage')))
  with check ((select private.is_super_admin()) and (select private.has_permission('geo.manage')));
create policy "Super admins with geo.manage can delete regions" on public.regions
  for delete to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('geo.manage')));

create policy "Anyone can read active cities" on public.cities
  for select to anon
  using (is_active);
create policy "Signed-in users can read active cities" on public.cities
  for select to authenticated
  using (is_active or (select private.has_permission('geo.manage')));
create policy "Super admins with geo.manage can add cities" on public.cities
  for insert to authenticated
  with check ((select private.is_super_admin()) and (select private.has_permission('geo.manage')));
create policy "Super admins with geo.manage can update cities" on public.cities
  for update to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('geo.manage')))
  with check ((select private.is_super_admin()) and (select private.has_permission('geo.manage')));
create policy "Super admins with geo.manage can delete cities" on public.cities
  for delete to authenticated
  using ((select private.is_super_admin()) and (select private.has_permission('geo.manage')));
