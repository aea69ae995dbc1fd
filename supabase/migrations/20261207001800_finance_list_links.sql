-- The money dashboard links each figure to the transactions it adds up, by the day the money
-- moved (processed_at); the transactions list now offers that filter and sort, so it has an index.
create index transactions_processed_at_idx on public.transactions (processed_at desc);
