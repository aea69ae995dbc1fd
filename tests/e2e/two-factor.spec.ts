import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { HARBOR_ADMIN_TOTP_SECRET, requireHarborTwoFactor, totpCode } from '../helpers/two-factor';
import { DEMO_PASSWORD, enterTotpCode, serviceApi, settled, signOut, STAFF, watchConsole } from './support';

// Staff two-factor sign-in in the built app: with harbor requiring it (switched on for this
// spec, with an authenticator app for its admin), its admin passes a TOTP step after the
// password, and a new harbor staff member is sent to set up an authenticator.
const HARBOR = '10000000-0000-4000-8000-000000000002';

let restoreDemoData: () => Promise<void>;
test.beforeAll(async () => {
  restoreDemoData = await requireHarborTwoFactor(process.env.LOCONOMY_TEST_DB_URL!);
});
test.afterAll(async () => {
  await restoreDemoData?.();
});

test('the harbor admin signs in with password and code and sees Harbor’s data', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/login');
  await page.getByLabel('Email').fill(STAFF.harbor.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/two-factor$/);
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screenshots/two-factor-code.png' });

  // the admin is not reachable before the code
  await page.goto('/listings');
  await expect(page).toHaveURL(/\/two-factor$/);

  const wrong = String((Number(totpCode(HARBOR_ADMIN_TOTP_SECRET)) + 500_000) % 1_000_000).padStart(6, '0');
  await page.getByLabel('Authentication code').fill(wrong);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toContainText('not valid');

  await enterTotpCode(page, HARBOR_ADMIN_TOTP_SECRET);
  await expect(page.getByTestId('header-tenant')).toHaveText('Harbor Services');
  await expect(page.getByTestId('header-role')).toHaveText(STAFF.harbor.role);
  await page.goto('/webhook_endpoints');
  await settled(page);
  await expect(page.locator('.ant-table-row').first()).toBeVisible();

  await page.goto('/account/security');
  await expect(page.getByText('Demo authenticator')).toBeVisible();
  await expect(page.getByText('This session was signed in with a code.')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screenshots/account-security.png', fullPage: true });
  await signOut(page);
  // the login page's own "not valid" notification is the only expected error-level output
  expect(errors.filter((e) => !/422|Unprocessable/.test(e))).toEqual([]);
});

test('a new harbor staff member is sent to enrolment, sets up an app from the setup key, and can remove it', async ({ page }) => {
  const api = serviceApi();
  const email = `two-factor-${randomUUID().slice(0, 8)}@harbor.test`;
  const { data: created, error } = await api.auth.admin.createUser({ email, password: DEMO_PASSWORD, email_confirm: true });
  expect(error).toBeNull();
  const authId = created.user!.id;
  const { data: row, error: rowError } = await api
    .from('users')
    .insert({ tenant_id: HARBOR, auth_user_id: authId, email, full_name: 'Nia New', role: 'admin', status: 'active' })
    .select('id')
    .single();
  expect(rowError).toBeNull();
  try {
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/two-factor\/enrol/);
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    // the QR code is a real image, not a broken one
    expect(await page.getByRole('img', { name: /QR code/ }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/e2e/screenshots/two-factor-enrol.png', fullPage: true });

    const secret = (await page.getByTestId('totp-setup-key').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Authentication code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Confirm and continue' }).click();
    await expect(page).not.toHaveURL(/\/two-factor/);
    await expect(page.getByTestId('header-user')).toContainText('Nia New');
    await expect(page.getByTestId('header-tenant')).toHaveText('Harbor Services');

    // account security: the new app is listed; removing it (confirmed) sends them back to set one up
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Account security' }).click();
    await expect(page).toHaveURL(/\/account\/security$/);
    await expect(page.getByText('Authenticator app', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Remove Authenticator app' }).click();
    await expect(page.getByText('Remove this authenticator app?')).toBeVisible();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(page).toHaveURL(/\/two-factor\/enrol/);
    const { data: after } = await api.auth.admin.getUserById(authId);
    expect((after.user?.factors ?? []).filter((f) => f.status === 'verified')).toEqual([]);
  } finally {
    await api.from('users').delete().eq('id', row!.id);
    await api.auth.admin.deleteUser(authId);
  }
});
