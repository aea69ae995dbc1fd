-- The moderation queue's model: one item per target (listing, review, user, message, booking)
-- whatever brought it there — a new listing awaiting approval, one or many content reports, a
-- disputed booking, a user waiting for verification. Items carry a priority score (reports
-- weighted by the reporter's track record, Discourse's formula, plus signals about the
-- target), an SLA due time from per-tenant targets, a claim lease, an assignee, a version for
-- optimistic concurrency, the decision, and a history of everything that happened to them.
-- Triggers on the targets and on content_reports create and reopen items; staff act on them
-- only through functions (claims here; decisions in a later migration).
--
-- Sections: tables, indexes, grants, scoring, SLA, item upkeep (triggers), backfill, claims,
-- RLS and policies.

-- Tables ----------------------------------------------------------------------------------

create table public.moderation_items (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  target_type text not null check (target_type in ('listing', 'review', 'user', 'message', 'booking')),
  target_id uuid not null,
  -- what brought it here first; reports join any item, whatever its queue
  queue text not null check (queue in ('listing_approval', 'content_reports', 'booking_disputes', 'user_verification')),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'ignored', 'escalated')),
  priority_score numeric(8, 2) not null default 0,
  open_report_count integer not null default 0 check (open_report_count >= 0),
  entered_queue_at timestamptz not null default now(),
  sla_due_at timestamptz not null,
  claimed_by uuid references public.users (id) on delete set null,
  claim_expires_at timestamptz,
  assignee_id uuid references public.users (id) on delete set null,
  version integer not null default 1 check (version > 0),
  decided_by uuid references public.users (id) on delete set null,
  decided_at timestamptz,
  decision_reason_code text check (char_length(decision_reason_code) <= 64),
  decision_note text check (char_length(decision_note) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint moderation_items_one_per_target unique (target_type, target_id),
  constraint moderation_items_claim_check check ((claimed_by is null) = (claim_expires_at is null)),
  constraint moderation_items_decision_check check (
    (status in ('approved', 'rejected', 'ignored')) = (decided_by is not null and decided_at is not null))
);
comment on table public.moderation_items is
  'One moderation queue item per target. Written only by triggers and the moderation functions.';
comment on column public.moderation_items.priority_score is
  'Open reports weighted by reporter track record (Discourse formula) plus target signals; higher first.';

create table public.moderation_item_events (
  id bigint generated always as identity primary key,
  item_id uuid not null references public.moderation_items (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id),
  target_type text not null,
  event text not null check (event in ('created', 'report_added', 'claimed', 'released', 'assigned',
                                       'decided', 'reopened', 'escalated')),
  actor_id uuid references public.users (id) on delete set null,
  details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
  created_at timestamptz not null default now()
);
comment on table public.moderation_item_events is 'History of a moderation item; append-only, written by the moderation functions and triggers.';

create table public.moderation_reason_templates (
  id uuid primary key default gen_random_uuid(),
  -- a super admin may name another tenant; everyone else writes in their own
  tenant_id uuid not null default private.current_tenant_id() references public.tenants (id),
  code text not null check (code ~ '^[a-z][a-z0-9_]{1,63}$'),
  label text not null check (char_length(label) between 1 and 120),
  target_types text[] not null default '{listing,review,user,message,booking}'
    check (target_types <@ array['listing', 'review', 'user', 'message', 'booking'] and cardinality(target_types) > 0),
  policy_url text check (policy_url ~ '^https://'),
  -- sent to the provider or author; tokens: {listing_title}, {review_excerpt}, {reason}, {tenant_name}
  message_template text check (char_length(message_template) <= 2000),
  active boolean not null default true,
  created_by uuid references public.users (id) on delete set null default private.current_user_id(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint moderation_reason_templates_code_key unique (tenant_id, code)
);

create table public.moderation_sla_targets (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null default private.current_tenant_id() references public.tenants (id),
  queue text not null check (queue in ('listing_approval', 'content_reports', 'booking_disputes', 'user_verification')),
  -- a content report reason this target is for (safety within an hour); null: the queue's default
  report_reason text check (report_reason in ('spam', 'fraud', 'harassment', 'inappropriate', 'misleading',
                                              'safety', 'intellectual_property', 'other')),
  due_within interval not null check (due_within > interval '0' and due_within <= interval '30 days'),
  created_by uuid references public.users (id) on delete set null default private.current_user_id(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint moderation_sla_targets_reason_only_for_reports check (report_reason is null or queue = 'content_reports')
);
create unique index moderation_sla_targets_key on public.moderation_sla_targets (tenant_id, queue, coalesce(report_reason, ''));

-- Indexes ---------------------------------------------------------------------------------

-- the queue pages: open items of a tenant by priority, by SLA, by age; per-queue tabs
create index moderation_items_open_priority_idx on public.moderation_items (tenant_id, priority_score desc, entered_queue_at)
  where status in ('pending', 'escalated');
create index moderation_items_open_sla_idx on public.moderation_items (tenant_id, sla_due_at)
  where status in ('pending', 'escalated');
create index moderation_items_tenant_queue_status_idx on public.moderation_items (tenant_id, queue, status, entered_queue_at desc);
-- the generic list: sorts and filters over every item of a tenant
create index moderation_items_tenant_entered_idx on public.moderation_items (tenant_id, entered_queue_at desc);
create index moderation_items_tenant_score_idx on public.moderation_items (tenant_id, priority_score desc);
create index moderation_items_tenant_sla_idx on public.moderation_items (tenant_id, sla_due_at);
create index moderation_items_tenant_status_idx on public.moderation_items (tenant_id, status, sla_due_at);
create index moderation_items_claimed_by_idx on public.moderation_items (claimed_by) where claimed_by is not null;
create index moderation_items_assignee_idx on public.moderation_items (assignee_id) where assignee_id is not null;
create index moderation_items_decided_by_idx on public.moderation_items (decided_by) where decided_by is not null;
create index moderation_item_events_item_idx on public.moderation_item_events (item_id, id);
create index moderation_item_events_tenant_idx on public.moderation_item_events (tenant_id, created_at desc);
create index moderation_item_events_actor_idx on public.moderation_item_events (actor_id) where actor_id is not null;
create index moderation_reason_templates_tenant_idx on public.moderation_reason_templates (tenant_id, label);
create index moderation_sla_targets_tenant_idx on public.moderation_sla_targets (tenant_id, queue);
create index moderation_reason_templates_created_by_idx on public.moderation_reason_templates (created_by);
create index moderation_sla_targets_created_by_idx on public.moderation_sla_targets (created_by);
-- the reporter's track record, asked for each new report
create index content_reports_reporter_status_idx on public.content_reports (reporter_id, status);

-- Grants ----------------------------------------------------------------------------------
-- Items and their history are read through RLS and written only by the functions and
-- triggers below; templates and SLA targets are staff configuration.
revoke all on table public.moderation_items, public.moderation_item_events from anon, authenticated;
grant select on table public.moderation_items, public.moderation_item_events to authenticated;
revoke all on table public.moderation_reason_templates, public.moderation_sla_targets from anon, authenticated;
grant select, delete on table public.moderation_reason_templates, public.moderation_sla_targets to authenticated;
grant insert (tenant_id, code, label, target_types, policy_url, message_template, active)
  on table public.moderation_reason_templates to authenticated;
grant update (label, target_types, policy_url, message_template, active) on table public.moderation_reason_templates to authenticated;
grant insert (tenant_id, queue, report_reason, due_within) on table public.moderation_sla_targets to authenticated;
grant update (due_within) on table public.moderation_sla_targets to authenticated;
grant all on table public.moderation_items, public.moderation_item_events, public.moderation_reason_templates,
  public.moderation_sla_targets to service_role;

create trigger set_updated_at before update on public.moderation_items
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.moderation_reason_templates
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.moderation_sla_targets
  for each row execute function private.set_updated_at();
create trigger audit_changes after insert or update or delete on public.moderation_reason_templates
  for each row execute function private.audit_row_change();
create trigger audit_changes after insert or update or delete on public.moderation_sla_targets
  for each row execute function private.audit_row_change();

-- Scoring ---------------------------------------------------------------------------------

-- Discourse's flagger accuracy bonus (reviewable_score.rb calc_user_accuracy_bonus): nothing
-- until more than 5 decided reports; then, around an axis of 70 % agreed, up to
-- ±log4(total) × 5. 18 of 20 agreed → 7.20; 6 of 20 → −6.17.
create function private.reporter_accuracy_bonus(p_agreed integer, p_decided integer)
returns numeric
language sql immutable
set search_path = ''
as $$
  select case
    when coalesce(p_decided, 0) <= 5 then 0::numeric
    when p_agreed::numeric / p_decided >= 0.7
      then round((p_agreed::numeric / p_decided - 0.7) / 0.3 * log(4::numeric, p_decided::numeric) * 5, 2)
    else round(-(0.7 - p_agreed::numeric / p_decided) / 0.7 * log(4::numeric, p_decided::numeric) * 5, 2)
  end
$$;

-- One report's weight: 1 + the reporter's trust (staff 5, verified 2, verified email 1, else 0,
-- in place of Discourse's trust levels) + accuracy bonus + the reason's bonus (safety 5, fraud
-- and harassment 3: what harms people first), floored at 0 like Discourse's calculate_score.
create function private.report_score(p_trust numeric, p_agreed integer, p_decided integer, p_reason text)
returns numeric
language sql immutable
set search_path = ''
as $$
  select greatest(0, 1 + coalesce(p_trust, 0) + private.reporter_accuracy_bonus(p_agreed, p_decided)
    + case p_reason when 'safety' then 5 when 'fraud' then 3 when 'harassment' then 3 else 0 end)::numeric(8, 2)
$$;

-- The reporter's trust and track record: reports resolved (agreed) against those dismissed as
-- no violation (disagreed); duplicates count for neither.
create function private.reporter_weight(p_reporter_id uuid, p_reason text)
returns numeric
language sql stable security definer
set search_path = ''
as $$
  select private.report_score(
    case when u.role in ('admin', 'super_admin') then 5
         when u.verification_status = 'verified' then 2
         when u.email_verified_at is not null then 1 else 0 end,
    (select count(*)::integer from public.content_reports r where r.reporter_id = u.id and r.status = 'resolved'),
    (select count(*)::integer from public.content_reports r
      where r.reporter_id = u.id
        and (r.status = 'resolved' or (r.status = 'dismissed' and r.resolution = 'no_violation'))),
    p_reason)
  from public.users u where u.id = p_reporter_id
$$;

-- Who stands behind a target (the listing's provider, the review's author, the user, the
-- message's sender, the booking's provider): signals and notifications are about them.
create function private.moderation_target_owner(p_target_type text, p_target_id uuid)
returns uuid
language sql stable security definer
set search_path = ''
as $$
  select case p_target_type
    when 'listing' then (select l.provider_id from public.listings l where l.id = p_target_id)
    when 'review' then (select r.reviewer_id from public.reviews r where r.id = p_target_id)
    when 'user' then p_target_id
    when 'message' then (select m.sender_id from public.messages m where m.id = p_target_id)
    when 'booking' then (select b.provider_id from public.bookings b where b.id = p_target_id)
  end
$$;

-- The item's score: its open reports' weights, plus a base per queue (a dispute waits on
-- money, a new listing on nobody), plus signals about the owner: a provider account younger
-- than 30 days +3, each earlier rejected or flagged listing of theirs +2 (at most 6).
create function private.moderation_item_score(p_item public.moderation_items)
returns numeric
language sql stable security definer
set search_path = ''
as $$
  with owner as (
    select u.id, u.created_at from public.users u
     where u.id = private.moderation_target_owner(p_item.target_type, p_item.target_id)
  )
  select least(999999, (
      coalesce((select sum(private.reporter_weight(r.reporter_id, r.reason)) from public.content_reports r
                 where r.target_type = p_item.target_type and r.target_id = p_item.target_id
                   and r.status in ('open', 'in_review')), 0)
    + case p_item.queue when 'booking_disputes' then 5 when 'listing_approval' then 1
                        when 'user_verification' then 1 else 0 end
    + coalesce((select 3 from owner where owner.created_at > now() - interval '30 days'), 0)
    + coalesce((select least(6, 2 * count(*)) from public.listings l, owner
                 where l.provider_id = owner.id and l.moderation_status in ('rejected', 'flagged')
                   and not (p_item.target_type = 'listing' and l.id = p_item.target_id)), 0)
  ))::numeric(8, 2)
$$;

-- SLA --------------------------------------------------------------------------------------

-- How long an item may wait: the tenant's target for the queue and report reason, else the
-- queue's, else ours — safety reports 1 hour, other reports and new listings 24 hours,
-- disputes 48, verifications 72.
create function private.moderation_sla(p_tenant_id uuid, p_queue text, p_report_reason text default null)
returns interval
language sql stable security definer
set search_path = ''
as $$
  select coalesce(
    (select t.due_within from public.moderation_sla_targets t
      where t.tenant_id = p_tenant_id and t.queue = p_queue and t.report_reason = p_report_reason),
    (select t.due_within from public.moderation_sla_targets t
      where t.tenant_id = p_tenant_id and t.queue = p_queue and t.report_reason is null),
    case
      when p_queue = 'content_reports' and p_report_reason = 'safety' then interval '1 hour'
      when p_queue = 'booking_disputes' then interval '48 hours'
      when p_queue = 'user_verification' then interval '72 hours'
      else interval '24 hours'
    end)
$$;

-- Item upkeep -------------------------------------------------------------------------------

create function private.moderation_event(p_item public.moderation_items, p_event text, p_details jsonb default '{}',
                                         p_at timestamptz default now())
returns void
language sql security definer
set search_path = ''
as $$
  insert into public.moderation_item_events (item_id, tenant_id, target_type, event, actor_id, details, created_at)
  values (p_item.id, p_item.tenant_id, p_item.target_type, p_event, private.current_user_id(), coalesce(p_details, '{}'),
          least(p_at, now()))
$$;

-- Puts a target in the queue from p_since (when what brought it happened): a new item, or the
-- existing one — reopened (back to pending, decision cleared, version bumped, SLA restarted)
-- when it was decided. The score and the open report count are computed again either way.
create function private.enqueue_moderation_target(
  p_tenant_id uuid, p_target_type text, p_target_id uuid, p_queue text,
  p_due_within interval, p_event text, p_details jsonb default '{}', p_since timestamptz default now())
returns public.moderation_items
language plpgsql security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items;
  v_reopen boolean;
begin
  insert into public.moderation_items (tenant_id, target_type, target_id, queue, entered_queue_at, sla_due_at, created_at)
  values (p_tenant_id, p_target_type, p_target_id, p_queue, p_since, p_since + p_due_within, p_since)
  on conflict (target_type, target_id) do nothing
  returning * into v_item;
  if found then
    perform private.moderation_event(v_item, 'created', jsonb_build_object('queue', p_queue) || coalesce(p_details, '{}'), p_since);
    if p_event <> 'created' then
      perform private.moderation_event(v_item, p_event, p_details, p_since);
    end if;
  else
    select * into v_item from public.moderation_items i
     where i.target_type = p_target_type and i.target_id = p_target_id for update;
    v_reopen := v_item.status in ('approved', 'rejected', 'ignored');
    update public.moderation_items i set
      status = case when v_reopen then 'pending' else i.status end,
      entered_queue_at = case when v_reopen then p_since else i.entered_queue_at end,
      sla_due_at = case when v_reopen then p_since + p_due_within else least(i.sla_due_at, p_since + p_due_within) end,
      decided_by = case when v_reopen then null else i.decided_by end,
      decided_at = case when v_reopen then null else i.decided_at end,
      decision_reason_code = case when v_reopen then null else i.decision_reason_code end,
      decision_note = case when v_reopen then null else i.decision_note end,
      version = i.version + 1
    where i.id = v_item.id
    returning * into v_item;
    if v_reopen then
      perform private.moderation_event(v_item, 'reopened', jsonb_build_object('because', p_event), p_since);
    end if;
    perform private.moderation_event(v_item, p_event, p_details, p_since);
  end if;
  update public.moderation_items i set
    priority_score = private.moderation_item_score(i),
    open_report_count = (select count(*)::integer from public.content_reports r
                          where r.target_type = i.target_type and r.target_id = i.target_id
                            and r.status in ('open', 'in_review'))
  where i.id = v_item.id
  returning * into v_item;
  return v_item;
end
$$;

-- a new report joins its target's item (reopening a decided one)
create function private.moderation_on_report() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.enqueue_moderation_target(new.tenant_id, new.target_type, new.target_id, 'content_reports',
    private.moderation_sla(new.tenant_id, 'content_reports', new.reason), 'report_added',
    jsonb_build_object('report_id', new.id, 'reason', new.reason,
                       'weight', private.reporter_weight(new.reporter_id, new.reason)), new.created_at);
  return null;
end
$$;
create trigger moderation_queue after insert on public.content_reports
  for each row execute function private.moderation_on_report();

-- a listing waiting for approval (new, or edited after approval) is an item; a moderator's
-- decision taken on the listing itself (moderate_listing) settles an approval item that no
-- report keeps open
create function private.moderation_on_listing() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items;
begin
  if new.moderation_status = 'pending' and new.deleted_at is null
     and (tg_op = 'INSERT' or old.moderation_status is distinct from 'pending') then
    perform private.enqueue_moderation_target(new.tenant_id, 'listing', new.id, 'listing_approval',
      private.moderation_sla(new.tenant_id, 'listing_approval'), 'created', '{}',
      case when tg_op = 'INSERT' then new.created_at else now() end);
  elsif tg_op = 'UPDATE' and old.moderation_status = 'pending' and new.moderation_status <> 'pending'
        and new.moderated_by is not null then
    update public.moderation_items i set
      status = case when new.moderation_status = 'approved' then 'approved' else 'rejected' end,
      decided_by = new.moderated_by,
      decided_at = coalesce(new.moderated_at, now()),
      decision_note = left(new.moderation_reason, 500),
      claimed_by = null,
      claim_expires_at = null,
      version = i.version + 1
    where i.target_type = 'listing' and i.target_id = new.id and i.queue = 'listing_approval'
      and i.status in ('pending', 'escalated') and i.open_report_count = 0
    returning * into v_item;
    if found then
      perform private.moderation_event(v_item, 'decided',
        jsonb_build_object('via', 'moderate_listing', 'moderation_status', new.moderation_status));
    end if;
  end if;
  return null;
end
$$;
create trigger moderation_queue after insert or update of moderation_status, deleted_at on public.listings
  for each row execute function private.moderation_on_listing();

-- a booking entering `disputed` is an item
create function private.moderation_on_booking() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.status = 'disputed' and (tg_op = 'INSERT' or old.status is distinct from 'disputed') then
    perform private.enqueue_moderation_target(new.tenant_id, 'booking', new.id, 'booking_disputes',
      private.moderation_sla(new.tenant_id, 'booking_disputes'), 'created',
      jsonb_build_object('dispute_reason', new.dispute_reason), coalesce(new.disputed_at, now()));
  end if;
  return null;
end
$$;
create trigger moderation_queue after insert or update of status on public.bookings
  for each row execute function private.moderation_on_booking();

-- a provider asking to be verified is an item
create function private.moderation_on_user() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.verification_status = 'in_review' and new.deleted_at is null
     and (tg_op = 'INSERT' or old.verification_status is distinct from 'in_review') then
    perform private.enqueue_moderation_target(new.tenant_id, 'user', new.id, 'user_verification',
      private.moderation_sla(new.tenant_id, 'user_verification'), 'created');
  end if;
  return null;
end
$$;
create trigger moderation_queue after insert or update of verification_status on public.users
  for each row execute function private.moderation_on_user();

revoke all on function private.reporter_accuracy_bonus(integer, integer), private.report_score(numeric, integer, integer, text),
  private.reporter_weight(uuid, text), private.moderation_target_owner(text, uuid),
  private.moderation_item_score(public.moderation_items), private.moderation_sla(uuid, text, text),
  private.moderation_event(public.moderation_items, text, jsonb, timestamptz),
  private.enqueue_moderation_target(uuid, text, uuid, text, interval, text, jsonb, timestamptz),
  private.moderation_on_report(), private.moderation_on_listing(), private.moderation_on_booking(),
  private.moderation_on_user()
  from public, anon, authenticated;

-- Backfill ----------------------------------------------------------------------------------
-- What already waits, queued from when it happened: pending listings, open reports (oldest
-- first), disputed bookings, users in review. The migration runs it once; the demo seed, whose
-- bulk loads skip row triggers, runs it again after loading.
create function private.backfill_moderation_queue()
returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  r record;
  n integer := 0;
begin
  for r in select l.tenant_id, l.id, l.created_at from public.listings l
            where l.moderation_status = 'pending' and l.deleted_at is null order by l.created_at loop
    perform private.enqueue_moderation_target(r.tenant_id, 'listing', r.id, 'listing_approval',
      private.moderation_sla(r.tenant_id, 'listing_approval'), 'created', '{}', r.created_at);
    n := n + 1;
  end loop;
  for r in select c.* from public.content_reports c where c.status in ('open', 'in_review') order by c.created_at loop
    perform private.enqueue_moderation_target(r.tenant_id, r.target_type, r.target_id, 'content_reports',
      private.moderation_sla(r.tenant_id, 'content_reports', r.reason), 'report_added',
      jsonb_build_object('report_id', r.id, 'reason', r.reason), r.created_at);
    n := n + 1;
  end loop;
  for r in select b.tenant_id, b.id, coalesce(b.disputed_at, b.updated_at) as since from public.bookings b
            where b.status = 'disputed' order by 3 loop
    perform private.enqueue_moderation_target(r.tenant_id, 'booking', r.id, 'booking_disputes',
      private.moderation_sla(r.tenant_id, 'booking_disputes'), 'created', '{}', r.since);
    n := n + 1;
  end loop;
  for r in select u.tenant_id, u.id, u.updated_at from public.users u
            where u.verification_status = 'in_review' and u.deleted_at is null order by u.updated_at loop
    perform private.enqueue_moderation_target(r.tenant_id, 'user', r.id, 'user_verification',
      private.moderation_sla(r.tenant_id, 'user_verification'), 'created', '{}', r.updated_at);
    n := n + 1;
  end loop;
  return n;
end
$$;
revoke all on function private.backfill_moderation_queue() from public, anon, authenticated;
select private.backfill_moderation_queue();

-- Claims ------------------------------------------------------------------------------------

-- The permission a target's item needs: the one that decides that kind of content.
create function private.moderation_permission(p_target_type text)
returns text
language sql immutable
set search_path = ''
as $$
  select case p_target_type
    when 'listing' then 'listings.moderate'
    when 'review' then 'reviews.moderate'
    when 'booking' then 'bookings.manage'
    else 'reports.resolve'
  end
$$;

-- Locks an item the caller may act on, or says why not: 403 for callers who moderate nothing,
-- 404 when it does not exist, 403 outside the caller's permission and tenant, 409 when
-- p_version is given and stale.
create function private.lock_moderation_item(p_item_id uuid, p_version integer)
returns public.moderation_items
language plpgsql security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items;
begin
  if not (private.has_permission('listings.moderate') or private.has_permission('reviews.moderate')
          or private.has_permission('bookings.manage') or private.has_permission('reports.resolve')) then
    raise exception 'permission denied: moderation needs listings.moderate, reviews.moderate, bookings.manage or reports.resolve'
      using errcode = '42501';
  end if;
  select * into v_item from public.moderation_items i where i.id = p_item_id for update;
  if not found then
    raise exception 'moderation item % does not exist', p_item_id using errcode = 'PT404';
  end if;
  if not private.staff_can(private.moderation_permission(v_item.target_type), v_item.tenant_id) then
    raise exception 'permission denied: % is required for this item', private.moderation_permission(v_item.target_type)
      using errcode = '42501';
  end if;
  if p_version is not null and p_version <> v_item.version then
    raise exception 'the item changed since you loaded it (version % is now %)', p_version, v_item.version
      using errcode = 'PT409',
            detail = coalesce('last changed by ' || (select coalesce(u.full_name, u.email) from public.users u
              where u.id = (select e.actor_id from public.moderation_item_events e
                             where e.item_id = v_item.id order by e.id desc limit 1)), 'last changed by the system');
  end if;
  return v_item;
end
$$;

-- Claims an open item for p_minutes (1–120, default 15), or renews the caller's claim. A live
-- claim of someone else's refuses (409, naming them); an expired one lapses. Two moderators
-- claiming at once: the row lock orders them, the second sees the first's claim.
create function public.claim_moderation_item(p_item_id uuid, p_version integer default null, p_minutes integer default 15)
returns public.moderation_items
language plpgsql security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items;
  v_me uuid := private.current_user_id();
begin
  if p_minutes is null or p_minutes not between 1 and 120 then
    raise exception 'a claim lasts 1 to 120 minutes (got %)', p_minutes using errcode = '22023';
  end if;
  v_item := private.lock_moderation_item(p_item_id, p_version);
  if v_item.status not in ('pending', 'escalated') then
    raise exception 'the item was already decided (%)', v_item.status using errcode = 'PT409';
  end if;
  if v_item.claimed_by is not null and v_item.claimed_by <> v_me and v_item.claim_expires_at > now() then
    raise exception 'claimed by % until %',
      (select coalesce(u.full_name, u.email) from public.users u where u.id = v_item.claimed_by),
      to_char(v_item.claim_expires_at at time zone 'UTC', 'HH24:MI "UTC"')
      using errcode = 'PT409';
  end if;
  update public.moderation_items i set
    claimed_by = v_me,
    claim_expires_at = now() + make_interval(mins => p_minutes),
    version = i.version + 1
  where i.id = v_item.id
  returning * into v_item;
  perform private.moderation_event(v_item, 'claimed', jsonb_build_object('until', v_item.claim_expires_at));
  return v_item;
end
$$;

-- Gives a claim up: the caller's own, or (with the item's permission) a lapsed one.
create function public.release_moderation_item(p_item_id uuid, p_version integer default null)
returns public.moderation_items
language plpgsql security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items;
begin
  v_item := private.lock_moderation_item(p_item_id, p_version);
  if v_item.claimed_by is null then
    return v_item;
  end if;
  if v_item.claimed_by <> private.current_user_id() and v_item.claim_expires_at > now() then
    raise exception 'only % can release their claim before it lapses; assign the item to take it over',
      (select coalesce(u.full_name, u.email) from public.users u where u.id = v_item.claimed_by)
      using errcode = 'PT409';
  end if;
  update public.moderation_items i set claimed_by = null, claim_expires_at = null, version = i.version + 1
   where i.id = v_item.id returning * into v_item;
  perform private.moderation_event(v_item, 'released');
  return v_item;
end
$$;

-- Assigns an item to a colleague who may act on it (or to nobody), handing them any live
-- claim: the way to take over someone else's work.
create function public.assign_moderation_item(p_item_id uuid, p_assignee_id uuid, p_version integer default null)
returns public.moderation_items
language plpgsql security definer
set search_path = ''
as $$
declare
  v_item public.moderation_items;
  v_assignee public.users;
begin
  v_item := private.lock_moderation_item(p_item_id, p_version);
  if p_assignee_id is not null then
    select * into v_assignee from public.users u where u.id = p_assignee_id and u.deleted_at is null and u.status = 'active';
    if not found or not (v_assignee.role = 'super_admin'
        or (v_assignee.role = 'admin' and v_assignee.tenant_id = v_item.tenant_id
            and private.moderation_permission(v_item.target_type) in
                (select k from private.effective_permissions(v_assignee.id) k))) then
      raise exception 'the assignee must be a staff member who may act on this item' using errcode = '22023';
    end if;
  end if;
  update public.moderation_items i set
    assignee_id = p_assignee_id,
    claimed_by = case when i.claimed_by is not null and i.claim_expires_at > now() and p_assignee_id is not null
                      then p_assignee_id else case when i.claim_expires_at > now() then i.claimed_by end end,
    claim_expires_at = case when i.claim_expires_at > now() then i.claim_expires_at end,
    version = i.version + 1
  where i.id = v_item.id
  returning * into v_item;
  perform private.moderation_event(v_item, 'assigned', jsonb_build_object('assignee_id', p_assignee_id));
  return v_item;
end
$$;

revoke all on function private.moderation_permission(text), private.lock_moderation_item(uuid, integer)
  from public, anon, authenticated;
revoke all on function public.claim_moderation_item(uuid, integer, integer), public.release_moderation_item(uuid, integer),
  public.assign_moderation_item(uuid, uuid, integer) from public, anon;
grant execute on function public.claim_moderation_item(uuid, integer, integer), public.release_moderation_item(uuid, integer),
  public.assign_moderation_item(uuid, uuid, integer) to authenticated, service_role;

-- RLS and policies ----------------------------------------------------------------------------

alter table public.moderation_items enable row level security;
alter table public.moderation_item_events enable row level security;
alter table public.moderation_reason_templates enable row level security;
alter table public.moderation_sla_targets enable row level security;

create policy "Staff can read the moderation items their permissions decide" on public.moderation_items
  for select to authenticated using (
       (target_type = 'listing' and tenant_id = any ((select private.staff_tenant_ids('listings.moderate'))::uuid[]))
    or (target_type = 'review' and tenant_id = any ((select private.staff_tenant_ids('reviews.moderate'))::uuid[]))
    or (target_type = 'booking' and tenant_id = any ((select private.staff_tenant_ids('bookings.manage'))::uuid[]))
    or (target_type in ('user', 'message') and tenant_id = any ((select private.staff_tenant_ids('reports.resolve'))::uuid[])));

create policy "Staff can read the history of the moderation items they may read" on public.moderation_item_events
  for select to authenticated using (
       (target_type = 'listing' and tenant_id = any ((select private.staff_tenant_ids('listings.moderate'))::uuid[]))
    or (target_type = 'review' and tenant_id = any ((select private.staff_tenant_ids('reviews.moderate'))::uuid[]))
    or (target_type = 'booking' and tenant_id = any ((select private.staff_tenant_ids('bookings.manage'))::uuid[]))
    or (target_type in ('user', 'message') and tenant_id = any ((select private.staff_tenant_ids('reports.resolve'))::uuid[])));

create policy "Moderators can read their tenant's reason templates" on public.moderation_reason_templates
  for select to authenticated using (
    tenant_id = any ((select private.staff_tenant_ids('reports.read'))::uuid[])
    or tenant_id = any ((select private.staff_tenant_ids('listings.moderate'))::uuid[])
    or tenant_id = any ((select private.staff_tenant_ids('reviews.moderate'))::uuid[]));
create policy "Staff with reports.resolve can add reason templates" on public.moderation_reason_templates
  for insert to authenticated with check (tenant_id = any ((select private.staff_tenant_ids('reports.resolve'))::uuid[]));
create policy "Staff with reports.resolve can change reason templates" on public.moderation_reason_templates
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('reports.resolve'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('reports.resolve'))::uuid[]));
create policy "Staff with reports.resolve can remove reason templates" on public.moderation_reason_templates
  for delete to authenticated using (tenant_id = any ((select private.staff_tenant_ids('reports.resolve'))::uuid[]));

create policy "Staff can read their tenant's moderation SLA targets" on public.moderation_sla_targets
  for select to authenticated using (
    tenant_id = any ((select private.staff_tenant_ids('reports.read'))::uuid[])
    or tenant_id = any ((select private.staff_tenant_ids('listings.moderate'))::uuid[])
    or tenant_id = any ((select private.staff_tenant_ids('tenants.manage'))::uuid[]));
create policy "Tenant admins can add moderation SLA targets" on public.moderation_sla_targets
  for insert to authenticated with check (tenant_id = any ((select private.staff_tenant_ids('tenants.manage'))::uuid[]));
create policy "Tenant admins can change moderation SLA targets" on public.moderation_sla_targets
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('tenants.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('tenants.manage'))::uuid[]));
create policy "Tenant admins can remove moderation SLA targets" on public.moderation_sla_targets
  for delete to authenticated using (tenant_id = any ((select private.staff_tenant_ids('tenants.manage'))::uuid[]));
