import { expect, test } from '@playwright/test';
import { listUrl } from '../../src/lib/list-url';
import { serviceApi, signIn, STAFF, watchConsole } from './support';

const LOCONOMY = '10000000-0000-4000-8000-000000000001';

// Operations settles a dispute from the booking's page with a partial refund: the amount and
// the reason are asked for, refund_disputed_booking makes the refund, and finance finds it in
// the transactions list, filtered to the booking, for the amount given.
test('operations settles a dispute with a partial refund, and the refund is in the transactions list', async ({
  page,
  browser,
}) => {
  const errors = watchConsole(page);
  // a disputed booking with one captured payment and nothing refunded (the newest: the
  // integration tests take the oldest)
  const { data: disputed } = await serviceApi()
    .from('bookings')
    .select('id, confirmation_code, transactions!transactions_booking_id_fkey(id, type, status, amount_cents)')
    .eq('tenant_id', LOCONOMY)
    .eq('status', 'disputed')
    .order('id', { ascending: false })
    .limit(50);
  type Tx = { id: string; type: string; status: string; amount_cents: number };
  const booking = (disputed as { id: string; confirmation_code: string; transactions: Tx[] }[]).find(
    (b) =>
      b.transactions.length === 1 && b.transactions[0].type === 'payment' && b.transactions[0].status === 'completed',
  )!;
  const payment = booking.transactions[0];
  expect(payment.amount_cents).toBeGreaterThan(1234);

  await signIn(page, STAFF.ops.email);
  await page.goto(`/bookings/show/${booking.id}`);
  await expect(page.getByRole('heading', { name: booking.confirmation_code })).toBeVisible();
  await page.getByRole('button', { name: 'Refund' }).click();
  const dialog = page.getByRole('dialog', { name: 'Refund this booking?' });
  await dialog.getByRole('button', { name: 'Refund' }).click();
  await expect(dialog.getByText('Reason is required')).toBeVisible();
  await dialog.getByLabel('Amount').fill('12.34');
  await dialog.getByLabel('Reason', { exact: true }).fill('The repair held, the clean-up was missing');
  await dialog.getByRole('button', { name: 'Refund' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Refund: done')).toBeVisible();
  // settled: none of the dispute's actions is offered any more
  await expect(page.getByRole('button', { name: 'Refund' })).toHaveCount(0);

  // finance (who reads money; operations does not) finds the refund in the transactions list
  const financeContext = await browser.newContext();
  const finance = await financeContext.newPage();
  await signIn(finance, STAFF.finance.email);
  await finance.goto(
    listUrl('transactions', [
      { field: 'booking_id', operator: 'eq', value: booking.id },
      { field: 'type', operator: 'in', value: ['refund'] },
    ]),
  );
  await expect(finance.getByText(/^1 transaction$/)).toBeVisible();
  const row = finance.getByRole('table').locator('tbody tr.ant-table-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('$12.34');
  await expect(row).toContainText('completed');

  const { data: refunds } = await serviceApi()
    .from('transactions')
    .select('amount_cents, refunded_transaction_id, status')
    .eq('booking_id', booking.id)
    .eq('type', 'refund');
  expect(refunds).toEqual([{ amount_cents: 1234, refunded_transaction_id: payment.id, status: 'completed' }]);
  const { data: after } = await serviceApi().from('bookings').select('status').eq('id', booking.id).single();
  expect(after!.status).toBe('completed');
  await financeContext.close();
  expect(errors).toEqual([]);
});

// The amount asked for is in the booking's own currency: Harbor's bookings are in euros, so its
// admin types euros (the dialog used to say USD whatever the booking's currency was).
test('a refund is asked for in the booking’s currency', async ({ page }) => {
  const errors = watchConsole(page);
  const { data: tenant } = await serviceApi().from('tenants').select('id').eq('slug', 'harbor').single();
  const { data: disputed } = await serviceApi()
    .from('bookings')
    .select(
      'id, confirmation_code, currency, transactions!transactions_booking_id_fkey(id, type, status, amount_cents)',
    )
    .eq('tenant_id', tenant!.id)
    .eq('status', 'disputed')
    .order('id', { ascending: false })
    .limit(50);
  type Tx = { id: string; type: string; status: string; amount_cents: number };
  const booking = (disputed as { id: string; confirmation_code: string; currency: string; transactions: Tx[] }[]).find(
    (b) =>
      b.transactions.length === 1 && b.transactions[0].type === 'payment' && b.transactions[0].status === 'completed',
  )!;
  expect(booking.currency).toBe('EUR');

  await signIn(page, STAFF.harbor.email);
  await page.goto(`/bookings/show/${booking.id}`);
  await expect(page.getByRole('heading', { name: booking.confirmation_code })).toBeVisible();
  await page.getByRole('button', { name: 'Refund' }).click();
  const dialog = page.getByRole('dialog', { name: 'Refund this booking?' });
  await expect(dialog.getByText('EUR', { exact: true })).toBeVisible();
  await expect(dialog.getByText('USD', { exact: true })).toHaveCount(0);
  await dialog.getByLabel('Amount').fill('5.5');
  await dialog.getByLabel('Reason', { exact: true }).fill('Half the windows were left');
  await dialog.getByRole('button', { name: 'Refund' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Refund: done')).toBeVisible();

  const { data: refunds } = await serviceApi()
    .from('transactions')
    .select('amount_cents, currency')
    .eq('booking_id', booking.id)
    .eq('type', 'refund');
  expect(refunds).toEqual([{ amount_cents: 550, currency: 'EUR' }]);
  expect(errors).toEqual([]);
});
