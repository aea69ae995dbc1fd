// The moderation queue's figures (issue 26), timed through supabase-js as the operations persona
// on the list bench's scaled database: page 1 of a queue with the per-tab counts beside it (the
// two requests the workspace sends together), one decision, and a bulk decision of 100 items.
// Decisions change rows, so each timed call decides items nobody decided before: the figures are
// for real work, not for refusals. Called by scripts/bench-lists.ts after the lists.
import { performance } from 'node:perf_hooks';
import type { SupabaseClient } from '@supabase/supabase-js';
import { quantiles } from './bench-stats.ts';
import { TABS } from '../src/features/moderation/queue.ts';

const QUEUE_PAGE_SIZE = 25;
const BULK_SIZE = 100;
const PAGE_SAMPLES = 21;
const DECISION_SAMPLES = 21;
const BULK_SAMPLES = 5;
const TARGETS = { queuePage: 50, decision: 30, bulk: 500 } as const;

interface Figure {
  label: string;
  median: number;
  p95: number;
  n: number;
  target: number;
}

function summarise(label: string, samples: number[], target: number): Figure {
  return { label, ...quantiles(samples), target };
}

async function timed(run: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

function failOn<T>(what: string, res: { data: T; error: { message: string } | null }): T {
  if (res.error) throw new Error(`${what}: ${res.error.message}`);
  return res.data;
}

/** Open listing items the caller may decide now (not under a colleague's live claim), oldest first. */
async function decidableListingItems(client: SupabaseClient, me: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; ids.length < count; from += 1000) {
    const rows = failOn(
      'open listing items',
      await client
        .from('moderation_items')
        .select('id, claimed_by, claim_expires_at')
        .eq('queue', 'listing_approval')
        .eq('status', 'pending')
        .order('entered_queue_at')
        .range(from, from + 999),
    ) as { id: string; claimed_by: string | null; claim_expires_at: string | null }[];
    if (rows.length === 0) break;
    const now = Date.now();
    for (const r of rows)
      if (!r.claimed_by || r.claimed_by === me || Date.parse(r.claim_expires_at ?? '') <= now) ids.push(r.id);
  }
  if (ids.length < count) throw new Error(`only ${ids.length} decidable listing items, the bench needs ${count}`);
  return ids.slice(0, count);
}

export async function benchModeration(client: SupabaseClient): Promise<Figure[]> {
  const me = (await client.auth.getUser()).data.user?.id;
  if (!me) throw new Error('the moderation bench needs a signed-in moderator');
  const figures: Figure[] = [];

  const counts = failOn('moderation_queue_counts', await client.rpc('moderation_queue_counts')) as {
    queue: string;
    open_items: number;
  }[];
  for (const { queue, open_items } of counts) {
    const page = async () => {
      const [list, tabs] = await Promise.all([
        client
          .from('moderation_items')
          .select('*', { count: 'estimated' })
          .eq('queue', queue)
          .in('status', ['pending', 'escalated'])
          .order('priority_score', { ascending: false })
          .order('entered_queue_at')
          .range(0, QUEUE_PAGE_SIZE - 1),
        client.rpc('moderation_queue_counts'),
      ]);
      failOn(`queue ${queue}`, list);
      failOn('moderation_queue_counts', tabs);
    };
    await page();
    const samples: number[] = [];
    for (let i = 0; i < PAGE_SAMPLES; i++) samples.push(await timed(page));
    figures.push(
      summarise(`${queue} page 1 (${QUEUE_PAGE_SIZE} of ${open_items} open) + tab counts`, samples, TARGETS.queuePage),
    );
  }

  // the workspace (src/features/moderation): a tab's page beside the tab counts and stats strip
  for (const { key: tab } of TABS) {
    const page = async () => {
      const [list, summary] = await Promise.all([
        client.rpc('moderation_queue_page', { p_tab: tab, p_sort: 'sla', p_limit: QUEUE_PAGE_SIZE + 1 }),
        client.rpc('moderation_workspace_summary'),
      ]);
      failOn(`moderation_queue_page(${tab})`, list);
      failOn('moderation_workspace_summary', summary);
    };
    await page();
    const samples: number[] = [];
    for (let i = 0; i < PAGE_SAMPLES; i++) samples.push(await timed(page));
    figures.push(summarise(`workspace tab ${tab}, page 1 + counts and stats`, samples, TARGETS.queuePage));
  }
  const firstItems = failOn(
    'moderation_queue_page(reports)',
    await client.rpc('moderation_queue_page', { p_tab: 'reports', p_sort: 'score', p_limit: PAGE_SAMPLES }),
  ) as { id: string }[];
  const pane: number[] = [];
  for (const { id } of firstItems)
    pane.push(
      await timed(async () => {
        failOn('moderation_item_context', await client.rpc('moderation_item_context', { p_item_id: id }));
      }),
    );
  figures.push(summarise('workspace item pane (the highest-priority reported items)', pane, TARGETS.queuePage));

  // the warm-up and every timed call each decide fresh items
  const ids = await decidableListingItems(client, me, 1 + DECISION_SAMPLES + (1 + BULK_SAMPLES) * BULK_SIZE);
  const versions = new Map(
    (
      failOn(
        'item versions',
        await client
          .from('moderation_items')
          .select('id, version')
          .in('id', ids.slice(0, 1 + DECISION_SAMPLES)),
      ) as { id: string; version: number }[]
    ).map((r) => [r.id, r.version]),
  );
  const decide = (id: string) => async () => {
    failOn(
      'decide_moderation_item',
      await client.rpc('decide_moderation_item', {
        p_item_id: id,
        p_decision: 'approve',
        p_version: versions.get(id),
        p_reason_code: null,
        p_note: 'bench',
        p_take_over: false,
      }),
    );
  };
  await decide(ids[0])();
  const single: number[] = [];
  for (const id of ids.slice(1, 1 + DECISION_SAMPLES)) single.push(await timed(decide(id)));
  figures.push(summarise('decide one listing item (approve)', single, TARGETS.decision));

  const bulkIds = ids.slice(1 + DECISION_SAMPLES);
  const bulk = (batch: string[]) => async () => {
    const outcomes = failOn(
      'decide_moderation_items',
      await client.rpc('decide_moderation_items', { p_item_ids: batch, p_decision: 'approve', p_note: 'bench' }),
    ) as { outcome: string; message: string | null }[];
    const notDone = outcomes.filter((o) => o.outcome !== 'done');
    if (notDone.length) throw new Error(`bulk decision: ${notDone.length} not done (${notDone[0].message})`);
  };
  const batches = Array.from({ length: 1 + BULK_SAMPLES }, (_, i) => bulkIds.slice(i * BULK_SIZE, (i + 1) * BULK_SIZE));
  await bulk(batches[0])();
  const many: number[] = [];
  for (const batch of batches.slice(1)) many.push(await timed(bulk(batch)));
  figures.push(summarise(`decide ${BULK_SIZE} listing items at once (approve)`, many, TARGETS.bulk));
  return figures;
}

export function printModeration(figures: Figure[]) {
  for (const f of figures)
    console.log(
      `${f.label}: median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms (n ${f.n}; ` +
        `target p95 < ${f.target} ms: ${f.p95 < f.target ? 'met' : 'MISSED'})`,
    );
}
