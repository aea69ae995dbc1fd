import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: browser-side code in jsdom, and integration tests in node against the
// local stack that `npm test` starts (LOCONOMY_TEST_DB_URL / LOCONOMY_TEST_API_URL).
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          // antd renders slowly in jsdom, and CI shares two cores with PostgreSQL
          testTimeout: 20_000,
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/components/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/jsdom.ts'],
          // refine's packages ship CJS next to ESM; left to Node they would load a second copy
          // of react-router and lose the router context
          server: { deps: { inline: [/@refinedev\//] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts', 'supabase/local/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // the integration tests share one test cluster; files run one at a time
          fileParallelism: false,
        },
      },
    ],
  },
});
