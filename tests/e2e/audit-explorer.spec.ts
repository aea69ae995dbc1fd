import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import pg from 'pg';
import { accessibilityFindings, apiAs, settled, signIn, signOut, STAFF, watchConsole } from './support';

const db = () => new pg.Client({ connectionString: process.env.LOCONOMY_TEST_DB_URL });

interface Entry {
  seq: number;
  action: string;
  table_name: string | null;
  changed_columns: string[] | null;
  actor: { full_name: string } | null;
}

// Operations opens the audit explorer: the entries it may read, its colleagues by name (an embed
// through the computed relationship, in the list's own request), one entry's changes beside the
// list, and the whole hash chain verified intact up to its recorded head.
test('operations reads who changed what, opens an entry, and verifies the chain intact', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  const ops = await apiAs(STAFF.ops.email);
  const { data, error } = await ops
    .from('audit_logs')
    .select('seq,action,table_name,changed_columns,actor:actor(full_name)')
    .order('created_at', { ascending: false })
    .order('seq', { ascending: false })
    .limit(25);
  expect(error).toBeNull();
  const page1 = data as unknown as Entry[];
  const named = page1.find((e) => e.actor?.full_name);
  expect(named, 'the first page has an entry by a staff member').toBeDefined();
  // bookkeeping columns (updated_at) are not listed as changes
  const changed = (e: Entry) => (e.changed_columns ?? []).filter((c) => c !== 'updated_at' && c !== 'search_vector');
  const update = page1.find((e) => e.action === 'update' && changed(e).length > 0);
  expect(update, 'the first page has an update').toBeDefined();

  await signIn(page, STAFF.ops.email);
  await page.getByRole('menuitem', { name: /Audit explorer$/ }).click();
  await expect(page).toHaveURL(/\/audit-log/);
  const table = page.locator('.ant-table');
  await expect(table.getByRole('row').filter({ hasText: named!.actor!.full_name }).first()).toBeVisible();

  // an update opens beside the list with its changes and its link in the chain
  // a click on the row (not on its links) opens it
  await table.getByRole('row').getByText(changed(update!)[0], { exact: true }).first().click();
  const entry = page.getByRole('complementary', { name: /Audit entry/ });
  await expect(entry).toContainText(/Entry #\d+/);
  await expect(entry.getByRole('heading', { name: 'Changes' })).toBeVisible();
  await expect(entry).toContainText('Chain link');
  await expect(entry.getByText(/^[0-9a-f]{64}$/).first()).toBeVisible();
  await settled(page);
  expect(await accessibilityFindings(page)).toEqual([]);

  await page.getByRole('button', { name: 'Verify chain' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verify the audit chain' });
  await dialog.getByText('Whole chain').click();
  await dialog.getByRole('button', { name: 'Verify' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Intact: [\d,]+ entries verified, #1 to #[\d,]+/, {
    timeout: 30_000,
  });
  await expect(dialog.getByRole('status')).toContainText('recorded head');
  await settled(page);
  await page.screenshot({ path: 'test-results/e2e/screenshots/audit-explorer-verified.png' });
  expect(errors).toEqual([]);
});

// An entry altered behind the database's back (as only a superuser can: replica mode skips the
// append-only trigger) is named by the check: operations opens it from the verdict; Harbor's admin,
// whose part of the chain it is not, is told so. Put back, the chain verifies again.
test('an altered entry is the first broken link: its own tenant opens it, another tenant is told it cannot', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const client = db();
  await client.connect();
  const {
    rows: [victim],
  } = await client.query<{ seq: string; metadata: unknown }>(
    `select seq, metadata from public.audit_logs
      where tenant_id = '10000000-0000-4000-8000-000000000001' and action = 'update'
      order by seq desc limit 1`,
  );
  const seq = Number(victim.seq);
  const tamper = async (metadata: unknown) => {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query('update public.audit_logs set metadata = $1 where seq = $2', [JSON.stringify(metadata), seq]);
    await client.query('commit');
  };
  try {
    await tamper({ ...(victim.metadata as object), note: 'quietly edited' });

    await signIn(page, STAFF.ops.email);
    await page.goto('/audit-log');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    let dialog = page.getByRole('dialog', { name: 'Verify the audit chain' });
    await dialog.getByText('Whole chain').click();
    await dialog.getByRole('button', { name: 'Verify' }).click();
    const verdict = dialog.getByRole('alert');
    await expect(verdict).toContainText(`Broken at entry #${seq.toLocaleString('en-US')}`, { timeout: 30_000 });
    await expect(verdict).toContainText('content does not match its hash');
    await page.screenshot({ path: 'test-results/e2e/screenshots/audit-explorer-broken.png' });
    await verdict.getByRole('button', { name: /Show entry/ }).click();
    const named = page.getByRole('dialog', { name: 'Entry named by the chain check' });
    await expect(named).toContainText(`Entry #${seq}`);
    await expect(named).toContainText('quietly edited');
    await named.getByRole('button', { name: 'Close' }).click();

    // Harbor's admin checks the same chain and finds the same link, in a part it cannot read
    await signOut(page);
    await signIn(page, STAFF.harbor.email);
    await page.goto('/audit-log');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    dialog = page.getByRole('dialog', { name: 'Verify the audit chain' });
    await dialog.getByText('Whole chain').click();
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await expect(dialog.getByRole('alert')).toContainText(`Broken at entry #${seq.toLocaleString('en-US')}`, {
      timeout: 30_000,
    });
    await dialog.getByRole('button', { name: /Show entry/ }).click();
    await expect(page.getByRole('dialog', { name: 'Entry named by the chain check' })).toContainText(
      `Entry #${seq} is not one you can read`,
    );
  } finally {
    await tamper(victim.metadata);
    await client.end();
  }
  const ops = await apiAs(STAFF.ops.email);
  const { data, error } = await ops.rpc('staff_verify_audit_chain', { p_from_seq: seq - 1, p_to_seq: seq + 1 });
  expect(error).toBeNull();
  expect((data as { broken_seq: number | null }[])[0].broken_seq, 'put back, the entry verifies').toBeNull();
});

// Operations exports the updates the list shows: the file holds exactly the entries the same
// filter reads over the API, oldest first, and the log gains an entry saying who exported what,
// whose digest is the one the file's hash column gives.
test('operations exports the filtered log, and the export is recorded with the digest the file gives', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  await signIn(page, STAFF.ops.email);
  await page.goto('/audit-log?filters[0][field]=action&filters[0][operator]=in&filters[0][value][0]=update');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  const csv = readFileSync((await file.path())!, 'utf8');
  const rows = Papa.parse<{ seq: string; action: string; hash: string }>(csv, {
    header: true,
    skipEmptyLines: true,
  }).data;

  const ops = await apiAs(STAFF.ops.email);
  const { data: expected, error } = await ops
    .from('audit_logs')
    .select('seq')
    .eq('action', 'update')
    .lte('seq', Number(rows.at(-1)!.seq))
    .order('seq');
  expect(error).toBeNull();
  expect(rows.map((r) => Number(r.seq))).toEqual((expected as { seq: number }[]).map((r) => r.seq));
  expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['update']));

  const digest = createHash('sha256')
    .update(rows.map((r) => r.hash).join(''))
    .digest('hex');
  const shown = page.getByRole('dialog', { name: 'Audit log exported' });
  await expect(shown.getByRole('status')).toContainText(`${rows.length.toLocaleString('en-US')} entries`);
  await expect(shown.getByRole('status')).toContainText(digest);

  const { data: recorded } = await ops
    .from('audit_logs')
    .select('metadata,actor:actor(full_name)')
    .eq('table_name', 'audit_logs')
    .eq('action', 'read')
    .order('seq', { ascending: false })
    .limit(1)
    .single();
  const entry = recorded as unknown as { metadata: Record<string, unknown>; actor: { full_name: string } };
  expect(entry.metadata).toMatchObject({ entries: rows.length, digest, export: { actions: ['update'] } });
  expect(entry.actor.full_name).toBe('Olivia Ops');
  await page.screenshot({ path: 'test-results/e2e/screenshots/audit-explorer-exported.png' });
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();
  expect(errors).toEqual([]);
});
