import {
  Refine,
  type AccessControlProvider,
  type AuthProvider,
  type BaseRecord,
  type CrudFilter,
  type DataProvider,
  type GetListParams,
  type LogicalFilter,
  type ResourceProps,
} from '@refinedev/core';
import routerProvider from '@refinedev/react-router';
import { render } from '@testing-library/react';
import { Route, RouterProvider, Routes, createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import ResourceListPage from '../../../src/components/resource-list/resource-list-page';
import { createAccessControlProvider } from '../../../src/providers/access-control-provider';
import type { StaffPermissions } from '../../../src/resources/permissions';
import { findResource } from '../../../src/resources';
import type { PermissionKey, ResourceDef } from '../../../src/resources/types';

// A small in-memory marketplace behind refine's DataProvider interface: enough filtering,
// sorting and paging to see the list ask for the right thing and show what comes back.

export type Row = BaseRecord & Record<string, unknown>;

function matches(row: Row, crud: CrudFilter): boolean {
  if (crud.operator === 'or') return (crud.value as CrudFilter[]).some((f) => matches(row, f));
  if (crud.operator === 'and') return (crud.value as CrudFilter[]).every((f) => matches(row, f));
  const filter = crud as LogicalFilter;
  const value = row[filter.field];
  switch (filter.field) {
    case 'q':
      return JSON.stringify(row).toLowerCase().includes(String(filter.value).toLowerCase());
    case 'deleted':
      return true;
  }
  switch (filter.operator) {
    case 'eq':
      return String(value) === String(filter.value);
    case 'in':
      return (filter.value as unknown[]).map(String).includes(String(value));
    case 'contains':
      return String(value ?? '')
        .toLowerCase()
        .includes(String(filter.value).toLowerCase());
    case 'gte':
      return String(value) >= String(filter.value);
    case 'lte':
      return String(value) <= String(filter.value);
    default:
      throw new Error(`the fake data provider has no ${filter.operator}`);
  }
}

export function fakeDataProvider(tables: Record<string, Row[]>, overrides: Partial<DataProvider> = {}) {
  const getList = vi.fn(async ({ resource, filters = [], sorters = [], pagination }: GetListParams) => {
    const deleted = filters.find((f) => 'field' in f && f.field === 'deleted')?.value;
    let rows = (tables[resource] ?? []).filter((row) =>
      deleted === 'only' ? row.deleted_at : deleted === 'include' ? true : !row.deleted_at,
    );
    rows = rows.filter((row) => filters.every((f) => matches(row, f)));
    for (const sorter of [...sorters].reverse()) {
      rows = [...rows].sort((a, b) => {
        const cmp = String(a[sorter.field]).localeCompare(String(b[sorter.field]), 'en', { numeric: true });
        return sorter.order === 'asc' ? cmp : -cmp;
      });
    }
    const { currentPage = 1, pageSize = 10 } = pagination ?? {};
    return { data: rows.slice((currentPage - 1) * pageSize, currentPage * pageSize), total: rows.length };
  });
  const dataProvider = {
    getList,
    getMany: vi.fn(async ({ resource, ids }) => ({
      data: (tables[resource] ?? []).filter((row) => ids.map(String).includes(String(row.id))),
    })),
    getOne: vi.fn(async ({ resource, id }) => ({ data: (tables[resource] ?? []).find((r) => r.id === id) as Row })),
    deleteMany: vi.fn(async ({ ids }) => ({ data: ids.map((id: unknown) => ({ id })) })),
    deleteOne: vi.fn(async ({ id }) => ({ data: { id } })),
    create: vi.fn(),
    update: vi.fn(),
    getApiUrl: () => 'http://fake',
    ...overrides,
  } as unknown as DataProvider & { getList: typeof getList; deleteMany: ReturnType<typeof vi.fn> };
  return dataProvider;
}

export function staff(...keys: PermissionKey[]): StaffPermissions {
  return { keys: new Set(keys), superAdmin: false };
}

function authFor(perms: StaffPermissions): AuthProvider {
  return {
    login: async () => ({ success: true }),
    logout: async () => ({ success: true }),
    check: async () => ({ authenticated: true }),
    onError: async () => ({}),
    getPermissions: async () => perms,
  };
}

// The app's provider, over the registry with the entry under test in place of its namesake.
function accessFor(perms: StaffPermissions, override?: ResourceDef): AccessControlProvider {
  return createAccessControlProvider(async () => perms, {
    findFeature: () => undefined,
    findTable: (name) => (override?.name === name ? override : findResource(name)),
  });
}

let activeRouter: ReturnType<typeof createMemoryRouter> | undefined;
/** The list page's current query string, decoded. */
export const currentSearch = () => decodeURIComponent(activeRouter?.state.location.search ?? '');

export interface RenderOptions {
  url: string;
  dataProvider: DataProvider;
  permissions: StaffPermissions;
  resources?: ResourceProps[];
  /** Defaults to the registry's list page on `/<first resource>`. */
  element?: React.ReactNode;
  /** A registry entry under test that the access control should decide by. */
  def?: ResourceDef;
}

export function renderList({ url, dataProvider, permissions, resources, element, def }: RenderOptions) {
  const table = new URL(url, 'http://x').pathname.slice(1);
  const routes: ResourceProps[] = resources ?? [
    {
      name: table,
      list: `/${table}`,
      show: `/${table}/show/:id`,
      edit: `/${table}/edit/:id`,
      create: `/${table}/create`,
    },
  ];
  const app = (
    <Refine
      dataProvider={dataProvider}
      routerProvider={routerProvider}
      authProvider={authFor(permissions)}
      accessControlProvider={accessFor(permissions, def)}
      resources={routes}
      options={{
        syncWithLocation: true,
        disableTelemetry: true,
        reactQuery: { clientConfig: { defaultOptions: { queries: { retry: false } } } },
      }}
    >
      <Routes>
        <Route path={`/${table}`} element={element ?? <ResourceListPage def={def ?? findResource(table)!} />} />
        <Route path="*" element={<p>elsewhere</p>} />
      </Routes>
    </Refine>
  );
  activeRouter = createMemoryRouter([{ path: '*', element: app }], { initialEntries: [url] });
  return render(<RouterProvider router={activeRouter} />);
}
