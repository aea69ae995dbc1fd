-- Referrals: programs (campaigns), per-user codes, referrals and the rewards they earn.
-- A referral completes when the referred user's first booking completes (or when staff set
-- it to 'completed'); completion creates the rewards and counts a use of the code.

-- Enums -------------------------------------------------------------------------------
create type public.reward_type as enum ('credit', 'cash', 'discount');

-- Tables ------------------------------------------------------------------------------
create table public.referral_programs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null default private.current_tenant_id() references public.tenants (id),
  name text not null check (char_length(name) between 2 and 120),
  description text check (char_length(description) <= 2000),
  reward_type public.reward_type not null default 'credit',
  referrer_reward_cents bigint not null default 0 check (referrer_reward_cents >= 0),
  referee_reward_cents bigint not null default 0 check (referee_reward_cents >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  max_uses_per_code integer check (max_uses_per_code > 0),
  starts_at timestamptz not null default now(),
  ends_at timestamptz,
  is_active boolean not null default true,
  created_by uuid default private.current_user_id() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint referral_programs_window_check check (ends_at is null or ends_at > starts_at),
  constraint referral_programs_reward_check check (referrer_reward_cents + referee_reward_cents > 0),
  constraint referral_programs_name_key unique (tenant_id, name)
);

create table public.referral_codes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  program_id uuid not null references public.referral_programs (id) on delete restrict,
  user_id uuid not null references public.users (id) on delete cascade,
  code text not null unique check (code ~ '^[A-Z0-9]{4,32}$'),
  max_uses integer check (max_uses > 0),
  uses_count integer not null default 0 check (uses_count >= 0),
  expires_at timestamptz,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint referral_codes_uses_check check (max_uses is null or uses_count <= max_uses),
  constraint referral_codes_one_per_program unique (program_id, user_id)
);
comment on column public.referral_codes.uses_count is 'Completed referrals through this code (maintained by trigger).';

create table public.referrals (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  referral_code_id uuid not null references public.referral_codes (id) on delete restrict,
  referrer_id uuid not null references public.users (id) on delete cascade,
  referred_user_id uuid not null unique references public.users (id) on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'completed', 'expired', 'cancelled')),
  qualifying_booking_id uuid references public.bookings (id) on delete set null,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint referrals_not_self_check check (referrer_id <> referred_user_id),
  constraint referrals_completed_at_check check ((status = 'completed') = (completed_at is not null))
);
comment on column public.referrals.referrer_id is 'Copied from the referral code''s owner by trigger.';

create table public.referral_rewards (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  referral_id uuid not null references public.referrals (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  recipient text not null check (recipient in ('referrer', 'referee')),
  reward_type public.reward_type not null,
  amount_cents bigint not null check (amount_cents > 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  status text not null default 'pending' check (status in ('pending', 'issued', 'paid', 'void')),
  issued_at timestamptz,
  paid_at timestamptz,
  transaction_id uuid references public.transactions (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint referral_rewards_once unique (referral_id, recipient),
  constraint referral_rewards_issued_check check (status not in ('issued', 'paid') or issued_at is not null),
  constraint referral_rewards_paid_check check (status <> 'paid' or paid_at is not null)
);

-- Indexes -----------------------------------------------------------------------------
create index referral_programs_tenant_id_idx on public.referral_programs (tenant_id, created_at desc);
create index referral_programs_created_by_idx on public.referral_programs (created_by);
create index referral_programs_active_idx on public.referral_programs (tenant_id, starts_at) where is_active;

create index referral_codes_tenant_id_idx on public.referral_codes (tenant_id);
create index referral_codes_program_id_idx on public.referral_codes (program_id);
create index referral_codes_user_id_idx on public.referral_codes (user_id);

create index referrals_tenant_id_idx on public.referrals (tenant_id, created_at desc);
create index referrals_referral_code_id_idx on public.referrals (referral_code_id);
create index referrals_referrer_id_idx on public.referrals (referrer_id, created_at desc);
create index referrals_qualifying_booking_id_idx on public.referrals (qualifying_booking_id);
create index referrals_status_idx on public.referrals (status, created_at desc);
create index referrals_pending_idx on public.referrals (referred_user_id) where status = 'pending';

create index referral_rewards_tenant_id_idx on public.referral_rewards (tenant_id, created_at desc);
create index referral_rewards_referral_id_idx on public.referral_rewards (referral_id);
create index referral_rewards_user_id_idx on public.referral_rewards (user_id, created_at desc);
create index referral_rewards_transaction_id_idx on public.referral_rewards (transaction_id);
create index referral_rewards_unpaid_idx on public.referral_rewards (tenant_id, created_at) where status in ('pending', 'issued');

-- Grants ------------------------------------------------------------------------------
revoke all on table public.referral_programs, public.referral_codes, public.referrals, public.referral_rewards
  from anon, authenticated;
grant select, insert, update, delete on table public.referral_programs to authenticated;
grant select, update on table public.referral_codes to authenticated;
grant insert (program_id, user_id, code) on table public.referral_codes to authenticated;
grant select, update on table public.referrals to authenticated;
grant insert (referral_code_id, referred_user_id) on table public.referrals to authenticated;
grant select, update on table public.referral_rewards to authenticated;
grant all on table public.referral_programs, public.referral_codes, public.referrals, public.referral_rewards
  to service_role;

-- Triggers ----------------------------------------------------------------------------
create trigger set_tenant before insert or update of user_id, tenant_id on public.referral_codes
  for each row execute function private.set_tenant_from_user('user_id');
create trigger set_tenant before insert or update of referred_user_id, tenant_id on public.referrals
  for each row execute function private.set_tenant_from_user('referred_user_id');
create trigger set_tenant before insert or update of user_id, tenant_id on public.referral_rewards
  for each row execute function private.set_tenant_from_user('user_id');

create trigger set_updated_at before update on public.referral_programs
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.referral_codes
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.referrals
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.referral_rewards
  for each row execute function private.set_updated_at();

-- referral_codes: the program is the owner's tenant's; max_uses defaults to the program's
-- limit; the code is upper-cased
create function private.referral_codes_defaults()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_program_tenant uuid;
begin
  select p.tenant_id into v_program_tenant from public.referral_programs p where p.id = new.program_id;
  if v_program_tenant is distinct from private.tenant_of_user(new.user_id) then
    raise exception 'referral program % belongs to another tenant', new.program_id using errcode = '42501';
  end if;
  new.code := upper(new.code);
  if new.max_uses is null then
    select p.max_uses_per_code into new.max_uses from public.referral_programs p where p.id = new.program_id;
  end if;
  return new;
end;
$$;
revoke all on function private.referral_codes_defaults() from public, anon, authenticated;
create trigger defaults before insert on public.referral_codes
  for each row execute function private.referral_codes_defaults();

-- referrals: the referrer is the code's owner; the code is the referred user's tenant's and
-- usable when the referral is made; completed is final
create function private.referrals_prepare()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_code public.referral_codes;
  v_program public.referral_programs;
begin
  select * into v_code from public.referral_codes where id = new.referral_code_id;
  if v_code.id is null then
    return new; -- the foreign key reports it
  end if;
  select * into v_program from public.referral_programs where id = v_code.program_id;
  if v_code.tenant_id is distinct from private.tenant_of_user(new.referred_user_id) then
    raise exception 'referral code % belongs to another tenant', v_code.code using errcode = '42501';
  end if;
  new.referrer_id := v_code.user_id;
  if tg_op = 'INSERT' then
    if not v_code.is_active or not v_program.is_active
       or (v_code.expires_at is not null and v_code.expires_at <= now())
       or v_program.starts_at > now()
       or (v_program.ends_at is not null and v_program.ends_at <= now()) then
      raise exception 'referral code % is not active', v_code.code using errcode = 'P0001';
    end if;
    if v_code.max_uses is not null and v_code.uses_count >= v_code.max_uses then
      raise exception 'referral code % has reached its maximum of % uses', v_code.code, v_code.max_uses
        using errcode = 'P0001';
    end if;
  end if;
  if new.status = 'completed' and new.completed_at is null then
    new.completed_at := now();
  elsif new.status <> 'completed' then
    new.completed_at := null;
  end if;
  if tg_op = 'UPDATE' and old.status = 'completed' and new.status <> 'completed' then
    raise exception 'a completed referral cannot go back to %', new.status using errcode = 'P0001';
  end if;
  return new;
end;
$$;
revoke all on function private.referrals_prepare() from public, anon, authenticated;
create trigger prepare before insert or update on public.referrals
  for each row execute function private.referrals_prepare();

-- referrals: completion creates both rewards and counts one use of the code
create function private.referrals_complete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_code public.referral_codes;
  v_program public.referral_programs;
begin
  select * into v_code from public.referral_codes where id = new.referral_code_id for update;
  select * into v_program from public.referral_programs where id = v_code.program_id;
  if v_code.max_uses is not null and v_code.uses_count >= v_code.max_uses then
    raise exception 'referral code % has reached its maximum of % uses', v_code.code, v_code.max_uses
      using errcode = 'P0001';
  end if;
  update public.referral_codes set uses_count = uses_count + 1 where id = v_code.id;

  insert into public.referral_rewards (tenant_id, referral_id, user_id, recipient, reward_type, amount_cents, currency)
  select new.tenant_id, new.id, r.user_id, r.recipient, v_program.reward_type, r.amount, v_program.currency
    from (values (new.referrer_id, 'referrer', v_program.referrer_reward_cents),
                 (new.referred_user_id, 'referee', v_program.referee_reward_cents)) as r (user_id, recipient, amount)
   where r.amount > 0
  on conflict (referral_id, recipient) do nothing;
  return null;
end;
$$;
revoke all on function private.referrals_complete() from public, anon, authenticated;
create trigger complete_on_insert after insert on public.referrals
  for each row when (new.status = 'completed') execute function private.referrals_complete();
create trigger complete_on_update after update of status on public.referrals
  for each row when (new.status = 'completed' and old.status <> 'completed')
  execute function private.referrals_complete();

-- referral_rewards: issue and payment dates follow the status
create function private.referral_rewards_stamp_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status in ('issued', 'paid') and new.issued_at is null then
    new.issued_at := now();
  end if;
  if new.status = 'paid' and new.paid_at is null then
    new.paid_at := now();
  end if;
  return new;
end;
$$;
revoke all on function private.referral_rewards_stamp_status() from public, anon, authenticated;
create trigger stamp_status before insert or update of status on public.referral_rewards
  for each row execute function private.referral_rewards_stamp_status();

-- bookings (scheduling): the referred customer's first completed booking completes their referral
create function private.bookings_complete_referral()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.referrals
     set status = 'completed', qualifying_booking_id = new.id
   where referred_user_id = new.customer_id
     and status = 'pending';
  return null;
end;
$$;
revoke all on function private.bookings_complete_referral() from public, anon, authenticated;
create trigger complete_referral after update of status on public.bookings
  for each row when (new.status = 'completed' and old.status is distinct from 'completed')
  execute function private.bookings_complete_referral();
create trigger complete_referral_on_insert after insert on public.bookings
  for each row when (new.status = 'completed')
  execute function private.bookings_complete_referral();

create trigger audit_changes after insert or update or delete on public.referral_rewards
  for each row execute function private.audit_row_change();

-- Enable RLS --------------------------------------------------------------------------
alter table public.referral_programs enable row level security;
alter table public.referral_codes enable row level security;
alter table public.referrals enable row level security;
alter table public.referral_rewards enable row level security;

-- Helper predicates -------------------------------------------------------------------
-- (staff: tenant_id = any ((select private.staff_tenant_ids('<permission>'))::uuid[]) — one init plan per query)

-- Policies ----------------------------------------------------------------------------
create policy "Users can read running referral programs of their tenant" on public.referral_programs
  for select to authenticated using (
    tenant_id = (select private.current_tenant_id()) and is_active
    and starts_at <= now() and (ends_at is null or ends_at > now()));
create policy "Staff with referrals.manage can read referral programs of their tenant" on public.referral_programs
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]));
create policy "Staff with referrals.manage can create referral programs for their tenant" on public.referral_programs
  for insert to authenticated with check (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]));
create policy "Staff with referrals.manage can update referral programs of their tenant" on public.referral_programs
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]));
create policy "Staff with referrals.manage can delete referral programs of their tenant" on public.referral_programs
  for delete to authenticated using (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]));

create policy "Users can read their own referral codes" on public.referral_codes
  for select to authenticated using (user_id = (select private.current_user_id()));
create policy "Users can create their own referral codes" on public.referral_codes
  for insert to authenticated with check (user_id = (select private.current_user_id()));
create policy "Staff with referrals.manage can read referral codes of their tenant" on public.referral_codes
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]));
create policy "Staff with referrals.manage can update referral codes of their tenant" on public.referral_codes
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]));

create policy "Users can read referrals they made or received" on public.referrals
  for select to authenticated using (
    (select private.current_user_id()) in (referrer_id, referred_user_id));
create policy "Users can record that they were referred" on public.referrals
  for insert to authenticated with check (referred_user_id = (select private.current_user_id()));
create policy "Staff with referrals.manage can read referrals of their tenant" on public.referrals
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]));
create policy "Staff with referrals.manage can update referrals of their tenant" on public.referrals
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]));

create policy "Users can read their own referral rewards" on public.referral_rewards
  for select to authenticated using (user_id = (select private.current_user_id()));
create policy "Staff with referrals.manage can read referral rewards of their tenant" on public.referral_rewards
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]));
create policy "Staff with referrals.manage can update referral rewards of their tenant" on public.referral_rewards
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('referrals.manage'))::uuid[]));

-- RPCs --------------------------------------------------------------------------------
-- (none: completion is a trigger; staff change referrals and rewards under RLS, audited)
