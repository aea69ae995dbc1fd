-- Every change of how a flag behaves carries a "why" (issue 29): variants, targeting and type are
-- no longer written by a plain UPDATE (which has no place for a note) but by change_feature_flag;
-- set_feature_flag_rollout takes the note too. A new flag still starts with them (its history
-- says "Created"), and name and description stay a plain edit: they change no user's flag.

revoke update (variants, targeting_rules, flag_type) on public.feature_flags from authenticated;

drop function public.set_feature_flag_rollout(uuid, integer, boolean);
create function public.set_feature_flag_rollout(p_flag_id uuid, p_rollout_percentage integer, p_note text)
returns public.feature_flags
language plpgsql security definer
set search_path = ''
as $$
declare
  v_before public.feature_flags := private.feature_flag_for_change(p_flag_id);
  v_after public.feature_flags;
begin
  if p_rollout_percentage is null or p_rollout_percentage not between 0 and 100 then
    raise exception 'rollout percentage must be between 0 and 100 (got %)', p_rollout_percentage using errcode = '22023';
  end if;
  if nullif(btrim(p_note), '') is null or char_length(p_note) > 500 then
    raise exception 'say why (a note of 1 to 500 characters): it is kept in the flag''s history' using errcode = '23514';
  end if;
  if v_before.kill_switch and p_rollout_percentage > 0 then
    raise exception 'feature flag % is killed; revive it before rolling it out', v_before.key using errcode = 'P0001';
  end if;
  perform set_config('loconomy.flag_change_note', btrim(p_note), true);
  update public.feature_flags
     set rollout_percentage = p_rollout_percentage, is_enabled = p_rollout_percentage > 0
   where id = p_flag_id
  returning * into v_after;
  perform set_config('loconomy.flag_change_note', '', true);
  perform private.write_audit('admin_action', 'feature_flags', p_flag_id::text,
    jsonb_build_object('is_enabled', v_before.is_enabled, 'rollout_percentage', v_before.rollout_percentage),
    jsonb_build_object('is_enabled', v_after.is_enabled, 'rollout_percentage', v_after.rollout_percentage),
    jsonb_build_object('rpc', 'set_feature_flag_rollout', 'key', v_after.key, 'note', btrim(p_note)), v_after.tenant_id);
  return v_after;
end
$$;
comment on function public.set_feature_flag_rollout(uuid, integer, text) is
  'Rolls a flag out to a percentage (0 switches it off), with the why kept in its history. Needs feature_flags.manage in the flag''s tenant.';
revoke all on function public.set_feature_flag_rollout(uuid, integer, text) from public, anon;
grant execute on function public.set_feature_flag_rollout(uuid, integer, text) to authenticated, service_role;
