// `npm run bench`: the figures we hold ourselves to, printed rather than asserted.
// Sections: the production bundle (initial JS per route), the admin's list pages at scale
// (scripts/bench-lists.ts), then whatever benchmark files the local stack ships
// (supabase/local/**/bench.ts), each run in its own process.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../supabase/local/config.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function bundle() {
  console.log('== production bundle ==');
  execFileSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--manifest', '--logLevel', 'error'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, VITE_SUPABASE_URL: 'http://127.0.0.1:54321', VITE_SUPABASE_ANON_KEY: 'bench' },
    },
  );
  const dist = path.join(repoRoot, 'dist');
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length;
  // A route's JS = the entry and its static imports, plus the lazy page chunk the route
  // loads and that chunk's static imports (its own lazy parts, e.g. charts, come later).
  const closure = (keys: string[], into = new Set<string>()) => {
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || into.has(chunk.file)) return;
      into.add(chunk.file);
      chunk.imports?.forEach(visit);
    };
    keys.forEach(visit);
    return into;
  };
  const entries = Object.entries(manifest)
    .filter(([, c]) => c.isEntry)
    .map(([k]) => k);
  const total = (files: Set<string>) => [...files].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
  const login = closure(entries);
  const routes: [string, string[]][] = [
    ['login route', []],
    ['home route (dashboard)', ['src/features/dashboard/dashboard-page.tsx']],
    ['a list page', ['src/components/resource-list/resource-list-page.tsx']],
    ['a show page', ['src/components/resource-show/resource-show-page.tsx']],
    ['a form page', ['src/components/resource-form/resource-form-page.tsx']],
  ];
  for (const [name, lazyKeys] of routes) {
    if (lazyKeys.some((k) => !manifest[k])) continue;
    const files = closure(lazyKeys, new Set(login));
    const gzip = total(files);
    const target = name.startsWith('home') ? `  (target < 450 KB: ${gzip < 450 * 1024 ? 'met' : 'MISSED'})` : '';
    console.log(`initial JS, ${name}, gzip: ${kb(gzip)} in ${files.size} chunk(s)${target}`);
  }
  const js = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const largest = js
    .map((f) => ({ f, size: statSync(path.join(dist, 'assets', f)).size }))
    .sort((a, b) => b.size - a.size)[0];
  console.log(`largest chunk: ${largest.f} ${kb(largest.size)} raw, ${kb(gz(`assets/${largest.f}`))} gzip`);
  // Manifests name chunks, not modules: find the libraries by a class name they ship.
  const where = (lib: string, marker: string) => {
    const hits = js.filter((f) => readFileSync(path.join(dist, 'assets', f), 'utf8').includes(marker));
    if (hits.length === 0) return `${lib}: not bundled`;
    return `${lib}: ${hits.some((f) => login.has(`assets/${f}`)) ? 'IN THE INITIAL BUNDLE' : `lazy (${hits.join(', ')})`}`;
  };
  console.log(`${where('leaflet', 'leaflet-container')}; ${where('recharts', 'recharts-wrapper')}`);
  console.log(`JS chunks: ${js.length}`);
}

// Every registry list as the list page asks for it, on a throwaway database seeded at scale.
function lists() {
  console.log('\n== admin list pages (scripts/bench-lists.ts) ==');
  const res = spawnSync(path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join(repoRoot, 'scripts/bench-lists.ts')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (res.status !== 0) process.exitCode = 1;
}

function localStackBenches() {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.data' || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'bench.ts') found.push(full);
    }
  };
  const root = path.join(repoRoot, 'supabase/local');
  if (existsSync(root)) walk(root);
  for (const file of found.sort()) {
    console.log(`\n== ${path.relative(repoRoot, file)} ==`);
    const res = spawnSync(path.join(repoRoot, 'node_modules/.bin/tsx'), [file], { cwd: repoRoot, stdio: 'inherit' });
    if (res.status !== 0) process.exitCode = 1;
  }
}

bundle();
lists();
localStackBenches();
