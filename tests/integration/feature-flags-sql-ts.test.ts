// The database and src/lib/feature-flags evaluate flags alike: the same buckets for 10,000
// random ids (ASCII and not: both hash UTF-8 bytes), the same variants, the same constraint
// answers and the same validation messages — the shared cases of vectors.ts, run through SQL.
import { afterAll, describe, expect, it } from 'vitest';
import { normalizedHash, selectVariant, VARIANT_SEED } from '../../src/lib/feature-flags/bucketing';
import { constraintMatches, targetingRulesError } from '../../src/lib/feature-flags/constraints';
import { staleReason, type StaleFacts } from '../../src/lib/feature-flags/stale';
import { OPERATOR_CASES, VALIDATION_CASES } from '../../src/lib/feature-flags/vectors';
import { clientsFor, closeStack, sql } from '../helpers/stack.ts';

afterAll(closeStack);

// a seeded generator, so a failure names ids that reproduce
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}
const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyz0123456789-',
  'äöüßéèçñøåÆŒ', // Latin beyond ASCII: two UTF-8 bytes each
  '東京大阪名古屋札幌', // three bytes each
  '😀🚀🌍', // four bytes, two UTF-16 units
];

function randomIds(count: number): string[] {
  const next = random(20261207);
  return Array.from({ length: count }, (_, i) => {
    if (i % 4 === 0) return crypto.randomUUID();
    const alphabet = [...ALPHABETS[Math.floor(next() * ALPHABETS.length)]];
    const length = 1 + Math.floor(next() * 24);
    return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  });
}

describe('bucketing', () => {
  const ids = randomIds(10_000);

  it('gives 10,000 random ids the same rollout bucket in SQL and TypeScript', async () => {
    const rows = await sql<{ n: number }>(
      `select private.normalized_hash(id, 'checkout-redesign', 100) as n
         from unnest($1::text[]) with ordinality u (id, i) order by i`,
      [ids],
    );
    const mismatches = ids.filter((id, i) => rows[i].n !== normalizedHash(id, 'checkout-redesign', 100));
    expect(mismatches).toEqual([]);
    expect(new Set(rows.map((r) => r.n)).size).toBe(100);
  });

  it('picks the same variant for them', async () => {
    const variants = [
      { key: 'control', weight: 34 },
      { key: 'single-page', weight: 33 },
      { key: 'stepper', weight: 33 },
    ];
    const rows = await sql<{ v: string }>(
      `select private.flag_variant($2::jsonb, id, 'checkout-redesign') as v
         from unnest($1::text[]) with ordinality u (id, i) order by i`,
      [ids, JSON.stringify(variants)],
    );
    const mismatches = ids.filter((id, i) => rows[i].v !== selectVariant(variants, id, 'checkout-redesign'));
    expect(mismatches).toEqual([]);
    const seeded = await sql<{ n: number }>(`select private.normalized_hash('ya', 'toggleName', 3, $1) as n`, [
      VARIANT_SEED,
    ]);
    expect(seeded[0].n).toBe(3);
  });
});

describe('constraints', () => {
  it('answer every shared case alike', async () => {
    const rows = await sql<{ matched: boolean }>(
      `select private.flag_constraint_matches(c, ctx) as matched
         from jsonb_array_elements($1::jsonb) with ordinality x (e, i), lateral (select e -> 'c' as c, e -> 'ctx' as ctx) y
        order by i`,
      [JSON.stringify(OPERATOR_CASES.map((c) => ({ c: c.constraint, ctx: c.context })))],
    );
    const differ = OPERATOR_CASES.filter((c, i) => rows[i].matched !== constraintMatches(c.constraint, c.context)).map(
      (c) => c.name,
    );
    expect(differ).toEqual([]);
  });

  it('are validated with the same message, word for word', async () => {
    const rows = await sql<{ error: string | null }>(
      `select private.targeting_rules_error(e) as error
         from jsonb_array_elements($1::jsonb) with ordinality x (e, i) order by i`,
      [JSON.stringify(VALIDATION_CASES.map((c) => c.rules))],
    );
    expect(rows.map((r) => r.error)).toEqual(VALIDATION_CASES.map((c) => targetingRulesError(c.rules)));
  });
});

// The workspace shows a stale badge from the row it lists; the database's function is the rule.
describe('staleness', () => {
  it('is the same in SQL and TypeScript for every type, age, rollout and mark', async () => {
    const types = ['release', 'experiment', 'operational', 'kill-switch', 'permission'];
    const rows = await sql<StaleFacts & { sql_reason: string | null }>(
      `with f as (
         select (t.row_type)::text as flag_type, k.kill_switch, e.is_enabled, p.rollout_percentage,
                now() - make_interval(days => a.created_days) as created_at,
                now() - make_interval(days => a.rollout_days) as rollout_changed_at,
                case when m.marked then now() end as stale_marked_at
           from unnest($1::text[]) t (row_type)
          cross join (values (false), (true)) k (kill_switch)
          cross join (values (false), (true)) e (is_enabled)
          cross join (values (0), (30), (100)) p (rollout_percentage)
          cross join (values (3, 3), (8, 3), (8, 15), (39, 13), (41, 15), (90, 90)) a (created_days, rollout_days)
          cross join (values (false), (true)) m (marked))
       select f.*, public.feature_flag_stale_reason(row(gen_random_uuid(), gen_random_uuid(), 'k', 'n', null, f.is_enabled,
                f.rollout_percentage, '[]'::jsonb, '{}'::jsonb, f.kill_switch, null, null, null, null, null, f.created_at, f.created_at,
                f.flag_type, f.rollout_changed_at, f.stale_marked_at, null)::public.feature_flags) as sql_reason
         from f`,
      [types],
    );
    expect(rows.length).toBe(5 * 2 * 2 * 3 * 6 * 2);
    // pg hands timestamps over as Date; the API hands them over as ISO strings
    const iso = (at: unknown) => (at === null ? null : (at as Date).toISOString());
    const differ = rows.filter(
      (r) =>
        staleReason({
          ...r,
          created_at: iso(r.created_at)!,
          rollout_changed_at: iso(r.rollout_changed_at),
          stale_marked_at: iso(r.stale_marked_at),
        }) !== r.sql_reason,
    );
    expect(differ).toEqual([]);
    expect(new Set(rows.map((r) => r.sql_reason))).toEqual(new Set([null, 'marked', 'lifetime', 'settled']));
  });
});

describe('through the API', () => {
  it('refuses a malformed rule with a 400 that names the bad part, and writes nothing', async () => {
    const { product } = await clientsFor(['product']);
    const key = `api-bad-rule-${Date.now().toString(36)}`;
    const { error, status } = await product.from('feature_flags').insert({
      key,
      name: 'Bad rule',
      targeting_rules: { constraints: [{ contextName: 'appVersion', operator: 'SEMVER_GT', value: 'latest' }] },
    });
    expect(status).toBe(400);
    expect(error).toMatchObject({
      code: '23514',
      message: 'targeting_rules.constraints[0].value: "latest" is not a semantic version (1.2.3)',
    });
    expect(await sql('select 1 from public.feature_flags where key = $1', [key])).toEqual([]);
  });

  it('answers a product manager the flags of a user with the deciding step', async () => {
    const { product } = await clientsFor(['product']);
    const [user] = await sql<{ id: string }>(`select id from public.users where email = 'provider@loconomy.test'`);
    const { data, error } = await product.rpc('evaluate_feature_flags', {
      p_context: { userId: user.id, appVersion: '2.5.0' },
    });
    expect(error).toBeNull();
    const byKey = new Map((data as { key: string; reason: string; enabled: boolean }[]).map((f) => [f.key, f]));
    expect(byKey.get('dark-mode')).toMatchObject({ enabled: true, reason: 'rollout' });
    expect(byKey.get('instant-booking')).toMatchObject({ enabled: false, reason: 'constraint' });
    expect(byKey.get('new-search-ranking')).toMatchObject({ enabled: false, reason: 'disabled' });
  });
});
