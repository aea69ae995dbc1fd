-- Analytics: high-volume product events and application system logs (audit_logs lives in
-- the identity migration). Both are insert-only for API roles: signed-in users record
-- their own events; system logs come from the backend (service_role). Staff read events
-- with analytics.read and system logs with audit.read. service_role may delete (retention)
-- but nobody updates a log.

-- Enums -------------------------------------------------------------------------------
-- (log_level is defined in the identity migration)

-- Tables ------------------------------------------------------------------------------
create table public.events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references public.tenants (id),
  user_id uuid references public.users (id) on delete set null,
  session_id text check (char_length(session_id) <= 128),
  name text not null check (name ~ '^[a-z][a-z0-9_]*([.:][a-z0-9_]+)*$' and char_length(name) <= 100),
  properties jsonb not null default '{}' check (jsonb_typeof(properties) = 'object'),
  page_url text check (char_length(page_url) <= 2048),
  referrer text check (char_length(referrer) <= 2048),
  user_agent text,
  ip_address inet,
  occurred_at timestamptz not null default now(),
  received_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.events is 'Product analytics events (append-mostly, high volume; BRIN on occurred_at).';

create table public.system_logs (
  id bigint generated always as identity primary key,
  tenant_id uuid references public.tenants (id),
  user_id uuid references public.users (id) on delete set null,
  level public.log_level not null default 'info',
  source text not null check (source ~ '^[a-z][a-z0-9_.:/-]{0,99}$'),
  message text not null check (char_length(message) between 1 and 10000),
  context jsonb not null default '{}' check (jsonb_typeof(context) = 'object'),
  request_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.system_logs is 'Application logs written by the backend; tenant_id is null for platform-wide entries (super admins only).';

-- Indexes -----------------------------------------------------------------------------
create index events_occurred_at_brin_idx on public.events using brin (occurred_at);
create index events_tenant_occurred_idx on public.events (tenant_id, occurred_at desc);
create index events_user_occurred_idx on public.events (user_id, occurred_at desc);
create index events_name_occurred_idx on public.events (name, occurred_at desc);
create index events_properties_idx on public.events using gin (properties jsonb_path_ops);

create index system_logs_created_at_brin_idx on public.system_logs using brin (created_at);
create index system_logs_tenant_created_idx on public.system_logs (tenant_id, created_at desc);
create index system_logs_user_id_idx on public.system_logs (user_id);
create index system_logs_level_created_idx on public.system_logs (level, created_at desc);
create index system_logs_problems_idx on public.system_logs (created_at desc, source)
  where level in ('error', 'critical');
create index system_logs_source_created_idx on public.system_logs (source, created_at desc);

-- Grants ------------------------------------------------------------------------------
revoke all on table public.events, public.system_logs from anon, authenticated, service_role;
grant select on table public.events, public.system_logs to authenticated;
grant insert (user_id, session_id, name, properties, page_url, referrer, occurred_at) on table public.events
  to authenticated;
grant select, insert, delete on table public.events, public.system_logs to service_role;

-- Triggers ----------------------------------------------------------------------------
-- events: the user's tenant; anonymous backend events must name one
create trigger set_tenant before insert on public.events
  for each row when (new.user_id is not null) execute function private.set_tenant_from_user('user_id');
create trigger set_tenant before insert on public.system_logs
  for each row when (new.user_id is not null) execute function private.set_tenant_from_user('user_id');

create trigger set_updated_at before update on public.events
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.system_logs
  for each row execute function private.set_updated_at();

-- events from API clients: stamped with the request's user agent and IP, no future times
create function private.events_stamp_request()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_headers jsonb;
begin
  if private.is_api_client() then
    begin
      v_headers := nullif(current_setting('request.headers', true), '')::jsonb;
      new.user_agent := v_headers ->> 'user-agent';
      new.ip_address := nullif(trim(split_part(v_headers ->> 'x-forwarded-for', ',', 1)), '')::inet;
    exception when others then
      new.ip_address := null;
    end;
    new.received_at := now();
    if new.occurred_at > now() + interval '5 minutes' or new.occurred_at < now() - interval '7 days' then
      new.occurred_at := now();
    end if;
  end if;
  return new;
end;
$$;
revoke all on function private.events_stamp_request() from public, anon, authenticated;
create trigger stamp_request before insert on public.events
  for each row execute function private.events_stamp_request();

-- Enable RLS --------------------------------------------------------------------------
alter table public.events enable row level security;
alter table public.system_logs enable row level security;

-- Helper predicates -------------------------------------------------------------------
-- (staff: tenant_id = any ((select private.staff_tenant_ids('<permission>'))::uuid[]) — one init plan per query)

-- Policies ----------------------------------------------------------------------------
create policy "Users can record their own events" on public.events
  for insert to authenticated with check (user_id = (select private.current_user_id()));
create policy "Users can read their own events" on public.events
  for select to authenticated using (user_id = (select private.current_user_id()));
create policy "Staff with analytics.read can read events of their tenant" on public.events
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('analytics.read'))::uuid[]));

create policy "Staff with audit.read can read system logs of their tenant" on public.system_logs
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('audit.read'))::uuid[]));
create policy "Super admins can read platform-wide system logs" on public.system_logs
  for select to authenticated using (tenant_id is null and (select private.is_super_admin()));

-- RPCs --------------------------------------------------------------------------------
-- (none)
