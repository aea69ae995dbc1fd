// Feature flag evaluation in SQL (issue 28's figure): 50 flags of one tenant — constraints of
// every kind, rollouts, variants — evaluated for users of that tenant the way my_feature_flags()
// and evaluate_feature_flags() do, timed per user. The flags live in a transaction that is
// rolled back. Called by scripts/bench-lists.ts on its scaled database.
import { performance } from 'node:perf_hooks';
import { withClient } from '../supabase/local/database.ts';
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
