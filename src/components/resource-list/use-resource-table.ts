import { useTable } from '@refinedev/antd';
import { getTenantScope, subscribeTenantScope } from '../../providers/tenant-scope';
import type { BaseKey, BaseRecord, CrudFilter, CrudFilters, CrudSort } from '@refinedev/core';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { useFieldAccess } from '../../providers/use-staff-permissions';
import { recordKey } from '../../resources/record-key';
import type { ResourceDef } from '../../resources/types';
import { loadChosenColumns, saveChosenColumns } from './column-preferences';
import { isClientError } from './errors';

export type ListRecord = BaseRecord & Record<string, unknown>;

export interface ResourceTableOptions {
  /**
   * Always applied, never shown as a filter, never in the URL: a queue is a table plus these
   * (refine's `filters.permanent`; a URL filter on the same field and operator cannot replace
   * them, and any other only narrows the list further).
   */
  permanentFilters?: CrudFilters;
  /** Default: the registry's defaultSort. */
  initialSorters?: CrudSort[];
  pageSize?: number;
}

const sameFilter = (a: CrudFilter, b: CrudFilter) => JSON.stringify(a) === JSON.stringify(b);

// The data provider gives every row an `id` (join tables get one made of their key columns by
// recordKey), which is what routes, row keys and deletes use.
export function rowId(def: ResourceDef, record: ListRecord): BaseKey {
  if (record.id !== undefined && record.id !== null) return record.id as BaseKey;
  return recordKey(def, record);
}

/**
 * One table of the registry as a list: refine's useTable (paging, sorting and filters kept in
 * the URL), the caller's filters apart from the permanent ones, the row selection, and the
 * columns the caller chose. ResourceList renders it; a workflow page can render it its own way.
 */
export function useResourceTable(def: ResourceDef, options: ResourceTableOptions = {}) {
  const canSee = useFieldAccess();
  const permanent = useMemo(() => options.permanentFilters ?? [], [options.permanentFilters]);
  const [pendingChanges, setPendingChanges] = useState(0);
  const tenantScope = useSyncExternalStore(subscribeTenantScope, getTenantScope, () => null);
  const table = useTable<ListRecord>({
    resource: def.name,
    syncWithLocation: true,
    sorters: { initial: options.initialSorters ?? [{ field: def.defaultSort.field, order: def.defaultSort.order }] },
    filters: { permanent },
    pagination: { pageSize: options.pageSize ?? 25 },
    // the page shows the error itself; a toast on top would say it twice
    errorNotification: false,
    queryOptions: { retry: (count, error) => !isClientError(error) && count < 2 },
    liveMode: def.liveMode ?? 'off',
    // a new tenant scope is a new subscription (refine resubscribes when the params change)
    liveParams: { tenantScope },
    // manual: changes are counted, the list stays as it is until the user asks (a busy table
    // would otherwise move under the reader's eyes)
    onLiveEvent: def.liveMode === 'manual' ? () => setPendingChanges((n) => n + 1) : undefined,
  });
  const { setFilters, setCurrentPage } = table;

  // what the caller chose (the filter bar's state); the query adds the permanent filters
  const userFilters = useMemo(
    () => table.filters.filter((filter) => !permanent.some((p) => sameFilter(p, filter))),
    [table.filters, permanent],
  );

  const [selected, setSelected] = useState<BaseKey[]>([]);
  const update = (updater: (prev: CrudFilters) => CrudFilters) => {
    setFilters(updater(userFilters), 'replace');
    setCurrentPage(1);
    setSelected([]);
  };

  const [chosen, setChosenState] = useState(() => loadChosenColumns(def.name));
  const setChosen = (next: string[]) => {
    setChosenState(next);
    saveChosenColumns(def.name, next);
  };
  const listable = useMemo(() => def.fields.filter((f) => f.list !== false && canSee(f)), [def, canSee]);
  const optionalColumns = listable.filter((f) => (f.list ?? 'optional') === 'optional');
  const shownColumns = listable.filter((f) => f.list === 'default' || chosen.includes(f.name));

  return {
    ...table,
    /** Everything the query applies, permanent filters included (what an export should use). */
    queryFilters: table.filters,
    /** The caller's own filters, without the permanent ones. */
    filters: userFilters,
    update,
    clearFilters: () => update(() => []),
    selected,
    setSelected,
    chosen,
    setChosen,
    optionalColumns,
    shownColumns,
    canSee,
    /** manual live mode: changes since the list was last loaded */
    pendingChanges,
    showPendingChanges: () => {
      setPendingChanges(0);
      void table.tableQuery.refetch();
    },
  };
}

export type ResourceTable = ReturnType<typeof useResourceTable>;
