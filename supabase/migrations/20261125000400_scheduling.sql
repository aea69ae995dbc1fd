-- Scheduling: providers' weekly availability, date overrides, and bookings (confirmation
-- code, status workflow, price breakdown, cancellation, no double booking).

-- Enums --------------------------------------------------------------------------------
create type public.booking_status as enum (
  'pending', 'confirmed', 'in_progress', 'completed', 'cancelled', 'disputed', 'refunded'
);

-- Tables -------------------------------------------------------------------------------
create table public.provider_availability (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references public.users (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  day_of_week smallint not null check (day_of_week between 0 and 6),
  start_time time not null,
  end_time time not null,
  timezone text not null default 'UTC',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint provider_availability_end_after_start check (end_time > start_time),
  -- no overlapping active slots for one provider on one weekday
  constraint provider_availability_no_overlap exclude using gist (
    provider_id with =, day_of_week with =,
    int4range((extract(epoch from start_time) / 60)::int, (extract(epoch from end_time) / 60)::int) with &&
  ) where (is_active)
);
comment on column public.provider_availability.day_of_week is '0 = Sunday … 6 = Saturday, in the slot''s timezone.';

create table public.availability_overrides (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references public.users (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  override_date date not null,
  start_time time,
  end_time time,
  is_available boolean not null default false,
  reason text,
  timezone text not null default 'UTC',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint availability_overrides_whole_day_or_window check ((start_time is null) = (end_time is null)),
  constraint availability_overrides_end_after_start check (end_time is null or end_time > start_time),
  constraint availability_overrides_window_when_available check (not is_available or start_time is not null)
);
comment on table public.availability_overrides is 'Holidays and special hours: is_available=false blocks the window (whole day when no times), true adds one.';

create table public.bookings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete restrict,
  listing_id uuid not null references public.listings (id) on delete restrict,
  customer_id uuid not null references public.users (id) on delete restrict,
  provider_id uuid not null references public.users (id) on delete restrict,
  confirmation_code text not null unique check (confirmation_code ~ '^LC-[A-Z0-9]{8}$'),
  status public.booking_status not null default 'pending',
  scheduled_start timestamptz not null,
  scheduled_end timestamptz not null,
  timezone text not null default 'UTC',
  location_type public.location_type not null default 'on_site',
  service_location extensions.geography(point, 4326),
  service_address jsonb not null default '{}'::jsonb check (jsonb_typeof(service_address) = 'object'),
  customer_notes text check (customer_notes is null or length(customer_notes) <= 5000),
  provider_notes text check (provider_notes is null or length(provider_notes) <= 5000),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  subtotal_cents bigint not null check (subtotal_cents >= 0),
  platform_fee_cents bigint not null default 0 check (platform_fee_cents >= 0),
  processing_fee_cents bigint not null default 0 check (processing_fee_cents >= 0),
  tax_cents bigint not null default 0 check (tax_cents >= 0),
  total_cents bigint not null check (total_cents >= 0),
  cancellation_policy text not null default 'moderate'
    check (cancellation_policy in ('flexible', 'moderate', 'strict', 'non_refundable')),
  cancellation_reason text,
  cancelled_by uuid references public.users (id) on delete set null,
  dispute_reason text,
  confirmed_at timestamptz,
  started_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  disputed_at timestamptz,
  refunded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint bookings_end_after_start check (scheduled_end > scheduled_start),
  constraint bookings_total_is_sum check (total_cents = subtotal_cents + platform_fee_cents + processing_fee_cents + tax_cents),
  constraint bookings_two_parties check (customer_id <> provider_id),
  constraint bookings_cancellation_reason check (status <> 'cancelled' or (cancellation_reason is not null and length(trim(cancellation_reason)) > 0)),
  constraint bookings_dispute_reason check (status <> 'disputed' or dispute_reason is not null),
  constraint bookings_location_when_on_site check (location_type = 'remote' or service_location is not null),
  -- a provider is never booked twice for overlapping time
  constraint bookings_no_double_booking exclude using gist (
    provider_id with =, tstzrange(scheduled_start, scheduled_end) with &&
  ) where (status in ('pending', 'confirmed', 'in_progress'))
);
comment on column public.bookings.confirmation_code is 'LC-XXXXXXXX, generated on insert.';

-- Indexes ------------------------------------------------------------------------------
create index provider_availability_provider_idx on public.provider_availability (provider_id, day_of_week, start_time);
create index provider_availability_tenant_idx on public.provider_availability (tenant_id);
create index availability_overrides_provider_date_idx on public.availability_overrides (provider_id, override_date);
create index availability_overrides_tenant_idx on public.availability_overrides (tenant_id, override_date);

create index bookings_tenant_created_idx on public.bookings (tenant_id, created_at desc);
create index bookings_tenant_status_idx on public.bookings (tenant_id, status, scheduled_start desc);
create index bookings_tenant_scheduled_idx on public.bookings (tenant_id, scheduled_start desc);
create index bookings_listing_idx on public.bookings (listing_id, scheduled_start desc);
create index bookings_customer_idx on public.bookings (customer_id, scheduled_start desc);
create index bookings_provider_idx on public.bookings (provider_id, scheduled_start desc);
create index bookings_cancelled_by_idx on public.bookings (cancelled_by);
create index bookings_open_disputes_idx on public.bookings (tenant_id, disputed_at) where status = 'disputed';
create index bookings_upcoming_idx on public.bookings (provider_id, scheduled_start)
  where status in ('pending', 'confirmed');
create index bookings_service_location_idx on public.bookings using gist (service_location);

-- Grants -------------------------------------------------------------------------------
revoke all on public.provider_availability, public.availability_overrides, public.bookings
  from anon, authenticated, service_role;
grant select on public.provider_availability to anon;
grant select, insert, update, delete on public.provider_availability, public.availability_overrides to authenticated;
grant select, insert, update on public.bookings to authenticated;
grant all on public.provider_availability, public.availability_overrides, public.bookings to service_role;

-- Trigger functions --------------------------------------------------------------------

-- bookings before insert: provider and tenant come from the listing; a code is drawn until
-- it is unused
create function private.bookings_prepare_insert() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_listing public.listings;
  v_code text;
  v_alphabet constant text := 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  v_bytes bytea;
begin
  select * into v_listing from public.listings l where l.id = new.listing_id;
  if not found then
    raise exception 'listing % does not exist', new.listing_id using errcode = '23503';
  end if;
  new.provider_id := v_listing.provider_id;
  new.tenant_id := v_listing.tenant_id;
  if new.confirmation_code is null then
    loop
      v_bytes := extensions.gen_random_bytes(8);
      v_code := 'LC-';
      for i in 0..7 loop
        v_code := v_code || substr(v_alphabet, (get_byte(v_bytes, i) % 32) + 1, 1);
      end loop;
      exit when not exists (select 1 from public.bookings b where b.confirmation_code = v_code);
    end loop;
    new.confirmation_code := v_code;
  end if;
  return new;
end
$$;

-- allowed status moves; cancelled and refunded are terminal, completed never goes back
create function private.booking_transition_allowed(from_status public.booking_status, to_status public.booking_status)
returns boolean
language sql immutable
set search_path = ''
as $$
  select from_status = to_status or (from_status, to_status) in (
    ('pending', 'confirmed'), ('pending', 'cancelled'),
    ('confirmed', 'in_progress'), ('confirmed', 'completed'), ('confirmed', 'cancelled'), ('confirmed', 'disputed'),
    ('in_progress', 'completed'), ('in_progress', 'disputed'), ('in_progress', 'cancelled'),
    ('completed', 'disputed'), ('completed', 'refunded'),
    ('disputed', 'completed'), ('disputed', 'refunded'), ('disputed', 'cancelled')
  )
$$;

-- bookings: status workflow and its timestamps (for every caller, seeds included)
create function private.bookings_status_workflow() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and not private.booking_transition_allowed(old.status, new.status) then
    raise exception 'booking % cannot go from % to %', old.confirmation_code, old.status, new.status
      using errcode = '23514';
  end if;
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    case new.status
      when 'confirmed' then new.confirmed_at := coalesce(new.confirmed_at, now());
      when 'in_progress' then new.started_at := coalesce(new.started_at, now());
      when 'completed' then new.completed_at := coalesce(new.completed_at, now());
      when 'cancelled' then
        new.cancelled_at := coalesce(new.cancelled_at, now());
        new.cancelled_by := coalesce(new.cancelled_by, private.current_user_id());
      when 'disputed' then new.disputed_at := coalesce(new.disputed_at, now());
      when 'refunded' then new.refunded_at := coalesce(new.refunded_at, now());
      else null;
    end case;
  end if;
  return new;
end
$$;

-- bookings (API callers): a booking starts pending on an active listing. Then who may change what: Customers cancel or dispute; providers
-- confirm, start, complete or cancel and keep provider notes; price, parties and code are
-- fixed except for staff with bookings.manage (who also refund and settle disputes).
create function private.guard_bookings() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_me uuid;
begin
  if not private.is_api_client() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    -- read as the caller: a listing the customer cannot see is not bookable either
    if not exists (select 1 from public.listings l
                    where l.id = new.listing_id and l.status = 'active' and l.deleted_at is null) then
      raise exception 'listing % is not bookable', new.listing_id using errcode = '23514';
    end if;
    if new.status <> 'pending' then
      raise exception 'a booking starts pending' using errcode = '42501';
    end if;
    return new;
  end if;
  if (new.tenant_id, new.listing_id, new.customer_id, new.provider_id, new.confirmation_code)
     is distinct from (old.tenant_id, old.listing_id, old.customer_id, old.provider_id, old.confirmation_code) then
    raise exception 'a booking''s parties, listing and code are fixed' using errcode = '42501';
  end if;
  if private.staff_can('bookings.manage', old.tenant_id) then
    return new;
  end if;
  if (new.subtotal_cents, new.platform_fee_cents, new.processing_fee_cents, new.tax_cents, new.total_cents, new.currency, new.cancellation_policy)
     is distinct from (old.subtotal_cents, old.platform_fee_cents, old.processing_fee_cents, old.tax_cents, old.total_cents, old.currency, old.cancellation_policy) then
    raise exception 'prices and policy change only with bookings.manage' using errcode = '42501';
  end if;
  v_me := private.current_user_id();
  if new.status is distinct from old.status then
    if v_me = old.customer_id and new.status not in ('cancelled', 'disputed') then
      raise exception 'a customer may only cancel or dispute a booking' using errcode = '42501';
    end if;
    if v_me = old.provider_id and new.status not in ('confirmed', 'in_progress', 'completed', 'cancelled') then
      raise exception 'a provider may only confirm, start, complete or cancel a booking' using errcode = '42501';
    end if;
  end if;
  if v_me = old.customer_id and new.provider_notes is distinct from old.provider_notes then
    raise exception 'provider notes belong to the provider' using errcode = '42501';
  end if;
  if v_me = old.provider_id and (new.customer_notes, new.scheduled_start, new.scheduled_end, new.service_address, new.service_location)
     is distinct from (old.customer_notes, old.scheduled_start, old.scheduled_end, old.service_address, old.service_location) then
    raise exception 'the customer''s request is the customer''s to change' using errcode = '42501';
  end if;
  return new;
end
$$;

-- listings.booking_count = completed bookings
create function private.bookings_count_listing() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.listings l
     set booking_count = (select count(*) from public.bookings b
                           where b.listing_id = l.id and b.status = 'completed')
   where l.id in (new.listing_id, old.listing_id);
  return null;
end
$$;

-- Triggers -----------------------------------------------------------------------------
create trigger set_updated_at before update on public.provider_availability
  for each row execute function private.set_updated_at();
create trigger set_tenant before insert or update of provider_id on public.provider_availability
  for each row execute function private.set_tenant_from_user('provider_id');
create trigger set_updated_at before update on public.availability_overrides
  for each row execute function private.set_updated_at();
create trigger set_tenant before insert or update of provider_id on public.availability_overrides
  for each row execute function private.set_tenant_from_user('provider_id');

create trigger prepare_insert before insert on public.bookings
  for each row execute function private.bookings_prepare_insert();
create trigger guard_privileged_columns before insert or update on public.bookings
  for each row execute function private.guard_bookings();
create trigger status_workflow before insert or update of status on public.bookings
  for each row execute function private.bookings_status_workflow();
create trigger set_updated_at before update on public.bookings
  for each row execute function private.set_updated_at();
create trigger count_completed after insert or delete or update of status on public.bookings
  for each row execute function private.bookings_count_listing();
create trigger audit_changes after insert or update or delete on public.bookings
  for each row execute function private.audit_row_change();

-- Enable RLS ---------------------------------------------------------------------------
alter table public.provider_availability enable row level security;
alter table public.availability_overrides enable row level security;
alter table public.bookings enable row level security;

revoke all on all functions in schema private from public, anon;
grant execute on function private.booking_transition_allowed(public.booking_status, public.booking_status)
  to authenticated, service_role;

-- Policies -----------------------------------------------------------------------------
create policy "Anyone can read active availability" on public.provider_availability
  for select to anon
  using (is_active);
create policy "Signed-in users can read active availability" on public.provider_availability
  for select to authenticated
  using (is_active);
create policy "Providers can read their own availability" on public.provider_availability
  for select to authenticated
  using (provider_id = (select private.current_user_id()));
create policy "Staff with bookings.read can read availability of their tenant" on public.provider_availability
  for select to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('bookings.read'))::uuid[]));
create policy "Providers can add their own availability" on public.provider_availability
  for insert to authenticated
  with check (provider_id = (select private.current_user_id()) and (select private.current_user_role()) = 'provider');
create policy "Providers can update their own availability" on public.provider_availability
  for update to authenticated
  using (provider_id = (select private.current_user_id()))
  with check (provider_id = (select private.current_user_id()));
create policy "Providers can delete their own availability" on public.provider_availability
  for delete to authenticated
  using (provider_id = (select private.current_user_id()));

create policy "Providers can read their own overrides" on public.availability_overrides
  for select to authenticated
  using (provider_id = (select private.current_user_id()));
create policy "Staff with bookings.read can read overrides of their tenant" on public.availability_overrides
  for select to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('bookings.read'))::uuid[]));
create policy "Providers can add their own overrides" on public.availability_overrides
  for insert to authenticated
  with check (provider_id = (select private.current_user_id()) and (select private.current_user_role()) = 'provider');
create policy "Providers can update their own overrides" on public.availability_overrides
  for update to authenticated
  using (provider_id = (select private.current_user_id()))
  with check (provider_id = (select private.current_user_id()));
create policy "Providers can delete their own overrides" on public.availability_overrides
  for delete to authenticated
  using (provider_id = (select private.current_user_id()));

create policy "Customers and providers can read their bookings" on public.bookings
  for select to authenticated
  using (customer_id = (select private.current_user_id()) or provider_id = (select private.current_user_id()));
create policy "Staff with bookings.read can read bookings of their tenant" on public.bookings
  for select to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('bookings.read'))::uuid[]));
create policy "Customers can book for themselves" on public.bookings
  for insert to authenticated
  with check (customer_id = (select private.current_user_id()));
create policy "Customers and providers can update their bookings" on public.bookings
  for update to authenticated
  using (customer_id = (select private.current_user_id()) or provider_id = (select private.current_user_id()))
  with check (customer_id = (select private.current_user_id()) or provider_id = (select private.current_user_id()));
create policy "Staff with bookings.manage can update bookings of their tenant" on public.bookings
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('bookings.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('bookings.manage'))::uuid[]));

-- RPCs ---------------------------------------------------------------------------------

-- Staff status change (dispute resolution, refund, cancellation) in one transaction, with an
-- admin_action audit row carrying the reason
create function public.set_booking_status(booking_id uuid, new_status public.booking_status, reason text default null)
returns public.bookings
language plpgsql security definer
set search_path = ''
as $$
declare
  v_old public.bookings;
  v_new public.bookings;
begin
  select * into v_old from public.bookings b where b.id = set_booking_status.booking_id for update;
  if not found or not private.staff_can('bookings.manage', v_old.tenant_id) then
    raise exception 'booking not found or bookings.manage missing' using errcode = '42501';
  end if;
  update public.bookings b set
    status = new_status,
    cancellation_reason = case when new_status = 'cancelled' then coalesce(reason, b.cancellation_reason) else b.cancellation_reason end,
    dispute_reason = case when new_status = 'disputed' then coalesce(reason, b.dispute_reason) else b.dispute_reason end
  where b.id = v_old.id
  returning * into v_new;
  perform private.write_audit('admin_action', 'bookings', v_old.id::text,
    jsonb_build_object('status', v_old.status), jsonb_build_object('status', v_new.status),
    jsonb_build_object('rpc', 'set_booking_status', 'reason', reason), v_old.tenant_id);
  return v_new;
end
$$;
revoke all on function public.set_booking_status(uuid, public.booking_status, text) from public, anon;
grant execute on function public.set_booking_status(uuid, public.booking_status, text) to authenticated, service_role;
