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

describe('embedding', () => {
  it('an embed with no columns filters without appearing (users())', async () => {
    const inner = await svc.from('categories').select('name, services!inner()').eq('services.title', 'Leak repair');
    expect(inner.error).toBeNull();
    expect(inner.data).toEqual([{ name: 'Plumbing' }]);
    const plain = await svc.from('categories').select('name, services()').eq('id', 4);
    expect(plain.data).toEqual([{ name: 'Lessons' }]);
    const withAny = await svc.from('categories').select('name, services()').not('services', 'is', null).order('id');
    expect(withAny.data).toEqual([{ name: 'Cleaning' }, { name: 'Plumbing' }, { name: 'Lessons' }]);
  });

  // Plan.hs findRel: in a self-relationship the referencing column (as target) is the many-to-one
  // side; the table name is the one-to-many side, told apart by the referencing column as hint;
  // a constraint name is no hint for a self-relationship
  it('chooses self-referencing relationships as PostgREST 12 does', async () => {
    const managers = await svc.from('staff').select('name, manager_id(name), mentor_id(name)').eq('id', 3).single();
    expect(managers.data).toEqual({ name: 'Fay', manager_id: { name: 'Dana' }, mentor_id: { name: 'Eli' } });
    const reports = await svc
      .from('staff')
      .select('name, reports:staff!manager_id(name), mentees:staff!mentor_id(name)')
      .eq('id', 1)
      .single();
    expect(reports.data).toEqual({ name: 'Dana', reports: [{ name: 'Eli' }, { name: 'Fay' }], mentees: [] });

    const ambiguous = await svc.from('staff').select('name, staff(name)');
    expect(ambiguous.status).toBe(300);
    expect(ambiguous.error).toEqual({
      code: 'PGRST201',
      message: "Could not embed because more than one relationship was found for 'staff' and 'staff'",
      details: [
        {
          cardinality: 'one-to-many',
          embedding: 'staff with staff',
          relationship: 'staff_manager_fk using staff(id) and staff(manager_id)',
        },
        {
          cardinality: 'one-to-many',
          embedding: 'staff with staff',
          relationship: 'staff_mentor_fk using staff(id) and staff(mentor_id)',
        },
      ],
      hint: "Try changing 'staff' to one of the following: 'staff!staff_manager_fk', 'staff!staff_mentor_fk'. Find the desired relationship in the 'details' key.",
    });
    const byConstraint = await svc.from('staff').select('name, staff!staff_manager_fk(name)');
    expect(byConstraint.status).toBe(400);
    expect(byConstraint.error).toEqual({
      code: 'PGRST200',
      message: "Could not find a relationship between 'staff' and 'staff' in the schema cache",
      details:
        "Searched for a foreign key relationship between 'staff' and 'staff' using the hint 'staff_manager_fk' in the schema 'public', but no matches were found.",
      hint: null,
    });
  });

  it('answers PGRST201 with every many-to-one and one-to-many candidate, and takes a constraint or column hint', async () => {
    // services → profiles directly, and through bookings is not a junction (its key is its own id)
    const twoWays = await svc
      .from('profiles')
      .select('name, services(title), bookings(note)')
      .eq('name', 'Alice')
      .single();
    expect(twoWays.data).toEqual({ name: 'Alice', services: [], bookings: [{ note: 'alice 1' }, { note: 'alice 2' }] });
    const byConstraint = await svc
      .from('services')
      .select('title, profiles!services_provider_id_fkey(name)')
      .eq('id', 1)
      .single();
    expect(byConstraint.data).toEqual({ title: 'Deep cleaning', profiles: { name: 'Carol' } });
    const byColumn = await svc.from('services').select('title, profiles!provider_id(name)').eq('id', 1).single();
    expect(byColumn.data).toEqual({ title: 'Deep cleaning', profiles: { name: 'Carol' } });
    const badHint = await svc.from('services').select('title, profiles!nope(name)');
    expect(badHint.error?.details).toBe(
      "Searched for a foreign key relationship between 'services' and 'profiles' using the hint 'nope' in the schema 'public', but no matches were found.",
    );
    const noHint = await svc.from('services').select('title, nothing(name)');
    expect(noHint.error?.details).toBe(
      "Searched for a foreign key relationship between 'services' and 'nothing' in the schema 'public', but no matches were found.",
    );
    // Error.hs noRelBetweenHint: a near name among the tables services relates to (FuzzySet's 0.33)
    expect(noHint.error?.hint).toBe("Perhaps you meant 'bookings' instead of 'nothing'.");
    expect((await svc.from('services').select('title, zzz(name)')).error?.hint).toBeNull();
    const typo = await svc.from('services').select('title, categorys(name)');
    expect(typo.error?.hint).toBe("Perhaps you meant 'categories' instead of 'categorys'.");
    // a table related to nothing: a near name among the related tables, for the table itself
    const lonely = await svc.from('secret_notes').select('id, services(title)');
    expect(lonely.error?.hint).toBe("Perhaps you meant 'services' instead of 'secret_notes'.");
  });

  it('embeds through views that show the key columns, both ways and over views of views', async () => {
    const cards = await svc
      .from('service_cards')
      .select('title, categories(name), profiles(name)')
      .eq('id', 2)
      .single();
    expect(cards.error).toBeNull();
    expect(cards.data).toEqual({ title: 'Leak repair', categories: { name: 'Plumbing' }, profiles: { name: 'Carol' } });
    const byColumn = await svc.from('service_cards').select('title, category(name)').eq('id', 2).single();
    expect(byColumn.data).toEqual({ title: 'Leak repair', category: { name: 'Plumbing' } });
    const back = await svc.from('categories').select('name, service_cards(title)').eq('id', 2).single();
    expect(back.data).toEqual({ name: 'Cleaning', service_cards: [{ title: 'Deep cleaning' }] });
    const viewToView = await svc.from('service_cards').select('title, category_names(name)').eq('id', 3).single();
    expect(viewToView.data).toEqual({ title: 'Guitar lesson', category_names: { name: 'Lessons' } });
    const viewOfView = await svc.from('cheap_cards').select('title, categories(name)').order('id');
    expect(viewOfView.data).toEqual([{ title: 'Guitar lesson', categories: { name: 'Lessons' } }]);
  });

  it('spreads a to-one embed into its parent (...rel(cols)) and refuses a to-many spread (PGRST119)', async () => {
    const spread = await svc
      .from('services')
      .select('title, ...categories(category:name, ...categories!parent_id(name))')
      .eq('id', 1);
    // categories!parent_id on categories is the one-to-many side, which cannot be spread
    expect(spread.error).toMatchObject({
      code: 'PGRST119',
      message: "A spread operation on 'categories' is not possible",
    });
    const ok = await svc
      .from('services')
      .select('id, title, ...categories(category:name, parent_id)')
      .lte('id', 2)
      .order('id');
    expect(ok.error).toBeNull();
    expect(ok.data).toEqual([
      { id: 1, title: 'Deep cleaning', category: 'Cleaning', parent_id: 1 },
      { id: 2, title: 'Leak repair', category: 'Plumbing', parent_id: 1 },
    ]);
    const nested = await svc
      .from('bookings')
      .select('note, ...services(title, ...profiles(provider:name))')
      .eq('note', 'alice 1')
      .single();
    expect(nested.data).toEqual({ note: 'alice 1', title: 'Deep cleaning', provider: 'Carol' });
    const toMany = await svc.from('categories').select('name, ...services(title)');
    expect(toMany.status).toBe(400);
    expect(toMany.error).toEqual({
      code: 'PGRST119',
      message: "A spread operation on 'services' is not possible",
      details: "'categories' and 'services' do not form a many-to-one or one-to-one relationship",
      hint: null,
    });
  });

  it('embeds computed relationships: functions of a row, to-one with ROWS 1 or a single row', async () => {
    const res = await svc
      .from('services')
      .select('title, provider(name), category_of(name), cheaper_services(title)')
      .eq('id', 2)
      .single();
    expect(res.error).toBeNull();
    expect(res.data).toEqual({
      title: 'Leak repair',
      provider: { name: 'Carol' },
      category_of: { name: 'Plumbing' },
      cheaper_services: [{ title: 'Guitar lesson' }, { title: 'Window cleaning' }],
    });
    const filtered = await svc
      .from('services')
      .select('title, cheaper_services!inner(title)')
      .eq('cheaper_services.title', 'Guitar lesson')
      .order('id');
    expect(filtered.data?.map((s) => s.title)).toEqual(['Deep cleaning', 'Leak repair', 'Window cleaning']);
  });
});

describe('aggregates (db-aggregates-enabled)', () => {
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the configuration was not reloaded');
  };

  it('refuses aggregates until the database enables them (PGRST123), then counts, sums and groups under RLS', async () => {
    const refused = await svc.from('bookings').select('amount_cents.sum()');
    expect(refused.status).toBe(400);
    expect(refused.error).toEqual({
      code: 'PGRST123',
      message: 'Use of aggregate functions is not allowed',
      details: null,
      hint: null,
    });

    // as on a hosted project: the authenticator's in-database configuration, then a reload
    await f.sql(`alter role authenticator in database ${f.database} set pgrst.db_aggregates_enabled = 'true'`);
    await f.sql(`notify pgrst, 'reload config'`);
    await until(async () => (await svc.from('bookings').select('amount_cents.sum()')).error === null);

    const totals = await svc
      .from('bookings')
      .select('total:amount_cents.sum(), count(), amount_cents.avg()::int, amount_cents.min(), amount_cents.max()');
    expect(totals.data).toEqual([{ total: 18000, count: 3, avg: 6000, min: 3000, max: 9000 }]);
    const byStatus = await svc.from('bookings').select('status, amount_cents.sum()').order('status');
    expect(byStatus.data).toEqual([
      { status: 'cancelled', sum: 6000 },
      { status: 'confirmed', sum: 9000 },
      { status: 'pending', sum: 3000 },
    ]);
    const byService = await svc.from('bookings').select('amount_cents.sum(), services(title)');
    expect(byService.error).toBeNull();
    expect(
      new Set(byService.data?.map((r) => `${(r.services as unknown as { title: string }).title}=${r.sum}`)),
    ).toEqual(new Set(['Deep cleaning=9000', 'Leak repair=6000', 'Guitar lesson=3000']));
    const inEmbed = await svc.from('profiles').select('name, bookings(count(), amount_cents.sum())').order('name');
    expect(inEmbed.data).toEqual([
      { name: 'Alice', bookings: [{ count: 2, sum: 12000 }] },
      { name: 'Bob', bookings: [{ count: 1, sum: 6000 }] },
      // an aggregate without a group is one row, also over no rows (SQL's and PostgREST's answer)
      { name: 'Carol', bookings: [{ count: 0, sum: null }] },
    ]);
    const alice = await f.signIn('alice@example.com', 'alice-password');
    expect((await alice.from('bookings').select('count(), amount_cents.sum()')).data).toEqual([
      { count: 2, sum: 12000 },
    ]);
    const bad = await svc.from('bookings').select('amount_cents.median()');
    expect(bad.error?.code).toBe('PGRST100');
  });
});

describe('output formats', () => {
  // SqlFragment.hs asCsvF: the first row's keys, then each row as PostgreSQL's record text
  it('writes text/csv exactly as PostgREST (record text: t/f, empty NULL, quoted when needed)', async () => {
    const csv = await svc
      .from('services')
      .select('id,title,active,tags,description,attrs')
      .in('id', [1, 4])
      .order('id')
      .csv();
    expect(csv.error).toBeNull();
    expect(csv.data).toBe(
      'id,title,active,tags,description,attrs\n' +
        '1,"Deep cleaning",t,"{home,cleaning}","Whole flat, windows included","{""eco"": true, ""duration"": 180}"\n' +
        '4,"Window cleaning",f,"{home,cleaning}",,{}',
    );
    // a function's rows and its single row are CSV too
    const fromSet = await svc.rpc('services_by_price', { max_cents: 4000 }).select('id,price_cents').order('id').csv();
    expect(fromSet.data).toBe('id,price_cents\n3,3000\n4,4000');
    const fromRow = await svc.rpc('cheapest_service').select('id,title').csv();
    expect(fromRow.data).toBe('id,title\n3,"Guitar lesson"');
    const none = await raw('/services?select=id&id=eq.999', { headers: { Accept: 'text/csv' } });
    expect(none.status).toBe(200);
    expect(none.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(none.text).toBe('\n');
  });

  it('answers application/geo+json with a FeatureCollection of the rows (PostGIS ST_AsGeoJSON)', async () => {
    const res = await raw('/places?select=id,name,location&order=id', { headers: { Accept: 'application/geo+json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(res.json).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-122.4, 37.8] },
          properties: { id: 1, name: 'Harbor' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-122.41, 37.79] },
          properties: { id: 2, name: 'Market' },
        },
      ],
    });
    const empty = await raw('/places?id=eq.0', { headers: { Accept: 'application/geo+json' } });
    expect(empty.json).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('explains the request (vnd.pgrst.plan) only when db-plan-enabled is on, and never commits an analyzed write', async () => {
    const off = await svc.from('services').select('id').explain();
    expect(off.status).toBe(406);
    expect(off.error?.code).toBe('PGRST107');

    await f.sql(`alter role authenticator in database ${f.database} set pgrst.db_plan_enabled = 'true'`);
    await f.sql(`notify pgrst, 'reload config'`);
    let text = off;
    for (let i = 0; i < 100 && text.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 50));
      text = await svc.from('services').select('id').eq('id', 1).explain();
    }
    expect(text.status).toBe(200);
    expect(String(text.data)).toMatch(/Aggregate/);
    expect(String(text.data)).toMatch(/services/);

    const json = await raw('/services?select=id&id=eq.1', {
      headers: { Accept: 'application/vnd.pgrst.plan+json; for="application/json"; options=analyze|verbose' },
    });
    expect(json.headers.get('content-type')).toBe(
      'application/vnd.pgrst.plan+json; for="application/json"; options=analyze|verbose; charset=utf-8',
    );
    expect(json.json[0].Plan['Node Type']).toBe('Aggregate');
    expect(json.json[0]['Execution Time']).toEqual(expect.any(Number));
    const sdk = await svc.from('services').select('id').explain({ format: 'json', analyze: true });
    expect((sdk.data as unknown as { Plan: unknown }[])[0].Plan).toBeDefined();

    const write = await svc
      .from('members')
      .insert({ email: 'plan@example.com', name: 'Plan' })
      .explain({ analyze: true });
    expect(write.status).toBe(200);
    expect(String(write.data)).toMatch(/Insert on members/);
    expect(await f.sql(`select id from public.members where email = 'plan@example.com'`)).toEqual([]);
  });
});

describe('the OpenAPI document at /rest/v1/ (Response/OpenAPI.hs)', () => {
  const doc = async (key: string) => {
    const res = await fetch(`${f.url}/rest/v1/`, { headers: { apikey: key, Authorization: `Bearer ${key}` } });
    const text = await res.text();
    // JSON.parse's any: each assertion reads the part of the document it checks
    return { status: res.status, type: res.headers.get('content-type'), body: JSON.parse(text) };
  };

  it('describes tables, columns, shared parameters and functions as PostgREST 12 does', async () => {
    const res = await doc(f.anonKey);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/openapi+json; charset=utf-8');
    const d = res.body;
    expect(d).toMatchObject({
      swagger: '2.0',
      basePath: '/rest/v1/',
      schemes: ['http'],
      info: { title: 'standard public schema' },
    });
    expect(d.definitions.plans).toEqual({
      description: 'Plans members pay for\nOne row per plan.',
      required: ['id', 'member_id', 'label', 'perks'],
      type: 'object',
      properties: {
        id: { description: 'Note:\nThis is a Primary Key.<pk/>', format: 'integer', type: 'integer' },
        member_id: {
          description: "Note:\nThis is a Foreign Key to `members.id`.<fk table='members' column='id'/>",
          format: 'integer',
          type: 'integer',
        },
        label: {
          default: 'starter',
          description: 'What the invoice says',
          format: 'character varying',
          maxLength: 20,
          type: 'string',
        },
        // format_type's name as the authenticator's search_path shows it
        tier: { enum: ['basic', 'gold'], format: 'member_tier', type: 'string' },
        // parseDefault reads only string columns' defaults, and '{}'::text[] is no JSON
        perks: { format: 'text[]', items: { type: 'string' }, type: 'array' },
        price: { format: 'numeric', type: 'number' },
      },
    });
    expect(d.paths['/plans'].get).toMatchObject({
      tags: ['plans'],
      summary: 'Plans members pay for',
      description: 'One row per plan.',
    });
    expect(d.paths['/plans'].get.parameters).toContainEqual({ $ref: '#/parameters/rowFilter.plans.label' });
    expect(Object.keys(d.paths['/plans'])).toEqual(['get', 'post', 'patch', 'delete']);
    expect(d.parameters['rowFilter.plans.label']).toEqual({
      name: 'label',
      description: 'What the invoice says',
      required: false,
      in: 'query',
      type: 'string',
    });
    expect(d.parameters.rangeUnit).toEqual({
      name: 'Range-Unit',
      description: 'Limiting and Pagination',
      required: false,
      in: 'header',
      type: 'string',
      default: 'items',
    });
    expect(d.paths['/rpc/add'].get).toMatchObject({
      summary: 'Adds two numbers',
      parameters: [
        { name: 'a', required: true, in: 'query', format: 'integer', type: 'integer' },
        { name: 'b', required: false, in: 'query', format: 'integer', type: 'integer' },
      ],
    });
    expect(d.paths['/rpc/add'].post.parameters[0].schema).toEqual({
      type: 'object',
      required: ['a'],
      description: 'Adds two numbers',
      properties: { a: { format: 'integer', type: 'integer' }, b: { format: 'integer', type: 'integer' } },
    });
  });

  it('follows the caller’s privileges, or ignores them, or is disabled (PGRST126), by openapi-mode', async () => {
    expect(Object.keys((await doc(f.anonKey)).body.paths)).not.toContain('/secret_notes');
    expect(Object.keys((await doc(f.serviceKey)).body.paths)).toContain('/secret_notes');
    const setMode = async (mode: string, expectOk: (r: Awaited<ReturnType<typeof doc>>) => boolean) => {
      await f.sql(`alter role authenticator in database ${f.database} set pgrst.openapi_mode = '${mode}'`);
      await f.sql(`notify pgrst, 'reload config'`);
      for (let i = 0; i < 100; i++) {
        const r = await doc(f.anonKey);
        if (expectOk(r)) return r;
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error(`openapi-mode ${mode} was not applied`);
    };
    await setMode('ignore-privileges', (r) => r.status === 200 && '/secret_notes' in r.body.paths);
    // openapi-security-active declares the JWT bearer scheme
    expect((await doc(f.anonKey)).body.securityDefinitions).toBeUndefined();
    await f.sql(`alter role authenticator in database ${f.database} set pgrst.openapi_security_active = 'true'`);
    const secured = await setMode('ignore-privileges', (r) => r.status === 200 && 'securityDefinitions' in r.body);
    expect(secured.body.securityDefinitions).toEqual({
      JWT: {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'Add the token prepending "Bearer " (without quotes) to it',
      },
    });
    expect(secured.body.security).toEqual([{ JWT: [] }]);
    const disabled = await setMode('disabled', (r) => r.status === 404);
    expect(disabled.body).toEqual({
      code: 'PGRST126',
      message: 'Root endpoint metadata is disabled',
      details: null,
      hint: null,
    });
    await f.sql(`alter role authenticator in database ${f.database} reset pgrst.openapi_mode`);
    await f.sql(`notify pgrst, 'reload config'`);
  });
});

describe('Prefer: timezone and params=single-object (PostgREST 12)', () => {
  it('runs the request in the time zone asked for, when PostgreSQL knows it', async () => {
    const la = await raw('/rpc/current_tz', {
      method: 'POST',
      body: '{}',
      headers: { Prefer: 'timezone=America/Los_Angeles' },
    });
    expect(la.json).toBe('America/Los_Angeles');
    expect(la.headers.get('preference-applied')).toBe('timezone=America/Los_Angeles');
    const times = await raw('/bookings?select=slot&note=eq.alice%201', { headers: { Prefer: 'timezone=Asia/Tokyo' } });
    expect(times.json).toEqual([{ slot: '["2030-01-01 19:00:00+09","2030-01-01 22:00:00+09")' }]);
    const unknown = await raw('/rpc/current_tz', {
      method: 'POST',
      body: '{}',
      headers: { Prefer: 'timezone=Mars/Olympus' },
    });
    expect(unknown.status).toBe(200);
    expect(unknown.json).not.toBe('Mars/Olympus');
    expect(unknown.headers.get('preference-applied')).toBeNull();
    const strict = await raw('/rpc/current_tz', {
      method: 'POST',
      body: '{}',
      headers: { Prefer: 'handling=strict, timezone=Mars/Olympus' },
    });
    expect(strict.status).toBe(400);
    expect(strict.json).toMatchObject({ code: 'PGRST122', details: 'Invalid preferences: timezone=Mars/Olympus' });
  });

  it('passes the whole body as the one json argument with params=single-object', async () => {
    const body = JSON.stringify({ a: 1.5, b: 2 });
    const single = await raw('/rpc/total_of', { method: 'POST', body, headers: { Prefer: 'params=single-object' } });
    expect(single.status).toBe(200);
    expect(single.json).toBe(3.5);
    const named = await raw('/rpc/total_of', { method: 'POST', body });
    expect(named.status).toBe(404);
    expect(named.json.code).toBe('PGRST202');
  });
});

describe('CSV request bodies (Content-Type: text/csv)', () => {
  it('inserts the rows of a CSV body, NULL as null, and refuses ragged lines (PGRST102)', async () => {
    const csv = 'id,name,manager_id\n10,Gus,NULL\n11,"Hal, Jr",10\n';
    const res = await raw('/staff?select=id,name,manager_id', {
      method: 'POST',
      body: csv,
      headers: { 'Content-Type': 'text/csv', Prefer: 'return=representation' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual([
      { id: 10, name: 'Gus', manager_id: null },
      { id: 11, name: 'Hal, Jr', manager_id: 10 },
    ]);
    const ragged = await raw('/staff', {
      method: 'POST',
      body: 'id,name\n12,Ivy,extra\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(ragged.status).toBe(400);
    expect(ragged.json).toMatchObject({ code: 'PGRST102', message: 'All lines must have same number of fields' });
    const empty = await raw('/staff', { method: 'POST', body: '', headers: { 'Content-Type': 'text/csv' } });
    expect(empty.status).toBe(400);
    expect(empty.json.code).toBe('PGRST102');
    expect(await f.sql('select id from public.staff where id >= 12')).toEqual([]);
  });
});
