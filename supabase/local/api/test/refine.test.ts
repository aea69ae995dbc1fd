// The real @refinedev/supabase data provider against the local API: every method, and every
// operator its filter mapping emits (including the ones PostgREST itself rejects).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrudFilter, DataProvider } from '@refinedev/core';
import { dataProvider } from '@refinedev/supabase';
import { startFixture, type Fixture } from './fixture.ts';

let f: Fixture;
let dp: Required<DataProvider>;

beforeAll(async () => {
  f = await startFixture('refine');
  dp = dataProvider(f.client(f.serviceKey));
});
afterAll(() => f?.stop());

async function listIds(filters: CrudFilter[]): Promise<number[]> {
  const { data } = await dp.getList({ resource: 'services', filters, sorters: [{ field: 'id', order: 'asc' }], pagination: { mode: 'off' }, meta: { select: 'id' } });
  return data.map((r) => r.id as number);
}

describe('getList filters (every operator refine maps)', () => {
  it.each<[string, CrudFilter[], number[]]>([
    ['eq', [{ field: 'category_id', operator: 'eq', value: 2 }], [1, 4]],
    ['ne', [{ field: 'category_id', operator: 'ne', value: 2 }], [2, 3]],
    ['lt', [{ field: 'price_cents', operator: 'lt', value: 4000 }], [3]],
    ['gt', [{ field: 'price_cents', operator: 'gt', value: 6000 }], [1]],
    ['lte', [{ field: 'price_cents', operator: 'lte', value: 4000 }], [3, 4]],
    ['gte', [{ field: 'price_cents', operator: 'gte', value: 6000 }], [1, 2]],
    ['in', [{ field: 'id', operator: 'in', value: [2, 3] }], [2, 3]],
    ['ina', [{ field: 'tags', operator: 'ina', value: ['home', 'plumbing'] }], [2]],
    ['nina', [{ field: 'tags', operator: 'nina', value: ['home'] }], [3]],
    ['contains', [{ field: 'title', operator: 'contains', value: 'CLEAN' }], [1, 4]],
    ['ncontains', [{ field: 'title', operator: 'ncontains', value: 'Leak repair' }], [1, 3, 4]],
    ['containss', [{ field: 'title', operator: 'containss', value: 'clean' }], [1, 4]],
    ['ncontainss', [{ field: 'title', operator: 'ncontainss', value: 'Leak repair' }], [1, 3, 4]],
    ['between', [{ field: 'price_cents', operator: 'between', value: [3000, 6000] }], [2, 3, 4]],
    ['null', [{ field: 'description', operator: 'null', value: true }], [4]],
    ['nnull', [{ field: 'description', operator: 'nnull', value: null }], [1, 2, 3]],
    ['startswith', [{ field: 'title', operator: 'startswith', value: 'deep' }], [1]],
    ['endswith', [{ field: 'title', operator: 'endswith', value: 'LESSON' }], [3]],
    [
      'or (with contains, containss, in, eq)',
      [{ operator: 'or', value: [
        { field: 'title', operator: 'contains', value: 'guitar' },
        { field: 'title', operator: 'containss', value: 'Leak' },
        { field: 'id', operator: 'in', value: [1] },
      ] }],
      [1, 2, 3],
    ],
    ['or (ina, gt)', [{ operator: 'or', value: [{ field: 'tags', operator: 'ina', value: ['music'] }, { field: 'price_cents', operator: 'gt', value: 8000 }] }], [1, 3]],
    ['several filters are ANDed', [{ field: 'category_id', operator: 'eq', value: 2 }, { field: 'active', operator: 'eq', value: true }], [1]],
  ])('%s', async (_name, filters, expected) => {
    expect(await listIds(filters)).toEqual(expected);
  });

  // refine passes these through as PostgREST operators it does not have; PostgREST answers 400 PGRST100
  it.each<[string, CrudFilter]>([
    ['nin', { field: 'id', operator: 'nin', value: [1, 2] }],
    ['startswiths', { field: 'title', operator: 'startswiths', value: 'D' }],
    ['nstartswith', { field: 'title', operator: 'nstartswith', value: 'D' }],
    ['nstartswiths', { field: 'title', operator: 'nstartswiths', value: 'D' }],
    ['endswiths', { field: 'title', operator: 'endswiths', value: 'D' }],
    ['nendswith', { field: 'title', operator: 'nendswith', value: 'D' }],
    ['nendswiths', { field: 'title', operator: 'nendswiths', value: 'D' }],
    ['startswith inside or', { operator: 'or', value: [{ field: 'title', operator: 'startswith', value: 'Leak' }] }],
    ['endswith inside or', { operator: 'or', value: [{ field: 'title', operator: 'endswith', value: 'repair' }] }],
  ])('%s is refused like PostgREST does', async (_name, filter) => {
    await expect(listIds([filter])).rejects.toMatchObject({ code: 'PGRST100', statusCode: NaN });
  });

  it('nbetween and and are refused by refine itself', async () => {
    await expect(listIds([{ field: 'id', operator: 'nbetween', value: [1, 2] }])).rejects.toThrow(/not supported/);
    await expect(listIds([{ operator: 'and', value: [] }])).rejects.toThrow(/not supported/);
  });
});

describe('data provider methods', () => {
  it('getList paginates, sorts (also by a related column) and counts', async () => {
    const page = await dp.getList({ resource: 'services', pagination: { currentPage: 2, pageSize: 2 }, sorters: [{ field: 'price_cents', order: 'desc' }] });
    expect(page.total).toBe(4);
    expect(page.data.map((r) => r.id)).toEqual([4, 3]);
    const related = await dp.getList({ resource: 'services', sorters: [{ field: 'categories.name', order: 'asc' }], filters: [{ field: 'id', operator: 'eq', value: 1 }] });
    expect(related.data[0]).toMatchObject({ id: 1, categories: { name: 'Cleaning' } });
    const embedded = await dp.getList({ resource: 'categories', meta: { select: 'name, services(title)', count: 'exact' }, filters: [{ field: 'id', operator: 'eq', value: 3 }] });
    expect(embedded).toEqual({ data: [{ name: 'Plumbing', services: [{ title: 'Leak repair' }] }], total: 1 });
    const schema = await dp.getList({ resource: 'tags', meta: { schema: 'public' }, pagination: { pageSize: 1 } });
    expect(schema.total).toBe(3);
  });

  it('getOne and getMany, also by a custom id column', async () => {
    expect((await dp.getOne({ resource: 'services', id: 2 })).data).toMatchObject({ id: 2, title: 'Leak repair' });
    expect((await dp.getOne({ resource: 'tags', id: 'urgent', meta: { idColumnName: 'name' } })).data).toEqual({ id: 3, name: 'urgent' });
    const many = await dp.getMany({ resource: 'tags', ids: [1, 3], meta: { select: 'name' } });
    expect(many.data).toEqual([{ name: 'eco' }, { name: 'urgent' }]);
  });

  it('create, createMany, update, updateMany, deleteOne, deleteMany', async () => {
    expect((await dp.create({ resource: 'tags', variables: { id: 40, name: 'forty' } })).data).toEqual({ id: 40, name: 'forty' });
    const created = await dp.createMany({ resource: 'tags', variables: [{ id: 41, name: 'a' }, { id: 42, name: 'b' }] });
    expect(created.data).toEqual([{ id: 41, name: 'a' }, { id: 42, name: 'b' }]);
    expect((await dp.update({ resource: 'tags', id: 40, variables: { name: 'FORTY' } })).data).toEqual({ id: 40, name: 'FORTY' });
    const updated = await dp.updateMany({ resource: 'services', ids: [1, 2], variables: { currency: 'USD' }, meta: { select: 'id,currency' } });
    expect(updated.data).toEqual([{ id: 1, currency: 'USD' }, { id: 2, currency: 'USD' }]);
    expect((await dp.deleteOne({ resource: 'tags', id: 40 })).data).toBeUndefined();
    await dp.deleteMany({ resource: 'tags', ids: [41, 42] });
    expect((await dp.getMany({ resource: 'tags', ids: [40, 41, 42] })).data).toEqual([]);
  });

  it('surfaces PostgREST errors as refine HttpErrors', async () => {
    await expect(dp.create({ resource: 'tags', variables: { id: 1, name: 'dup' } })).rejects.toMatchObject({ code: '23505', statusCode: 23505 });
    await expect(dp.getOne({ resource: 'nope', id: 1 })).rejects.toMatchObject({ code: 'PGRST205' });
  });

  it('custom and getApiUrl are not implemented by @refinedev/supabase itself', async () => {
    expect(() => dp.custom({ url: '', method: 'get' })).toThrow(/Not implemented/);
    expect(() => dp.getApiUrl()).toThrow(/Not implemented/);
  });
});
