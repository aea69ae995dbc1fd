-- Billing: subscriptions, payment methods, transactions, invoices with line items, metered
-- usage, and provider payouts with the transactions they settle (finance reconciles them).
-- Money is integer minor units (`*_cents bigint`) with an ISO 4217 `currency`.
-- Also defines `private.set_tenant_from_parent()`, used by the later S2 files too.

-- Enums -------------------------------------------------------------------------------
create type public.subscription_status as enum (
  'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired'
);
create type public.payment_status as enum (
  'pending', 'processing', 'completed', 'failed', 'cancelled', 'refunded'
);
create type public.transaction_type as enum (
  'payment', 'payout', 'fee', 'refund', 'bonus', 'referral'
);

-- Tables ------------------------------------------------------------------------------
create table public.subscriptions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  user_id uuid not null references public.users (id) on delete restrict,
  plan text not null check (plan in ('free', 'basic', 'pro', 'business', 'enterprise')),
  status public.subscription_status not null default 'incomplete',
  billing_interval text not null default 'month' check (billing_interval in ('month', 'year')),
  amount_cents bigint not null default 0 check (amount_cents >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  current_period_start timestamptz not null,
  current_period_end timestamptz not null,
  trial_ends_at timestamptz,
  cancel_at_period_end boolean not null default false,
  canceled_at timestamptz,
  stripe_subscription_id text unique,
  stripe_customer_id text,
  stripe_price_id text,
  metadata jsonb not null default '{}' check (jsonb_typeof(metadata) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint subscriptions_period_check check (current_period_end > current_period_start),
  constraint subscriptions_canceled_at_check check (status <> 'canceled' or canceled_at is not null)
);
comment on table public.subscriptions is 'A user''s subscription plan, mirrored from Stripe.';

create table public.payment_methods (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  user_id uuid not null references public.users (id) on delete cascade,
  type text not null default 'card' check (type in ('card', 'bank_account', 'sepa_debit', 'paypal')),
  brand text check (brand is null or brand in ('visa', 'mastercard', 'amex', 'discover', 'diners', 'jcb', 'unionpay', 'other')),
  last4 char(4) check (last4 ~ '^[0-9]{4}$'),
  exp_month smallint check (exp_month between 1 and 12),
  exp_year smallint check (exp_year between 2000 and 2100),
  is_default boolean not null default false,
  stripe_payment_method_id text unique,
  billing_details jsonb not null default '{}' check (jsonb_typeof(billing_details) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payment_methods_card_fields_check check (
    type <> 'card' or (brand is not null and last4 is not null and exp_month is not null and exp_year is not null)
  )
);
comment on table public.payment_methods is 'Tokenised payment methods (Stripe); never a card number, only brand, last4 and expiry.';

create table public.invoices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  user_id uuid not null references public.users (id) on delete restrict,
  subscription_id uuid references public.subscriptions (id) on delete set null,
  booking_id uuid references public.bookings (id) on delete set null,
  number text not null unique check (number ~ '^[A-Z0-9][A-Z0-9-]{2,39}$'),
  status text not null default 'draft' check (status in ('draft', 'open', 'paid', 'void', 'uncollectible')),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  subtotal_cents bigint not null default 0 check (subtotal_cents >= 0),
  tax_cents bigint not null default 0 check (tax_cents >= 0),
  total_cents bigint not null default 0 check (total_cents >= 0),
  issued_at timestamptz not null default now(),
  due_at timestamptz not null default (now() + interval '30 days'),
  paid_at timestamptz,
  voided_at timestamptz,
  stripe_invoice_id text unique,
  notes text check (char_length(notes) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint invoices_due_after_issue_check check (due_at >= issued_at),
  constraint invoices_total_check check (total_cents = subtotal_cents + tax_cents),
  constraint invoices_paid_at_check check (status <> 'paid' or paid_at is not null),
  constraint invoices_voided_at_check check (status <> 'void' or voided_at is not null)
);
comment on table public.invoices is 'Invoices; subtotal_cents, tax_cents and total_cents are maintained from invoice_items by trigger.';

create table public.invoice_items (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  invoice_id uuid not null references public.invoices (id) on delete cascade,
  description text not null check (char_length(description) between 1 and 500),
  quantity integer not null default 1 check (quantity > 0),
  unit_amount_cents bigint not null check (unit_amount_cents >= 0),
  amount_cents bigint generated always as (quantity * unit_amount_cents) stored,
  tax_rate_bps integer not null default 0 check (tax_rate_bps between 0 and 10000),
  tax_cents bigint generated always as (round((quantity * unit_amount_cents) * tax_rate_bps / 10000.0)::bigint) stored,
  period_start timestamptz,
  period_end timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint invoice_items_period_check check (period_end is null or period_start is null or period_end > period_start)
);
comment on column public.invoice_items.amount_cents is 'quantity × unit_amount_cents (generated).';

create table public.payouts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  user_id uuid not null references public.users (id) on delete restrict,
  provider text not null default 'stripe' check (provider in ('stripe', 'paypal', 'bank_transfer')),
  amount_cents bigint not null check (amount_cents > 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  status text not null default 'pending' check (status in ('pending', 'in_transit', 'paid', 'failed', 'canceled')),
  stripe_payout_id text unique,
  period_start timestamptz not null,
  period_end timestamptz not null,
  arrival_date date,
  failure_reason text,
  expected_amount_cents bigint not null default 0,
  transaction_count integer not null default 0 check (transaction_count >= 0),
  reconciliation_status text not null default 'unreconciled'
    check (reconciliation_status in ('unreconciled', 'reconciled', 'mismatch')),
  reconciled_at timestamptz,
  reconciled_by uuid references public.users (id) on delete set null,
  mismatch_cents bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payouts_period_check check (period_end > period_start),
  constraint payouts_reconciled_check check (
    (reconciliation_status = 'unreconciled') = (reconciled_at is null)
  ),
  constraint payouts_mismatch_check check (
    (reconciliation_status = 'mismatch') = (mismatch_cents is not null and mismatch_cents <> 0)
  ),
  constraint payouts_failure_reason_check check (status <> 'failed' or failure_reason is not null)
);
comment on table public.payouts is 'Provider payouts. expected_amount_cents/transaction_count are maintained from payout_transactions; reconcile_payout() compares them with amount_cents.';

create table public.transactions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  user_id uuid not null references public.users (id) on delete restrict,
  booking_id uuid references public.bookings (id) on delete set null,
  subscription_id uuid references public.subscriptions (id) on delete set null,
  invoice_id uuid references public.invoices (id) on delete set null,
  payment_method_id uuid references public.payment_methods (id) on delete set null,
  payout_id uuid references public.payouts (id) on delete set null,
  refunded_transaction_id uuid references public.transactions (id) on delete restrict,
  type public.transaction_type not null,
  status public.payment_status not null default 'pending',
  amount_cents bigint not null check (amount_cents > 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  platform_fee_cents bigint not null default 0 check (platform_fee_cents >= 0),
  processing_fee_cents bigint not null default 0 check (processing_fee_cents >= 0),
  tax_cents bigint not null default 0 check (tax_cents >= 0),
  net_amount_cents bigint generated always as (amount_cents - platform_fee_cents - processing_fee_cents) stored,
  stripe_payment_intent_id text unique,
  stripe_charge_id text,
  stripe_transfer_id text,
  stripe_refund_id text unique,
  description text,
  failure_reason text,
  processed_at timestamptz,
  metadata jsonb not null default '{}' check (jsonb_typeof(metadata) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint transactions_fees_check check (platform_fee_cents + processing_fee_cents <= amount_cents),
  constraint transactions_refund_link_check check ((type = 'refund') = (refunded_transaction_id is not null)),
  constraint transactions_payout_link_check check (payout_id is null or type = 'payout'),
  constraint transactions_failure_reason_check check (status <> 'failed' or failure_reason is not null)
);
comment on table public.transactions is 'Every money movement. Amounts are positive; a refund is type refund pointing at the payment it refunds.';
comment on column public.transactions.payout_id is 'For type payout: the payout this transaction records. Settled transactions are linked in payout_transactions.';

create table public.payout_transactions (
  payout_id uuid not null references public.payouts (id) on delete cascade,
  transaction_id uuid not null references public.transactions (id) on delete restrict,
  tenant_id uuid not null references public.tenants (id),
  amount_cents bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (payout_id, transaction_id),
  constraint payout_transactions_settles_once unique (transaction_id)
);
comment on table public.payout_transactions is 'Which transactions a payout settles (each at most once). amount_cents is the signed contribution, set by trigger.';

create table public.usage_logs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  subscription_id uuid not null references public.subscriptions (id) on delete cascade,
  user_id uuid references public.users (id) on delete cascade,
  metric text not null check (metric ~ '^[a-z][a-z0-9_.]{1,63}$'),
  quantity bigint not null check (quantity > 0),
  recorded_at timestamptz not null default now(),
  idempotency_key text unique,
  metadata jsonb not null default '{}' check (jsonb_typeof(metadata) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.usage_logs is 'Metered usage per subscription; user_id and tenant_id are copied from the subscription.';

-- The finance view of a payout: what arrived vs what its linked transactions add up to.
create view public.payout_reconciliation with (security_invoker = true) as
select
  p.id as payout_id,
  p.tenant_id,
  p.user_id,
  p.status,
  p.currency,
  p.amount_cents,
  p.expected_amount_cents,
  p.amount_cents - p.expected_amount_cents as difference_cents,
  p.transaction_count,
  p.reconciliation_status,
  p.reconciled_at,
  p.reconciled_by,
  p.mismatch_cents,
  p.period_start,
  p.period_end,
  p.arrival_date
from public.payouts p;

-- Indexes -----------------------------------------------------------------------------
create index subscriptions_tenant_id_idx on public.subscriptions (tenant_id, created_at desc);
create index subscriptions_user_id_idx on public.subscriptions (user_id);
create index subscriptions_status_idx on public.subscriptions (status, current_period_end);
create index subscriptions_active_idx on public.subscriptions (tenant_id, plan)
  where status in ('trialing', 'active', 'past_due');

create index payment_methods_tenant_id_idx on public.payment_methods (tenant_id);
create index payment_methods_user_id_idx on public.payment_methods (user_id);
create unique index payment_methods_one_default_per_user on public.payment_methods (user_id) where is_default;

create index invoices_tenant_id_idx on public.invoices (tenant_id, created_at desc);
create index invoices_user_id_idx on public.invoices (user_id, issued_at desc);
create index invoices_subscription_id_idx on public.invoices (subscription_id);
create index invoices_booking_id_idx on public.invoices (booking_id);
create index invoices_status_idx on public.invoices (status, due_at);
create index invoices_open_due_idx on public.invoices (tenant_id, due_at) where status = 'open';

create index invoice_items_tenant_id_idx on public.invoice_items (tenant_id);
create index invoice_items_invoice_id_idx on public.invoice_items (invoice_id);

create index payouts_tenant_id_idx on public.payouts (tenant_id, created_at desc);
create index payouts_user_id_idx on public.payouts (user_id, created_at desc);
create index payouts_reconciled_by_idx on public.payouts (reconciled_by);
create index payouts_status_idx on public.payouts (status, arrival_date);
create index payouts_unreconciled_idx on public.payouts (tenant_id, arrival_date)
  where reconciliation_status <> 'reconciled';

create index transactions_tenant_id_idx on public.transactions (tenant_id, created_at desc);
create index transactions_user_id_idx on public.transactions (user_id, created_at desc);
create index transactions_booking_id_idx on public.transactions (booking_id);
create index transactions_subscription_id_idx on public.transactions (subscription_id);
create index transactions_invoice_id_idx on public.transactions (invoice_id);
create index transactions_payment_method_id_idx on public.transactions (payment_method_id);
create index transactions_payout_id_idx on public.transactions (payout_id);
create index transactions_refunded_transaction_id_idx on public.transactions (refunded_transaction_id);
create index transactions_status_idx on public.transactions (status, created_at desc);
create index transactions_type_idx on public.transactions (type, created_at desc);
create index transactions_pending_idx on public.transactions (tenant_id, created_at)
  where status in ('pending', 'processing');

create index payout_transactions_tenant_id_idx on public.payout_transactions (tenant_id);
-- (payout_id, …) is served by the primary key, transaction_id by the unique constraint

create index usage_logs_tenant_id_idx on public.usage_logs (tenant_id);
create index usage_logs_subscription_id_idx on public.usage_logs (subscription_id, metric, recorded_at desc);
create index usage_logs_user_id_idx on public.usage_logs (user_id);
create index usage_logs_recorded_at_idx on public.usage_logs using brin (recorded_at);

-- Grants ------------------------------------------------------------------------------
revoke all on table public.subscriptions, public.payment_methods, public.invoices, public.invoice_items,
  public.payouts, public.transactions, public.payout_transactions, public.usage_logs,
  public.payout_reconciliation
  from anon, authenticated;
grant select on table public.subscriptions, public.invoices, public.invoice_items, public.payouts,
  public.transactions, public.usage_logs, public.payout_reconciliation
  to authenticated;
grant select, delete on table public.payment_methods to authenticated;
grant update (is_default) on table public.payment_methods to authenticated;
grant select, insert, delete on table public.payout_transactions to authenticated;
grant all on table public.subscriptions, public.payment_methods, public.invoices, public.invoice_items,
  public.payouts, public.transactions, public.payout_transactions, public.usage_logs,
  public.payout_reconciliation
  to service_role;

-- Triggers ----------------------------------------------------------------------------
-- Shared by the S2 tables whose owner is not a user (items of an invoice, messages of a
-- conversation, deliveries of a webhook, …): tenant_id := the parent row's tenant, whatever
-- the client sent. TG_ARGV[0] = the parent id column, TG_ARGV[1] = the parent table in
-- public. Rows owned by a user use S1's private.set_tenant_from_user(column).
create function private.set_tenant_from_parent()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_parent_id uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
  v_tenant_id uuid;
begin
  if v_parent_id is not null then
    execute format('select tenant_id from public.%I where id = $1', tg_argv[1])
      into v_tenant_id using v_parent_id;
    if v_tenant_id is null then
      raise exception '% % does not exist', tg_argv[1], v_parent_id using errcode = '23503';
    end if;
    new := jsonb_populate_record(new, jsonb_build_object('tenant_id', v_tenant_id));
  end if;
  return new;
end;
$$;
revoke all on function private.set_tenant_from_parent() from public, anon, authenticated;

create trigger set_tenant before insert or update of user_id, tenant_id on public.subscriptions
  for each row execute function private.set_tenant_from_user('user_id');
create trigger set_tenant before insert or update of user_id, tenant_id on public.payment_methods
  for each row execute function private.set_tenant_from_user('user_id');
create trigger set_tenant before insert or update of user_id, tenant_id on public.invoices
  for each row execute function private.set_tenant_from_user('user_id');
create trigger set_tenant before insert or update of invoice_id, tenant_id on public.invoice_items
  for each row execute function private.set_tenant_from_parent('invoice_id', 'invoices');
create trigger set_tenant before insert or update of user_id, tenant_id on public.payouts
  for each row execute function private.set_tenant_from_user('user_id');
create trigger set_tenant before insert or update of user_id, tenant_id on public.transactions
  for each row execute function private.set_tenant_from_user('user_id');

create trigger set_updated_at before update on public.subscriptions
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.payment_methods
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.invoices
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.invoice_items
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.payouts
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.transactions
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.payout_transactions
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.usage_logs
  for each row execute function private.set_updated_at();

-- payment_methods: making one method the default clears the user's previous default
-- (before the new row is written, so the partial unique index never sees two).
create function private.payment_methods_single_default()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.is_default then
    update public.payment_methods
       set is_default = false
     where user_id = new.user_id and is_default and id <> new.id;
  end if;
  return new;
end;
$$;
revoke all on function private.payment_methods_single_default() from public, anon, authenticated;
create trigger single_default before insert or update of is_default on public.payment_methods
  for each row when (new.is_default) execute function private.payment_methods_single_default();

-- invoices: a number when none is given (INV-YYYYMM-000001)
create sequence private.invoice_number_seq;
create function private.invoices_assign_number()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.number := 'INV-' || to_char(new.issued_at at time zone 'UTC', 'YYYYMM') || '-'
    || lpad(nextval('private.invoice_number_seq')::text, 6, '0');
  return new;
end;
$$;
revoke all on function private.invoices_assign_number() from public, anon, authenticated;
create trigger assign_number before insert on public.invoices
  for each row when (new.number is null) execute function private.invoices_assign_number();

-- invoices: status dates follow the status
create function private.invoices_stamp_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'paid' and new.paid_at is null then
    new.paid_at := now();
  elsif new.status = 'void' and new.voided_at is null then
    new.voided_at := now();
  end if;
  if tg_op = 'UPDATE' and old.status in ('paid', 'void') and new.status is distinct from old.status then
    raise exception 'invoice % is %, its status can no longer change', old.number, old.status
      using errcode = 'P0001';
  end if;
  return new;
end;
$$;
revoke all on function private.invoices_stamp_status() from public, anon, authenticated;
create trigger stamp_status before insert or update of status on public.invoices
  for each row execute function private.invoices_stamp_status();

-- invoice_items: items of a paid or void invoice are frozen; every change re-totals the invoice
create function private.invoice_items_guard()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_status text;
  v_number text;
begin
  select i.status, i.number into v_status, v_number
    from public.invoices i where i.id = coalesce(new.invoice_id, old.invoice_id);
  if v_status in ('paid', 'void') then
    raise exception 'invoice % is %, its items can no longer change', v_number, v_status
      using errcode = 'P0001';
  end if;
  if tg_op = 'UPDATE' and new.invoice_id is distinct from old.invoice_id then
    select i.status, i.number into v_status, v_number from public.invoices i where i.id = old.invoice_id;
    if v_status in ('paid', 'void') then
      raise exception 'invoice % is %, its items can no longer change', v_number, v_status
        using errcode = 'P0001';
    end if;
  end if;
  return coalesce(new, old);
end;
$$;
revoke all on function private.invoice_items_guard() from public, anon, authenticated;
create trigger guard before insert or update or delete on public.invoice_items
  for each row execute function private.invoice_items_guard();

create function private.invoices_recompute_totals(p_invoice_id uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.invoices i
     set subtotal_cents = t.subtotal,
         tax_cents = t.tax,
         total_cents = t.subtotal + t.tax
    from (
      select coalesce(sum(ii.amount_cents), 0)::bigint as subtotal,
             coalesce(sum(ii.tax_cents), 0)::bigint as tax
        from public.invoice_items ii
       where ii.invoice_id = p_invoice_id
    ) t
   where i.id = p_invoice_id
     and (i.subtotal_cents, i.tax_cents, i.total_cents) is distinct from (t.subtotal, t.tax, t.subtotal + t.tax);
$$;
revoke all on function private.invoices_recompute_totals(uuid) from public, anon, authenticated;

create function private.invoice_items_retotal()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.invoices_recompute_totals(old.invoice_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.invoice_id is distinct from old.invoice_id) then
    perform private.invoices_recompute_totals(new.invoice_id);
  end if;
  return null;
end;
$$;
revoke all on function private.invoice_items_retotal() from public, anon, authenticated;
create trigger retotal_invoice after insert or update or delete on public.invoice_items
  for each row execute function private.invoice_items_retotal();

-- transactions: status workflow (no way back from a final state), processed_at stamp,
-- refunds never exceed what they refund, and a fully refunded payment becomes 'refunded'.
create function private.transactions_check_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.status is distinct from old.status then
    if not (
      (old.status = 'pending' and new.status in ('processing', 'completed', 'failed', 'cancelled'))
      or (old.status = 'processing' and new.status in ('completed', 'failed', 'cancelled'))
      or (old.status = 'completed' and new.status = 'refunded')
    ) then
      raise exception 'transaction status cannot change from % to %', old.status, new.status
        using errcode = 'P0001';
    end if;
  end if;
  if new.status = 'completed' and new.processed_at is null then
    new.processed_at := now();
  end if;
  return new;
end;
$$;
revoke all on function private.transactions_check_status() from public, anon, authenticated;
create trigger check_status before insert or update of status on public.transactions
  for each row execute function private.transactions_check_status();

create function private.transactions_check_refund()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_original public.transactions;
  v_refunded bigint;
begin
  select * into v_original from public.transactions where id = new.refunded_transaction_id for update;
  if v_original.id is null then
    return new; -- the foreign key reports it
  end if;
  if v_original.type <> 'payment' then
    raise exception 'only payments can be refunded (transaction % is a %)', v_original.id, v_original.type
      using errcode = '22023';
  end if;
  if new.currency <> v_original.currency or new.user_id <> v_original.user_id then
    raise exception 'a refund must be in the currency and to the user of the payment it refunds'
      using errcode = '22023';
  end if;
  select coalesce(sum(amount_cents), 0) into v_refunded
    from public.transactions
   where refunded_transaction_id = v_original.id
     and status not in ('failed', 'cancelled')
     and id <> new.id;
  if v_refunded + new.amount_cents > v_original.amount_cents then
    raise exception 'refunds of % would total % cents, more than its % cents',
      v_original.id, v_refunded + new.amount_cents, v_original.amount_cents
      using errcode = '22023';
  end if;
  return new;
end;
$$;
revoke all on function private.transactions_check_refund() from public, anon, authenticated;
create trigger check_refund before insert or update of amount_cents, refunded_transaction_id, status
  on public.transactions
  for each row when (new.type = 'refund') execute function private.transactions_check_refund();

create function private.transactions_mark_refunded()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.transactions p
     set status = 'refunded'
   where p.id = new.refunded_transaction_id
     and p.status = 'completed'
     and p.amount_cents <= (
       select coalesce(sum(r.amount_cents), 0) from public.transactions r
        where r.refunded_transaction_id = p.id and r.status = 'completed');
  return null;
end;
$$;
revoke all on function private.transactions_mark_refunded() from public, anon, authenticated;
create trigger mark_refunded after insert or update of status on public.transactions
  for each row when (new.type = 'refund' and new.status = 'completed')
  execute function private.transactions_mark_refunded();

-- payout_transactions: what a linked transaction contributes to its payout, checked for
-- tenant, currency and state; the payout's expected total follows every change.
create function private.payout_contribution_cents(p_type public.transaction_type, p_amount_cents bigint, p_net_cents bigint)
returns bigint
language sql
immutable
set search_path = ''
as $$
  select case p_type
    when 'payment' then p_net_cents
    when 'bonus' then p_amount_cents
    when 'referral' then p_amount_cents
    when 'refund' then -p_amount_cents
    when 'fee' then -p_amount_cents
  end
$$;
revoke all on function private.payout_contribution_cents(public.transaction_type, bigint, bigint) from public, anon;
grant execute on function private.payout_contribution_cents(public.transaction_type, bigint, bigint) to authenticated, service_role;

create function private.payout_transactions_prepare()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_payout public.payouts;
  v_tx public.transactions;
begin
  select * into v_payout from public.payouts where id = new.payout_id;
  select * into v_tx from public.transactions where id = new.transaction_id;
  if v_payout.id is null or v_tx.id is null then
    return new; -- the foreign keys report it
  end if;
  if v_payout.reconciliation_status = 'reconciled' then
    raise exception 'payout % is reconciled; its transactions can no longer change', v_payout.id
      using errcode = 'P0001';
  end if;
  if v_tx.type = 'payout' then
    raise exception 'a payout transaction cannot be settled by a payout' using errcode = '22023';
  end if;
  if v_tx.status <> 'completed' then
    raise exception 'only completed transactions can be settled (transaction % is %)', v_tx.id, v_tx.status
      using errcode = '22023';
  end if;
  if v_tx.tenant_id <> v_payout.tenant_id or v_tx.currency <> v_payout.currency then
    raise exception 'transaction % does not match the payout''s tenant and currency', v_tx.id
      using errcode = '22023';
  end if;
  new.tenant_id := v_payout.tenant_id;
  new.amount_cents := private.payout_contribution_cents(v_tx.type, v_tx.amount_cents, v_tx.net_amount_cents);
  return new;
end;
$$;
revoke all on function private.payout_transactions_prepare() from public, anon, authenticated;
create trigger prepare before insert or update on public.payout_transactions
  for each row execute function private.payout_transactions_prepare();

create function private.payout_transactions_guard_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.payouts where id = old.payout_id and reconciliation_status = 'reconciled') then
    raise exception 'payout % is reconciled; its transactions can no longer change', old.payout_id
      using errcode = 'P0001';
  end if;
  return old;
end;
$$;
revoke all on function private.payout_transactions_guard_delete() from public, anon, authenticated;
create trigger guard_delete before delete on public.payout_transactions
  for each row execute function private.payout_transactions_guard_delete();

create function private.payouts_recompute_expected(p_payout_id uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.payouts p
     set expected_amount_cents = t.expected,
         transaction_count = t.n,
         -- a mismatch verdict is stale once the links change
         reconciliation_status = case when p.reconciliation_status = 'mismatch' then 'unreconciled' else p.reconciliation_status end,
         reconciled_at = case when p.reconciliation_status = 'mismatch' then null else p.reconciled_at end,
         reconciled_by = case when p.reconciliation_status = 'mismatch' then null else p.reconciled_by end,
         mismatch_cents = case when p.reconciliation_status = 'mismatch' then null else p.mismatch_cents end
    from (
      select coalesce(sum(pt.amount_cents), 0)::bigint as expected, count(*)::int as n
        from public.payout_transactions pt where pt.payout_id = p_payout_id
    ) t
   where p.id = p_payout_id;
$$;
revoke all on function private.payouts_recompute_expected(uuid) from public, anon, authenticated;

create function private.payout_transactions_retotal()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.payouts_recompute_expected(old.payout_id);
  end if;
  if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.payout_id is distinct from old.payout_id) then
    perform private.payouts_recompute_expected(new.payout_id);
  end if;
  return null;
end;
$$;
revoke all on function private.payout_transactions_retotal() from public, anon, authenticated;
create trigger retotal_payout after insert or update or delete on public.payout_transactions
  for each row execute function private.payout_transactions_retotal();

-- payouts: a reconciled payout's money is frozen; a mismatch verdict goes stale when the amount changes
create function private.payouts_guard_reconciled()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.reconciliation_status = 'reconciled'
     and new.reconciliation_status = 'reconciled'
     and (new.amount_cents, new.currency, new.expected_amount_cents)
         is distinct from (old.amount_cents, old.currency, old.expected_amount_cents) then
    raise exception 'payout % is reconciled; its amounts can no longer change', old.id
      using errcode = 'P0001';
  end if;
  if old.reconciliation_status = 'mismatch' and new.reconciliation_status = 'mismatch'
     and new.amount_cents is distinct from old.amount_cents then
    new.reconciliation_status := 'unreconciled';
    new.reconciled_at := null;
    new.reconciled_by := null;
    new.mismatch_cents := null;
  end if;
  return new;
end;
$$;
revoke all on function private.payouts_guard_reconciled() from public, anon, authenticated;
create trigger guard_reconciled before update on public.payouts
  for each row execute function private.payouts_guard_reconciled();

-- usage_logs: user and tenant come from the subscription
create function private.usage_logs_from_subscription()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select s.user_id, s.tenant_id into new.user_id, new.tenant_id
    from public.subscriptions s where s.id = new.subscription_id;
  return new;
end;
$$;
revoke all on function private.usage_logs_from_subscription() from public, anon, authenticated;
create trigger from_subscription before insert or update of subscription_id, user_id, tenant_id on public.usage_logs
  for each row execute function private.usage_logs_from_subscription();

-- audit trail for money
create trigger audit_changes after insert or update or delete on public.subscriptions
  for each row execute function private.audit_row_change();
create trigger audit_changes after insert or update or delete on public.payment_methods
  for each row execute function private.audit_row_change();
create trigger audit_changes after insert or update or delete on public.invoices
  for each row execute function private.audit_row_change();
create trigger audit_changes after insert or update or delete on public.transactions
  for each row execute function private.audit_row_change();
create trigger audit_changes after insert or update or delete on public.payouts
  for each row execute function private.audit_row_change();

-- Enable RLS --------------------------------------------------------------------------
alter table public.subscriptions enable row level security;
alter table public.payment_methods enable row level security;
alter table public.invoices enable row level security;
alter table public.invoice_items enable row level security;
alter table public.payouts enable row level security;
alter table public.transactions enable row level security;
alter table public.payout_transactions enable row level security;
alter table public.usage_logs enable row level security;

-- Helper predicates -------------------------------------------------------------------
-- Staff: tenant_id = any ((select private.staff_tenant_ids('<permission>'))::uuid[]), evaluated once per
-- query (init plan) and index-friendly; owners: (select private.current_user_id()).

-- Policies ----------------------------------------------------------------------------
create policy "Users can read their own subscriptions" on public.subscriptions
  for select to authenticated using (user_id = (select private.current_user_id()));
create policy "Staff with finance.read can read subscriptions of their tenant" on public.subscriptions
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));

create policy "Users can read their own payment methods" on public.payment_methods
  for select to authenticated using (user_id = (select private.current_user_id()));
create policy "Users can choose their own default payment method" on public.payment_methods
  for update to authenticated
  using (user_id = (select private.current_user_id()))
  with check (user_id = (select private.current_user_id()));
create policy "Users can remove their own payment methods" on public.payment_methods
  for delete to authenticated using (user_id = (select private.current_user_id()));
create policy "Staff with finance.read can read payment methods of their tenant" on public.payment_methods
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));

create policy "Users can read their own issued invoices" on public.invoices
  for select to authenticated using (user_id = (select private.current_user_id()) and status <> 'draft');
create policy "Staff with finance.read can read invoices of their tenant" on public.invoices
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));

create policy "Users can read the items of their own issued invoices" on public.invoice_items
  for select to authenticated using (
    exists (select 1 from public.invoices i
             where i.id = invoice_id and i.user_id = (select private.current_user_id()) and i.status <> 'draft'));
create policy "Staff with finance.read can read invoice items of their tenant" on public.invoice_items
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));

create policy "Providers can read their own payouts" on public.payouts
  for select to authenticated using (user_id = (select private.current_user_id()));
create policy "Staff with finance.read can read payouts of their tenant" on public.payouts
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));

create policy "Users can read their own transactions" on public.transactions
  for select to authenticated using (user_id = (select private.current_user_id()));
create policy "Staff with finance.read can read transactions of their tenant" on public.transactions
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));

create policy "Providers can read what their own payouts settle" on public.payout_transactions
  for select to authenticated using (
    exists (select 1 from public.payouts p
             where p.id = payout_id and p.user_id = (select private.current_user_id())));
create policy "Staff with finance.read can read payout settlements of their tenant" on public.payout_transactions
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));
create policy "Staff with finance.reconcile can link transactions to payouts of their tenant" on public.payout_transactions
  for insert to authenticated with check (
    -- tenant_id is the payout's (set by trigger before this check)
    tenant_id = any ((select private.staff_tenant_ids('finance.reconcile'))::uuid[]));
create policy "Staff with finance.reconcile can unlink transactions from payouts of their tenant" on public.payout_transactions
  for delete to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.reconcile'))::uuid[]));

create policy "Users can read their own usage" on public.usage_logs
  for select to authenticated using (user_id = (select private.current_user_id()));
create policy "Staff with finance.read can read usage of their tenant" on public.usage_logs
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('finance.read'))::uuid[]));

-- RPCs --------------------------------------------------------------------------------
-- Finance compares a payout with the transactions it settles: equal → reconciled,
-- otherwise the difference is recorded as a mismatch. One transaction, audited.
create function public.reconcile_payout(p_payout_id uuid)
returns public.payouts
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_payout public.payouts;
  v_before public.payouts;
  v_expected bigint;
  v_count integer;
  v_actor uuid := private.current_user_id();
begin
  if not private.has_permission('finance.reconcile') then
    raise exception 'permission denied: finance.reconcile is required to reconcile payouts'
      using errcode = '42501';
  end if;
  if p_payout_id is null then
    raise exception 'payout id is required' using errcode = '22023';
  end if;
  select * into v_payout from public.payouts where id = p_payout_id for update;
  if v_payout.id is null then
    raise exception 'payout % does not exist', p_payout_id using errcode = 'PT404';
  end if;
  if not private.staff_can('finance.reconcile', v_payout.tenant_id) then
    raise exception 'permission denied: payout % belongs to another tenant', p_payout_id
      using errcode = '42501';
  end if;
  if v_payout.reconciliation_status = 'reconciled' then
    raise exception 'payout % is already reconciled', p_payout_id using errcode = 'P0001';
  end if;
  if v_payout.status <> 'paid' then
    raise exception 'only paid payouts can be reconciled (payout % is %)', p_payout_id, v_payout.status
      using errcode = 'P0001';
  end if;

  v_before := v_payout;
  select coalesce(sum(amount_cents), 0), count(*) into v_expected, v_count
    from public.payout_transactions where payout_id = p_payout_id;

  update public.payouts
     set expected_amount_cents = v_expected,
         transaction_count = v_count,
         reconciliation_status = case when v_payout.amount_cents = v_expected then 'reconciled' else 'mismatch' end,
         mismatch_cents = nullif(v_payout.amount_cents - v_expected, 0),
         reconciled_at = now(),
         reconciled_by = v_actor
   where id = p_payout_id
  returning * into v_payout;

  -- the row change above is audited by audit_row_change; the staff action itself too
  perform private.write_audit('admin_action', 'payouts', p_payout_id::text,
    to_jsonb(v_before), to_jsonb(v_payout),
    jsonb_build_object('rpc', 'reconcile_payout',
                       'result', v_payout.reconciliation_status,
                       'expected_amount_cents', v_expected,
                       'amount_cents', v_payout.amount_cents,
                       'mismatch_cents', v_payout.mismatch_cents),
    v_payout.tenant_id);
  return v_payout;
end;
$$;
revoke all on function public.reconcile_payout(uuid) from public, anon, authenticated;
grant execute on function public.reconcile_payout(uuid) to authenticated, service_role;
