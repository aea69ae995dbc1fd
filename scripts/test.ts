// `npm test`: every layer a change can break, in order — static checks, pgTAP, Vitest's
// integration and unit projects, Playwright — against a test cluster of its own, so demo data
// is never touched. `npm test -- db unit` runs only the named layers; `npm test -- <file>…`
// runs single test files of any kind (scripts/test-plan.ts routes them); --keep leaves the
// test cluster up, --watch re-runs Vitest files on save, --fresh rebuilds the database.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { dbUrl, instance, repoRoot } from '../supabase/local/config.ts';
import * as cluster from '../supabase/local/cluster.ts';
import { resetDatabase, withClient } from '../supabase/local/database.ts';
import { bootstrapFile, migrationsDir, runSqlFile, seedFile } from '../supabase/local/migrate.ts';
import { startLocalApi, type RunningApi } from './local-api.ts';
import { isFullRun, needsApi, needsDatabase, planRun, runs, UsageError, type TestPlan } from './test-plan.ts';
import { checkTypes } from './typegen.ts';

let plan: TestPlan;
try {
  plan = planRun(process.argv.slice(2), (f) => existsSync(path.resolve(repoRoot, f)));
} catch (err) {
  if (!(err instanceof UsageError)) throw err;
  console.error(`npm test: ${err.message}`);
  process.exit(2);
}
const inst = instance('test');
const resultsDir = path.join(repoRoot, 'test-results');
const counts = { passed: 0, failed: 0 };

// What a failed phase printed on stderr, repeated after the summary: CI shows only the end of
// the log, and a runner can fail with every test passed (an unhandled error, a suite whose
// hook failed), which the counts alone do not explain.
const failureDetails: string[] = [];

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['inherit', 'inherit', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      process.stderr.write(d);
    });
    child.on('exit', (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      if (status) failureDetails.push(`${[cmd, ...args.filter((a) => !a.startsWith('--reporter') && !a.startsWith('--outputFile'))].join(' ')} (exit ${status}):\n${errorReport(stderr, 120)}`);
      resolve(status);
    });
  });
}

// Vitest's own error report starts at its first banner (⎯⎯ Failed Suites / Failed Tests /
// Unhandled Errors ⎯⎯); before it, stderr is the tests' console output.
function errorReport(text: string, n: number): string {
  // eslint-disable-next-line no-control-regex
  let lines = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((l) => l.trim());
  const banner = lines.findIndex((l) => /⎯ (Failed|Unhandled)/.test(l));
  if (banner >= 0) lines = lines.slice(banner);
  return (lines.length > n ? [...lines.slice(0, n), '…'] : lines).join('\n');
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

async function staticChecks() {
  const tsc = await sh('npx', ['tsc', '-b', '--noEmit']);
  const lint = await sh('npx', ['eslint', '.', '--max-warnings=0']);
  const migrations = await sh('npx', ['tsx', 'scripts/lint-migrations.ts']);
  if (tsc || lint || migrations) throw new Error('type-check, lint or migration lint failed');
}

const helpersDir = path.join(repoRoot, 'supabase/tests/helpers');
const sqlIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => path.join(dir, f)) : []);

/** What the test database is built from; a change to any of these means a rebuild. */
function buildSourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of [bootstrapFile, ...sqlIn(migrationsDir), seedFile, ...sqlIn(helpersDir)]) {
    hash.update(path.relative(repoRoot, file)).update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

// The hash is kept on the database itself (its comment), so a rebuilt, dropped or half-built
// database never passes for a current one.
const BUILD_MARK = 'loconomy test build ';

async function builtFrom(): Promise<string | undefined> {
  return withClient(dbUrl(inst), async (c) => {
    const { rows } = await c.query<{ d: string | null }>(`select shobj_description(oid, 'pg_database') as d from pg_database where datname = 'postgres'`);
    const d = rows[0]?.d ?? '';
    return d.startsWith(BUILD_MARK) ? d.slice(BUILD_MARK.length) : undefined;
  }).catch(() => undefined);
}

/**
 * The test database, built from scratch for a full run (as CI does) or with --fresh, and
 * otherwise only when its sources changed since it was built, so one file runs in seconds.
 */
async function ensureTestDatabase(rebuild: boolean) {
  await cluster.start(inst);
  const hash = buildSourcesHash();
  if (!rebuild && (await builtFrom()) === hash) {
    console.log(`test database is current (sources unchanged): ${dbUrl(inst)}`);
    return;
  }
  await resetDatabase(inst, { log: () => {} });
  await withClient(dbUrl(inst), async (c) => {
    await c.query('create extension if not exists pgtap with schema extensions');
    for (const f of sqlIn(helpersDir)) await runSqlFile(c, f);
    await c.query(`comment on database postgres is '${BUILD_MARK}${hash}'`);
  });
  console.log(`test database built: ${dbUrl(inst)}`);
}

async function pgTap(only: string[]) {
  const files = only.length
    ? only
    : readdirSync(path.join(repoRoot, 'supabase/tests'))
        .filter((f) => f.endsWith('.test.sql'))
        .sort()
        .map((f) => `supabase/tests/${f}`);
  let out = '';
  const code = await new Promise<number>((resolve) => {
    const args = ['-h', '127.0.0.1', '-p', String(inst.port), '-U', 'postgres', '-d', 'postgres', '--ext', '.sql', ...files];
    console.log(`\n$ pg_prove ${args.join(' ')}`);
    const child = spawn('pg_prove', args, { cwd: repoRoot, env: { ...process.env, PGPASSWORD: 'postgres' } });
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const tests = Number(/Tests=(\d+)/.exec(out)?.[1] ?? 0);
  const failedTests = [...out.matchAll(/Failed (\d+)\/\d+ subtests/g)].reduce((n, m) => n + Number(m[1]), 0);
  counts.passed += tests - failedTests;
  counts.failed += failedTests + (code && !failedTests ? 1 : 0);
  if (code) throw new Error('pgTAP failed');
}

// One Vitest project: the whole project, or the given files of it. The integration project
// runs first and alone (its tests stop and start real clusters and time out pools, and on two
// cores jsdom workers starve them); then the unit project gets the whole machine.
async function vitest(project: 'integration' | 'unit', files: string[], env: NodeJS.ProcessEnv) {
  const out = path.join(resultsDir, `vitest-${project}.json`);
  const args = ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...files];
  const code = await sh('npx', args, env);
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(out);
  const failedTests = report?.numFailedTests ?? 0;
  counts.passed += report?.numPassedTests ?? 0;
  // a suite can fail with no failed test (its hook failed, or an unhandled error): still a failure
  counts.failed += failedTests + (code && !failedTests ? 1 : 0);
  if (code) throw new Error(`Vitest (${project}) failed`);
}

/** Vitest's watch mode on the given files, against the running stack, until Ctrl-C. */
async function watch(env: NodeJS.ProcessEnv) {
  const projects = (['integration', 'unit'] as const).filter((p) => plan.files[p].length);
  const args = ['vitest', ...projects.flatMap((p) => ['--project', p]), ...plan.files.integration, ...plan.files.unit];
  // Ctrl-C reaches Vitest (same process group); the runner then stops what it started
  process.on('SIGINT', () => {});
  await sh('npx', args, env);
}

interface PlaywrightSuite {
  title: string;
  specs?: { title: string; file: string; line: number; tests: { results: { status: string; error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number };
  suites: PlaywrightSuite[];
}

function failedSpecs(report: PlaywrightReport): string[] {
  const out: string[] = [];
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) {
      const results = spec.tests.flatMap((t) => t.results);
      if (results.length === 0 || results.some((r) => r.status === 'passed')) continue;
      const message = results.find((r) => r.error?.message)?.error?.message ?? '(no error message)';
      out.push(`${spec.file}:${spec.line} › ${spec.title}:\n${errorReport(message, 25)}`);
    }
    suite.suites?.forEach(walk);
  };
  report.suites.forEach(walk);
  return out;
}

async function playwright(files: string[], env: NodeJS.ProcessEnv) {
  const build = await sh('npx', ['vite', 'build', '--logLevel', 'warn'], env);
  if (build) throw new Error('production build failed');
  const out = path.join(resultsDir, 'playwright.json');
  const code = await sh('npx', ['playwright', 'test', ...files], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const report = readJson<PlaywrightReport>(out);
  counts.passed += (report?.stats.expected ?? 0) + (report?.stats.flaky ?? 0);
  counts.failed += report?.stats.unexpected ?? (code ? 1 : 0);
  // Playwright reports failures on stdout; the summary repeats each failed test's first error
  if (report) for (const failure of failedSpecs(report)) failureDetails.push(failure);
  if (code) throw new Error('Playwright failed');
}

async function main() {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  let api: RunningApi | null = null;
  const failures: string[] = [];
  // how long each step took, printed with the summary (the README's timings come from here)
  const timings: string[] = [];
  const timed = async (name: string, fn: () => Promise<void>) => {
    const started = Date.now();
    try {
      await fn();
    } finally {
      timings.push(`${name} ${Math.round((Date.now() - started) / 1000)} s`);
    }
  };
  const attempt = async (name: string, fn: () => Promise<void>) => {
    try {
      await timed(name, fn);
    } catch (err) {
      failures.push(`${name}: ${(err as Error).message}`);
    }
  };
  const keep = plan.keep || !!process.env.KEEP_TEST_STACK;
  try {
    if (plan.layers.includes('static')) await attempt('static', staticChecks);
    if (needsDatabase(plan)) await timed('database', () => ensureTestDatabase(isFullRun(plan) || plan.fresh));
    if (runs(plan, 'db')) {
      await attempt('pgTAP', () => pgTap(plan.files.db));
      // the generated types describe the whole schema: checked with the whole layer
      if (plan.layers.includes('db')) {
        await attempt('typegen', async () => {
          if (checkTypes(dbUrl(inst))) {
            counts.passed += 1;
            console.log('\nsrc/types/database.ts matches the migrated database');
          } else {
            counts.failed += 1;
            throw new Error('src/types/database.ts is out of date: run `npm run db:migrate && npm run typegen` and commit it');
          }
        });
      }
    }
    const env: NodeJS.ProcessEnv = {
      LOCONOMY_TEST_DB_URL: dbUrl(inst),
      // what the app is built against when no API runs (the jsdom tests never call it)
      VITE_SUPABASE_URL: `http://127.0.0.1:${inst.apiPort}`,
      VITE_SUPABASE_ANON_KEY: 'local-test-anon-key',
    };
    if (needsApi(plan)) {
      api = await startLocalApi(inst);
      if (api) Object.assign(env, api.env);
    }
    if (plan.watch) await watch(env);
    else {
      for (const project of ['integration', 'unit'] as const) {
        if (runs(plan, project)) await attempt(`Vitest ${project}`, () => vitest(project, plan.layers.includes(project) ? [] : plan.files[project], env));
      }
      if (runs(plan, 'e2e')) await attempt('Playwright', () => playwright(plan.layers.includes('e2e') ? [] : plan.files.e2e, env));
    }
  } catch (err) {
    failures.push((err as Error).message);
  } finally {
    await api?.close();
    // a jsdom-only run never touched the cluster, and leaves one kept by an earlier run alone
    if (needsDatabase(plan)) {
      if (keep) console.log(`\ntest cluster left running (--keep): ${dbUrl(inst)}; \`npm run db:stop -- --instance test\` stops it`);
      else cluster.stop(inst);
    }
  }
  console.log('');
  if (failures.length) for (const d of failureDetails) console.error(`--- ${d}\n`);
  for (const f of failures) console.error(`FAILED ${f}`);
  if (timings.length) console.log(`time: ${timings.join(', ')}`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(failures.length ? 1 : 0);
}

main();
