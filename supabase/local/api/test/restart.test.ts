// A real PostgreSQL restart under a running API: requests in the gap get 503, and once the
// database is back the same server answers again — no API restart. Uses its own throwaway
// cluster so the shared test cluster is never stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUrl, makeInstance } from '../../config.ts';
import * as cluster from '../../cluster.ts';
import { withClient } from '../../database.ts';
import { bootstrapFile, runSqlFile } from '../../migrate.ts';
import { localKeys } from '../keys.ts';
import { startApi, type ApiServer } from '../server.ts';

const inst = makeInstance(`api-restart-${process.pid}`, 24346, 24347);
const { anonKey } = localKeys();
let api: ApiServer;

const getNotes = () =>
  fetch(`${api.url}/rest/v1/notes?select=body`, { headers: { apikey: anonKey, authorization: `Bearer ${anonKey}` } });

beforeAll(async () => {
  await cluster.start(inst);
  await withClient(dbUrl(inst), async (c) => {
    await runSqlFile(c, bootstrapFile);
    await c.query(`create table public.notes (id int primary key, body text not null);
                   insert into public.notes values (1, 'still here');
                   grant select on public.notes to anon;`);
  });
  api = await startApi({ dbUrl: dbUrl(inst, 'postgres', 'authenticator', 'postgres'), port: 0, host: '127.0.0.1', log: () => {} });
}, 60_000);

afterAll(async () => {
  await api?.close();
  cluster.destroy(inst);
});

describe('database restart mid-run', () => {
  it('serves, answers 503 while the database is down, then recovers by itself', async () => {
    const before = await getNotes();
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual([{ body: 'still here' }]);

    cluster.stop(inst);
    const down = await getNotes();
    expect(down.status).toBe(503);
    const body = await down.json();
    expect(body).toMatchObject({ code: expect.stringMatching(/^PGRST/), message: expect.any(String) });

    await cluster.start(inst);
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await getNotes()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect(await (await getNotes()).json()).toEqual([{ body: 'still here' }]);
  }, 60_000);
});
