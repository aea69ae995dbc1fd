import { expect, test } from '@playwright/test';
import { offlineImages, serviceApi, signIn, STAFF, watchConsole } from './support';

const LOCONOMY = '10000000-0000-4000-8000-000000000001';
const OPS = '00000000-0000-4000-8000-000000000002';

// The workspace's Disputes tab as operations works it: a disputed booking's evidence in the pane
// (its timeline, money and the parties' messages), then a partial refund with a reason template,
// which settles the dispute and decides its queue item.
test('operations reads a dispute’s evidence and settles it with a partial refund from the Disputes tab', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  await offlineImages(page);
  // an open, unclaimed dispute over a booking with one captured payment and nothing refunded —
  // the middle one by id: other tests take the first and the last
  const { data: items } = await serviceApi()
    .from('moderation_items')
    .select('id, target_id')
    .eq('tenant_id', LOCONOMY)
    .eq('queue', 'booking_disputes')
    .eq('status', 'pending')
    .is('claimed_by', null)
    .limit(200);
  const { data: bookings } = await serviceApi()
    .from('bookings')
    .select('id, confirmation_code, currency, transactions!transactions_booking_id_fkey(id, type, status, amount_cents)')
    .in(
      'id',
      (items ?? []).map((i) => i.target_id as string),
    )
    .eq('status', 'disputed')
    .eq('currency', 'USD')
    .order('id');
  type Tx = { id: string; type: string; status: string; amount_cents: number };
  const candidates = (bookings as { id: string; confirmation_code: string; transactions: Tx[] }[]).filter(
    (b) =>
      b.transactions.length === 1 && b.transactions[0].type === 'payment' && b.transactions[0].status === 'completed',
  );
  expect(candidates.length).toBeGreaterThan(2);
  const booking = candidates[Math.floor(candidates.length / 2)];
  const itemId = items!.find((i) => i.target_id === booking.id)!.id as string;

  await signIn(page, STAFF.ops.email);
  await page.goto('/moderation?tab=disputes');
  await expect(page.getByRole('tab', { name: /Disputes/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('table', { name: 'Queue' }).locator('tbody tr.ant-table-row').first()).toContainText(
    'Booking LC-',
  );
  await page.goto(`/moderation?tab=disputes&item=${itemId}`);
  const pane = page.getByRole('region', { name: 'Item' });
  await expect(pane.getByRole('heading', { name: `Booking ${booking.confirmation_code}` })).toBeVisible();
  await expect(pane.getByLabel('Booking timeline')).toContainText('Disputed');
  await expect(pane.getByRole('table', { name: 'Payments and refunds' }).locator('tbody tr')).toHaveCount(1);
  // the queue's approve makes no sense for a dispute: only escalation, and the booking's actions
  await expect(pane.getByLabel('Decisions').getByRole('button')).toHaveText(['Escalate (e)']);

  await pane.getByLabel('Actions on the booking').getByRole('button', { name: 'Refund' }).click();
  const dialog = page.getByRole('dialog', { name: 'Refund this booking?' });
  // the tenant's reason templates are the reason's suggestions: pick one, then complete it
  const reason = dialog.getByLabel('Reason', { exact: true });
  await reason.click();
  await page.locator('.ant-select-item-option', { hasText: 'Service partly delivered' }).click();
  await expect(reason).toHaveValue('Service partly delivered');
  await reason.press('End');
  await reason.pressSequentially(': no clean-up');
  await dialog.getByLabel('Amount').fill('5.00');
  await dialog.getByRole('button', { name: 'Refund' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Refund: done')).toBeVisible();
  await expect(pane.getByText(/^approved by Olivia Ops/)).toBeVisible();

  const { data: refunds } = await serviceApi()
    .from('transactions')
    .select('amount_cents, description')
    .eq('booking_id', booking.id)
    .eq('type', 'refund');
  expect(refunds).toEqual([{ amount_cents: 500, description: 'Dispute settled: Service partly delivered: no clean-up' }]);
  const { data: item } = await serviceApi()
    .from('moderation_items')
    .select('status, decided_by, decision_reason_code')
    .eq('id', itemId)
    .single();
  expect(item).toEqual({ status: 'approved', decided_by: OPS, decision_reason_code: 'dispute_refunded_in_part' });
  expect(errors).toEqual([]);
});

// The Users tab: a reported customer banned with a reason template — the ban decides the item and
// resolves the reports against them — then the ban lifted from the same pane.
test('operations bans a reported user from the Users tab, then lifts the ban', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  const { data: items } = await serviceApi()
    .from('moderation_items')
    .select('id, target_id')
    .eq('tenant_id', LOCONOMY)
    .eq('target_type', 'user')
    .eq('queue', 'content_reports')
    .eq('status', 'pending')
    .is('claimed_by', null)
    .order('id')
    .limit(100);
  const { data: users } = await serviceApi()
    .from('users')
    .select('id, full_name, email, status')
    .in(
      'id',
      (items ?? []).map((i) => i.target_id as string),
    )
    .eq('role', 'customer')
    .eq('status', 'active')
    .order('id')
    .limit(1);
  const user = users![0] as { id: string; full_name: string | null; email: string };
  const itemId = items!.find((i) => i.target_id === user.id)!.id as string;

  await signIn(page, STAFF.ops.email);
  await page.goto(`/moderation?tab=users&item=${itemId}`);
  await expect(page.getByRole('tab', { name: /Users/ })).toHaveAttribute('aria-selected', 'true');
  const pane = page.getByRole('region', { name: 'Item' });
  await expect(pane.getByRole('heading', { name: user.full_name ?? user.email })).toBeVisible();
  await expect(pane.getByRole('table', { name: 'Sanctions' })).toContainText('Never sanctioned');

  await pane.getByLabel('Actions on the user').getByRole('button', { name: 'Ban' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ban this user?' });
  await dialog.getByRole('button', { name: 'Ban' }).click();
  await expect(dialog.getByText('Reason is required')).toBeVisible();
  const reason = dialog.getByLabel('Reason', { exact: true });
  await reason.click();
  await page.locator('.ant-select-item-option', { hasText: 'Harassment or threats' }).click();
  await reason.press('End');
  await reason.pressSequentially(': messages to two providers');
  await dialog.getByRole('button', { name: 'Ban' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Ban: done')).toBeVisible();
  await expect(pane.getByText(/^rejected by Olivia Ops/)).toBeVisible();
  await expect(pane.getByRole('table', { name: 'Sanctions' })).toContainText(
    'Harassment or threats: messages to two providers',
  );
  const { data: banned } = await serviceApi().from('users').select('status').eq('id', user.id).single();
  expect(banned!.status).toBe('banned');
  const { data: reports } = await serviceApi()
    .from('content_reports')
    .select('status, resolution')
    .eq('target_type', 'user')
    .eq('target_id', user.id);
  expect(reports!.length).toBeGreaterThan(0);
  expect(new Set(reports!.map((r) => `${r.status}/${r.resolution}`))).toEqual(new Set(['resolved/user_suspended']));

  await pane.getByLabel('Actions on the user').getByRole('button', { name: 'Lift sanction' }).click();
  const lift = page.getByRole('dialog', { name: 'Lift sanction this user?' });
  await lift.getByLabel('Reason', { exact: true }).fill('Appeal accepted');
  await lift.getByRole('button', { name: 'Lift sanction' }).click();
  await expect(page.getByText('Lift sanction: done')).toBeVisible();
  await expect(pane.getByLabel('Actions on the user').getByRole('button', { name: 'Ban' })).toBeVisible();
  const { data: lifted } = await serviceApi().from('users').select('status').eq('id', user.id).single();
  expect(lifted!.status).toBe('active');
  expect(errors).toEqual([]);
});
