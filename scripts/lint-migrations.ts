// Lints supabase/migrations with squawk (npm squawk-cli; rules and the ones left out in
// .squawk.toml). Migrations on main are never edited, so what squawk found in them is recorded in
// supabase/squawk-baseline.json; anything else fails — a new migration's finding (fix it, or say
// why inline: `-- squawk-ignore <rule>` on the line before) — and so does a recorded finding no
// longer found (the baseline only shrinks).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'supabase/migrations');

interface Finding {
  file: string;
  line: number;
  rule_name: string;
  message: string;
}
interface Baseline {
  findings: { file: string; line: number; rule: string }[];
}

const run = spawnSync('npx', ['squawk', '--reporter', 'json', 'supabase/migrations/*.sql'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.error || !run.stdout.trim().startsWith('[')) {
  console.error(`squawk did not run: ${run.error?.message ?? run.stderr}`);
  process.exit(2);
}
const found = (JSON.parse(run.stdout) as Finding[]).map((f) => ({ ...f, file: path.basename(f.file) }));
const key = (file: string, line: number, rule: string) => `${file}:${line} ${rule}`;
const baseline = JSON.parse(readFileSync(path.join(root, 'supabase/squawk-baseline.json'), 'utf8')) as Baseline;
const recorded = new Set(baseline.findings.map((f) => key(f.file, f.line, f.rule)));
const current = new Set(found.map((f) => key(f.file, f.line, f.rule_name)));

const fresh = found.filter((f) => !recorded.has(key(f.file, f.line, f.rule_name)));
const gone = [...recorded].filter((k) => !current.has(k));
for (const f of fresh)
  console.error(`${path.relative(root, path.join(dir, f.file))}:${f.line} ${f.rule_name}: ${f.message}`);
for (const k of gone)
  console.error(`recorded but no longer found (remove it from supabase/squawk-baseline.json): ${k}`);
if (fresh.length || gone.length) {
  console.error(`squawk: ${fresh.length} new finding(s), ${gone.length} stale baseline entr(y/ies)`);
  process.exit(1);
}
console.log(`squawk: ${found.length} finding(s), all in migrations already on main (supabase/squawk-baseline.json)`);
