import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { vitestInclude } from './scripts/test-plan';

// Two projects: browser-side code in jsdom, and integration tests in node against the
// local stack that `npm test` starts (LOCONOMY_TEST_DB_URL / LOCONOMY_TEST_API_URL).
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    // Vitest's default is one worker fewer than cores: on a two-core machine one file at a
    // time, while the jsdom files (the slowest layer) sit idle behind the registry suite. The
    // runner process does next to nothing meanwhile, so two workers use both cores; the
    // integration project still runs its files one at a time (fileParallelism below).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          // antd renders slowly in jsdom, and CI shares two cores with PostgreSQL
          testTimeout: 20_000,
          include: vitestInclude('unit'),
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
          include: vitestInclude('integration'),
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // the integration tests share one test cluster; files run one at a time
          fileParallelism: false,
        },
      },
    ],
  },
});
