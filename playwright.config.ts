import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. The app is the production build served by
// `vite preview`; `npm test` builds it against the test stack first.
const port = 4173;
// the dev server under test; npm start's own stays on 5173
const devPort = 5174;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json']],
  // every page.goto reloads the whole app (bundle, session, permissions) on a two-core machine
  // shared with PostgreSQL and the API; 5 s was too tight for a page that waits on four requests
  expect: { timeout: 10_000 },
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // every spec against the production build, as users get it
    { name: 'build', use: { baseURL: `http://127.0.0.1:${port}` } },
    // the walk over every list once more in the Vite dev server, where newcomers start
    // (npm start): React's and antd's development warnings only show there
    { name: 'dev', use: { baseURL: `http://127.0.0.1:${devPort}` }, testMatch: /every-list\.spec\.ts/ },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx vite --port ${devPort} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${devPort}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
