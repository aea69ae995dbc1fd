import { expect, test, type WebSocketRoute } from '@playwright/test';
import { apiAs, serviceApi, signIn, STAFF, watchConsole } from './support';

const CUSTOMER = { email: 'customer@loconomy.test', userId: '00000000-0000-4000-8000-000000000006' };
const PROVIDER_ID = '00000000-0000-4000-8000-000000000007';

// A content report filed in another session shows in operations' list of reports within three
// seconds, with no reload: the list is live (Realtime postgres_changes, RLS deciding delivery).
test('a content report filed elsewhere appears in the reports list without a reload', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, STAFF.ops.email);
  await page.goto('/content_reports');
  const count = page.getByText(/^[\d,]+ content reports$/);
  await expect(count).toBeVisible();
  const before = Number((await count.innerText()).replace(/\D/g, ''));
  // a mark on the page: a reload would wipe it
  await page.evaluate(() => ((window as unknown as { liveMark: boolean }).liveMark = true));
  // the socket has joined once the list subscribed; give the join its moment
  await page.waitForTimeout(500);

  const customer = await apiAs(CUSTOMER.email);
  const details = `Live report ${Date.now()}`;
  const { data, error } = await customer
    .from('content_reports')
    .insert({ reporter_id: CUSTOMER.userId, target_type: 'user', target_id: PROVIDER_ID, reason: 'spam', details })
    .select('id')
    .single();
  expect(error).toBeNull();
  try {
    await expect(page.getByText(`${(before + 1).toLocaleString('en-US')} content reports`)).toBeVisible({
      timeout: 3000,
    });
    expect(await page.evaluate(() => (window as unknown as { liveMark?: boolean }).liveMark)).toBe(true);
    await expect(page.getByTestId('live-status')).toHaveCount(0);
  } finally {
    await serviceApi().from('content_reports').delete().eq('id', data!.id);
  }
  expect(errors).toEqual([]);
});

// Transactions are busy: the list stays still and counts what changed, and shows it on request.
test('the transactions list counts changes made elsewhere and shows them when asked', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, STAFF.finance.email);
  await page.goto('/transactions');
  const count = page.getByText(/^(about )?[\d,]+ transactions$/);
  await expect(count).toBeVisible();
  await page.waitForTimeout(500);
  const { data, error } = await serviceApi()
    .from('transactions')
    .insert({
      user_id: CUSTOMER.userId,
      type: 'payment',
      amount_cents: 4321,
      description: `Live transaction ${Date.now()}`,
    })
    .select('id')
    .single();
  expect(error).toBeNull();
  try {
    const show = page.getByRole('button', { name: /1 change since loaded — show/ });
    await expect(show).toBeVisible({ timeout: 3000 });
    await show.click();
    await expect(show).toHaveCount(0);
  } finally {
    await serviceApi().from('transactions').delete().eq('id', data!.id);
  }
  expect(errors).toEqual([]);
});

// The live socket dropped: the header says updates are paused; a report filed meanwhile is not
// heard, but once the socket is back the tag goes and the list refetches, so it is shown.
test('the header says when live updates are paused, and the list catches up when they are back', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  let up = true;
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/realtime\/v1\/websocket/, (ws) => {
    if (!up) return ws.close({ code: 1011, reason: 'test: down' });
    ws.connectToServer();
    sockets.push(ws);
  });
  await signIn(page, STAFF.ops.email);
  await page.goto('/content_reports');
  const count = page.getByText(/^[\d,]+ content reports$/);
  await expect(count).toBeVisible();
  const before = Number((await count.innerText()).replace(/\D/g, ''));
  await page.waitForTimeout(500);

  up = false;
  for (const ws of sockets.splice(0)) await ws.close({ code: 1011, reason: 'test: dropped' });
  await expect(page.getByTestId('live-status')).toHaveText('Live updates paused — reconnecting', { timeout: 10_000 });

  const customer = await apiAs(CUSTOMER.email);
  const { data, error } = await customer
    .from('content_reports')
    .insert({
      reporter_id: CUSTOMER.userId,
      target_type: 'user',
      target_id: PROVIDER_ID,
      reason: 'spam',
      details: `While down ${Date.now()}`,
    })
    .select('id')
    .single();
  expect(error).toBeNull();
  try {
    await page.waitForTimeout(1500);
    await expect(page.getByText(`${before.toLocaleString('en-US')} content reports`)).toBeVisible();
    up = true;
    await expect(page.getByTestId('live-status')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByText(`${(before + 1).toLocaleString('en-US')} content reports`)).toBeVisible({
      timeout: 5000,
    });
  } finally {
    await serviceApi().from('content_reports').delete().eq('id', data!.id);
  }
  // the browser reports the refused sockets; nothing else may have gone wrong
  expect(errors.filter((e) => !/WebSocket/.test(e))).toEqual([]);
});
