import type { ResourceDef, TableName } from './types';

// Typed identity: checks every field name against the generated table type, so a renamed
// column fails `npm run typecheck` instead of a page at runtime.
export function defineResource<T extends TableName>(def: ResourceDef<T>): ResourceDef<T> {
  return def;
}
