set local lock_timeout = '5s';

-- The tables whose changes the admin watches live (Realtime postgres_changes): the moderation
-- queue and what feeds it, bookings and transactions, feature flags. Supabase creates the
-- publication with every project; created here only where a database lacks it, so this
-- migration runs on a hosted project and on the local stack alike. Who receives a change is
-- decided per subscriber by the tables' row level security, not by this list.
do $$
begin
  if not exists (select from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;

alter publication supabase_realtime add table
  public.listings,
  public.reviews,
  public.content_reports,
  public.bookings,
  public.transactions,
  public.feature_flags,
  public.moderation_items;
