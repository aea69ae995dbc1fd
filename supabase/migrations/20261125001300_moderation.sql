-- Moderation: reports by users against a listing, review, user or message — the input of
-- the admin's moderation queue. Reporters create and read their own; staff read with
-- reports.read and resolve with reports.resolve through resolve_content_report().

-- Enums -------------------------------------------------------------------------------
create type public.report_status as enum ('open', 'in_review', 'resolved', 'dismissed');

-- Tables ------------------------------------------------------------------------------
create table public.content_reports (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  reporter_id uuid not null references public.users (id) on delete cascade,
  target_type text not null check (target_type in ('listing', 'review', 'user', 'message')),
  target_id uuid not null,
  reason text not null check (reason in ('spam', 'fraud', 'harassment', 'inappropriate', 'misleading',
                                         'safety', 'intellectual_property', 'other')),
  details text check (char_length(details) <= 5000),
  status public.report_status not null default 'open',
  resolution text check (resolution in ('content_removed', 'content_hidden', 'user_warned', 'user_suspended',
                                        'no_violation', 'duplicate')),
  resolved_by uuid references public.users (id) on delete set null,
  resolved_at timestamptz,
  resolution_note text check (char_length(resolution_note) <= 5000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint content_reports_resolved_check check (
    (status in ('resolved', 'dismissed')) = (resolved_by is not null and resolved_at is not null and resolution is not null)),
  constraint content_reports_other_needs_details_check check (reason <> 'other' or coalesce(char_length(btrim(details)), 0) > 0)
);
comment on column public.content_reports.target_id is 'id of the listing, review, user or message named by target_type (checked by trigger).';

-- Indexes -----------------------------------------------------------------------------
create index content_reports_tenant_created_idx on public.content_reports (tenant_id, created_at desc);
create index content_reports_reporter_id_idx on public.content_reports (reporter_id, created_at desc);
create index content_reports_resolved_by_idx on public.content_reports (resolved_by);
create index content_reports_target_idx on public.content_reports (target_type, target_id);
create index content_reports_status_idx on public.content_reports (status, created_at desc);
create index content_reports_queue_idx on public.content_reports (tenant_id, created_at)
  where status in ('open', 'in_review');
create unique index content_reports_one_open_per_reporter on public.content_reports (reporter_id, target_type, target_id)
  where status in ('open', 'in_review');

-- Grants ------------------------------------------------------------------------------
revoke all on table public.content_reports from anon, authenticated;
grant select on table public.content_reports to authenticated;
grant insert (reporter_id, target_type, target_id, reason, details) on table public.content_reports to authenticated;
grant all on table public.content_reports to service_role;

-- Triggers ----------------------------------------------------------------------------
create trigger set_tenant before insert or update of reporter_id, tenant_id on public.content_reports
  for each row execute function private.set_tenant_from_user('reporter_id');
create trigger set_updated_at before update on public.content_reports
  for each row execute function private.set_updated_at();

-- the target exists in the reporter's tenant, and nobody reports themselves
create function private.content_reports_check_target()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_table text := case new.target_type when 'listing' then 'listings' when 'review' then 'reviews'
                                       when 'user' then 'users' when 'message' then 'messages' end;
  v_tenant_id uuid;
begin
  if v_table is null then
    return new; -- the target_type check constraint reports it
  end if;
  execute format('select tenant_id from public.%I where id = $1', v_table) into v_tenant_id using new.target_id;
  if v_tenant_id is null or v_tenant_id <> new.tenant_id then
    raise exception 'the reported % does not exist', new.target_type using errcode = '23503';
  end if;
  if new.target_type = 'user' and new.target_id = new.reporter_id then
    raise exception 'users cannot report themselves' using errcode = '22023';
  end if;
  return new;
end;
$$;
revoke all on function private.content_reports_check_target() from public, anon, authenticated;
create trigger target_exists before insert or update of target_type, target_id on public.content_reports
  for each row execute function private.content_reports_check_target();

-- status workflow: open → in_review → resolved | dismissed (or straight from open); final states stay
create function private.content_reports_check_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status and not (
       (old.status = 'open' and new.status in ('in_review', 'resolved', 'dismissed'))
    or (old.status = 'in_review' and new.status in ('open', 'resolved', 'dismissed'))) then
    raise exception 'a % report cannot become %', old.status, new.status using errcode = 'P0001';
  end if;
  return new;
end;
$$;
revoke all on function private.content_reports_check_status() from public, anon, authenticated;
create trigger check_status before update of status on public.content_reports
  for each row execute function private.content_reports_check_status();

create trigger audit_changes after insert or update or delete on public.content_reports
  for each row execute function private.audit_row_change();

-- Enable RLS --------------------------------------------------------------------------
alter table public.content_reports enable row level security;

-- Helper predicates -------------------------------------------------------------------
-- (staff: tenant_id = any ((select private.staff_tenant_ids('<permission>'))::uuid[]) — one init plan per query)

-- Policies ----------------------------------------------------------------------------
create policy "Users can report content as themselves" on public.content_reports
  for insert to authenticated with check (reporter_id = (select private.current_user_id()));
create policy "Users can read their own reports" on public.content_reports
  for select to authenticated using (reporter_id = (select private.current_user_id()));
create policy "Staff with reports.read can read reports of their tenant" on public.content_reports
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('reports.read'))::uuid[]));

-- RPCs --------------------------------------------------------------------------------
-- Resolves (or, for no_violation / duplicate, dismisses) a report. One transaction:
-- permission, state check, update, audit.
create function public.resolve_content_report(p_report_id uuid, p_resolution text, p_note text default null)
returns public.content_reports
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.content_reports;
  v_after public.content_reports;
begin
  if not private.has_permission('reports.resolve') then
    raise exception 'permission denied: reports.resolve is required to resolve reports' using errcode = '42501';
  end if;
  if p_resolution is null or p_resolution not in ('content_removed', 'content_hidden', 'user_warned',
                                                   'user_suspended', 'no_violation', 'duplicate') then
    raise exception 'unknown resolution "%" (content_removed, content_hidden, user_warned, user_suspended, no_violation, duplicate)',
      p_resolution using errcode = '22023';
  end if;
  select * into v_before from public.content_reports where id = p_report_id for update;
  if v_before.id is null then
    raise exception 'content report % does not exist', p_report_id using errcode = 'PT404';
  end if;
  if not private.staff_can('reports.resolve', v_before.tenant_id) then
    raise exception 'permission denied: content report % belongs to another tenant', p_report_id using errcode = '42501';
  end if;
  if v_before.status in ('resolved', 'dismissed') then
    raise exception 'content report % is already %', p_report_id, v_before.status using errcode = 'P0001';
  end if;
  update public.content_reports
     set status = case when p_resolution in ('no_violation', 'duplicate') then 'dismissed' else 'resolved' end::public.report_status,
         resolution = p_resolution,
         resolution_note = nullif(btrim(p_note), ''),
         resolved_by = private.current_user_id(),
         resolved_at = now()
   where id = p_report_id
  returning * into v_after;
  perform private.write_audit('admin_action', 'content_reports', p_report_id::text,
    jsonb_build_object('status', v_before.status),
    jsonb_build_object('status', v_after.status, 'resolution', v_after.resolution),
    jsonb_build_object('rpc', 'resolve_content_report', 'target_type', v_after.target_type,
                       'target_id', v_after.target_id, 'note', v_after.resolution_note),
    v_after.tenant_id);
  return v_after;
end;
$$;
revoke all on function public.resolve_content_report(uuid, text, text) from public, anon, authenticated;
grant execute on function public.resolve_content_report(uuid, text, text) to authenticated, service_role;

-- Moves an open report into review (or back), so two moderators don't work the same one.
create function public.claim_content_report(p_report_id uuid, p_in_review boolean default true)
returns public.content_reports
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_report public.content_reports;
begin
  if not private.has_permission('reports.resolve') then
    raise exception 'permission denied: reports.resolve is required' using errcode = '42501';
  end if;
  select * into v_report from public.content_reports where id = p_report_id for update;
  if v_report.id is null then
    raise exception 'content report % does not exist', p_report_id using errcode = 'PT404';
  end if;
  if not private.staff_can('reports.resolve', v_report.tenant_id) then
    raise exception 'permission denied: content report % belongs to another tenant', p_report_id using errcode = '42501';
  end if;
  update public.content_reports
     set status = case when p_in_review then 'in_review' else 'open' end::public.report_status
   where id = p_report_id
  returning * into v_report;
  return v_report;
end;
$$;
revoke all on function public.claim_content_report(uuid, boolean) from public, anon, authenticated;
grant execute on function public.claim_content_report(uuid, boolean) to authenticated, service_role;
