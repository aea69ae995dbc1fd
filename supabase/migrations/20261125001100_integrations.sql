-- Integrations: API keys (only a prefix and a SHA-256 hash are stored; the plaintext is
-- returned once by create_api_key), webhook endpoints and their delivery attempts.
-- integrations.read sees them, integrations.manage changes them.

-- Enums -------------------------------------------------------------------------------
-- (none)

-- Tables ------------------------------------------------------------------------------
create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  user_id uuid not null references public.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  key_prefix text not null unique check (key_prefix ~ '^lk_[0-9a-f]{12}$'),
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  scopes text[] not null default '{}' check (
    scopes <@ array['listings:read', 'listings:write', 'bookings:read', 'bookings:write', 'users:read',
                    'reviews:read', 'payments:read', 'analytics:read', 'webhooks:manage']::text[]),
  rate_limit_per_minute integer not null default 60 check (rate_limit_per_minute > 0 and rate_limit_per_minute <= 100000),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid references public.users (id) on delete set null,
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint api_keys_expiry_check check (expires_at is null or expires_at > created_at),
  constraint api_keys_revoked_check check (revoked_by is null or revoked_at is not null)
);
comment on table public.api_keys is 'API keys: key_prefix identifies, key_hash = sha256(plaintext) verifies; the plaintext is never stored.';

create table public.webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  created_by uuid not null references public.users (id) on delete restrict,
  url text not null check (url ~ '^https://[a-zA-Z0-9.-]+(:[0-9]{1,5})?(/[^[:space:]]*)?$' and char_length(url) <= 2048),
  description text check (char_length(description) <= 500),
  secret text not null default ('whsec_' || encode(extensions.gen_random_bytes(24), 'hex'))
    check (char_length(secret) >= 32),
  events text[] not null check (
    cardinality(events) > 0
    and events <@ array['*', 'booking.created', 'booking.confirmed', 'booking.completed', 'booking.cancelled',
                        'payment.completed', 'payment.failed', 'payout.paid', 'review.created',
                        'listing.published', 'user.created', 'report.resolved']::text[]),
  is_active boolean not null default true,
  consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
  last_delivery_at timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint webhook_endpoints_url_key unique (tenant_id, url)
);
comment on column public.webhook_endpoints.secret is 'Signing secret; not readable by API roles (column grant), used by the delivery worker (service_role).';

create table public.webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  endpoint_id uuid not null references public.webhook_endpoints (id) on delete cascade,
  event text not null check (event ~ '^[a-z]+\.[a-z_]+$'),
  event_id uuid not null default gen_random_uuid(),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  attempt_count integer not null default 0 check (attempt_count between 0 and 20),
  max_attempts integer not null default 8 check (max_attempts between 1 and 20),
  next_retry_at timestamptz default now(),
  response_status integer check (response_status between 100 and 599),
  response_body text check (char_length(response_body) <= 10000),
  last_error text,
  delivered_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint webhook_deliveries_outcome_check check (delivered_at is null or failed_at is null),
  constraint webhook_deliveries_delivered_check check (delivered_at is null or response_status between 200 and 299),
  constraint webhook_deliveries_attempts_check check (attempt_count <= max_attempts),
  constraint webhook_deliveries_once unique (endpoint_id, event_id)
);
comment on table public.webhook_deliveries is 'One row per event per endpoint; the worker bumps attempt_count and records the response, the trigger schedules the retry.';

-- Indexes -----------------------------------------------------------------------------
create index api_keys_tenant_created_idx on public.api_keys (tenant_id, created_at desc);
create index api_keys_user_id_idx on public.api_keys (user_id);
create index api_keys_revoked_by_idx on public.api_keys (revoked_by);
create index api_keys_created_by_idx on public.api_keys (created_by);
create index api_keys_active_idx on public.api_keys (tenant_id) where revoked_at is null;
create index api_keys_scopes_idx on public.api_keys using gin (scopes);

create index webhook_endpoints_tenant_created_idx on public.webhook_endpoints (tenant_id, created_at desc);
create index webhook_endpoints_created_by_idx on public.webhook_endpoints (created_by);
create index webhook_endpoints_events_idx on public.webhook_endpoints using gin (events) where is_active;

create index webhook_deliveries_tenant_created_idx on public.webhook_deliveries (tenant_id, created_at desc);
create index webhook_deliveries_endpoint_created_idx on public.webhook_deliveries (endpoint_id, created_at desc);
create index webhook_deliveries_due_idx on public.webhook_deliveries (next_retry_at)
  where delivered_at is null and failed_at is null;
create index webhook_deliveries_failed_idx on public.webhook_deliveries (tenant_id, failed_at desc)
  where failed_at is not null;

-- Grants ------------------------------------------------------------------------------
revoke all on table public.api_keys, public.webhook_endpoints, public.webhook_deliveries from anon, authenticated;
-- no key_hash for API roles; keys are created and revoked through the RPCs
grant select (id, tenant_id, user_id, name, key_prefix, scopes, rate_limit_per_minute, last_used_at, expires_at,
              revoked_at, revoked_by, created_by, created_at, updated_at)
  on table public.api_keys to authenticated;
-- no secret for API roles
grant select (id, tenant_id, created_by, url, description, events, is_active, consecutive_failures,
              last_delivery_at, disabled_at, created_at, updated_at)
  on table public.webhook_endpoints to authenticated;
grant insert (created_by, url, description, events, is_active) on table public.webhook_endpoints to authenticated;
grant update (url, description, events, is_active) on table public.webhook_endpoints to authenticated;
grant delete on table public.webhook_endpoints to authenticated;
grant select on table public.webhook_deliveries to authenticated;
grant all on table public.api_keys, public.webhook_endpoints, public.webhook_deliveries to service_role;

-- Triggers ----------------------------------------------------------------------------
create trigger set_tenant before insert or update of user_id, tenant_id on public.api_keys
  for each row execute function private.set_tenant_from_user('user_id');
create trigger set_tenant before insert or update of created_by, tenant_id on public.webhook_endpoints
  for each row execute function private.set_tenant_from_user('created_by');
create trigger set_tenant before insert or update of endpoint_id, tenant_id on public.webhook_deliveries
  for each row execute function private.set_tenant_from_parent('endpoint_id', 'webhook_endpoints');

create trigger set_updated_at before update on public.api_keys
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.webhook_endpoints
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.webhook_deliveries
  for each row execute function private.set_updated_at();

-- api_keys: a revoked key stays revoked, and its identity never changes
create function private.api_keys_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at then
    raise exception 'API key % is revoked and cannot be reinstated', old.key_prefix using errcode = 'P0001';
  end if;
  if (new.key_prefix, new.key_hash) is distinct from (old.key_prefix, old.key_hash) then
    raise exception 'an API key''s prefix and hash never change; create a new key' using errcode = 'P0001';
  end if;
  return new;
end;
$$;
revoke all on function private.api_keys_guard() from public, anon, authenticated;
create trigger guard before update on public.api_keys
  for each row execute function private.api_keys_guard();

-- webhook_endpoints: re-enabling resets the failure streak
create function private.webhook_endpoints_reenable()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.is_active and not old.is_active then
    new.consecutive_failures := 0;
    new.disabled_at := null;
  elsif not new.is_active and old.is_active then
    new.disabled_at := coalesce(new.disabled_at, now());
  end if;
  return new;
end;
$$;
revoke all on function private.webhook_endpoints_reenable() from public, anon, authenticated;
create trigger reenable before update of is_active on public.webhook_endpoints
  for each row execute function private.webhook_endpoints_reenable();

-- webhook_deliveries: each failed attempt schedules the next with exponential backoff
-- (1, 2, 4, … minutes, at most 6 hours); the last allowed attempt marks it failed.
create function private.webhook_deliveries_schedule()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.delivered_at is not null then
    new.next_retry_at := null;
  elsif new.failed_at is not null then
    new.next_retry_at := null;
  elsif new.attempt_count > old.attempt_count then
    if new.attempt_count >= new.max_attempts then
      new.failed_at := now();
      new.next_retry_at := null;
    else
      new.next_retry_at := now() + least(interval '1 minute' * power(2, new.attempt_count - 1), interval '6 hours');
    end if;
  end if;
  return new;
end;
$$;
revoke all on function private.webhook_deliveries_schedule() from public, anon, authenticated;
create trigger schedule before update on public.webhook_deliveries
  for each row execute function private.webhook_deliveries_schedule();

-- webhook_deliveries → endpoint health: success resets the streak, 10 final failures in a
-- row disable the endpoint
create function private.webhook_deliveries_endpoint_health()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.delivered_at is not null and old.delivered_at is null then
    update public.webhook_endpoints
       set consecutive_failures = 0, last_delivery_at = new.delivered_at
     where id = new.endpoint_id;
  elsif new.failed_at is not null and old.failed_at is null then
    update public.webhook_endpoints
       set consecutive_failures = consecutive_failures + 1,
           is_active = case when consecutive_failures + 1 >= 10 then false else is_active end
     where id = new.endpoint_id;
  end if;
  return null;
end;
$$;
revoke all on function private.webhook_deliveries_endpoint_health() from public, anon, authenticated;
-- (a plain after-update trigger with a WHEN: failed_at is often set by the schedule trigger,
-- not named in the UPDATE, so an `update of failed_at` trigger would not fire)
create trigger endpoint_health after update on public.webhook_deliveries
  for each row when (new.delivered_at is distinct from old.delivered_at or new.failed_at is distinct from old.failed_at)
  execute function private.webhook_deliveries_endpoint_health();

-- key_hash never appears in the audit trail; a key being used (last_used_at) is not an audited change
create trigger audit_changes after insert or update or delete on public.api_keys
  for each row execute function private.audit_row_change('key_hash', 'last_used_at');
create trigger audit_changes after insert or update or delete on public.webhook_endpoints
  for each row execute function private.audit_row_change('secret');

-- Enable RLS --------------------------------------------------------------------------
alter table public.api_keys enable row level security;
alter table public.webhook_endpoints enable row level security;
alter table public.webhook_deliveries enable row level security;

-- Helper predicates -------------------------------------------------------------------
-- readers: integrations.read or integrations.manage (managing implies seeing), as
-- tenant_id = any (read tenants || manage tenants), one init plan each

-- Policies ----------------------------------------------------------------------------
create policy "Staff with integrations.read can read API keys of their tenant" on public.api_keys
  for select to authenticated using (tenant_id = any (((select private.staff_tenant_ids('integrations.read')) || (select private.staff_tenant_ids('integrations.manage')))::uuid[]));

create policy "Staff with integrations.read can read webhook endpoints of their tenant" on public.webhook_endpoints
  for select to authenticated using (tenant_id = any (((select private.staff_tenant_ids('integrations.read')) || (select private.staff_tenant_ids('integrations.manage')))::uuid[]));
create policy "Staff with integrations.manage can add webhook endpoints to their tenant" on public.webhook_endpoints
  for insert to authenticated with check (
    tenant_id = any ((select private.staff_tenant_ids('integrations.manage'))::uuid[]) and created_by = (select private.current_user_id()));
create policy "Staff with integrations.manage can update webhook endpoints of their tenant" on public.webhook_endpoints
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('integrations.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('integrations.manage'))::uuid[]));
create policy "Staff with integrations.manage can delete webhook endpoints of their tenant" on public.webhook_endpoints
  for delete to authenticated using (tenant_id = any ((select private.staff_tenant_ids('integrations.manage'))::uuid[]));

create policy "Staff with integrations.read can read webhook deliveries of their tenant" on public.webhook_deliveries
  for select to authenticated using (tenant_id = any (((select private.staff_tenant_ids('integrations.read')) || (select private.staff_tenant_ids('integrations.manage')))::uuid[]));

-- RPCs --------------------------------------------------------------------------------
-- Creates a key for the caller's tenant and returns the plaintext — the only time it is
-- ever visible. Stored: key_prefix (lk_ + 12 hex) and sha256(plaintext) in hex.
create function public.create_api_key(
  p_name text,
  p_scopes text[] default '{}',
  p_expires_at timestamptz default null,
  p_rate_limit_per_minute integer default 60
)
returns table (id uuid, key_prefix text, api_key text)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_actor uuid := private.current_user_id();
  v_tenant uuid := private.current_tenant_id();
  v_prefix text;
  v_key text;
  v_id uuid;
begin
  if v_actor is null or not private.staff_can('integrations.manage', v_tenant) then
    raise exception 'permission denied: integrations.manage is required to create API keys'
      using errcode = '42501';
  end if;
  if p_name is null or char_length(btrim(p_name)) = 0 then
    raise exception 'an API key needs a name' using errcode = '22023';
  end if;
  if p_scopes is null or not p_scopes <@ array['listings:read', 'listings:write', 'bookings:read', 'bookings:write',
      'users:read', 'reviews:read', 'payments:read', 'analytics:read', 'webhooks:manage']::text[] then
    raise exception 'unknown API key scope in %', p_scopes using errcode = '22023';
  end if;
  if p_expires_at is not null and p_expires_at <= now() then
    raise exception 'an API key must expire in the future' using errcode = '22023';
  end if;
  if p_rate_limit_per_minute is null or p_rate_limit_per_minute <= 0 then
    raise exception 'rate_limit_per_minute must be positive' using errcode = '22023';
  end if;

  v_prefix := 'lk_' || encode(extensions.gen_random_bytes(6), 'hex');
  v_key := v_prefix || '_' || encode(extensions.gen_random_bytes(32), 'hex');

  insert into public.api_keys (user_id, tenant_id, name, key_prefix, key_hash, scopes,
                               rate_limit_per_minute, expires_at, created_by)
  values (v_actor, v_tenant, btrim(p_name), v_prefix, encode(sha256(convert_to(v_key, 'UTF8')), 'hex'),
          array(select distinct s from unnest(p_scopes) s order by s), p_rate_limit_per_minute, p_expires_at, v_actor)
  returning api_keys.id into v_id;

  perform private.write_audit('admin_action', 'api_keys', v_id::text, null,
    jsonb_build_object('key_prefix', v_prefix, 'name', btrim(p_name), 'scopes', p_scopes),
    jsonb_build_object('rpc', 'create_api_key'), v_tenant);

  return query select v_id, v_prefix, v_key;
end;
$$;
revoke all on function public.create_api_key(text, text[], timestamptz, integer) from public, anon, authenticated;
grant execute on function public.create_api_key(text, text[], timestamptz, integer) to authenticated, service_role;

create function public.revoke_api_key(p_api_key_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_key public.api_keys;
begin
  if not private.has_permission('integrations.manage') then
    raise exception 'permission denied: integrations.manage is required to revoke API keys'
      using errcode = '42501';
  end if;
  select * into v_key from public.api_keys where id = p_api_key_id for update;
  if v_key.id is null then
    raise exception 'API key % does not exist', p_api_key_id using errcode = 'PT404';
  end if;
  if not private.staff_can('integrations.manage', v_key.tenant_id) then
    raise exception 'permission denied: API key % belongs to another tenant', p_api_key_id
      using errcode = '42501';
  end if;
  if v_key.revoked_at is not null then
    raise exception 'API key % is already revoked', v_key.key_prefix using errcode = 'P0001';
  end if;
  update public.api_keys
     set revoked_at = now(), revoked_by = private.current_user_id()
   where id = p_api_key_id;
  perform private.write_audit('admin_action', 'api_keys', p_api_key_id::text,
    jsonb_build_object('revoked_at', null), jsonb_build_object('revoked_at', now()),
    jsonb_build_object('rpc', 'revoke_api_key', 'key_prefix', v_key.key_prefix), v_key.tenant_id);
end;
$$;
revoke all on function public.revoke_api_key(uuid) from public, anon, authenticated;
grant execute on function public.revoke_api_key(uuid) to authenticated, service_role;

-- For the API gateway (service_role only): the key's identity if the plaintext is valid,
-- unrevoked and unexpired; records last use. Constant work whatever the input.
create function public.verify_api_key(p_api_key text)
returns table (api_key_id uuid, tenant_id uuid, user_id uuid, scopes text[], rate_limit_per_minute integer)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  update public.api_keys k
     set last_used_at = now()
   where k.key_hash = encode(sha256(convert_to(coalesce(p_api_key, ''), 'UTF8')), 'hex')
     and k.revoked_at is null
     and (k.expires_at is null or k.expires_at > now())
  returning k.id, k.tenant_id, k.user_id, k.scopes, k.rate_limit_per_minute;
end;
$$;
revoke all on function public.verify_api_key(text) from public, anon, authenticated;
grant execute on function public.verify_api_key(text) to service_role;
