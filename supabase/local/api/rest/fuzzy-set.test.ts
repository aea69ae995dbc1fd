import { describe, expect, it } from 'vitest';
import { fuzzyGet, fuzzyGetOne, levenshtein } from './fuzzy-set.ts';

// the examples Data.FuzzySet documents, and PostgREST's own (Error.hs noRelBetweenHint)
describe('fuzzy set', () => {
  it('scores by Levenshtein distance among the gram candidates', () => {
    const names = ['Shaggy Rogers', 'Fred Jones', 'Daphne Blake', 'Velma Dinkley'];
    expect(fuzzyGet(names, 'Shaggy Jones')).toEqual([
      [1 - 3 / 13, 'Shaggy Rogers'],
      [0.5, 'Fred Jones'],
    ]);
    expect(fuzzyGetOne(['Jurassic Park', 'Terminator', 'The Matrix'], 'percolator')).toBe('Terminator');
  });

  it.each([
    [['films', 'directors', 'roles', 'actors'], 'film', 'films'],
    [['directors', 'roles', 'actors'], 'role', 'roles'],
    [['directors', 'roles', 'actors'], 'noclosealternative', undefined],
  ])('suggests among %j for %s: %s', (members, value, expected) => {
    expect(fuzzyGetOne(members, value)).toBe(expected);
  });

  it('returns an exact member with score 1', () => {
    expect(fuzzyGet(['Actors', 'roles'], 'actors')).toEqual([[1, 'Actors']]);
  });

  it('measures edit distance', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
  });
});
