// The WAL side of postgres_changes, as Supabase Realtime's replication poller does it: a
// temporary logical replication slot (wal2json, format 2) on one connection of its own,
// polled every few milliseconds while anyone is subscribed; each batch of changes then goes
// through realtime.apply_rls (supabase/local/bootstrap.sql), which asks the database, as each
// subscriber's role with its JWT claims, whether that subscriber may see the row.
//
// The slot belongs to the connection: closing it (server shutdown, idle, a database restart)
// drops it, and it is created again on the next subscription or reconnect. Changes committed
// while the server runs are not lost between polls; changes made while no slot exists (no
// subscriber, or the database down) are nobody's.
import pg from 'pg';
import type { ChangeEvent, ColumnFilter } from './filters.ts';

export interface FeedSubscription {
  /** the server's id for one channel binding on one table */
  id: string;
  /** schema.table, unquoted */
  entity: string;
  event: ChangeEvent;
  filters: ColumnFilter[];
  role: string;
  /** the JWT claims, as JSON text: grouped on it, so equal claims are checked once */
  claims: string;
}

export interface Delivery {
  payload: Record<string, unknown>;
  subscriptionIds: string[];
}

export interface FeedOptions {
  url: string;
  publication: string;
  subscriptions: () => Iterable<FeedSubscription>;
  deliver: (batch: Delivery[]) => void;
  log: (msg: string) => void;
  pollIntervalMs?: number;
  /** how long the slot is kept with nobody subscribed */
  idleMs?: number;
  maxChangesPerPoll?: number;
}

export type FeedState = 'stopped' | 'starting' | 'ready' | 'down' | 'unavailable';

const WAL2JSON_ESCAPE = String.raw`regexp_replace(%s, '([\\,.[:space:]])', '\\\1', 'g')`;
const ADD_TABLES = `(select coalesce(string_agg(${WAL2JSON_ESCAPE.replace('%s', 'schemaname')} || '.' || ${WAL2JSON_ESCAPE.replace('%s', 'tablename')}, ','), '')
   from pg_publication_tables where pubname = $3)`;

const POLL_SQL = `
  select data, ${ADD_TABLES} <> '' as published
    from pg_logical_slot_get_changes($1, null, $2,
      'include-pk', 'true', 'include-transaction', 'false', 'include-timestamp', 'true',
      'include-type-oids', 'true', 'format-version', '2', 'actions', 'insert,update,delete',
      'add-tables', ${ADD_TABLES})`;

const APPLY_SQL = `select payload, subscription_ids from realtime.apply_rls_batch($1::jsonb, $2::jsonb) order by ord`;

let slotCounter = 0;

export class ChangeFeed {
  state: FeedState = 'stopped';
  /** why the feed is not running, for the system messages subscribers get */
  reason = '';
  private client: pg.Client | null = null;
  private slot = '';
  private timer: NodeJS.Timeout | null = null;
  private idleSince = 0;
  private retryMs = 100;
  private closed = false;
  private waiters: Array<(ok: boolean) => void> = [];
  private readonly pollMs: number;
  private readonly idleMs: number;
  private readonly maxChanges: number;
  /** seen by the bench: changes decoded and deliveries made */
  readonly stats = { polls: 0, changes: 0, deliveries: 0 };

  constructor(private readonly o: FeedOptions) {
    this.pollMs = o.pollIntervalMs ?? 25;
    this.idleMs = o.idleMs ?? 60_000;
    this.maxChanges = o.maxChangesPerPoll ?? 1000;
  }

  /** Starts the feed if it is not running; resolves once it is (true) or failed (false). */
  ready(timeoutMs = 5000): Promise<boolean> {
    if (this.state === 'ready') return Promise.resolve(true);
    if (this.state === 'unavailable' || this.closed) return Promise.resolve(false);
    if (this.state === 'stopped') void this.start();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = (ok: boolean) => {
        clearTimeout(t);
        resolve(ok);
      };
      this.waiters.push(done);
    });
  }

  private settle(ok: boolean) {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f(ok);
  }

  private async start() {
    if (this.closed) return;
    this.state = 'starting';
    const client = new pg.Client({ connectionString: this.o.url, application_name: 'loconomy-local-realtime' });
    client.on('error', () => {}); // the failing query reports it
    try {
      await client.connect();
      const { rows } = await client.query<{ wal_level: string }>('show wal_level');
      if (rows[0]?.wal_level !== 'logical') {
        this.state = 'unavailable';
        this.reason = `wal_level is ${rows[0]?.wal_level}; postgres_changes need wal_level = logical (supabase/local/cluster.ts starts the local clusters with it)`;
        this.o.log(`realtime: ${this.reason}`);
        await client.end().catch(() => {});
        this.settle(false);
        return;
      }
      await client.query(`set statement_timeout = '10s'`);
      this.slot = `loconomy_realtime_${process.pid}_${++slotCounter}`;
      await client.query(`select 1 from pg_create_logical_replication_slot($1, 'wal2json', true)`, [this.slot]);
      this.client = client;
      this.state = 'ready';
      this.reason = '';
      this.retryMs = 100;
      this.idleSince = 0;
      this.settle(true);
      this.schedule(0);
    } catch (err) {
      await client.end().catch(() => {});
      if (this.closed) return;
      if ((err as { code?: string }).code === '42501') {
        // a role without REPLICATION: not a passing fault, so no retrying
        this.state = 'unavailable';
        this.reason = `Realtime cannot create its replication slot: ${(err as Error).message}`;
        this.o.log(`realtime: ${this.reason}`);
        this.settle(false);
        return;
      }
      this.state = 'down';
      this.reason = 'Realtime was unable to connect to the project database';
      this.o.log(`realtime: change feed could not start (${(err as Error).message}); retrying in ${this.retryMs} ms`);
      this.settle(false);
      this.retry();
    }
  }

  private retry() {
    if (this.closed) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 2000);
    this.timer = setTimeout(() => {
      this.timer = null;
      // nobody left to deliver to: let the next subscription start it
      if (isEmpty(this.o.subscriptions())) this.state = 'stopped';
      else void this.start();
    }, wait);
  }

  private schedule(ms: number) {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll();
    }, ms);
  }

  private async poll() {
    const client = this.client;
    if (!client || this.closed) return;
    const subs = [...this.o.subscriptions()];
    if (subs.length === 0) {
      if (!this.idleSince) this.idleSince = Date.now();
      if (Date.now() - this.idleSince > this.idleMs) return this.stop();
    } else this.idleSince = 0;
    let more = false;
    try {
      this.stats.polls++;
      const { rows } = await client.query<{ data: string; published: boolean }>(POLL_SQL, [
        this.slot,
        this.maxChanges,
        this.o.publication,
      ]);
      more = rows.length >= this.maxChanges;
      this.stats.changes += rows.length;
      // an empty publication makes wal2json pass every table: those changes are nobody's
      if (rows.length > 0 && rows[0].published && subs.length > 0)
        await this.apply(
          client,
          rows.map((r) => r.data),
          subs,
        );
    } catch (err) {
      if (this.closed) return;
      this.o.log(`realtime: change feed lost its connection (${(err as Error).message}); reconnecting`);
      this.client = null;
      await client.end().catch(() => {});
      this.state = 'down';
      this.reason = 'Realtime was unable to connect to the project database';
      this.retry();
      return;
    }
    this.schedule(more ? 0 : this.pollMs);
  }

  private async apply(client: pg.Client, changes: string[], subs: FeedSubscription[]) {
    const tables = new Set<string>();
    for (const c of changes) {
      const w = JSON.parse(c) as { schema?: string; table?: string };
      tables.add(`${w.schema}.${w.table}`);
    }
    const relevant = subs.filter((s) => tables.has(s.entity));
    if (relevant.length === 0) return;
    const { rows } = await client.query<{ payload: Record<string, unknown>; subscription_ids: string[] }>(APPLY_SQL, [
      `[${changes.join(',')}]`,
      JSON.stringify(
        relevant.map((s) => ({
          id: s.id,
          entity: s.entity,
          event: s.event,
          filters: s.filters,
          role: s.role,
          claims: JSON.parse(s.claims),
        })),
      ),
    ]);
    if (rows.length === 0) return;
    this.stats.deliveries += rows.length;
    this.o.deliver(rows.map((r) => ({ payload: r.payload, subscriptionIds: r.subscription_ids })));
  }

  /** Drops the slot (by closing its connection); the next subscription starts it again. */
  private stop() {
    const client = this.client;
    this.client = null;
    this.state = 'stopped';
    if (client) void client.end().catch(() => {});
  }

  async close() {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.settle(false);
    const client = this.client;
    this.client = null;
    this.state = 'stopped';
    if (client) await client.end().catch(() => {});
  }
}

function isEmpty(it: Iterable<unknown>): boolean {
  for (const _ of it) return false;
  return true;
}
