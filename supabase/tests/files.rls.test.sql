-- Files: file_uploads by persona (soft delete only)
-- Persona access matrix (Basejump style): per table and command, what each persona gets —
-- rows, none (RLS hides or filters the row), ok, denied (42501) — as one tests.expect_access
-- call (supabase/tests/helpers/rls-matrix.sql). Personas: tests.create_tenant_personas.
begin;
select plan(32);

select tests.create_tenant_personas();

-- file_uploads --------------------------------------------------------------------
select tests.reset_role();
do $$
declare v text;
begin
  insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes) values (tests.get_user_id('customer'), 'private', 'customer/id.pdf', 'id.pdf', 'document', 'application/pdf', 2048)
  returning id into v;
  perform set_config('fx.file', v, true);
end
$$;
select tests.expect_access('file_uploads', 'select',
  $$select 1 from public.file_uploads where id = current_setting('fx.file')::uuid$$,
  'anon=none customer=rows provider=none ops=rows finance=none product=none super=rows other_admin=none');
select tests.expect_access('file_uploads', 'insert',
  $$insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes) values ({user}, 'uploads', '{persona_slug}/a.png', 'a.png', 'image', 'image/png', 10)$$,
  'anon=denied customer=ok provider=ok ops=ok finance=ok product=ok super=ok other_admin=ok');
select tests.expect_access('file_uploads', 'update',
  $$update public.file_uploads set file_name = 'renamed.pdf' where id = current_setting('fx.file')::uuid returning 1$$,
  'anon=denied customer=rows provider=none ops=none finance=none product=none super=none other_admin=none');
select tests.expect_access('file_uploads', 'delete',
  $$delete from public.file_uploads where id = current_setting('fx.file')::uuid returning 1$$,
  'anon=denied customer=denied provider=denied ops=denied finance=denied product=denied super=denied other_admin=denied');

select * from finish();
rollback;