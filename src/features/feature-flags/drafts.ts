import type { Constraint, Operator, Stickiness, TargetingRules } from '../../lib/feature-flags/constraints';
import { describeConstraint } from '../../lib/feature-flags/describe';
import type { FlagVersion } from './flag';

// The pure steps behind the flag page's editors: drafts in the shapes the database stores.

export const MULTI_VALUE_OPERATORS: readonly Operator[] = [
  'IN',
  'NOT_IN',
  'STR_CONTAINS',
  'STR_STARTS_WITH',
  'STR_ENDS_WITH',
];
export const isMultiValue = (op: Operator) => MULTI_VALUE_OPERATORS.includes(op);

export const PLAYGROUND_FIELDS = ['role', 'email', 'city', 'region', 'appVersion', 'sessionId'] as const;
export type PlaygroundTyped = Partial<Record<(typeof PLAYGROUND_FIELDS)[number], string>>;

/** The rules with stickiness and group id as given, the defaults left out as the database stores them. */
export function withBucketing(rules: TargetingRules, stickiness: Stickiness, groupId: string): TargetingRules {
  const { stickiness: _s, groupId: _g, ...rest } = rules;
  return {
    ...rest,
    ...(stickiness !== 'default' ? { stickiness } : {}),
    ...(groupId.trim() !== '' ? { groupId: groupId.trim() } : {}),
  };
}

/** A constraint with the operator changed: the compared values carried over to the shape it takes. */
export function withOperator(c: Constraint, operator: Operator): Constraint {
  const values = c.values ?? (c.value ? [c.value] : []);
  const { values: _v, value: _value, ...rest } = c;
  return isMultiValue(operator) ? { ...rest, operator, values } : { ...rest, operator, value: values[0] ?? '' };
}

/** The context evaluate_feature_flags takes: the user (whose facts fill the rest) and what was typed. */
export function playgroundContext(
  userId: string | null,
  typed: PlaygroundTyped,
  tenantId: string,
): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = userId ? { userId } : { tenantId };
  for (const [k, v] of Object.entries(typed)) {
    const value = v?.trim();
    if (!value) continue;
    context[k] =
      k === 'region'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : value;
  }
  return context;
}

/** The whole configuration of a version in one line, for "what would reverting bring back". */
export function configSummary(config: FlagVersion['config']): string {
  const state = config.kill_switch
    ? 'killed'
    : config.is_enabled
      ? `on at ${config.rollout_percentage} %`
      : `off (${config.rollout_percentage} %)`;
  const rules = config.targeting_rules.constraints ?? [];
  const parts = [state, config.flag_type];
  if (config.variants.length) parts.push(`variants ${config.variants.map((v) => `${v.key} ${v.weight}`).join(' / ')}`);
  parts.push(rules.length ? rules.map(describeConstraint).join('; ') : 'everyone');
  return parts.join(' · ');
}
