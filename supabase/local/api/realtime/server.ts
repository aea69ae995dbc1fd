// /realtime/v1/websocket: Supabase Realtime's postgres_changes for supabase-js's RealtimeClient.
// Phoenix channels over a websocket (serializer 1.0.0 or 2.0.0), authenticated by the apikey
// and each channel's access token like the REST API; a channel's postgres_changes bindings
// become subscriptions the change feed (change-feed.ts) delivers to — each change only to the
// subscribers whose own role and claims may select the row. Broadcast and Presence are not
// carried yet (README: supported and not).
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import pg from 'pg';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ChangeFeed, type Delivery, type FeedSubscription } from './change-feed.ts';
import { describeParams, parseChangeParams, type ChangeParams } from './filters.ts';
import { mayWrite, readPolicies, type Extension, type Policies } from './authorization.ts';
import { decodeBinaryFrame, decodeFrame, encodeFrame, reply, SUPPORTED_VSN, type Frame, type Vsn } from './protocol.ts';
import { checkToken, connectRefusal, joinRefusal } from './tokens.ts';
import { answerOnSocket } from '../http.ts';

export interface RealtimeOptions {
  /** a connection allowed to create replication slots (the local superuser) */
  dbUrl: string;
  key: Uint8Array;
  log: (msg: string) => void;
  publication?: string;
  pollIntervalMs?: number;
  /** max frame a client may send */
  maxPayloadBytes?: number;
}

export interface RealtimeServer {
  /** answers an HTTP upgrade for /realtime/v1/websocket; false when the path is not ours */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean;
  readonly feed: ChangeFeed;
  readonly connections: number;
  close(): Promise<void>;
}

interface Binding {
  /** the id the client matches deliveries on (Realtime: :erlang.phash2 of the params) */
  clientId: number;
  params: ChangeParams;
  /** feed subscription ids, one per table the binding covers */
  subscriptionIds: string[];
}

interface Channel {
  topic: string;
  name: string;
  joinRef: string | null;
  role: string;
  claims: string;
  bindings: Binding[];
  expiry: NodeJS.Timeout | null;
  conn: Connection;
  private: boolean;
  /** broadcast and presence members are grouped by this: a private and a public channel of one name differ */
  scope: string;
  broadcastSelf: boolean;
  broadcastAck: boolean;
  presenceEnabled: boolean;
  presenceKey: string;
  /** private channels: what realtime.messages' policies allow this member */
  policies: Policies | null;
  /** what this member tracks in Presence */
  tracked: { ref: string; meta: Record<string, unknown> } | null;
}

type PresenceMetas = Record<string, { metas: Record<string, unknown>[] }>;

/** One member's tracked state as Phoenix Presence sends it: its meta and its ref, under its key. */
const presenceEntry = (key: string, t: { ref: string; meta: Record<string, unknown> }): PresenceMetas => ({
  [key]: { metas: [{ ...t.meta, phx_ref: t.ref }] },
});

interface Connection {
  ws: WebSocket;
  vsn: Vsn;
  apikey: string;
  channels: Map<string, Channel>;
}

export const MAX_CHANNELS_PER_CONNECTION = 100;

/** Realtime's ids are :erlang.phash2/1 of the params: any stable hash below 2^27 serves. */
function bindingId(p: unknown): number {
  return createHash('sha1').update(JSON.stringify(p)).digest().readUInt32BE(0) & 0x7ffffff;
}

export function createRealtimeServer(o: RealtimeOptions): RealtimeServer {
  const publication = o.publication ?? 'supabase_realtime';
  const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxPayloadBytes ?? 1024 * 1024 });
  const connections = new Set<Connection>();
  /** feed subscription id → where it goes */
  const subscriptions = new Map<string, { channel: Channel; binding: Binding; sub: FeedSubscription }>();
  /** scope → the channels joined to it, for Broadcast and Presence */
  const members = new Map<string, Set<Channel>>();
  let refCounter = 0;
  const catalog = new pg.Pool({
    connectionString: o.dbUrl,
    max: 2,
    idleTimeoutMillis: 10_000,
    application_name: 'loconomy-local-realtime-catalog',
  });
  catalog.on('error', () => {});

  const feed = new ChangeFeed({
    url: o.dbUrl,
    publication,
    log: o.log,
    pollIntervalMs: o.pollIntervalMs,
    subscriptions: function* () {
      for (const s of subscriptions.values()) yield s.sub;
    },
    deliver,
  });

  function send(conn: Connection, f: Frame) {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(encodeFrame(conn.vsn, f));
  }

  function system(ch: Channel, extension: string, status: 'ok' | 'error', message: string) {
    send(ch.conn, {
      join_ref: ch.joinRef,
      ref: null,
      topic: ch.topic,
      event: 'system',
      payload: { extension, status, message, channel: ch.name },
    });
  }

  function deliver(batch: Delivery[]) {
    for (const d of batch) {
      const byChannel = new Map<Channel, Set<number>>();
      for (const id of d.subscriptionIds) {
        const s = subscriptions.get(id);
        if (!s) continue; // left between the poll and now
        let ids = byChannel.get(s.channel);
        if (!ids) byChannel.set(s.channel, (ids = new Set()));
        ids.add(s.binding.clientId);
      }
      for (const [ch, ids] of byChannel) {
        send(ch.conn, {
          join_ref: null,
          ref: null,
          topic: ch.topic,
          event: 'postgres_changes',
          payload: { ids: [...ids], data: d.payload },
        });
      }
    }
  }

  const canRead = (ch: Channel, ext: Extension) => !ch.private || !!ch.policies?.read[ext];

  function presenceOf(scope: string): PresenceMetas {
    const state: PresenceMetas = {};
    for (const m of members.get(scope) ?? []) {
      if (!m.tracked) continue;
      (state[m.presenceKey] ??= { metas: [] }).metas.push({ ...m.tracked.meta, phx_ref: m.tracked.ref });
    }
    return state;
  }

  function presenceDiff(ch: Channel, joins: PresenceMetas, leaves: PresenceMetas) {
    for (const m of members.get(ch.scope) ?? []) {
      if (!m.presenceEnabled || !canRead(m, 'presence')) continue;
      send(m.conn, { join_ref: null, ref: null, topic: m.topic, event: 'presence_diff', payload: { joins, leaves } });
    }
  }

  function untrack(ch: Channel) {
    if (!ch.tracked) return;
    const left = presenceEntry(ch.presenceKey, ch.tracked);
    ch.tracked = null;
    presenceDiff(ch, {}, left);
  }

  function unsubscribe(ch: Channel) {
    for (const b of ch.bindings) for (const id of b.subscriptionIds) subscriptions.delete(id);
    ch.bindings = [];
    if (ch.expiry) clearTimeout(ch.expiry);
    ch.expiry = null;
    const set = members.get(ch.scope);
    if (set?.delete(ch)) {
      untrack(ch);
      if (set.size === 0) members.delete(ch.scope);
    }
  }

  /** Realtime's shutdown_response: a system error, then the channel closes. */
  function shutdown(ch: Channel, message: string) {
    system(ch, 'system', 'error', message);
    unsubscribe(ch);
    ch.conn.channels.delete(ch.topic);
    send(ch.conn, { join_ref: ch.joinRef, ref: ch.joinRef, topic: ch.topic, event: 'phx_close', payload: {} });
  }

  function watchExpiry(ch: Channel, exp: number) {
    if (ch.expiry) clearTimeout(ch.expiry);
    // setTimeout holds at most 2^31-1 ms; a long-lived key is re-armed when that passes
    const ms = Math.min(exp * 1000 - Date.now(), 2 ** 31 - 1);
    ch.expiry = setTimeout(
      () => {
        if (exp * 1000 > Date.now()) return watchExpiry(ch, exp);
        shutdown(ch, `Token has expired ${Math.max(0, Math.floor(Date.now() / 1000) - exp)} seconds ago`);
      },
      Math.max(0, ms),
    );
  }

  /** The tables a binding covers, checked as Realtime's subscription insert checks them. */
  async function resolve(p: ChangeParams): Promise<{ ok: true; entities: string[] } | { ok: false; error: string }> {
    const params = describeParams(p);
    try {
      const { rows } = await catalog.query<{ entity: string; oid: number }>(
        `select format('%s.%s', schemaname, tablename) as entity, format('%I.%I', schemaname, tablename)::regclass::oid as oid
           from pg_publication_tables
          where pubname = $1 and ($2 = '*' or schemaname = $2) and ($3 = '*' or tablename = $3)
          order by 1`,
        [publication, p.schema, p.table],
      );
      if (rows.length === 0) {
        return {
          ok: false,
          error: `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: [${params}]`,
        };
      }
      for (const f of p.filters) {
        for (const r of rows) {
          const col = await catalog.query<{ type: string }>(
            `select format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = $1 and attname = $2 and attnum > 0 and not attisdropped`,
            [r.oid, f.column],
          );
          if (col.rows.length === 0) throw new Error(`invalid column for filter ${f.column}`);
          // the operand must be a value of the column's type, or no row could ever match
          const values = Array.isArray(f.value) ? f.value : [f.value];
          for (const v of values) await catalog.query(`select $1::${col.rows[0].type}`, [v]);
        }
      }
      return { ok: true, entities: rows.map((r) => r.entity) };
    } catch (err) {
      const e = err as Error & { code?: string };
      const code = e.code ? `ERROR ${e.code} ` : 'ERROR P0001 (raise_exception) ';
      return {
        ok: false,
        error: `Unable to subscribe to changes with given parameters. An exception happened so please check your connect parameters: [${params}]. Exception: ${code}${e.message}`,
      };
    }
  }

  async function join(conn: Connection, f: Frame) {
    const payload = (typeof f.payload === 'object' && f.payload !== null ? f.payload : {}) as Record<string, unknown>;
    const config = (typeof payload.config === 'object' && payload.config !== null ? payload.config : {}) as Record<
      string,
      unknown
    >;
    const token = typeof payload.access_token === 'string' ? payload.access_token : conn.apikey;
    const check = await checkToken(token, o.key);
    if (!check.ok) return send(conn, reply(f, 'error', { reason: joinRefusal(check) }));

    const name = f.topic.slice('realtime:'.length);
    const isPrivate = config.private === true;
    const broadcast = (
      typeof config.broadcast === 'object' && config.broadcast !== null ? config.broadcast : {}
    ) as Record<string, unknown>;
    const presence = (typeof config.presence === 'object' && config.presence !== null ? config.presence : {}) as Record<
      string,
      unknown
    >;
    let policies: Policies | null = null;
    if (isPrivate) {
      try {
        policies = {
          read: await readPolicies(catalog, check.claims.role, JSON.stringify(check.claims), name),
          write: {},
        };
      } catch {
        return send(conn, reply(f, 'error', { reason: 'Realtime was unable to connect to the project database' }));
      }
      if (!policies.read.broadcast && !policies.read.presence) {
        return send(
          conn,
          reply(f, 'error', {
            reason: `Unauthorized: You do not have permissions to read from this Channel topic: ${name}`,
          }),
        );
      }
    }

    // a second join of a topic replaces the first (Phoenix closes the old channel)
    const old = conn.channels.get(f.topic);
    // Realtime's default max_channels_per_client: each channel costs an RLS check per change
    if (!old && conn.channels.size >= MAX_CHANNELS_PER_CONNECTION) {
      return send(conn, reply(f, 'error', { reason: 'ChannelRateLimitReached: Too many channels' }));
    }
    if (old) {
      unsubscribe(old);
      send(conn, { join_ref: old.joinRef, ref: old.joinRef, topic: old.topic, event: 'phx_close', payload: {} });
    }
    const ch: Channel = {
      topic: f.topic,
      name,
      joinRef: f.join_ref ?? f.ref,
      role: check.claims.role,
      claims: JSON.stringify(check.claims),
      bindings: [],
      expiry: null,
      conn,
      private: isPrivate,
      scope: `${isPrivate ? 'private' : 'public'}:${name}`,
      broadcastSelf: broadcast.self === true,
      broadcastAck: broadcast.ack === true,
      presenceEnabled: presence.enabled === true,
      presenceKey: typeof presence.key === 'string' && presence.key !== '' ? presence.key : randomUUID(),
      policies,
      tracked: null,
    };
    conn.channels.set(f.topic, ch);
    let group = members.get(ch.scope);
    if (!group) members.set(ch.scope, (group = new Set()));
    group.add(ch);
    watchExpiry(ch, check.claims.exp);

    const requested = Array.isArray(config.postgres_changes)
      ? (config.postgres_changes as unknown[]).filter((p) => p != null)
      : [];
    const answered = requested.map((p) => ({ ...(p as object), id: bindingId(p) }));
    const problems: string[] = [];
    for (const [i, raw] of requested.entries()) {
      const parsed = parseChangeParams(raw);
      if (!parsed.ok) {
        problems.push(parsed.error);
        continue;
      }
      const resolved = await resolve(parsed.value);
      if (!resolved.ok) {
        problems.push(resolved.error);
        continue;
      }
      const binding: Binding = { clientId: answered[i].id, params: parsed.value, subscriptionIds: [] };
      for (const entity of resolved.entities) {
        const id = randomUUID();
        binding.subscriptionIds.push(id);
        subscriptions.set(id, {
          channel: ch,
          binding,
          sub: {
            id,
            entity,
            event: parsed.value.event,
            filters: parsed.value.filters,
            role: ch.role,
            claims: ch.claims,
          },
        });
      }
      ch.bindings.push(binding);
    }
    // the channel may have been left or replaced while the catalog answered
    if (conn.channels.get(f.topic) !== ch) return unsubscribe(ch);

    // Subscribed means changes from now on arrive: the slot exists before the reply.
    const feedReady = ch.bindings.length > 0 ? await feed.ready() : true;
    send(conn, reply(f, 'ok', { postgres_changes: answered }));
    if (ch.presenceEnabled && canRead(ch, 'presence')) {
      send(conn, {
        join_ref: ch.joinRef,
        ref: null,
        topic: ch.topic,
        event: 'presence_state',
        payload: presenceOf(ch.scope),
      });
    }
    if (requested.length === 0) return;
    for (const p of problems) system(ch, 'postgres_changes', 'error', p);
    if (!feedReady)
      system(ch, 'postgres_changes', 'error', feed.reason || 'Realtime was unable to connect to the project database');
    else if (ch.bindings.length > 0 && problems.length === 0)
      system(ch, 'postgres_changes', 'ok', 'Subscribed to PostgreSQL');
  }

  async function refreshToken(conn: Connection, ch: Channel, f: Frame) {
    const token = (f.payload as Record<string, unknown> | null)?.access_token;
    const check = await checkToken(token, o.key);
    if (conn.channels.get(ch.topic) !== ch) return;
    if (!check.ok) return shutdown(ch, check.message);
    if (ch.private) {
      const read = await readPolicies(catalog, check.claims.role, JSON.stringify(check.claims), ch.name).catch(
        () => null,
      );
      if (conn.channels.get(ch.topic) !== ch) return;
      if (!read || (!read.broadcast && !read.presence))
        return shutdown(ch, `You no longer have permission to read from this Channel topic: ${ch.name}`);
      ch.policies = { read, write: {} };
    }
    ch.role = check.claims.role;
    ch.claims = JSON.stringify(check.claims);
    for (const s of subscriptions.values()) {
      if (s.channel === ch) {
        s.sub.role = ch.role;
        s.sub.claims = ch.claims;
      }
    }
    watchExpiry(ch, check.claims.exp);
  }

  async function onFrame(conn: Connection, f: Frame) {
    if (f.topic === 'phoenix') {
      if (f.event === 'heartbeat') send(conn, reply(f, 'ok', {}));
      return;
    }
    const ch = conn.channels.get(f.topic);
    if (f.event === 'phx_join') {
      if (!f.topic.startsWith('realtime:')) return send(conn, reply(f, 'error', { reason: 'unmatched topic' }));
      return join(conn, f);
    }
    if (!ch) return send(conn, reply(f, 'error', { reason: 'unmatched topic' }));
    switch (f.event) {
      case 'phx_leave':
        unsubscribe(ch);
        conn.channels.delete(ch.topic);
        return send(conn, reply(f, 'ok', {}));
      case 'access_token':
        return refreshToken(conn, ch, f);
      case 'broadcast':
        return relayBroadcast(ch, f);
      case 'presence':
        return presenceEvent(ch, f);
      default:
        // Realtime logs an unexpected message and answers nothing
        return;
    }
  }

  /** Private channels: whether realtime.messages' INSERT policy lets this member send (asked once). */
  async function allowedToSend(ch: Channel, ext: Extension): Promise<boolean> {
    if (!ch.private || !ch.policies) return true;
    ch.policies.write[ext] ??= await mayWrite(catalog, ch.role, ch.claims, ch.name, ext).catch(() => false);
    return ch.policies.write[ext];
  }

  async function relayBroadcast(ch: Channel, f: Frame) {
    const payload = (typeof f.payload === 'object' && f.payload !== null ? f.payload : {}) as Record<string, unknown>;
    // a private channel's member without the INSERT policy is not heard (Realtime drops it)
    if (await allowedToSend(ch, 'broadcast')) {
      const message = {
        type: 'broadcast',
        event: payload.event,
        payload: payload.payload,
        ...(payload.meta ? { meta: payload.meta } : {}),
      };
      for (const m of members.get(ch.scope) ?? []) {
        if ((m === ch && !ch.broadcastSelf) || !canRead(m, 'broadcast')) continue;
        send(m.conn, { join_ref: null, ref: null, topic: m.topic, event: 'broadcast', payload: message });
      }
    }
    if (ch.broadcastAck && f.ref) send(ch.conn, reply(f, 'ok', {}));
  }

  async function presenceEvent(ch: Channel, f: Frame) {
    const payload = (typeof f.payload === 'object' && f.payload !== null ? f.payload : {}) as Record<string, unknown>;
    if (payload.event === 'untrack') {
      untrack(ch);
      return send(ch.conn, reply(f, 'ok', {}));
    }
    if (payload.event !== 'track') return send(ch.conn, reply(f, 'error', { reason: 'Unknown presence event' }));
    if (typeof payload.payload !== 'object' || payload.payload === null || Array.isArray(payload.payload)) {
      return send(ch.conn, reply(f, 'error', { reason: 'Presence track payload must be a map' }));
    }
    if (!(await allowedToSend(ch, 'presence'))) return send(ch.conn, reply(f, 'error', { reason: 'Unauthorized' }));
    if (joinedConn(ch) === null) return;
    const meta = payload.payload as Record<string, unknown>;
    const previous = ch.tracked;
    ch.tracked = { ref: `F${Date.now().toString(36)}${(++refCounter).toString(36)}`, meta };
    // Presence on the channel turns on with its first track, as realtime-js expects
    ch.presenceEnabled = true;
    // An update goes out as its leave, then its join: realtime-js's presence adapter strips the
    // refs of a key's current metas while applying a join, so a leave in the same diff would
    // no longer find the meta it removes and the member would show twice.
    if (previous) presenceDiff(ch, {}, presenceEntry(ch.presenceKey, previous));
    presenceDiff(ch, presenceEntry(ch.presenceKey, ch.tracked), {});
    send(ch.conn, reply(f, 'ok', {}));
  }

  /** the channel's connection while the channel is still joined on it */
  const joinedConn = (ch: Channel) => (ch.conn.channels.get(ch.topic) === ch ? ch.conn : null);

  function closeConnection(conn: Connection) {
    for (const ch of conn.channels.values()) unsubscribe(ch);
    conn.channels.clear();
    connections.delete(conn);
  }

  const STATUS_LINES: Record<number, string> = { 400: '400 Bad Request', 401: '401 Unauthorized' };
  const refuseUpgrade = (socket: Duplex, status: number, body: object) =>
    answerOnSocket(socket, STATUS_LINES[status], body);

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean {
    if (url.pathname !== '/realtime/v1/websocket' && url.pathname !== '/realtime/v1/websocket/') return false;
    socket.on('error', () => {});
    const apikey = (req.headers['x-api-key'] as string | undefined) ?? url.searchParams.get('apikey') ?? undefined;
    const vsnParam = url.searchParams.get('vsn') ?? '1.0.0';
    if (!(SUPPORTED_VSN as readonly string[]).includes(vsnParam)) {
      refuseUpgrade(socket, 400, { error: `Unsupported serializer version: ${vsnParam}` });
      return true;
    }
    if (!apikey) {
      refuseUpgrade(socket, 401, { error: 'API key is missing' });
      return true;
    }
    void checkToken(apikey, o.key).then((check) => {
      if (!check.ok) return refuseUpgrade(socket, connectRefusal(check).status, { error: connectRefusal(check).error });
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn: Connection = { ws, vsn: vsnParam as Vsn, apikey, channels: new Map() };
        connections.add(conn);
        // frames of one connection are handled in order: a leave never overtakes its join
        let queue = Promise.resolve();
        ws.on('message', (data: RawData, isBinary: boolean) => {
          const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
          const f = isBinary ? decodeBinaryFrame(buf) : decodeFrame(conn.vsn, buf.toString('utf8'));
          if (!f) return;
          queue = queue
            .then(() => onFrame(conn, f))
            .catch((err: Error) => o.log(`realtime: ${f.event} on ${f.topic} failed: ${err.message}`));
        });
        ws.on('close', () => closeConnection(conn));
        ws.on('error', () => closeConnection(conn));
      });
    });
    return true;
  }

  return {
    handleUpgrade,
    feed,
    get connections() {
      return connections.size;
    },
    async close() {
      for (const conn of connections) conn.ws.terminate();
      connections.clear();
      subscriptions.clear();
      members.clear();
      await new Promise<void>((r) => wss.close(() => r()));
      await Promise.all([feed.close(), catalog.end().catch(() => {})]);
    },
  };
}
