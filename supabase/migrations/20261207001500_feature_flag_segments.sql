-- Segments (issue 29): a named set of rules kept once per tenant and used by many flags, as
-- Unleash has them ("customers in Europe", "the beta cohort"). A flag lists segment keys in
-- targeting_rules.segments; a user must meet the flag's own rules and every listed segment's.
-- Editing a segment changes every flag that uses it at once, which is the point; deleting one
-- that flags still use is refused. The validators (here and src/lib/feature-flags/constraints.ts)
-- learn the new key, evaluation reads the segments, and the history names segments added or removed.

create table public.feature_flag_segments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null default private.current_tenant_id() references public.tenants (id),
  key text not null check (key ~ '^[a-z][a-z0-9_.-]{1,63}$'),
  name text not null check (char_length(name) between 1 and 120),
  description text check (char_length(description) <= 2000),
  constraints jsonb not null default '[]' check (jsonb_typeof(constraints) = 'array'),
  created_by uuid default private.current_user_id() references public.users (id) on delete set null,
  updated_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint feature_flag_segments_key_per_tenant unique (tenant_id, key)
);
comment on table public.feature_flag_segments is 'Reusable targeting rules; flags name them in targeting_rules.segments.';
create index feature_flag_segments_created_by_idx on public.feature_flag_segments (created_by);
create index feature_flag_segments_updated_by_idx on public.feature_flag_segments (updated_by);
create index feature_flag_segments_tenant_updated_idx on public.feature_flag_segments (tenant_id, updated_at desc);
create index feature_flag_segments_name_trgm_idx on public.feature_flag_segments using gin (name extensions.gin_trgm_ops);

alter table public.feature_flag_segments enable row level security;
revoke all on table public.feature_flag_segments from anon, authenticated;
grant select, delete on table public.feature_flag_segments to authenticated;
grant insert (tenant_id, key, name, description, constraints) on table public.feature_flag_segments to authenticated;
grant update (name, description, constraints) on table public.feature_flag_segments to authenticated;
grant all on table public.feature_flag_segments to service_role;

create policy "Staff with feature_flags.read can read the segments of their tenant" on public.feature_flag_segments
  for select to authenticated
  using (tenant_id = any (((select private.staff_tenant_ids('feature_flags.read')) || (select private.staff_tenant_ids('feature_flags.manage')))::uuid[]));
create policy "Staff with feature_flags.manage can create segments for their tenant" on public.feature_flag_segments
  for insert to authenticated with check (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]));
create policy "Staff with feature_flags.manage can edit the segments of their tenant" on public.feature_flag_segments
  for update to authenticated
  using (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]))
  with check (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]));
create policy "Staff with feature_flags.manage can delete the segments of their tenant" on public.feature_flag_segments
  for delete to authenticated using (tenant_id = any ((select private.staff_tenant_ids('feature_flags.manage'))::uuid[]));

create trigger set_updated_at before update on public.feature_flag_segments
  for each row execute function private.set_updated_at();
create trigger audit_changes after insert or update or delete on public.feature_flag_segments
  for each row execute function private.audit_row_change();

-- a segment's rules are a flag's rules: the same validation, the same words
create function private.feature_flag_segments_check()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_error text;
  v_users text;
begin
  if tg_op = 'DELETE' then
    select string_agg(f.key, ', ' order by f.key) into v_users from public.feature_flags f
     where f.tenant_id = old.tenant_id and coalesce(f.targeting_rules -> 'segments', '[]') ? old.key;
    if v_users is not null then
      raise exception 'segment % is used by %', old.key, v_users using errcode = '23503',
        hint = 'take it out of those flags'' targeting first';
    end if;
    return old;
  end if;
  v_error := private.targeting_rules_error(jsonb_build_object('constraints', new.constraints));
  if v_error is not null then
    raise exception '%', v_error using errcode = '23514';
  end if;
  new.updated_by := coalesce(private.current_user_id(), new.updated_by);
  return new;
end
$$;
revoke all on function private.feature_flag_segments_check() from public, anon, authenticated;
create trigger check_segment before insert or update or delete on public.feature_flag_segments
  for each row execute function private.feature_flag_segments_check();

create or replace function private.targeting_rules_error(p_rules jsonb)
returns text
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  operators constant text[] := array['IN', 'NOT_IN', 'STR_CONTAINS', 'STR_STARTS_WITH', 'STR_ENDS_WITH',
    'NUM_EQ', 'NUM_GT', 'NUM_GTE', 'NUM_LT', 'NUM_LTE', 'DATE_AFTER', 'DATE_BEFORE', 'SEMVER_EQ', 'SEMVER_GT', 'SEMVER_LT'];
  multi constant text[] := array['IN', 'NOT_IN', 'STR_CONTAINS', 'STR_STARTS_WITH', 'STR_ENDS_WITH'];
  fields constant text[] := array['userId', 'tenantId', 'sessionId', 'role', 'email', 'emailDomain', 'signupDate',
    'city', 'region', 'appVersion', 'currentTime'];
  stickiness constant text[] := array['default', 'userId', 'tenantId', 'sessionId'];
  rule_keys constant text[] := array['constraints', 'stickiness', 'groupId', 'segments'];
  segment_key constant text := '^[a-z][a-z0-9_.-]{1,63}$';
  constraint_keys constant text[] := array['contextName', 'operator', 'values', 'value', 'inverted', 'caseInsensitive'];
  date_time constant text := '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$';
  semver constant text := '^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$';
  c jsonb;
  i integer := 0;
  at text;
  extra text;
  op text;
  flag text;
  bad integer;
begin
  if p_rules is null or jsonb_typeof(p_rules) <> 'object' then
    return 'targeting rules must be a JSON object';
  end if;
  select k into extra from jsonb_object_keys(p_rules) k where k <> all (rule_keys) order by k collate "C" limit 1;
  if extra is not null then
    return format('%s: unknown key (allowed: %s)', extra, array_to_string(rule_keys, ', '));
  end if;
  if p_rules ? 'stickiness' and (jsonb_typeof(p_rules -> 'stickiness') <> 'string' or (p_rules ->> 'stickiness') <> all (stickiness)) then
    return format('stickiness: must be one of %s', array_to_string(stickiness, ', '));
  end if;
  if p_rules ? 'groupId' and (jsonb_typeof(p_rules -> 'groupId') <> 'string' or (p_rules ->> 'groupId') !~ '^[A-Za-z0-9._:-]{1,100}$') then
    return 'groupId: letters, digits and . _ : - only, 1 to 100 characters';
  end if;
  if p_rules ? 'segments' then
    if jsonb_typeof(p_rules -> 'segments') <> 'array' then
      return 'segments: must be a list of segment keys';
    end if;
    if jsonb_array_length(p_rules -> 'segments') > 10 then
      return 'segments: at most 10';
    end if;
    select n - 1 into bad from jsonb_array_elements(p_rules -> 'segments') with ordinality v (x, n)
     where jsonb_typeof(x) <> 'string' or (x #>> '{}') !~ segment_key order by n limit 1;
    if bad is not null then
      return format('segments[%s]: not a segment key', bad);
    end if;
    select n - 1 into bad from jsonb_array_elements_text(p_rules -> 'segments') with ordinality v (x, n)
     where exists (select 1 from jsonb_array_elements_text(p_rules -> 'segments') with ordinality w (y, m) where w.y = v.x and m < n)
     order by n limit 1;
    if bad is not null then
      return format('segments[%s]: "%s" is listed twice', bad, p_rules -> 'segments' ->> bad);
    end if;
  end if;
  if not p_rules ? 'constraints' then
    return null;
  end if;
  if jsonb_typeof(p_rules -> 'constraints') <> 'array' then
    return 'constraints: must be a list';
  end if;
  if jsonb_array_length(p_rules -> 'constraints') > 50 then
    return 'constraints: at most 50';
  end if;
  for c in select e from jsonb_array_elements(p_rules -> 'constraints') e loop
    at := format('constraints[%s]', i);
    i := i + 1;
    if jsonb_typeof(c) <> 'object' then
      return at || ': must be an object';
    end if;
    select k into extra from jsonb_object_keys(c) k where k <> all (constraint_keys) order by k collate "C" limit 1;
    if extra is not null then
      return format('%s.%s: unknown key (allowed: %s)', at, extra, array_to_string(constraint_keys, ', '));
    end if;
    if jsonb_typeof(c -> 'contextName') is distinct from 'string' or (c ->> 'contextName') <> all (fields) then
      return format('%s.contextName: must be one of %s', at, array_to_string(fields, ', '));
    end if;
    if jsonb_typeof(c -> 'operator') is distinct from 'string' or (c ->> 'operator') <> all (operators) then
      return format('%s.operator: must be one of %s', at, array_to_string(operators, ', '));
    end if;
    foreach flag in array array['inverted', 'caseInsensitive'] loop
      if c ? flag and jsonb_typeof(c -> flag) <> 'boolean' then
        return format('%s.%s: must be true or false', at, flag);
      end if;
    end loop;
    op := c ->> 'operator';
    if op = any (multi) then
      if c ? 'value' then
        return format('%s.value: %s compares with values (a list), not value', at, op);
      end if;
      if jsonb_typeof(c -> 'values') is distinct from 'array' or jsonb_array_length(c -> 'values') = 0 then
        return format('%s.values: %s needs a non-empty list', at, op);
      end if;
      if jsonb_array_length(c -> 'values') > 1000 then
        return format('%s.values: at most 1000', at);
      end if;
      select n - 1 into bad from jsonb_array_elements(c -> 'values') with ordinality v (x, n)
       where jsonb_typeof(x) <> 'string' or char_length(x #>> '{}') > 200 order by n limit 1;
      if bad is not null then
        return format('%s.values[%s]: must be a string of at most 200 characters', at, bad);
      end if;
      continue;
    end if;
    if c ? 'values' then
      return format('%s.values: %s compares with value (one), not values', at, op);
    end if;
    if jsonb_typeof(c -> 'value') is distinct from 'string' then
      return format('%s.value: %s needs a value (a string)', at, op);
    end if;
    if op like 'NUM\_%' and (c ->> 'value') !~ '^-?\d+(\.\d+)?$' then
      return format('%s.value: "%s" is not a number', at, c ->> 'value');
    end if;
    if op like 'DATE\_%' and not private.is_date_time(c ->> 'value') then
      return format('%s.value: "%s" is not a date-time with a time zone (2026-12-07T09:00:00Z)', at, c ->> 'value');
    end if;
    if op like 'SEMVER\_%' and (c ->> 'value') !~ semver then
      return format('%s.value: "%s" is not a semantic version (1.2.3)', at, c ->> 'value');
    end if;
  end loop;
  return null;
end
$$;


-- a flag names only segments of its own tenant
create or replace function private.feature_flags_validate_rules()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_error text := private.targeting_rules_error(new.targeting_rules);
  v_missing text;
begin
  if v_error is not null then
    raise exception 'targeting_rules.%', v_error using errcode = '23514',
      hint = 'e.g. {"constraints": [{"contextName": "role", "operator": "IN", "values": ["customer"]}]}';
  end if;
  select k into v_missing from jsonb_array_elements_text(coalesce(new.targeting_rules -> 'segments', '[]')) k
   where not exists (select 1 from public.feature_flag_segments g where g.tenant_id = new.tenant_id and g.key = k)
   limit 1;
  if v_missing is not null then
    raise exception 'targeting_rules.segments: no segment "%" in this tenant', v_missing using errcode = '23503';
  end if;
  return new;
end
$$;

create or replace function private.evaluate_flag(p_flag public.feature_flags, p_context jsonb, p_override public.user_feature_flags)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_rules jsonb := coalesce(p_flag.targeting_rules, '{}');
  v_sticky text;
  v_group text := coalesce(v_rules ->> 'groupId', p_flag.key);
  v_bucket integer;
  v_index integer := 0;
  c jsonb;
  s record;
begin
  v_sticky := nullif(case coalesce(v_rules ->> 'stickiness', 'default')
    when 'userId' then p_context ->> 'userId'
    when 'tenantId' then p_context ->> 'tenantId'
    when 'sessionId' then p_context ->> 'sessionId'
    else coalesce(nullif(p_context ->> 'userId', ''), p_context ->> 'sessionId') end, '');
  if p_flag.kill_switch then
    return jsonb_build_object('enabled', false, 'variant', null, 'reason', 'kill_switch', 'details', '{}'::jsonb);
  end if;
  if p_override.id is not null and p_override.expires_at > now() then
    return jsonb_build_object('enabled', p_override.is_enabled,
      'variant', case when p_override.is_enabled then coalesce(p_override.variant, private.flag_variant(p_flag.variants, v_sticky, p_flag.key)) end,
      'reason', 'override',
      'details', jsonb_build_object('override_reason', p_override.reason, 'expires_at', p_override.expires_at));
  end if;
  if not p_flag.is_enabled then
    return jsonb_build_object('enabled', false, 'variant', null, 'reason', 'disabled', 'details', '{}'::jsonb);
  end if;
  for c in select e from jsonb_array_elements(coalesce(v_rules -> 'constraints', '[]')) e loop
    if not private.flag_constraint_matches(c, p_context) then
      return jsonb_build_object('enabled', false, 'variant', null, 'reason', 'constraint',
                                'details', jsonb_build_object('constraint', v_index));
    end if;
    v_index := v_index + 1;
  end loop;
  -- then the segments' rules, in the order the flag lists them; a segment that is gone fails closed
  if v_rules ? 'segments' then
    for s in select k.key, g.constraints from jsonb_array_elements_text(v_rules -> 'segments') with ordinality k (key, n)
               left join public.feature_flag_segments g on g.tenant_id = p_flag.tenant_id and g.key = k.key
              order by k.n loop
      if s.constraints is null then
        return jsonb_build_object('enabled', false, 'variant', null, 'reason', 'constraint',
                                  'details', jsonb_build_object('segment', s.key, 'missing', true));
      end if;
      v_index := 0;
      for c in select e from jsonb_array_elements(s.constraints) e loop
        if not private.flag_constraint_matches(c, p_context) then
          return jsonb_build_object('enabled', false, 'variant', null, 'reason', 'constraint',
                                    'details', jsonb_build_object('segment', s.key, 'constraint', v_index));
        end if;
        v_index := v_index + 1;
      end loop;
    end loop;
  end if;
  v_bucket := case when v_sticky is not null then private.normalized_hash(v_sticky, v_group, 100) end;
  if not private.flag_in_rollout(v_sticky, v_group, p_flag.rollout_percentage) then
    return jsonb_build_object('enabled', false, 'variant', null, 'reason', 'rollout',
      'details', jsonb_build_object('bucket', v_bucket, 'percentage', p_flag.rollout_percentage, 'group_id', v_group));
  end if;
  return jsonb_build_object('enabled', true, 'variant', private.flag_variant(p_flag.variants, v_sticky, p_flag.key),
    'reason', 'rollout',
    'details', jsonb_build_object('bucket', v_bucket, 'percentage', p_flag.rollout_percentage, 'group_id', v_group));
end
$$;

create or replace function public.feature_flag_config_changes(p_before jsonb, p_after jsonb)
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
    select 5, jsonb_build_object('change', 'segment removed', 'segment', e)
      from jsonb_array_elements_text(coalesce(p_before #> '{targeting_rules,segments}', '[]')) e
     where p_before is not null and not coalesce(p_after #> '{targeting_rules,segments}', '[]') ? e
    union all
    select 5, jsonb_build_object('change', 'segment added', 'segment', e)
      from jsonb_array_elements_text(coalesce(p_after #> '{targeting_rules,segments}', '[]')) e
     where p_before is not null and not coalesce(p_before #> '{targeting_rules,segments}', '[]') ? e
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
