-- Flag types with expected lifetimes, and staleness, as Unleash has them (issue 29): release and
-- experiment flags are expected to be gone in 40 days, operational ones in 7; kill switches and
-- permission flags live on. A flag is also stale when it has sat at 0 % or 100 % for 14 days —
-- it is decided, and its code path can be cleaned up. Staff mark flags stale (or not) and kill
-- a selection at once.

alter table public.feature_flags
  add column flag_type text not null default 'release'
    constraint feature_flags_flag_type_check check (flag_type in ('release', 'experiment', 'operational', 'kill-switch', 'permission')),
  add column rollout_changed_at timestamptz,
  add column stale_marked_at timestamptz,
  add column stale_marked_by uuid references public.users (id) on delete set null;
comment on column public.feature_flags.flag_type is 'release and experiment: expected lifetime 40 days; operational: 7; kill-switch and permission: none.';
comment on column public.feature_flags.rollout_changed_at is 'When is_enabled or rollout_percentage last changed (trigger).';
comment on column public.feature_flags.stale_marked_at is 'Set by mark_feature_flags_stale: someone said the flag is done with.';
create index feature_flags_stale_marked_by_idx on public.feature_flags (stale_marked_by);
-- the list's type filter
create index feature_flags_tenant_type_idx on public.feature_flags (tenant_id, flag_type, key);

update public.feature_flags set rollout_changed_at = updated_at;
alter table public.feature_flags alter column rollout_changed_at set not null, alter column rollout_changed_at set default now();

grant insert (flag_type), update (flag_type) on public.feature_flags to authenticated;

-- rollout_changed_at follows the rollout; stale marks are the RPC's
create function private.feature_flags_lifecycle_stamp()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if private.is_api_client() then
      new.rollout_changed_at := now();
      new.stale_marked_at := null;
      new.stale_marked_by := null;
    end if;
    return new;
  end if;
  -- (the database's own writers — migrations, the seed — may set it outright)
  if private.is_api_client() or new.rollout_changed_at is not distinct from old.rollout_changed_at then
    if new.is_enabled is distinct from old.is_enabled or new.rollout_percentage is distinct from old.rollout_percentage then
      new.rollout_changed_at := now();
    else
      new.rollout_changed_at := old.rollout_changed_at;
    end if;
  end if;
  if private.is_api_client() and coalesce(current_setting('loconomy.marking_stale', true), '') <> 'on' then
    new.stale_marked_at := old.stale_marked_at;
    new.stale_marked_by := old.stale_marked_by;
  end if;
  return new;
end
$$;
revoke all on function private.feature_flags_lifecycle_stamp() from public, anon, authenticated;
create trigger lifecycle_stamp before insert or update on public.feature_flags
  for each row execute function private.feature_flags_lifecycle_stamp();

-- Why a flag is stale, or null: marked by someone, past its type's lifetime, or settled at 0 % or
-- 100 % for 14 days. A killed flag is not "stale": it is an incident.
create function public.feature_flag_stale_reason(p_flag public.feature_flags)
returns text
language sql stable
set search_path = ''
as $$
  select case
    when p_flag.kill_switch then null
    when p_flag.stale_marked_at is not null then 'marked'
    when p_flag.flag_type in ('release', 'experiment') and p_flag.created_at < now() - interval '40 days' then 'lifetime'
    when p_flag.flag_type = 'operational' and p_flag.created_at < now() - interval '7 days' then 'lifetime'
    when (not p_flag.is_enabled or p_flag.rollout_percentage in (0, 100)) and p_flag.flag_type not in ('kill-switch', 'permission')
         and p_flag.rollout_changed_at < now() - interval '14 days' then 'settled'
  end
$$;
comment on function public.feature_flag_stale_reason(public.feature_flags) is
  'Computed column (select=*,stale_reason:feature_flag_stale_reason): marked, lifetime, settled or null.';
grant execute on function public.feature_flag_stale_reason(public.feature_flags) to authenticated, service_role;

-- Marks a selection stale (or not), all or none; answers one row per flag.
create function public.mark_feature_flags_stale(p_flag_ids uuid[], p_stale boolean default true)
returns table (id uuid, outcome text, message text)
language plpgsql security definer
set search_path = ''
as $$
declare
  v_ids uuid[];
  v_id uuid;
  v_flag public.feature_flags;
begin
  if not private.has_permission('feature_flags.manage') then
    raise exception 'permission denied: feature_flags.manage is required' using errcode = '42501';
  end if;
  select coalesce(array_agg(distinct u order by u), '{}') into v_ids from unnest(p_flag_ids) u where u is not null;
  if cardinality(v_ids) = 0 or cardinality(v_ids) > 500 then
    raise exception 'select 1 to 500 flags (got %)', cardinality(v_ids) using errcode = '22023';
  end if;
  foreach v_id in array v_ids loop
    v_flag := private.feature_flag_for_change(v_id);
  end loop;
  perform set_config('loconomy.marking_stale', 'on', true);
  foreach v_id in array v_ids loop
    update public.feature_flags f set
      stale_marked_at = case when coalesce(p_stale, true) then coalesce(f.stale_marked_at, now()) end,
      stale_marked_by = case when coalesce(p_stale, true) then coalesce(f.stale_marked_by, private.current_user_id()) end
     where f.id = v_id returning * into v_flag;
    perform private.write_audit('admin_action', 'feature_flags', v_id::text, null,
      jsonb_build_object('stale_marked_at', v_flag.stale_marked_at),
      jsonb_build_object('rpc', 'mark_feature_flags_stale', 'key', v_flag.key, 'stale', coalesce(p_stale, true)), v_flag.tenant_id);
    id := v_id;
    outcome := 'done';
    message := case when coalesce(p_stale, true) then 'marked stale' else 'no longer marked stale' end;
    return next;
  end loop;
  perform set_config('loconomy.marking_stale', '', true);
end
$$;
revoke all on function public.mark_feature_flags_stale(uuid[], boolean) from public, anon;
grant execute on function public.mark_feature_flags_stale(uuid[], boolean) to authenticated, service_role;

-- Kills a selection at once with one reason: every flag is checked first; if any is refused
-- (another tenant, already killed) nothing changes and each row says why.
create function public.kill_feature_flags(p_flag_ids uuid[], p_reason text)
returns table (id uuid, outcome text, message text)
language plpgsql security definer
set search_path = ''
as $$
declare
  v_ids uuid[];
  v_id uuid;
  v_flag public.feature_flags;
  v_refused jsonb := '{}';
begin
  if not private.has_permission('feature_flags.manage') then
    raise exception 'permission denied: feature_flags.manage is required' using errcode = '42501';
  end if;
  if nullif(btrim(p_reason), '') is null then
    raise exception 'say why the flags are killed' using errcode = '23514';
  end if;
  select coalesce(array_agg(distinct u order by u), '{}') into v_ids from unnest(p_flag_ids) u where u is not null;
  if cardinality(v_ids) = 0 or cardinality(v_ids) > 500 then
    raise exception 'select 1 to 500 flags (got %)', cardinality(v_ids) using errcode = '22023';
  end if;
  foreach v_id in array v_ids loop
    begin
      v_flag := private.feature_flag_for_change(v_id);
      if v_flag.kill_switch then
        v_refused := v_refused || jsonb_build_object(v_id, 'already killed');
      end if;
    exception when sqlstate 'PT404' or sqlstate '42501' then
      v_refused := v_refused || jsonb_build_object(v_id, 'flag not found or not yours to change');
    end;
  end loop;
  foreach v_id in array v_ids loop
    id := v_id;
    if v_refused ? v_id::text then
      outcome := 'refused';
      message := v_refused ->> v_id::text;
    elsif v_refused <> '{}' then
      outcome := 'skipped';
      message := format('nothing was changed: %s of the %s selected could not be killed',
                        (select count(*) from jsonb_object_keys(v_refused)), cardinality(v_ids));
    else
      perform public.kill_feature_flag(v_id, p_reason);
      outcome := 'done';
      message := 'killed';
    end if;
    return next;
  end loop;
end
$$;
revoke all on function public.kill_feature_flags(uuid[], text) from public, anon;
grant execute on function public.kill_feature_flags(uuid[], text) to authenticated, service_role;

-- One flag, for the flag's page.
create function public.mark_feature_flag_stale(p_flag_id uuid, p_stale boolean default true)
returns public.feature_flags
language plpgsql security definer
set search_path = ''
as $$
declare
  v_flag public.feature_flags;
begin
  perform public.mark_feature_flags_stale(array[p_flag_id], p_stale);
  select * into v_flag from public.feature_flags f where f.id = p_flag_id;
  return v_flag;
end
$$;
revoke all on function public.mark_feature_flag_stale(uuid, boolean) from public, anon;
grant execute on function public.mark_feature_flag_stale(uuid, boolean) to authenticated, service_role;
