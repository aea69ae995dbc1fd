import { expect, test } from '@playwright/test';
import { apiAs, serviceApi, settled, signIn, STAFF } from './support';

const LOCONOMY = '10000000-0000-4000-8000-000000000001';

async function someFlag() {
  const { data } = await serviceApi()
    .from('feature_flags')
    .select('id, key, description, rollout_percentage')
    .eq('tenant_id', LOCONOMY)
    .order('key')
    .limit(1)
    .single<{ id: string; key: string; description: string | null; rollout_percentage: number }>();
  return data!;
}

// Finance has no feature-flag permission: the UI offers no way in, and the database refuses
// a direct API call with finance's own session just the same.
test('finance cannot see or edit feature flags, in the UI or through the API', async ({ page }) => {
  const flag = await someFlag();
  await signIn(page, STAFF.finance.email);
  await expect(page.getByRole('menuitem', { name: /Feature management/ })).toHaveCount(0);
  await page.goto('/feature_flags');
  await expect(page.getByText('Not allowed')).toBeVisible();
  await page.goto(`/feature_flags/edit/${flag.id}`);
  await expect(page.getByText('Not allowed')).toBeVisible();

  const finance = await apiAs(STAFF.finance.email);
  const update = await finance
    .from('feature_flags')
    .update({ description: 'changed by finance' })
    .eq('id', flag.id)
    .select('id');
  expect(update.error?.code === '42501' || update.data?.length === 0).toBe(true);
  const rollout = await finance.rpc('set_feature_flag_rollout', { p_flag_id: flag.id, p_rollout_percentage: 100, p_note: 'test: why' });
  expect(rollout.error?.code).toBe('42501');
  expect(await someFlag()).toEqual(flag);
});

test('product, who manages flags, gets the edit button finance never sees', async ({ page }) => {
  const flag = await someFlag();
  await signIn(page, STAFF.product.email);
  await page.goto(`/feature_flags/show/${flag.id}`);
  await settled(page);
  await expect(page.getByRole('heading', { name: flag.key })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screenshots/show-feature-flag.png', fullPage: true });
});
