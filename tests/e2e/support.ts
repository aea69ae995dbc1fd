import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { TOTP_SECRETS, verifyTotp, withFreshCode } from '../helpers/two-factor';

// Shared by the end-to-end specs: demo logins, signing in through the real form, an API
// client for setting up and checking what the browser did, and a console-error collector.
export const DEMO_PASSWORD = 'Loconomy-demo-2026';

export const STAFF = {
  super: { email: 'super.admin@loconomy.test', role: 'Super admin' },
  ops: { email: 'ops@loconomy.test', role: 'Operations' },
  finance: { email: 'finance@loconomy.test', role: 'Finance' },
  product: { email: 'product@loconomy.test', role: 'Product' },
  harbor: { email: 'admin@harbor.test', role: 'Tenant admin' },
} as const;
export type StaffName = keyof typeof STAFF;

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // only while a spec has switched two-factor sign-in on for the account (helpers/two-factor)
  const secret = TOTP_SECRETS[email];
  if (secret && /\/two-factor$/.test(new URL(page.url()).pathname)) await enterTotpCode(page, secret);
}

/** Types codes from the authenticator (helpers/two-factor) into the code step until one is taken. */
export async function enterTotpCode(page: Page, secret: string): Promise<void> {
  await withFreshCode(secret, async (code) => {
    await page.getByLabel('Authentication code').fill(code);
    // the verify request's answer says whether the code was taken (an old error may still show)
    const verified = page.waitForResponse((r) => /\/auth\/v1\/factors\/[^/]+\/verify$/.test(new URL(r.url()).pathname));
    await page.getByRole('button', { name: 'Verify' }).click();
    const response = await verified;
    if (response.ok()) {
      await expect(page).not.toHaveURL(/\/two-factor/);
      return { ok: true, value: undefined };
    }
    return { ok: false, error: new Error(`${response.status()} ${await response.text()}`) };
  });
}

class NoWebSocket {
  constructor() {
    throw new Error('realtime is not part of the local API');
  }
}

function env(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the end-to-end tests through \`npm test\` (or export the sandbox's variables)`,
    );
  return value;
}

export function apiClient(key = env('LOCONOMY_TEST_ANON_KEY')): SupabaseClient {
  return createClient(env('LOCONOMY_TEST_API_URL'), key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: NoWebSocket as unknown as typeof WebSocket },
  });
}

export const serviceApi = () => apiClient(env('LOCONOMY_TEST_SERVICE_ROLE_KEY'));

export async function apiAs(email: string): Promise<SupabaseClient> {
  const client = apiClient();
  const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
  if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
  const secret = TOTP_SECRETS[email];
  if (secret) await verifyTotp(client, secret);
  return client;
}

/** Console errors and uncaught page errors, collected from now on. */
/** Console errors (and with `warnings`, warnings: React's and antd's dev-mode ones) and page errors. */
export function watchConsole(page: Page, { warnings = false }: { warnings?: boolean } = {}): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || (warnings && msg.type() === 'warning')) errors.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Waits until no antd spinner or skeleton is showing. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0, { timeout: 15_000 });
}

/**
 * Signs out through the header's account menu. The menu is a popup that animates in and is
 * aligned after it renders, and a click in that moment can miss it (seen once in a clean run:
 * the menu stayed open, the page did not change); so opening and clicking are tried again
 * until the app is on the login page. A sign-out that never works still fails.
 */
export async function signOut(page: Page): Promise<void> {
  const signOutItem = page.getByRole('menuitem', { name: 'Sign out' });
  await expect(async () => {
    if (/\/login/.test(page.url())) return;
    if (!(await signOutItem.isVisible()))
      await page.getByRole('button', { name: 'Account menu' }).click({ timeout: 2_000 });
    await signOutItem.click({ timeout: 2_000 });
    await expect(page).toHaveURL(/\/login/, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * Critical and serious WCAG 2.1 A/AA findings of axe-core on the page as it stands, except the
 * ones listed here: caused by antd or refine in elements no prop or theme token of ours reaches
 * (README, "Accessible"). Each names the rule and the element; anything else still fails.
 */
export const KNOWN_A11Y_FINDINGS: readonly { rule: string; target: string; why: string }[] = [
  {
    rule: 'aria-hidden-focus',
    target: '.ant-table-measure-row',
    why: 'antd Table measures column widths in an aria-hidden row it renders whenever the table scrolls horizontally',
  },
];

const known = (rule: string, target: string) =>
  KNOWN_A11Y_FINDINGS.some((k) => k.rule === rule && target.includes(k.target));

export async function accessibilityFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) =>
      v.nodes
        .map((n) => n.target.join(' '))
        .filter((target) => !known(v.id, target))
        .slice(0, 3)
        .map((target) => `${v.id} (${v.impact}): ${v.help} — ${target}`),
    );
}

// A 1×1 transparent PNG.
const BLANK_TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * Map tiles (OpenStreetMap) and the demo listings' photos (picsum.photos) live on the internet,
 * which the test machine cannot reach: a blank image is served for every request off this
 * machine, so a page showing them neither logs failed loads nor waits on the network.
 */
export async function offlineImages(page: Page): Promise<void> {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: BLANK_TILE }),
  );
}
