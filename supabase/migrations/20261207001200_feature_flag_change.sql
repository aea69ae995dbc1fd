-- Changing a flag's behaviour with a reason (issue 29): change_feature_flag takes the new
-- rollout, variants, targeting or type together with a required note and the version the change
-- was made on (a stale one answers 409 naming who changed it since); the note lands in the flag's
-- history. revert_feature_flag puts a flag back as it was at a version.

create function public.change_feature_flag(p_flag_id uuid, p_changes jsonb, p_note text, p_version integer default null)
returns public.feature_flags
language plpgsql security definer
set search_path = ''
as $$
declare
  allowed constant text[] := array['rollout_percentage', 'variants', 'targeting_rules', 'flag_type', 'name', 'description'];
  v_before public.feature_flags := private.feature_flag_for_change(p_flag_id);
  v_after public.feature_flags;
  v_current integer;
  v_extra text;
  v_rollout integer;
begin
  if nullif(btrim(p_note), '') is null or char_length(p_note) > 500 then
    raise exception 'say why (a note of 1 to 500 characters): it is kept in the flag''s history' using errcode = '23514';
  end if;
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' or p_changes = '{}' then
    raise exception 'p_changes: an object with at least one of %', array_to_string(allowed, ', ') using errcode = '22023';
  end if;
  select k into v_extra from jsonb_object_keys(p_changes) k where k <> all (allowed) order by k collate "C" limit 1;
  if v_extra is not null then
    raise exception 'p_changes.%: cannot be changed here (allowed: %)', v_extra, array_to_string(allowed, ', ') using errcode = '22023';
  end if;
  select max(v.version) into v_current from public.feature_flag_versions v where v.flag_id = p_flag_id;
  if p_version is not null and p_version is distinct from v_current then
    raise exception 'flag % changed since you loaded it (version % is now %)', v_before.key, p_version, v_current
      using errcode = 'PT409',
            detail = coalesce('last changed by ' || (select coalesce(u.full_name, u.email) from public.feature_flag_versions v
              join public.users u on u.id = v.changed_by where v.flag_id = p_flag_id and v.version = v_current), 'last changed by the system');
  end if;
  if p_changes ? 'rollout_percentage' then
    if jsonb_typeof(p_changes -> 'rollout_percentage') <> 'number'
       or (p_changes ->> 'rollout_percentage')::numeric not between 0 and 100
       or (p_changes ->> 'rollout_percentage')::numeric <> trunc((p_changes ->> 'rollout_percentage')::numeric) then
      raise exception 'p_changes.rollout_percentage: a whole number from 0 to 100' using errcode = '22023';
    end if;
    v_rollout := (p_changes ->> 'rollout_percentage')::integer;
    if v_before.kill_switch and v_rollout > 0 then
      raise exception 'feature flag % is killed; revive it before rolling it out', v_before.key using errcode = 'P0001';
    end if;
  end if;

  perform set_config('loconomy.flag_change_note', btrim(p_note), true);
  update public.feature_flags f set
    rollout_percentage = coalesce(v_rollout, f.rollout_percentage),
    is_enabled = case when v_rollout is null then f.is_enabled else v_rollout > 0 end,
    variants = coalesce(p_changes -> 'variants', f.variants),
    targeting_rules = coalesce(p_changes -> 'targeting_rules', f.targeting_rules),
    flag_type = coalesce(p_changes ->> 'flag_type', f.flag_type),
    name = coalesce(p_changes ->> 'name', f.name),
    description = case when p_changes ? 'description' then p_changes ->> 'description' else f.description end
  where f.id = p_flag_id
  returning * into v_after;
  perform set_config('loconomy.flag_change_note', '', true);

  perform private.write_audit('admin_action', 'feature_flags', p_flag_id::text,
    private.feature_flag_config(v_before), private.feature_flag_config(v_after),
    jsonb_build_object('rpc', 'change_feature_flag', 'key', v_after.key, 'note', btrim(p_note)), v_after.tenant_id);
  return v_after;
end
$$;
revoke all on function public.change_feature_flag(uuid, jsonb, text, integer) from public, anon;
grant execute on function public.change_feature_flag(uuid, jsonb, text, integer) to authenticated, service_role;

-- Back to the rollout, variants, targeting and type of a version (a kill is undone by reviving).
create function public.revert_feature_flag(p_flag_id uuid, p_version integer, p_note text)
returns public.feature_flags
language plpgsql security definer
set search_path = ''
as $$
declare
  v_flag public.feature_flags := private.feature_flag_for_change(p_flag_id);
  v_config jsonb;
begin
  select v.config into v_config from public.feature_flag_versions v where v.flag_id = p_flag_id and v.version = p_version;
  if v_config is null then
    raise exception 'flag % has no version %', v_flag.key, p_version using errcode = 'PT404';
  end if;
  if nullif(btrim(p_note), '') is null then
    raise exception 'say why (a note of 1 to 500 characters): it is kept in the flag''s history' using errcode = '23514';
  end if;
  return public.change_feature_flag(p_flag_id,
    jsonb_build_object('rollout_percentage', (v_config ->> 'rollout_percentage')::integer, 'variants', v_config -> 'variants',
                       'targeting_rules', v_config -> 'targeting_rules', 'flag_type', v_config ->> 'flag_type'),
    left(format('Back to version %s: %s', p_version, btrim(p_note)), 500));
end
$$;
revoke all on function public.revert_feature_flag(uuid, integer, text) from public, anon;
grant execute on function public.revert_feature_flag(uuid, integer, text) to authenticated, service_role;
