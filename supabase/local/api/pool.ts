// The connection pool: requests queue for a connection up to a deadline, then get a 503 that
// says so; connections broken by a database restart are discarded, never handed out again.
import pg from 'pg';
import { ApiError, isConnectionError } from './rest/errors.ts';

export interface PoolOptions {
  url: string;
  size: number;
  /** how long a request may wait for a free connection */
  acquireTimeoutMs: number;
  log: (msg: string) => void;
}

export class DbPool {
  readonly pool: pg.Pool;
  private closed = false;

  constructor(private readonly o: PoolOptions) {
    this.pool = new pg.Pool({
      connectionString: o.url,
      max: o.size,
      connectionTimeoutMillis: o.acquireTimeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: 'loconomy-local-api',
    });
    // an idle connection killed by a restart must not crash the process
    this.pool.on('error', (err) => o.log(`db: idle connection lost (${err.message})`));
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
    const client = await this.acquire();
    let broken: Error | undefined;
    try {
      await client.query(readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
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
      client.release(broken ?? false);
    }
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
      client.release(broken ?? false);
    }
  }

  async end() {
    this.closed = true;
    await this.pool.end();
  }
}
