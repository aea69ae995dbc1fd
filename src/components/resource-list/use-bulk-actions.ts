import { useStaffPermissions } from '../../providers/use-staff-permissions';
import { satisfies } from '../../resources/permissions';
import type { RecordActionDef, ResourceDef } from '../../resources/types';

/** The registry actions this caller may take on a selection (those with a bulk function). */
export function useBulkActions(def: ResourceDef): RecordActionDef[] {
  const perms = useStaffPermissions();
  return (def.actions ?? []).filter((action) => action.bulk && satisfies(action.permission, perms));
}
