// The admin's data path: @refinedev/supabase's dataProvider over a signed-in supabase-js client,
// against the real listings table as operations staff. Every result is checked against the same
// query run directly in SQL (restricted to what RLS lets ops see: all of tenant loconomy's
// listings, plus active listings anywhere).
import type { CrudFilter, CrudSort } from '@refinedev/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, closeStack, PERSONAS, refineDataProvider, sql, TENANT } from '../helpers/stack.ts';

afterAll(closeStack);

type Dp = ReturnType<typeof refineDataProvider>;
let ops: Dp;
let finance: Dp;
let categories: string[];
let since: string;

const OPS_VISIBLE = `(tenant_id = '${TENANT.loconomy}' or (status = 'active' and moderation_status = 'approved' and deleted_at is null))`;

async function idsWhere(where: string, values: unknown[] = [], order = 'id'): Promise<string[]> {
  const rows = await sql<{ id: string }>(`select id from public.listings where ${OPS_VISIBLE} and (${where}) order by ${order}`, values);
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  ops = refineDataProvider(await clientFor('ops'));
  finance = refineDataProvider(await clientFor('finance'));
  categories = (
    await sql<{ id: string }>(
      'select category_id as id from public.listings where category_id is not null group by 1 order by count(*) desc, 1 limit 2',
    )
  ).map((r) => r.id);
  [{ since }] = await sql<{ since: string }>(
    "select (percentile_disc(0.5) within group (order by created_at))::text as since from public.listings where tenant_id = $1",
    [TENANT.loconomy],
  );
});

describe('getList filters match SQL', () => {
  const cases: [string, () => CrudFilter[], () => [string, unknown[]]][] = [
    ['eq status', () => [{ field: 'status', operator: 'eq', value: 'paused' }], () => ["status = 'paused'", []]],
    ['contains title (case-insensitive)', () => [{ field: 'title', operator: 'contains', value: 'PLUMB' }], () => ["title ilike '%plumb%'", []]],
    ['in category ids', () => [{ field: 'category_id', operator: 'in', value: categories }], () => ['category_id = any($1::uuid[])', [categories]]],
    ['gte created_at', () => [{ field: 'created_at', operator: 'gte', value: since }], () => ['created_at >= $1::timestamptz', [since]]],
    [
      'or (flagged moderation, or suspended) and tenant eq',
      () => [
        { operator: 'or', value: [
          { field: 'moderation_status', operator: 'eq', value: 'flagged' },
          { field: 'status', operator: 'eq', value: 'suspended' },
        ] },
        { field: 'tenant_id', operator: 'eq', value: TENANT.loconomy },
      ],
      () => ["(moderation_status = 'flagged' or status = 'suspended') and tenant_id = $1", [TENANT.loconomy]],
    ],
  ];

  it.each(cases)('%s', async (_name, filters, where) => {
    const { data, total } = await ops.getList({
      resource: 'listings',
      filters: filters(),
      sorters: [{ field: 'id', order: 'asc' }],
      pagination: { mode: 'off' },
      meta: { select: 'id' },
    });
    const [w, values] = where();
    const truth = await idsWhere(w, values);
    expect(truth.length).toBeGreaterThan(0);
    expect(data.map((r) => r.id)).toEqual(truth);
    expect(total).toBe(truth.length);
  });
});

describe('getList sorting and pagination', () => {
  it.each<[CrudSort[], string]>([
    [[{ field: 'price_cents', order: 'desc' }, { field: 'id', order: 'asc' }], 'price_cents desc, id'],
    [[{ field: 'title', order: 'asc' }, { field: 'id', order: 'desc' }], 'title collate "C", id desc'],
  ])('sorters %j, page 3 of 25, with the total', async (sorters, order) => {
    const filters: CrudFilter[] = [{ field: 'tenant_id', operator: 'eq', value: TENANT.loconomy }];
    const { data, total } = await ops.getList({
      resource: 'listings',
      filters,
      sorters,
      pagination: { currentPage: 3, pageSize: 25, mode: 'server' },
      meta: { select: 'id' },
    });
    const truth = await idsWhere('tenant_id = $1', [TENANT.loconomy], order);
    expect(total).toBe(truth.length);
    // titles compare under the database's collation, so only check the price ordering exactly
    if (order.startsWith('price')) expect(data.map((r) => r.id)).toEqual(truth.slice(50, 75));
    else expect(data).toHaveLength(25);
  });
});

describe('meta.select embeds through the real foreign keys', () => {
  it('category name and provider (hinted by listings_provider_id_fkey)', async () => {
    const { data } = await ops.getList({
      resource: 'listings',
      filters: [{ field: 'provider_id', operator: 'eq', value: PERSONAS.provider.userId }],
      sorters: [{ field: 'id', order: 'asc' }],
      pagination: { mode: 'off' },
      meta: { select: '*, categories(name), provider:users!listings_provider_id_fkey(full_name)' },
    });
    const truth = await sql<{ id: string; category: string | null }>(
      `select l.id, c.name as category from public.listings l left join public.categories c on c.id = l.category_id
        where l.provider_id = $1 and ${OPS_VISIBLE.replace(/\b(tenant_id|status|moderation_status|deleted_at)\b/g, 'l.$1')}
        order by l.id`,
      [PERSONAS.provider.userId],
    );
    expect(truth.length).toBeGreaterThan(0);
    expect(data.map((r) => r.id)).toEqual(truth.map((t) => t.id));
    for (const [i, row] of data.entries()) {
      expect(row.provider).toEqual({ full_name: 'Pablo Provider' });
      expect(row.categories).toEqual(truth[i].category === null ? null : { name: truth[i].category });
      expect(row).toHaveProperty('price_cents');
    }
  });
});

describe('getOne, getMany, update, deleteOne', () => {
  let ids: string[];
  beforeAll(async () => {
    ids = await idsWhere('tenant_id = $1', [TENANT.loconomy]);
  });

  it('getOne returns the row', async () => {
    const { data } = await ops.getOne({ resource: 'listings', id: ids[0] });
    const [row] = await sql<{ title: string; price_cents: string }>('select title, price_cents::text from public.listings where id = $1', [ids[0]]);
    expect(data).toMatchObject({ id: ids[0], title: row.title, price_cents: Number(row.price_cents) });
  });

  it('getMany returns exactly the asked rows', async () => {
    const want = ids.slice(5, 9);
    const { data } = await ops.getMany({ resource: 'listings', ids: want });
    expect(data.map((r) => r.id).sort()).toEqual([...want].sort());
  });

  it("update changes a listing's title as ops (listings.moderate) and leaves an audit row", async () => {
    const id = ids[1];
    const [{ title }] = await sql<{ title: string }>('select title from public.listings where id = $1', [id]);
    const [{ seq }] = await sql<{ seq: string }>('select coalesce(max(seq), 0)::text as seq from public.audit_logs');
    try {
      const { data } = await ops.update({ resource: 'listings', id, variables: { title: `${title} (edited by ops)` } });
      expect(data).toMatchObject({ id, title: `${title} (edited by ops)` });
      const audit = await sql<{ actor_id: string; action: string; changed_columns: string[]; old: string; new: string }>(
        `select actor_id, action::text, changed_columns, old_data ->> 'title' as old, new_data ->> 'title' as new
           from public.audit_logs where seq > $1 and table_name = 'listings' and record_id = $2`,
        [seq, id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_id: PERSONAS.ops.userId, action: 'update', old: title, new: `${title} (edited by ops)` });
      expect(audit[0].changed_columns).toContain('title');
    } finally {
      await sql('update public.listings set title = $2 where id = $1', [id, title]);
    }
  });

  it('deleteOne is refused for finance (42501) and the listing stays', async () => {
    await expect(finance.deleteOne({ resource: 'listings', id: ids[2] })).rejects.toMatchObject({ code: '42501' });
    expect(await sql('select 1 as one from public.listings where id = $1', [ids[2]])).toEqual([{ one: 1 }]);
  });

  it('update is a no-op for finance (no listings.moderate): RLS hides the row', async () => {
    const [{ title }] = await sql<{ title: string }>('select title from public.listings where id = $1', [ids[3]]);
    await finance.update({ resource: 'listings', id: ids[3], variables: { title: 'finance was here' } }).catch(() => undefined);
    expect(await sql('select title from public.listings where id = $1', [ids[3]])).toEqual([{ title }]);
  });
});
