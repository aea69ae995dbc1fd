import { expect, test } from '@playwright/test';
import { settled, signIn, STAFF } from './support';

// The side menu at the default width, as the super admin sees it (every workspace and every
// table): workspaces first, the tables under their own heading, no label cut off.
test('the menu puts workspaces first, tables under a heading, and cuts no label off', async ({ page }) => {
  await signIn(page, STAFF.super.email);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = nav.locator('.ant-menu-root');
  await expect(menu.locator('> .ant-menu-item').first()).toHaveText('Dashboard');
  await expect(menu.locator('.ant-menu-item-group-title')).toHaveText('Tables');

  // open every domain group, one after another (the menu keeps the ones already open)
  const groups = menu.locator('.ant-menu-submenu-title');
  const count = await groups.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
    await expect(group).toHaveAttribute('aria-expanded', 'true');
  }
  await settled(page);

  const cut = await nav.evaluate((root) =>
    Array.from(root.querySelectorAll('.ant-menu-item, .ant-menu-submenu-title, .ant-menu-item-group-title'))
      .map((item) => {
        const title = item.querySelector('.ant-menu-title-content') ?? item;
        const over = Math.max(item.scrollWidth - item.clientWidth, title.scrollWidth - title.clientWidth);
        return over > 0 ? `${item.textContent} (${over}px short)` : null;
      })
      .filter((label) => label !== null),
  );
  const labels = await nav.locator('.ant-menu-item').count();
  expect(labels).toBeGreaterThan(40);
  expect(cut).toEqual([]);
  await page.locator('.app-sider > .ant-layout-sider-children').evaluate((scroller) => scroller.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/e2e/screenshots/menu-open.png' });
  // the last group is reachable: scrolled to the end, nothing covers it (the collapse trigger sat on it once)
  await groups.nth(count - 1).scrollIntoViewIfNeeded();
  await groups.nth(count - 1).click();
  await expect(groups.nth(count - 1)).toHaveAttribute('aria-expanded', 'false');
});
