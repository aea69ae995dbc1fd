-- Files: file_uploads by persona (soft delete only)
-- Persona access matrix, Basejump style: anonymous, customer, provider, operations, finance,
-- product, super admin and an admin of another tenant; select / insert / update / delete,
-- allowed (isnt_empty, lives_ok) and denied (is_empty for rows RLS hides, throws_ok 42501
-- where the role has no privilege or the new row violates a policy).
-- Generated shape, hand-checked expectations; one block per table.
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

select tests.clear_authentication();
select is_empty($$ select 1 from public.file_uploads where id = current_setting('fx.file')::uuid $$, 'anonymous cannot read file_uploads');
select tests.authenticate_as('customer');
select isnt_empty($$ select 1 from public.file_uploads where id = current_setting('fx.file')::uuid $$, 'customer can read file_uploads');
select tests.authenticate_as('provider');
select is_empty($$ select 1 from public.file_uploads where id = current_setting('fx.file')::uuid $$, 'provider cannot read file_uploads');
select tests.authenticate_as('ops');
select isnt_empty($$ select 1 from public.file_uploads where id = current_setting('fx.file')::uuid $$, 'operations can read file_uploads');
select tests.authenticate_as('finance');
select is_empty($$ select 1 from public.file_uploads where id = current_setting('fx.file')::uuid $$, 'finance cannot read file_uploads');
select tests.authenticate_as('product');
select is_empty($$ select 1 from public.file_uploads where id = current_setting('fx.file')::uuid $$, 'product cannot read file_uploads');
select tests.authenticate_as('super');
select isnt_empty($$ select 1 from public.file_uploads where id = current_setting('fx.file')::uuid $$, 'super admin can read file_uploads');
select tests.authenticate_as('other_admin');
select is_empty($$ select 1 from public.file_uploads where id = current_setting('fx.file')::uuid $$, 'other-tenant admin cannot read file_uploads');
select tests.clear_authentication();
select throws_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes) values (tests.get_user_id('customer'), 'uploads', 'anon/a.png', 'a.png', 'image', 'image/png', 10) $$, '42501', null, 'anonymous cannot insert into file_uploads');
select tests.authenticate_as('customer');
select lives_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes) values (tests.get_user_id('customer'), 'uploads', 'customer/a.png', 'a.png', 'image', 'image/png', 10) $$, 'customer can insert into file_uploads');
select tests.authenticate_as('provider');
select lives_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes) values (tests.get_user_id('provider'), 'uploads', 'provider/a.png', 'a.png', 'image', 'image/png', 10) $$, 'provider can insert into file_uploads');
select tests.authenticate_as('ops');
select lives_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes) values (tests.get_user_id('ops'), 'uploads', 'ops/a.png', 'a.png', 'image', 'image/png', 10) $$, 'operations can insert into file_uploads');
select tests.authenticate_as('finance');
select lives_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes) values (tests.get_user_id('finance'), 'uploads', 'finance/a.png', 'a.png', 'image', 'image/png', 10) $$, 'finance can insert into file_uploads');
select tests.authenticate_as('product');
select lives_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes) values (tests.get_user_id('product'), 'uploads', 'product/a.png', 'a.png', 'image', 'image/png', 10) $$, 'product can insert into file_uploads');
select tests.authenticate_as('super');
select lives_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes) values (tests.get_user_id('super'), 'uploads', 'super/a.png', 'a.png', 'image', 'image/png', 10) $$, 'super admin can insert into file_uploads');
select tests.authenticate_as('other_admin');
select lives_ok($$ insert into public.file_uploads (uploaded_by, bucket, storage_path, file_name, file_type, mime_type, size_bytes) values (tests.get_user_id('other_admin'), 'uploads', 'other-admin/a.png', 'a.png', 'image', 'image/png', 10) $$, 'other-tenant admin can insert into file_uploads');
select tests.clear_authentication();
select throws_ok($$ update public.file_uploads set file_name = 'renamed.pdf' where id = current_setting('fx.file')::uuid returning 1 $$, '42501', null, 'anonymous cannot update file_uploads');
select tests.authenticate_as('customer');
select isnt_empty($$ update public.file_uploads set file_name = 'renamed.pdf' where id = current_setting('fx.file')::uuid returning 1 $$, 'customer can update file_uploads');
select tests.authenticate_as('provider');
select is_empty($$ update public.file_uploads set file_name = 'renamed.pdf' where id = current_setting('fx.file')::uuid returning 1 $$, 'provider cannot update file_uploads');
select tests.authenticate_as('ops');
select is_empty($$ update public.file_uploads set file_name = 'renamed.pdf' where id = current_setting('fx.file')::uuid returning 1 $$, 'operations cannot update file_uploads');
select tests.authenticate_as('finance');
select is_empty($$ update public.file_uploads set file_name = 'renamed.pdf' where id = current_setting('fx.file')::uuid returning 1 $$, 'finance cannot update file_uploads');
select tests.authenticate_as('product');
select is_empty($$ update public.file_uploads set file_name = 'renamed.pdf' where id = current_setting('fx.file')::uuid returning 1 $$, 'product cannot update file_uploads');
select tests.authenticate_as('super');
select is_empty($$ update public.file_uploads set file_name = 'renamed.pdf' where id = current_setting('fx.file')::uuid returning 1 $$, 'super admin cannot update file_uploads');
select tests.authenticate_as('other_admin');
select is_empty($$ update public.file_uploads set file_name = 'renamed.pdf' where id = current_setting('fx.file')::uuid returning 1 $$, 'other-tenant admin cannot update file_uploads');
select tests.clear_authentication();
select throws_ok($$ delete from public.file_uploads where id = current_setting('fx.file')::uuid returning 1 $$, '42501', null, 'anonymous cannot delete from file_uploads');
select tests.authenticate_as('customer');
select throws_ok($$ delete from public.file_uploads where id = current_setting('fx.file')::uuid returning 1 $$, '42501', null, 'customer cannot delete from file_uploads');
select tests.authenticate_as('provider');
select throws_ok($$ delete from public.file_uploads where id = current_setting('fx.file')::uuid returning 1 $$, '42501', null, 'provider cannot delete from file_uploads');
select tests.authenticate_as('ops');
select throws_ok($$ delete from public.file_uploads where id = current_setting('fx.file')::uuid returning 1 $$, '42501', null, 'operations cannot delete from file_uploads');
select tests.authenticate_as('finance');
select throws_ok($$ delete from public.file_uploads where id = current_setting('fx.file')::uuid returning 1 $$, '42501', null, 'finance cannot delete from file_uploads');
select tests.authenticate_as('product');
select throws_ok($$ delete from public.file_uploads where id = current_setting('fx.file')::uuid returning 1 $$, '42501', null, 'product cannot delete from file_uploads');
select tests.authenticate_as('super');
select throws_ok($$ delete from public.file_uploads where id = current_setting('fx.file')::uuid returning 1 $$, '42501', null, 'super admin cannot delete from file_uploads');
select tests.authenticate_as('other_admin');
select throws_ok($$ delete from public.file_uploads where id = current_setting('fx.file')::uuid returning 1 $$, '42501', null, 'other-tenant admin cannot delete from file_uploads');

select * from finish();
rollback;
