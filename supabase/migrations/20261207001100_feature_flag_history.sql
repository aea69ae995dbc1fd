-- Every change to how a flag behaves, kept as a version with author, time and note (issue 29):
-- a trigger snapshots the configuration (on, rollout, variants, targeting, kill switch, type)
-- whenever it changes; feature_flag_history reads the versions with what changed between each
-- and the one before, as readable changes rather than raw JSON. The note comes from the writer
-- (loconomy.flag_change_note, set by the functions that change flags); a kill keeps its reason.

create table public.feature_flag_versions (
  id bigint generated always as identity primary key,
  flag_id uuid not null references public.feature_flags (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id),
  version integer not null check (version > 0),
  config jsonb not null check (jsonb_typeof(config) = 'object'),
  note text check (char_length(note) <= 500),
  changed_by uuid references public.users (id) on delete set null,
  changed_at timestamptz not null default now(),
  constraint feature_flag_versions_once unique (flag_id, version)
);
comment on table public.feature_flag_versions is 'One row per change of a flag''s behaviour, written by a trigger on feature_flags.';
create index feature_flag_versions_tenant_idx on public.feature_flag_versions (tenant_id, changed_at desc);
create index feature_flag_versions_changed_by_idx on public.feature_flag_versions (changed_by);

alter table public.feature_flag_versions enable row level security;
revoke all on table public.feature_flag_versions from anon, authenticated;
grant select on table public.feature_flag_versions to authenticated;
grant all on table public.feature_flag_versions to service_role;

create policy "Staff with feature_flags.read can read the history of their tenant's flags" on public.feature_flag_versions
  for select to authenticated
  using (tenant_id = any (((select private.staff_tenant_ids('feature_flags.read')) || (select private.staff_tenant_ids('feature_flags.manage')))::uuid[]));

create function private.feature_flag_config(p_flag public.feature_flags)
returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_build_object('is_enabled', p_flag.is_enabled, 'rollout_percentage', p_flag.rollout_percentage,
    'variants', p_flag.variants, 'targeting_rules', p_flag.targeting_rules, 'kill_switch', p_flag.kill_switch,
    'kill_reason', p_flag.kill_reason, 'flag_type', p_flag.flag_type)
$$;
revoke all on function private.feature_flag_config(public.feature_flags) from public, anon, authenticated;

create function private.feature_flags_record_version()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_config jsonb := private.feature_flag_config(new);
  v_note text := nullif(btrim(current_setting('loconomy.flag_change_note', true)), '');
begin
  if tg_op = 'UPDATE' and v_config = private.feature_flag_config(old) then
    return null;
  end if;
  if v_note is null and new.kill_switch and not coalesce(old.kill_switch, false) then
    v_note := left('Killed: ' || coalesce(new.kill_reason, 'no reason given'), 500);
  end if;
  insert into public.feature_flag_versions (flag_id, tenant_id, version, config, note, changed_by)
  values (new.id, new.tenant_id,
          coalesce((select max(v.version) from public.feature_flag_versions v where v.flag_id = new.id), 0) + 1,
          v_config, coalesce(v_note, case when tg_op = 'INSERT' then 'Created' end), private.current_user_id());
  return null;
end
$$;
revoke all on function private.feature_flags_record_version() from public, anon, authenticated;
create trigger record_version after insert or update on public.feature_flags
  for each row execute function private.feature_flags_record_version();

-- what is there now is version 1
insert into public.feature_flag_versions (flag_id, tenant_id, version, config, note, changed_by, changed_at)
select f.id, f.tenant_id, 1, private.feature_flag_config(f), 'As it was when history began', f.updated_by, f.updated_at
  from public.feature_flags f;

-- What changed from one configuration to the next, one entry per change a person would name:
-- switched on/off, rollout 10 → 25, a variant added, removed or reweighted, a constraint added
-- or removed, stickiness or group id changed, killed or revived, type changed.
create function public.feature_flag_config_changes(p_before jsonb, p_after jsonb)
returns jsonb
language sql immutable
set search_path = ''
as $$
  select coalesce(jsonb_agg(c order by n), '[]'::jsonb) from (
    select 1 as n, jsonb_build_object('change', case when (p_after ->> 'is_enabled')::boolean then 'switched on' else 'switched off' end) as c
     where p_before is not null and p_before -> 'is_enabled' is distinct from p_after -> 'is_enabled'
    union all
    select 2, jsonb_build_object('change', 'rollout', 'from', (p_before ->> 'rollout_percentage')::integer, 'to', (p_after ->> 'rollout_percentage')::integer)
     where p_before is not null and p_before -> 'rollout_percentage' is distinct from p_after -> 'rollout_percentage'
    union all
    select 3, jsonb_build_object('change', case when b.key is null then 'variant added' when a.key is null then 'variant removed' else 'variant reweighted' end,
                                 'variant', coalesce(a.key, b.key), 'from', (b.value ->> 'weight')::integer, 'to', (a.value ->> 'weight')::integer)
      from (select e ->> 'key' as key, e as value from jsonb_array_elements(coalesce(p_before -> 'variants', '[]')) e) b
      full join (select e ->> 'key' as key, e as value from jsonb_array_elements(coalesce(p_after -> 'variants', '[]')) e) a on a.key = b.key
     where p_before is not null and (a.key is null or b.key is null or (a.value ->> 'weight') is distinct from (b.value ->> 'weight'))
    union all
    select 4, jsonb_build_object('change', 'constraint removed', 'constraint', e)
      from jsonb_array_elements(coalesce(p_before #> '{targeting_rules,constraints}', '[]')) e
     -- equality, not containment: ["a"] is contained in ["a", "b"] but is not the same constraint
     where p_before is not null and not exists (
       select 1 from jsonb_array_elements(coalesce(p_after #> '{targeting_rules,constraints}', '[]')) x where x = e)
    union all
    select 5, jsonb_build_object('change', 'constraint added', 'constraint', e)
      from jsonb_array_elements(coalesce(p_after #> '{targeting_rules,constraints}', '[]')) e
     where p_before is not null and not exists (
       select 1 from jsonb_array_elements(coalesce(p_before #> '{targeting_rules,constraints}', '[]')) x where x = e)
    union all
    select 6, jsonb_build_object('change', k, 'from', p_before #>> array['targeting_rules', k], 'to', p_after #>> array['targeting_rules', k])
      from unnest(array['stickiness', 'groupId']) k
     where p_before is not null and (p_before #> array['targeting_rules', k]) is distinct from (p_after #> array['targeting_rules', k])
    union all
    select 7, jsonb_build_object('change', case when (p_after ->> 'kill_switch')::boolean then 'killed' else 'revived' end,
                                 'reason', p_after ->> 'kill_reason')
     where p_before is not null and p_before -> 'kill_switch' is distinct from p_after -> 'kill_switch'
    union all
    select 8, jsonb_build_object('change', 'type', 'from', p_before ->> 'flag_type', 'to', p_after ->> 'flag_type')
     where p_before is not null and p_before -> 'flag_type' is distinct from p_after -> 'flag_type'
  ) x
$$;
grant execute on function public.feature_flag_config_changes(jsonb, jsonb) to authenticated, service_role;

-- A flag's history, newest first: who, when, why, and what changed from the version before.
create function public.feature_flag_history(p_flag_id uuid)
returns table (version integer, changed_at timestamptz, changed_by uuid, changed_by_name text, note text, changes jsonb, config jsonb)
language sql stable
set search_path = ''
as $$
  select v.version, v.changed_at, v.changed_by, coalesce(u.full_name, u.email), v.note,
         public.feature_flag_config_changes(lag(v.config) over (order by v.version), v.config), v.config
    from public.feature_flag_versions v
    left join public.users u on u.id = v.changed_by
   where v.flag_id = p_flag_id
   order by v.version desc
$$;
revoke all on function public.feature_flag_history(uuid) from public, anon;
grant execute on function public.feature_flag_history(uuid) to authenticated, service_role;
