import type { BaseKey } from '@refinedev/core';
import type { RecordActionDef } from '../../resources/types';

/** What a bulk function answers for each row of the selection. */
export interface BulkOutcome {
  id: string;
  outcome: 'done' | 'refused' | 'skipped';
  message: string | null;
}

// Empty optional inputs are left out, so the function's own defaults apply.
function argValues(action: RecordActionDef, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of action.args ?? []) {
    const value = values[arg.name];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    out[arg.name] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/** The arguments of one call on one record. */
export function recordPayload(action: RecordActionDef, id: BaseKey, values: Record<string, unknown> = {}) {
  return { [action.idArgument]: id, ...action.fixedArgs, ...argValues(action, values) };
}

/** The arguments of one call on a selection (the action's bulk function). */
export function bulkPayload(action: RecordActionDef, ids: BaseKey[], values: Record<string, unknown> = {}) {
  if (!action.bulk) throw new Error(`${action.key} has no bulk function`);
  return { [action.bulk.idsArgument]: ids, ...action.fixedArgs, ...argValues(action, values) };
}

/** Reads a bulk function's answer, refusing anything that is not one outcome per row. */
export function toBulkOutcomes(data: unknown): BulkOutcome[] {
  if (!Array.isArray(data)) throw new Error('The bulk function did not answer with one outcome per row');
  return data.map((row) => {
    const { id, outcome, message } = row as Record<string, unknown>;
    if (typeof id !== 'string' || (outcome !== 'done' && outcome !== 'refused' && outcome !== 'skipped'))
      throw new Error('The bulk function answered a row without an id and outcome');
    return { id, outcome, message: typeof message === 'string' ? message : null };
  });
}

/** "2 hidden", "Nothing changed: 1 of 3 refused". */
export function bulkSummary(outcomes: BulkOutcome[]): { ok: boolean; text: string } {
  const count = (outcome: BulkOutcome['outcome']) => outcomes.filter((o) => o.outcome === outcome).length;
  const refused = count('refused');
  const done = count('done');
  if (refused === 0) return { ok: true, text: `${done} of ${outcomes.length} done` };
  if (done === 0) return { ok: false, text: `Nothing changed: ${refused} of ${outcomes.length} refused` };
  return { ok: false, text: `${done} done, ${refused} refused` };
}
