import { expect, test } from '@playwright/test';
import { canDo } from '../../src/resources/permissions';
import { registry } from '../../src/resources';
import { accessibilityFindings, apiAs, settled, signIn, STAFF, watchConsole } from './support';

// The operations persona opens every list page its permissions allow, as a new member of
// staff clicking through the menu would: each must load without console errors or error
// messages, showing its rows or saying that there are none, and (against the production
// build) without a critical or serious WCAG 2.1 AA finding of axe-core, the dashboard too.
test('operations opens every list page it may see, with no errors', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const { data: keys, error } = await (await apiAs(STAFF.ops.email)).rpc('my_permissions');
  expect(error).toBeNull();
  const perms = { keys: new Set(keys as string[]), superAdmin: false };
  const visible = registry.filter((def) => canDo(def, 'list', perms));
  expect(visible.length).toBeGreaterThan(10);
  // a budget per page (load, settle, axe on the build), so a new table does not squeeze the rest
  test.setTimeout(60_000 + visible.length * 8_000);

  // in the dev server, development warnings count too
  const errors = watchConsole(page, { warnings: testInfo.project.name === 'dev' });
  // the markup is the same in both servers: axe runs once, on the production build
  const axe = testInfo.project.name === 'build';
  await signIn(page, STAFF.ops.email);
  await settled(page);
  if (axe) expect(await accessibilityFindings(page), 'accessibility of the dashboard').toEqual([]);
  for (const def of visible) {
    await test.step(def.label, async () => {
      if (testInfo.project.name === 'dev') {
        // in the dev server a reload fetches hundreds of unbundled modules: move within the
        // running app as a menu click does (the router follows history), the way a newcomer
        // walks through it anyway
        await page.evaluate((path) => {
          window.history.pushState({}, '', path);
          window.dispatchEvent(new PopStateEvent('popstate'));
        }, `/${def.name}`);
      } else await page.goto(`/${def.name}`);
      await expect(page.getByRole('heading', { name: def.label, exact: true })).toBeVisible();
      await settled(page);
      await expect(page.locator('.ant-table-row, .ant-empty').first()).toBeVisible();
      await expect(
        page.locator('.ant-alert-error, .ant-result-error, .ant-result-403, .ant-notification-notice-error'),
      ).toHaveCount(0);
      expect(errors, `console errors on /${def.name}`).toEqual([]);
      if (axe) expect(await accessibilityFindings(page), `accessibility of /${def.name}`).toEqual([]);
    });
  }
  // and the menu offers nothing the persona may not open
  for (const def of registry.filter((d) => !visible.includes(d))) {
    await expect(page.locator(`a[href="/${def.name}"]`)).toHaveCount(0);
  }
});
