-- Before a product manager saves a rollout, variant or targeting change: who it moves, computed
-- over the tenant's real users with the same evaluation as my_feature_flags() (overrides, kill
-- switch and all) — how many enter and leave, by role, region and city, and how many switch
-- variant, by pair. Nothing is written.

-- Every active user of a tenant with the context the constraints see, built in one pass (the
-- regions by a spatial join) rather than user by user.
create function private.flag_tenant_contexts(p_tenant_id uuid)
returns table (user_id uuid, context jsonb)
language sql stable security definer
set search_path = ''
as $$
  select u.id,
         jsonb_strip_nulls(jsonb_build_object(
           'userId', u.id::text,
           'tenantId', u.tenant_id::text,
           'role', u.role::text,
           'email', u.email,
           'emailDomain', nullif(lower(split_part(u.email, '@', 2)), ''),
           'signupDate', to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'city', nullif(p.address ->> 'city', ''),
           'region', r.codes,
           'currentTime', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
    from public.users u
    left join public.user_profiles p on p.user_id = u.id
    left join lateral (select jsonb_agg(g.code order by g.code) as codes from public.regions g
                        where p.location is not null and g.boundary is not null
                          and extensions.st_covers(g.boundary, p.location)) r on true
   where u.tenant_id = p_tenant_id and u.deleted_at is null and u.status = 'active'
$$;
revoke all on function private.flag_tenant_contexts(uuid) from public, anon, authenticated;

create function public.preview_feature_flag_change(
  p_flag_id uuid,
  p_rollout_percentage integer default null,
  p_targeting_rules jsonb default null,
  p_variants jsonb default null)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_before public.feature_flags;
  v_after public.feature_flags;
  v_error text;
  v_result jsonb;
begin
  if not (private.has_permission('feature_flags.read') or private.has_permission('feature_flags.manage')) then
    raise exception 'permission denied: previewing a flag needs feature_flags.read' using errcode = '42501';
  end if;
  select * into v_before from public.feature_flags f where f.id = p_flag_id;
  if v_before.id is null then
    raise exception 'feature flag % does not exist', p_flag_id using errcode = 'PT404';
  end if;
  if not (private.staff_can('feature_flags.read', v_before.tenant_id) or private.staff_can('feature_flags.manage', v_before.tenant_id)) then
    raise exception 'permission denied: feature flag % belongs to another tenant', v_before.key using errcode = '42501';
  end if;
  if p_rollout_percentage is not null and p_rollout_percentage not between 0 and 100 then
    raise exception 'rollout percentage must be between 0 and 100 (got %)', p_rollout_percentage using errcode = '22023';
  end if;
  v_error := private.targeting_rules_error(p_targeting_rules);
  if p_targeting_rules is not null and v_error is not null then
    raise exception 'targeting_rules.%', v_error using errcode = '22023';
  end if;
  if p_variants is not null and not private.feature_flag_variants_valid(p_variants) then
    raise exception 'variants: distinct keys (a-z, 0-9, _ and -) with whole weights adding up to 100, or none'
      using errcode = '22023';
  end if;

  -- the change as it would be saved: a rollout above 0 % switches the flag on, as set_feature_flag_rollout does
  v_after := v_before;
  if p_rollout_percentage is not null then
    v_after.rollout_percentage := p_rollout_percentage;
    v_after.is_enabled := p_rollout_percentage > 0 and not v_before.kill_switch;
  end if;
  v_after.targeting_rules := coalesce(p_targeting_rules, v_before.targeting_rules);
  v_after.variants := coalesce(p_variants, v_before.variants);

  with evaluated as (
    select c.user_id, c.context,
           private.evaluate_flag(v_before, c.context, o) as before,
           private.evaluate_flag(v_after, c.context, o) as after
      from private.flag_tenant_contexts(v_before.tenant_id) c
      left join public.user_feature_flags o on o.flag_id = v_before.id and o.user_id = c.user_id
  ),
  moves as (
    select e.context, (e.before ->> 'enabled')::boolean as was_on, (e.after ->> 'enabled')::boolean as is_on,
           e.before ->> 'variant' as was_variant, e.after ->> 'variant' as is_variant
      from evaluated e
  ),
  by_dimension as (
    select d.dimension, d.value, count(*) filter (where not m.was_on and m.is_on) as entering,
           count(*) filter (where m.was_on and not m.is_on) as leaving
      from moves m
     cross join lateral (
       select 'role' as dimension, m.context ->> 'role' as value
       union all select 'city', coalesce(m.context ->> 'city', '(none)')
       union all select 'region', x from jsonb_array_elements_text(coalesce(m.context -> 'region', '["(none)"]')) x
     ) d
     group by d.dimension, d.value
    having count(*) filter (where m.was_on <> m.is_on) > 0
  )
  select jsonb_build_object(
    'users', (select count(*) from moves),
    'on_before', (select count(*) from moves where was_on),
    'on_after', (select count(*) from moves where is_on),
    'entering', (select count(*) from moves where not was_on and is_on),
    'leaving', (select count(*) from moves where was_on and not is_on),
    'by_role', coalesce((select jsonb_agg(jsonb_build_object('value', b.value, 'entering', b.entering, 'leaving', b.leaving)
                                          order by b.entering + b.leaving desc, b.value)
                           from by_dimension b where b.dimension = 'role'), '[]'::jsonb),
    'by_region', coalesce((select jsonb_agg(jsonb_build_object('value', b.value, 'entering', b.entering, 'leaving', b.leaving)
                                            order by b.entering + b.leaving desc, b.value)
                             from by_dimension b where b.dimension = 'region'), '[]'::jsonb),
    'by_city', coalesce((select jsonb_agg(jsonb_build_object('value', b.value, 'entering', b.entering, 'leaving', b.leaving)
                                          order by b.entering + b.leaving desc, b.value)
                           from (select * from by_dimension where dimension = 'city'
                                  order by entering + leaving desc, value limit 20) b), '[]'::jsonb),
    'variant_switches', coalesce((select jsonb_agg(jsonb_build_object('from', s.was_variant, 'to', s.is_variant, 'users', s.n)
                                                   order by s.n desc, s.was_variant, s.is_variant)
                                    from (select was_variant, is_variant, count(*) as n from moves
                                           where was_on and is_on and was_variant is distinct from is_variant
                                           group by was_variant, is_variant) s), '[]'::jsonb)
  ) into v_result;
  return v_result;
end
$$;
revoke all on function public.preview_feature_flag_change(uuid, integer, jsonb, jsonb) from public, anon;
grant execute on function public.preview_feature_flag_change(uuid, integer, jsonb, jsonb) to authenticated, service_role;
