-- User sanctions (issue 31): verify a user, suspend one for a period, ban one, and lift a
-- sanction — each one audited function. A new permission, users.sanction, lets operations do
-- this without users.manage (which also creates users and changes identities).
--   suspend   users.status suspended until p_until: the auth ban (banned_until) refuses sign-in
--             and refresh until then, and every session ends now
--   ban       users.status banned until lifted, sessions end, and the provider's active
--             listings are taken out of view (status suspended), each one recorded
--   lift      the user's status as it was, the auth ban gone, and exactly the listings the ban
--             hid back as they were (those changed since by someone else are left alone)
--   verify    verification_status verified
-- user_sanctions keeps every sanction (who, why, until, what it hid, who lifted it); written
-- only by these functions. A suspension past its end is lifted by the next sanction or lift.
-- Errors: 42501 permission, tenant, staff or oneself; PT404 no such user or no sanction to
-- lift; PT409 already sanctioned; 22023 a reason or period out of bounds.

insert into public.permissions (key, description)
values ('users.sanction', 'Verify users, suspend and ban them, and lift sanctions');
insert into public.role_permissions (role, permission_id)
select r.role, p.id from (values ('operations'), ('admin'), ('super_admin')) as r (role)
  cross join public.permissions p where p.key = 'users.sanction';

create table public.user_sanctions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  user_id uuid not null references public.users (id) on delete cascade,
  kind text not null check (kind in ('suspension', 'ban')),
  reason text not null check (char_length(trim(reason)) between 3 and 500),
  starts_at timestamptz not null default now(),
  ends_at timestamptz,
  previous_status public.user_status not null,
  hidden_listings jsonb not null default '[]' check (jsonb_typeof(hidden_listings) = 'array'),
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  lifted_at timestamptz,
  lifted_by uuid references public.users (id) on delete set null,
  lift_reason text check (lift_reason is null or char_length(lift_reason) <= 500),
  constraint user_sanctions_period_check check ((kind = 'suspension') = (ends_at is not null) and (ends_at is null or ends_at > starts_at)),
  constraint user_sanctions_lift_check check ((lifted_at is null) = (lift_reason is null))
);
comment on table public.user_sanctions is
  'Suspensions and bans: why, until when, which listings a ban hid, and who lifted them. Written only by the sanction functions.';
comment on column public.user_sanctions.hidden_listings is 'The listings the ban took out of view, each with the status it had: [{"id", "status"}].';
create unique index user_sanctions_one_open on public.user_sanctions (user_id) where lifted_at is null;
create index user_sanctions_user_id_idx on public.user_sanctions (user_id, created_at desc);
create index user_sanctions_tenant_id_idx on public.user_sanctions (tenant_id, created_at desc);
create index user_sanctions_created_by_idx on public.user_sanctions (created_by);
create index user_sanctions_lifted_by_idx on public.user_sanctions (lifted_by);

alter table public.user_sanctions enable row level security;
revoke all on table public.user_sanctions from anon, authenticated;
grant select on table public.user_sanctions to authenticated;
grant all on table public.user_sanctions to service_role;
create policy "Staff with users.read can read the sanctions of their tenant" on public.user_sanctions
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('users.read'))::uuid[]));
create policy "Users can read their own sanctions" on public.user_sanctions
  for select to authenticated using (user_id = (select private.current_user_id()));

-- The user, locked, once the caller may sanction them; an open suspension past its end is
-- lifted on the way (it lapsed).
create function private.sanction_target(p_user_id uuid)
returns public.users
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
begin
  if not private.has_permission('users.sanction') then
    raise exception 'permission denied: sanctions need users.sanction' using errcode = '42501';
  end if;
  select * into v_user from public.users u where u.id = p_user_id for update;
  if not found then
    raise exception 'user % does not exist', p_user_id using errcode = 'PT404';
  end if;
  if not private.staff_can('users.sanction', v_user.tenant_id) then
    raise exception 'permission denied: user % belongs to another tenant', p_user_id using errcode = '42501';
  end if;
  if v_user.id = private.current_user_id() then
    raise exception 'nobody sanctions themselves' using errcode = '42501';
  end if;
  if v_user.role in ('admin', 'super_admin') then
    raise exception 'staff accounts are not sanctioned here: change their role or permissions' using errcode = '42501';
  end if;
  update public.users u set status = s.previous_status
    from public.user_sanctions s
   where u.id = p_user_id and u.status = 'suspended' and s.user_id = p_user_id and s.lifted_at is null and s.ends_at <= now();
  update public.user_sanctions s set lifted_at = s.ends_at, lift_reason = 'The suspension ended'
   where s.user_id = p_user_id and s.lifted_at is null and s.ends_at <= now();
  select * into v_user from public.users u where u.id = p_user_id;
  return v_user;
end
$$;
revoke all on function private.sanction_target(uuid) from public, anon, authenticated;

create function private.check_sanction_reason(p_reason text)
returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  if p_reason is null or char_length(trim(p_reason)) < 3 then
    raise exception 'say why: a reason of at least 3 characters is required' using errcode = '22023';
  end if;
  if char_length(p_reason) > 500 then
    raise exception 'the reason is at most 500 characters' using errcode = '22023';
  end if;
end
$$;
revoke all on function private.check_sanction_reason(text) from public, anon, authenticated;

create function public.sanction_user(p_user_id uuid, p_kind text, p_reason text, p_until timestamptz default null)
returns public.user_sanctions
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
  v_sanction public.user_sanctions;
  v_hidden jsonb := '[]';
  v_status public.user_status;
begin
  if p_kind is null or p_kind not in ('suspend', 'ban') then
    raise exception 'p_kind: suspend or ban (got %)', coalesce(p_kind, 'null') using errcode = '22023';
  end if;
  perform private.check_sanction_reason(p_reason);
  if p_kind = 'suspend' and (p_until is null or p_until <= now() or p_until > now() + interval '366 days') then
    raise exception 'a suspension ends within a year from now (p_until)' using errcode = '22023';
  end if;
  if p_kind = 'ban' and p_until is not null then
    raise exception 'a ban lasts until it is lifted: leave p_until out' using errcode = '22023';
  end if;
  v_user := private.sanction_target(p_user_id);
  if exists (select 1 from public.user_sanctions s where s.user_id = p_user_id and s.lifted_at is null) then
    raise exception 'user % is already % : lift that first', p_user_id, v_user.status using errcode = 'PT409';
  end if;
  v_status := case p_kind when 'ban' then 'banned' else 'suspended' end::public.user_status;

  if p_kind = 'ban' then
    with hidden as (
      update public.listings l set status = 'suspended'
        from public.listings o
       where l.id = o.id and l.provider_id = p_user_id and l.status = 'active' and l.deleted_at is null
      returning l.id, o.status
    )
    select coalesce(jsonb_agg(jsonb_build_object('id', h.id, 'status', h.status) order by h.id), '[]') into v_hidden from hidden h;
  end if;

  insert into public.user_sanctions (tenant_id, user_id, kind, reason, ends_at, previous_status, hidden_listings, created_by)
  values (v_user.tenant_id, p_user_id, case p_kind when 'ban' then 'ban' else 'suspension' end, trim(p_reason),
          case when p_kind = 'suspend' then p_until end, v_user.status, v_hidden, private.current_user_id())
  returning * into v_sanction;
  update public.users u set status = v_status where u.id = p_user_id;
  -- the auth side: no sign-in or refresh until the end, and every session ends now
  if v_user.auth_user_id is not null then
    update auth.users a set banned_until = coalesce(p_until, now() + interval '100 years') where a.id = v_user.auth_user_id;
    delete from auth.sessions s where s.user_id = v_user.auth_user_id;
  end if;

  perform private.write_audit('admin_action', 'users', p_user_id::text,
    jsonb_build_object('status', v_user.status), jsonb_build_object('status', v_status),
    jsonb_build_object('rpc', 'sanction_user', 'kind', p_kind, 'reason', trim(p_reason), 'until', p_until,
                       'hidden_listings', jsonb_array_length(v_hidden), 'sanction_id', v_sanction.id),
    v_user.tenant_id);
  return v_sanction;
end
$$;

create function public.lift_user_sanction(p_user_id uuid, p_reason text)
returns public.user_sanctions
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
  v_sanction public.user_sanctions;
  v_restored integer := 0;
begin
  perform private.check_sanction_reason(p_reason);
  v_user := private.sanction_target(p_user_id);
  select * into v_sanction from public.user_sanctions s where s.user_id = p_user_id and s.lifted_at is null for update;
  if not found then
    raise exception 'user % has no sanction to lift', p_user_id using errcode = 'PT404';
  end if;
  -- exactly what the ban hid, where it still is as the ban left it
  update public.listings l set status = (h ->> 'status')::public.listing_status
    from jsonb_array_elements(v_sanction.hidden_listings) h
   where l.id = (h ->> 'id')::uuid and l.status = 'suspended';
  get diagnostics v_restored = row_count;
  update public.users u set status = v_sanction.previous_status
   where u.id = p_user_id and u.status = case v_sanction.kind when 'ban' then 'banned' else 'suspended' end::public.user_status;
  if v_user.auth_user_id is not null then
    update auth.users a set banned_until = null where a.id = v_user.auth_user_id;
  end if;
  update public.user_sanctions s set lifted_at = now(), lifted_by = private.current_user_id(), lift_reason = trim(p_reason)
   where s.id = v_sanction.id
  returning * into v_sanction;
  perform private.write_audit('admin_action', 'users', p_user_id::text,
    jsonb_build_object('status', v_user.status), jsonb_build_object('status', v_sanction.previous_status),
    jsonb_build_object('rpc', 'lift_user_sanction', 'reason', trim(p_reason), 'sanction_id', v_sanction.id,
                       'restored_listings', v_restored),
    v_user.tenant_id);
  return v_sanction;
end
$$;

create function public.verify_user(p_user_id uuid, p_note text default null)
returns public.users
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
  v_after public.users;
  v_item public.moderation_items;
begin
  v_user := private.sanction_target(p_user_id);
  if p_note is not null and char_length(p_note) > 500 then
    raise exception 'the note is at most 500 characters' using errcode = '22023';
  end if;
  update public.users u set verification_status = 'verified' where u.id = p_user_id returning * into v_after;
  -- the verification item waiting in the queue is decided
  update public.moderation_items i set status = 'approved', decided_by = private.current_user_id(), decided_at = now(),
         decision_reason_code = 'user_verified', decision_note = left(p_note, 500), claimed_by = null,
         claim_expires_at = null, version = i.version + 1
   where i.target_type = 'user' and i.target_id = p_user_id and i.queue = 'user_verification' and i.status in ('pending', 'escalated')
  returning * into v_item;
  if found then
    perform private.moderation_event(v_item, 'decided', jsonb_build_object('decision', 'user_verified'));
  end if;
  perform private.write_audit('admin_action', 'users', p_user_id::text,
    jsonb_build_object('verification_status', v_user.verification_status), jsonb_build_object('verification_status', 'verified'),
    jsonb_build_object('rpc', 'verify_user', 'note', p_note), v_user.tenant_id);
  return v_after;
end
$$;

revoke all on function public.sanction_user(uuid, text, text, timestamptz) from public, anon;
revoke all on function public.lift_user_sanction(uuid, text) from public, anon;
revoke all on function public.verify_user(uuid, text) from public, anon;
grant execute on function public.sanction_user(uuid, text, text, timestamptz) to authenticated, service_role;
grant execute on function public.lift_user_sanction(uuid, text) to authenticated, service_role;
grant execute on function public.verify_user(uuid, text) to authenticated, service_role;
