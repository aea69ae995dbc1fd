// What `npm test -- …` runs: whole layers by name, single test files routed to the layer that
// owns them, and the flags that keep the test stack up or watch files. Pure, so the runner's
// choices are tested without starting anything (test-plan.test.ts).
import path from 'node:path';

export const LAYERS = ['static', 'db', 'integration', 'unit', 'e2e'] as const;
export type Layer = (typeof LAYERS)[number];
export type FileLayer = Exclude<Layer, 'static'>;

/**
 * Where each Vitest project's tests live; vitest.config.ts builds its `include` globs from
 * these, so a file's project is decided in one place.
 */
export const VITEST_DIRS = {
  integration: { dirs: ['tests/integration', 'supabase/local'], ext: 'ts' },
  unit: { dirs: ['tests/components', 'src', 'scripts'], ext: '{ts,tsx}' },
} as const;

export const vitestInclude = (project: keyof typeof VITEST_DIRS): string[] =>
  VITEST_DIRS[project].dirs.map((d) => `${d}/**/*.test.${VITEST_DIRS[project].ext}`);

export interface TestPlan {
  /** layers run whole, in LAYERS order */
  layers: Layer[];
  /** single files (or folders) per layer, as given, relative to the repository */
  files: Record<FileLayer, string[]>;
  /** leave the test cluster running afterwards */
  keep: boolean;
  /** Vitest in watch mode on the files given */
  watch: boolean;
  /** rebuild the test database even when its sources did not change */
  fresh: boolean;
}

export class UsageError extends Error {}

const inside = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);

/** The layer that runs a test file or a folder of tests, from its path alone. */
export function layerOf(file: string): FileLayer {
  const f = path.posix.normalize(file.replaceAll('\\', '/')).replace(/^\.\//, '').replace(/\/$/, '');
  if (inside(f, 'supabase/tests') && (f.endsWith('.test.sql') || !path.posix.extname(f))) return 'db';
  if (inside(f, 'tests/e2e') && (f.endsWith('.spec.ts') || !path.posix.extname(f))) return 'e2e';
  const isTest = /\.test\.tsx?$/.test(f) || !path.posix.extname(f);
  for (const project of ['integration', 'unit'] as const) {
    const { dirs } = VITEST_DIRS[project];
    if (isTest && dirs.some((d) => inside(f, d)) && (project === 'unit' || !f.endsWith('.tsx'))) return project;
  }
  throw new UsageError(
    `${file} is not a test this runner knows: supabase/tests/*.test.sql, tests/e2e/*.spec.ts, or a *.test.ts(x) under ${[
      ...VITEST_DIRS.integration.dirs,
      ...VITEST_DIRS.unit.dirs,
    ].join(', ')}`,
  );
}

/**
 * `npm test` arguments → plan. No layer and no file: every layer. `exists` says whether a path
 * names something in the repository (a misspelt file must not silently run nothing).
 */
export function planRun(args: string[], exists: (file: string) => boolean): TestPlan {
  const plan: TestPlan = { layers: [], files: { db: [], integration: [], unit: [], e2e: [] }, keep: false, watch: false, fresh: false };
  const layers = new Set<Layer>();
  for (const arg of args) {
    if (arg === '--keep') plan.keep = true;
    else if (arg === '--watch') plan.watch = true;
    else if (arg === '--fresh') plan.fresh = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg} (known: --keep, --watch, --fresh)`);
    else if ((LAYERS as readonly string[]).includes(arg)) layers.add(arg as Layer);
    else {
      if (!exists(arg)) throw new UsageError(`${arg}: no such file or folder`);
      plan.files[layerOf(arg)].push(arg);
    }
  }
  const anyFile = Object.values(plan.files).some((f) => f.length);
  plan.layers = layers.size || anyFile ? LAYERS.filter((l) => layers.has(l)) : [...LAYERS];
  if (plan.watch) {
    const watched = plan.layers.length === 0 && !plan.files.db.length && !plan.files.e2e.length && anyFile;
    if (!watched) throw new UsageError('--watch takes Vitest files only (integration or unit), e.g. npm test -- --watch tests/integration/x.test.ts');
  }
  return plan;
}

/** Every layer, with nothing narrowed: `npm test` as CI runs it. */
export const isFullRun = (plan: TestPlan) =>
  plan.layers.length === LAYERS.length && Object.values(plan.files).every((f) => f.length === 0);

const runs = (plan: TestPlan, layer: FileLayer) => plan.layers.includes(layer) || plan.files[layer].length > 0;

/** The jsdom tests need neither database nor API; everything else runs against the test stack. */
export const needsDatabase = (plan: TestPlan) => runs(plan, 'db') || runs(plan, 'integration') || runs(plan, 'e2e');
export const needsApi = (plan: TestPlan) => runs(plan, 'integration') || runs(plan, 'e2e');
export { runs };
