-- Audit rows without a tenant record changes to platform-wide configuration (the permission
-- catalogue and role mappings, which only super admins may change). The identity migration
-- meant them for super admins but its policy matches tenant ids only, so nobody could read
-- them over the API.
--
-- Sections: policies.

-- Policies ----------------------------------------------------------------------------
create policy "Super admins with audit.read can read platform audit logs" on public.audit_logs
  for select to authenticated
  using (tenant_id is null and (select private.is_super_admin()) and (select private.has_permission('audit.read')));
