import { parseTableParams, Refine, type AuthProvider, type CustomParams, type DataProvider } from '@refinedev/core';
import routerProvider from '@refinedev/react-router';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DashboardPage from '../../../src/features/dashboard/dashboard-page';
import { cardListUrl, WORK_QUEUE_CARDS, type WorkQueue } from '../../../src/features/dashboard/work-queue';
import { paramsFromSearch } from '../../../src/features/moderation/queue';
import { setTenantScope } from '../../../src/providers/tenant-scope';
import { getResource } from '../../../src/resources';

// The fake data layer: only custom() (the RPCs) answers; the page needs nothing else.
type Rpc = (args: Record<string, unknown>) => unknown;
function fakeData(rpcs: Record<string, Rpc>) {
  const custom = vi.fn(async ({ meta, payload }: CustomParams) => {
    const fn = rpcs[meta?.rpc as string];
    if (!fn) throw new Error(`unexpected rpc ${String(meta?.rpc)}`);
    return { data: (await fn((payload ?? {}) as Record<string, unknown>)) as never };
  });
  const unused = () => Promise.reject(new Error('the dashboard reads only through custom()'));
  const dataProvider: DataProvider = {
    getList: unused,
    getOne: unused,
    create: unused,
    update: unused,
    deleteOne: unused,
    getApiUrl: () => '',
    custom,
  };
  return { dataProvider, custom };
}

const authProvider: AuthProvider = {
  login: async () => ({ success: true }),
  logout: async () => ({ success: true }),
  check: async () => ({ authenticated: true }),
  onError: async () => ({}),
  getIdentity: async () => ({ name: 'Olivia Okafor', email: 'ops@loconomy.test' }),
};

function renderDashboard(dataProvider: DataProvider) {
  return render(
    <MemoryRouter initialEntries={['/']}>
      <Refine
        dataProvider={dataProvider}
        authProvider={authProvider}
        routerProvider={routerProvider}
        options={{
          disableTelemetry: true,
          reactQuery: { clientConfig: { defaultOptions: { queries: { retry: false } } } },
        }}
      >
        <DashboardPage />
      </Refine>
    </MemoryRouter>,
  );
}

const NONE: WorkQueue = {
  listings_awaiting_moderation: null,
  open_content_reports: null,
  content_reports_in_review: null,
  disputed_bookings: null,
  failed_payments_7d: null,
  flags_changed_today: null,
};
// what operations staff get: moderation, reports and disputes, no finance, no flags
const OPS: WorkQueue = {
  ...NONE,
  listings_awaiting_moderation: 12,
  open_content_reports: 3,
  content_reports_in_review: 0,
  disputed_bookings: 2,
};
const DAYS = [
  { day: '2026-11-24', bookings: 5, completed: 2 },
  { day: '2026-11-25', bookings: 7, completed: 4 },
];

// the first render of antd in jsdom is slow, more so on a CI machine shared with PostgreSQL
const SLOW = { timeout: 10_000 };
// the card's link, found from its title (naming every link from its content on each poll is
// slow in jsdom); the first test checks once that the link is named by what it shows
const cardLink = (title: string): HTMLElement => {
  const link = screen.getByText(title, { selector: '.ant-statistic-title' }).closest('a');
  if (!link) throw new Error(`no link around the card ${title}`);
  return link;
};
const filtersOf = (href: string) => parseTableParams(href.slice(href.indexOf('?')));

afterEach(() => setTenantScope(null));

describe('DashboardPage', () => {
  it('greets the staff member and shows a card for each count the caller may see, nothing for NULL', async () => {
    const { dataProvider } = fakeData({ staff_work_queue: () => [OPS], staff_bookings_per_day: () => DAYS });
    renderDashboard(dataProvider);
    await screen.findByText('Listings awaiting moderation', {}, SLOW);
    expect(
      await screen.findByRole('heading', { name: /^Good (morning|afternoon|evening), Olivia$/ }),
    ).toBeInTheDocument();
    const shown = WORK_QUEUE_CARDS.filter((card) => screen.queryByText(card.title)).map((card) => card.key);
    expect(shown).toEqual([
      'listings_awaiting_moderation',
      'open_content_reports',
      'content_reports_in_review',
      'disputed_bookings',
    ]);
    expect(within(cardLink('Listings awaiting moderation')).getByText('12')).toBeInTheDocument();
    expect(within(cardLink('Disputed bookings')).getByText('2')).toBeInTheDocument();
    // named by title, count and explanation, as shown; the icon adds nothing
    expect(screen.getByRole('link', { name: /^Listings awaiting moderation\s*12\s*New listings/ })).toBe(
      cardLink('Listings awaiting moderation'),
    );
  });

  it('shows a zero as all clear, and a non-zero count with its explanation', async () => {
    const { dataProvider } = fakeData({ staff_work_queue: () => [OPS], staff_bookings_per_day: () => DAYS });
    renderDashboard(dataProvider);
    const inReview = await waitFor(() => cardLink('Reports in review'), SLOW);
    expect(within(inReview).getByText(/^All clear\./)).toBeInTheDocument();
    // the icon is decoration (aria-hidden): the card's text says it
    expect(inReview.querySelector('.anticon-check-circle')).not.toBeNull();
    const open = cardLink('Open content reports');
    expect(within(open).queryByText(/All clear/)).not.toBeInTheDocument();
    expect(within(open).getByText('Reports nobody has picked up yet, oldest first.')).toBeInTheDocument();
  });

  it('links each card to its workspace tab, or to its list with the filters and sorting that reproduce the count', async () => {
    const { dataProvider } = fakeData({
      staff_work_queue: () => [{ ...OPS, failed_payments_7d: 4, flags_changed_today: 1 }],
      staff_bookings_per_day: () => DAYS,
    });
    renderDashboard(dataProvider);
    const listings = await waitFor(() => cardLink('Listings awaiting moderation'), SLOW);
    expect(listings.getAttribute('href')).toBe('/moderation?tab=listings');
    const reports = new URL(cardLink('Open content reports').getAttribute('href')!, 'http://admin');
    expect(reports.pathname).toBe('/moderation');
    expect(paramsFromSearch(reports.searchParams)).toMatchObject({ tab: 'reports', claim: 'unclaimed' });
    const inReview = new URL(cardLink('Reports in review').getAttribute('href')!, 'http://admin');
    expect(paramsFromSearch(inReview.searchParams)).toMatchObject({ tab: 'reports', claim: 'claimed' });
    expect(filtersOf(cardLink('Disputed bookings').getAttribute('href')!).parsedFilters).toEqual([
      { field: 'status', operator: 'in', value: ['disputed'] },
    ]);
    // failed payments open the money page over whole UTC days that cover the card's rolling week
    const failed = new URL(cardLink('Failed payments, last 7 days').getAttribute('href')!, 'http://admin');
    expect(failed.pathname).toBe('/finance');
    const from = Date.parse(`${failed.searchParams.get('from')}T00:00:00Z`);
    const to = Date.parse(`${failed.searchParams.get('to')}T23:59:59.999Z`);
    expect(Date.now() - from).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(Date.now() - from).toBeLessThan(8 * 86_400_000);
    expect(to).toBeGreaterThanOrEqual(Date.now());
    expect(to - Date.now()).toBeLessThan(86_400_000);
    const flags = filtersOf(cardLink('Feature flags changed today').getAttribute('href')!).parsedFilters[0] as {
      value: string;
    };
    expect(new Date(flags.value).getTime()).toBe(new Date(new Date().setHours(0, 0, 0, 0)).getTime());
  });

  it.each(WORK_QUEUE_CARDS.map((card) => [card.key, card] as const))(
    '%s has a list with filters and a sort the list offers',
    (_key, card) => {
      const def = getResource(card.resource);
      const { parsedFilters, parsedSorter } = filtersOf(cardListUrl(card));
      for (const filter of parsedFilters as { field: string }[]) {
        expect(def.filters?.map((f) => f.field)).toContain(filter.field);
      }
      for (const sorter of parsedSorter as { field: string }[]) {
        expect(def.fields.find((f) => f.name === sorter.field)?.sortable).toBe(true);
      }
    },
  );

  it('shows no card and asks for no chart when every count is NULL', async () => {
    const { dataProvider, custom } = fakeData({ staff_work_queue: () => [NONE] });
    renderDashboard(dataProvider);
    expect(await screen.findByText('No queues for your role', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(custom.mock.calls.map(([p]) => p.meta?.rpc)).toEqual(['staff_work_queue']);
  });

  it('renders the chart card only for callers who may read bookings', async () => {
    const withBookings = fakeData({ staff_work_queue: () => [OPS], staff_bookings_per_day: () => DAYS });
    const { unmount } = renderDashboard(withBookings.dataProvider);
    expect(await screen.findByText('Bookings per day, last 14 days', {}, SLOW)).toBeInTheDocument();
    expect(withBookings.custom.mock.calls.find(([p]) => p.meta?.rpc === 'staff_bookings_per_day')?.[0].payload).toEqual(
      {
        p_days: 14,
      },
    );
    unmount();

    const product = fakeData({
      staff_work_queue: () => [{ ...NONE, listings_awaiting_moderation: 4, flags_changed_today: 2 }],
      staff_bookings_per_day: () => DAYS,
    });
    renderDashboard(product.dataProvider);
    await screen.findByText('Feature flags changed today', {}, SLOW);
    expect(screen.queryByText(/Bookings per day/)).not.toBeInTheDocument();
    expect(product.custom.mock.calls.map(([p]) => p.meta?.rpc)).not.toContain('staff_bookings_per_day');
  });

  it('shows loading skeletons until the counts arrive', async () => {
    let answer: (rows: WorkQueue[]) => void = () => {};
    const { dataProvider } = fakeData({
      staff_work_queue: () => new Promise<WorkQueue[]>((resolve) => (answer = resolve)),
      staff_bookings_per_day: () => DAYS,
    });
    renderDashboard(dataProvider);
    expect(await screen.findByLabelText('Loading the work queue', {}, SLOW)).toBeInTheDocument();
    await act(async () => answer([OPS]));
    expect(await screen.findByText('Listings awaiting moderation', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByLabelText('Loading the work queue')).not.toBeInTheDocument();
  });

  it('says what failed when the work queue cannot be loaded', async () => {
    const { dataProvider } = fakeData({
      staff_work_queue: () => Promise.reject(new Error('permission denied for function staff_work_queue')),
    });
    renderDashboard(dataProvider);
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(within(alert).getByText('Could not load the work queue')).toBeInTheDocument();
    expect(within(alert).getByText('permission denied for function staff_work_queue')).toBeInTheDocument();
  });

  it('says what failed when only the chart cannot be loaded, and keeps the cards', async () => {
    const { dataProvider } = fakeData({
      staff_work_queue: () => [OPS],
      staff_bookings_per_day: () => Promise.reject(new Error('canceling statement due to statement timeout')),
    });
    renderDashboard(dataProvider);
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(within(alert).getByText('Could not load bookings per day')).toBeInTheDocument();
    expect(within(alert).getByText('canceling statement due to statement timeout')).toBeInTheDocument();
    expect(screen.getByText('Listings awaiting moderation')).toBeInTheDocument();
  });

  it('asks for the chosen tenant and asks again when the super admin switches', async () => {
    setTenantScope('10000000-0000-4000-8000-000000000002');
    const { dataProvider, custom } = fakeData({
      staff_work_queue: ({ p_tenant_id }) => [
        p_tenant_id === '10000000-0000-4000-8000-000000000001' ? { ...OPS, listings_awaiting_moderation: 99 } : OPS,
      ],
      staff_bookings_per_day: () => DAYS,
    });
    renderDashboard(dataProvider);
    await waitFor(
      () => expect(within(cardLink('Listings awaiting moderation')).getByText('12')).toBeInTheDocument(),
      SLOW,
    );
    expect(custom.mock.calls[0][0].payload).toEqual({ p_tenant_id: '10000000-0000-4000-8000-000000000002' });

    act(() => setTenantScope('10000000-0000-4000-8000-000000000001'));
    await waitFor(
      () => expect(within(cardLink('Listings awaiting moderation')).getByText('99')).toBeInTheDocument(),
      SLOW,
    );

    act(() => setTenantScope(null));
    await waitFor(
      () => expect(within(cardLink('Listings awaiting moderation')).getByText('12')).toBeInTheDocument(),
      SLOW,
    );
    const workQueuePayloads = custom.mock.calls
      .filter(([p]) => p.meta?.rpc === 'staff_work_queue')
      .map(([p]) => p.payload);
    expect(workQueuePayloads).toContainEqual({});
  });
});
