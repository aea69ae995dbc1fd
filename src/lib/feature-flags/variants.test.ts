import { describe, expect, it } from 'vitest';
import { splitEvenly, variantsError } from './variants';

describe('variantsError', () => {
  it.each([
    ['none at all', [], null],
    [
      'two halves',
      [
        { key: 'control', weight: 50 },
        { key: 'redesign', weight: 50 },
      ],
      null,
    ],
    [
      'weights short of 100',
      [
        { key: 'a', weight: 50 },
        { key: 'b', weight: 40 },
      ],
      'Weights add up to 90; they must add up to 100',
    ],
    [
      'a key twice',
      [
        { key: 'a', weight: 50 },
        { key: 'a', weight: 50 },
      ],
      'Variant 2: "a" is used twice',
    ],
    [
      'a bad key',
      [{ key: 'Big Key', weight: 100 }],
      'Variant 1: a key of up to 40 a–z, 0–9, _ and -, starting with a letter',
    ],
    [
      'a fractional weight',
      [
        { key: 'a', weight: 50.5 },
        { key: 'b', weight: 49.5 },
      ],
      'Variant a: a whole weight from 0 to 100',
    ],
  ])('%s', (_, variants, expected) => {
    expect(variantsError(variants)).toBe(expected);
  });
});

describe('splitEvenly', () => {
  it('gives 34/33/33 to three variants, in their order', () => {
    const split = splitEvenly([
      { key: 'control', weight: 80 },
      { key: 'single-page', weight: 10 },
      { key: 'stepper', weight: 10 },
    ]);
    expect(split.map((v) => `${v.key}:${v.weight}`)).toEqual(['control:34', 'single-page:33', 'stepper:33']);
    expect(variantsError(split)).toBeNull();
  });
});
