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
    const claimsBefore = await sql('select 1 from public.moderation_item_events where item_id = $1 and event = $2', [
      item.id,
      'claimed',
    ]);
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
    expect(claims).toHaveLength(claimsBefore.length + 1);
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

describe('decisions', () => {
  it('a decision made on a version someone else already decided gets 409 naming who decided first', async () => {
    const item = await freeListingItem();
    const [before] = await sql<{
      target_id: string;
      moderation_status: string;
      moderation_reason: string | null;
      moderated_by: string | null;
      moderated_at: string | null;
    }>(
      `select i.target_id, l.moderation_status, l.moderation_reason, l.moderated_by, l.moderated_at
         from public.moderation_items i join public.listings l on l.id = i.target_id where i.id = $1`,
      [item.id],
    );
    const listingId = before.target_id;
    undo.push(() =>
      sql(
        `update public.listings set moderation_status = $2, moderation_reason = $3, moderated_by = $4, moderated_at = $5
          where id = $1`,
        [listingId, before.moderation_status, before.moderation_reason, before.moderated_by, before.moderated_at],
      ),
    );
    const first = await c.super.rpc('decide_moderation_item', {
      p_item_id: item.id,
      p_decision: 'approve',
      p_version: item.version,
    });
    expect(first.error).toBeNull();
    expect((first.data as { status: string }).status).toBe('approved');
    const second = await c.ops.rpc('decide_moderation_item', {
      p_item_id: item.id,
      p_decision: 'reject',
      p_version: item.version,
      p_note: 'misleading',
    });
    expect(second.status).toBe(409);
    expect(second.error?.message).toMatch(/^already decided \(approved\) by Sam Super at /);
    const [listing] = await sql('select moderation_status from public.listings where id = $1', [listingId]);
    // the first decision stands: the listing is approved, the late rejection changed nothing
    expect(listing).toEqual({ moderation_status: 'approved' });
  });
});
