set local lock_timeout = '5s';

-- The moderation workspace's live channel: a private Realtime channel per tenant, topic
-- "moderation:<tenant id>", where moderators see who has which item open (Presence) and hear of
-- each other's claims and decisions (Broadcast). Realtime Authorization decides who may join
-- and send: the policies on realtime.messages (Supabase creates the table with every project;
-- the local stack's bootstrap.sql does the same).

-- Whether the caller moderates anything in the tenant a "moderation:<uuid>" topic names.
create function private.can_use_moderation_channel(topic text) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_tenant uuid;
begin
  if topic is null or topic !~ '^moderation:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return false;
  end if;
  v_tenant := substr(topic, length('moderation:') + 1)::uuid;
  return v_tenant = any (private.staff_tenant_ids('listings.moderate'))
      or v_tenant = any (private.staff_tenant_ids('reviews.moderate'))
      or v_tenant = any (private.staff_tenant_ids('bookings.manage'))
      or v_tenant = any (private.staff_tenant_ids('reports.resolve'));
end
$$;
comment on function private.can_use_moderation_channel(text) is
  'Definer: reads the caller''s staff permissions through private helpers the API roles cannot call directly; used by the realtime.messages policies.';
revoke all on function private.can_use_moderation_channel(text) from public;
grant execute on function private.can_use_moderation_channel(text) to authenticated;

create policy "Moderators of a tenant receive its moderation channel" on realtime.messages
  for select to authenticated
  using (extension in ('broadcast', 'presence') and (select private.can_use_moderation_channel((select realtime.topic()))));

create policy "Moderators of a tenant send on its moderation channel" on realtime.messages
  for insert to authenticated
  with check (extension in ('broadcast', 'presence') and (select private.can_use_moderation_channel((select realtime.topic()))));
