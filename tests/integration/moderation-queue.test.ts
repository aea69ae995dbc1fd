// The moderation queue through the API as supabase-js clients meet it: claims race, versions
// go stale, and each persona reads only the items its permissions decide.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, closeStack, PERSONAS, sql, TENANT, undoAfterEach } from '../helpers/stack.ts';

let c: Record<'super' | 'ops' | 'finance' | 'harbor' | 'customer', SupabaseClient>;
const undo = undoAfterEach();

beforeAll(async () => {
  c = (await clientsFor(['super', 'ops', 'finance', 'harbor', 'customer'])) as typeof c;
});
afterAll(closeStack);

/** An open, unclaimed listing item of Loconomy, put back as it was after the test. */
async function freeListingItem(): Promise<{ id: string; version: number }> {
  const [item] = await sql<{ id: string; version: number }>(
    `select id, version from public.moderation_items
      where tenant_id = $1 and target_type = 'listing' and status = 'pending' and claimed_by is null
      order by priority_score desc limit 1`,
    [TENANT.loconomy],
  );
  undo.push(() =>
    sql(
      'update public.moderation_items set claimed_by = null, claim_expires_at = null, assignee_id = null where id = $1',
      [item.id],
    ),
  );
  return item;
}

describe('claims', () => {
  it('two moderators claiming the same item at the same moment: exactly one wins, the other gets 409 naming them', async () => {
    const item = await freeListingItem();
    const [a, b] = await Promise.all([
      c.ops.rpc('claim_moderation_item', { p_item_id: item.id }),
      c.super.rpc('claim_moderation_item', { p_item_id: item.id }),
    ]);
    const winners = [a, b].filter((res) => res.error === null);
    const losers = [a, b].filter((res) => res.error !== null);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].status).toBe(409);
    expect(losers[0].error?.message).toMatch(/^claimed by .+ until \d\d:\d\d UTC$/);
    const [row] = await sql<{ claimed_by: string }>('select claimed_by from public.moderation_items where id = $1', [
      item.id,
    ]);
    expect([PERSONAS.ops.userId, PERSONAS.super.userId]).toContain(row.claimed_by);
    const claims = await sql('select 1 from public.moderation_item_events where item_id = $1 and event = $2', [
      item.id,
      'claimed',
    ]);
    expect(claims).toHaveLength(1);
  });

  it('a stale version gets 409 and changes nothing', async () => {
    const item = await freeListingItem();
    const fresh = await c.ops.rpc('claim_moderation_item', { p_item_id: item.id, p_version: item.version });
    expect(fresh.error).toBeNull();
    expect((fresh.data as { version: number }).version).toBe(item.version + 1);
    const stale = await c.ops.rpc('release_moderation_item', { p_item_id: item.id, p_version: item.version });
    expect(stale.status).toBe(409);
    expect(stale.error?.message).toMatch(/changed since you loaded it/);
    const [row] = await sql<{ claimed_by: string }>('select claimed_by from public.moderation_items where id = $1', [
      item.id,
    ]);
    expect(row.claimed_by).toBe(PERSONAS.ops.userId);
  });

  it.each([
    ['an unknown item', { p_item_id: '00000000-0000-4000-8000-00000000dead' }, 404],
    ['a lease beyond two hours', { p_minutes: 600 }, 400],
  ])('%s → %i', async (_what, args, status) => {
    const item = await freeListingItem();
    const res = await c.ops.rpc('claim_moderation_item', { p_item_id: item.id, ...args });
    expect(res.status).toBe(status);
  });

  it.each([
    ['finance (no moderation permission)', 'finance', 403],
    ['a customer', 'customer', 403],
    ['the harbor admin (another tenant)', 'harbor', 403],
  ] as const)('%s may not claim → %i', async (_what, who, status) => {
    const item = await freeListingItem();
    const res = await c[who].rpc('claim_moderation_item', { p_item_id: item.id });
    expect(res.status).toBe(status);
    const [row] = await sql('select claimed_by from public.moderation_items where id = $1', [item.id]);
    expect(row).toEqual({ claimed_by: null });
  });
});

describe('reading the queue', () => {
  it('operations reads its tenant’s items, highest priority first; finance and customers read none', async () => {
    const ops = await c.ops
      .from('moderation_items')
      .select('tenant_id, priority_score')
      .order('priority_score', { ascending: false })
      .limit(50);
    expect(ops.error).toBeNull();
    expect(ops.data!.length).toBeGreaterThan(0);
    expect(new Set(ops.data!.map((row) => row.tenant_id))).toEqual(new Set([TENANT.loconomy]));
    const scores = ops.data!.map((row) => Number(row.priority_score));
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    for (const who of ['finance', 'customer'] as const) {
      const res = await c[who].from('moderation_items').select('id').limit(5);
      expect(res.error).toBeNull();
      expect(res.data).toEqual([]);
    }
  });

  it('nobody writes items directly, not even their own claim', async () => {
    const item = await freeListingItem();
    const res = await c.ops
      .from('moderation_items')
      .update({ claimed_by: PERSONAS.ops.userId })
      .eq('id', item.id)
      .select();
    expect(res.status).toBe(403);
    const [row] = await sql('select claimed_by from public.moderation_items where id = $1', [item.id]);
    expect(row).toEqual({ claimed_by: null });
  });
});
