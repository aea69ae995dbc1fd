import type { CrudFilters, LogicalFilter } from '@refinedev/core';

// The list's filters as export_audit_log's arguments. The function takes what the explorer's
// filter bar can set; anything else (a filter the bar never sets) is refused rather than
// silently dropped, so an export is never wider than the list it came from.

export interface ExportArgs {
  p_from?: string;
  p_to?: string;
  p_actions?: string[];
  p_tables?: string[];
  p_actor_id?: string;
  p_from_seq?: number;
  p_to_seq?: number;
  p_tenant_id?: string;
}

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : [String(v)]);

export function exportArgs(filters: CrudFilters, tenantId: string | null): ExportArgs {
  const args: ExportArgs = tenantId ? { p_tenant_id: tenantId } : {};
  for (const f of filters) {
    if (!('field' in f)) throw new Error('Grouped filters cannot be exported');
    const { field, operator, value } = f as LogicalFilter;
    if (blank(value)) continue;
    const key = `${field} ${operator}`;
    switch (key) {
      case 'action in':
      case 'action eq':
        args.p_actions = list(value);
        break;
      case 'table_name in':
      case 'table_name eq':
        args.p_tables = list(value);
        break;
      case 'actor_id eq':
        args.p_actor_id = String(value);
        break;
      case 'created_at gte':
        args.p_from = new Date(String(value)).toISOString();
        break;
      case 'created_at lte':
        // the filter's end is the last instant of its day, included; the function's end is excluded
        args.p_to = new Date(new Date(String(value)).getTime() + 1).toISOString();
        break;
      case 'seq gte':
        args.p_from_seq = Number(value);
        break;
      case 'seq lte':
        args.p_to_seq = Number(value);
        break;
      default:
        throw new Error(`The filter on ${field} (${operator}) cannot be exported`);
    }
  }
  return args;
}

/** sha256 of the exported entries' hashes in order, as export_audit_log records it. */
export async function exportDigest(hashesInOrder: string[]): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(hashesInOrder.join('')));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
