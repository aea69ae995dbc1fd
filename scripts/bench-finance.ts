// The money dashboard's requests (issue 30's figure) through the local API as the finance
// persona: each database function the page calls, for a month and for a year, after a warm-up.
// Target: p95 under 200 ms at the bench's 25× database. Called by scripts/bench-lists.ts.
import type { SupabaseClient } from '@supabase/supabase-js';
import { performance } from 'node:perf_hooks';
import { quantiles } from './bench-stats.ts';

const SAMPLES = 15;

export interface FinanceFigures {
  cases: { name: string; medianMs: number; p95Ms: number; n: number }[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function benchFinance(client: SupabaseClient): Promise<FinanceFigures> {
  const to = day(new Date());
  const month = day(new Date(Date.now() - 29 * 86_400_000));
  const year = day(new Date(Date.now() - 364 * 86_400_000));
  const cases: [string, () => PromiseLike<{ error: unknown }>][] = [
    ['summary, 30 days', () => client.rpc('finance_summary', { p_from: month, p_to: to })],
    ['summary, 365 days', () => client.rpc('finance_summary', { p_from: year, p_to: to })],
    ['series by day, 30 days', () => client.rpc('finance_series', { p_from: month, p_to: to, p_interval: 'day' })],
    ['series by week, 365 days', () => client.rpc('finance_series', { p_from: year, p_to: to, p_interval: 'week' })],
    ['by region, 30 days', () => client.rpc('finance_breakdown', { p_from: month, p_to: to, p_dimension: 'region' })],
    [
      'by provider, 365 days',
      () => client.rpc('finance_breakdown', { p_from: year, p_to: to, p_dimension: 'provider' }),
    ],
    ['by city, 365 days', () => client.rpc('finance_breakdown', { p_from: year, p_to: to, p_dimension: 'city' })],
  ];
  const results: FinanceFigures['cases'] = [];
  for (const [name, run] of cases) {
    const first = await run();
    if (first.error) throw new Error(`${name}: ${JSON.stringify(first.error)}`);
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      const { error } = await run();
      if (error) throw new Error(`${name}: ${JSON.stringify(error)}`);
      samples.push(performance.now() - t);
    }
    const { median, p95, n } = quantiles(samples);
    results.push({ name, medianMs: median, p95Ms: p95, n });
  }
  return { cases: results };
}

export function printFinance(f: FinanceFigures) {
  for (const c of f.cases)
    console.log(
      `  ${c.name}: median ${c.medianMs.toFixed(1)} ms, p95 ${c.p95Ms.toFixed(1)} ms (${c.n} calls)${c.p95Ms > 200 ? '  ← over 200 ms' : ''}`,
    );
}
