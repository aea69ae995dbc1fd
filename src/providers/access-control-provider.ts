import type { AccessControlProvider, CanReturnType } from '@refinedev/core';
import { featureRouteAction, type Catalogue } from '../app/catalogue';
import {
  canDo,
  canSeeField,
  isWritable,
  NO_PERMISSIONS,
  satisfies,
  type StaffPermissions,
} from '../resources/permissions';
import type { PermissionRule, ResourceAction } from '../resources/types';

const TABLE_ACTIONS: Record<string, ResourceAction> = {
  list: 'list',
  show: 'show',
  create: 'create',
  clone: 'create',
  edit: 'edit',
  delete: 'delete',
  export: 'export',
};

function ruleText(rule: PermissionRule | undefined): string {
  if (rule === undefined) return 'staff access';
  if (typeof rule === 'string') return `the ${rule} permission`;
  if (Array.isArray(rule)) return `one of ${rule.join(', ')}`;
  return rule.permission ? `super admin with ${rule.permission}` : 'super admin';
}

const refuse = (reason: string): CanReturnType => ({ can: false, reason });

// The UI asks the catalogue (features and registry tables) + the caller's `my_permissions()`;
// it only hides what RLS would refuse anyway (the database stays the authority, and the tests
// check both agree). What it does not know — a resource or action nobody declared — it refuses.
export function createAccessControlProvider(
  loadPermissions: () => Promise<StaffPermissions | null>,
  catalogue: Pick<Catalogue, 'findFeature' | 'findTable'>,
): AccessControlProvider {
  return {
    can: async ({ resource, action, params }) => {
      const perms = (await loadPermissions()) ?? NO_PERMISSIONS;

      const feature = catalogue.findFeature(resource);
      if (feature) {
        const routes = feature.routes.filter((route) => featureRouteAction(route) === action);
        if (routes.length === 0) return refuse(`${feature.label} has no ${action} page`);
        // a feature's pages of one action share a rule unless a page names its own
        const rule = routes[0].permission ?? feature.permission;
        return satisfies(rule, perms) ? { can: true } : refuse(`${feature.label} needs ${ruleText(rule)}`);
      }

      const def = catalogue.findTable(resource);
      if (!def) return refuse(`Nothing called “${resource ?? ''}” is declared in the admin`);
      if (action === 'field') {
        const field = def.fields.find((f) => f.name === params?.field);
        if (!field) return refuse(`${def.label} has no field “${String(params?.field ?? '')}”`);
        return canSeeField(field, perms) ? { can: true } : refuse(`Needs the ${field.sensitive} permission`);
      }
      const mapped = TABLE_ACTIONS[action];
      if (!mapped) return refuse(`${def.label}: no such action “${action}”`);
      if (canDo(def, mapped, perms)) return { can: true };
      if ((mapped === 'create' || mapped === 'edit' || mapped === 'delete') && !isWritable(def, mapped))
        return refuse(`${def.label}: ${mapped} is not offered here (the table changes only through the database and its actions)`);
      const rule = def.permissions[mapped] ?? def.permissions.list;
      return refuse(`${def.label}: ${mapped} needs ${ruleText(rule)}`);
    },
    options: {
      buttons: { enableAccessControl: true, hideIfUnauthorized: true },
    },
  };
}
