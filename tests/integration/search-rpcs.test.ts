// The public search RPCs through supabase-js: geographic (verified against ST_Distance in SQL)
// and full-text (a title match outranks a description match).
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { anonClient, clientFor, closeStack, PERSONAS, sql, TENANT } from '../helpers/stack.ts';

const created: string[] = [];
afterAll(async () => {
  if (created.length) await sql('delete from public.listings where id = any($1::uuid[])', [created]);
  await closeStack();
});

interface Nearby {
  id: string;
  distance_m: number;
  title: string;
}

describe('search_listings_nearby', () => {
  // Manhattan; the seed places listings around its 32 real cities
  const lat = 40.7128;
  const lng = -74.006;
  const radius = 15_000;

  it('returns active listings within the radius, nearest first, with ST_Distance distances', async () => {
    const { data, error } = await anonClient().rpc('search_listings_nearby', { lat, lng, radius_m: radius, max_results: 100 });
    expect(error).toBeNull();
    const rows = data as Nearby[];
    const truth = await sql<{ id: string; d: number }>(
      `select l.id, extensions.st_distance(l.location, extensions.st_setsrid(extensions.st_makepoint($2, $1), 4326)::extensions.geography) as d
         from public.listings l
        where l.status = 'active' and l.moderation_status = 'approved' and l.deleted_at is null and l.location is not null
          and extensions.st_distance(l.location, extensions.st_setsrid(extensions.st_makepoint($2, $1), 4326)::extensions.geography) <= $3
        order by d, l.id limit 100`,
      [lat, lng, radius],
    );
    expect(truth.length).toBeGreaterThan(1);
    expect(rows.map((r) => r.id)).toEqual(truth.map((t) => t.id));
    for (const [i, r] of rows.entries()) {
      expect(r.distance_m).toBeCloseTo(truth[i].d, 3);
      expect(r.distance_m).toBeLessThanOrEqual(radius);
      if (i) expect(r.distance_m).toBeGreaterThanOrEqual(rows[i - 1].distance_m);
    }
  });

  it('a smaller radius returns a prefix of the larger one; max_results caps it', async () => {
    const client = await clientFor('customer');
    const wide = (await client.rpc('search_listings_nearby', { lat, lng, radius_m: radius, max_results: 100 })).data as Nearby[];
    const { data } = await client.rpc('search_listings_nearby', { lat, lng, radius_m: radius / 3, max_results: 100 });
    const narrow = data as Nearby[];
    expect(narrow.length).toBeLessThan(wide.length);
    expect(narrow.map((r) => r.id)).toEqual(wide.slice(0, narrow.length).map((r) => r.id));
    const capped = (await client.rpc('search_listings_nearby', { lat, lng, radius_m: radius, max_results: 3 })).data as Nearby[];
    expect(capped.map((r) => r.id)).toEqual(wide.slice(0, 3).map((r) => r.id));
  });

  it('nothing in the middle of the Atlantic', async () => {
    const { data, error } = await anonClient().rpc('search_listings_nearby', { lat: 35, lng: -40, radius_m: 50_000 });
    expect(error).toBeNull();
    expect(data).toEqual([]);
  });
});

describe('search_listings', () => {
  it('ranks a title match above a description match', async () => {
    const word = `zq${randomUUID().replaceAll('-', '').slice(0, 10).replace(/[0-9]/g, 'x')}`;
    const insert = (title: string, description: string) =>
      sql<{ id: string }>(
        `insert into public.listings (tenant_id, provider_id, title, slug, description, price_cents, status, moderation_status, location_type)
         values ($1, $2, $3, $4, $5, 4200, 'active', 'approved', 'remote') returning id`,
        [TENANT.loconomy, PERSONAS.provider.userId, title, `itest-${randomUUID().slice(0, 12)}`, description],
      );
    const [inDescription] = await insert('Handyman visit', `Ask for the ${word} special when you book`);
    created.push(inDescription.id);
    const [inTitle] = await insert(`${word} tune-up`, 'A routine service visit');
    created.push(inTitle.id);

    const { data, error } = await anonClient().rpc('search_listings', { q: word });
    expect(error).toBeNull();
    const rows = data as { id: string; rank: number }[];
    expect(rows.map((r) => r.id)).toEqual([inTitle.id, inDescription.id]);
    expect(rows[0].rank).toBeGreaterThan(rows[1].rank);
  });

  it('finds seeded listings by a title word, best first, only active approved ones', async () => {
    const { data, error } = await anonClient().rpc('search_listings', { q: 'plumbing', max_results: 50 });
    expect(error).toBeNull();
    const rows = data as { id: string; rank: number }[];
    expect(rows.length).toBeGreaterThan(0);
    for (let i = 1; i < rows.length; i++) expect(rows[i].rank).toBeLessThanOrEqual(rows[i - 1].rank);
    const statuses = await sql<{ status: string; moderation_status: string }>(
      'select distinct status::text, moderation_status from public.listings where id = any($1::uuid[])',
      [rows.map((r) => r.id)],
    );
    expect(statuses).toEqual([{ status: 'active', moderation_status: 'approved' }]);
  });
});
