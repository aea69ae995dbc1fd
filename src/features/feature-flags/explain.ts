import { describeConstraint } from '../../lib/feature-flags/describe';
import type { Constraint } from '../../lib/feature-flags/constraints';
import type { FlagEvaluationRow } from './flag';

// The playground's "why": the step of the evaluation that decided, in words, with the numbers
// it decided on (the user's bucket against the percentage, the rule that failed).
export function explainEvaluation(row: FlagEvaluationRow, constraints: Constraint[] = []): string {
  const d = row.details ?? {};
  switch (row.reason) {
    case 'kill_switch':
      return 'Killed: off for everyone, overrides included.';
    case 'override':
      return `Override for this user (“${String(d.override_reason ?? '')}”) until ${String(d.expires_at ?? '').slice(0, 10)}.`;
    case 'disabled':
      return 'Switched off (rollout 0 %).';
    case 'constraint': {
      if (typeof d.segment === 'string')
        return d.missing
          ? `Segment ${d.segment} no longer exists: nobody gets the flag through it.`
          : `Segment ${d.segment}: its rule ${Number(d.constraint) + 1} does not hold.`;
      const index = typeof d.constraint === 'number' ? d.constraint : -1;
      const rule = constraints[index];
      return rule
        ? `Rule ${index + 1} does not hold: ${describeConstraint(rule)}.`
        : `Rule ${index + 1} does not hold.`;
    }
    case 'rollout': {
      if (d.bucket === null || d.bucket === undefined) return 'No user or session to bucket: outside the rollout.';
      const verdict = row.enabled ? 'within' : 'outside';
      return `Bucket ${String(d.bucket)} of 100 with group id ${String(d.group_id)}: ${verdict} the ${String(d.percentage)} % rollout${
        row.variant ? `, variant ${row.variant}` : ''
      }.`;
    }
    default:
      return row.reason;
  }
}
