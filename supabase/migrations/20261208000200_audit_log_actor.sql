set local lock_timeout = '5s';

-- Who did it, by name, in the same request as the entries: audit_logs has no foreign key to
-- users (the history outlives the people in it), so PostgREST could not embed the actor and the
-- admin showed a uuid. A computed relationship (PostgREST: a function taking the row and
-- returning the related rows) embeds it as `select=*,actor(full_name,email)`, one query per page.
-- It runs as the caller: users' own policies decide whose names a reader sees; an actor the
-- reader may not see (another tenant's staff, a deleted user) embeds as null.
--
-- Sections: functions, grants.

-- Functions ----------------------------------------------------------------------------
create function public.actor(public.audit_logs) returns setof public.users
language sql stable
rows 1
set search_path = ''
as $$
  select u.* from public.users u where u.id = $1.actor_id
$$;
comment on function public.actor(public.audit_logs) is
  'The user who made an audit entry, for embedding (`audit_logs?select=*,actor(full_name)`); null when the reader may not see them.';

-- Grants -------------------------------------------------------------------------------
revoke all on function public.actor(public.audit_logs) from public, anon;
grant execute on function public.actor(public.audit_logs) to authenticated, service_role;
