// Verifying the audit hash chain over a period: the period becomes a span of sequence numbers
// (staff_audit_seq_range), which the database checks in chunks (staff_verify_audit_chain) so each
// request stays under the API's statement timeout and the page can show progress.

export const CHUNK_ROWS = 50_000;

export interface SeqRange {
  from_seq: number | null;
  to_seq: number | null;
}

export interface ChunkVerdict {
  checked: number;
  first_seq: number | null;
  last_seq: number | null;
  next_seq: number | null;
  broken_seq: number | null;
  problem: string | null;
  expected_hash: string | null;
  found_hash: string | null;
  head_seq: number | null;
  head_hash: string | null;
}

export type Verification =
  | { state: 'idle' }
  | { state: 'running'; checked: number; fromSeq: number; toSeq: number | null; atSeq: number }
  | { state: 'empty' }
  | {
      state: 'intact';
      checked: number;
      fromSeq: number;
      lastSeq: number;
      headSeq: number | null;
      headHash: string | null;
      toEnd: boolean;
    }
  | {
      state: 'broken';
      checked: number;
      brokenSeq: number;
      problem: string;
      expectedHash: string | null;
      foundHash: string | null;
    }
  | { state: 'cancelled'; checked: number }
  | { state: 'failed'; message: string };

type Call = <T>(fn: string, values: Record<string, unknown>) => Promise<T>;

export interface Period {
  /** ISO instants; null: from the chain's start / up to now (and the recorded head). */
  from: string | null;
  to: string | null;
}

// PostgREST sends bigint columns as JSON numbers; audit sequence numbers stay far below 2^53.
const first = <T>(rows: T[] | T): T => (Array.isArray(rows) ? rows[0] : rows);

/**
 * Verifies the entries made in `period`, reporting progress after each chunk. A period open at
 * its end runs to the chain's end, where the database also compares the newest entry with the
 * head it recorded (entries removed from the end show only there).
 */
export async function verifyChain(
  call: Call,
  period: Period,
  report: (v: Verification) => void,
  cancelled: () => boolean = () => false,
): Promise<Verification> {
  const range = first(await call<SeqRange[]>('staff_audit_seq_range', { p_from: period.from, p_to: period.to }));
  if (!range || range.from_seq === null) {
    const done: Verification = { state: 'empty' };
    report(done);
    return done;
  }
  const fromSeq = range.from_seq;
  const toSeq = period.to === null ? null : range.to_seq;
  let next: number | null = fromSeq;
  let checked = 0;
  let lastSeq = fromSeq;
  for (;;) {
    report({ state: 'running', checked, fromSeq, toSeq: toSeq ?? range.to_seq, atSeq: next ?? lastSeq });
    if (cancelled()) {
      const done: Verification = { state: 'cancelled', checked };
      report(done);
      return done;
    }
    const verdict: ChunkVerdict = first(
      await call<ChunkVerdict[]>('staff_verify_audit_chain', {
        p_from_seq: next,
        p_to_seq: toSeq,
        p_max_rows: CHUNK_ROWS,
      }),
    );
    checked += verdict.checked;
    lastSeq = verdict.last_seq ?? lastSeq;
    if (verdict.broken_seq !== null) {
      const done: Verification = {
        state: 'broken',
        checked,
        brokenSeq: verdict.broken_seq,
        problem: verdict.problem ?? 'The chain is broken here',
        expectedHash: verdict.expected_hash,
        foundHash: verdict.found_hash,
      };
      report(done);
      return done;
    }
    if (verdict.next_seq === null) {
      const done: Verification = {
        state: 'intact',
        checked,
        fromSeq,
        lastSeq,
        headSeq: verdict.head_seq,
        headHash: verdict.head_hash,
        toEnd: toSeq === null,
      };
      report(done);
      return done;
    }
    next = verdict.next_seq;
  }
}

/** Share of the span done, 0–100, for a progress bar. */
export function progressPercent(v: Extract<Verification, { state: 'running' }>): number {
  if (v.toSeq === null || v.toSeq <= v.fromSeq) return 0;
  return Math.min(100, Math.floor(((v.atSeq - v.fromSeq) / (v.toSeq - v.fromSeq + 1)) * 100));
}
