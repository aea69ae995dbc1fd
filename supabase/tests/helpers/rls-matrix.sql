-- RLS access matrices as data: one call per table and command states what each persona gets,
-- instead of eight unrolled switch-and-assert pairs.
--
--   select * from tests.expect_access('payment_methods', 'delete',
--     $$delete from public.payment_methods where id = current_setting('fx.pm')::uuid returning 1$$,
--     'anon=denied customer=rows provider=none ops=none finance=none product=none super=none other_admin=none',
--     statements => $${"customer": "delete from public.payment_methods where id = current_setting('fx.pm_del_customer')::uuid returning 1"}$$);
--
-- Personas run in the order written: "anon" signs out (tests.clear_authentication), any other
-- name signs in as that test user (tests.authenticate_as). Order matters when a persona's
-- statement changes the rows the next one sees (a delete), so it is never sorted.
--
-- Outcomes, one pgTAP assertion each:
--   rows     the statement returns at least one row (isnt_empty): read, or changed with RETURNING
--   none     it returns no row (is_empty): RLS hides the row or filters the write out
--   rows=N   exactly N rows (is on the count)
--   ok       it runs without error (lives_ok): an insert the policy accepts
--   denied   it fails with 42501: no privilege, or the new row violates a policy
--   XXXXX    it fails with that SQLSTATE (23503, 23514, 22023 ...)
--
-- In the statement, {persona} stands for the persona's name, {persona_slug} for it with
-- hyphens (for slug columns), and {user} for the persona's own public.users id — for anon,
-- the customer's, the id an anonymous client would have to claim. `statements` replaces the statement for the personas it names
-- (a row of their own to delete; an anonymous client trying another user's row).
-- The role in effect before the call is restored after it.

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

create or replace function tests.expect_access(
  target text,
  command text,
  statement text,
  expectations text,
  statements jsonb default '{}'
) returns setof text
language plpgsql
as $$
declare
  v_role text := current_setting('role');
  v_claims text := coalesce(current_setting('request.jwt.claims', true), '');
  v_verb text := case command when 'select' then 'read' else command end;
  v_pair text;
  v_persona text;
  v_outcome text;
  v_sql text;
  v_count int;
  v_seen text[] := '{}';
begin
  if coalesce(trim(expectations), '') = '' then
    raise exception 'tests.expect_access(%, %): no expectations', target, command;
  end if;
  foreach v_pair in array regexp_split_to_array(trim(expectations), '\s+') loop
    if v_pair !~ '^[a-z][a-z0-9_]*=(rows|none|ok|denied|rows=[0-9]+|[0-9A-Z]{5})$' then
      raise exception 'tests.expect_access(%, %): "%" is not persona=outcome', target, command, v_pair;
    end if;
    v_persona := split_part(v_pair, '=', 1);
    v_outcome := substr(v_pair, length(v_persona) + 2);
    v_seen := v_seen || v_persona;
    v_sql := replace(replace(replace(coalesce(statements ->> v_persona, statement),
               '{user}', format('tests.get_user_id(%L)', case v_persona when 'anon' then 'customer' else v_persona end)),
               '{persona}', v_persona), '{persona_slug}', replace(v_persona, '_', '-'));

    if v_persona = 'anon' then
      perform tests.clear_authentication();
    else
      perform tests.authenticate_as(v_persona);
    end if;

    if v_outcome = 'rows' then
      return next isnt_empty(v_sql, format('%s: %s can %s', target, v_persona, v_verb));
    elsif v_outcome = 'none' then
      return next is_empty(v_sql, format('%s: %s cannot %s (no row)', target, v_persona, v_verb));
    elsif v_outcome like 'rows=%' then
      execute format('select count(*)::int from (%s) q', v_sql) into v_count;
      return next is(v_count, substr(v_outcome, 6)::int,
                     format('%s: %s can %s %s row(s)', target, v_persona, v_verb, substr(v_outcome, 6)));
    elsif v_outcome = 'ok' then
      return next lives_ok(v_sql, format('%s: %s can %s', target, v_persona, v_verb));
    else
      return next throws_ok(v_sql, case v_outcome when 'denied' then '42501' else v_outcome end, null,
                            format('%s: %s cannot %s (%s)', target, v_persona, v_verb,
                                   case v_outcome when 'denied' then '42501' else v_outcome end));
    end if;
  end loop;

  -- an override for a persona the matrix does not list is a typo that would silently test nothing
  if exists (select 1 from jsonb_object_keys(statements) k where k <> all (v_seen)) then
    raise exception 'tests.expect_access(%, %): statements for personas not in the matrix: %',
      target, command, (select string_agg(k, ', ') from jsonb_object_keys(statements) k where k <> all (v_seen));
  end if;

  perform set_config('role', v_role, true);
  perform set_config('request.jwt.claims', v_claims, true);
end
$$;

revoke all on function tests.expect_access(text, text, text, text, jsonb) from public;
grant execute on function tests.expect_access(text, text, text, text, jsonb) to anon, authenticated, service_role;
