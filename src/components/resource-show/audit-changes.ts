import { deepEqual } from '../resource-form/form-values';

// audit_logs rows (written by the audit trigger or a staff RPC) → the columns that changed.

export interface AuditRow {
  id: string;
  action: string;
  actor_id: string | null;
  created_at: string;
  changed_columns: string[] | null;
  old_data: unknown;
  new_data: unknown;
  metadata?: unknown;
  [key: string]: unknown;
}

export interface AuditChange {
  column: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping the trigger maintains on every write; listing it would drown the real change. */
const NOISE = new Set(['updated_at', 'search_vector']);

function asObject(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function auditChanges(
  row: Pick<AuditRow, 'action' | 'changed_columns' | 'old_data' | 'new_data'>,
): AuditChange[] {
  const before = asObject(row.old_data);
  const after = asObject(row.new_data);
  let columns: string[];
  if (row.changed_columns && row.changed_columns.length > 0) columns = row.changed_columns;
  else if (before && after)
    columns = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (key) => !deepEqual(before[key] ?? null, after[key] ?? null),
    );
  // a whole row created or deleted is not a list of changes; a staff action's new_data is
  else if (after && row.action !== 'create') columns = Object.keys(after);
  else columns = [];
  return columns
    .filter((column) => !NOISE.has(column))
    .map((column) => ({ column, before: before?.[column] ?? null, after: after?.[column] ?? null }));
}

/** The embedded actor's name when the select brought one (`actor:users(full_name)` or similar). */
export function embeddedActorName(row: Record<string, unknown>): string | undefined {
  for (const key of ['actor', 'users', 'user']) {
    const embedded = asObject(row[key]);
    const name = embedded?.full_name ?? embedded?.email;
    if (typeof name === 'string' && name) return name;
  }
  return undefined;
}
