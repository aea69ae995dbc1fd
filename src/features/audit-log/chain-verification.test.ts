import { describe, expect, it } from 'vitest';
import { progressPercent, verifyChain, type ChunkVerdict, type Verification } from './chain-verification';

// The database's answers are scripted here; the functions themselves are proven by pgTAP
// (audit_chain_verification.test.sql) and the browser test (audit-explorer.spec.ts).
const verdict = (v: Partial<ChunkVerdict>): ChunkVerdict => ({
  checked: 0,
  first_seq: null,
  last_seq: null,
  next_seq: null,
  broken_seq: null,
  problem: null,
  expected_hash: null,
  found_hash: null,
  head_seq: 900,
  head_hash: 'h900',
  ...v,
});

function scripted(range: { from_seq: number | null; to_seq: number | null }, chunks: ChunkVerdict[]) {
  const calls: { fn: string; values: Record<string, unknown> }[] = [];
  const call = async <T>(fn: string, values: Record<string, unknown>): Promise<T> => {
    calls.push({ fn, values });
    if (fn === 'staff_audit_seq_range') return [range] as T;
    return [chunks.shift()] as T;
  };
  return { call, calls };
}

describe('verifyChain', () => {
  it.each<[string, { from: string | null; to: string | null }, ChunkVerdict[], Partial<Verification>, number | null]>([
    [
      'an open period runs to the end (p_to_seq null, so the head is compared) in chunks',
      { from: '2026-12-01T00:00:00Z', to: null },
      [
        verdict({ checked: 50_000, first_seq: 10, last_seq: 50_009, next_seq: 50_010 }),
        verdict({ checked: 5, first_seq: 50_010, last_seq: 50_014 }),
      ],
      { state: 'intact', checked: 50_005, fromSeq: 10, lastSeq: 50_014, toEnd: true },
      null,
    ],
    [
      'a closed period stops at its last entry',
      { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' },
      [verdict({ checked: 3, first_seq: 10, last_seq: 12 })],
      { state: 'intact', checked: 3, toEnd: false },
      20,
    ],
    [
      'a broken link ends the check',
      { from: null, to: null },
      [verdict({ checked: 7, first_seq: 10, last_seq: 16, broken_seq: 13, problem: 'altered', found_hash: 'x' })],
      { state: 'broken', brokenSeq: 13, problem: 'altered', foundHash: 'x' },
      null,
    ],
  ])('%s', async (_name, period, chunks, expected, toSeqSent) => {
    const { call, calls } = scripted({ from_seq: 10, to_seq: 20 }, chunks);
    const seen: Verification[] = [];
    const result = await verifyChain(call, period, (v) => seen.push(v));
    expect(result).toMatchObject(expected);
    expect(calls[0]).toEqual({ fn: 'staff_audit_seq_range', values: { p_from: period.from, p_to: period.to } });
    expect(calls[1].values).toMatchObject({ p_from_seq: 10, p_to_seq: toSeqSent });
    expect(seen.at(-1)).toBe(result);
    expect(seen[0].state).toBe('running');
  });

  it('a period without entries is said so, and nothing is verified', async () => {
    const { call, calls } = scripted({ from_seq: null, to_seq: null }, []);
    expect(await verifyChain(call, { from: null, to: null }, () => {})).toEqual({ state: 'empty' });
    expect(calls).toHaveLength(1);
  });

  it('stops between chunks when cancelled', async () => {
    const { call, calls } = scripted({ from_seq: 1, to_seq: 200_000 }, [
      verdict({ checked: 50_000, first_seq: 1, last_seq: 50_000, next_seq: 50_001 }),
    ]);
    let chunks = 0;
    const result = await verifyChain(
      call,
      { from: null, to: null },
      (v) => {
        if (v.state === 'running') chunks += 1;
      },
      () => chunks > 1,
    );
    expect(result).toEqual({ state: 'cancelled', checked: 50_000 });
    expect(calls.filter((c) => c.fn === 'staff_verify_audit_chain')).toHaveLength(1);
  });
});

describe('progressPercent', () => {
  it.each([
    [1, 100, 1, 0],
    [1, 100, 51, 50],
    [1, 100, 100, 99],
    [5, 5, 5, 0],
  ])('from %i to %i at %i → %i%%', (fromSeq, toSeq, atSeq, percent) => {
    expect(progressPercent({ state: 'running', checked: 0, fromSeq, toSeq, atSeq })).toBe(percent);
  });
});
