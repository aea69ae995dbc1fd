// Keeps the schema cache current: a dedicated connection LISTENs on "pgrst" and reloads on
// 'reload schema' (what migrate.ts sends), and reconnects with backoff after a restart,
// reloading then too since the schema may have changed while it was away.
import pg from 'pg';
import { loadSchemaCache, type SchemaCache } from './schema-cache.ts';

export class SchemaWatcher {
  cache!: SchemaCache;
  private client?: pg.Client;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;
  private reloading?: Promise<void>;
  private reloadAgain = false;

  constructor(
    private readonly url: string,
    private readonly schemas: string[],
    private readonly log: (msg: string) => void,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'loconomy-local-api-listener' });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (msg) => {
      const payload = (msg.payload ?? '').trim();
      // the in-database configuration is read with the schema cache
      if (payload === '' || payload === 'reload schema' || payload === 'reload config') void this.reload();
    });
    await client.connect();
    this.client = client;
    await client.query('LISTEN pgrst');
    this.cache = await loadSchemaCache(client, this.schemas);
  }

  private lost(client: pg.Client) {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    this.log('schema listener: connection lost, reconnecting');
    client.end().catch(() => {});
    this.scheduleReconnect(250);
  }

  private scheduleReconnect(delay: number) {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => this.log('schema listener: reconnected, schema cache reloaded'),
        () => {
          this.client?.end().catch(() => {});
          this.client = undefined;
          this.scheduleReconnect(Math.min(delay * 2, 5000));
        },
      );
    }, delay);
  }

  /** Reloads now; concurrent requests for a reload coalesce into one more pass. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        const client = this.client;
        if (!client) return;
        try {
          this.cache = await loadSchemaCache(client, this.schemas);
          this.log('schema cache reloaded');
        } catch (err) {
          this.log(`schema cache reload failed: ${(err as Error).message}`);
        }
      } while (this.reloadAgain);
    })().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.reloading?.catch(() => {});
    await this.client?.end().catch(() => {});
  }
}
