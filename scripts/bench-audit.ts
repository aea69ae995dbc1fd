// The audit explorer's figures on the list bench's scaled database: how fast the hash chain takes
// new entries (every writer serializes on its head), and, through supabase-js as the operations
// persona, a period turned into its seq span and one verification chunk of 50,000 entries — the
// request the explorer repeats, which must stay well under the API's 8 s statement timeout.
// The entries are added for the bench; its database is dropped afterwards.
// Called by scripts/bench-lists.ts after the lists.
import { performance } from 'node:perf_hooks';
import type { SupabaseClient } from '@supabase/supabase-js';
import { withClient } from '../supabase/local/database.ts';
import { quantiles } from './bench-stats.ts';
import { CHUNK_ROWS } from '../src/features/audit-log/chain-verification.ts';

const ENTRIES = 200_000;
// Each writer updates the chain head, and a row updated many times in one transaction gets slower
// with every version: so, like the app's bulk actions, appends come in transactions of a few
// thousand entries.
const BATCH = 2_000;
const SAMPLES = 5;
const TARGET_CHUNK_MS = 2_000;

export interface AuditFigures {
  entries: number;
  appendPerSecond: number;
  chunk: { median: number; p95: number; n: number };
  seqRange: { median: number; p95: number; n: number };
  wholeChainSeconds: number;
}

export async function benchAudit(dbUrl: string, ops: SupabaseClient): Promise<AuditFigures> {
  const appendPerSecond = await withClient(dbUrl, async (c) => {
    const t = performance.now();
    // as staff actions write them: a tenant, an actor, a record and its change
    for (let done = 0; done < ENTRIES; done += BATCH)
      await c.query(
        `insert into public.audit_logs (tenant_id, actor_id, actor_role, action, table_name, record_id, old_data, new_data,
                                      changed_columns, hash)
       select '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'authenticated', 'update',
              'listings', md5(g::text)::uuid::text, jsonb_build_object('title', 'Before ' || g),
              jsonb_build_object('title', 'After ' || g), array['title'], ''
         from generate_series($1::int, $2::int) g`,
        [done + 1, done + BATCH],
      );
    await c.query('analyze public.audit_logs');
    return ENTRIES / ((performance.now() - t) / 1000);
  });
  const { data: last, error } = await ops.rpc('staff_audit_seq_range', { p_from: null, p_to: null });
  if (error) throw new Error(`staff_audit_seq_range: ${error.message}`);
  const toSeq = Number((last as { to_seq: number }[])[0].to_seq);

  const chunk: number[] = [];
  for (let i = 0; i <= SAMPLES; i++) {
    const t = performance.now();
    const res = await ops.rpc('staff_verify_audit_chain', {
      p_from_seq: toSeq - CHUNK_ROWS * (i + 1) + 1,
      p_to_seq: toSeq - CHUNK_ROWS * i,
      p_max_rows: CHUNK_ROWS,
    });
    if (res.error) throw new Error(`staff_verify_audit_chain: ${res.error.message}`);
    if ((res.data as { broken_seq: number | null }[])[0].broken_seq !== null)
      throw new Error('the bench chain is broken');
    if (i > 0) chunk.push(performance.now() - t); // the first call warms the cache
  }
  const seqRange: number[] = [];
  for (let i = 0; i <= SAMPLES; i++) {
    const t = performance.now();
    const res = await ops.rpc('staff_audit_seq_range', {
      p_from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      p_to: null,
    });
    if (res.error) throw new Error(`staff_audit_seq_range: ${res.error.message}`);
    if (i > 0) seqRange.push(performance.now() - t);
  }
  const c = quantiles(chunk);
  return {
    entries: toSeq,
    appendPerSecond,
    chunk: c,
    seqRange: quantiles(seqRange),
    wholeChainSeconds: ((toSeq / CHUNK_ROWS) * c.median) / 1000,
  };
}

export function printAudit(f: AuditFigures) {
  console.log(
    `  chained appends: ${Math.round(f.appendPerSecond).toLocaleString('en-US')} entries/s (transactions of ${BATCH.toLocaleString('en-US')})`,
  );
  console.log(
    `  verify one chunk of ${CHUNK_ROWS.toLocaleString('en-US')}: median ${f.chunk.median.toFixed(0)} ms, p95 ${f.chunk.p95.toFixed(0)} ms (${f.chunk.n} calls)${f.chunk.p95 > TARGET_CHUNK_MS ? `  ← over ${TARGET_CHUNK_MS} ms` : `  (target < ${TARGET_CHUNK_MS} ms: met)`}`,
  );
  console.log(
    `  a 7-day period to its seq span: median ${f.seqRange.median.toFixed(1)} ms, p95 ${f.seqRange.p95.toFixed(1)} ms`,
  );
  console.log(
    `  the whole chain (${f.entries.toLocaleString('en-US')} entries) verified from the browser: about ${f.wholeChainSeconds.toFixed(1)} s`,
  );
}
