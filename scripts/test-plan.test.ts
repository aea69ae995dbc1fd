import { describe, expect, it } from 'vitest';
import { isFullRun, layerOf, needsApi, needsDatabase, planRun, UsageError, vitestInclude } from './test-plan';

const everything = () => true;

describe('layerOf', () => {
  it.each([
    ['supabase/tests/write_ownership.test.sql', 'db'],
    ['./supabase/tests/identity.rls.test.sql', 'db'],
    ['supabase/tests', 'db'],
    ['tests/e2e/sign-in.spec.ts', 'e2e'],
    ['tests/e2e/', 'e2e'],
    ['tests/integration/hostile-client.test.ts', 'integration'],
    ['supabase/local/api/test/rate-limit.test.ts', 'integration'],
    ['supabase/local/api/client-ip.test.ts', 'integration'],
    ['supabase/local/api', 'integration'],
    ['tests/components/registry-suite.test.tsx', 'unit'],
    ['tests/components/resource-list', 'unit'],
    ['src/lib/money.test.ts', 'unit'],
    ['scripts/test-plan.test.ts', 'unit'],
  ] as const)('%s → %s', (file, layer) => {
    expect(layerOf(file)).toBe(layer);
  });

  it.each([
    'README.md',
    'supabase/migrations/20261204000100_write_ownership.sql',
    'tests/helpers/stack.ts',
    'tests/e2e/support.ts',
    'src/App.tsx',
    'tests/integration/x.test.tsx',
    'tests',
  ])('refuses %s, which no layer runs', (file) => {
    expect(() => layerOf(file)).toThrow(UsageError);
  });

  it('agrees with the Vitest projects’ include globs', () => {
    expect(vitestInclude('integration')).toEqual(['tests/integration/**/*.test.ts', 'supabase/local/**/*.test.ts']);
    expect(vitestInclude('unit')).toContain('tests/components/**/*.test.{ts,tsx}');
  });
});

describe('planRun', () => {
  it('runs every layer in order with no argument, as CI does', () => {
    const plan = planRun([], everything);
    expect(plan.layers).toEqual(['static', 'db', 'integration', 'unit', 'e2e']);
    expect(isFullRun(plan)).toBe(true);
    expect(plan).toMatchObject({ keep: false, watch: false, fresh: false });
  });

  it('runs the named layers only, in the suite’s order', () => {
    const plan = planRun(['unit', 'db'], everything);
    expect(plan.layers).toEqual(['db', 'unit']);
    expect(isFullRun(plan)).toBe(false);
  });

  it('routes files to their layers and runs no whole layer', () => {
    const plan = planRun(
      ['supabase/tests/seed.test.sql', 'tests/integration/hostile-client.test.ts', 'tests/components/login-page.test.tsx', 'tests/e2e/smoke.spec.ts'],
      everything,
    );
    expect(plan.layers).toEqual([]);
    expect(plan.files).toEqual({
      db: ['supabase/tests/seed.test.sql'],
      integration: ['tests/integration/hostile-client.test.ts'],
      unit: ['tests/components/login-page.test.tsx'],
      e2e: ['tests/e2e/smoke.spec.ts'],
    });
  });

  it('needs the database and API only for what runs against them', () => {
    expect(needsDatabase(planRun(['tests/components/login-page.test.tsx'], everything))).toBe(false);
    expect(needsApi(planRun(['unit'], everything))).toBe(false);
    expect(needsDatabase(planRun(['supabase/tests/seed.test.sql'], everything))).toBe(true);
    expect(needsApi(planRun(['supabase/tests/seed.test.sql'], everything))).toBe(false);
    expect(needsApi(planRun(['tests/e2e/smoke.spec.ts'], everything))).toBe(true);
    expect(needsApi(planRun(['integration'], everything))).toBe(true);
  });

  it('reads --keep, --fresh and --watch', () => {
    expect(planRun(['--keep', '--fresh', 'db'], everything)).toMatchObject({ keep: true, fresh: true, layers: ['db'] });
    expect(planRun(['--watch', 'tests/integration/dashboard.test.ts'], everything)).toMatchObject({ watch: true });
  });

  it.each([
    [['--watch'], /Vitest files only/],
    [['--watch', 'supabase/tests/seed.test.sql'], /Vitest files only/],
    [['--watch', 'unit'], /Vitest files only/],
    [['--verbose'], /unknown option --verbose/],
    [['tests/integration/nope.test.ts'], /no such file/],
  ])('refuses %j', (args, message) => {
    expect(() => planRun(args, (f) => !f.includes('nope'))).toThrow(message);
  });
});
