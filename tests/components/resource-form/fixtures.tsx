import { ShopOutlined } from '@ant-design/icons';
import {
  Refine,
  type AuthProvider,
  type BaseRecord,
  type CrudFilter,
  type DataProvider,
  type ResourceProps,
} from '@refinedev/core';
import routerProvider from '@refinedev/react-router';
import { configure, render } from '@testing-library/react';
import { App as AntdApp } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Routes } from 'react-router';
import { vi } from 'vitest';
import type { StaffPermissions } from '../../../src/resources/permissions';
import { defineResource } from '../../../src/resources/define';
import type { ResourceDef } from '../../../src/resources/types';

// antd renders slowly in jsdom (and CI shares its cores with PostgreSQL): give the
// find*/waitFor queries more than the default second
configure({ asyncUtilTimeout: 5000 });

// A small registry the generic pages are tested against (the real one keeps changing under
// other work): a creatable, soft-deletable, audited listings table with a related table.

export const listingsDef = defineResource({
  name: 'listings',
  label: 'Listings',
  singular: 'Listing',
  group: 'catalog',
  icon: ShopOutlined,
  titleField: 'title',
  audited: true,
  softDelete: 'deleted_at',
  defaultSort: { field: 'created_at', order: 'desc' },
  search: { mode: 'fts', column: 'search_vector' },
  permissions: {
    list: 'listings.read',
    create: 'listings.moderate',
    edit: 'listings.moderate',
    delete: 'listings.moderate',
  },
  fields: [
    { name: 'id', label: 'ID', kind: 'uuid', list: false, form: false },
    { name: 'title', label: 'Title', kind: 'text', list: 'default', required: true, min: 3, max: 200 },
    {
      name: 'slug',
      label: 'Slug',
      kind: 'code',
      required: true,
      pattern: { regex: /^[a-z0-9]+(-[a-z0-9]+)*$/, message: 'Lowercase letters, digits and single hyphens' },
    },
    {
      name: 'category_id',
      label: 'Category',
      kind: 'relation',
      list: 'default',
      relation: { resource: 'categories', labelField: 'name' },
    },
    { name: 'status', label: 'Status', kind: 'enum', enum: 'listing_status', required: true, defaultValue: 'draft' },
    { name: 'price_cents', label: 'Price', kind: 'money', list: 'default', required: true, min: 0 },
    { name: 'currency', label: 'Currency', kind: 'code', required: true, defaultValue: 'USD' },
    { name: 'address', label: 'Address', kind: 'json', help: 'Street, city and postcode as JSON.' },
    { name: 'seo_title', label: 'SEO title', kind: 'text', sensitive: 'finance.read' },
    { name: 'is_featured', label: 'Featured', kind: 'boolean', defaultValue: false },
    { name: 'rating_average', label: 'Rating', kind: 'rating', form: false },
    { name: 'created_at', label: 'Created', kind: 'datetime', form: false },
    { name: 'deleted_at', label: 'Deleted', kind: 'datetime', list: false, form: false },
  ],
  related: [
    { resource: 'bookings', field: 'listing_id', label: 'Bookings' },
    { resource: 'reviews', field: 'listing_id', label: 'Reviews' },
  ],
});

export const bookingsDef = defineResource({
  name: 'bookings',
  label: 'Bookings',
  singular: 'Booking',
  group: 'scheduling',
  icon: ShopOutlined,
  titleField: 'confirmation_code',
  defaultSort: { field: 'created_at', order: 'desc' },
  permissions: { list: 'bookings.read' },
  fields: [
    { name: 'id', label: 'ID', kind: 'uuid', list: false, form: false },
    { name: 'confirmation_code', label: 'Code', kind: 'code', list: 'default' },
    { name: 'status', label: 'Status', kind: 'enum', enum: 'booking_status', list: 'default' },
    { name: 'listing_id', label: 'Listing', kind: 'relation', relation: { resource: 'listings', labelField: 'title' } },
    { name: 'created_at', label: 'Created', kind: 'datetime', form: false },
  ],
});

export const reviewsDef = defineResource({
  name: 'reviews',
  label: 'Reviews',
  singular: 'Review',
  group: 'reviews',
  icon: ShopOutlined,
  titleField: 'title',
  defaultSort: { field: 'created_at', order: 'desc' },
  permissions: { list: 'reviews.moderate' },
  fields: [
    { name: 'id', label: 'ID', kind: 'uuid', list: false, form: false },
    { name: 'title', label: 'Title', kind: 'text', list: 'default' },
  ],
});

export const categoriesDef = defineResource({
  name: 'categories',
  label: 'Categories',
  singular: 'Category',
  group: 'catalog',
  icon: ShopOutlined,
  titleField: 'name',
  global: true,
  defaultSort: { field: 'name', order: 'asc' },
  permissions: {},
  fields: [
    { name: 'id', label: 'ID', kind: 'uuid', list: false, form: false },
    { name: 'name', label: 'Name', kind: 'text', list: 'default' },
  ],
});

export const fixtureResources: Record<string, ResourceDef> = {
  listings: listingsDef as unknown as ResourceDef,
  bookings: bookingsDef as unknown as ResourceDef,
  reviews: reviewsDef as unknown as ResourceDef,
  categories: categoriesDef as unknown as ResourceDef,
};

export function staff(...keys: string[]): StaffPermissions {
  return { keys: new Set(keys), superAdmin: false };
}

export type Rows = Record<string, BaseRecord[]>;

function matches(row: BaseRecord, filter: CrudFilter): boolean {
  if (filter.operator === 'or') return filter.value.some((inner) => matches(row, inner));
  if (filter.operator === 'and') return filter.value.every((inner) => matches(row, inner));
  if (!('field' in filter)) throw new Error('fake data provider: unexpected filter');
  const value = row[filter.field];
  const text = String(filter.value).toLowerCase();
  if (filter.field === 'q')
    return Object.values(row).some((v) => typeof v === 'string' && v.toLowerCase().includes(text));
  if (filter.operator === 'eq') return String(value) === String(filter.value);
  if (filter.operator === 'contains')
    return String(value ?? '')
      .toLowerCase()
      .includes(text);
  throw new Error(`fake data provider: operator ${filter.operator} not supported`);
}

/** An in-memory data provider whose methods are spies, so tests can see what was sent. */
export function fakeDataProvider(initial: Rows) {
  const rows: Rows = structuredClone(initial);
  const table = (resource: string) => (rows[resource] ??= []);
  const provider = {
    getApiUrl: () => 'http://fake',
    getList: vi.fn(async ({ resource, filters = [], sorters = [], pagination }) => {
      let data = table(resource).filter((row) => filters.every((filter: CrudFilter) => matches(row, filter)));
      for (const sorter of [...sorters].reverse()) {
        data = [...data].sort((a, b) => {
          const order = String(a[sorter.field] ?? '').localeCompare(String(b[sorter.field] ?? ''));
          return sorter.order === 'desc' ? -order : order;
        });
      }
      const total = data.length;
      if (pagination?.mode !== 'off') {
        const size = pagination?.pageSize ?? 10;
        const page = pagination?.currentPage ?? 1;
        data = data.slice((page - 1) * size, page * size);
      }
      return { data, total };
    }),
    getOne: vi.fn(async ({ resource, id }) => {
      const row = table(resource).find((r) => String(r.id) === String(id));
      if (!row) throw { message: 'not found', statusCode: 404 };
      return { data: row };
    }),
    getMany: vi.fn(async ({ resource, ids }) => ({
      data: table(resource).filter((r) => ids.map(String).includes(String(r.id))),
    })),
    create: vi.fn(async ({ resource, variables }) => {
      const row = { id: `new-${table(resource).length + 1}`, ...(variables as object) };
      table(resource).push(row);
      return { data: row };
    }),
    update: vi.fn(async ({ resource, id, variables }) => {
      const row = table(resource).find((r) => String(r.id) === String(id));
      if (!row) throw { message: 'not found', statusCode: 404 };
      Object.assign(row, variables);
      return { data: row };
    }),
    deleteOne: vi.fn(async ({ resource, id }) => {
      const index = table(resource).findIndex((r) => String(r.id) === String(id));
      const [row] = table(resource).splice(index, 1);
      return { data: row };
    }),
  };
  return provider as typeof provider & DataProvider;
}

function authProvider(permissions: StaffPermissions): AuthProvider {
  return {
    login: async () => ({ success: true }),
    logout: async () => ({ success: true }),
    check: async () => ({ authenticated: true }),
    onError: async () => ({}),
    getPermissions: async () => permissions,
  };
}

const resources = Object.values(fixtureResources).map((def) => ({
  name: def.name,
  list: `/${def.name}`,
  show: `/${def.name}/show/:id`,
  create: `/${def.name}/create`,
  edit: `/${def.name}/edit/:id`,
}));

/** Renders `routes` inside a real <Refine> (router, antd App, fake data and permissions) at `path`. */
export function renderWithRefine(
  routes: ReactNode,
  {
    path,
    dataProvider,
    permissions,
    resources: refineResources = resources,
  }: { path: string; dataProvider: DataProvider; permissions: StaffPermissions; resources?: ResourceProps[] },
) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AntdApp>
        <Refine
          dataProvider={dataProvider}
          authProvider={authProvider(permissions)}
          routerProvider={routerProvider}
          resources={refineResources}
          options={{
            disableTelemetry: true,
            reactQuery: { clientConfig: { defaultOptions: { queries: { retry: false } } } },
          }}
        >
          <Routes>{routes}</Routes>
        </Refine>
      </AntdApp>
    </MemoryRouter>,
  );
}
