// PostgREST 12 behaviours a supabase-js client relies on, each named after the behaviour it
// mirrors and sent the way supabase-js sends it (raw fetch only where supabase-js has no call).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { fixtureFile, startFixture, type Fixture } from './fixture.ts';

let f: Fixture;
let svc: SupabaseClient;

beforeAll(async () => {
  f = await startFixture('parity', {}, 'superuser', [fixtureFile('parity-fixture.sql')]);
  svc = f.client(f.serviceKey);
});
afterAll(() => f?.stop());

async function raw(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await fetch(`${f.url}/rest/v1${path}`, {
    ...init,
    headers: {
      apikey: f.serviceKey,
      Authorization: `Bearer ${f.serviceKey}`,
      'Content-Type': 'application/json',
      ...init.headers,
    },
  });
  const text = await res.text();
  const json = (() => {
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      return undefined; // text/csv, GeoJSON's text, plans as text
    }
  })();
  return { status: res.status, headers: res.headers, text, json };
}

describe('upserts (PostgREST #1070: 201 when a row was inserted, 200 when every row merged)', () => {
  it('answers 201 for an upsert that inserts and 200 for one that only merges, with or without a body', async () => {
    const inserted = await svc.from('members').upsert({ id: 3, email: 'cat@example.com', name: 'Cat' }).select();
    expect(inserted.status).toBe(201);
    expect(inserted.data).toEqual([{ id: 3, email: 'cat@example.com', name: 'Cat', plan: 'free' }]);
    const merged = await svc
      .from('members')
      .upsert({ id: 3, email: 'cat@example.com', name: 'Catherine' })
      .select('name');
    expect(merged.status).toBe(200);
    expect(merged.data).toEqual([{ name: 'Catherine' }]);
    const quietMerge = await svc.from('members').upsert({ id: 3, email: 'cat@example.com', name: 'Cath' });
    expect(quietMerge.status).toBe(200);
    const mixed = await svc.from('members').upsert([
      { id: 3, email: 'cat@example.com', name: 'Cat' },
      { id: 4, email: 'dan@example.com', name: 'Dan' },
    ]);
    expect(mixed.status).toBe(201);
    // ignore-duplicates is always 201, as PostgREST does not count it
    const ignored = await svc
      .from('members')
      .upsert({ id: 3, email: 'cat@example.com', name: 'ignored' }, { ignoreDuplicates: true });
    expect(ignored.status).toBe(201);
  });

  it('merges on a unique column that is not the primary key (on_conflict)', async () => {
    const res = await svc
      .from('members')
      .upsert({ email: 'ann@example.com', name: 'Ann B.', plan: 'pro' }, { onConflict: 'email' })
      .select('id,email,name,plan');
    expect(res.error).toBeNull();
    expect(res.status).toBe(200);
    expect(res.data).toEqual([{ id: 1, email: 'ann@example.com', name: 'Ann B.', plan: 'pro' }]);
    const fresh = await svc
      .from('members')
      .upsert({ email: 'eve@example.com', name: 'Eve' }, { onConflict: 'email' })
      .select('id,email');
    expect(fresh.status).toBe(201);
    // the merge above drew a sequence value too, as PostgreSQL's INSERT … ON CONFLICT does
    expect(fresh.data).toEqual([{ id: expect.any(Number), email: 'eve@example.com' }]);
    expect(fresh.data![0].id).toBeGreaterThan(10);
    const wrongColumn = await svc.from('members').upsert({ email: 'x@example.com', name: 'X' }, { onConflict: 'nope' });
    expect(wrongColumn.error?.code).toBe('PGRST204');
  });

  it('fills missing columns from their defaults with Prefer: missing=default, else with null', async () => {
    const withDefaults = await svc
      .from('members')
      .insert(
        [
          { email: 'f1@example.com', name: 'F1', plan: 'pro' },
          { email: 'f2@example.com', name: 'F2' },
        ],
        { defaultToNull: false },
      )
      .select('email,plan');
    expect(withDefaults.data).toEqual([
      { email: 'f1@example.com', plan: 'pro' },
      { email: 'f2@example.com', plan: 'free' },
    ]);
    // without it a missing key is null, which the NOT NULL column refuses
    const withNulls = await svc.from('members').insert([
      { email: 'g1@example.com', name: 'G1', plan: 'pro' },
      { email: 'g2@example.com', name: 'G2' },
    ]);
    expect(withNulls.error?.code).toBe('23502');
    expect(await f.sql(`select email from public.members where email like 'g_@example.com'`)).toEqual([]);
  });

  it('counts the rows a write touched (Content-Range */n for inserts, 0-(n-1)/n for updates and deletes)', async () => {
    const ins = await svc.from('queue_items').insert(
      [
        { id: 100, label: 'a', rank: 9 },
        { id: 101, label: 'b', rank: 9 },
      ],
      { count: 'exact' },
    );
    expect(ins.count).toBe(2);
    const upd = await raw('/queue_items?rank=eq.9', {
      method: 'PATCH',
      body: '{"done":true}',
      headers: { Prefer: 'count=exact' },
    });
    expect(upd.status).toBe(204);
    expect(upd.headers.get('content-range')).toBe('0-1/2');
    const updSdk = await svc.from('queue_items').update({ done: false }, { count: 'exact' }).eq('rank', 9).select('id');
    expect(updSdk.count).toBe(2);
    const del = await svc.from('queue_items').delete({ count: 'exact' }).eq('rank', 9);
    expect(del.count).toBe(2);
    const none = await raw('/queue_items?rank=eq.9', { method: 'DELETE', headers: { Prefer: 'count=exact' } });
    expect(none.headers.get('content-range')).toBe('*/0');
  });
});

describe('PUT (single-row upsert by primary key)', () => {
  it('inserts (201) then replaces (200), 204 without a representation', async () => {
    const created = await raw('/members?id=eq.20', {
      method: 'PUT',
      body: JSON.stringify({ id: 20, email: 'put@example.com', name: 'Put' }),
      headers: { Prefer: 'return=representation' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual([{ id: 20, email: 'put@example.com', name: 'Put', plan: 'free' }]);
    const replaced = await raw('/members?id=eq.20', {
      method: 'PUT',
      body: JSON.stringify({ id: 20, email: 'put@example.com', name: 'Put 2', plan: 'pro' }),
      headers: { Prefer: 'return=representation' },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toEqual([{ id: 20, email: 'put@example.com', name: 'Put 2', plan: 'pro' }]);
    const quiet = await raw('/members?id=eq.20', {
      method: 'PUT',
      body: JSON.stringify({ id: 20, email: 'put@example.com', name: 'Put 3' }),
    });
    expect(quiet.status).toBe(204);
    expect(await f.sql('select name, plan from public.members where id = 20')).toEqual([
      { name: 'Put 3', plan: 'pro' },
    ]);
  });

  it('refuses filters other than eq on every key column (405 PGRST105), a key the body contradicts (PGRST115) and limits (PGRST114)', async () => {
    const body = JSON.stringify({ id: 21, email: 'p21@example.com', name: 'P' });
    const notKey = await raw('/members?email=eq.p21@example.com', { method: 'PUT', body });
    expect(notKey.status).toBe(405);
    expect(notKey.json).toEqual({
      code: 'PGRST105',
      message: "Filters must include all and only primary key columns with 'eq' operators",
      details: null,
      hint: null,
    });
    expect((await raw('/members?id=gt.20', { method: 'PUT', body })).json.code).toBe('PGRST105');
    expect((await raw('/members?id=eq.21&name=eq.P', { method: 'PUT', body })).json.code).toBe('PGRST105');
    const mismatch = await raw('/members?id=eq.22', { method: 'PUT', body });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json).toMatchObject({
      code: 'PGRST115',
      message: 'Payload values do not match URL in primary key column(s)',
    });
    const limited = await raw('/members?id=eq.21&limit=1', { method: 'PUT', body });
    expect(limited.json).toMatchObject({
      code: 'PGRST114',
      message: 'limit/offset querystring parameters are not allowed for PUT',
    });
    expect(await f.sql('select id from public.members where id in (21, 22)')).toEqual([]);
  });
});

describe('limited PATCH and DELETE (PostgREST 12: order + limit/offset)', () => {
  it('changes only the first rows in the order asked', async () => {
    const upd = await svc
      .from('queue_items')
      .update({ done: true })
      .eq('done', false)
      .order('id')
      .limit(2)
      .select('id');
    expect(upd.error).toBeNull();
    expect(upd.data).toEqual([{ id: 1 }, { id: 2 }]);
    const paged = await raw('/queue_items?done=is.false&order=id.desc&limit=1&offset=1', {
      method: 'PATCH',
      body: '{"label":"second last"}',
      headers: { Prefer: 'return=representation' },
    });
    expect(paged.json).toEqual([{ id: 5, label: 'second last', done: false, rank: 2 }]);
    const del = await svc
      .from('queue_items')
      .delete()
      .eq('done', true)
      .order('id', { ascending: false })
      .limit(1)
      .select('id');
    expect(del.data).toEqual([{ id: 2 }]);
    expect(await f.sql('select id from public.queue_items where id <= 6 order by id')).toEqual(
      [1, 3, 4, 5, 6].map((id) => ({ id })),
    );
  });

  it('refuses a limit without an order (PGRST109) and an order that is not unique (PGRST110, rolled back)', async () => {
    const noOrder = await raw('/queue_items?id=gt.0&limit=1', { method: 'DELETE' });
    expect(noOrder.status).toBe(400);
    expect(noOrder.json).toEqual({
      code: 'PGRST109',
      message: "A 'limit' was applied without an explicit 'order'",
      details: null,
      hint: "Apply an 'order' using unique column(s)",
    });
    const notUnique = await raw('/queue_items?id=gt.0&order=rank&limit=1', {
      method: 'PATCH',
      body: '{"label":"many"}',
    });
    expect(notUnique.status).toBe(400);
    expect(notUnique.json).toMatchObject({
      code: 'PGRST110',
      message: 'The maximum number of rows allowed to change was surpassed',
    });
    expect(notUnique.json.details).toMatch(/^Results contain [2-9] rows changed but the maximum number allowed is 1$/);
    expect(await f.sql(`select id from public.queue_items where label = 'many'`)).toEqual([]);
  });
});
