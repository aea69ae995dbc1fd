set local lock_timeout = '5s';

-- Staff prove the audit trail from the admin: verify any range of the hash chain and see the
-- first broken link, or that the range is intact up to the chain's recorded head. The checker
-- (private.verify_audit_chain) was only reachable from SQL, and walks row by row; these answer
-- the API in chunks, so a browser can verify millions of entries under the API's statement
-- timeout and show progress.
--
-- The chain is one for the whole platform: a tenant's entries link to other tenants' entries,
-- so proving a tenant's range means checking every entry in it. Both functions run as their
-- owner and answer with sequence numbers and hashes only — never another tenant's content.
--
-- Sections: functions, grants.

-- Functions ----------------------------------------------------------------------------

-- The sequence numbers spanning the entries made in [from, to): what "verify this period"
-- checks. created_at is the writing transaction's start, so it can run slightly out of seq
-- order; the span covers every entry made in the period and the few written between them.
-- Definer: every staff member with audit.read; answers two sequence numbers.
create function public.staff_audit_seq_range(p_from timestamptz default null, p_to timestamptz default null)
returns table (from_seq bigint, to_seq bigint)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not private.has_permission('audit.read') then
    raise exception 'Reading the audit trail needs the audit.read permission' using errcode = '42501';
  end if;
  if p_from is not null and p_to is not null and p_from >= p_to then
    raise exception 'The period must end after it starts' using errcode = '22023';
  end if;
  return query
  select min(a.seq), max(a.seq)
    from public.audit_logs a
   where (p_from is null or a.created_at >= p_from)
     and (p_to is null or a.created_at < p_to);
end
$$;
comment on function public.staff_audit_seq_range(timestamptz, timestamptz) is
  'The seq span of the audit entries made in [p_from, p_to); needs audit.read. Definer: the span runs through every tenant''s entries, which RLS hides; it answers two sequence numbers only.';

-- Verifies entries p_from_seq..p_to_seq (null: the chain's start / end), at most p_max_rows of
-- them per call: next_seq says where the next call starts (null when the range is done).
-- The first entry whose link or content does not match is broken_seq, with the hash expected
-- and the hash found; a range running to the end also checks that the newest entry is the
-- head the chain recorded (entries removed from the end show there).
-- Definer: every staff member with audit.read; answers sequence numbers and hashes only.
create function public.staff_verify_audit_chain(
  p_from_seq bigint default null,
  p_to_seq bigint default null,
  p_max_rows integer default 50000
)
returns table (
  checked bigint, first_seq bigint, last_seq bigint, next_seq bigint,
  broken_seq bigint, problem text, expected_hash text, found_hash text,
  head_seq bigint, head_hash text
)
language plpgsql stable security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_head private.audit_chain_head;
  v_before text;
  v_checked bigint;
  v_first bigint;
  v_last bigint;
  v_last_hash text;
  v_more boolean;
  v_broken_seq bigint;
  v_problem text;
  v_expected text;
  v_found text;
begin
  if not private.has_permission('audit.read') then
    raise exception 'Reading the audit trail needs the audit.read permission' using errcode = '42501';
  end if;
  if p_max_rows is null or p_max_rows < 1 or p_max_rows > 50000 then
    raise exception 'p_max_rows must be between 1 and 50000' using errcode = '22023';
  end if;
  if p_from_seq is not null and p_to_seq is not null and p_from_seq > p_to_seq then
    raise exception 'The range must end at or after its start' using errcode = '22023';
  end if;

  select * into v_head from private.audit_chain_head h where h.id;
  -- the entry before the range: the first entry checked must link to it
  if p_from_seq is not null then
    select a.hash into v_before from public.audit_logs a where a.seq < p_from_seq order by a.seq desc limit 1;
  end if;

  with chunk as materialized (
    select a.seq, a.prev_hash, a.hash, private.audit_log_hash(a.prev_hash, a) as calc,
           row_number() over (order by a.seq) as n,
           lag(a.hash) over (order by a.seq) as lag_hash
      from (select * from public.audit_logs x
             where (p_from_seq is null or x.seq >= p_from_seq)
               and (p_to_seq is null or x.seq <= p_to_seq)
             order by x.seq
             limit p_max_rows + 1) a
  ), inside as (
    select c.seq, c.prev_hash, c.hash, c.calc, case when c.n = 1 then v_before else c.lag_hash end as expected_prev
      from chunk c
     where c.n <= p_max_rows
  ), broken as (
    select i.seq,
           case when i.prev_hash is distinct from i.expected_prev
                then 'The entry does not link to the one before it (an entry was removed or altered)'
                else 'The entry''s content does not match its hash (the entry was altered)' end as problem,
           case when i.prev_hash is distinct from i.expected_prev then i.expected_prev else i.calc end as expected,
           case when i.prev_hash is distinct from i.expected_prev then i.prev_hash else i.hash end as found
      from inside i
     where i.prev_hash is distinct from i.expected_prev or i.calc is distinct from i.hash
     order by i.seq
     limit 1
  )
  select (select count(*) from inside), (select min(i.seq) from inside i), (select max(i.seq) from inside i),
         (select i.hash from inside i order by i.seq desc limit 1),
         exists (select 1 from chunk c where c.n > p_max_rows),
         b.seq, b.problem, b.expected, b.found
    into v_checked, v_first, v_last, v_last_hash, v_more, v_broken_seq, v_problem, v_expected, v_found
    from (select 1) one
    left join broken b on true;

  -- the range ran to the chain's end: the newest entry must be the recorded head
  if v_broken_seq is null and not v_more
     and (p_to_seq is null or p_to_seq >= coalesce(v_head.last_seq, 0))
     and (v_last is not null or p_from_seq is null)
     and v_head.last_hash is distinct from coalesce(v_last_hash, v_before) then
    v_broken_seq := v_head.last_seq;
    v_problem := 'The chain ends before its recorded head (the newest entries were removed)';
    v_expected := v_head.last_hash;
    v_found := coalesce(v_last_hash, v_before);
  end if;

  return query select v_checked, v_first, v_last,
                      case when v_more and v_broken_seq is null then v_last + 1 end,
                      v_broken_seq, v_problem, v_expected, v_found,
                      v_head.last_seq, v_head.last_hash;
end
$$;
comment on function public.staff_verify_audit_chain(bigint, bigint, integer) is
  'Verifies the audit hash chain over a seq range, in chunks; the first broken link or none. Needs audit.read. Definer: the chain links every tenant''s entries, which RLS hides; it answers sequence numbers and hashes only.';

-- Grants -------------------------------------------------------------------------------
revoke all on function public.staff_audit_seq_range(timestamptz, timestamptz) from public, anon;
revoke all on function public.staff_verify_audit_chain(bigint, bigint, integer) from public, anon;
grant execute on function public.staff_audit_seq_range(timestamptz, timestamptz) to authenticated, service_role;
grant execute on function public.staff_verify_audit_chain(bigint, bigint, integer) to authenticated, service_role;
