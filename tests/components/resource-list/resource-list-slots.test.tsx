import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { Button } from 'antd';
import type { DataProvider } from '@refinedev/core';
import { describe, expect, it, vi } from 'vitest';
import { ResourceList } from '../../../src/components/resource-list/resource-list';
import { getResource } from '../../../src/resources';
import { currentSearch, fakeDataProvider, renderList, staff, type Row } from './harness';

// The list a workflow builds on: a permanent filter the URL cannot remove, and slots for row
// actions, bulk actions, extra columns and an item pane.

const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
const listings = getResource('listings');

const listing = (n: number, moderation_status: string): Row => ({
  id: `l-${n}`,
  title: `Listing ${n}`,
  status: 'active',
  moderation_status,
  price_cents: 1000,
  currency: 'USD',
  created_at: `2026-01-0${n}T10:00:00Z`,
  deleted_at: null,
});
const tables = {
  listings: [listing(1, 'pending'), listing(2, 'approved'), listing(3, 'pending'), listing(4, 'flagged')],
};
const PENDING = [{ field: 'moderation_status', operator: 'eq' as const, value: 'pending' }];
const moderator = staff('listings.read', 'listings.moderate');

const titles = () =>
  [...document.querySelectorAll('tbody tr.ant-table-row')].map(
    (row) => row.querySelector('td:nth-child(2), td')?.textContent,
  );
// The test setup gives antd's generated ids one fixed value, so a dialog's name (aria-labelledby)
// cannot be trusted here: a dialog is found by its title's text.
const dialogTitled = async (title: string) => (await screen.findByText(title)).closest<HTMLElement>('[role="dialog"]')!;
const listedTitles = async (expected: string[]) =>
  waitFor(() => expect(expected.every((title) => screen.queryByText(title))).toBe(true));

describe('ResourceList with a permanent filter', () => {
  it('always applies it, never shows it as a filter, and the URL cannot replace it', async () => {
    const dp = fakeDataProvider(tables);
    renderList({
      // a hand-made URL asking for approved listings
      url: '/listings?filters[0][field]=moderation_status&filters[0][operator]=eq&filters[0][value]=approved',
      dataProvider: dp,
      permissions: moderator,
      element: <ResourceList def={listings} table={{ permanentFilters: PENDING }} />,
    });
    await listedTitles(['Listing 1', 'Listing 3']);
    expect(screen.queryByText('Listing 2')).not.toBeInTheDocument();
    expect(screen.queryByText('Listing 4')).not.toBeInTheDocument();
    const query = dp.getList.mock.calls.at(-1)![0];
    expect(query.filters).toContainEqual(PENDING[0]);
    expect(query.filters).not.toContainEqual({ field: 'moderation_status', operator: 'eq', value: 'approved' });
    expect(currentSearch()).not.toContain('pending');
    expect(titles().length).toBe(2);
  });
});

describe('ResourceList slots', () => {
  it('renders row actions, extra columns, the page’s bulk actions and an item pane that a row click opens', async () => {
    const dp = fakeDataProvider(tables);
    const onClaim = vi.fn();
    renderList({
      url: '/listings',
      dataProvider: dp,
      permissions: moderator,
      element: (
        <ResourceList
          def={listings}
          table={{ permanentFilters: PENDING }}
          rowActions={(record) => (
            <Button size="small" onClick={() => onClaim(record.id)}>
              Claim {String(record.title)}
            </Button>
          )}
          extraColumns={[{ key: 'sla', title: 'Due in', render: (_, record) => `due ${String(record.id)}` }]}
          bulkActions={({ ids, clear }) => (
            <Button size="small" onClick={clear}>
              Assign {ids.length}
            </Button>
          )}
          sidePanel={(record, close) => (
            <div>
              <h2>Reviewing {String(record.title)}</h2>
              <Button onClick={close}>Close pane</Button>
            </div>
          )}
        />
      ),
    });
    await listedTitles(['Listing 1', 'Listing 3']);
    expect(screen.getByText('Due in', { selector: 'th' })).toBeInTheDocument();
    expect(screen.getByText('due l-3')).toBeInTheDocument();

    // a row action is the page's button, and clicking it does not open the pane
    await user.click(screen.getByText('Claim Listing 3'));
    expect(onClaim).toHaveBeenCalledWith('l-3');
    expect(screen.queryByRole('heading', { name: /Reviewing/ })).not.toBeInTheDocument();

    // the pane opens with the clicked row and closes
    await user.click(screen.getByText('due l-1'));
    const pane = await screen.findByRole('complementary', { name: 'Listing: Listing 1' });
    expect(within(pane).getByRole('heading', { name: 'Reviewing Listing 1' })).toBeInTheDocument();
    await user.click(within(pane).getByText('Close pane'));
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();

    // the page's bulk action appears with a selection and gets its ids
    await user.click(screen.getByLabelText('Select listing Listing 1'));
    await user.click(screen.getByLabelText('Select listing Listing 3'));
    await user.click(await screen.findByText('Assign 2'));
    await waitFor(() => expect(screen.queryByText('2 selected')).not.toBeInTheDocument());
  });
});

describe('a registry bulk action', () => {
  const review = (n: number): Row => ({
    id: `r-${n}`,
    title: `Review ${n}`,
    rating: 2,
    comment: 'Late',
    hidden_at: null,
    created_at: `2026-01-0${n}T10:00:00Z`,
    deleted_at: null,
  });

  function renderReviews(custom: (...args: never[]) => unknown) {
    const dp = fakeDataProvider(
      { reviews: [review(1), review(2), review(3)] },
      { custom: custom as unknown as DataProvider['custom'] },
    );
    renderList({ url: '/reviews', dataProvider: dp, permissions: staff('reviews.moderate') });
    return dp;
  }

  async function hideSelection(reason: string | null) {
    await listedTitles(['Review 1', 'Review 2']);
    await user.click(screen.getByLabelText('Select review Review 1'));
    await user.click(screen.getByLabelText('Select review Review 2'));
    const bar = (await screen.findByText('2 selected')).closest<HTMLElement>('.ant-space')!;
    await user.click(within(bar).getByText('Hide', { selector: 'button span' }));
    const dialog = await dialogTitled('Hide 2 reviews?');
    if (reason !== null) {
      await user.click(within(dialog).getByLabelText('Reason'));
      await user.paste(reason);
    }
    await user.click(within(dialog).getByText('Hide', { selector: 'button span' }));
    return dialog;
  }

  it('asks for its inputs and sends nothing until they pass the rules', async () => {
    const custom = vi.fn();
    renderReviews(custom);
    const dialog = await hideSelection(null);
    // the rules run asynchronously: on a loaded machine (the full run's shards) past findBy's default second
    expect(await within(dialog).findByText('Reason is required', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(custom).not.toHaveBeenCalled();
  });

  it('sends the whole selection in one request and shows what happened to each row', async () => {
    const custom = vi.fn(async () => ({
      data: [
        { id: 'r-1', outcome: 'skipped', message: 'nothing was changed: 1 of the 2 selected could not be moderated' },
        { id: 'r-2', outcome: 'refused', message: 'review not found or reviews.moderate missing' },
      ],
    }));
    renderReviews(custom);
    await hideSelection('Spam or advertising');
    await waitFor(() => expect(custom).toHaveBeenCalledTimes(1));
    expect((custom.mock.calls as unknown[][])[0][0]).toMatchObject({
      url: 'rpc/moderate_reviews',
      payload: { p_review_ids: ['r-1', 'r-2'], p_hide: true, p_reason: 'Spam or advertising' },
    });
    const panel = (await screen.findByText('Nothing changed: 1 of 2 refused')).closest<HTMLElement>('[role="dialog"]')!;
    expect(within(panel).getByText('Hide')).toBeInTheDocument();
    const rows = within(within(panel).getByRole('table')).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Review 2', 'Refused', 'review not found or reviews.moderate missing'],
      ['Review 1', 'Not changed', 'nothing was changed: 1 of the 2 selected could not be moderated'],
    ]);
    // nothing was done, so the selection stays for another look
    expect(screen.getByText('2 selected')).toBeInTheDocument();
  });

  it('clears the rows it carried out from the selection', async () => {
    const custom = vi.fn(async () => ({
      data: [
        { id: 'r-1', outcome: 'done', message: 'hidden' },
        { id: 'r-2', outcome: 'done', message: 'hidden' },
      ],
    }));
    renderReviews(custom);
    await hideSelection('Personal data');
    expect(await screen.findByText('2 of 2 done')).toBeInTheDocument();
    expect(screen.queryByText('2 selected')).not.toBeInTheDocument();
  });
});
