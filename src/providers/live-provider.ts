// Refine's liveProvider over Supabase Realtime postgres_changes, ours rather than
// @refinedev/supabase's because of two of its limits (../shared/reference/refine.md): it
// subscribes with the first filter only, and it hands refine `payload.new`, which is empty for
// a DELETE. Here every filter Realtime can express narrows the subscription (all must hold), a
// super admin's tenant scope is one of them, and a delete carries its primary key.
// Who receives a change at all is decided by RLS, in the database.
import type { CrudFilter, CrudFilters, LiveEvent, LiveProvider } from '@refinedev/core';
import type { RealtimeChannel, RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js';
import { DELETED_FILTER_FIELD, SEARCH_FILTER_FIELD } from '../resources/list-params';
import type { ResourceDef } from '../resources/types';

const OPERATORS: Partial<Record<string, string>> = {
  eq: 'eq',
  ne: 'neq',
  lt: 'lt',
  lte: 'lte',
  gt: 'gt',
  gte: 'gte',
  in: 'in',
};
const EVENT_TYPES = { INSERT: 'created', UPDATE: 'updated', DELETE: 'deleted' } as const;

/** A value as Realtime's filter grammar reads it: quoted when it holds a comma or parenthesis. */
function operand(v: unknown): string {
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /[,()"]/.test(s) ? `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"` : s;
}

/**
 * The Realtime filter for a list's refine filters: the ones on the table's own columns with an
 * operator Realtime has; the rest (search, or-groups, contains …) cannot narrow the
 * subscription, so it hears a little more than the list shows — never less.
 */
export function realtimeFilter(
  def: ResourceDef | undefined,
  filters: CrudFilters | undefined,
  tenantScope: string | null,
): string | undefined {
  const columns = new Set((def?.fields ?? []).map((f) => f.name as string));
  const parts: string[] = [];
  if (tenantScope && def && !def.global && def.name !== 'tenants' && columns.has('tenant_id'))
    parts.push(`tenant_id=eq.${tenantScope}`);
  for (const f of filters ?? []) {
    if (!('field' in f)) continue;
    const filter = f as CrudFilter & { field: string };
    const op = OPERATORS[filter.operator];
    if (
      !op ||
      filter.field === SEARCH_FILTER_FIELD ||
      filter.field === DELETED_FILTER_FIELD ||
      !columns.has(filter.field)
    )
      continue;
    if (filter.value === undefined || filter.value === null || filter.value === '') continue;
    if (op === 'in') {
      const values = Array.isArray(filter.value) ? filter.value : [filter.value];
      if (values.length === 0) continue;
      parts.push(`${filter.field}=in.(${values.map(operand).join(',')})`);
    } else if (!Array.isArray(filter.value)) {
      parts.push(`${filter.field}=${op}.${operand(filter.value)}`);
    }
  }
  return parts.length ? parts.join(',') : undefined;
}

export interface LiveProviderOptions {
  defOf: (resource: string) => ResourceDef | undefined;
  getTenantScope: () => string | null;
}

let channelCounter = 0;

export function createLiveProvider(client: SupabaseClient, o: LiveProviderOptions): LiveProvider {
  return {
    subscribe({ channel, types, params, callback, meta }) {
      const resource = params?.resource ?? channel.replace(/^resources\//, '');
      const def = o.defOf(resource);
      const keyColumns = (def?.primaryKey as string[] | undefined) ?? ['id'];
      const ids = params?.ids ?? (params?.id !== undefined ? [params.id] : undefined);
      let filter: string | undefined;
      if (ids && keyColumns.length === 1) filter = `${keyColumns[0]}=in.(${ids.map(operand).join(',')})`;
      else {
        // the scope the list was subscribed for (liveParams), else the current one
        const scope =
          params && 'tenantScope' in params ? ((params.tenantScope as string | null) ?? null) : o.getTenantScope();
        filter = realtimeFilter(def, params?.filters as CrudFilters | undefined, scope);
      }

      const listener = (payload: RealtimePostgresChangesPayload<Record<string, unknown>>) => {
        const type = EVENT_TYPES[payload.eventType];
        if (!types.includes('*') && !types.includes(type)) return;
        const row = (payload.eventType === 'DELETE' ? payload.old : payload.new) as Record<string, unknown>;
        const key = keyColumns.length === 1 ? row[keyColumns[0]] : undefined;
        const event: LiveEvent = {
          channel,
          type,
          date: new Date(payload.commit_timestamp),
          payload: { ...row, ...(key !== undefined ? { ids: [key as string] } : {}) },
          meta,
        };
        callback(event);
      };
      return client
        .channel(`live:${resource}:${++channelCounter}`)
        .on(
          'postgres_changes' as never,
          { event: '*', schema: 'public', table: resource, ...(filter ? { filter } : {}) } as never,
          listener,
        )
        .subscribe();
    },
    unsubscribe(subscription: RealtimeChannel) {
      void subscription.unsubscribe().then(() => client.removeChannel(subscription));
    },
  };
}
