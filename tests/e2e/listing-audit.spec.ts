import { expect, test } from '@playwright/test';
import { accessibilityFindings, serviceApi, settled, signIn, STAFF, watchConsole } from './support';

const LOCONOMY = '10000000-0000-4000-8000-000000000001';

// Operations corrects a listing's title through the generic form; the change is saved under
// RLS, written to the hash-chained audit log by the database, and shown in the listing's
// audit trail. Screenshots of the list, show and form pages are kept as artifacts.
test('editing a listing title shows up in its audit trail', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  const { data: listing } = await serviceApi()
    .from('listings')
    .select('id, title')
    .eq('tenant_id', LOCONOMY)
    .is('deleted_at', null)
    .eq('status', 'active')
    .order('created_at', { ascending: false })
    .limit(1)
    .single<{ id: string; title: string }>();
  const newTitle = `Same-day boiler repair ${Date.now().toString(36)}`;

  await signIn(page, STAFF.ops.email);
  await page.goto('/listings');
  await settled(page);
  await page.screenshot({ path: 'test-results/e2e/screenshots/list-listings.png' });
  await testInfo.attach('list page', {
    path: 'test-results/e2e/screenshots/list-listings.png',
    contentType: 'image/png',
  });

  await page.goto(`/listings/edit/${listing!.id}`);
  const title = page.getByLabel('Title', { exact: true });
  await expect(title).toHaveValue(listing!.title);
  expect(await accessibilityFindings(page), 'accessibility of the edit form').toEqual([]);
  await page.screenshot({ path: 'test-results/e2e/screenshots/form-listing.png', fullPage: true });
  await testInfo.attach('form page', {
    path: 'test-results/e2e/screenshots/form-listing.png',
    contentType: 'image/png',
  });
  await title.fill(newTitle);
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page).toHaveURL(new RegExp(`/listings/show/${listing!.id}`));
  await expect(page.getByRole('heading', { name: newTitle })).toBeVisible();
  await settled(page);
  expect(await accessibilityFindings(page), 'accessibility of the show page').toEqual([]);
  await page.getByRole('tab', { name: 'Audit trail' }).click();
  const trail = page.getByRole('tabpanel', { name: 'Audit trail' });
  await expect(trail.getByText(newTitle).first()).toBeVisible();
  await expect(trail.getByText(listing!.title).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screenshots/show-listing-audit.png', fullPage: true });
  await testInfo.attach('show page', {
    path: 'test-results/e2e/screenshots/show-listing-audit.png',
    contentType: 'image/png',
  });

  // the database recorded who did it
  const { data: audit } = await serviceApi()
    .from('audit_logs')
    .select('actor_id, changed_columns, new_data')
    .eq('table_name', 'listings')
    .eq('record_id', listing!.id)
    .order('seq', { ascending: false })
    .limit(1)
    .single<{ actor_id: string; changed_columns: string[]; new_data: { title: string } }>();
  expect(audit!.actor_id).toBe('00000000-0000-4000-8000-000000000002');
  expect(audit!.changed_columns).toContain('title');
  expect(audit!.new_data.title).toBe(newTitle);
  expect(errors).toEqual([]);
});
