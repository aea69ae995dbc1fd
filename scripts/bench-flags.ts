// Feature flag evaluation in SQL (issue 28's figure): 50 flags of one tenant — constraints of
// every kind, rollouts, variants — evaluated for users of that tenant the way my_feature_flags()
// and evaluate_feature_flags() do, timed per user. The flags live in a transaction that is
// rolled back. Called by scripts/bench-lists.ts on its scaled database.
import { performance } from 'node:perf_hooks';
import { withClient } from '../supabase/local/database.ts';
import type { SupabaseClient } from '@supabase/supabase-js';
import { quantiles } from './bench-stats.ts';

const TENANT = '10000000-0000-4000-8000-000000000001';
const FLAGS = 50;
const USERS = 200;

const CONSTRAINTS = [
  [],
  [{ contextName: 'role', operator: 'IN', values: ['customer', 'provider'] }],
  [{ contextName: 'emailDomain', operator: 'STR_ENDS_WITH', values: ['.test', '.com'], caseInsensitive: true }],
  [{ contextName: 'signupDate', operator: 'DATE_BEFORE', value: '2026-06-01T00:00:00Z' }],
  [{ contextName: 'region', operator: 'IN', values: ['north-america'] }],
  [
    { contextName: 'role', operator: 'NOT_IN', values: ['guest'] },
    { contextName: 'city', operator: 'STR_STARTS_WITH', values: ['San', 'New', 'Los'] },
  ],
];

export interface FlagFigures {
  flags: number;
  users: number;
  medianMs: number;
  p95Ms: number;
  perFlagUs: number;
}

export async function benchFlags(dbUrl: string): Promise<FlagFigures> {
  return withClient(dbUrl, async (c) => {
    await c.query('begin');
    try {
      for (let i = 0; i < FLAGS; i++) {
        const variants =
          i % 3 === 0
            ? [
                { key: 'control', weight: 50 },
                { key: 'treatment', weight: 50 },
              ]
            : [];
        await c.query(
          `insert into public.feature_flags (tenant_id, key, name, is_enabled, rollout_percentage, variants, targeting_rules)
           values ($1, $2, $3, true, $4, $5, $6)`,
          [
            TENANT,
            `bench-flag-${i}`,
            `Bench flag ${i}`,
            (i * 37) % 101,
            JSON.stringify(variants),
            JSON.stringify({ constraints: CONSTRAINTS[i % CONSTRAINTS.length] }),
          ],
        );
      }
      const { rows: users } = await c.query<{ id: string }>(
        `select id from public.users where tenant_id = $1 and deleted_at is null order by id limit $2`,
        [TENANT, USERS],
      );
      const { rows: counted } = await c.query<{ n: string }>(
        'select count(*) as n from public.feature_flags where tenant_id = $1',
        [TENANT],
      );
      const evaluate = (id: string) =>
        c.query(`select count(*) from private.evaluate_tenant_flags($1, private.flag_user_context($2), $2)`, [
          TENANT,
          id,
        ]);
      await evaluate(users[0].id);
      const samples: number[] = [];
      for (const { id } of users) {
        const t = performance.now();
        await evaluate(id);
        samples.push(performance.now() - t);
      }
      const { median, p95, n } = quantiles(samples);
      const flags = Number(counted[0].n);
      return { flags, users: n, medianMs: median, p95Ms: p95, perFlagUs: (median * 1000) / flags };
    } finally {
      await c.query('rollback');
    }
  });
}

export function printFlags(f: FlagFigures) {
  console.log(
    `evaluate ${f.flags} flags for one user (context from the database, overrides, constraints, rollout, variant): ` +
      `median ${f.medianMs.toFixed(2)} ms, p95 ${f.p95Ms.toFixed(2)} ms over ${f.users} users ` +
      `(${f.perFlagUs.toFixed(0)} µs per flag)`,
  );
}

export interface PreviewFigures {
  users: number;
  cases: { name: string; medianMs: number; p95Ms: number; n: number }[];
}

const PREVIEW_SAMPLES = 15;

/**
 * The flag workspace's requests through the API as the product persona: the before-you-save
 * preview (every active user of the tenant evaluated twice, in SQL) for a rollout step, a
 * reweighting and a targeting change, and the flag page's history.
 */
export async function benchFlagPreview(client: SupabaseClient): Promise<PreviewFigures> {
  const { data: flags } = await client
    .from('feature_flags')
    .select('id, key, rollout_percentage, targeting_rules')
    .eq('tenant_id', TENANT)
    .in('key', ['instant-booking', 'checkout-redesign']);
  const byKey = new Map((flags ?? []).map((f) => [f.key as string, f as { id: string; rollout_percentage: number }]));
  const instant = byKey.get('instant-booking');
  const checkout = byKey.get('checkout-redesign');
  if (!instant || !checkout) throw new Error('the seeded flags instant-booking and checkout-redesign are missing');
  const cases: [string, () => PromiseLike<{ error: unknown; data: unknown }>][] = [
    [
      'preview a rollout step (10 → 25 %)',
      () => client.rpc('preview_feature_flag_change', { p_flag_id: instant.id, p_rollout_percentage: 25 }),
    ],
    [
      'preview a reweighting (3 variants)',
      () =>
        client.rpc('preview_feature_flag_change', {
          p_flag_id: checkout.id,
          p_variants: [
            { key: 'control', weight: 20 },
            { key: 'single-page', weight: 40 },
            { key: 'stepper', weight: 40 },
          ],
        }),
    ],
    [
      'preview a targeting change (region rule)',
      () =>
        client.rpc('preview_feature_flag_change', {
          p_flag_id: instant.id,
          p_targeting_rules: { constraints: [{ contextName: 'region', operator: 'IN', values: ['north-america'] }] },
        }),
    ],
    ['flag history', () => client.rpc('feature_flag_history', { p_flag_id: checkout.id })],
  ];
  let users = 0;
  const results: PreviewFigures['cases'] = [];
  for (const [name, run] of cases) {
    const first = await run();
    if (first.error) throw new Error(`${name}: ${JSON.stringify(first.error)}`);
    if (name.startsWith('preview')) users = (first.data as { users: number }).users;
    const samples: number[] = [];
    for (let i = 0; i < PREVIEW_SAMPLES; i++) {
      const t = performance.now();
      const { error } = await run();
      if (error) throw new Error(`${name}: ${JSON.stringify(error)}`);
      samples.push(performance.now() - t);
    }
    const { median, p95, n } = quantiles(samples);
    results.push({ name, medianMs: median, p95Ms: p95, n });
  }
  return { users, cases: results };
}

export function printFlagPreview(f: PreviewFigures) {
  console.log(`the flag workspace through the API as product, over ${f.users} active users of the tenant:`);
  for (const c of f.cases)
    console.log(`  ${c.name}: median ${c.medianMs.toFixed(1)} ms, p95 ${c.p95Ms.toFixed(1)} ms (${c.n} calls)`);
}
