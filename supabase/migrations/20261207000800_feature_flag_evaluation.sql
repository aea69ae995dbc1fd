-- Feature flags evaluate the same way here and in TypeScript (src/lib/feature-flags/), with
-- Unleash's bucketing so any service can reproduce a rollout:
--  * private.murmur3_32 (MurmurHash3 x86 32-bit over UTF-8 bytes) and private.normalized_hash
--    ("<groupId>:<id>", % normalizer + 1); rollout in when the bucket (1..100) <= percentage;
--    variant = the same hash with seed 86028157, % Σweights + 1, first running weight reaching it.
--  * targeting_rules in Unleash's vocabulary — { constraints: [{ contextName, operator, values |
--    value, inverted, caseInsensitive }], stickiness, groupId } — validated by the database with
--    an error naming the bad part (the same words as the TypeScript validator).
--  * Evaluation order: kill switch, unexpired per-user override, flag on, constraints, rollout,
--    variant; my_feature_flags() and evaluate_feature_flags(p_context) say which step decided.
--  * Overrides carry a reason and an expiry.
-- Byte behaviour: ids are hashed as UTF-8 (Unleash's Java, Go and Python SDKs do the same; its
-- Node SDK hashes the low byte of each UTF-16 unit, which agrees for ASCII ids such as UUIDs).

-- Hashing ---------------------------------------------------------------------------------------

-- 32-bit multiplications are split in 16-bit halves so no intermediate product leaves bigint.
create function private.murmur3_32(p_bytes bytea, p_seed bigint default 0)
returns bigint
language plpgsql immutable strict parallel safe
set search_path = ''
as $$
declare
  m constant bigint := 4294967295;
  h bigint := p_seed & 4294967295;
  k bigint;
  len integer := length(p_bytes);
  blocks integer := length(p_bytes) / 4;
  o integer;
begin
  for i in 0 .. blocks - 1 loop
    o := i * 4;
    k := get_byte(p_bytes, o)::bigint | (get_byte(p_bytes, o + 1)::bigint << 8)
       | (get_byte(p_bytes, o + 2)::bigint << 16) | (get_byte(p_bytes, o + 3)::bigint << 24);
    k := ((k * 11601) + (((k * 52382) & 65535) << 16)) & m;   -- × 0xcc9e2d51
    k := ((k << 15) | (k >> 17)) & m;
    k := ((k * 13715) + (((k * 7047) & 65535) << 16)) & m;    -- × 0x1b873593
    h := h # k;
    h := ((h << 13) | (h >> 19)) & m;
    h := (h * 5 + 3864292196) & m;                             -- × 5 + 0xe6546b64
  end loop;
  o := blocks * 4;
  k := 0;
  if len & 3 >= 3 then k := k # (get_byte(p_bytes, o + 2)::bigint << 16); end if;
  if len & 3 >= 2 then k := k # (get_byte(p_bytes, o + 1)::bigint << 8); end if;
  if len & 3 >= 1 then
    k := k # get_byte(p_bytes, o)::bigint;
    k := ((k * 11601) + (((k * 52382) & 65535) << 16)) & m;
    k := ((k << 15) | (k >> 17)) & m;
    k := ((k * 13715) + (((k * 7047) & 65535) << 16)) & m;
    h := h # k;
  end if;
  h := h # len;
  h := h # (h >> 16);
  h := ((h * 51819) + (((h * 34283) & 65535) << 16)) & m;     -- × 0x85ebca6b
  h := h # (h >> 13);
  h := ((h * 44597) + (((h * 49842) & 65535) << 16)) & m;     -- × 0xc2b2ae35
  h := h # (h >> 16);
  return h;
end
$$;

-- Unleash's normalizedStrategyValue / normalizedVariantValue: 1..p_normalizer
create function private.normalized_hash(p_id text, p_group_id text, p_normalizer integer, p_seed bigint default 0)
returns integer
language sql immutable strict parallel safe
set search_path = ''
as $$
  select (private.murmur3_32(convert_to(p_group_id || ':' || p_id, 'UTF8'), p_seed) % p_normalizer + 1)::integer
$$;

create function private.flag_in_rollout(p_stickiness text, p_group_id text, p_percentage integer)
returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select coalesce(p_stickiness, '') <> '' and coalesce(p_percentage, 0) > 0
     and private.normalized_hash(p_stickiness, p_group_id, 100) <= p_percentage
$$;

create function private.flag_variant(p_variants jsonb, p_stickiness text, p_group_id text)
returns text
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  v_total integer;
  v_target integer;
  v_running integer := 0;
  v record;
begin
  select coalesce(sum(greatest((e ->> 'weight')::integer, 0)), 0) into v_total
    from jsonb_array_elements(coalesce(p_variants, '[]')) e;
  if v_total <= 0 or coalesce(p_stickiness, '') = '' then
    return null;
  end if;
  v_target := private.normalized_hash(p_stickiness, p_group_id, v_total, 86028157);
  for v in select e ->> 'key' as key, (e ->> 'weight')::integer as weight
             from jsonb_array_elements(p_variants) with ordinality x (e, n) order by n loop
    continue when v.weight <= 0;
    v_running := v_running + v.weight;
    if v_running >= v_target then
      return v.key;
    end if;
  end loop;
  return null;
end
$$;

-- Semantic versions ------------------------------------------------------------------------------

-- -1, 0, 1 by semver.org precedence (build metadata ignored); null when either is not a version
create function private.semver_compare(a text, b text)
returns integer
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  re constant text := '^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$';
  x text[] := regexp_match(a, re);
  y text[] := regexp_match(b, re);
  xs text[];
  ys text[];
  d integer;
begin
  if x is null or y is null then
    return null;
  end if;
  for i in 1 .. 3 loop
    d := sign(x[i]::numeric - y[i]::numeric)::integer;
    if d <> 0 then return d; end if;
  end loop;
  if x[4] is null and y[4] is null then return 0; end if;
  if x[4] is null then return 1; end if;
  if y[4] is null then return -1; end if;
  xs := string_to_array(x[4], '.');
  ys := string_to_array(y[4], '.');
  for i in 1 .. least(cardinality(xs), cardinality(ys)) loop
    if xs[i] ~ '^\d+$' and ys[i] ~ '^\d+$' then
      d := sign(xs[i]::numeric - ys[i]::numeric)::integer;
    elsif xs[i] ~ '^\d+$' then
      d := -1;
    elsif ys[i] ~ '^\d+$' then
      d := 1;
    else
      d := case when xs[i] collate "C" < ys[i] collate "C" then -1 when xs[i] collate "C" > ys[i] collate "C" then 1 else 0 end;
    end if;
    if d <> 0 then return d; end if;
  end loop;
  return sign(cardinality(xs) - cardinality(ys))::integer;
end
$$;

-- Targeting rules ------------------------------------------------------------------------------

-- The first thing wrong with the rules, naming where; null when valid. The messages are
-- src/lib/feature-flags/constraints.ts's, word for word (tests/integration compares them).
create function private.targeting_rules_error(p_rules jsonb)
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
  rule_keys constant text[] := array['constraints', 'stickiness', 'groupId'];
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

-- An RFC 3339 date-time with its offset that is a real instant (no 30 February)
create function private.is_date_time(p_value text)
returns boolean
language plpgsql immutable parallel safe
set search_path = ''
as $$
begin
  if p_value !~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$' then
    return false;
  end if;
  perform p_value::timestamptz;
  return true;
exception when datetime_field_overflow or invalid_datetime_format then
  return false;
end
$$;

-- Whether a context ({ field: "text" | ["text", …] }) satisfies one (valid) constraint.
create function private.flag_constraint_matches(p_constraint jsonb, p_context jsonb)
returns boolean
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  v_field jsonb := p_context -> (p_constraint ->> 'contextName');
  v_values text[] := case jsonb_typeof(v_field)
                       when 'string' then array[v_field #>> '{}']
                       when 'array' then array(select x from jsonb_array_elements_text(v_field) x)
                       else '{}' end;
  v_targets text[] := case when jsonb_typeof(p_constraint -> 'values') = 'array'
                           then array(select x from jsonb_array_elements_text(p_constraint -> 'values') x) end;
  v_ci boolean := coalesce((p_constraint ->> 'caseInsensitive')::boolean, false);
  v_op text := p_constraint ->> 'operator';
  v_first text := v_values[1];
  v_target text := p_constraint ->> 'value';
  v_cmp integer;
  v_result boolean;
begin
  if v_ci and v_op like 'STR\_%' then
    v_values := array(select lower(x) from unnest(v_values) x);
    v_targets := array(select lower(x) from unnest(v_targets) x);
  end if;
  if v_op = 'IN' then
    v_result := v_values && v_targets;
  elsif v_op = 'NOT_IN' then
    v_result := not (v_values && v_targets);
  elsif v_op = 'STR_CONTAINS' then
    v_result := exists (select 1 from unnest(v_values) x, unnest(v_targets) t where strpos(x, t) > 0);
  elsif v_op = 'STR_STARTS_WITH' then
    v_result := exists (select 1 from unnest(v_values) x, unnest(v_targets) t where left(x, char_length(t)) = t);
  elsif v_op = 'STR_ENDS_WITH' then
    v_result := exists (select 1 from unnest(v_values) x, unnest(v_targets) t where right(x, char_length(t)) = t);
  elsif v_first is null then
    v_result := false;
  elsif v_op like 'NUM\_%' then
    if v_first !~ '^-?\d+(\.\d+)?$' then
      v_result := false;
    else
      v_cmp := sign(v_first::numeric - v_target::numeric)::integer;
      v_result := case v_op when 'NUM_EQ' then v_cmp = 0 when 'NUM_GT' then v_cmp > 0 when 'NUM_GTE' then v_cmp >= 0
                            when 'NUM_LT' then v_cmp < 0 else v_cmp <= 0 end;
    end if;
  elsif v_op like 'DATE\_%' then
    begin
      v_result := case v_op when 'DATE_AFTER' then v_first::timestamptz > v_target::timestamptz
                            else v_first::timestamptz < v_target::timestamptz end;
    exception when others then
      v_result := false;
    end;
  else
    v_cmp := private.semver_compare(v_first, v_target);
    v_result := case when v_cmp is null then false
                     when v_op = 'SEMVER_EQ' then v_cmp = 0 when v_op = 'SEMVER_GT' then v_cmp > 0 else v_cmp < 0 end;
  end if;
  return case when coalesce((p_constraint ->> 'inverted')::boolean, false) then not v_result else v_result end;
end
$$;

-- Stored rules: the old { roles, user_ids, min_account_age_days } become constraints (the audit
-- trigger keeps what was there), then every write is validated.
update public.feature_flags f set targeting_rules = jsonb_strip_nulls(jsonb_build_object('constraints',
    nullif(
      coalesce(case when jsonb_typeof(f.targeting_rules -> 'roles') = 'array' and jsonb_array_length(f.targeting_rules -> 'roles') > 0
               then jsonb_build_array(jsonb_build_object('contextName', 'role', 'operator', 'IN', 'values', f.targeting_rules -> 'roles')) end, '[]')
      || coalesce(case when jsonb_typeof(f.targeting_rules -> 'user_ids') = 'array' and jsonb_array_length(f.targeting_rules -> 'user_ids') > 0
                  then jsonb_build_array(jsonb_build_object('contextName', 'userId', 'operator', 'IN', 'values', f.targeting_rules -> 'user_ids')) end, '[]')
      || coalesce(case when jsonb_typeof(f.targeting_rules -> 'min_account_age_days') = 'number'
                  then jsonb_build_array(jsonb_build_object('contextName', 'signupDate', 'operator', 'DATE_BEFORE',
                         'value', to_char((now() - make_interval(days => (f.targeting_rules ->> 'min_account_age_days')::integer)) at time zone 'UTC',
                                          'YYYY-MM-DD"T"HH24:MI:SS"Z"'))) end, '[]'),
      '[]'::jsonb)))
 where private.targeting_rules_error(f.targeting_rules) is not null;

create function private.feature_flags_validate_rules()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_error text := private.targeting_rules_error(new.targeting_rules);
begin
  if v_error is not null then
    raise exception 'targeting_rules.%', v_error using errcode = '23514',
      hint = 'e.g. {"constraints": [{"contextName": "role", "operator": "IN", "values": ["customer"]}]}';
  end if;
  return new;
end
$$;
revoke all on function private.feature_flags_validate_rules() from public, anon, authenticated;
create trigger validate_targeting_rules before insert or update of targeting_rules on public.feature_flags
  for each row execute function private.feature_flags_validate_rules();

-- Overrides: a reason and an expiry ------------------------------------------------------------------

update public.user_feature_flags set reason = 'Added before overrides needed a reason'
 where reason is null or btrim(reason) = '';
update public.user_feature_flags set expires_at = greatest(created_at + interval '90 days', now() + interval '30 days')
 where expires_at is null;
alter table public.user_feature_flags
  alter column reason set not null,
  alter column expires_at set not null,
  add constraint user_feature_flags_reason_given check (char_length(btrim(reason)) between 1 and 500),
  add constraint user_feature_flags_expiry_check check (expires_at > created_at);
comment on column public.user_feature_flags.expires_at is 'The override stops applying at this time (required: overrides are temporary).';

-- Evaluation -------------------------------------------------------------------------------------

-- What a user is to the constraints: id, tenant, role, email and its domain, signup date, city,
-- the regions whose boundary holds their location, and the time.
create function private.flag_user_context(p_user_id uuid)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'userId', u.id::text,
    'tenantId', u.tenant_id::text,
    'role', u.role::text,
    'email', u.email,
    'emailDomain', nullif(lower(split_part(u.email, '@', 2)), ''),
    'signupDate', to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'city', nullif(p.address ->> 'city', ''),
    'region', (select jsonb_agg(r.code order by r.code) from public.regions r
                where p.location is not null and r.boundary is not null and extensions.st_covers(r.boundary, p.location)),
    'currentTime', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
    from public.users u left join public.user_profiles p on p.user_id = u.id
   where u.id = p_user_id
$$;
revoke all on function private.flag_user_context(uuid) from public, anon, authenticated;

-- One flag for one context: { enabled, variant, reason, details }, reason = the deciding step.
create function private.evaluate_flag(p_flag public.feature_flags, p_context jsonb, p_override public.user_feature_flags)
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
revoke all on function private.evaluate_flag(public.feature_flags, jsonb, public.user_feature_flags) from public, anon, authenticated;

-- The flags of one tenant for one context, each with the step that decided it.
create function private.evaluate_tenant_flags(p_tenant_id uuid, p_context jsonb, p_user_id uuid)
returns table (key text, enabled boolean, variant text, reason text, details jsonb)
language sql stable security definer
set search_path = ''
as $$
  select f.key, (r ->> 'enabled')::boolean, r ->> 'variant', r ->> 'reason', r -> 'details'
    from public.feature_flags f
    left join public.user_feature_flags o on o.flag_id = f.id and o.user_id = p_user_id
    cross join lateral private.evaluate_flag(f, p_context, o) r
   where f.tenant_id = p_tenant_id
   order by f.key
$$;
revoke all on function private.evaluate_tenant_flags(uuid, jsonb, uuid) from public, anon, authenticated;

drop function public.my_feature_flags();
drop function private.feature_flag_bucket(text, text, uuid);

-- The caller's own flags.
create function public.my_feature_flags()
returns table (key text, enabled boolean, variant text, reason text)
language sql stable security definer
set search_path = ''
as $$
  select e.key, e.enabled, e.variant, e.reason
    from public.users u
   cross join lateral private.evaluate_tenant_flags(u.tenant_id, private.flag_user_context(u.id), u.id) e
   where u.id = private.current_user_id()
$$;
revoke all on function public.my_feature_flags() from public, anon, authenticated;
grant execute on function public.my_feature_flags() to authenticated, service_role;

-- Flags for a context a server or the playground describes: { userId?, tenantId?, sessionId?,
-- role?, email?, emailDomain?, signupDate?, city?, region?, appVersion?, currentTime? }. With a
-- userId, the user's own facts and overrides fill what the context leaves out. The service role
-- may ask for anyone; staff with feature_flags.read or .manage for their tenant; nobody else.
create function public.evaluate_feature_flags(p_context jsonb)
returns table (key text, enabled boolean, variant text, reason text, details jsonb)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  fields constant text[] := array['userId', 'tenantId', 'sessionId', 'role', 'email', 'emailDomain', 'signupDate',
    'city', 'region', 'appVersion', 'currentTime'];
  v_service boolean := coalesce(auth.jwt() ->> 'role', '') = 'service_role';
  v_extra text;
  v_user public.users;
  v_tenant uuid;
  v_context jsonb;
begin
  if not v_service and not (private.has_permission('feature_flags.read') or private.has_permission('feature_flags.manage')) then
    raise exception 'permission denied: evaluating flags for others needs feature_flags.read' using errcode = '42501';
  end if;
  if p_context is null or jsonb_typeof(p_context) <> 'object' then
    raise exception 'p_context must be a JSON object of context fields' using errcode = '22023';
  end if;
  select k into v_extra from jsonb_object_keys(p_context) k where k <> all (fields) order by k collate "C" limit 1;
  if v_extra is not null then
    raise exception 'p_context.%: unknown field (allowed: %)', v_extra, array_to_string(fields, ', ') using errcode = '22023';
  end if;
  select k into v_extra from jsonb_each(p_context) x (k, v)
   where jsonb_typeof(v) not in ('string', 'null')
     and not (k = 'region' and jsonb_typeof(v) = 'array'
              and not exists (select 1 from jsonb_array_elements(v) r where jsonb_typeof(r) <> 'string'))
   order by k collate "C" limit 1;
  if v_extra is not null then
    raise exception 'p_context.%: must be a string%', v_extra, case when v_extra = 'region' then ' or a list of strings' else '' end
      using errcode = '22023';
  end if;
  if p_context ? 'userId' then
    if (p_context ->> 'userId') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      raise exception 'p_context.userId: not a user id' using errcode = '22023';
    end if;
    select * into v_user from public.users u where u.id = (p_context ->> 'userId')::uuid;
    if v_user.id is null then
      raise exception 'user % does not exist', p_context ->> 'userId' using errcode = 'PT404';
    end if;
  end if;
  begin
    v_tenant := coalesce(v_user.tenant_id, (p_context ->> 'tenantId')::uuid,
                         case when not v_service then private.current_tenant_id() end);
  exception when invalid_text_representation then
    raise exception 'p_context.tenantId: not a tenant id' using errcode = '22023';
  end;
  if v_tenant is null then
    raise exception 'p_context needs a userId or a tenantId' using errcode = '22023';
  end if;
  if v_user.id is not null and p_context ? 'tenantId' and (p_context ->> 'tenantId') <> v_user.tenant_id::text then
    raise exception 'p_context.tenantId: the user belongs to another tenant' using errcode = '22023';
  end if;
  if not v_service and not (private.staff_can('feature_flags.read', v_tenant) or private.staff_can('feature_flags.manage', v_tenant)) then
    raise exception 'permission denied: the flags of another tenant' using errcode = '42501';
  end if;
  v_context := coalesce(private.flag_user_context(v_user.id), jsonb_build_object(
                 'tenantId', v_tenant::text,
                 'currentTime', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
               || jsonb_strip_nulls(p_context);
  return query select * from private.evaluate_tenant_flags(v_tenant, v_context, v_user.id);
end
$$;
revoke all on function public.evaluate_feature_flags(jsonb) from public, anon, authenticated;
grant execute on function public.evaluate_feature_flags(jsonb) to authenticated, service_role;

revoke all on function private.murmur3_32(bytea, bigint), private.normalized_hash(text, text, integer, bigint),
  private.flag_in_rollout(text, text, integer), private.flag_variant(jsonb, text, text),
  private.semver_compare(text, text), private.targeting_rules_error(jsonb), private.is_date_time(text),
  private.flag_constraint_matches(jsonb, jsonb) from public, anon, authenticated;
