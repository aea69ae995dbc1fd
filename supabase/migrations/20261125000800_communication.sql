-- Communication: conversations between users (optionally about a booking), their messages
-- with attachments and read receipts, and notifications over in-app, email, SMS and push.
-- Only participants see a conversation; staff read with communication.read.

-- Enums -------------------------------------------------------------------------------
create type public.notification_channel as enum ('in_app', 'email', 'sms', 'push');

-- Tables ------------------------------------------------------------------------------
create table public.conversations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  created_by uuid not null references public.users (id) on delete restrict,
  participant_ids uuid[] not null,
  booking_id uuid references public.bookings (id) on delete set null,
  subject text check (char_length(subject) <= 200),
  last_message_at timestamptz,
  last_message_preview text,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint conversations_participants_check check (
    cardinality(participant_ids) between 2 and 50 and array_position(participant_ids, null) is null),
  constraint conversations_creator_participates_check check (created_by = any (participant_ids))
);
comment on column public.conversations.participant_ids is 'public.users ids; checked by trigger (exist, same tenant, no duplicates).';
comment on column public.conversations.last_message_at is 'Maintained from messages by trigger.';

create table public.messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  sender_id uuid not null references public.users (id) on delete restrict,
  body text check (char_length(body) <= 10000),
  attachments jsonb not null default '[]' check (jsonb_typeof(attachments) = 'array'),
  read_by uuid[] not null default '{}',
  edited_at timestamptz,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint messages_content_check check (
    deleted_at is not null or coalesce(char_length(btrim(body)), 0) > 0 or jsonb_array_length(attachments) > 0)
);
comment on column public.messages.read_by is 'Read receipts: ids of participants who have read it (mark_conversation_read).';

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id),
  user_id uuid not null references public.users (id) on delete cascade,
  channel public.notification_channel not null default 'in_app',
  type text not null check (type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  title text not null check (char_length(title) between 1 and 200),
  body text check (char_length(body) <= 5000),
  data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  sent_at timestamptz,
  read_at timestamptz,
  failed_at timestamptz,
  failure_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint notifications_sent_or_failed_check check (sent_at is null or failed_at is null)
);

-- Indexes -----------------------------------------------------------------------------
create index conversations_tenant_id_idx on public.conversations (tenant_id, last_message_at desc nulls last);
create index conversations_created_by_idx on public.conversations (created_by);
create index conversations_booking_id_idx on public.conversations (booking_id);
create index conversations_participant_ids_idx on public.conversations using gin (participant_ids);
create index conversations_active_idx on public.conversations (last_message_at desc) where archived_at is null;

create index messages_tenant_id_idx on public.messages (tenant_id);
create index messages_conversation_id_idx on public.messages (conversation_id, created_at desc);
create index messages_sender_id_idx on public.messages (sender_id, created_at desc);
create index messages_read_by_idx on public.messages using gin (read_by);

create index notifications_tenant_id_idx on public.notifications (tenant_id, created_at desc);
create index notifications_user_id_idx on public.notifications (user_id, created_at desc);
create index notifications_unread_idx on public.notifications (user_id, created_at desc)
  where read_at is null and channel = 'in_app';
create index notifications_unsent_idx on public.notifications (created_at)
  where sent_at is null and failed_at is null;

-- Grants ------------------------------------------------------------------------------
revoke all on table public.conversations, public.messages, public.notifications from anon, authenticated;
grant select on table public.conversations to authenticated;
grant insert (created_by, participant_ids, booking_id, subject) on table public.conversations to authenticated;
grant update (subject, archived_at) on table public.conversations to authenticated;
grant select on table public.messages to authenticated;
grant insert (conversation_id, sender_id, body, attachments) on table public.messages to authenticated;
grant update (body, attachments, deleted_at) on table public.messages to authenticated;
grant select on table public.notifications to authenticated;
grant update (read_at) on table public.notifications to authenticated;
grant delete on table public.notifications to authenticated;
grant all on table public.conversations, public.messages, public.notifications to service_role;

-- Triggers ----------------------------------------------------------------------------
create trigger set_tenant before insert or update of created_by, tenant_id on public.conversations
  for each row execute function private.set_tenant_from_user('created_by');
create trigger set_tenant before insert or update of conversation_id, tenant_id on public.messages
  for each row execute function private.set_tenant_from_parent('conversation_id', 'conversations');
create trigger set_tenant before insert or update of user_id, tenant_id on public.notifications
  for each row execute function private.set_tenant_from_user('user_id');

create trigger set_updated_at before update on public.conversations
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.messages
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.notifications
  for each row execute function private.set_updated_at();

-- conversations: participants are distinct users of the conversation's tenant
create function private.conversations_check_participants()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_tenant_id uuid := private.tenant_of_user(new.created_by);
  v_valid integer;
begin
  new.participant_ids := array(select distinct p from unnest(new.participant_ids) as p order by p);
  select count(*) into v_valid
    from public.users u
   where u.id = any (new.participant_ids) and u.tenant_id = v_tenant_id;
  if v_valid <> cardinality(new.participant_ids) then
    raise exception 'every participant must be an existing user of the conversation''s tenant'
      using errcode = '22023';
  end if;
  return new;
end;
$$;
revoke all on function private.conversations_check_participants() from public, anon, authenticated;
create trigger check_participants before insert or update of participant_ids, created_by on public.conversations
  for each row execute function private.conversations_check_participants();

-- messages: only participants send; editing the text stamps edited_at; the sender has read it
create function private.messages_prepare()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if not exists (select 1 from public.conversations c
                    where c.id = new.conversation_id and new.sender_id = any (c.participant_ids)) then
      raise exception 'permission denied: the sender is not a participant of this conversation' using errcode = '42501';
    end if;
    if not new.sender_id = any (new.read_by) then
      new.read_by := array_append(new.read_by, new.sender_id);
    end if;
  elsif new.body is distinct from old.body or new.attachments is distinct from old.attachments then
    if old.deleted_at is not null then
      raise exception 'a deleted message cannot be edited' using errcode = 'P0001';
    end if;
    new.edited_at := now();
  end if;
  return new;
end;
$$;
revoke all on function private.messages_prepare() from public, anon, authenticated;
create trigger prepare before insert or update on public.messages
  for each row execute function private.messages_prepare();

-- messages → conversations.last_message_at / preview
create function private.messages_touch_conversation()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.conversations c
     set last_message_at = new.created_at,
         last_message_preview = left(coalesce(nullif(btrim(new.body), ''), '[attachment]'), 140)
   where c.id = new.conversation_id
     and (c.last_message_at is null or c.last_message_at <= new.created_at);
  return null;
end;
$$;
revoke all on function private.messages_touch_conversation() from public, anon, authenticated;
create trigger touch_conversation after insert on public.messages
  for each row execute function private.messages_touch_conversation();

-- a deleted message no longer previews
create function private.messages_refresh_preview()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.conversations c
     set last_message_preview = (
       select left(coalesce(nullif(btrim(m.body), ''), '[attachment]'), 140)
         from public.messages m
        where m.conversation_id = c.id and m.deleted_at is null
        order by m.created_at desc limit 1)
   where c.id = new.conversation_id;
  return null;
end;
$$;
revoke all on function private.messages_refresh_preview() from public, anon, authenticated;
create trigger refresh_preview after update of body, deleted_at on public.messages
  for each row execute function private.messages_refresh_preview();

-- Enable RLS --------------------------------------------------------------------------
alter table public.conversations enable row level security;
alter table public.messages enable row level security;
alter table public.notifications enable row level security;

-- Helper predicates -------------------------------------------------------------------
create function private.is_conversation_participant(p_conversation_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.conversations c
     where c.id = p_conversation_id and private.current_user_id() = any (c.participant_ids))
$$;
revoke all on function private.is_conversation_participant(uuid) from public, anon;
grant execute on function private.is_conversation_participant(uuid) to authenticated, service_role;

-- Policies ----------------------------------------------------------------------------
create policy "Participants can read their conversations" on public.conversations
  for select to authenticated using ((select private.current_user_id()) = any (participant_ids));
create policy "Users can start conversations they take part in" on public.conversations
  for insert to authenticated with check (created_by = (select private.current_user_id()));
create policy "Participants can update their conversations" on public.conversations
  for update to authenticated
  using ((select private.current_user_id()) = any (participant_ids))
  with check ((select private.current_user_id()) = any (participant_ids));
create policy "Staff with communication.read can read conversations of their tenant" on public.conversations
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('communication.read'))::uuid[]));

create policy "Participants can read the messages of their conversations" on public.messages
  for select to authenticated using (private.is_conversation_participant(conversation_id));
create policy "Participants can send messages as themselves" on public.messages
  for insert to authenticated with check (
    sender_id = (select private.current_user_id()) and private.is_conversation_participant(conversation_id));
create policy "Senders can edit their own messages" on public.messages
  for update to authenticated
  using (sender_id = (select private.current_user_id()))
  with check (sender_id = (select private.current_user_id()));
create policy "Staff with communication.read can read messages of their tenant" on public.messages
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('communication.read'))::uuid[]));

create policy "Users can read their own notifications" on public.notifications
  for select to authenticated using (user_id = (select private.current_user_id()));
create policy "Users can mark their own notifications read" on public.notifications
  for update to authenticated
  using (user_id = (select private.current_user_id()))
  with check (user_id = (select private.current_user_id()));
create policy "Users can dismiss their own notifications" on public.notifications
  for delete to authenticated using (user_id = (select private.current_user_id()));
create policy "Staff with communication.read can read notifications of their tenant" on public.notifications
  for select to authenticated using (tenant_id = any ((select private.staff_tenant_ids('communication.read'))::uuid[]));

-- RPCs --------------------------------------------------------------------------------
-- Read receipts: the caller marks every message of a conversation up to now as read.
create function public.mark_conversation_read(p_conversation_id uuid)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.current_user_id();
  v_count integer;
begin
  if v_user_id is null or not private.is_conversation_participant(p_conversation_id) then
    raise exception 'permission denied: only participants can mark a conversation read'
      using errcode = '42501';
  end if;
  update public.messages
     set read_by = array_append(read_by, v_user_id)
   where conversation_id = p_conversation_id
     and not (v_user_id = any (read_by));
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
revoke all on function public.mark_conversation_read(uuid) from public, anon, authenticated;
grant execute on function public.mark_conversation_read(uuid) to authenticated, service_role;
