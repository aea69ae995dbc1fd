import { expect, test } from '@playwright/test';
import pg from 'pg';
import { apiAs, apiClient, DEMO_PASSWORD, serviceApi, signIn, STAFF, watchConsole } from './support';

const LOCONOMY = '10000000-0000-4000-8000-000000000001';
const db = () => new pg.Client({ connectionString: process.env.LOCONOMY_TEST_DB_URL });

type Flag = { id: string; key: string; rollout_percentage: number };
async function instantBooking(): Promise<Flag> {
  const { data } = await serviceApi()
    .from('feature_flags')
    .select('id, key, rollout_percentage')
    .eq('tenant_id', LOCONOMY)
    .eq('key', 'instant-booking')
    .single<Flag>();
  return data!;
}

/** Product's own API session puts the flag at a percentage (with a note, as every change). */
async function rollTo(flag: Flag, percent: number) {
  const product = await apiAs(STAFF.product.email);
  const { error } = await product.rpc('change_feature_flag', {
    p_flag_id: flag.id,
    p_changes: { rollout_percentage: percent },
    p_note: `e2e: back to ${percent} %`,
  });
  expect(error).toBeNull();
}

// The slice 10 % → 25 % adds, counted straight from the tables rather than by the preview's
// functions: active customers (the flag's one rule) without a live override whose Unleash
// bucket of their id under the flag's key falls in 11..25.
const NEW_SLICE = `
  select u.id, u.email, u.auth_user_id from public.users u
   where u.tenant_id = $1 and u.deleted_at is null and u.status = 'active' and u.role = 'customer'
     and private.normalized_hash(u.id::text, 'instant-booking', 100) between 11 and 25
     and not exists (select 1 from public.user_feature_flags o
                      where o.flag_id = $2 and o.user_id = u.id and o.expires_at > now())
   order by u.email`;

test('product rolls a flag from 10 % to 25 % with a note; the preview counts what SQL counts, history shows the diff, a user of the new slice gets it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  let flag = await instantBooking();
  if (flag.rollout_percentage !== 10) await rollTo(flag, 10);
  flag = await instantBooking();
  const client = db();
  await client.connect();
  try {
    const slice = (
      await client.query<{ id: string; email: string; auth_user_id: string }>(NEW_SLICE, [LOCONOMY, flag.id])
    ).rows;
    expect(slice.length, 'the seed has customers in the new slice').toBeGreaterThan(0);

    // from the workspace list into the flag
    await signIn(page, STAFF.product.email);
    await page.goto('/feature-flags');
    const row = page.locator('tr', { has: page.getByText('instant-booking', { exact: true }) });
    await expect(row.getByText('on · 10 %')).toBeVisible();
    await row.getByRole('link', { name: 'Open' }).click();
    await expect(page).toHaveURL(new RegExp(`/feature-flags/${flag.id}`));
    await expect(page.getByRole('heading', { name: 'Instant booking' })).toBeVisible();

    // the preview, computed in SQL before anything is saved, equals the direct count
    await page.getByLabel('Percentage').fill('25');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.getByTestId('preview-sentence')).toHaveText(`${slice.length} users enter and 0 leave.`);
    await expect(preview.getByRole('table', { name: 'Moves by role' })).toContainText('customer');
    const save = page.getByRole('button', { name: 'Save change' });
    await expect(save, 'no save without a note').toBeDisabled();
    await page.getByLabel('Why').fill('Checkout errors flat for 48 h at 10 %: next step of the ramp');
    await save.click();

    // saved: the header and the history say what changed, who and why
    await expect(page.getByText('on · 25 %')).toBeVisible();
    await page.getByRole('tab', { name: 'History' }).click();
    const latest = page.getByRole('listitem').first();
    await expect(latest).toContainText('Rollout 10 % → 25 %');
    await expect(latest).toContainText('Priya Product');
    await expect(latest).toContainText('Checkout errors flat for 48 h at 10 %: next step of the ramp');
    expect((await instantBooking()).rollout_percentage).toBe(25);

    // a customer of the new slice now gets the flag from my_feature_flags(), in their own session
    const user = slice[0];
    const { rows: saved } = await client.query<{ encrypted_password: string }>(
      'select encrypted_password from auth.users where id = $1',
      [user.auth_user_id],
    );
    try {
      const { error: setError } = await serviceApi().auth.admin.updateUserById(user.auth_user_id, {
        password: DEMO_PASSWORD,
      });
      expect(setError).toBeNull();
      const customer = apiClient();
      const { error: signInError } = await customer.auth.signInWithPassword({
        email: user.email,
        password: DEMO_PASSWORD,
      });
      expect(signInError).toBeNull();
      const { data: mine, error } = await customer.rpc('my_feature_flags');
      expect(error).toBeNull();
      expect((mine as { key: string; enabled: boolean }[]).find((f) => f.key === 'instant-booking')?.enabled).toBe(
        true,
      );
    } finally {
      await client.query('update auth.users set encrypted_password = $2 where id = $1', [
        user.auth_user_id,
        saved[0]?.encrypted_password,
      ]);
    }
    expect(errors).toEqual([]);
  } finally {
    await client.end();
    await rollTo(flag, 10);
  }
});

// Finance holds no feature-flag permission: no way in from the menu or by URL, and the database
// refuses the preview and the change made with finance's own session.
test('finance cannot open the flag workspace or change a flag through the API', async ({ page }) => {
  const flag = await instantBooking();
  await signIn(page, STAFF.finance.email);
  await expect(page.getByRole('menuitem', { name: /Flag workspace/ })).toHaveCount(0);
  await page.goto(`/feature-flags/${flag.id}`);
  await expect(page.getByText('Not allowed')).toBeVisible();

  const finance = await apiAs(STAFF.finance.email);
  const change = await finance.rpc('change_feature_flag', {
    p_flag_id: flag.id,
    p_changes: { rollout_percentage: 100 },
    p_note: 'finance tries',
  });
  expect(change.error?.code).toBe('42501');
  const preview = await finance.rpc('preview_feature_flag_change', { p_flag_id: flag.id, p_rollout_percentage: 100 });
  expect(preview.error?.code).toBe('42501');
  expect(await instantBooking()).toEqual(flag);
});

// The rest of a flag's page on a flag made for the test: reweighting variants with the switch
// preview, reverting from the history, an override with reason and expiry, kill and revive, and
// the playground's answer for one user.
test('product reweights, reverts, overrides, kills and revives a flag, and asks the playground', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = watchConsole(page);
  const key = `e2e-workspace-${Date.now().toString(36)}`;
  const product = await apiAs(STAFF.product.email);
  const { data: created, error: createError } = await product
    .from('feature_flags')
    .insert({
      key,
      name: 'E2E workspace',
      variants: [
        { key: 'control', weight: 50 },
        { key: 'treatment', weight: 50 },
      ],
    })
    .select('id')
    .single<{ id: string }>();
  expect(createError).toBeNull();
  const flagId = created!.id;
  const flagRow = async () =>
    (
      await serviceApi()
        .from('feature_flags')
        .select('variants, kill_switch, is_enabled')
        .eq('id', flagId)
        .single<{ variants: { key: string; weight: number }[]; kill_switch: boolean; is_enabled: boolean }>()
    ).data!;
  try {
    await product.rpc('change_feature_flag', {
      p_flag_id: flagId,
      p_changes: { rollout_percentage: 100 },
      p_note: 'e2e: everyone',
    });
    await signIn(page, STAFF.product.email);

    // variants: 50/50 → 30/70 moves some users from control to treatment, previewed before saving
    await page.goto(`/feature-flags/${flagId}?tab=variants`);
    await page.getByLabel('Weight of control').fill('30');
    await expect(page.getByTestId('variant-total')).toHaveText('80 / 100');
    await expect(page.getByText('Weights add up to 80; they must add up to 100')).toBeVisible();
    await page.getByLabel('Weight of treatment').fill('70');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.getByText(/users will switch variant/)).toBeVisible();
    await expect(preview.getByText(/from control to treatment/)).toBeVisible();
    await page.getByLabel('Why').fill('More traffic to the treatment');
    await page.getByRole('button', { name: 'Save change' }).click();
    await expect
      .poll(async () => (await flagRow()).variants)
      .toEqual([
        { key: 'control', weight: 30 },
        { key: 'treatment', weight: 70 },
      ]);

    // history: the reweighting in words, then back to the version before it
    await page.getByRole('tab', { name: 'History' }).click();
    const versions = page.getByRole('region', { name: 'History' }).getByRole('listitem', { name: /^Version \d+$/ });
    await expect(versions.first()).toContainText('Variant control weight 50 → 30');
    await versions.nth(1).getByRole('button', { name: 'Revert to this' }).click();
    const revert = page.getByRole('dialog');
    await revert.getByLabel('Why').fill('Treatment errors');
    await revert.getByRole('button', { name: 'Revert' }).click();
    await expect(versions.first()).toContainText('Back to version');
    await expect(versions.first()).toContainText('Variant control weight 30 → 50');
    expect((await flagRow()).variants).toEqual([
      { key: 'control', weight: 50 },
      { key: 'treatment', weight: 50 },
    ]);

    // an override: a customer gets the treatment for a week, with the reason shown
    const { data: someone } = await serviceApi()
      .from('users')
      .select('id, full_name')
      .eq('tenant_id', LOCONOMY)
      .eq('role', 'customer')
      .eq('status', 'active')
      .is('deleted_at', null)
      .order('full_name')
      .limit(1)
      .single<{ id: string; full_name: string }>();
    await page.getByRole('tab', { name: 'Overrides' }).click();
    const overridesTab = page.getByRole('tabpanel', { name: 'Overrides' });
    await overridesTab.getByRole('combobox', { name: /User$/ }).fill(someone!.full_name);
    await page.locator(`.ant-select-item-option[title="${someone!.full_name}"]`).click();
    await overridesTab.getByRole('combobox', { name: 'Variant' }).click();
    await page.locator('.ant-select-item-option[title="treatment"]').click();
    await overridesTab.getByLabel('Reason').fill('Design partner');
    await overridesTab.getByLabel('Until').click();
    await page.locator('.ant-picker-presets li', { hasText: '1 week' }).click();
    // the picker's popup must be gone before the button takes the click
    await expect(page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')).toHaveCount(0);
    await expect(overridesTab.getByLabel('Until')).not.toHaveValue('');
    const added = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/user_feature_flags'),
    );
    await overridesTab.getByRole('button', { name: 'Add override' }).click();
    const response = await added;
    expect(response.status(), await response.text()).toBe(201);
    const overrides = overridesTab.getByRole('table', { name: 'Overrides' });
    await expect(overrides.getByText('Design partner')).toBeVisible();
    await expect(overrides.getByText('on · treatment')).toBeVisible();

    // the playground says what that user gets and why
    await page.getByRole('tab', { name: 'Playground' }).click();
    const playground = page.getByRole('tabpanel', { name: 'Playground' });
    await playground.getByRole('combobox', { name: /User$/ }).fill(someone!.full_name);
    await page.locator(`.ant-select-item-option[title="${someone!.full_name}"]`).click();
    await playground.getByRole('button', { name: 'Evaluate' }).click();
    const result = playground.getByLabel('Playground result');
    await expect(result).toContainText('treatment');
    await expect(result).toContainText('Override for this user (“Design partner”)');

    // kill with a reason, then revive
    await page.getByRole('button', { name: 'Kill' }).click();
    const kill = page.getByRole('dialog');
    await kill.getByLabel('Reason').fill('Checkout errors in the treatment');
    await kill.getByRole('button', { name: 'Kill' }).click();
    const killedAlert = page.getByRole('alert').filter({ hasText: 'Killed: Checkout errors in the treatment' });
    await expect(killedAlert).toBeVisible();
    expect((await flagRow()).kill_switch).toBe(true);
    await page.getByRole('button', { name: 'Revive' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'OK' }).click();
    await expect(killedAlert).toHaveCount(0);
    expect(await flagRow()).toMatchObject({ kill_switch: false, is_enabled: false });
    expect(errors).toEqual([]);
  } finally {
    await serviceApi().from('feature_flags').delete().eq('id', flagId);
  }
});
