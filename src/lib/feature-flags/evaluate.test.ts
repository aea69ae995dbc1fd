import { describe, expect, it } from 'vitest';
import { normalizedHash } from './bucketing';
import type { TargetingRules } from './constraints';
import { evaluateFlag, stickinessValue, type FlagDefinition, type FlagOverride } from './evaluate';

const NOW = Date.parse('2026-12-07T10:00:00Z');
const flag = (overrides: Partial<FlagDefinition> = {}): FlagDefinition => ({
  key: 'checkout-redesign',
  is_enabled: true,
  kill_switch: false,
  rollout_percentage: 100,
  variants: [],
  targeting_rules: {},
  ...overrides,
});
const override = (o: Partial<FlagOverride> = {}): FlagOverride => ({
  is_enabled: true,
  variant: null,
  reason: 'QA account',
  expires_at: '2026-12-08T00:00:00Z',
  ...o,
});
const customer = { userId: 'user-1', role: 'customer' };
const onlyProviders = {
  constraints: [{ contextName: 'role' as const, operator: 'IN' as const, values: ['provider'] }],
};

describe('evaluateFlag: the order of the steps', () => {
  it.each([
    [
      'the kill switch beats an override',
      flag({ kill_switch: true, is_enabled: false }),
      override(),
      false,
      'kill_switch',
    ],
    ['an unexpired override beats a disabled flag', flag({ is_enabled: false }), override(), true, 'override'],
    ['an override can switch a user off', flag(), override({ is_enabled: false }), false, 'override'],
    [
      'an expired override no longer applies',
      flag({ is_enabled: false }),
      override({ expires_at: '2026-12-07T09:59:59Z' }),
      false,
      'disabled',
    ],
    ['an override beats the constraints', flag({ targeting_rules: onlyProviders }), override(), true, 'override'],
    ['a disabled flag is off', flag({ is_enabled: false }), null, false, 'disabled'],
    ['a failed constraint is off', flag({ targeting_rules: onlyProviders }), null, false, 'constraint'],
    ['0 % is nobody', flag({ rollout_percentage: 0 }), null, false, 'rollout'],
    ['100 % is everybody', flag(), null, true, 'rollout'],
  ] as const)('%s', (_name, f, o, enabled, reason) => {
    const result = evaluateFlag(f, customer, o, NOW);
    expect(result).toMatchObject({ enabled, reason });
    if (!enabled) expect(result.variant).toBeNull();
  });

  it('names the failed constraint and the bucket', () => {
    const rules = {
      constraints: [
        { contextName: 'role' as const, operator: 'IN' as const, values: ['customer'] },
        ...onlyProviders.constraints,
      ],
    };
    expect(evaluateFlag(flag({ targeting_rules: rules }), customer, null, NOW).details).toEqual({ constraint: 1 });
    const bucket = normalizedHash('user-1', 'checkout-redesign', 100);
    expect(evaluateFlag(flag({ rollout_percentage: bucket }), customer, null, NOW)).toMatchObject({
      enabled: true,
      details: { bucket, percentage: bucket, group_id: 'checkout-redesign' },
    });
    expect(evaluateFlag(flag({ rollout_percentage: bucket - 1 }), customer, null, NOW).enabled).toBe(false);
  });

  it('hashes the rollout on the groupId when set, the variant on the flag key', () => {
    const rules = { groupId: 'reshuffled' };
    const bucket = normalizedHash('user-1', 'reshuffled', 100);
    expect(
      evaluateFlag(flag({ targeting_rules: rules, rollout_percentage: bucket }), customer, null, NOW).enabled,
    ).toBe(true);
    expect(
      evaluateFlag(flag({ targeting_rules: rules, rollout_percentage: bucket - 1 }), customer, null, NOW).enabled,
    ).toBe(false);
  });

  it('gives the override’s variant, else the weighted one', () => {
    const variants = [
      { key: 'control', weight: 50 },
      { key: 'treatment', weight: 50 },
    ];
    expect(evaluateFlag(flag({ variants }), customer, override({ variant: 'treatment' }), NOW).variant).toBe(
      'treatment',
    );
    const picked = evaluateFlag(flag({ variants }), customer, null, NOW).variant;
    expect(['control', 'treatment']).toContain(picked);
    expect(evaluateFlag(flag({ variants }), customer, override(), NOW).variant).toBe(picked);
  });

  it('has nobody to bucket without a stickiness value', () => {
    expect(evaluateFlag(flag(), { role: 'customer' }, null, NOW)).toMatchObject({ enabled: false, reason: 'rollout' });
  });
});

describe('stickinessValue', () => {
  it.each([
    [{}, { userId: 'u', sessionId: 's' }, 'u'],
    [{}, { sessionId: 's' }, 's'],
    [{ stickiness: 'sessionId' as const }, { userId: 'u', sessionId: 's' }, 's'],
    [{ stickiness: 'tenantId' as const }, { userId: 'u', tenantId: 't' }, 't'],
    [{ stickiness: 'userId' as const }, { sessionId: 's' }, null],
  ])('%j with %j → %s', (rules, context, expected) => {
    expect(stickinessValue(rules, context)).toBe(expected);
  });
});

describe('evaluateFlag: segments', () => {
  const segments = {
    'eu-customers': [
      { contextName: 'role' as const, operator: 'IN' as const, values: ['customer'] },
      { contextName: 'region' as const, operator: 'IN' as const, values: ['europe'] },
    ],
  };
  const inEurope = { ...customer, region: ['europe', 'ireland'] };
  it.each([
    ['a user meeting every rule of the segment gets the flag', inEurope, { segments: ['eu-customers'] }, true, {}],
    [
      'a segment rule that fails is named with its segment',
      customer,
      { segments: ['eu-customers'] },
      false,
      { segment: 'eu-customers', constraint: 1 },
    ],
    [
      'the flag’s own rules come first',
      inEurope,
      { ...onlyProviders, segments: ['eu-customers'] },
      false,
      { constraint: 0 },
    ],
    [
      'a segment that is gone fails closed',
      inEurope,
      { segments: ['gone'] },
      false,
      { segment: 'gone', missing: true },
    ],
  ] as const)('%s', (_name, context, rules, enabled, details) => {
    const result = evaluateFlag(
      flag({ targeting_rules: rules as unknown as TargetingRules }),
      context,
      null,
      NOW,
      segments,
    );
    expect(result.enabled).toBe(enabled);
    if (!enabled) expect(result).toMatchObject({ reason: 'constraint', details });
  });
});
