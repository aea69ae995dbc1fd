// The connection pool: requests queue for a connection up to a deadline, then get a 503 that
// says so; connections broken by a database restart or a terminated backend are discarded,
// never handed out again, and never take the process down.
import pg from 'pg';
import { ApiError, isConnectionError } from './rest/errors.ts';

export interface PoolOptions {
  url: string;
  size: number;
  /** how long a request may wait for a free connection */
  acquireTimeoutMs: number;
  log: (msg: string) => void;
  /** application_name of its backends, so operators (and tests) can find them */
  name?: string;
}

export class DbPool {
  readonly pool: pg.Pool;
  private closed = false;
  /** clients whose connection failed while checked out: destroyed when released */
  private readonly lost = new WeakMap<pg.PoolClient, Error>();

  constructor(private readonly o: PoolOptions) {
    this.pool = new pg.Pool({
      connectionString: o.url,
      max: o.size,
      connectionTimeoutMillis: o.acquireTimeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: o.name ?? 'loconomy-local-api',
    });
    // an idle connection killed by a restart must not crash the process
    this.pool.on('error', (err) => o.log(`db: idle connection lost (${err.message})`));
    // pg-pool listens for 'error' only while a client is idle. A checked-out client whose
    // backend dies between two queries (FATAL 57P01 from pg_terminate_backend, a failover)
    // or whose socket drops mid-query emits 'error' with nobody listening, which ends the
    // process. This listener stays for the client's whole life; the request on it gets its
    // 503 from the failed query, and release() destroys the client.
    this.pool.on('connect', (client) => {
      client.on('error', (err) => {
        if (!this.lost.has(client)) this.lost.set(client, err);
      });
    });
  }

  private async acquire(): Promise<pg.PoolClient> {
    if (this.closed) throw new ApiError(503, 'PGRST000', 'The API server is shutting down');
    const full = this.pool.totalCount >= this.o.size && this.pool.idleCount === 0;
    try {
      return await this.pool.connect();
    } catch (err) {
      const msg = (err as Error).message;
      if (/timeout exceeded when trying to connect/.test(msg) && full) {
        throw new ApiError(
          503, 'PGRST003', 'Timed out acquiring connection from connection pool.',
          `All ${this.o.size} database connections stayed busy for ${this.o.acquireTimeoutMs} ms.`,
          'Retry later, or start the API with a larger pool.',
          { 'Retry-After': '1' },
        );
      }
      throw new ApiError(503, 'PGRST000', 'Database connection error. Retrying the connection.', msg, null, { 'Retry-After': '1' });
    }
  }

  /**
   * Runs `fn` on a connection inside BEGIN … COMMIT/ROLLBACK. `fn` returns whether to commit.
   * A connection whose transaction could not be closed cleanly is destroyed, so nothing set
   * in one request can leak into the next.
   */
  async transaction<T>(readOnly: boolean, fn: (c: pg.PoolClient) => Promise<{ value: T; commit: boolean }>): Promise<T> {
    const client = await this.begin(readOnly);
    let broken: Error | undefined;
    try {
      const { value, commit } = await fn(client);
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      return value;
    } catch (err) {
      if (isConnectionError(err)) broken = err as Error;
      else {
        await client.query('ROLLBACK').catch((e: Error) => {
          broken = e;
        });
      }
      throw err;
    } finally {
      this.release(client, broken);
    }
  }

  /** A client inside BEGIN; one whose BEGIN failed is in no state to reuse, whatever the reason. */
  private async begin(readOnly: boolean): Promise<pg.PoolClient> {
    const client = await this.acquire();
    try {
      await client.query(readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
      return client;
    } catch (err) {
      this.release(client, err as Error);
      throw err;
    }
  }

  private release(client: pg.PoolClient, broken: Error | undefined) {
    client.release(broken ?? this.lost.get(client) ?? false);
  }

  /** Plain query outside a request transaction (auth, health). */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const client = await this.acquire();
    let broken: Error | undefined;
    try {
      return await client.query<R>(sql, values);
    } catch (err) {
      if (isConnectionError(err)) broken = err as Error;
      throw err;
    } finally {
      this.release(client, broken);
    }
  }

  async end() {
    this.closed = true;
    await this.pool.end();
  }
}
