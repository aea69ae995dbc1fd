// Realtime Authorization for private channels, as Supabase Realtime checks it
// (Realtime.Tenants.Authorization): in a transaction that is always rolled back, probe rows for
// the channel's topic go into realtime.messages; then, as the subscriber's role with its JWT
// claims and `realtime.topic` set, what it may SELECT is what it may receive and what it may
// INSERT is what it may send — per extension (broadcast, presence).
import type pg from 'pg';

export type Extension = 'broadcast' | 'presence';
export interface Policies {
  read: Record<Extension, boolean>;
  write: Partial<Record<Extension, boolean>>;
}

async function asSubscriber(c: pg.PoolClient, role: string, claims: string, topic: string) {
  const sub = (JSON.parse(claims) as { sub?: string }).sub ?? '';
  await c.query(
    `select set_config('role', $1, true), set_config('realtime.topic', $2, true), set_config('request.jwt.claims', $3, true),
            set_config('request.jwt.claim.sub', $4, true), set_config('request.jwt.claim.role', $1, true)`,
    [role, topic, claims, sub],
  );
}

export async function readPolicies(
  pool: pg.Pool,
  role: string,
  claims: string,
  topic: string,
): Promise<Record<Extension, boolean>> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    const ids = { broadcast: crypto.randomUUID(), presence: crypto.randomUUID() };
    await c.query(
      `insert into realtime.messages (id, topic, extension, private) values ($1, $3, 'broadcast', true), ($2, $3, 'presence', true)`,
      [ids.broadcast, ids.presence, topic],
    );
    await asSubscriber(c, role, claims, topic);
    let seen = new Set<string>();
    try {
      const { rows } = await c.query<{ id: string }>(`select id from realtime.messages where id = any ($1::uuid[])`, [
        [ids.broadcast, ids.presence],
      ]);
      seen = new Set(rows.map((r) => r.id));
    } catch {
      // no privilege on realtime.messages for this role: nothing may be read
    }
    return { broadcast: seen.has(ids.broadcast), presence: seen.has(ids.presence) };
  } finally {
    await c.query('rollback').catch(() => {});
    c.release();
  }
}

export async function mayWrite(
  pool: pg.Pool,
  role: string,
  claims: string,
  topic: string,
  extension: Extension,
): Promise<boolean> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    await asSubscriber(c, role, claims, topic);
    await c.query(`insert into realtime.messages (topic, extension, private) values ($1, $2, true)`, [
      topic,
      extension,
    ]);
    return true;
  } catch {
    return false;
  } finally {
    await c.query('rollback').catch(() => {});
    c.release();
  }
}
