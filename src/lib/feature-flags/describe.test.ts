import { describe, expect, it } from 'vitest';
import { describeChange, describeConstraint, type ConfigChange } from './describe';

describe('describeConstraint', () => {
  it.each([
    [{ contextName: 'role', operator: 'IN', values: ['customer', 'provider'] }, 'role is one of customer, provider'],
    [{ contextName: 'appVersion', operator: 'SEMVER_GT', value: '2.4.0' }, 'appVersion is a version after 2.4.0'],
    [
      { contextName: 'emailDomain', operator: 'STR_ENDS_WITH', values: ['loconomy.test'], caseInsensitive: true },
      'emailDomain ends with loconomy.test (any case)',
    ],
    [{ contextName: 'region', operator: 'IN', values: ['europe'], inverted: true }, 'not (region is one of europe)'],
    [
      { contextName: 'signupDate', operator: 'DATE_BEFORE', value: '2026-11-01T00:00:00Z' },
      'signupDate is before 2026-11-01T00:00:00Z',
    ],
  ] as const)('%j reads "%s"', (constraint, text) => {
    expect(describeConstraint(constraint as never)).toBe(text);
  });
});

describe('describeChange', () => {
  it.each<[ConfigChange, string, string]>([
    [{ change: 'rollout', from: 10, to: 25 }, 'Rollout 10 % → 25 %', 'changed'],
    [{ change: 'switched on' }, 'Switched on', 'added'],
    [
      { change: 'variant reweighted', variant: 'redesign', from: 50, to: 60 },
      'Variant redesign weight 50 → 60',
      'changed',
    ],
    [
      { change: 'variant added', variant: 'stepper', from: null, to: 33 },
      'Variant stepper added at weight 33',
      'added',
    ],
    [
      { change: 'variant removed', variant: 'grid', from: 50, to: null },
      'Variant grid removed (was weight 50)',
      'removed',
    ],
    [
      { change: 'constraint added', constraint: { contextName: 'city', operator: 'IN', values: ['Dublin'] } },
      'Rule added: city is one of Dublin',
      'added',
    ],
    [
      { change: 'groupId', from: null, to: 'checkout-2027' },
      'Group id (none) → checkout-2027 (everyone reshuffled)',
      'changed',
    ],
    [{ change: 'killed', reason: 'Errors doubled' }, 'Killed: Errors doubled', 'removed'],
    [{ change: 'segment added', segment: 'na-customers' }, 'Segment na-customers added', 'added'],
  ])('%j', (change, text, tone) => {
    expect(describeChange(change)).toEqual({ text, tone });
  });
});
