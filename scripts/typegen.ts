// `npm run typegen`: src/types/database.ts from the migrated database, by Supabase's own
// generator (postgres-meta), exactly as `supabase gen types typescript` produces it.
// `--check` compares instead of writing, and fails when the committed file is stale.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dbUrl, instance, repoRoot } from '../supabase/local/config.ts';

export const typesFile = path.join(repoRoot, 'src/types/database.ts');

export function generateTypes(url: string): string {
  return execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/@supabase/postgres-meta/dist/server/server.js')], {
    env: {
      ...process.env,
      PG_META_DB_URL: url,
      PG_META_GENERATE_TYPES: 'typescript',
      PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
      PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true',
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

export function checkTypes(url: string): boolean {
  return readFileSync(typesFile, 'utf8') === generateTypes(url);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const urlFlag = args.indexOf('--db-url');
  const url = urlFlag >= 0 ? args[urlFlag + 1] : dbUrl(instance(args.includes('--test') ? 'test' : 'dev'));
  if (args.includes('--check')) {
    if (!checkTypes(url)) {
      console.error('src/types/database.ts is out of date with the migrations: run `npm run db:migrate && npm run typegen`');
      process.exit(1);
    }
    console.log('src/types/database.ts matches the migrated database');
  } else {
    writeFileSync(typesFile, generateTypes(url));
    console.log(`wrote ${path.relative(repoRoot, typesFile)}`);
  }
}
