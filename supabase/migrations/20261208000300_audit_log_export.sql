set local lock_timeout = '5s';

-- Exporting the audit log is itself recorded: an auditor's CSV is evidence, and who took which
-- part of the trail out is something the trail must say (GitLab's and WorkOS's exports are not
-- logged). export_audit_log returns the entries a filter selects, oldest first, and in the same
-- transaction appends an entry saying who exported what: the filters, how many entries, the
-- first and last, and a digest — sha256 of the entries' hashes in order — that anyone holding the
-- CSV recomputes from its hash column to show the file is the export, whole and unedited.
--
-- Sections: functions, grants.

-- Functions ----------------------------------------------------------------------------

-- Definer: it appends the export's own audit entry, which no API role may insert; the entries it
-- returns are those the caller's audit_logs policies allow (same tenant rule, restated below).
create function public.export_audit_log(
  p_from timestamptz default null,
  p_to timestamptz default null,
  p_actions public.audit_action[] default null,
  p_tables text[] default null,
  p_actor_id uuid default null,
  p_from_seq bigint default null,
  p_to_seq bigint default null,
  p_tenant_id uuid default null
)
returns setof public.audit_logs
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_limit constant integer := 100000;
  v_tenants uuid[];
  v_platform boolean;
  v_rows public.audit_logs[];
  v_count integer;
begin
  if not private.has_permission('audit.read') then
    raise exception 'Reading the audit trail needs the audit.read permission' using errcode = '42501';
  end if;
  if p_from is not null and p_to is not null and p_from >= p_to then
    raise exception 'The period must end after it starts' using errcode = '22023';
  end if;
  -- the audit_logs policies: the caller's tenants, and platform entries for super admins
  v_tenants := private.staff_tenant_ids('audit.read');
  v_platform := private.is_super_admin();

  v_rows := array(
    select a from public.audit_logs a
     where (a.tenant_id = any (v_tenants) or (a.tenant_id is null and v_platform))
       and (p_from is null or a.created_at >= p_from)
       and (p_to is null or a.created_at < p_to)
       and (p_actions is null or a.action = any (p_actions))
       and (p_tables is null or a.table_name = any (p_tables))
       and (p_actor_id is null or a.actor_id = p_actor_id)
       and (p_from_seq is null or a.seq >= p_from_seq)
       and (p_to_seq is null or a.seq <= p_to_seq)
       and (p_tenant_id is null or a.tenant_id = p_tenant_id)
     order by a.seq
     limit v_limit + 1);
  v_count := coalesce(cardinality(v_rows), 0);
  if v_count > v_limit then
    raise exception 'More than 100,000 entries match; narrow the period or the filters' using errcode = '22023';
  end if;

  perform private.write_audit('read', 'audit_logs', null, metadata => jsonb_build_object(
    'export', jsonb_strip_nulls(jsonb_build_object(
      'from', p_from, 'to', p_to, 'actions', p_actions, 'tables', p_tables, 'actor_id', p_actor_id,
      'from_seq', p_from_seq, 'to_seq', p_to_seq, 'tenant_id', p_tenant_id)),
    'entries', v_count,
    'first_seq', (select min(r.seq) from unnest(v_rows) r),
    'last_seq', (select max(r.seq) from unnest(v_rows) r),
    'digest', (select encode(sha256(convert_to(coalesce(string_agg(r.hash, '' order by r.seq), ''), 'UTF8')), 'hex')
                 from unnest(v_rows) r)));

  return query select * from unnest(v_rows) r order by r.seq;
end
$$;
comment on function public.export_audit_log(timestamptz, timestamptz, public.audit_action[], text[], uuid, bigint, bigint, uuid) is
  'The audit entries a filter selects (at most 100,000, oldest first), recording the export with its digest. Needs audit.read. Definer: it appends the export''s own audit entry, which no API role may insert; the rows are the caller''s tenants'' as the audit_logs policies allow.';

-- Grants -------------------------------------------------------------------------------
revoke all on function public.export_audit_log(timestamptz, timestamptz, public.audit_action[], text[], uuid, bigint, bigint, uuid)
  from public, anon;
grant execute on function public.export_audit_log(timestamptz, timestamptz, public.audit_action[], text[], uuid, bigint, bigint, uuid)
  to authenticated, service_role;
