import { usePermissions } from '@refinedev/core';
import { useCallback } from 'react';
import { canDo, canSeeField, NO_PERMISSIONS, type StaffPermissions } from '../resources/permissions';
import type { FieldDef, ResourceAction, ResourceDef } from '../resources/types';

// The caller's permissions as the auth provider loaded them from `my_permissions()`
// (cached by refine's query client; empty while loading, so nothing flashes into view).
export function useStaffPermissions(): StaffPermissions {
  const { data } = usePermissions<StaffPermissions>({});
  return data ?? NO_PERMISSIONS;
}

/** A predicate for the fields of `def` the caller may see (sensitive columns need their key). */
export function useFieldAccess(): (field: Pick<FieldDef, 'sensitive'>) => boolean {
  const perms = useStaffPermissions();
  return useCallback((field) => canSeeField(field, perms), [perms]);
}

export function useCanDo(def: ResourceDef | undefined, action: ResourceAction): boolean {
  const perms = useStaffPermissions();
  return def ? canDo(def, action, perms) : false;
}
