import { describe, expect, it } from 'vitest';
import { explainEvaluation } from './explain';

const row = (reason: string, enabled: boolean, details: Record<string, unknown>, variant: string | null = null) => ({
  key: 'checkout-redesign',
  enabled,
  variant,
  reason,
  details,
});

describe('explainEvaluation', () => {
  it.each([
    [row('kill_switch', false, {}), 'Killed: off for everyone, overrides included.'],
    [
      row('override', true, { override_reason: 'Beta tester', expires_at: '2027-01-05T10:00:00+00:00' }),
      'Override for this user (“Beta tester”) until 2027-01-05.',
    ],
    [row('constraint', false, { constraint: 1 }), 'Rule 2 does not hold: signupDate is before 2026-11-01T00:00:00Z.'],
    [
      row('rollout', true, { bucket: 7, percentage: 25, group_id: 'checkout-2026' }, 'stepper'),
      'Bucket 7 of 100 with group id checkout-2026: within the 25 % rollout, variant stepper.',
    ],
    [
      row('rollout', false, { bucket: 61, percentage: 25, group_id: 'checkout-2026' }),
      'Bucket 61 of 100 with group id checkout-2026: outside the 25 % rollout.',
    ],
    [
      row('rollout', false, { bucket: null, percentage: 25, group_id: 'x' }),
      'No user or session to bucket: outside the rollout.',
    ],
    [
      row('constraint', false, { segment: 'na-customers', constraint: 1 }),
      'Segment na-customers: its rule 2 does not hold.',
    ],
    [
      row('constraint', false, { segment: 'gone', missing: true }),
      'Segment gone no longer exists: nobody gets the flag through it.',
    ],
  ])('%j', (evaluation, text) => {
    expect(
      explainEvaluation(evaluation, [
        { contextName: 'role', operator: 'IN', values: ['customer'] },
        { contextName: 'signupDate', operator: 'DATE_BEFORE', value: '2026-11-01T00:00:00Z' },
      ]),
    ).toBe(text);
  });
});
