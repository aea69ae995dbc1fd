set local lock_timeout = '5s';

-- A moderation item points at its target by type and id (no foreign key: five target tables).
-- When the target row is deleted the item has nothing left to decide, yet it stayed in the queue
-- as pending — moderators opened items whose listing, review, booking, user or message no
-- longer existed. Deleting a target now deletes its item (its events go with it); the target's
-- own deletion is in the audit log. A soft-deleted listing keeps its item: it can still be read.

create function private.moderation_on_target_deleted() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  delete from public.moderation_items i where i.target_type = tg_argv[0] and i.target_id = old.id;
  return null;
end
$$;
revoke all on function private.moderation_on_target_deleted() from public;

create trigger moderation_items_leave after delete on public.listings
  for each row execute function private.moderation_on_target_deleted('listing');
create trigger moderation_items_leave after delete on public.reviews
  for each row execute function private.moderation_on_target_deleted('review');
create trigger moderation_items_leave after delete on public.bookings
  for each row execute function private.moderation_on_target_deleted('booking');
create trigger moderation_items_leave after delete on public.users
  for each row execute function private.moderation_on_target_deleted('user');
create trigger moderation_items_leave after delete on public.messages
  for each row execute function private.moderation_on_target_deleted('message');

-- the orphans already there
delete from public.moderation_items i
where (i.target_type = 'listing' and not exists (select 1 from public.listings t where t.id = i.target_id))
   or (i.target_type = 'review' and not exists (select 1 from public.reviews t where t.id = i.target_id))
   or (i.target_type = 'booking' and not exists (select 1 from public.bookings t where t.id = i.target_id))
   or (i.target_type = 'user' and not exists (select 1 from public.users t where t.id = i.target_id))
   or (i.target_type = 'message' and not exists (select 1 from public.messages t where t.id = i.target_id));
