import { describe, expect, it } from 'vitest';
import { inRollout, normalizedHash, selectVariant, VARIANT_SEED } from './bucketing';
import { murmur3x86_32 } from './murmur3';

// The vectors of ../shared/reference/feature-flags.md (Unleash's own tests and client
// specification), the same table as supabase/tests/feature_flag_evaluation.test.sql.

describe('murmur3x86_32', () => {
  it.each([
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['a', 0, 0x3c2569b2],
    ['abc', 0, 0xb3dd93fa],
    ['Hello, world!', 1234, 0xfaf6cdb3],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
  ])('hash(%j, seed %i) = %i', (input, seed, expected) => {
    expect(murmur3x86_32(input, seed)).toBe(expected);
  });

  it('hashes UTF-8 bytes: a non-ASCII id equals its encoded bytes', () => {
    expect(murmur3x86_32('Zürich')).toBe(murmur3x86_32(new TextEncoder().encode('Zürich')));
    expect(murmur3x86_32('Zürich')).not.toBe(murmur3x86_32('Z\u00fcrich'.replace('\u00fc', 'u')));
  });
});

describe('normalizedHash (Unleash normalizedStrategyValue / normalizedVariantValue)', () => {
  it.each([
    ['123', 'gr1', 100, 0, 73],
    ['999', 'groupX', 100, 0, 25],
    ['174', 'Feature.flexibleRollout.10', 100, 0, 10],
    ['499', 'Feature.flexibleRollout.10', 100, 0, 32],
    ['25', 'Feature.flexibleRollout.userId.55', 100, 0, 55],
    ['0', 'toggleName', 3, VARIANT_SEED, 1],
    ['zxa', 'toggleName', 3, VARIANT_SEED, 2],
    ['ya', 'toggleName', 3, VARIANT_SEED, 3],
  ])('(%j, %j, %i, seed %i) = %i', (id, groupId, normalizer, seed, expected) => {
    expect(normalizedHash(id, groupId, normalizer, seed)).toBe(expected);
  });
});

describe('inRollout', () => {
  it.each([
    ['174', 'Feature.flexibleRollout.10', 10, true],
    ['499', 'Feature.flexibleRollout.10', 10, false],
    ['25', 'Feature.flexibleRollout.userId.55', 55, true],
    ['25', 'Feature.flexibleRollout.userId.55', 54, false],
    ['25', 'anything', 100, true],
    ['25', 'anything', 0, false],
    ['', 'anything', 100, false],
  ])('%j in %j at %i %% → %s', (id, groupId, pct, expected) => {
    expect(inRollout(id, groupId, pct)).toBe(expected);
  });
});

describe('selectVariant', () => {
  const three = [
    { key: 'variant1', weight: 1 },
    { key: 'variant2', weight: 1 },
    { key: 'variant3', weight: 1 },
  ];
  it.each([
    ['0', 'variant1'],
    ['zxa', 'variant2'],
    ['ya', 'variant3'],
  ])('user %j → %s', (id, expected) => {
    expect(selectVariant(three, id, 'toggleName')).toBe(expected);
  });

  it('skips weight 0 and answers null without weight or stickiness', () => {
    expect(
      selectVariant(
        [
          { key: 'off', weight: 0 },
          { key: 'on', weight: 5 },
        ],
        'x',
        'g',
      ),
    ).toBe('on');
    expect(selectVariant([{ key: 'off', weight: 0 }], 'x', 'g')).toBeNull();
    expect(selectVariant(three, null, 'g')).toBeNull();
  });

  it('splits users in proportion to the weights', () => {
    const counts: Record<string, number> = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[
        selectVariant(
          [
            { key: 'a', weight: 20 },
            { key: 'b', weight: 80 },
          ],
          `user-${i}`,
          'split',
        )!
      ]++;
    expect(counts.a / 10_000).toBeGreaterThan(0.18);
    expect(counts.a / 10_000).toBeLessThan(0.22);
  });
});
