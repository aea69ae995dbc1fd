import type { AccessControlProvider } from '@refinedev/core';
import { canDo, canSeeField, NO_PERMISSIONS, type StaffPermissions } from '../resources/permissions';
import { findResource } from '../resources';
import type { ResourceAction } from '../resources/types';

const ACTIONS: Record<string, ResourceAction> = {
  list: 'list',
  show: 'show',
  create: 'create',
  clone: 'create',
  edit: 'edit',
  delete: 'delete',
  export: 'export',
};

function ruleText(rule: unknown): string {
  if (rule === undefined) return 'staff access';
  if (typeof rule === 'string') return `the ${rule} permission`;
  if (Array.isArray(rule)) return `one of ${rule.join(', ')}`;
  const r = rule as { permission?: string };
  return r.permission ? `super admin with ${r.permission}` : 'super admin';
}

// The UI asks the registry + the caller's `my_permissions()`; it only hides what RLS would
// refuse anyway (the database stays the authority, and the tests check both agree).
export function createAccessControlProvider(
  loadPermissions: () => Promise<StaffPermissions | null>,
): AccessControlProvider {
  return {
    can: async ({ resource, action, params }) => {
      const perms = (await loadPermissions()) ?? NO_PERMISSIONS;
      const def = findResource(resource);
      if (!def) return { can: true };
      if (action === 'field') {
        const field = def.fields.find((f) => f.name === params?.field);
        return field && !canSeeField(field, perms)
          ? { can: false, reason: `Needs the ${field.sensitive} permission` }
          : { can: true };
      }
      const mapped = ACTIONS[action];
      if (!mapped) return { can: true };
      if (canDo(def, mapped, perms)) return { can: true };
      const rule = def.permissions[mapped] ?? def.permissions.list;
      return { can: false, reason: `${def.label}: ${mapped} needs ${ruleText(rule)}` };
    },
    options: {
      buttons: { enableAccessControl: true, hideIfUnauthorized: true },
    },
  };
}
