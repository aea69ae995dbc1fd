import { expect, test } from '@playwright/test';
import { apiAs, apiClient, offlineImages, serviceApi, signIn, STAFF, watchConsole } from './support';

const PROVIDER = { email: 'provider@loconomy.test', id: '00000000-0000-4000-8000-000000000007' };

// A provider retitles an approved listing through the API, as the provider app does: it leaves
// the public catalogue and waits in the listings queue, where operations sees the title as it
// was approved and as it is now, word by word.
test('a provider’s new title for an approved listing waits in the queue with the change shown', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  const { data: listings } = await serviceApi()
    .from('listings')
    .select('id, title')
    .eq('provider_id', PROVIDER.id)
    .eq('moderation_status', 'approved')
    .eq('status', 'active')
    .is('deleted_at', null)
    .order('created_at', { ascending: false })
    .limit(1);
  const listing = listings![0] as { id: string; title: string };
  const { data: publicBefore } = await apiClient().from('listings').select('id').eq('id', listing.id);
  expect(publicBefore, 'public while approved').toEqual([{ id: listing.id }]);

  const provider = await apiAs(PROVIDER.email);
  const newTitle = `${listing.title} — now with free quotes`;
  const { error } = await provider.from('listings').update({ title: newTitle }).eq('id', listing.id);
  expect(error).toBeNull();
  const { data: after } = await serviceApi().from('listings').select('moderation_status').eq('id', listing.id).single();
  expect(after!.moderation_status).toBe('pending');
  const { data: publicAfter } = await apiClient().from('listings').select('id').eq('id', listing.id);
  expect(publicAfter, 'hidden from customers until a moderator approves the change').toEqual([]);
  const { data: item } = await serviceApi()
    .from('moderation_items')
    .select('id, queue, status')
    .eq('target_type', 'listing')
    .eq('target_id', listing.id)
    .single();
  expect(item).toMatchObject({ queue: 'listing_approval', status: 'pending' });

  await offlineImages(page);
  await signIn(page, STAFF.ops.email);
  await page.goto(`/moderation?tab=listings&item=${item!.id as string}`);
  const pane = page.getByRole('region', { name: 'Item' });
  await expect(pane.getByRole('heading', { name: newTitle })).toBeVisible();
  const changes = pane.getByRole('region', { name: 'Changed since approved' });
  await expect(changes).toContainText('Title');
  await expect(changes.locator('ins')).toHaveText(['now with free quotes'].map((t) => new RegExp(t)));
  // the approved title reads whole once the added words are left out
  const approvedReading = await changes
    .locator('td')
    .first()
    .evaluate((cell) => {
      const copy = cell.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('ins').forEach((n) => n.remove());
      return copy.textContent;
    });
  expect(approvedReading).toBe(listing.title);
  await expect(changes).not.toContainText('Price');

  // approved by keyboard, then taken back within the 10 seconds the Undo bar offers
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(dialog).toBeHidden();
  const undo = page.getByRole('status', { name: 'Undo' });
  await expect(undo).toContainText(`Approve: “${newTitle}”`);
  const { data: approved } = await apiClient().from('listings').select('id').eq('id', listing.id);
  expect(approved, 'public once approved').toEqual([{ id: listing.id }]);
  await undo.getByRole('button', { name: 'Undo (z)' }).click();
  await expect(page.getByText('Decision undone')).toBeVisible();
  await expect(undo).toBeHidden();
  await expect(pane.getByRole('heading', { name: newTitle })).toBeVisible();
  await expect(pane.getByText(/Claimed by you until/)).toBeVisible();
  await expect(pane.getByRole('region', { name: 'Changed since approved' })).toContainText('Title');
  const { data: withdrawn } = await apiClient().from('listings').select('id').eq('id', listing.id);
  expect(withdrawn, 'hidden again once the approval is undone').toEqual([]);
  const { data: version } = await serviceApi()
    .from('listing_approved_versions')
    .select('title')
    .eq('listing_id', listing.id)
    .single();
  expect(version!.title, 'the version approved before is the approved one again').toBe(listing.title);
  expect(errors).toEqual([]);
});
