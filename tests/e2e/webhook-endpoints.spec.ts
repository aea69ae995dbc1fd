import { expect, test } from '@playwright/test';
import { serviceApi, settled, signIn, STAFF, watchConsole } from './support';

const HARBOR = '10000000-0000-4000-8000-000000000002';

// A tenant admin adds a webhook endpoint through the generic form, changes it, and removes it.
// The table hides its signing secret from every API role: the form must still save, the
// database must generate the secret, and no read or write of the table returns it; the only
// way to learn it is the audited rotation, which shows the new secret once.
test('a tenant admin adds a webhook endpoint, rotates its secret (shown once), edits and removes it', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const url = `https://hooks.harbor.test/e2e-${Date.now().toString(36)}`;
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/rest/v1/webhook_endpoints')) bodies.push(await response.text().catch(() => ''));
  });

  await signIn(page, STAFF.harbor.email);
  await page.goto('/webhook_endpoints');
  await settled(page);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/webhook_endpoints\/create/);

  // required fields are checked before anything is sent
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('URL is required')).toBeVisible();

  await page.getByLabel('URL', { exact: true }).fill(url);
  const events = page.getByLabel('Events', { exact: true });
  await events.click();
  await page.keyboard.type('booking.created');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'test-results/e2e/screenshots/form-webhook-endpoint.png', fullPage: true });
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page).toHaveURL(/\/webhook_endpoints\/show\//);
  await expect(page.getByRole('heading', { name: url })).toBeVisible();
  await expect(page.getByText('Successfully created webhook endpoint')).toBeVisible();
  const id = page.url().split('/show/')[1];
  const { data: saved } = await serviceApi()
    .from('webhook_endpoints')
    .select('tenant_id, events, secret')
    .eq('id', id)
    .single<{ tenant_id: string; events: string[]; secret: string }>();
  expect(saved).toMatchObject({ tenant_id: HARBOR, events: ['booking.created'] });
  expect(saved!.secret).toMatch(/^whsec_/);

  // the one way to learn the secret: rotate it, and copy the new one from the dialog
  // the confirmation is a popup that animates in; a click while it is still moving can miss
  // (seen under load: no request was sent), so open and confirm again until the RPC is called,
  // and never once it has been
  let rotationSent = false;
  page.on('request', (r) => {
    if (r.url().includes('/rpc/rotate_webhook_endpoint_secret')) rotationSent = true;
  });
  const rotation = page.waitForResponse((r) => r.url().includes('/rpc/rotate_webhook_endpoint_secret'));
  await expect(async () => {
    if (rotationSent) return;
    const confirm = page.getByRole('tooltip').getByRole('button', { name: 'Rotate signing secret' });
    if (!(await confirm.isVisible())) await page.getByRole('button', { name: 'Rotate signing secret' }).click();
    await confirm.click({ timeout: 2_000 });
    await expect.poll(() => rotationSent, { timeout: 2_000 }).toBe(true);
  }).toPass({ timeout: 20_000 });
  expect((await rotation).ok()).toBe(true);
  const revealed = page.getByTestId('revealed-secret');
  await expect(revealed).toHaveText(/^whsec_[0-9a-f]{48}$/);
  const { data: rotated } = await serviceApi()
    .from('webhook_endpoints')
    .select('secret')
    .eq('id', id)
    .single<{ secret: string }>();
  expect(rotated!.secret).not.toBe(saved!.secret);
  await expect(revealed).toHaveText(rotated!.secret);
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/screenshots/show-webhook-secret.png' });
  await page.getByRole('button', { name: 'I have copied it' }).click();
  await expect(revealed).toHaveCount(0);

  await page.goto(`/webhook_endpoints/edit/${id}`);
  // the record loads into the form after the page: typing before it arrives is overwritten
  await settled(page);
  const description = page.getByLabel('Description', { exact: true });
  await expect(page.getByLabel('URL', { exact: true })).not.toHaveValue('');
  await description.fill('Bookings for the harbour office');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(new RegExp(`/webhook_endpoints/show/${id}`));
  await expect(page.getByText('Bookings for the harbour office')).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).last().click();
  await expect(page).toHaveURL(/\/webhook_endpoints(\?|$)/);
  const { data: left } = await serviceApi().from('webhook_endpoints').select('id').eq('id', id);
  expect(left).toEqual([]);

  expect(bodies.length).toBeGreaterThan(0);
  expect(bodies.join('\n')).not.toContain(saved!.secret);
  expect(bodies.join('\n')).not.toContain(rotated!.secret);
  expect(bodies.join('\n')).not.toContain('"secret"');
  expect(errors).toEqual([]);
});
