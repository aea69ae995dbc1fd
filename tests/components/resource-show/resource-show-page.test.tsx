import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import ResourceShowPage from '../../../src/components/resource-show/resource-show-page';
import { fakeDataProvider, fixtureResources, renderWithRefine, staff } from '../resource-form/fixtures';

vi.mock('../../../src/resources', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/resources')>();
  const { fixtureResources } = await import('../resource-form/fixtures');
  return { ...original, findResource: (name: string | undefined) => (name ? fixtureResources[name] : undefined) };
});

// getComputedStyle over antd's injected styles is slow in jsdom: skip user-event's
// pointer-events check, and find elements by text rather than by role
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

const LISTING = {
  id: 'l1',
  title: 'Deep clean',
  slug: 'deep-clean',
  category_id: 'c1',
  category: { id: 'c1', name: 'Home cleaning' },
  status: 'active',
  price_cents: 5000,
  currency: 'EUR',
  address: { city: 'Lisbon' },
  seo_title: 'Secret SEO title',
  is_featured: false,
  created_at: '2026-01-01T10:00:00+00:00',
  deleted_at: null as string | null,
};

const ROWS = {
  listings: [LISTING, { ...LISTING, id: 'l2', title: 'Gone listing', deleted_at: '2026-02-03T14:05:00.000Z' }],
  bookings: [
    {
      id: 'b1',
      confirmation_code: 'BK-0001',
      status: 'confirmed',
      listing_id: 'l1',
      created_at: '2026-01-02T00:00:00Z',
    },
    {
      id: 'b2',
      confirmation_code: 'BK-0002',
      status: 'completed',
      listing_id: 'l1',
      created_at: '2026-01-03T00:00:00Z',
    },
    { id: 'b3', confirmation_code: 'BK-0003', status: 'pending', listing_id: 'l2', created_at: '2026-01-04T00:00:00Z' },
  ],
  reviews: [{ id: 'r1', title: 'Spotless', listing_id: 'l1' }],
  audit_logs: [
    {
      id: 'a1',
      table_name: 'listings',
      record_id: 'l1',
      action: 'create',
      actor_id: 'u1',
      // what the API embeds for the select's actor:actor(...) (the computed relationship)
      actor: { id: 'u1', full_name: 'Olga Operations' },
      created_at: '2026-01-01T10:00:00Z',
      changed_columns: null,
      old_data: null,
      new_data: { title: 'Deep clean' },
    },
    {
      id: 'a2',
      table_name: 'listings',
      record_id: 'l1',
      action: 'update',
      actor_id: 'u1',
      actor: { id: 'u1', full_name: 'Olga Operations' },
      created_at: '2026-01-05T10:00:00Z',
      changed_columns: ['title', 'updated_at'],
      old_data: { title: 'Deep clean', price_cents: 5000, currency: 'EUR' },
      new_data: { title: 'Deep clean (2h)', price_cents: 5000, currency: 'EUR' },
    },
    {
      id: 'a3',
      table_name: 'listings',
      record_id: 'l2',
      action: 'update',
      actor_id: 'u2',
      actor: null,
      created_at: '2026-01-06T10:00:00Z',
      changed_columns: ['title'],
      old_data: { title: 'Another listing' },
      new_data: { title: 'Not this record' },
    },
  ],
  users: [{ id: 'u1', full_name: 'Olga Operations' }],
};

function renderShow(
  path: string,
  permissions = staff('listings.read', 'listings.moderate', 'bookings.read', 'audit.read'),
) {
  const dataProvider = fakeDataProvider(ROWS);
  renderWithRefine(<Route path="/listings/show/:id" element={<ResourceShowPage def={fixtureResources.listings} />} />, {
    path,
    dataProvider,
    permissions,
  });
  return dataProvider;
}

describe('ResourceShowPage', () => {
  it('shows the record under its title, the fields the caller may see', async () => {
    renderShow('/listings/show/l1');
    expect(await screen.findByText('deep-clean')).toBeInTheDocument();
    // title field as the page title
    expect(screen.getAllByText('Deep clean').length).toBeGreaterThan(0);
    expect(screen.getByText('Slug')).toBeInTheDocument();
    expect(screen.getByText('Home cleaning')).toBeInTheDocument();
    // sensitive: needs finance.read
    expect(screen.queryByText('SEO title')).not.toBeInTheDocument();
    expect(screen.queryByText('Secret SEO title')).not.toBeInTheDocument();
    expect(screen.queryByText(/Deleted on/)).not.toBeInTheDocument();
  });

  it('lists related rows in a tab, only this record’s, with links; hides tabs the caller cannot list', async () => {
    const dataProvider = renderShow('/listings/show/l1');
    expect(await screen.findByText('BK-0001')).toBeInTheDocument();
    expect(screen.getByText('BK-0002')).toBeInTheDocument();
    expect(screen.queryByText('BK-0003')).not.toBeInTheDocument();
    expect(dataProvider.getList).toHaveBeenCalledWith(
      expect.objectContaining({
        resource: 'bookings',
        filters: expect.arrayContaining([{ field: 'listing_id', operator: 'eq', value: 'l1' }]),
        pagination: expect.objectContaining({ pageSize: 10, mode: 'server' }),
      }),
    );
    expect(screen.getByText('View all bookings').closest('a')).toHaveAttribute(
      'href',
      '/bookings?filters[0][field]=listing_id&filters[0][operator]=eq&filters[0][value]=l1',
    );
    const opens = screen.getAllByText('Open').map((link) => link.closest('a')?.getAttribute('href'));
    expect(opens).toEqual(expect.arrayContaining(['/bookings/show/b1', '/bookings/show/b2']));
    // reviews need reviews.moderate
    expect(screen.queryByText('Reviews')).not.toBeInTheDocument();
  });

  it('shows the audit trail newest first with actor, action and old → new values', async () => {
    const dataProvider = renderShow('/listings/show/l1');
    await user.click(await screen.findByText('Audit trail'));
    const change = await screen.findByText('Deep clean (2h)');
    const row = change.closest('tr') as HTMLElement;
    expect(within(row).getByText('update')).toBeInTheDocument();
    expect(await within(row).findByText('Olga Operations')).toBeInTheDocument();
    // the name comes in the trail's own request, embedded through public.actor(audit_logs)
    expect(dataProvider.getList).toHaveBeenCalledWith(
      expect.objectContaining({
        resource: 'audit_logs',
        meta: expect.objectContaining({ select: expect.stringContaining('actor:actor(id,full_name)') }),
      }),
    );
    expect(within(row).getByText('Title')).toBeInTheDocument();
    expect(within(row).getByText('Deep clean')).toBeInTheDocument();
    // bookkeeping columns are left out
    expect(within(row).queryByText(/updated_at/)).not.toBeInTheDocument();
    expect(screen.queryByText('Not this record')).not.toBeInTheDocument();
    const actions = [...document.querySelectorAll('.ant-tabs-tabpane-active tr.ant-table-row')].map(
      (tr) => tr.querySelector('.ant-tag')?.textContent,
    );
    expect(actions).toEqual(['update', 'create']);
  });

  it('has no audit trail tab without audit.read', async () => {
    renderShow('/listings/show/l1', staff('listings.read', 'bookings.read'));
    await screen.findByText('deep-clean');
    expect(screen.queryByText('Audit trail')).not.toBeInTheDocument();
  });

  it('soft-deletes instead of deleting', async () => {
    const dataProvider = renderShow('/listings/show/l1');
    await screen.findByText('deep-clean');
    await user.click(screen.getByText('Delete'));
    const confirm = (await screen.findByText('It is hidden from lists and can be restored.')).closest(
      '.ant-popover',
    ) as HTMLElement;
    await user.click(within(confirm).getByText('Delete'));
    await waitFor(() => expect(dataProvider.update).toHaveBeenCalledTimes(1));
    const { id, variables } = dataProvider.update.mock.calls[0][0];
    expect(id).toBe('l1');
    expect(Object.keys(variables)).toEqual(['deleted_at']);
    expect(Number.isNaN(Date.parse(variables.deleted_at))).toBe(false);
    expect(dataProvider.deleteOne).not.toHaveBeenCalled();
    expect(await screen.findByText(/Deleted on/)).toBeInTheDocument();
  });

  it('restores a soft-deleted record by clearing the column', async () => {
    const dataProvider = renderShow('/listings/show/l2');
    expect(await screen.findByText(/Deleted on 3 Feb 2026/)).toBeInTheDocument();
    await user.click(screen.getByText('Restore'));
    await waitFor(() => expect(dataProvider.update).toHaveBeenCalledTimes(1));
    expect(dataProvider.update.mock.calls[0][0]).toMatchObject({ id: 'l2', variables: { deleted_at: null } });
    await waitFor(() => expect(screen.queryByText(/Deleted on/)).not.toBeInTheDocument());
  });

  it('offers no restore (or delete) without the edit permission', async () => {
    renderShow('/listings/show/l2', staff('listings.read'));
    expect(await screen.findByText(/Deleted on/)).toBeInTheDocument();
    expect(screen.queryByText('Restore')).not.toBeInTheDocument();
    expect(screen.queryByText('Delete')).not.toBeInTheDocument();
  });
});
