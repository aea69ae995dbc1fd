import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { apiAs, serviceApi, signIn, STAFF, watchConsole } from './support';

const LOCONOMY = '10000000-0000-4000-8000-000000000001';
const usd = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
const day = (d: Date) => d.toISOString().slice(0, 10);

// Finance opens the money page for the last 30 days: the figures shown are the database
// functions' answers, the charts draw, GMV opens exactly the transactions it adds up, and a
// region's line opens exactly the rollup rows it adds up and its GMV exactly the region's payments.
test('finance reads the marketplace money and follows GMV to the transactions that make it', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  const to = day(new Date());
  const from = day(new Date(Date.now() - 29 * 86_400_000));
  const finance = await apiAs(STAFF.finance.email);
  const { data: summary, error } = await finance.rpc('finance_summary', { p_from: from, p_to: to });
  expect(error).toBeNull();
  const current = (
    summary as {
      period: string;
      currency: string;
      gmv_cents: number;
      payments: number;
      net_revenue_cents: number;
      payout_cents: number;
    }[]
  ).find((r) => r.period === 'current' && r.currency === 'USD')!;
  expect(Number(current.gmv_cents), 'the demo data has a month of USD bookings').toBeGreaterThan(0);

  await signIn(page, STAFF.finance.email);
  await page.getByRole('menuitem', { name: /Money$/ }).click();
  await expect(page).toHaveURL(/\/finance/);
  await page.goto(`/finance?from=${from}&to=${to}`);
  const gmvCard = page.getByLabel('GMV, USD');
  await expect(gmvCard).toContainText(usd(Number(current.gmv_cents)));
  await expect(page.getByLabel('Net platform revenue, USD')).toContainText(usd(Number(current.net_revenue_cents)));
  await expect(page.getByLabel('Provider payouts, USD')).toContainText(usd(Number(current.payout_cents)));
  await expect(page.getByRole('figure', { name: 'From GMV to net revenue, USD' }).locator('svg').first()).toBeVisible();
  await expect(
    page
      .getByRole('figure', { name: /GMV and net revenue by day, USD/ })
      .locator('.recharts-line')
      .first(),
  ).toBeVisible();

  // the summary leaves as CSV with the same figures, in dollars
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export summary/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`money-summary-${from}-${to}.csv`);
  const csv = readFileSync((await file.path())!, 'utf8').split(/\r?\n/);
  const header = csv[0].split(',');
  const usdLine = csv.find((l) => l.startsWith('USD,current,'))!.split(',');
  expect(Number(usdLine[header.indexOf('GMV')])).toBe(Number(current.gmv_cents) / 100);
  expect(Number(usdLine[header.indexOf('Net platform revenue')])).toBe(Number(current.net_revenue_cents) / 100);

  // a region's line: the Money-by-day rows of that region and period, which add up to its GMV
  const { data: regions } = await finance.rpc('finance_breakdown', { p_from: from, p_to: to, p_dimension: 'region' });
  const region = (
    regions as { key: string | null; label: string; currency: string; gmv_cents: number; payments: number }[]
  ).find((r) => r.key !== null && r.currency === 'USD')!;
  const breakdown = page.getByRole('table', { name: 'Money by region' });
  await expect(breakdown.getByRole('row', { name: new RegExp(region.label) })).toContainText(
    usd(Number(region.gmv_cents)),
  );
  await breakdown.getByRole('link', { name: region.label, exact: true }).click();
  await expect(page).toHaveURL(/\/finance_daily_rollups\?/);
  const { data: rollupRows } = await serviceApi()
    .from('finance_daily_rollups')
    .select('gmv_cents')
    .eq('tenant_id', LOCONOMY)
    .eq('region_id', region.key!)
    .eq('currency', 'USD')
    .gte('day', from)
    .lte('day', to);
  expect((rollupRows ?? []).reduce((n, r) => n + Number(r.gmv_cents), 0)).toBe(Number(region.gmv_cents));
  await expect(page.getByText(new RegExp(`^(about )?${(rollupRows ?? []).length} money by day`, 'i'))).toBeVisible();

  // the region's GMV: exactly the captured booking payments made in that region in the period,
  // as many as the line counts and adding up to it (read as finance, under its RLS)
  await page.goBack();
  await breakdown.getByRole('link', { name: `GMV for ${region.label} in USD: the transactions` }).click();
  await expect(page).toHaveURL(/\/transactions\?.*region_id/);
  await expect(page.getByText(new RegExp(`^${region.payments} transactions$`))).toBeVisible();
  const { data: inRegion, error: regionError } = await finance
    .from('transactions')
    .select('amount_cents')
    .eq('tenant_id', LOCONOMY)
    .eq('region_id', region.key!)
    .eq('type', 'payment')
    .in('status', ['completed', 'refunded'])
    .eq('currency', 'USD')
    .not('booking_id', 'is', null)
    .gte('processed_at', `${from}T00:00:00.000Z`)
    .lte('processed_at', `${to}T23:59:59.999Z`);
  expect(regionError).toBeNull();
  expect(inRegion!.length).toBe(Number(region.payments));
  expect(inRegion!.reduce((n, t) => n + Number(t.amount_cents), 0)).toBe(Number(region.gmv_cents));

  // GMV: the captured booking payments of the period, as many as the summary counted, adding up to it
  await page.goBack();
  await page.goBack();
  await gmvCard.getByRole('link', { name: /^GMV .*: the transactions$/ }).click();
  await expect(page).toHaveURL(/\/transactions\?/);
  await expect(page.getByText(new RegExp(`^${current.payments} transactions$`))).toBeVisible();
  const { data: payments } = await serviceApi()
    .from('transactions')
    .select('amount_cents')
    .eq('tenant_id', LOCONOMY)
    .eq('type', 'payment')
    .in('status', ['completed', 'refunded'])
    .eq('currency', 'USD')
    .not('booking_id', 'is', null)
    .gte('processed_at', `${from}T00:00:00.000Z`)
    .lte('processed_at', `${to}T23:59:59.999Z`);
  expect(payments!.length).toBe(Number(current.payments));
  expect(payments!.reduce((n, t) => n + Number(t.amount_cents), 0)).toBe(Number(current.gmv_cents));
  expect(errors).toEqual([]);
});

// The home page's failed-payments card opens the money page over the week it counts; there the
// failed payments are the summary's, and they open exactly the failed transactions.
test('finance follows the failed-payments card to the money page and on to the failed transactions', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = watchConsole(page);
  await signIn(page, STAFF.finance.email);
  await page.getByRole('link', { name: /^Failed payments, last 7 days/ }).click();
  await expect(page).toHaveURL(/\/finance\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  const url = new URL(page.url());
  const [from, to] = [url.searchParams.get('from')!, url.searchParams.get('to')!];
  const { data, error } = await (await apiAs(STAFF.finance.email)).rpc('finance_summary', { p_from: from, p_to: to });
  expect(error).toBeNull();
  const usdNow = (data as { period: string; currency: string; failed_cents: number; failed: number }[]).find(
    (r) => r.period === 'current' && r.currency === 'USD',
  )!;
  expect(Number(usdNow.failed), 'the demo data has failed payments this week').toBeGreaterThan(0);
  const card = page.getByLabel('Failed payments, USD');
  await expect(card).toContainText(usd(Number(usdNow.failed_cents)));
  await expect(card).toContainText(`${usdNow.failed} failed`);
  await card.getByRole('link', { name: /^Failed payments .*: the transactions$/ }).click();
  await expect(page).toHaveURL(/\/transactions\?.*failed/);
  await expect(page.getByText(new RegExp(`^${usdNow.failed} transactions$`))).toBeVisible();
  expect(errors).toEqual([]);
});

test('operations and product have no way into the money page, nor its functions', async ({ page }) => {
  await signIn(page, STAFF.ops.email);
  await expect(page.getByRole('menuitem', { name: /Money/ })).toHaveCount(0);
  await page.goto('/finance');
  await expect(page.getByText('Not allowed')).toBeVisible();
  for (const who of [STAFF.ops.email, STAFF.product.email]) {
    const client = await apiAs(who);
    const { error } = await client.rpc('finance_summary', { p_from: '2026-01-01', p_to: '2026-01-31' });
    expect(error?.code).toBe('42501');
  }
});
