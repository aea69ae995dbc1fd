// Realtime postgres_changes on the real schema, through supabase-js clients signed in as the
// demo personas (supabase-js hands the session's token to Realtime itself): staff receive the
// moderation queue's changes live, a customer only their own rows, another tenant nothing.
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../src/resources';
import { PERSONAS, TENANT, signInAs, sql, undoAfterEach } from '../helpers/stack';

type Change = { eventType: string; table: string; new: Record<string, unknown>; old: Record<string, unknown> };

const channels: RealtimeChannel[] = [];
function watch(client: SupabaseClient, name: string, table: string, event: '*' | 'INSERT' | 'UPDATE' | 'DELETE' = '*') {
  const changes: Change[] = [];
  return new Promise<Change[]>((resolve, reject) => {
    const channel = client
      .channel(`${name}-${Math.random().toString(36).slice(2)}`)
      .on('postgres_changes' as never, { event, schema: 'public', table } as never, (p: Change) => changes.push(p));
    channels.push(channel);
    const t = setTimeout(() => reject(new Error(`${name}: not subscribed in time`)), 10_000);
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') {
        clearTimeout(t);
        resolve(changes);
      } else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') {
        clearTimeout(t);
        reject(err ?? new Error(status));
      }
    });
  });
}

async function within<T>(ms: number, what: string, fn: () => T | undefined): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() - start > ms) throw new Error(`${what}: nothing within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const settle = (ms = 700) => new Promise((r) => setTimeout(r, ms));

const undo = undoAfterEach();
let ops: SupabaseClient,
  product: SupabaseClient,
  customer: SupabaseClient,
  provider: SupabaseClient,
  harbor: SupabaseClient;

beforeAll(async () => {
  [ops, product, customer, provider, harbor] = await Promise.all(
    (['ops', 'product', 'customer', 'provider', 'harbor'] as const).map((p) => signInAs(p)),
  );
});
afterAll(async () => {
  await Promise.all(channels.map((c) => c.unsubscribe()));
  await Promise.all([ops, product, customer, provider, harbor].map((c) => c?.removeAllChannels()));
});

async function report(reporter: keyof typeof PERSONAS, reason = 'spam') {
  const [row] = await sql<{ id: string }>(
    `insert into public.content_reports (tenant_id, reporter_id, target_type, target_id, reason)
     values ($1, $2, 'user', $3, $4) returning id`,
    // never about the customer persona: a report leaves a pending item about its target, and
    // the e2e ban test takes the first reported customer it finds
    [TENANT.loconomy, PERSONAS[reporter].userId, PERSONAS[reporter === 'provider' ? 'ops' : 'provider'].userId, reason],
  );
  undo.push(() => sql(`delete from public.content_reports where id = $1`, [row.id]));
  return row.id;
}

describe('realtime on the moderation queue', () => {
  it('operations staff get an insert, an update and a delete of a content report within a second', async () => {
    const seen = await watch(ops, 'ops-reports', 'content_reports');
    const id = await report('customer');
    const ins = await within(1000, 'the insert', () => seen.find((c) => c.eventType === 'INSERT' && c.new.id === id));
    expect(ins.new).toMatchObject({
      id,
      reason: 'spam',
      reporter_id: PERSONAS.customer.userId,
      tenant_id: TENANT.loconomy,
    });

    await sql(`update public.content_reports set details = 'seen live' where id = $1`, [id]);
    const upd = await within(1000, 'the update', () => seen.find((c) => c.eventType === 'UPDATE' && c.new.id === id));
    expect(upd.new.details).toBe('seen live');

    await sql(`delete from public.content_reports where id = $1`, [id]);
    const del = await within(1000, 'the delete', () => seen.find((c) => c.eventType === 'DELETE'));
    // RLS cannot be checked on a deleted row: it carries the primary key only
    expect(del.old).toEqual({ id });
  });

  it('a customer receives the reports they filed and no one else’s', async () => {
    const seen = await watch(customer, 'customer-reports', 'content_reports', 'INSERT');
    const others = await report('provider', 'fraud');
    const own = await report('customer', 'harassment');
    await within(1000, 'their own report', () => seen.find((c) => c.new.id === own));
    await settle();
    expect(seen.map((c) => c.new.id)).toEqual([own]);
    expect(seen.map((c) => c.new.id)).not.toContain(others);
  });

  it('a customer subscribed to a staff table receives nothing', async () => {
    const flags = await watch(customer, 'customer-flags', 'feature_flags');
    const items = await watch(provider, 'provider-items', 'moderation_items');
    const [flag] = await sql<{ id: string; description: string | null }>(
      `select id, description from public.feature_flags where tenant_id = $1 order by key limit 1`,
      [TENANT.loconomy],
    );
    await sql(`update public.feature_flags set description = coalesce(description, '') || ' ' where id = $1`, [
      flag.id,
    ]);
    undo.push(() => sql(`update public.feature_flags set description = $2 where id = $1`, [flag.id, flag.description]));
    await report('customer'); // makes a moderation item
    // the product persona (feature_flags.read) does receive the same flag change: the silence
    // above is RLS, not a dead feed
    const productFlags = await watch(product, 'product-flags', 'feature_flags');
    await sql(`update public.feature_flags set description = description || ' ' where id = $1`, [flag.id]);
    await within(1000, 'the flag change for product', () => productFlags.find((c) => c.new.id === flag.id));
    await settle();
    expect(flags).toEqual([]);
    expect(items).toEqual([]);
  });

  it('another tenant’s admin receives none of this tenant’s reports', async () => {
    const theirs = await watch(harbor, 'harbor-reports', 'content_reports');
    const mine = await watch(ops, 'ops-reports-2', 'content_reports', 'INSERT');
    const id = await report('customer');
    await within(1000, 'the report for operations', () => mine.find((c) => c.new.id === id));
    await settle();
    expect(theirs.filter((c) => c.eventType !== 'DELETE')).toEqual([]);
  });
});

describe('the moderation channel (private: Broadcast and Presence)', () => {
  const topic = `moderation:${TENANT.loconomy}`;
  function join(client: SupabaseClient, key: string, heard?: unknown[]) {
    const channel = client.channel(topic, { config: { private: true, presence: { key } } });
    channels.push(channel);
    return new Promise<{ channel: RealtimeChannel; status: string }>((resolve) => {
      channel.on('presence', { event: 'sync' }, () => {});
      if (heard) channel.on('broadcast', { event: 'claimed' }, (p) => heard.push(p.payload));
      channel.subscribe((status, err) => {
        if (status === 'SUBSCRIBED') resolve({ channel, status });
        else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT')
          resolve({ channel, status: `${status}: ${err?.message ?? ''}` });
      });
    });
  }

  it('admits the tenant’s moderators and no one else', async () => {
    const opsJoin = await join(ops, 'ops');
    expect(opsJoin.status).toBe('SUBSCRIBED');
    for (const [who, client] of [
      ['customer', customer],
      ['provider', provider],
      ['product', product],
      ['harbor', harbor],
    ] as const) {
      const j = await join(client, who);
      expect(j.status, who).toBe(
        `CHANNEL_ERROR: Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`,
      );
      await client.removeChannel(j.channel);
    }
    await ops.removeChannel(opsJoin.channel);
  });

  it('shows one moderator what another has open, and relays their broadcasts', async () => {
    const superAdmin = await signInAs('super');
    const heard: unknown[] = [];
    const a = await join(ops, 'ops-2');
    const b = await join(superAdmin, 'super', heard);
    expect([a.status, b.status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);
    await a.channel.track({ item_id: 'item-1', name: 'Ops' });
    await within(
      1000,
      'super sees ops',
      () => (b.channel.presenceState() as Record<string, { item_id: string }[]>)['ops-2']?.[0],
    );
    await a.channel.send({ type: 'broadcast', event: 'claimed', payload: { item_id: 'item-1' } });
    await within(1000, 'the broadcast', () => heard[0]);
    expect(heard).toEqual([{ item_id: 'item-1' }]);
    await superAdmin.removeAllChannels();
  });
});

describe('live lists', () => {
  it('every table the registry lists live is in the supabase_realtime publication', async () => {
    const published = (
      await sql<{ tablename: string }>(
        `select tablename from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'public'`,
      )
    ).map((r) => r.tablename);
    const live = registry.filter((d) => (d.liveMode ?? 'off') !== 'off').map((d) => d.name as string);
    expect(live.length).toBeGreaterThan(0);
    expect(live.filter((name) => !published.includes(name))).toEqual([]);
  });
});
