-- A suspended or banned user's access token stops working at once (issue 31). sanction_user
-- ends their sessions and sets the auth ban, so no refresh token or password gets a new
-- token; but an access token already issued is a signed JWT, valid until it expires (an hour),
-- and PostgREST checks only its signature. Every policy and staff check resolves the caller
-- through private.current_user_id(), so that is where a sanction in force makes the caller
-- nobody: their requests see no rows of theirs and may write none. A suspension past its end
-- no longer counts, even before the next sanction call records it as lapsed.
-- Staff cannot be sanctioned (sanction_target refuses), so no staff account is locked out here.
-- One thing a sanctioned user still reads with their token: their own sanctions (why, until
-- when), through private.signed_in_user_id(), the caller's identity whatever their standing.

create function private.signed_in_user_id() returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_sub text := private.jwt_sub();
  v_id uuid;
begin
  if v_sub is null then
    return null;
  end if;
  if v_sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    select u.id into v_id from public.users u where u.auth_user_id = v_sub::uuid and u.deleted_at is null;
  end if;
  if v_id is null then
    select u.id into v_id from public.users u where u.clerk_id = v_sub and u.deleted_at is null;
  end if;
  return v_id;
end
$$;
revoke all on function private.signed_in_user_id() from public, anon;
grant execute on function private.signed_in_user_id() to authenticated, service_role;

create or replace function private.current_user_id() returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_id uuid := private.signed_in_user_id();
begin
  if v_id is not null and exists (select 1 from public.user_sanctions s
                                   where s.user_id = v_id and s.lifted_at is null
                                     and (s.ends_at is null or s.ends_at > now())) then
    return null;
  end if;
  return v_id;
end
$$;

drop policy "Users can read their own sanctions" on public.user_sanctions;
create policy "Users can read their own sanctions, even while sanctioned" on public.user_sanctions
  for select to authenticated using (user_id = (select private.signed_in_user_id()));
