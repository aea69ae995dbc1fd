import { expect, test } from '@playwright/test';
import { signOut } from './support';

// Through the whole local stack: the built app, the local Auth API, bcrypt in PostgreSQL.
const password = 'Loconomy-demo-2026';

test('a staff member signs in and sees their name, then signs out', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('ops@loconomy.test');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByTestId('header-user')).toContainText('Olivia Ops');
  await page.screenshot({ path: 'test-results/e2e/home.png' });
  await signOut(page);
});

test('a wrong password is refused with Supabase Auth’s message and no session', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('ops@loconomy.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Invalid login credentials')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});
