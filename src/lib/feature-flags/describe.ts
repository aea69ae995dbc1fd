import type { Constraint, Operator } from './constraints';

// A flag's configuration and its history in sentences a product manager reads at a glance
// ("rollout 10 % → 25 %", "constraint added: role is one of customer"), never raw JSON — the
// complaint Flagsmith's users keep filing about its audit log (#6726).

const OPERATOR_WORDS: Record<Operator, string> = {
  IN: 'is one of',
  NOT_IN: 'is not one of',
  STR_CONTAINS: 'contains',
  STR_STARTS_WITH: 'starts with',
  STR_ENDS_WITH: 'ends with',
  NUM_EQ: '=',
  NUM_GT: '>',
  NUM_GTE: '≥',
  NUM_LT: '<',
  NUM_LTE: '≤',
  DATE_AFTER: 'is after',
  DATE_BEFORE: 'is before',
  SEMVER_EQ: 'is version',
  SEMVER_GT: 'is a version after',
  SEMVER_LT: 'is a version before',
};

export function operatorWords(operator: Operator): string {
  return OPERATOR_WORDS[operator];
}

export function describeConstraint(c: Constraint): string {
  const compared = c.values ? c.values.join(', ') : (c.value ?? '');
  const rule = `${c.contextName} ${OPERATOR_WORDS[c.operator] ?? c.operator} ${compared}`;
  const folded = c.caseInsensitive ? `${rule} (any case)` : rule;
  return c.inverted ? `not (${folded})` : folded;
}

/** One entry of public.feature_flag_config_changes. */
export type ConfigChange =
  | { change: 'switched on' | 'switched off' }
  | { change: 'rollout'; from: number | null; to: number | null }
  | {
      change: 'variant added' | 'variant removed' | 'variant reweighted';
      variant: string;
      from: number | null;
      to: number | null;
    }
  | { change: 'constraint added' | 'constraint removed'; constraint: Constraint }
  | { change: 'segment added' | 'segment removed'; segment: string }
  | { change: 'stickiness' | 'groupId' | 'type'; from: string | null; to: string | null }
  | { change: 'killed' | 'revived'; reason?: string | null };

export type ChangeTone = 'added' | 'removed' | 'changed';

export interface DescribedChange {
  text: string;
  tone: ChangeTone;
}

const pct = (n: number | null) => (n === null ? '—' : `${n} %`);
const shown = (s: string | null) => s ?? '(none)';

export function describeChange(c: ConfigChange): DescribedChange {
  switch (c.change) {
    case 'switched on':
      return { text: 'Switched on', tone: 'added' };
    case 'switched off':
      return { text: 'Switched off', tone: 'removed' };
    case 'rollout':
      return { text: `Rollout ${pct(c.from)} → ${pct(c.to)}`, tone: 'changed' };
    case 'variant added':
      return { text: `Variant ${c.variant} added at weight ${c.to}`, tone: 'added' };
    case 'variant removed':
      return { text: `Variant ${c.variant} removed (was weight ${c.from})`, tone: 'removed' };
    case 'variant reweighted':
      return { text: `Variant ${c.variant} weight ${c.from} → ${c.to}`, tone: 'changed' };
    case 'constraint added':
      return { text: `Rule added: ${describeConstraint(c.constraint)}`, tone: 'added' };
    case 'constraint removed':
      return { text: `Rule removed: ${describeConstraint(c.constraint)}`, tone: 'removed' };
    case 'segment added':
      return { text: `Segment ${c.segment} added`, tone: 'added' };
    case 'segment removed':
      return { text: `Segment ${c.segment} removed`, tone: 'removed' };
    case 'stickiness':
      return { text: `Stickiness ${shown(c.from)} → ${shown(c.to)}`, tone: 'changed' };
    case 'groupId':
      return { text: `Group id ${shown(c.from)} → ${shown(c.to)} (everyone reshuffled)`, tone: 'changed' };
    case 'type':
      return { text: `Type ${shown(c.from)} → ${shown(c.to)}`, tone: 'changed' };
    case 'killed':
      return { text: c.reason ? `Killed: ${c.reason}` : 'Killed', tone: 'removed' };
    case 'revived':
      return { text: 'Revived', tone: 'added' };
  }
}
