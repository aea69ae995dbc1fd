// The figures every bench prints: median and p95 of a set of timings (nearest rank).
export function quantiles(samples: readonly number[]): { median: number; p95: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}
