import type { FieldDef, PermissionRule, ResourceAction, ResourceDef, WriteAction } from './types';

// What the signed-in staff member holds: the database's `my_permissions()` and whether they
// are a super admin. The UI uses it only to hide what RLS would refuse anyway.
export interface StaffPermissions {
  keys: ReadonlySet<string>;
  superAdmin: boolean;
}

export const NO_PERMISSIONS: StaffPermissions = { keys: new Set(), superAdmin: false };

export function satisfies(rule: PermissionRule | undefined, perms: StaffPermissions): boolean {
  if (rule === undefined) return true;
  if (typeof rule === 'string') return perms.keys.has(rule);
  if (Array.isArray(rule)) return rule.some((key) => perms.keys.has(key));
  return perms.superAdmin && (rule.permission === undefined || perms.keys.has(rule.permission));
}

/** Structural limits from the registry: the generic writes the table offers at all. */
export function isWritable(def: ResourceDef, action: WriteAction): boolean {
  return def.writes === undefined || def.writes.includes(action);
}

/** May the caller do `action` on the resource? Structural limits (read-only tables) first, then the rule. */
export function canDo(def: ResourceDef, action: ResourceAction, perms: StaffPermissions): boolean {
  if (action === 'create' || action === 'edit' || action === 'delete') {
    if (!isWritable(def, action)) return false;
    return satisfies(def.permissions[action] ?? def.permissions.list, perms);
  }
  if (action === 'show' || action === 'export')
    return satisfies(def.permissions[action] ?? def.permissions.list, perms);
  return satisfies(def.permissions.list, perms);
}

/** Sensitive columns are shown only to holders of their permission. */
export function canSeeField(field: Pick<FieldDef, 'sensitive'>, perms: StaffPermissions): boolean {
  return field.sensitive === undefined || perms.keys.has(field.sensitive);
}
