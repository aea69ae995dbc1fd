import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { relationSearchFilters } from '../../../src/components/resource-list/filters';
import { ResourceList } from '../../../src/components/resource-list/resource-list';
import { getResource } from '../../../src/resources';
import type { ResourceDef } from '../../../src/resources/types';
import { currentSearch, fakeDataProvider, renderList, staff, type Row } from './harness';

// antd styles inputs under their labels with pointer-events: none; checking that on every
// click also costs a getComputedStyle per ancestor, which makes these tests crawl
const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
const listings = getResource('listings');

const ada = { id: 'u-ada', full_name: 'Ada Lovelace' };
const grace = { id: 'u-grace', full_name: 'Grace Hopper' };
const cleaning = { id: 'c-clean', name: 'Cleaning' };

function listing(n: number, extra: Partial<Row> = {}): Row {
  return {
    id: `l-${n}`,
    title: `Listing ${n}`,
    slug: `listing-${n}`,
    provider_id: ada.id,
    provider: ada,
    category_id: cleaning.id,
    category: cleaning,
    status: 'active',
    moderation_status: 'approved',
    price_cents: 1000 * n,
    currency: 'USD',
    rating_average: 4.5,
    is_featured: false,
    created_at: `2026-01-${String(n).padStart(2, '0')}T10:00:00Z`,
    deleted_at: null,
    ...extra,
  };
}

const rows: Row[] = [
  listing(1, { title: 'Boiler repair', moderation_status: 'pending', provider_id: grace.id, provider: grace }),
  listing(2, { title: 'Deep clean' }),
  listing(3, { title: 'Garden care', is_featured: true }),
  listing(4, { title: 'Old gutter job', deleted_at: '2026-02-01T00:00:00Z' }),
];

const tables = { listings: rows, users: [ada, grace], categories: [cleaning] };
const reader = staff('listings.read');
const moderator = staff('listings.read', 'listings.moderate');

const lastListCall = (dp: ReturnType<typeof fakeDataProvider>, resource = 'listings') =>
  dp.getList.mock.calls.filter(([p]) => p.resource === resource).at(-1)?.[0];

// the sticky header is a table of its own, so headers are read from the DOM
const headers = async () => {
  await waitFor(() => expect(document.querySelector('thead th')).not.toBeNull());
  return [...document.querySelectorAll('thead th')].map((th) => th.textContent?.trim()).filter(Boolean);
};

beforeEach(() => localStorage.clear());

describe('ResourceListPage on listings', () => {
  it('shows the default columns with labels from the registry, newest first', async () => {
    const dp = fakeDataProvider(tables);
    renderList({ url: '/listings', dataProvider: dp, permissions: moderator });
    expect(await screen.findByText('Deep clean')).toBeInTheDocument();
    expect(await headers()).toEqual(
      expect.arrayContaining(['Title', 'Provider', 'Category', 'Status', 'Moderation', 'Price', 'Rating', 'Created']),
    );
    expect(await headers()).not.toContain('Slug');
    expect(document.querySelector('.ant-page-header-heading-title')).toHaveTextContent('Listings');
    // relation labels come from the embedded record
    expect(screen.getAllByText('Grace Hopper')[0].closest('a')).toHaveAttribute('href', '/users/show/u-grace');
    expect(screen.getByText('3 listings')).toBeInTheDocument();
    expect(lastListCall(dp)?.sorters).toEqual([{ field: 'created_at', order: 'desc' }]);
    expect(lastListCall(dp)?.pagination).toMatchObject({ currentPage: 1, pageSize: 25 });
    // soft-deleted rows stay hidden unless asked for
    expect(screen.queryByText('Old gutter job')).not.toBeInTheDocument();
  });

  it('sorts on the server by a sortable column', async () => {
    const dp = fakeDataProvider(tables);
    renderList({ url: '/listings', dataProvider: dp, permissions: reader });
    await screen.findByText('Deep clean');
    await user.click(screen.getAllByText('Price', { selector: '.ant-table-column-title' })[0]);
    await waitFor(() => expect(lastListCall(dp)?.sorters).toEqual([{ field: 'price_cents', order: 'asc' }]));
    await waitFor(() => expect(currentSearch()).toContain('sorters[0][field]=price_cents'));
  });

  it('offers no create button for listings, which providers create in the marketplace', async () => {
    renderList({ url: '/listings', dataProvider: fakeDataProvider(tables), permissions: moderator });
    await screen.findByText('Deep clean');
    expect(screen.queryByText('Create')).not.toBeInTheDocument();
  });

  it('shows edit but not delete on rows when the caller may moderate', async () => {
    renderList({ url: '/listings', dataProvider: fakeDataProvider(tables), permissions: moderator });
    const row = (await screen.findByText('Deep clean')).closest('tr')!;
    await waitFor(() => expect(row.querySelectorAll('button')).toHaveLength(2));
    expect(row.querySelector('.anticon-eye')).not.toBeNull();
    expect(row.querySelector('.anticon-edit')).not.toBeNull();
    expect(row.querySelector('.anticon-delete')).toBeNull();
  });

  it('hides edit from a caller who may only read', async () => {
    renderList({ url: '/listings', dataProvider: fakeDataProvider(tables), permissions: reader });
    const row = (await screen.findByText('Deep clean')).closest('tr')!;
    await waitFor(() => expect(row.querySelector('.anticon-eye')).not.toBeNull());
    expect(row.querySelector('.anticon-edit')).toBeNull();
  });

  it('sends the search box as the q pseudo-filter after a pause, and keeps it in the URL', async () => {
    const dp = fakeDataProvider(tables);
    renderList({ url: '/listings', dataProvider: dp, permissions: reader });
    await screen.findByText('Deep clean');
    await user.type(screen.getByLabelText('Search listings', { selector: 'input' }), 'boiler');
    await waitFor(() =>
      expect(lastListCall(dp)?.filters).toEqual([{ field: 'q', operator: 'contains', value: 'boiler' }]),
    );
    // one request for the whole word, not one per keystroke
    expect(dp.getList.mock.calls.filter(([p]) => p.filters?.some((f) => 'field' in f && f.field === 'q'))).toHaveLength(
      1,
    );
    await waitFor(() => expect(screen.queryByText('Deep clean')).not.toBeInTheDocument());
    expect(screen.getByText('Boiler repair')).toBeInTheDocument();
    await waitFor(() => expect(currentSearch()).toContain('filters[0][field]=q'));
  });

  it('applies filters from a dashboard link and shows them in the filter controls', async () => {
    const dp = fakeDataProvider(tables);
    renderList({
      url: '/listings?filters[0][field]=moderation_status&filters[0][operator]=in&filters[0][value][0]=pending',
      dataProvider: dp,
      permissions: reader,
    });
    expect(await screen.findByText('Boiler repair')).toBeInTheDocument();
    expect(screen.queryByText('Deep clean')).not.toBeInTheDocument();
    expect(lastListCall(dp)?.filters).toEqual([{ field: 'moderation_status', operator: 'in', value: ['pending'] }]);
    const moderation = screen.getByLabelText('Moderation', { selector: 'input' }).closest('.ant-select')!;
    expect(within(moderation as HTMLElement).getByText('pending')).toBeInTheDocument();
    expect(screen.getAllByText('Clear filters').length).toBeGreaterThan(0);
  });

  it('opens "More filters" by itself when the URL sets one of them', async () => {
    renderList({
      url: '/listings?filters[0][field]=is_featured&filters[0][operator]=eq&filters[0][value]=true',
      dataProvider: fakeDataProvider(tables),
      permissions: reader,
    });
    expect(await screen.findByText('Garden care')).toBeInTheDocument();
    const more = screen.getByLabelText('More filters', { selector: '[role=group]' });
    expect(within(more).getByLabelText('Yes')).toBeChecked();
  });

  it('filters by an enum with the in operator', async () => {
    const dp = fakeDataProvider(tables);
    renderList({ url: '/listings', dataProvider: dp, permissions: reader });
    await screen.findByText('Deep clean');
    await user.click(screen.getByLabelText('Status', { selector: 'input' }));
    await user.click(await screen.findByTitle('suspended'));
    await waitFor(() =>
      expect(lastListCall(dp)?.filters).toEqual([{ field: 'status', operator: 'in', value: ['suspended'] }]),
    );
    await waitFor(() => expect(currentSearch()).toContain('filters[0][operator]=in'));
    expect(await screen.findByText('No listings match these filters')).toBeInTheDocument();
  });

  it('filters by a boolean behind "More filters" with eq', async () => {
    const dp = fakeDataProvider(tables);
    renderList({ url: '/listings', dataProvider: dp, permissions: reader });
    await screen.findByText('Deep clean');
    expect(screen.queryByLabelText('More filters', { selector: '[role=group]' })).not.toBeInTheDocument();
    await user.click(screen.getByText('More filters'));
    const more = screen.getByLabelText('More filters', { selector: '[role=group]' });
    await user.click(within(more).getByLabelText('Yes'));
    await waitFor(() =>
      expect(lastListCall(dp)?.filters).toEqual([{ field: 'is_featured', operator: 'eq', value: true }]),
    );
    expect(await screen.findByText('Garden care')).toBeInTheDocument();
    expect(screen.queryByText('Deep clean')).not.toBeInTheDocument();
  });

  it('searches the related table on the server and filters by the chosen record with eq', async () => {
    const dp = fakeDataProvider(tables);
    renderList({ url: '/listings', dataProvider: dp, permissions: reader });
    await screen.findByText('Deep clean');
    // no request for categories until the picker is used
    expect(lastListCall(dp, 'categories')).toBeUndefined();
    await user.type(screen.getByLabelText('Category', { selector: 'input' }), 'clea');
    // what the search sends depends on the categories entry (its own search or its label);
    // relationSearchFilters is tested on its own, this checks the picker uses it
    const category = listings.fields.find((f) => (f.name as string) === 'category_id')!;
    await waitFor(() =>
      expect(lastListCall(dp, 'categories')?.filters).toEqual(relationSearchFilters(category.relation!, 'clea')),
    );
    await user.click(await screen.findByTitle('Cleaning'));
    await waitFor(() =>
      expect(lastListCall(dp)?.filters).toEqual([{ field: 'category_id', operator: 'eq', value: 'c-clean' }]),
    );
  });

  it('shows the label of a relation filter that came in the URL', async () => {
    const dp = fakeDataProvider(tables);
    renderList({
      url: '/listings?filters[0][field]=category_id&filters[0][operator]=eq&filters[0][value]=c-clean',
      dataProvider: dp,
      permissions: reader,
    });
    await screen.findByText('Deep clean');
    const picker = screen.getByLabelText('Category', { selector: 'input' }).closest('.ant-select') as HTMLElement;
    await waitFor(() => expect(within(picker).getByText('Cleaning')).toBeInTheDocument());
    expect(dp.getMany).toHaveBeenCalledWith(expect.objectContaining({ resource: 'categories', ids: ['c-clean'] }));
  });

  it('sends the deleted pseudo-filter and marks deleted rows', async () => {
    const dp = fakeDataProvider(tables);
    renderList({ url: '/listings', dataProvider: dp, permissions: moderator });
    await screen.findByText('Deep clean');
    await user.click(screen.getByLabelText('Include'));
    await waitFor(() =>
      expect(lastListCall(dp)?.filters).toEqual([{ field: 'deleted', operator: 'eq', value: 'include' }]),
    );
    const row = (await screen.findByText('Old gutter job')).closest('tr')!;
    expect(within(row).getByText('Deleted')).toBeInTheDocument();
    // a deleted row can be looked at, not edited
    expect(row.querySelector('.anticon-edit')).toBeNull();
    await user.click(screen.getByLabelText('Only'));
    await waitFor(() =>
      expect(lastListCall(dp)?.filters).toEqual([{ field: 'deleted', operator: 'eq', value: 'only' }]),
    );
    await user.click(screen.getByLabelText('No'));
    await waitFor(() => expect(lastListCall(dp)?.filters).toEqual([]));
  });

  it('adds an optional column from the picker and remembers it', async () => {
    const dp = fakeDataProvider(tables);
    const first = renderList({ url: '/listings', dataProvider: dp, permissions: reader });
    await screen.findByText('Deep clean');
    await user.click(screen.getByText('Columns'));
    await user.click(await screen.findByLabelText('Slug'));
    expect(await headers()).toContain('Slug');
    expect(screen.getByText('listing-2')).toBeInTheDocument();
    first.unmount();

    renderList({ url: '/listings', dataProvider: dp, permissions: reader });
    await screen.findByText('Deep clean');
    expect(await headers()).toContain('Slug');
  });

  it('says there are no listings yet when nothing is filtered', async () => {
    renderList({ url: '/listings', dataProvider: fakeDataProvider({ listings: [] }), permissions: reader });
    expect(await screen.findByText('No listings yet')).toBeInTheDocument();
    expect(screen.queryByText('Clear filters')).not.toBeInTheDocument();
  });

  it('says when filters hide everything, and clears them', async () => {
    const dp = fakeDataProvider(tables);
    renderList({
      url: '/listings?filters[0][field]=status&filters[0][operator]=in&filters[0][value][0]=paused',
      dataProvider: dp,
      permissions: reader,
    });
    const empty = await screen.findByText('No listings match these filters');
    const emptyState = empty.closest('.ant-empty') as HTMLElement;
    await user.click(within(emptyState).getByText('Clear filters'));
    expect(await screen.findByText('Deep clean')).toBeInTheDocument();
    expect(lastListCall(dp)?.filters).toEqual([]);
    await waitFor(() => expect(currentSearch()).not.toContain('filters[0]'));
  });

  it('explains a permission error from the server', async () => {
    const dp = fakeDataProvider(tables, {
      getList: async () => {
        throw { statusCode: 403, message: 'permission denied for table listings' };
      },
    });
    renderList({ url: '/listings', dataProvider: dp, permissions: reader });
    expect(await screen.findByText('You do not have permission to see listings')).toBeInTheDocument();
    expect(screen.getByText('permission denied for table listings')).toBeInTheDocument();
  });

  it('shows other errors with the message and a retry', async () => {
    let fail = true;
    const ok = fakeDataProvider(tables);
    const dp = fakeDataProvider(tables, {
      getList: async (params) => {
        if (fail) throw { statusCode: 400, message: 'column listings.nope does not exist' };
        return ok.getList(params);
      },
    });
    renderList({ url: '/listings', dataProvider: dp, permissions: reader });
    expect(await screen.findByText('Listings could not be loaded')).toBeInTheDocument();
    expect(screen.getByText('column listings.nope does not exist')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByText('Try again'));
    expect(await screen.findByText('Deep clean')).toBeInTheDocument();
  });

  it('shows a skeleton while the first page loads', async () => {
    let release: () => void = () => {};
    const ok = fakeDataProvider(tables);
    const dp = fakeDataProvider(tables, {
      getList: (params) => new Promise((resolve) => (release = () => resolve(ok.getList(params)))),
    });
    renderList({ url: '/listings', dataProvider: dp, permissions: reader });
    await waitFor(() => expect(document.querySelector('.ant-skeleton')).not.toBeNull());
    expect(document.querySelector('table')).toBeNull();
    act(() => release());
    expect(await screen.findByText('Deep clean')).toBeInTheDocument();
  });
});

// Variants of the listings entry stand in for tables whose rules differ; the component
// reads nothing but the definition, so this covers those tables' behaviour.
describe('ResourceList with other registry rules', () => {
  function renderDef(def: ResourceDef, permissions = reader, url = '/listings') {
    const dp = fakeDataProvider(tables);
    renderList({ url, dataProvider: dp, permissions, def, element: <ResourceList def={def} /> });
    return dp;
  }

  it.each([
    ['without the create permission', staff('listings.read'), false],
    ['with it', staff('listings.read', 'listings.moderate'), true],
  ])('shows the create button %s', async (_name, permissions, visible) => {
    renderDef(
      { ...listings, writes: ['create', 'edit'], permissions: { list: 'listings.read', create: 'listings.moderate' } },
      permissions,
    );
    await screen.findByText('Deep clean');
    if (visible) expect(await screen.findByText('Create')).toBeInTheDocument();
    else expect(screen.queryByText('Create')).not.toBeInTheDocument();
  });

  it('hides a sensitive column from a caller without its permission', async () => {
    const def = {
      ...listings,
      fields: listings.fields.map((f) => (f.name === 'created_at' ? { ...f, sensitive: 'finance.read' as const } : f)),
    };
    renderDef(def, reader);
    await screen.findByText('Deep clean');
    expect(await headers()).not.toContain('Created');
  });

  it('shows a sensitive column to a caller holding its permission', async () => {
    const def = {
      ...listings,
      fields: listings.fields.map((f) => (f.name === 'created_at' ? { ...f, sensitive: 'finance.read' as const } : f)),
    };
    renderDef(def, staff('listings.read', 'finance.read'));
    await screen.findByText('Deep clean');
    expect(await headers()).toContain('Created');
  });

  it.each([
    ['with', staff('listings.read', 'finance.read'), true],
    ['without', staff('listings.read'), false],
  ])('offers CSV export %s the export permission', async (_name, permissions, visible) => {
    renderDef({ ...listings, permissions: { list: 'listings.read', export: 'finance.read' } }, permissions);
    await screen.findByText('Deep clean');
    expect(Boolean(screen.queryByText('Export CSV'))).toBe(visible);
  });

  it('filters money by a min and max typed in major units', async () => {
    const dp = renderDef({ ...listings, filters: [{ field: 'price_cents', primary: true }] });
    await screen.findByText('Deep clean');
    await user.type(screen.getByLabelText('Price from'), '20');
    await user.type(screen.getByLabelText('Price to'), '30.5');
    await waitFor(() =>
      expect(lastListCall(dp)?.filters).toEqual([
        { field: 'price_cents', operator: 'gte', value: 2000 },
        { field: 'price_cents', operator: 'lte', value: 3050 },
      ]),
    );
    expect(await screen.findByText('Garden care')).toBeInTheDocument();
    expect(screen.queryByText('Deep clean')).toBeInTheDocument();
    expect(screen.queryByText('Boiler repair')).not.toBeInTheDocument();
  });

  it('applies a date range from the URL and shows it in the picker', async () => {
    const from = '2026-01-02T00:00:00.000Z';
    const to = '2026-01-02T23:59:59.999Z';
    const dp = renderDef(
      { ...listings, filters: [{ field: 'created_at', primary: true }] },
      reader,
      `/listings?filters[0][field]=created_at&filters[0][operator]=gte&filters[0][value]=${from}` +
        `&filters[1][field]=created_at&filters[1][operator]=lte&filters[1][value]=${to}`,
    );
    expect(await screen.findByText('Deep clean')).toBeInTheDocument();
    expect(screen.queryByText('Garden care')).not.toBeInTheDocument();
    expect(lastListCall(dp)?.filters).toEqual([
      { field: 'created_at', operator: 'gte', value: from },
      { field: 'created_at', operator: 'lte', value: to },
    ]);
    const inputs = [...document.querySelectorAll<HTMLInputElement>('.ant-picker-range input')].map((i) => i.value);
    expect(inputs).toEqual([dayjs(from).format('YYYY-MM-DD'), dayjs(to).format('YYYY-MM-DD')]);
  });

  it('says "about" for a planned count', async () => {
    renderDef({ ...listings, countMode: 'planned' });
    expect(await screen.findByText('about 3 listings')).toBeInTheDocument();
  });

  it('shows the description under the title', async () => {
    renderDef({ ...listings, description: 'What providers offer, moderated by operations.' });
    expect(await screen.findByText('What providers offer, moderated by operations.')).toBeInTheDocument();
  });

  it('deletes selected rows after a confirmation', async () => {
    const dp = renderDef(
      {
        ...listings,
        writes: ['edit', 'delete'],
        bulkActions: ['delete'],
        permissions: { list: 'listings.read', delete: 'listings.moderate' },
      },
      moderator,
    );
    const rowOf = async (title: string) => (await screen.findByText(title)).closest('tr')!;
    await user.click((await rowOf('Deep clean')).querySelector('input[type=checkbox]')!);
    await user.click((await rowOf('Garden care')).querySelector('input[type=checkbox]')!);
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByText('Delete selected'));
    const dialog = await waitFor(() => document.querySelector('.ant-modal-confirm') as HTMLElement);
    expect(dialog).not.toBeNull();
    expect(within(dialog).getAllByText('Delete 2 listings?').length).toBeGreaterThan(0);
    expect(dp.deleteMany).not.toHaveBeenCalled();
    await user.click(within(dialog).getByText('Delete'));
    await waitFor(() =>
      expect(dp.deleteMany).toHaveBeenCalledWith(
        expect.objectContaining({ resource: 'listings', ids: ['l-2', 'l-3'] }),
      ),
    );
    await waitFor(() => expect(screen.queryByText(/selected$/)).not.toBeInTheDocument());
  });

  it('offers no row selection without a bulk delete permission', async () => {
    renderDef(
      {
        ...listings,
        writes: ['edit', 'delete'],
        bulkActions: ['delete'],
        permissions: { list: 'listings.read', delete: 'listings.moderate' },
      },
      reader,
    );
    const row = (await screen.findByText('Deep clean')).closest('tr')!;
    expect(row.querySelector('input[type=checkbox]')).toBeNull();
  });
});

describe('ResourceListPage on other registry entries', () => {
  const usage: Row[] = [1, 2].map((n) => ({
    id: `u-${n}`,
    subscription_id: 's-1',
    subscription: { id: 's-1', plan: 'pro' },
    user_id: ada.id,
    user: ada,
    metric: 'api.calls',
    quantity: 1200 * n,
    recorded_at: '2026-01-05T08:00:00Z',
  }));

  it('lists usage, read-only with an estimated count', async () => {
    renderList({
      url: '/usage_logs',
      dataProvider: fakeDataProvider({ usage_logs: usage }),
      permissions: staff('finance.read'),
    });
    expect(await screen.findByText('2,400')).toBeInTheDocument();
    expect(await headers()).toEqual(expect.arrayContaining(['Subscription', 'User', 'Metric', 'Quantity', 'Recorded']));
    expect(screen.getByText(/^about 2 /)).toBeInTheDocument();
    const row = screen.getByText('2,400').closest('tr')!;
    await waitFor(() => expect(row.querySelector('.anticon-eye')).not.toBeNull());
    expect(row.querySelector('.anticon-edit')).toBeNull();
    expect(row.querySelector('.anticon-delete')).toBeNull();
    expect(screen.queryByText('Create')).not.toBeInTheDocument();
  });

  // a join table: the data provider hands every row a synthetic id made of its key columns
  const settlements: Row[] = [
    {
      id: 'p-1~t-1',
      payout_id: 'p-1',
      payout: { id: 'p-1', stripe_payout_id: 'po_123' },
      transaction_id: 't-1',
      transaction: { id: 't-1', description: 'Booking BK-1' },
      amount_cents: 4200,
      created_at: '2026-01-05T08:00:00Z',
    },
  ];

  it.each([
    ['may reconcile', staff('finance.read', 'finance.reconcile'), true],
    ['may only read', staff('finance.read'), false],
  ])('offers create and delete on payout settlements to finance staff who %s', async (_name, permissions, allowed) => {
    renderList({
      url: '/payout_transactions',
      dataProvider: fakeDataProvider({ payout_transactions: settlements }),
      permissions,
    });
    const row = (await screen.findByText('Booking BK-1')).closest('tr')!;
    expect(within(row).getByText('po_123').closest('a')).toHaveAttribute('href', '/payouts/show/p-1');
    await waitFor(() => expect(row.querySelector('.anticon-eye')).not.toBeNull());
    if (allowed) {
      expect(await screen.findByText('Create')).toBeInTheDocument();
      await waitFor(() => expect(row.querySelector('.anticon-delete')).not.toBeNull());
    } else {
      expect(screen.queryByText('Create')).not.toBeInTheDocument();
      expect(row.querySelector('.anticon-delete')).toBeNull();
    }
    expect(row.querySelector('.anticon-edit')).toBeNull();
  });
});
