// Realtime postgres_changes through supabase-js's own RealtimeClient (the `ws` transport on
// Node 20) against the local API: who receives which change is decided by RLS in the database,
// filters narrow, tokens are checked on join and on refresh, and a database restart is survived.
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { dbUrl, makeInstance } from '../../config.ts';
import * as cluster from '../../cluster.ts';
import { withClient } from '../../database.ts';
import { bootstrapFile, runSqlFile } from '../../migrate.ts';
import { secretKey, signJwt } from '../jwt.ts';
import { LOCAL_JWT_SECRET } from '../../config.ts';
import { localKeys } from '../keys.ts';
import { startApi, type ApiServer } from '../server.ts';
import { startFixture, type Fixture } from './fixture.ts';

type Change = {
  eventType: string;
  table: string;
  new: Record<string, unknown>;
  old: Record<string, unknown>;
  errors: unknown;
  commit_timestamp: string;
};

const ALICE = '00000000-0000-0000-0000-00000000000a';
const BOB = '00000000-0000-0000-0000-00000000000b';

/** A supabase-js client whose realtime socket carries `accessToken` (as a signed-in session's). */
async function realtimeClient(url: string, key: string, accessToken?: string): Promise<SupabaseClient> {
  const c = createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket, params: { apikey: key } },
  });
  // what supabase-js does on SIGNED_IN: the channels join with the session's token
  if (accessToken) await c.realtime.setAuth(accessToken);
  return c;
}

/** Subscribes and resolves once the server has answered the join. */
function subscribe(
  client: SupabaseClient,
  name: string,
  filter: { event: '*' | 'INSERT' | 'UPDATE' | 'DELETE'; schema: string; table?: string; filter?: string },
): Promise<{ channel: RealtimeChannel; changes: Change[]; system: Record<string, unknown>[]; status: string[] }> {
  const changes: Change[] = [];
  const system: Record<string, unknown>[] = [];
  const status: string[] = [];
  return new Promise((resolve, reject) => {
    const channel = client
      .channel(name)
      .on('postgres_changes' as never, filter as never, (p: Change) => changes.push(p))
      .on('system' as never, {} as never, (p: Record<string, unknown>) => system.push(p));
    const t = setTimeout(() => reject(new Error(`${name}: no answer to the join (${status.join(', ')})`)), 10_000);
    channel.subscribe((s, err) => {
      status.push(err ? `${s}: ${err.message}` : s);
      if (s === 'SUBSCRIBED' || s === 'CHANNEL_ERROR' || s === 'TIMED_OUT') {
        clearTimeout(t);
        resolve({ channel, changes, system, status });
      }
    });
  });
}

async function until<T>(what: string, fn: () => T | undefined | false, ms = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const quiet = (ms = 600) => new Promise((r) => setTimeout(r, ms));

describe('realtime without the right to a replication slot', () => {
  let f: Fixture;

  beforeAll(async () => {
    f = await startFixture('realtime_noslot', {}, 'authenticator');
    await f.sql(`alter publication supabase_realtime add table public.services`);
  }, 60_000);
  afterAll(() => f?.stop());

  it('still answers the join, then says why no change will come', async () => {
    const c = await realtimeClient(f.url, f.anonKey);
    const sub = await subscribe(c, 'no-slot', { event: '*', schema: 'public', table: 'services' });
    expect(sub.status).toContain('SUBSCRIBED');
    const msg = await until('a system error', () => sub.system.find((s) => s.status === 'error'));
    expect(msg).toMatchObject({ extension: 'postgres_changes', channel: 'no-slot' });
    expect(String(msg.message)).toMatch(/replication slot/);
    await c.removeAllChannels();
  });
});

describe('realtime postgres_changes with a replication slot', () => {
  let f: Fixture;
  const clients: SupabaseClient[] = [];
  const track = (c: SupabaseClient) => (clients.push(c), c);
  const token = (claims: Record<string, unknown>) => signJwt(claims, secretKey(LOCAL_JWT_SECRET));
  const userToken = (sub: string, expIn = 3600) =>
    token({ sub, role: 'authenticated', aud: 'authenticated', exp: Math.floor(Date.now() / 1000) + expIn });

  beforeAll(async () => {
    f = await startFixture('realtime');
    await f.sql(`alter publication supabase_realtime add table public.bookings, public.services, public.hooks`);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.removeAllChannels()));
    await f?.stop();
  });

  it('delivers an insert, an update and a delete to the service role within a second', async () => {
    const c = track(await realtimeClient(f.url, f.serviceKey));
    const sub = await subscribe(c, 'all-services', { event: '*', schema: 'public', table: 'services' });
    expect(sub.status).toEqual(['SUBSCRIBED']);
    await until('the subscribed system message', () =>
      sub.system.find((s) => s.message === 'Subscribed to PostgreSQL'),
    );

    const t0 = Date.now();
    await f.sql(
      `insert into public.services (id, provider_id, title, price_cents) values (9001, '00000000-0000-0000-0000-00000000000c', 'Live', 1200)`,
    );
    const ins = await until('the insert', () => sub.changes.find((x) => x.eventType === 'INSERT'), 1000);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(ins).toMatchObject({ table: 'services', new: { id: 9001, title: 'Live', price_cents: 1200, active: true } });
    expect(ins.commit_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    await f.sql(`update public.services set title = 'Live 2' where id = 9001`);
    const upd = await until('the update', () => sub.changes.find((x) => x.eventType === 'UPDATE'), 1000);
    expect(upd.new).toMatchObject({ id: 9001, title: 'Live 2' });
    expect(upd.old).toEqual({ id: 9001 });

    await f.sql(`delete from public.services where id = 9001`);
    const del = await until('the delete', () => sub.changes.find((x) => x.eventType === 'DELETE'), 1000);
    expect(del.new).toEqual({});
    // RLS is on for services: a delete carries the primary key only
    expect(del.old).toEqual({ id: 9001 });
    expect(sub.changes).toHaveLength(3);
  });

  it('delivers to a customer only the rows RLS lets that customer select', async () => {
    const alice = track(await realtimeClient(f.url, f.anonKey, await userToken(ALICE)));
    const bob = track(await realtimeClient(f.url, f.anonKey, await userToken(BOB)));
    const a = await subscribe(alice, 'alice-bookings', { event: '*', schema: 'public', table: 'bookings' });
    const b = await subscribe(bob, 'bob-bookings', { event: '*', schema: 'public', table: 'bookings' });
    await f.sql(
      `insert into public.bookings (id, customer_id, service_id, amount_cents) values
         ('b0000000-0000-0000-0000-0000000000a1', $1, 1, 100), ('b0000000-0000-0000-0000-0000000000b1', $2, 1, 200)`,
      [ALICE, BOB],
    );
    await until('alice’s booking', () => a.changes.length >= 1);
    await until('bob’s booking', () => b.changes.length >= 1);
    await quiet(300);
    expect(a.changes.map((x) => x.new.id)).toEqual(['b0000000-0000-0000-0000-0000000000a1']);
    expect(b.changes.map((x) => x.new.id)).toEqual(['b0000000-0000-0000-0000-0000000000b1']);
    // an update that moves the row out of Bob's sight (RLS is checked on the row as it is now)
    await f.sql(`update public.bookings set customer_id = $1 where id = 'b0000000-0000-0000-0000-0000000000b1'`, [
      ALICE,
    ]);
    await until('alice sees the moved booking', () => a.changes.find((x) => x.eventType === 'UPDATE'));
    await quiet(300);
    expect(b.changes.filter((x) => x.eventType === 'UPDATE')).toEqual([]);
  });

  it('sends a role without the table privilege nothing but the 401 Realtime sends', async () => {
    // hooks: the authenticated role has no privilege at all (fixture.sql)
    const alice = track(await realtimeClient(f.url, f.anonKey, await userToken(ALICE)));
    const a = await subscribe(alice, 'alice-hooks', { event: '*', schema: 'public', table: 'hooks' });
    await f.sql(
      `insert into public.hooks (service_id, url, secret) values (1, 'https://example.test/h', 'top-secret')`,
    );
    const got = await until('the change', () => a.changes[0]);
    expect(got.errors).toEqual(['Error 401: Unauthorized']);
    expect(got.new).toEqual({});
    expect(JSON.stringify(got)).not.toContain('top-secret');
  });

  it('leaves out the columns the role may not select', async () => {
    // anon may select hooks' id, service_id, url but not secret (column grants)
    const anon = track(await realtimeClient(f.url, f.anonKey));
    const s = await subscribe(anon, 'anon-hooks', { event: 'INSERT', schema: 'public', table: 'hooks' });
    await f.sql(
      `insert into public.hooks (service_id, url, secret) values (1, 'https://example.test/h2', 'top-secret-2')`,
    );
    const got = await until('the insert', () => s.changes[0]);
    expect(got.new).toMatchObject({ service_id: 1, url: 'https://example.test/h2' });
    expect(Object.keys(got.new).sort()).toEqual(['id', 'service_id', 'url']);
  });

  it.each([
    ['eq', 'price_cents=eq.500', [500]],
    ['neq', 'price_cents=neq.500', [100, 900]],
    ['lt', 'price_cents=lt.500', [100]],
    ['lte', 'price_cents=lte.500', [100, 500]],
    ['gt', 'price_cents=gt.500', [900]],
    ['gte', 'price_cents=gte.500', [500, 900]],
    ['in', 'price_cents=in.(100,900)', [100, 900]],
    ['two filters, both must hold', 'price_cents=gt.100,title=eq.Filter 900', [900]],
  ])('a filter narrows: %s', async (_name, filter, expected) => {
    const c = track(await realtimeClient(f.url, f.serviceKey));
    const s = await subscribe(c, `filter-${_name}`, { event: 'INSERT', schema: 'public', table: 'services', filter });
    expect(s.system.filter((m) => m.status === 'error')).toEqual([]);
    const base = 9100 + clients.length * 10;
    await f.sql(
      `insert into public.services (id, provider_id, title, price_cents) values
         ($1, '00000000-0000-0000-0000-00000000000c', 'Filter 100', 100),
         ($1 + 1, '00000000-0000-0000-0000-00000000000c', 'Filter 500', 500),
         ($1 + 2, '00000000-0000-0000-0000-00000000000c', 'Filter 900', 900)`,
      [base],
    );
    await until('the expected changes', () => s.changes.length >= expected.length);
    await quiet(300);
    expect(s.changes.map((x) => x.new.price_cents).sort((x, y) => Number(x) - Number(y))).toEqual(expected);
  });

  it('answers a filter it cannot read, or a table not published, with a system error', async () => {
    const c = track(await realtimeClient(f.url, f.serviceKey));
    const bad = await subscribe(c, 'bad-op', {
      event: '*',
      schema: 'public',
      table: 'services',
      filter: 'price_cents=foo.1',
    });
    expect(await until('error', () => bad.system.find((m) => m.status === 'error'))).toMatchObject({
      extension: 'postgres_changes',
      message: 'Error parsing `filter` params: ["foo","1"]',
    });
    const col = await subscribe(c, 'bad-col', { event: '*', schema: 'public', table: 'services', filter: 'nope=eq.1' });
    expect(String((await until('error', () => col.system.find((m) => m.status === 'error'))).message)).toMatch(
      /invalid column for filter nope/,
    );
    const table = await subscribe(c, 'bad-table', { event: '*', schema: 'public', table: 'canary' });
    expect(String((await until('error', () => table.system.find((m) => m.status === 'error'))).message)).toMatch(
      /^Unable to subscribe to changes with given parameters\. Please check Realtime is enabled/,
    );
  });

  it('refuses an expired or forged token on join', async () => {
    const expired = await token({ sub: ALICE, role: 'authenticated', exp: Math.floor(Date.now() / 1000) - 60 });
    const c = track(await realtimeClient(f.url, f.anonKey, expired));
    const s = await subscribe(c, 'expired', { event: '*', schema: 'public', table: 'bookings' });
    expect(s.status[0]).toMatch(/^CHANNEL_ERROR: InvalidJWTToken: Token has expired \d+ seconds ago$/);

    const forged = await signJwt(
      { sub: ALICE, role: 'service_role', exp: Math.floor(Date.now() / 1000) + 600 },
      secretKey('not-the-secret-not-the-secret-000'),
    );
    const c2 = track(await realtimeClient(f.url, f.anonKey, forged));
    const s2 = await subscribe(c2, 'forged', { event: '*', schema: 'public', table: 'bookings' });
    expect(s2.status[0]).toBe('CHANNEL_ERROR: JwtSignatureError: Failed to validate JWT signature');
  });

  it('refuses a websocket whose apikey is missing or forged, as Realtime answers the upgrade', async () => {
    const ws = f.url.replace('http', 'ws') + '/realtime/v1/websocket?vsn=2.0.0';
    const status = (u: string) =>
      new Promise<number>((resolve) => {
        const s = new WebSocket(u);
        s.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        s.on('open', () => (s.close(), resolve(101)));
        s.on('error', () => {});
      });
    expect(await status(ws)).toBe(401);
    expect(await status(`${ws}&apikey=not.a.jwt`)).toBe(401);
    expect(await status(`${ws}&apikey=${f.anonKey}`)).toBe(101);
  });

  it('closes the channel when a refreshed token has expired, and follows a valid one', async () => {
    const c = track(await realtimeClient(f.url, f.anonKey, await userToken(ALICE)));
    const s = await subscribe(c, 'refresh', { event: 'INSERT', schema: 'public', table: 'bookings' });
    // a token for Bob: the channel now receives what Bob may see
    await c.realtime.setAuth(await userToken(BOB));
    await quiet(200);
    await f.sql(
      `insert into public.bookings (id, customer_id, service_id, amount_cents) values ('b0000000-0000-0000-0000-0000000000b2', $1, 1, 300)`,
      [BOB],
    );
    await until('bob’s booking on the refreshed channel', () =>
      s.changes.find((x) => x.new.id === 'b0000000-0000-0000-0000-0000000000b2'),
    );

    const expired = await token({ sub: BOB, role: 'authenticated', exp: Math.floor(Date.now() / 1000) - 5 });
    await c.realtime.setAuth(expired);
    const msg = await until('the shutdown', () => s.system.find((m) => m.status === 'error'));
    expect(msg).toMatchObject({ extension: 'system', channel: 'refresh' });
    expect(String(msg.message)).toMatch(/^Token has expired \d+ seconds ago$/);
    await until('the channel closed', () => s.status.includes('CLOSED'));
  });

  it('refuses a connection its 101st channel, as Realtime does', async () => {
    const ws = new WebSocket(`${f.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${f.anonKey}&vsn=2.0.0`);
    const replies: { ref: string; status: string; reason?: string }[] = [];
    ws.on('message', (d) => {
      const [, ref, , event, payload] = JSON.parse(d.toString()) as [
        null,
        string,
        string,
        string,
        { status: string; response: { reason?: string } },
      ];
      if (event === 'phx_reply') replies.push({ ref, status: payload.status, reason: payload.response.reason });
    });
    await new Promise((r) => ws.on('open', r));
    for (let i = 1; i <= 101; i++)
      ws.send(JSON.stringify([String(i), String(i), `realtime:many-${i}`, 'phx_join', { config: {} }]));
    await until('101 replies', () => replies.length >= 101);
    ws.close();
    expect(replies.filter((r) => r.status === 'ok')).toHaveLength(100);
    expect(replies.find((r) => r.ref === '101')).toEqual({
      ref: '101',
      status: 'error',
      reason: 'ChannelRateLimitReached: Too many channels',
    });
  });

  it('answers heartbeats and speaks serializer 1.0.0 too', async () => {
    const { anonKey } = localKeys();
    const ws = new WebSocket(`${f.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${anonKey}&vsn=1.0.0`);
    const frames: unknown[] = [];
    ws.on('message', (d) => frames.push(JSON.parse(d.toString())));
    await new Promise((r) => ws.on('open', r));
    ws.send(JSON.stringify({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '1' }));
    ws.send(
      JSON.stringify({
        topic: 'realtime:v1',
        event: 'phx_join',
        payload: { config: { postgres_changes: [{ event: '*', schema: 'public', table: 'services' }] } },
        ref: '2',
        join_ref: '2',
      }),
    );
    ws.send(JSON.stringify({ topic: 'realtime:other', event: 'broadcast', payload: {}, ref: '3' }));
    await until(
      'three replies',
      () => frames.filter((x) => (x as { event: string }).event === 'phx_reply').length >= 3,
    );
    ws.close();
    expect(frames).toContainEqual({
      topic: 'phoenix',
      event: 'phx_reply',
      payload: { status: 'ok', response: {} },
      ref: '1',
      join_ref: null,
    });
    expect(frames).toContainEqual(
      expect.objectContaining({
        topic: 'realtime:v1',
        event: 'phx_reply',
        ref: '2',
        payload: {
          status: 'ok',
          response: { postgres_changes: [expect.objectContaining({ table: 'services', id: expect.any(Number) })] },
        },
      }),
    );
    expect(frames).toContainEqual(
      expect.objectContaining({
        topic: 'realtime:other',
        ref: '3',
        payload: { status: 'error', response: { reason: 'unmatched topic' } },
      }),
    );
  });
});

describe('realtime across a database restart', () => {
  const inst = makeInstance(`api-realtime-restart-${process.pid}`, 24348, 24349);
  let api: ApiServer;
  const { serviceRoleKey } = localKeys();

  beforeAll(async () => {
    await cluster.start(inst);
    await withClient(dbUrl(inst), async (c) => {
      await runSqlFile(c, bootstrapFile);
      await c.query(`create table public.notes (id int primary key, body text not null);
                     grant select on public.notes to service_role;
                     alter publication supabase_realtime add table public.notes;`);
    });
    api = await startApi({
      dbUrl: dbUrl(inst, 'postgres', 'authenticator', 'postgres'),
      adminDbUrl: dbUrl(inst),
      port: 0,
      host: '127.0.0.1',
      log: () => {},
    });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    cluster.destroy(inst);
  });

  it('keeps the subscription: changes after the restart arrive without rejoining', async () => {
    const c = await realtimeClient(api.url, serviceRoleKey);
    const s = await subscribe(c, 'notes', { event: 'INSERT', schema: 'public', table: 'notes' });
    await withClient(dbUrl(inst), (db) => db.query(`insert into public.notes values (1, 'before')`));
    await until('the first note', () => s.changes.length === 1);

    cluster.stop(inst);
    await quiet(300);
    await cluster.start(inst);
    // the server reconnects and makes its slot again; keep writing until a change arrives
    let n = 2;
    await until(
      'a note written after the restart',
      () => {
        void withClient(dbUrl(inst), (db) => db.query(`insert into public.notes values ($1, 'after')`, [n++])).catch(
          () => {},
        );
        return s.changes.find((x) => x.new.body === 'after');
      },
      15_000,
    );
    expect(s.status).toEqual(['SUBSCRIBED']);
    await c.removeAllChannels();
  }, 60_000);
});

describe('realtime broadcast and presence', () => {
  let f: Fixture;
  const clients: SupabaseClient[] = [];
  const track = (c: SupabaseClient) => (clients.push(c), c);
  const userToken = (sub: string) =>
    signJwt(
      { sub, role: 'authenticated', aud: 'authenticated', exp: Math.floor(Date.now() / 1000) + 3600 },
      secretKey(LOCAL_JWT_SECRET),
    );

  beforeAll(async () => {
    f = await startFixture('realtime_bp');
    // a private room only Alice and Bob may use (Realtime Authorization: policies on realtime.messages)
    await f.sql(`
      create policy "alice and bob read the staff room" on realtime.messages for select to authenticated
        using ((select realtime.topic()) = 'staff-room' and (select auth.uid()) in ('${ALICE}', '${BOB}'));
      create policy "only alice speaks in the staff room" on realtime.messages for insert to authenticated
        with check ((select realtime.topic()) = 'staff-room' and (select auth.uid()) = '${ALICE}');`);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.removeAllChannels()));
    await f?.stop();
  });

  function join(
    c: SupabaseClient,
    name: string,
    config: Record<string, unknown>,
    on: (ch: RealtimeChannel) => RealtimeChannel = (ch) => ch,
  ) {
    const channel = on(c.channel(name, { config: config as never }));
    return new Promise<{ channel: RealtimeChannel; status: string }>((resolve) => {
      channel.subscribe((status, err) => {
        if (status === 'SUBSCRIBED') resolve({ channel, status });
        else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT')
          resolve({ channel, status: `${status}: ${err?.message ?? ''}` });
      });
    });
  }

  it('relays a broadcast to the other members, to the sender only with self, and acknowledges with ack', async () => {
    const a = track(await realtimeClient(f.url, f.anonKey));
    const b = track(await realtimeClient(f.url, f.anonKey));
    const heardByA: unknown[] = [];
    const heardByB: unknown[] = [];
    const ja = await join(a, 'lobby', { broadcast: { self: true, ack: true } }, (ch) =>
      ch.on('broadcast', { event: 'wave' }, (p) => heardByA.push(p.payload)),
    );
    await join(b, 'lobby', { broadcast: { self: false } }, (ch) =>
      ch.on('broadcast', { event: 'wave' }, (p) => heardByB.push(p.payload)),
    );
    // the ack: send resolves 'ok' only when the server replied
    expect(await ja.channel.send({ type: 'broadcast', event: 'wave', payload: { from: 'a' } })).toBe('ok');
    await until('b hears a', () => heardByB.length === 1);
    await until('a hears itself', () => heardByA.length === 1);
    expect(heardByB).toEqual([{ from: 'a' }]);
    expect(heardByA).toEqual([{ from: 'a' }]);
  });

  it('syncs presence: join, track, update and leave', async () => {
    const a = track(await realtimeClient(f.url, f.anonKey));
    const b = track(await realtimeClient(f.url, f.anonKey));
    const ja = await join(a, 'room-1', { presence: { key: 'alice' } }, (ch) =>
      ch.on('presence', { event: 'sync' }, () => {}),
    );
    expect(await ja.channel.track({ viewing: 'item-1' })).toBe('ok');
    const jb = await join(b, 'room-1', { presence: { key: 'bob' } }, (ch) =>
      ch.on('presence', { event: 'sync' }, () => {}),
    );
    // b gets the state on joining: alice is there
    await until('b sees alice', () => (jb.channel.presenceState() as Record<string, unknown[]>).alice?.length === 1);
    expect(jb.channel.presenceState()).toMatchObject({ alice: [{ viewing: 'item-1' }] });
    await jb.channel.track({ viewing: 'item-2' });
    await until('a sees bob', () => (ja.channel.presenceState() as Record<string, unknown[]>).bob?.length === 1);
    // tracking again replaces the member's state
    await ja.channel.track({ viewing: 'item-3' });
    await until(
      'b sees alice move',
      () => (jb.channel.presenceState() as Record<string, { viewing: string }[]>).alice?.[0]?.viewing === 'item-3',
    );
    expect((jb.channel.presenceState() as Record<string, unknown[]>).alice).toHaveLength(1);
    await a.removeChannel(ja.channel);
    await until('alice left for b', () => !(jb.channel.presenceState() as Record<string, unknown>).alice);
  });

  it('admits to a private channel only whom the realtime.messages policies let read, and hears only whom they let send', async () => {
    const alice = track(await realtimeClient(f.url, f.anonKey, await userToken(ALICE)));
    const bob = track(await realtimeClient(f.url, f.anonKey, await userToken(BOB)));
    const carol = track(
      await realtimeClient(f.url, f.anonKey, await userToken('00000000-0000-0000-0000-00000000000c')),
    );
    const anon = track(await realtimeClient(f.url, f.anonKey));
    const heardByAlice: unknown[] = [];
    const heardByBob: unknown[] = [];
    const ja = await join(alice, 'staff-room', { private: true }, (ch) =>
      ch.on('broadcast', { event: 'note' }, (p) => heardByAlice.push(p.payload)),
    );
    const jb = await join(bob, 'staff-room', { private: true }, (ch) =>
      ch.on('broadcast', { event: 'note' }, (p) => heardByBob.push(p.payload)),
    );
    expect([ja.status, jb.status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);
    for (const outsider of [carol, anon]) {
      const j = await join(outsider, 'staff-room', { private: true });
      expect(j.status).toBe(
        'CHANNEL_ERROR: Unauthorized: You do not have permissions to read from this Channel topic: staff-room',
      );
    }
    // refused joins are retried by realtime-js; stop them
    await Promise.all([carol.removeAllChannels(), anon.removeAllChannels()]);
    // the public channel of the same name is another channel altogether
    const heardOnPublic: unknown[] = [];
    const other = track(await realtimeClient(f.url, f.anonKey));
    await join(other, 'staff-room', {}, (ch) =>
      ch.on('broadcast', { event: 'note' }, (p) => heardOnPublic.push(p.payload)),
    );

    await jb.channel.send({ type: 'broadcast', event: 'note', payload: { from: 'bob' } }); // no INSERT policy for Bob: dropped
    await ja.channel.send({ type: 'broadcast', event: 'note', payload: { from: 'alice' } });
    await until('bob hears alice', () => heardByBob.length === 1);
    await quiet(300);
    expect(heardByBob).toEqual([{ from: 'alice' }]);
    expect(heardByAlice).toEqual([]);
    expect(heardOnPublic).toEqual([]);
  });
});
