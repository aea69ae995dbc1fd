// /rest/v1 through the real supabase-js client (and raw fetch where headers matter).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startFixture, type Fixture } from './fixture.ts';

let f: Fixture;
const CAROL = '00000000-0000-0000-0000-00000000000c';
let anon: SupabaseClient;
let svc: SupabaseClient;

beforeAll(async () => {
  f = await startFixture('rest');
  anon = f.client();
  svc = f.client(f.serviceKey);
});
afterAll(() => f?.stop());

const ids = (rows: { id: number }[] | null) => (rows ?? []).map((r) => r.id);

async function raw(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await fetch(`${f.url}/rest/v1${path}`, { ...init, headers: { apikey: f.serviceKey, ...init.headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}

describe('select', () => {
  it('reads columns, aliases, casts and json paths', async () => {
    const { data, error } = await anon.from('services').select('id,label:title,price:price_cents::text,duration:attrs->duration,level:attrs->>level').eq('id', 3);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 3, label: 'Guitar lesson', price: '3000', duration: 60, level: 'beginner' }]);
  });

  it('filters with every operator family', async () => {
    const q = () => svc.from('services').select('id').order('id');
    expect(ids((await q().eq('title', 'Leak repair')).data)).toEqual([2]);
    expect(ids((await q().neq('id', 1)).data)).toEqual([2, 3, 4]);
    expect(ids((await q().gt('price_cents', 4000)).data)).toEqual([1, 2]);
    expect(ids((await q().gte('price_cents', 4000)).data)).toEqual([1, 2, 4]);
    expect(ids((await q().lt('price_cents', 4000)).data)).toEqual([3]);
    expect(ids((await q().lte('price_cents', 4000)).data)).toEqual([3, 4]);
    expect(ids((await q().like('title', '%cleaning')).data)).toEqual([1, 4]);
    expect(ids((await q().ilike('title', 'LEAK%')).data)).toEqual([2]);
    expect(ids((await q().match({ category_id: 2, active: true })).data)).toEqual([1]);
    expect(ids((await q().regexMatch('title', '^[DG]')).data)).toEqual([1, 3]);
    expect(ids((await q().regexIMatch('title', '^leak')).data)).toEqual([2]);
    expect(ids((await q().is('description', null)).data)).toEqual([4]);
    expect(ids((await q().not('description', 'is', null)).data)).toEqual([1, 2, 3]);
    expect(ids((await q().is('active', false)).data)).toEqual([4]);
    expect(ids((await q().in('id', [1, 3, 99])).data)).toEqual([1, 3]);
    expect(ids((await q().in('title', ['Leak repair', 'a,b'])).data)).toEqual([2]);
    expect(ids((await q().contains('tags', ['home', 'cleaning'])).data)).toEqual([1, 4]);
    expect(ids((await q().containedBy('tags', ['music', 'other'])).data)).toEqual([3]);
    expect(ids((await q().overlaps('tags', ['music', 'plumbing'])).data)).toEqual([2, 3]);
    expect(ids((await q().contains('attrs', { eco: true })).data)).toEqual([1]);
    expect(ids((await q().textSearch('search', 'guitar')).data)).toEqual([3]);
    expect(ids((await q().textSearch('search', 'fix taps', { type: 'plain', config: 'english' })).data)).toEqual([2]);
    expect(ids((await q().textSearch('search', 'whole flat', { type: 'phrase' })).data)).toEqual([1]);
    expect(ids((await q().textSearch('description', 'guitar -piano', { type: 'websearch', config: 'english' })).data)).toEqual([3]);
    expect(ids((await q().or('price_cents.lt.4000,title.ilike.*leak*')).data)).toEqual([2, 3]);
    expect(ids((await q().or('and(active.is.true,price_cents.gt.8000),id.eq.4')).data)).toEqual([1, 4]);
    expect(ids((await q().likeAnyOf('title', ['Deep%', 'Leak%'])).data)).toEqual([1, 2]);
    expect(ids((await q().filter('id', 'not.in', '(1,2)')).data)).toEqual([3, 4]);
    expect(ids((await q().filter('attrs->>duration', 'eq', '60')).data)).toEqual([2, 3]);
  });

  it('filters ranges', async () => {
    const q = () => svc.from('bookings').select('note').order('note');
    const notes = async (b: ReturnType<typeof q>) => ((await b).data ?? []).map((r) => r.note);
    expect(await notes(q().rangeLt('slot', '[2030-01-02 00:00+00,2030-01-02 01:00+00)'))).toEqual(['alice 1']);
    expect(await notes(q().rangeGt('slot', '[2030-01-02 00:00+00,2030-01-02 12:00+00)'))).toEqual([null]);
    expect(await notes(q().rangeAdjacent('slot', '[2030-01-01 13:00+00,2030-01-01 14:00+00)'))).toEqual(['alice 1']);
    expect(await notes(q().rangeGte('slot', '[2030-01-02 00:00+00,2030-01-02 01:00+00)'))).toEqual(['alice 2', null]);
    expect(await notes(q().rangeLte('slot', '[2030-01-01 00:00+00,2030-01-02 00:00+00)'))).toEqual(['alice 1']);
  });

  it('orders, limits and pages with counts and Content-Range', async () => {
    const page = await svc.from('services').select('id', { count: 'exact' }).order('price_cents', { ascending: false }).range(1, 2);
    expect(page.status).toBe(206);
    expect(page.count).toBe(4);
    expect(ids(page.data)).toEqual([2, 4]);
    const all = await raw('/services?select=id&order=description.desc.nullsfirst,id', { headers: { Prefer: 'count=exact' } });
    expect(all.status).toBe(200);
    expect(all.headers.get('content-range')).toBe('0-3/4');
    expect(all.json.map((r: { id: number }) => r.id)).toEqual([4, 1, 2, 3]);
    const ranged = await raw('/services?select=id&order=id', { headers: { Range: '1-2', Prefer: 'count=exact' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe('1-2/4');
    const empty = await raw('/services?select=id&id=gt.100', { headers: { Prefer: 'count=exact' } });
    expect(empty.headers.get('content-range')).toBe('*/0');
    const beyond = await raw('/services?select=id&offset=10', { headers: { Prefer: 'count=exact' } });
    expect(beyond.status).toBe(416);
    expect(beyond.json.code).toBe('PGRST103');
    const head = await svc.from('services').select('*', { count: 'exact', head: true });
    expect(head.count).toBe(4);
    expect(head.data).toBeNull();
    expect((await svc.from('services').select('id', { count: 'planned' })).count).toBeGreaterThan(0);
    expect((await svc.from('services').select('id', { count: 'estimated' })).count).toBe(4);
  });

  it('embeds many-to-one, one-to-many, many-to-many, nested, with hints, !inner and embedded filters', async () => {
    const { data, error } = await anon
      .from('services')
      .select('id, category:categories(name, parent:parent_id(name)), tags(name), service_tags(tag_id), provider:profiles!services_provider_id_fkey(name)')
      .eq('id', 1)
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({
      id: 1,
      category: { name: 'Cleaning', parent: { name: 'Home' } },
      tags: [{ name: 'eco' }, { name: 'weekend' }],
      service_tags: [{ tag_id: 1 }, { tag_id: 2 }],
      provider: { name: 'Carol' },
    });
    const cats = await svc.from('categories').select('name, services(title)').order('id').order('title', { referencedTable: 'services', ascending: false }).limit(1, { referencedTable: 'services' });
    expect(cats.data?.[1]).toEqual({ name: 'Cleaning', services: [{ title: 'Window cleaning' }] });
    const inner = await svc.from('categories').select('name, services!inner(title)').eq('services.title', 'Leak repair');
    expect(inner.data).toEqual([{ name: 'Plumbing', services: [{ title: 'Leak repair' }] }]);
    const notInner = await svc.from('categories').select('name, services(title)').eq('services.title', 'Leak repair').order('id');
    expect(notInner.data?.map((c) => c.services.length)).toEqual([0, 0, 1, 0]);
    const orderedByParent = await svc.from('services').select('id, categories(name)').order('categories(name)', { ascending: true }).order('id');
    expect(ids(orderedByParent.data)).toEqual([1, 4, 3, 2]);
    const withNull = await svc.from('categories').select('name, parent:parent_id(name)').is('parent', null).order('id');
    expect(withNull.data?.map((c) => c.name)).toEqual(['Home', 'Lessons']);
  });

  it('answers PostgREST errors for bad embeddings', async () => {
    const missing = await anon.from('services').select('id, bookingz(id)');
    expect(missing.error?.code).toBe('PGRST200');
    expect(missing.status).toBe(400);
    // a self-reference by table name is its one-to-many side (PGRST201 for two: rest-parity.test.ts)
    const byTable = await anon.from('categories').select('name, categories(name)').eq('id', 1).single();
    expect(byTable.data).toEqual({ name: 'Home', categories: [{ name: 'Cleaning' }, { name: 'Plumbing' }] });
    const children = await anon.from('categories').select('name, children:categories!parent_id(name)').eq('id', 1).single();
    expect(children.data).toEqual({ name: 'Home', children: [{ name: 'Cleaning' }, { name: 'Plumbing' }] });
    const byConstraint = await anon.from('categories').select('name, children:categories!categories_parent_id_fkey(name)');
    expect(byConstraint.error?.code).toBe('PGRST200');
    const notEmbedded = await anon.from('services').select('id').eq('categories.name', 'x');
    expect(notEmbedded.error?.code).toBe('PGRST108');
  });

  it('reads views, csv, stripped nulls and schema profiles', async () => {
    expect(ids((await anon.from('active_services').select('id').order('id')).data)).toEqual([1, 2, 3]);
    const csv = await anon.from('services').select('id,title').lte('id', 2).order('id').csv();
    expect(csv.data).toBe('id,title\n1,"Deep cleaning"\n2,"Leak repair"');
    const stripped = await raw('/services?select=id,description&id=eq.4', { headers: { Accept: 'application/vnd.pgrst.array+json;nulls=stripped' } });
    expect(stripped.json).toEqual([{ id: 4 }]);
    const badSchema = await raw('/services', { headers: { 'Accept-Profile': 'auth' } });
    expect(badSchema.status).toBe(406);
    expect(badSchema.json.code).toBe('PGRST106');
    const okSchema = await raw('/services?select=id&limit=1', { headers: { 'Accept-Profile': 'public' } });
    expect(okSchema.status).toBe(200);
  });

  // PostgREST 12 (Error.hs, singularityError): 406 PGRST116 "Cannot coerce the result to a single
  // JSON object", details "The result contains N rows", hint null — for reads and for writes,
  // whose changes are then rolled back
  it('single-object responses and PGRST116, as PostgREST 12 words them', async () => {
    const one = await anon.from('services').select('title').eq('id', 2).single();
    expect(one.data).toEqual({ title: 'Leak repair' });
    const none = await anon.from('services').select('title').eq('id', 99).single();
    expect(none.status).toBe(406);
    expect(none.error).toEqual({
      code: 'PGRST116',
      message: 'Cannot coerce the result to a single JSON object',
      details: 'The result contains 0 rows',
      hint: null,
    });
    const many = await anon.from('services').select('title').single();
    expect(many.status).toBe(406);
    expect(many.error).toMatchObject({ message: 'Cannot coerce the result to a single JSON object', details: 'The result contains 3 rows' });
    expect((await anon.from('services').select('title').eq('id', 99).maybeSingle()).data).toBeNull();

    const carol = await f.signIn('carol@example.com', 'carol-password');
    const before = await f.sql<{ n: number }>(`select count(*)::int as n from public.services where provider_id = $1 and price_cents = 4242`, [CAROL]);
    const write = await carol.from('services').update({ price_cents: 4242 }).eq('provider_id', CAROL).select('id').single();
    expect(write.status).toBe(406);
    expect(write.error).toMatchObject({ code: 'PGRST116', message: 'Cannot coerce the result to a single JSON object' });
    expect(write.error?.details).toBe('The result contains 4 rows');
    // the update of several rows was undone
    expect(await f.sql(`select count(*)::int as n from public.services where provider_id = $1 and price_cents = 4242`, [CAROL])).toEqual(before);
  });

  it('maps unknown tables and columns to PostgREST errors', async () => {
    const t = await anon.from('nope').select();
    expect(t.status).toBe(404);
    expect(t.error?.code).toBe('PGRST205');
    const c = await anon.from('services').select('nope');
    expect(c.status).toBe(400);
    expect(c.error?.code).toBe('42703');
    const bad = await raw('/services?id=zz.1');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ code: 'PGRST100', details: expect.any(String), hint: null });
    const badValue = await anon.from('services').select().eq('id', 'abc');
    expect(badValue.error?.code).toBe('22P02');
  });
});

describe('writes', () => {
  it('inserts one, many (columns=), with return=minimal/representation/headers-only', async () => {
    const minimal = await svc.from('tags').insert({ id: 10, name: 'ten' });
    expect(minimal.status).toBe(201);
    expect(minimal.data).toBeNull();
    const rep = await svc.from('tags').insert([{ id: 11, name: 'eleven' }, { id: 12 , name: 'twelve' }]).select();
    expect(rep.data).toEqual([{ id: 11, name: 'eleven' }, { id: 12, name: 'twelve' }]);
    const sparse = await svc.from('categories').insert([{ name: 'A1' }, { name: 'A2', parent_id: 1 }]).select('name,parent_id');
    expect(sparse.data).toEqual([{ name: 'A1', parent_id: null }, { name: 'A2', parent_id: 1 }]);
    const headersOnly = await raw('/tags', { method: 'POST', body: JSON.stringify({ id: 13, name: 'thirteen' }), headers: { Prefer: 'return=headers-only', 'Content-Type': 'application/json' } });
    expect(headersOnly.status).toBe(201);
    expect(headersOnly.headers.get('location')).toBe('/tags?id=eq.13');
    const mismatch = await raw('/tags', { method: 'POST', body: JSON.stringify([{ id: 14 }, { name: 'x' }]), headers: { 'Content-Type': 'application/json' } });
    expect(mismatch.json.code).toBe('PGRST102');
    const unknownCol = await svc.from('tags').insert({ id: 15, nope: 1 });
    expect(unknownCol.error?.code).toBe('PGRST204');
  });

  it('honours missing=default and tx=rollback', async () => {
    const res = await svc
      .from('services')
      .insert([{ provider_id: '00000000-0000-0000-0000-00000000000c', title: 'Defaults' }, { provider_id: '00000000-0000-0000-0000-00000000000c', title: 'Priced', price_cents: 5 }], { defaultToNull: false })
      .select('title,price_cents,currency,active');
    expect(res.data).toEqual([
      { title: 'Defaults', price_cents: 0, currency: 'EUR', active: true },
      { title: 'Priced', price_cents: 5, currency: 'EUR', active: true },
    ]);
    const rolled = await svc.from('tags').insert({ id: 50, name: 'fifty' }).select().rollback();
    expect(rolled.data).toEqual([{ id: 50, name: 'fifty' }]);
    expect((await svc.from('tags').select().eq('id', 50)).data).toEqual([]);
  });

  it('upserts with merge/ignore and on_conflict', async () => {
    const merged = await svc.from('tags').upsert([{ id: 1, name: 'eco!' }, { id: 20, name: 'twenty' }]).select().order('id');
    expect(merged.error).toBeNull();
    expect(merged.data).toEqual([{ id: 1, name: 'eco!' }, { id: 20, name: 'twenty' }]);
    const ignored = await svc.from('tags').upsert({ id: 1, name: 'ignored' }, { ignoreDuplicates: true }).select();
    expect(ignored.data).toEqual([]);
    const byName = await svc.from('tags').upsert({ id: 21, name: 'twenty' }, { onConflict: 'name', ignoreDuplicates: true }).select();
    expect(byName.data).toEqual([]);
    expect((await svc.from('tags').select('name').eq('id', 1).single()).data).toEqual({ name: 'eco!' });
  });

  it('updates and deletes with filters, refuses them without', async () => {
    const upd = await svc.from('tags').update({ name: 'TEN' }).eq('id', 10).select();
    expect(upd.status).toBe(200);
    expect(upd.data).toEqual([{ id: 10, name: 'TEN' }]);
    const quiet = await svc.from('tags').update({ name: 'Ten' }).eq('id', 10);
    expect(quiet.status).toBe(204);
    const all = await svc.from('tags').update({ name: 'x' });
    expect(all.error).toMatchObject({ code: '21000', message: 'UPDATE requires a WHERE clause' });
    const delAll = await svc.from('tags').delete();
    expect(delAll.error).toMatchObject({ code: '21000', message: 'DELETE requires a WHERE clause' });
    const counted = await svc.from('tags').delete({ count: 'exact' }).in('id', [11, 12]);
    expect(counted.count).toBe(2);
    const single = await raw('/services?id=lte.4', { method: 'PATCH', body: '{"currency":"USD"}', headers: { Accept: 'application/vnd.pgrst.object+json', 'Content-Type': 'application/json', Prefer: 'return=representation' } });
    expect(single.status).toBe(406);
    // the PATCH touched 4 rows, so it was rolled back
    expect((await svc.from('services').select('currency').eq('id', 2).single()).data).toEqual({ currency: 'EUR' });
  });

  // PostgREST returns only what the representation reads (the select, the key, embeds' join
  // columns), so a caller may write to a table with a column it cannot read.
  it('writes to a table with an unreadable column when the select names readable ones', async () => {
    const created = await anon.from('hooks').insert({ service_id: 1, url: 'https://example.test/a' }).select('id,url');
    expect(created.error).toBeNull();
    expect(created.data).toEqual([{ id: expect.any(Number), url: 'https://example.test/a' }]);
    const id = created.data![0].id;
    const embedded = await anon.from('hooks').update({ url: 'https://example.test/b' }).eq('id', id).select('url,services(title)');
    expect(embedded.error).toBeNull();
    expect(embedded.data).toEqual([{ url: 'https://example.test/b', services: { title: expect.any(String) } }]);
    const star = await anon.from('hooks').update({ url: 'https://example.test/c' }).eq('id', id).select();
    expect(star.error).toMatchObject({ code: '42501', message: 'permission denied for table hooks' });
    const deleted = await anon.from('hooks').delete().eq('id', id).select('id');
    expect(deleted.data).toEqual([{ id }]);
    expect(await f.sql('select url from public.hooks where id = $1', [id])).toEqual([]);
    const secret = await anon.from('hooks').insert({ service_id: 1, url: 'https://example.test/d' }).select('id,secret');
    expect(secret.error?.code).toBe('42501');
  });

  it('maps constraint errors to 409', async () => {
    const dup = await svc.from('tags').insert({ id: 2, name: 'dup' });
    expect(dup.status).toBe(409);
    expect(dup.error?.code).toBe('23505');
    const fk = await svc.from('service_tags').insert({ service_id: 1, tag_id: 999 });
    expect(fk.status).toBe(409);
    expect(fk.error?.code).toBe('23503');
  });

  it('rejects malformed JSON, wrong content types and huge bodies', async () => {
    const bad = await raw('/tags', { method: 'POST', body: '{"id": 1,', headers: { 'Content-Type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('PGRST102');
    const form = await raw('/tags?select=id,name', { method: 'POST', body: 'id=30&name=form+body', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Prefer: 'return=representation' } });
    expect(form.json).toEqual([{ id: 30, name: 'form body' }]);
    const xml = await raw('/tags', { method: 'POST', body: '<a/>', headers: { 'Content-Type': 'application/xml' } });
    expect(xml.status).toBe(415);
    const huge = await raw('/tags', { method: 'POST', body: JSON.stringify({ id: 1, name: 'x'.repeat(11 * 1024 * 1024) }), headers: { 'Content-Type': 'application/json' } });
    expect(huge.status).toBe(413);
  });
});

describe('rpc', () => {
  it('calls scalar, set and table functions by POST and GET with named args', async () => {
    expect((await anon.rpc('add', { a: 2, b: 3 })).data).toBe(5);
    expect((await anon.rpc('add', { a: 2 })).data).toBe(3);
    expect((await anon.rpc('add', { a: 4, b: 4 }, { get: true })).data).toBe(8);
    expect((await anon.rpc('series', { n: 3 })).data).toEqual([1, 2, 3]);
    expect((await anon.rpc('add_tags', { tags: ['a', 'b', 'c'] })).data).toBe(3);
    expect((await anon.rpc('add_tags', { tags: ['a', 'b'] }, { get: true })).data).toBe(2);
    expect((await anon.rpc('stats')).data).toEqual([{ kind: 'customer', n: 2 }, { kind: 'provider', n: 1 }]);
    expect((await anon.rpc('echo', { any: ['json'] })).data).toEqual({ any: ['json'] });
    const rows = await anon.rpc('services_by_price', { max_cents: 6000 }).select('id, category:categories(name)').lte('id', 4).order('id');
    expect(rows.data).toEqual([{ id: 2, category: { name: 'Plumbing' } }, { id: 3, category: { name: 'Lessons' } }]);
    const filtered = await anon.rpc('services_by_price', { max_cents: 9000 }, { get: true }).gt('price_cents', 5000).lte('id', 4).order('id');
    expect(ids(filtered.data)).toEqual([1, 2]);
    expect((await anon.rpc('cheapest_service').select('title')).data).toEqual({ title: 'Guitar lesson' });
    const counted = await anon.rpc('services_by_price', { max_cents: 9000 }, { count: 'exact' }).lte('id', 4).limit(1);
    expect(counted.count).toBe(3);
    expect(counted.status).toBe(206);
  });

  // PostgREST: Prefer count=exact on a function returning a set counts the function's rows in
  // Content-Range (after the query's filters, before its limit); HEAD (supabase-js head: true)
  // answers the count with no body
  it('counts a set-returning function exactly, with and without a body', async () => {
    const page = await anon.rpc('series', { n: 10 }, { count: 'exact' }).range(2, 4);
    expect(page.data).toEqual([3, 4, 5]);
    expect(page.count).toBe(10);
    expect(page.status).toBe(206);
    const head = await anon.rpc('series', { n: 7 }, { count: 'exact', head: true });
    expect(head.count).toBe(7);
    expect(head.data).toBeNull();
    const filtered = await anon.rpc('services_by_price', { max_cents: 9000 }, { count: 'exact', head: true }).gt('price_cents', 5000).lte('id', 4);
    expect(filtered.count).toBe(2);
    const res = await raw('/rpc/series?n=4', { headers: { Prefer: 'count=exact', Range: '0-1' } });
    expect(res.status).toBe(206);
    expect(res.json).toEqual([1, 2]);
    expect(res.headers.get('content-range')).toBe('0-1/4');
  });

  it('void functions answer 204 and errors map like PostgREST', async () => {
    const v = await svc.rpc('touch_canary');
    expect(v.status).toBe(204);
    const raised = await anon.rpc('fail', { msg: 'nope' });
    expect(raised.status).toBe(400);
    expect(raised.error).toMatchObject({ code: 'P0001', message: 'nope', hint: 'fixture' });
    const missing = await anon.rpc('nope', { x: 1 });
    expect(missing.status).toBe(404);
    expect(missing.error?.code).toBe('PGRST202');
    const wrongArgs = await anon.rpc('add', { z: 1 });
    expect(wrongArgs.error?.code).toBe('PGRST202');
    const teapot = await raw('/rpc/teapot', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(teapot.status).toBe(418);
    expect(teapot.headers.get('x-fixture')).toBe('yes');
  });

  it('GET runs read-only: a writing function fails with 405', async () => {
    const res = await raw('/rpc/touch_canary');
    expect(res.status).toBe(405);
    expect(res.json.code).toBe('25006');
  });
});

describe('request context', () => {
  it('sets role, claims, method, path and the role statement_timeout per transaction', async () => {
    const asAnon = (await anon.rpc('whoami')).data;
    expect(asAnon).toMatchObject({ uid: null, role: 'anon', method: 'POST', path: '/rpc/whoami', timeout: '3s' });
    const alice = await f.signIn('alice@example.com', 'alice-password');
    const asAlice = (await alice.rpc('whoami', {}, { get: true })).data;
    expect(asAlice).toMatchObject({ uid: '00000000-0000-0000-0000-00000000000a', role: 'authenticated', method: 'GET', timeout: '8s' });
    // nothing leaks into the next request on a pooled connection
    expect((await svc.rpc('whoami')).data).toMatchObject({ uid: null, role: 'service_role' });
  });

  it('RLS decides: customers see only their bookings, anon cannot write', async () => {
    const alice = await f.signIn('alice@example.com', 'alice-password');
    const bob = await f.signIn('bob@example.com', 'bob-password');
    expect(((await alice.from('bookings').select('note').order('note')).data ?? []).map((b) => b.note)).toEqual(['alice 1', 'alice 2']);
    expect(((await bob.from('bookings').select('note')).data ?? []).map((b) => b.note)).toEqual([null]);
    expect((await bob.from('bookings').select().eq('id', '10000000-0000-0000-0000-000000000001')).data).toEqual([]);
    const steal = await bob.from('bookings').update({ note: 'mine' }).eq('id', '10000000-0000-0000-0000-000000000001').select();
    expect(steal.data).toEqual([]);
    const forge = await bob.from('bookings').insert({ customer_id: '00000000-0000-0000-0000-00000000000a', service_id: 1, amount_cents: 1 });
    expect(forge.status).toBe(403);
    expect(forge.error?.code).toBe('42501');
    expect((await anon.from('bookings').select()).data).toEqual([]);
    const anonWrite = await anon.from('services').insert({ provider_id: '00000000-0000-0000-0000-00000000000c', title: 'x' });
    expect(anonWrite.status).toBe(401);
    expect(anonWrite.error?.code).toBe('42501');
    const carol = await f.signIn('carol@example.com', 'carol-password');
    expect(((await carol.from('bookings').select('note').order('note')).data ?? []).map((b) => b.note)).toEqual(['alice 1', 'alice 2', null]);
  });

  it('requires an apikey and a valid JWT', async () => {
    const none = await fetch(`${f.url}/rest/v1/services`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ message: 'No API key found in request' });
    const forged = await fetch(`${f.url}/rest/v1/services`, { headers: { apikey: f.anonKey, Authorization: `Bearer ${f.anonKey.slice(0, -2)}xx` } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toMatch(/invalid_token/);
    expect((await forged.json()).code).toBe('PGRST301');
  });

  it('reloads the schema cache on NOTIFY pgrst', async () => {
    await f.sql('create table public.late (id int primary key); grant select on public.late to anon');
    await f.sql(`notify pgrst, 'reload schema'`);
    await expect.poll(async () => (await anon.from('late').select()).status, { timeout: 5000, interval: 100 }).toBe(200);
  });
});
