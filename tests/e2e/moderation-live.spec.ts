import { expect, test } from '@playwright/test';
import { apiAs, offlineImages, signIn, STAFF, watchConsole } from './support';

const LOCONOMY = '10000000-0000-4000-8000-000000000001';

// Two moderators at once: the super admin watches the unclaimed reviews while operations
// (Olivia Ops, in another browser) opens the first of them. Without reloading, the item leaves
// the super admin's unclaimed list (Realtime postgres_changes on moderation_items), and on the
// whole list it shows claimed by Olivia and open by her (Presence on the tenant's private
// moderation channel).
test('a colleague opening and claiming an item shows in the other moderator’s queue live', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  await offlineImages(page);
  await signIn(page, STAFF.super.email);
  // looking at Loconomy only: with every tenant the first unclaimed review may be another
  // tenant's, which operations could not open
  await page.evaluate((tenant) => window.localStorage.setItem('loconomy-admin.tenant-scope', tenant), LOCONOMY);
  await page.goto('/moderation?tab=reviews&claim=unclaimed');
  const queue = page.getByRole('table', { name: 'Queue' });
  const first = queue.locator('tbody tr.ant-table-row').first();
  await expect(first).toBeVisible();
  const itemId = (await first.getAttribute('data-row-key'))!;
  expect(itemId).toMatch(/^[0-9a-f-]{36}$/);
  await page.evaluate(() => ((window as unknown as { liveMark: boolean }).liveMark = true));

  const opsContext = await browser.newContext();
  const ops = await opsContext.newPage();
  await offlineImages(ops);
  await signIn(ops, STAFF.ops.email);
  try {
    await ops.goto(`/moderation?tab=reviews&item=${itemId}`);
    await expect(ops.getByRole('region', { name: 'Item' }).getByText(/Claimed by you until/)).toBeVisible();

    // the claim takes the item out of the unclaimed list, live
    await expect(queue.locator(`tr[data-row-key="${itemId}"]`)).toHaveCount(0, { timeout: 3000 });
    expect(await page.evaluate(() => (window as unknown as { liveMark?: boolean }).liveMark)).toBe(true);

    // the claimed items (a new page load: the live part is proven above): Olivia's claim, and
    // she has it open
    await page.goto('/moderation?tab=reviews&claim=claimed');
    const row = queue.locator(`tr[data-row-key="${itemId}"]`);
    await expect(row.getByText('Claimed by Olivia Ops')).toBeVisible();
    await expect(row.getByTestId('open-by')).toHaveText(/Open by Olivia Ops/);

    // and opening it, the pane says she is on it too
    await row.click();
    await expect(page.getByRole('region', { name: 'Item' }).getByTestId('also-open-by')).toHaveText(
      /Also open by Olivia Ops/,
    );
    expect(errors).toEqual([]);
  } finally {
    await opsContext.close();
    const opsApi = await apiAs(STAFF.ops.email);
    await opsApi.rpc('release_moderation_item', { p_item_id: itemId });
  }
});
