import { expect, test } from '@playwright/test';
import {
  accessibilityFindings,
  apiAs,
  apiClient,
  offlineImages,
  serviceApi,
  settled,
  signIn,
  STAFF,
  watchConsole,
} from './support';

const LOCONOMY = '10000000-0000-4000-8000-000000000001';

// The moderation workspace as operations works it: open the listings queue, move to an item and
// claim it by keyboard, reject it with a reason template whose message is previewed; the provider
// gets that message and the listing is gone from the public API. Meanwhile a colleague (the super
// admin, in a second browser) sees the item claimed and cannot decide it without taking it over.
test('operations claims and rejects a listing by keyboard; a colleague sees the claim and cannot decide', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await offlineImages(page);
  await signIn(page, STAFF.ops.email);
  // a live listing customers reported and nobody holds: it is public until a moderator acts
  const { data: open } = await serviceApi()
    .from('moderation_items')
    .select('id, target_id')
    .eq('tenant_id', LOCONOMY)
    .eq('target_type', 'listing')
    .eq('queue', 'content_reports')
    .eq('status', 'pending')
    .is('claimed_by', null)
    .order('entered_queue_at', { ascending: false })
    .limit(100);
  const { data: live } = await serviceApi()
    .from('listings')
    .select('id, title, provider_id')
    .in(
      'id',
      (open ?? []).map((i) => i.target_id as string),
    )
    .eq('status', 'active')
    .eq('moderation_status', 'approved')
    .is('deleted_at', null)
    .limit(1);
  const listing = live![0] as { id: string; title: string; provider_id: string };
  const itemId = open!.find((i) => i.target_id === listing.id)!.id as string;
  const { data: before } = await apiClient().from('listings').select('id').eq('id', listing.id);
  expect(before, 'the listing is public before the decision').toEqual([{ id: listing.id }]);

  // the listings tab, then the item by its link: opening it claims it; c renews the claim
  await page.goto('/moderation?tab=listings');
  await expect(page.getByRole('tab', { name: /Listings/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('table', { name: 'Queue' }).locator('tbody tr.ant-table-row').first()).toBeVisible();
  await page.goto(`/moderation?tab=listings&item=${itemId}`);
  const pane = page.getByRole('region', { name: 'Item' });
  await expect(pane.getByRole('heading', { name: listing.title })).toBeVisible();

  await expect(pane.getByText(/Claimed by you until/)).toBeVisible();
  await page.keyboard.press('c');
  await expect(page.getByText('Claimed for the next 15 minutes')).toBeVisible();
  const { data: claimed } = await serviceApi().from('moderation_items').select('claimed_by').eq('id', itemId).single();
  expect(claimed!.claimed_by).toBe('00000000-0000-4000-8000-000000000002');
  await settled(page);
  expect(await accessibilityFindings(page), 'accessibility of the workspace').toEqual([]);
  await page.screenshot({ path: 'test-results/e2e/screenshots/moderation-workspace.png', fullPage: true });

  // a colleague opens the same item: claimed by Olivia, and deciding needs taking it over
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await offlineImages(colleague);
  await signIn(colleague, STAFF.super.email);
  await colleague.goto(`/moderation?tab=listings&item=${itemId}`);
  const theirPane = colleague.getByRole('region', { name: 'Item' });
  await expect(theirPane.getByText(/Claimed by Olivia Ops until/)).toBeVisible();
  await theirPane.getByRole('button', { name: /^Reject/ }).click();
  const theirDialog = colleague.getByRole('dialog');
  await theirDialog.getByRole('button', { name: 'Reject' }).click();
  await expect(theirDialog.getByText('Olivia Ops holds this item: take it over to decide')).toBeVisible();
  await theirDialog.getByRole('button', { name: 'Cancel' }).click();
  await colleagueContext.close();
  const { data: untouched } = await serviceApi()
    .from('moderation_items')
    .select('status, claimed_by')
    .eq('id', itemId)
    .single();
  expect(untouched).toEqual({ status: 'pending', claimed_by: '00000000-0000-4000-8000-000000000002' });

  // r: reject with a template; the preview is the message the provider will get
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(dialog.getByText('Pick the reason the provider or author is told')).toBeVisible();
  await dialog.getByLabel('Reason').click();
  await page.locator('.ant-select-item-option[title="Misleading photos or description"]').click();
  await dialog.getByLabel('Note').fill('The photos show another company’s van.');
  const preview = dialog.getByRole('status', { name: 'Message preview' });
  await expect(preview).toContainText(`Your listing "${listing.title}" was taken down`);
  await expect(preview).toContainText('another company’s van');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Reject: done')).toBeVisible();

  const { data: decided } = await serviceApi()
    .from('moderation_items')
    .select('status, decided_by, decision_reason_code')
    .eq('id', itemId)
    .single();
  expect(decided).toEqual({
    status: 'rejected',
    decided_by: '00000000-0000-4000-8000-000000000002',
    decision_reason_code: 'misleading_listing',
  });
  const { data: notifications } = await serviceApi()
    .from('notifications')
    .select('user_id, title, body')
    .eq('type', 'moderation.decision')
    .eq('data->>item_id', itemId);
  expect(notifications).toEqual([
    {
      user_id: listing.provider_id,
      title: 'Misleading photos or description',
      body: `Your listing "${listing.title}" was taken down: its photos or description do not match the service. The photos show another company’s van.`,
    },
  ]);
  const { data: publicRead, error } = await apiClient().from('listings').select('id').eq('id', listing.id);
  // rejected: taken off the marketplace
  expect(error).toBeNull();
  expect(publicRead).toEqual([]);
  expect(errors).toEqual([]);
});

// Bulk: two reported reviews, their reports ignored with one decision; each row's outcome shown.
test('operations ignores the reports on two reviews at once and sees what happened to each', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  await offlineImages(page);
  const ops = await apiAs(STAFF.ops.email);
  const { data: firstTwo, error } = await ops.rpc('moderation_queue_page', {
    p_tab: 'reviews',
    p_sort: 'sla',
    p_claim: 'unclaimed',
    p_limit: 2,
  });
  expect(error).toBeNull();
  const items = firstTwo as { id: string; target_title: string }[];
  expect(items).toHaveLength(2);

  await signIn(page, STAFF.ops.email);
  await page.goto('/moderation?tab=reviews&claim=unclaimed');
  const queue = page.getByRole('table', { name: 'Queue' });
  await expect(queue.locator('tbody tr.ant-table-row')).not.toHaveCount(0);
  const checkboxes = queue.locator('tbody tr.ant-table-row .ant-table-selection-column input[type="checkbox"]');
  await checkboxes.nth(0).check();
  await checkboxes.nth(1).check();
  const bulk = page.getByRole('region', { name: 'Bulk decision' });
  await expect(bulk.getByText('2 selected')).toBeVisible();
  await bulk.getByRole('button', { name: 'Ignore reports…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ignore reports: 2 items' });
  await dialog.getByLabel('Note').fill('Duplicates of a report already handled');
  await dialog.getByRole('button', { name: 'Ignore reports' }).click();

  const result = page.getByRole('dialog', { name: 'Bulk decision' });
  await expect(result).toBeVisible();
  await expect(result.getByText('Done', { exact: true })).toHaveCount(2);
  const { data: after } = await serviceApi()
    .from('moderation_items')
    .select('id, status, decision_note')
    .in(
      'id',
      items.map((i) => i.id),
    )
    .order('id');
  expect(after).toEqual(
    items
      .map((i) => ({ id: i.id, status: 'ignored', decision_note: 'Duplicates of a report already handled' }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  );
  await result.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(result).toBeHidden();
  expect(errors).toEqual([]);
});

// An item link a moderator cannot use — another tenant's item, or one whose target was deleted —
// says so at once instead of leaving the pane loading: the refusal is asked once, not retried.
test('an item of another tenant, or one that no longer exists, says why it cannot be opened', async ({ page }) => {
  const errors = watchConsole(page);
  const asked: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/rpc/moderation_item_context')) asked.push(req.postData() ?? '');
  });
  await signIn(page, STAFF.ops.email);
  const { data: foreign } = await serviceApi()
    .from('moderation_items')
    .select('id')
    .neq('tenant_id', LOCONOMY)
    .limit(1)
    .single();
  expect(foreign).not.toBeNull();
  await page.goto(`/moderation?tab=listings&item=${foreign!.id}`);
  const pane = page.getByRole('region', { name: 'Item' });
  await expect(pane.getByText('You cannot open this item')).toBeVisible();
  await expect(pane.getByText(/permission denied/)).toBeVisible();

  const gone = '00000000-0000-4000-8000-00000000dead';
  await page.goto(`/moderation?tab=listings&item=${gone}`);
  await expect(pane.getByText('This item no longer exists')).toBeVisible();
  // the refusal is not retried: with react-query's three retries the pane would say so only after
  // the fourth request (~7 s); the live feed's refetch on connecting may ask once more
  expect(asked.filter((body) => body.includes(foreign!.id)).length).toBeLessThanOrEqual(2);
  expect(asked.filter((body) => body.includes(gone)).length).toBeLessThanOrEqual(2);
  // the refused requests are the page's answer, not console errors
  expect(errors.filter((e) => !/status of 40[34]/.test(e))).toEqual([]);
});
