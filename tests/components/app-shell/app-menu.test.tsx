import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../src/resources';
import { domains } from '../../../src/resources/domains';
import { canDo, type StaffPermissions } from '../../../src/resources/permissions';
import { staff } from '../resource-form/fixtures';
import { renderShell } from './harness';

// The side menu is refine's useMenu() over the declarations <Refine> receives, filtered by the
// access control provider: workspaces first, then the tables under a heading, grouped by domain.

const FINANCE = staff('finance.read', 'finance.reconcile');
const OPS = staff('listings.read', 'listings.moderate', 'reviews.moderate', 'reports.read', 'bookings.read');

/** The menu as a reader meets it: top-level links, the heading, then the domain groups. */
function outline(): string[] {
  const menu = screen.getByRole('navigation', { name: 'Main' });
  const nodes = menu.querySelectorAll(
    '.ant-menu-root > .ant-menu-item, .ant-menu-item-group-title, .ant-menu-item-group-list > .ant-menu-submenu > .ant-menu-submenu-title',
  );
  return [...nodes].map(
    (node) => (node.classList.contains('ant-menu-item-group-title') ? '# ' : '') + node.textContent,
  );
}

/** The links inside one open domain group, in order. */
function groupLinks(label: string): string[] {
  const title = screen.getByRole('menuitem', { name: new RegExp(` ${label}$`) });
  const group = title.closest('.ant-menu-submenu')!;
  return [...group.querySelectorAll('.ant-menu-item')].map((item) => item.textContent ?? '');
}

const groupsFor = (perms: StaffPermissions) =>
  domains
    .filter((domain) => registry.some((def) => def.group === domain.key && canDo(def, 'list', perms)))
    .map((domain) => domain.label);

async function menuReady() {
  await screen.findByRole('menuitem', { name: /Dashboard/ });
}

describe('the side menu', () => {
  it('lists the workspaces first in their order, then the tables by domain under their own heading', async () => {
    renderShell({ path: '/payout-review', permissions: FINANCE });
    await menuReady();
    await waitFor(() => expect(outline()).toEqual(['Dashboard', 'Money', 'Payout review', '# Tables', ...groupsFor(FINANCE)]));
    expect(outline()).toContain('Billing');
    expect(outline()).not.toContain('Feature management');
  });

  it('leaves out a workspace the caller may not open', async () => {
    renderShell({ path: '/listings', permissions: OPS });
    await menuReady();
    // operations moderates (the moderation workspace) but does not review payouts
    await waitFor(() => expect(outline()).toEqual(['Dashboard', 'Moderation', '# Tables', ...groupsFor(OPS)]));
    expect(outline()).not.toContain('Payout review');
    expect(outline()).toContain('Catalog');
    expect(outline()).not.toContain('Billing');
  });

  it('never lists a page declared without a place in the menu, and keeps only the groups with a table left', async () => {
    const nobody = staff();
    renderShell({ path: '/account/security', permissions: nobody });
    await menuReady();
    // tables every staff member may list (categories, regions…) keep their groups
    await waitFor(() => expect(outline()).toEqual(['Dashboard', '# Tables', ...groupsFor(nobody)]));
    expect(groupsFor(nobody).length).toBeLessThan(domains.length);
    expect(screen.queryByText('Account security')).not.toBeInTheDocument();
  });

  it('opens the group of the current table, lists only the tables the caller may list, in registry order, and marks the page', async () => {
    const reviewer = staff('reviews.moderate');
    renderShell({ path: '/categories', permissions: reviewer });
    await menuReady();
    const expected = registry
      .filter((def) => def.group === 'catalog' && canDo(def, 'list', reviewer))
      .map((def) => def.label);
    expect(expected).toContain('Categories');
    expect(expected).not.toContain('Listings');
    expect(expected.length).toBeLessThan(registry.filter((def) => def.group === 'catalog').length);
    await waitFor(() => expect(groupLinks('Catalog')).toEqual(expected));
    const current = within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Categories' });
    expect(current.closest('.ant-menu-item')).toHaveClass('ant-menu-item-selected');
    // other groups stay closed
    expect(screen.queryByRole('link', { name: 'Reviews' })).not.toBeInTheDocument();
  });

  it('links each entry to its page', async () => {
    renderShell({ path: '/payout-review', permissions: FINANCE });
    await menuReady();
    const nav = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('href', '/');
    expect(await nav.findByRole('link', { name: 'Payout review' })).toHaveAttribute('href', '/payout-review');
  });
});
