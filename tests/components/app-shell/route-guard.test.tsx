import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { staff } from '../resource-form/fixtures';
import { renderShell } from './harness';

// Every page inside the app sits behind one guard, built from the declarations: it answers 404
// for what nobody declared and 403 for what the caller may not open, before the page loads.

const LISTING = { id: 'l1', title: 'Deep clean', status: 'active', moderation_status: 'approved' };

describe('the route guard', () => {
  it.each([
    ['a path nobody declared', '/no-such-page'],
    ['a page under a feature that it does not declare', '/payout-review/p1/edit'],
    ['the create page of a table staff cannot create in (events are read-only)', '/events/create'],
    ['the create page of a table written only by its owners (listings)', '/listings/create'],
  ])('answers 404 for %s', async (_, path) => {
    const dataProvider = renderShell({
      path,
      permissions: staff('listings.read', 'listings.moderate', 'analytics.read'),
    });
    expect(await screen.findByText('Page not found')).toBeInTheDocument();
    expect(dataProvider.getList).not.toHaveBeenCalled();
    expect(dataProvider.getOne).not.toHaveBeenCalled();
  });

  it('answers 403 for a feature without its permission, naming what is missing, and never loads the page', async () => {
    renderShell({ path: '/payout-review', permissions: staff('finance.read') });
    expect(await screen.findByText('Not allowed')).toBeInTheDocument();
    expect(screen.getByText(/You do not have permission to see payout review\./)).toBeInTheDocument();
    expect(screen.getByText('Payout review needs the finance.reconcile permission')).toBeInTheDocument();
    expect(screen.queryByText('Payouts awaiting review')).not.toBeInTheDocument();
  });

  it('opens the feature for a persona with its permission', async () => {
    renderShell({ path: '/payout-review', permissions: staff('finance.reconcile') });
    expect(await screen.findByRole('heading', { name: 'Payouts awaiting review' })).toBeInTheDocument();
  });

  it('guards a feature page by its own rule where it names one', async () => {
    renderShell({ path: '/payout-review/p7', permissions: staff('finance.read') });
    expect(await screen.findByText('Payout review needs one of finance.reconcile, audit.read')).toBeInTheDocument();
  });

  it('opens a feature detail page for a holder of its own rule', async () => {
    renderShell({ path: '/payout-review/p7', permissions: staff('audit.read') });
    expect(await screen.findByRole('heading', { name: 'Payout p7 under review' })).toBeInTheDocument();
  });

  it('answers 403 for a record page without the table’s list permission and loads nothing', async () => {
    const dataProvider = renderShell({
      path: '/listings/show/l1',
      permissions: staff('bookings.read'),
      rows: { listings: [LISTING] },
    });
    expect(await screen.findByText(/You do not have permission to see listings\./)).toBeInTheDocument();
    expect(screen.getByText('Listings: show needs the listings.read permission')).toBeInTheDocument();
    expect(dataProvider.getOne).not.toHaveBeenCalled();
  });

  it('answers 403 for an edit page without the edit permission and loads nothing', async () => {
    const dataProvider = renderShell({
      path: '/listings/edit/l1',
      permissions: staff('listings.read'),
      rows: { listings: [LISTING] },
    });
    expect(await screen.findByText('Listings: edit needs the listings.moderate permission')).toBeInTheDocument();
    expect(screen.queryByLabelText('Title')).not.toBeInTheDocument();
    expect(dataProvider.getOne).not.toHaveBeenCalled();
  });

  it('opens a record page the caller may see', async () => {
    const dataProvider = renderShell({
      path: '/listings/show/l1',
      permissions: staff('listings.read'),
      rows: { listings: [LISTING] },
    });
    expect(await screen.findAllByText('Deep clean')).not.toHaveLength(0);
    expect(dataProvider.getOne).toHaveBeenCalled();
  });
});
