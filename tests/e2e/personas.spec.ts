import { expect, test } from '@playwright/test';
import { serviceApi, settled, signIn, signOut, STAFF, watchConsole, type StaffName } from './support';

// Every demo persona signs in through the real form against the real Auth API, and the app
// says who they are, as what, and in which tenant.
for (const name of Object.keys(STAFF) as StaffName[]) {
  test(`${name} signs in and sees their name, role and tenant`, async ({ page }) => {
    const errors = watchConsole(page);
    await signIn(page, STAFF[name].email);
    const { data: user } = await serviceApi()
      .from('users')
      .select('full_name, tenant:tenants(name)')
      .eq('email', STAFF[name].email)
      .single<{ full_name: string; tenant: { name: string } }>();
    await expect(page.getByTestId('header-user')).toContainText(user!.full_name);
    await expect(page.getByTestId('header-role')).toHaveText(STAFF[name].role);
    if (name === 'super') await expect(page.getByRole('combobox', { name: 'Tenant' })).toBeVisible();
    else await expect(page.getByTestId('header-tenant')).toHaveText(user!.tenant.name);
    await expect(page.getByText('What needs attention today.')).toBeVisible();
    await expect(page).toHaveTitle(/Dashboard · Loconomy Admin/);
    expect(errors).toEqual([]);
  });
}

test('a marketplace customer is told the tool is for staff, and can sign out', async ({ page }) => {
  await signIn(page, 'customer@loconomy.test');
  await expect(page.getByText('This tool is for Loconomy staff')).toBeVisible();
  await expect(page.locator('.ant-layout-sider')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('the menu follows permissions: product manages flags, finance sees no flags', async ({ page }) => {
  await signIn(page, STAFF.product.email);
  await expect(page.getByRole('menuitem', { name: /Feature management/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Billing/ })).toHaveCount(0);
  await signOut(page);

  await signIn(page, STAFF.finance.email);
  await expect(page.getByRole('menuitem', { name: /Billing/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Feature management/ })).toHaveCount(0);
});

test('the theme can be switched to dark and stays dark after a reload', async ({ page }) => {
  await signIn(page, STAFF.ops.email);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-color-mode', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-color-mode', 'dark');
  await expect(page.getByText('What needs attention today.')).toBeVisible();
  await settled(page);
  await page.screenshot({ path: 'test-results/e2e/screenshots/dashboard-dark.png' });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-color-mode', 'light');
});

test('an unknown address shows a 404 page inside the app', async ({ page }) => {
  await signIn(page, STAFF.ops.email);
  await page.goto('/no-such-page');
  await expect(page.getByText('Page not found')).toBeVisible();
});

test('a super admin narrows every list to one tenant and back', async ({ page }) => {
  const api = serviceApi();
  const { data: harbor } = await api
    .from('tenants')
    .select('id, name')
    .eq('slug', 'harbor')
    .single<{ id: string; name: string }>();
  // the newest listing of each tenant: the list's first row when that tenant is shown
  const newest = async (tenant: 'harbor' | 'other') => {
    let query = api
      .from('listings')
      .select('title')
      .is('deleted_at', null)
      .order('created_at', { ascending: false })
      .limit(1);
    query = tenant === 'harbor' ? query.eq('tenant_id', harbor!.id) : query.neq('tenant_id', harbor!.id);
    return (await query.single<{ title: string }>()).data!.title;
  };
  const [harborTitle, otherTitle] = [await newest('harbor'), await newest('other')];
  const firstRow = page.locator('.ant-table-row').first();

  await signIn(page, STAFF.super.email);
  await page.goto('/listings');
  await expect(page.locator('.ant-table-row', { hasText: otherTitle })).toBeVisible();
  // antd opens a Select on mousedown of its selector box
  const switcher = page.locator('header .ant-select-selector');
  await switcher.click();
  await page.locator('.ant-select-item-option', { hasText: harbor!.name }).click();
  await expect(firstRow).toContainText(harborTitle);
  await expect(page.locator('.ant-table-row', { hasText: otherTitle })).toHaveCount(0);
  await page.reload();
  await expect(firstRow).toContainText(harborTitle);
  await switcher.click();
  await page.locator('.ant-select-item-option', { hasText: 'All tenants' }).click();
  await expect(page.locator('.ant-table-row', { hasText: otherTitle })).toBeVisible();
});

test('forgot password asks the Auth API for a reset link without saying whether the address exists', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password/);
  await page.getByLabel('Email').fill('nobody@loconomy.test');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If the address is known, a reset link is on its way.')).toBeVisible();
});
