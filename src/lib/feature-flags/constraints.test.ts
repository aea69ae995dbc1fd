import { describe, expect, it } from 'vitest';
import { constraintMatches, firstFailedConstraint, isDateTime, targetingRulesError } from './constraints';
import { compareSemver } from './semver';
import { OPERATOR_CASES, VALIDATION_CASES } from './vectors';

describe('constraintMatches', () => {
  it.each(OPERATOR_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(constraintMatches(c.constraint, c.context)).toBe(c.expected);
  });
});

describe('targetingRulesError', () => {
  it.each(VALIDATION_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(targetingRulesError(c.rules)).toBe(c.error);
  });
});

describe('firstFailedConstraint', () => {
  it('answers the index of the first constraint the context fails, -1 when none', () => {
    const rules = {
      constraints: [
        { contextName: 'role', operator: 'IN', values: ['customer'] },
        { contextName: 'city', operator: 'IN', values: ['Austin'] },
      ],
    } as const;
    expect(firstFailedConstraint(rules as never, { role: 'customer', city: 'Austin' })).toBe(-1);
    expect(firstFailedConstraint(rules as never, { role: 'customer', city: 'Paris' })).toBe(1);
    expect(firstFailedConstraint(rules as never, { role: 'provider', city: 'Paris' })).toBe(0);
    expect(firstFailedConstraint({}, {})).toBe(-1);
  });
});

describe('compareSemver', () => {
  // semver.org §11's example chain, each lower than the next
  const chain = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
  ];
  it.each(chain.slice(1).map((v, i) => [chain[i], v]))('%s < %s', (a, b) => {
    expect(compareSemver(a, b)).toBe(-1);
    expect(compareSemver(b, a)).toBe(1);
  });
  it('is null for what is not a version', () => {
    expect(compareSemver('1.2', '1.2.0')).toBeNull();
  });
});

describe('isDateTime', () => {
  it.each([
    ['2026-12-07T09:00:00Z', true],
    ['2026-12-07T09:00Z', true],
    ['2024-02-29T00:00:00+14:00', true],
    ['2025-02-29T00:00:00Z', false],
    ['2026-12-07 09:00:00Z', false],
    ['2026-12-07T24:00:00Z', false],
    ['2026-12-07T09:00:00+15:00', false],
  ])('%s → %s', (value, expected) => {
    expect(isDateTime(value)).toBe(expected);
  });
});
