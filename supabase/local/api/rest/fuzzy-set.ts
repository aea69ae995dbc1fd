// The fuzzy string set PostgREST suggests names with ("Perhaps you meant 'films' instead of
// 'film'."): Haskell's Data.FuzzySet, itself after fuzzyset.js — grams of 3 (else 2) characters
// of the lower-cased name padded with '-', cosine similarity of gram counts to pick candidates,
// then each candidate scored 1 − Levenshtein distance / longer length; scores below 0.33 dropped.
// Written here because the npm port (fuzzyset) is not free for commercial use.

const MIN_SCORE = 0.33;
const GRAM_SIZES = [3, 2];

const normalize = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}, ]/gu, '');

function gramCounts(value: string, size: number): Map<string, number> {
  let padded = `-${normalize(value)}-`;
  if (padded.length < size) padded += '-'.repeat(size - padded.length);
  const counts = new Map<string, number>();
  for (let i = 0; i + size <= padded.length; i++) {
    const g = padded.slice(i, i + size);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

const norm = (counts: Map<string, number>) => Math.sqrt([...counts.values()].reduce((s, n) => s + n * n, 0));

export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** Every member scoring at least 0.33 against `value`, best first, as [score, member]. */
export function fuzzyGet(members: string[], value: string): [number, string][] {
  const exact = members.find((m) => m.toLowerCase() === value.toLowerCase());
  if (exact !== undefined) return [[1, exact]];
  for (const size of GRAM_SIZES) {
    const query = gramCounts(value, size);
    const queryNorm = norm(query);
    const candidates: [number, string][] = [];
    for (const m of new Set(members)) {
      const grams = gramCounts(m, size);
      let dot = 0;
      for (const [g, n] of query) dot += n * (grams.get(g) ?? 0);
      if (dot > 0) candidates.push([dot / (queryNorm * norm(grams)), m]);
    }
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => b[0] - a[0]);
    const q = normalize(value);
    const scored = candidates.slice(0, 50).map(([, m]): [number, string] => {
      const n = normalize(m);
      return [1 - levenshtein(q, n) / Math.max(q.length, n.length), m];
    });
    return scored.filter(([s]) => s >= MIN_SCORE).sort((a, b) => b[0] - a[0]);
  }
  return [];
}

/** The best member for `value`, if any scores at least 0.33. */
export const fuzzyGetOne = (members: string[], value: string): string | undefined => fuzzyGet(members, value)[0]?.[1];
