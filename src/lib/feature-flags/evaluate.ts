import { inRollout, normalizedHash, selectVariant, type Variant } from './bucketing';
import {
  constraintMatches,
  firstFailedConstraint,
  type Constraint,
  type FlagContext,
  type TargetingRules,
} from './constraints';

// One flag for one context, in the order the database evaluates it (public.evaluate_feature_flags):
// kill switch, an unexpired per-user override, the flag being on, the constraints, the rollout,
// then the variant — and which step decided, for the playground.

export interface FlagDefinition {
  key: string;
  is_enabled: boolean;
  kill_switch: boolean;
  rollout_percentage: number;
  variants: Variant[];
  targeting_rules: TargetingRules;
}

export interface FlagOverride {
  is_enabled: boolean;
  variant: string | null;
  reason: string;
  expires_at: string;
}

export type DecidingStep = 'kill_switch' | 'override' | 'disabled' | 'constraint' | 'rollout';

export interface FlagEvaluation {
  key: string;
  enabled: boolean;
  variant: string | null;
  reason: DecidingStep;
  details: Record<string, unknown>;
}

/** The value that keeps a context in its bucket: by default the user's id, else the session's. */
export function stickinessValue(rules: TargetingRules, context: FlagContext): string | null {
  const one = (v: FlagContext[keyof FlagContext]) => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null)) || null;
  switch (rules.stickiness ?? 'default') {
    case 'userId':
      return one(context.userId);
    case 'tenantId':
      return one(context.tenantId);
    case 'sessionId':
      return one(context.sessionId);
    default:
      return one(context.userId) ?? one(context.sessionId);
  }
}

export function evaluateFlag(
  flag: FlagDefinition,
  context: FlagContext,
  override: FlagOverride | null = null,
  now: number = Date.now(),
  /** The tenant's segments by key: their rules must hold after the flag's own. */
  segments: Readonly<Record<string, Constraint[]>> = {},
): FlagEvaluation {
  const rules = flag.targeting_rules ?? {};
  const sticky = stickinessValue(rules, context);
  const result = (
    enabled: boolean,
    reason: DecidingStep,
    details: Record<string, unknown>,
    variant: string | null = null,
  ) => ({
    key: flag.key,
    enabled,
    variant: enabled ? variant : null,
    reason,
    details,
  });
  // variants are the flag's own, hashed on its key (Unleash's feature-level variants)
  const variant = () => selectVariant(flag.variants, sticky, flag.key);

  if (flag.kill_switch) return result(false, 'kill_switch', {});
  if (override && Date.parse(override.expires_at) > now)
    return result(
      override.is_enabled,
      'override',
      { override_reason: override.reason, expires_at: override.expires_at },
      override.variant ?? variant(),
    );
  if (!flag.is_enabled) return result(false, 'disabled', {});
  const failed = firstFailedConstraint(rules, context);
  if (failed >= 0) return result(false, 'constraint', { constraint: failed });
  for (const key of rules.segments ?? []) {
    // a segment that is gone fails closed, as in the database
    const segment = segments[key];
    if (!segment) return result(false, 'constraint', { segment: key, missing: true });
    const index = segment.findIndex((c) => !constraintMatches(c, context));
    if (index >= 0) return result(false, 'constraint', { segment: key, constraint: index });
  }
  const groupId = rules.groupId ?? flag.key;
  const bucket = sticky ? normalizedHash(sticky, groupId, 100) : null;
  const details = { bucket, percentage: flag.rollout_percentage, group_id: groupId };
  if (!inRollout(sticky, groupId, flag.rollout_percentage)) return result(false, 'rollout', details);
  return result(true, 'rollout', details, variant());
}
