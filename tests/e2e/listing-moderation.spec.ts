import { expect, test } from '@playwright/test';
import { accessibilityFindings, serviceApi, settled, signIn, STAFF, watchConsole } from './support';

const LOCONOMY = '10000000-0000-4000-8000-000000000001';
const OPS_USER = '00000000-0000-4000-8000-000000000002';

// Operations rejects a listing from its page: the reason is asked for and checked before
// anything is sent, moderate_listing records the decision, and the reason shows in the
// listing's audit trail.
test('operations rejects a listing from its page with a reason, and the reason is in its audit trail', async ({
  page,
}) => {
  const errors = watchConsole(page);
  // the oldest approved listing: other specs take the newest
  const { data: listing } = await serviceApi()
    .from('listings')
    .select('id, title')
    .eq('tenant_id', LOCONOMY)
    .is('deleted_at', null)
    .eq('status', 'active')
    .eq('moderation_status', 'approved')
    .order('created_at', { ascending: true })
    .limit(1)
    .single<{ id: string; title: string }>();
  const reason = `Misleading photos or description (${Date.now().toString(36)})`;

  await signIn(page, STAFF.ops.email);
  await page.goto(`/listings/show/${listing!.id}`);
  await expect(page.getByRole('heading', { name: listing!.title })).toBeVisible();
  // an approved listing can be rejected, flagged or suspended, not approved again
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Reject' }).click();

  const dialog = page.getByRole('dialog', { name: 'Reject this listing?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(dialog.getByText('Reason is required')).toBeVisible();
  await settled(page);
  expect(await accessibilityFindings(page), 'accessibility of the action dialog').toEqual([]);
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Reject: done')).toBeVisible();

  // the page shows the decision; Approve is offered now, Reject no longer
  await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reject' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Audit trail' }).click();
  const trail = page.getByRole('tabpanel', { name: 'Audit trail' });
  await expect(trail.getByText(reason).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screenshots/listing-rejected.png', fullPage: true });

  const { data: row } = await serviceApi()
    .from('listings')
    .select('status, moderation_status, moderation_reason, moderated_by')
    .eq('id', listing!.id)
    .single();
  expect(row).toEqual({
    status: 'inactive',
    moderation_status: 'rejected',
    moderation_reason: reason,
    moderated_by: OPS_USER,
  });
  const { data: audit } = await serviceApi()
    .from('audit_logs')
    .select('actor_id, metadata')
    .eq('table_name', 'listings')
    .eq('record_id', listing!.id)
    .eq('action', 'admin_action')
    .order('seq', { ascending: false })
    .limit(1)
    .single<{ actor_id: string; metadata: { rpc: string; decision: string; reason: string } }>();
  expect(audit).toEqual({
    actor_id: OPS_USER,
    metadata: { rpc: 'moderate_listing', decision: 'reject', reason },
  });
  expect(errors).toEqual([]);
});
