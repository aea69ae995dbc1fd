import { describe, expect, it } from 'vitest';
import { configSummary, playgroundContext, withBucketing, withOperator } from './drafts';

describe('withBucketing', () => {
  const rules = {
    constraints: [{ contextName: 'role' as const, operator: 'IN' as const, values: ['customer'] }],
    groupId: 'old',
  };
  it.each([
    ['defaults are left out', 'default', '', { constraints: rules.constraints }],
    [
      'a group id is trimmed',
      'default',
      ' checkout-2027 ',
      { constraints: rules.constraints, groupId: 'checkout-2027' },
    ],
    [
      'stickiness by tenant',
      'tenantId',
      'old',
      { constraints: rules.constraints, stickiness: 'tenantId', groupId: 'old' },
    ],
  ] as const)('%s', (_, stickiness, groupId, expected) => {
    expect(withBucketing(rules, stickiness, groupId)).toEqual(expected);
  });
});

describe('withOperator', () => {
  it('carries values to a one-value operator and back', () => {
    const single = withOperator({ contextName: 'appVersion', operator: 'IN', values: ['2.4.0', '2.5.0'] }, 'SEMVER_GT');
    expect(single).toEqual({ contextName: 'appVersion', operator: 'SEMVER_GT', value: '2.4.0' });
    expect(withOperator(single, 'NOT_IN')).toEqual({
      contextName: 'appVersion',
      operator: 'NOT_IN',
      values: ['2.4.0'],
    });
  });
});

describe('playgroundContext', () => {
  it('asks for the user when one is picked, splitting typed regions and dropping blanks', () => {
    expect(playgroundContext('u1', { region: 'europe, ireland ', city: ' ', role: 'provider' }, 't1')).toEqual({
      userId: 'u1',
      region: ['europe', 'ireland'],
      role: 'provider',
    });
  });
  it('is the tenant and the typed fields without a user', () => {
    expect(playgroundContext(null, { sessionId: 's-42' }, 't1')).toEqual({ tenantId: 't1', sessionId: 's-42' });
  });
});

describe('configSummary', () => {
  it('says state, type, variants and rules in one line', () => {
    expect(
      configSummary({
        is_enabled: true,
        rollout_percentage: 25,
        kill_switch: false,
        flag_type: 'experiment',
        variants: [
          { key: 'control', weight: 50 },
          { key: 'redesign', weight: 50 },
        ],
        targeting_rules: { constraints: [{ contextName: 'role', operator: 'IN', values: ['provider'] }] },
      }),
    ).toBe('on at 25 % · experiment · variants control 50 / redesign 50 · role is one of provider');
    expect(
      configSummary({
        is_enabled: false,
        rollout_percentage: 0,
        kill_switch: true,
        flag_type: 'release',
        variants: [],
        targeting_rules: {},
      }),
    ).toBe('killed · release · everyone');
  });
});
