// Resolves `select=…,target!hint(…)` to a relationship through foreign keys, with
// PostgREST's errors when there is none (PGRST200) or more than one (PGRST201).
import { ApiError } from './errors.ts';
import type { ForeignKey, SchemaCache, Table } from '../schema-cache.ts';

export type Relationship =
  | { kind: 'm2o' | 'o2m' | 'o2o'; fk: ForeignKey; from: Table; to: Table; toOne: boolean; pairs: [string, string][] }
  | {
      kind: 'm2m';
      from: Table;
      to: Table;
      junction: Table;
      toOne: false;
      /** [junction column, from column] */
      fromPairs: [string, string][];
      /** [junction column, to column] */
      toPairs: [string, string][];
      fks: [ForeignKey, ForeignKey];
    };

const sameCols = (a: string[], b: string[]) => a.length === b.length && a.every((c) => b.includes(c));
const isUnique = (t: Table, cols: string[]) => t.uniques.some((u) => sameCols(u, cols));
const coveredByKey = (t: Table, cols: string[]) => t.uniques.some((u) => cols.every((c) => u.includes(c)));

function candidates(cache: SchemaCache, from: Table, target: string): { rel: Relationship; names: string[] }[] {
  const out: { rel: Relationship; names: string[] }[] = [];
  for (const fk of cache.fks) {
    if (fk.from === from) {
      // many-to-one (one-to-one when the referencing columns are unique)
      const pairs = fk.fromCols.map((c, i) => [c, fk.toCols[i]] as [string, string]);
      const names = [fk.to.name, fk.name, ...(fk.fromCols.length === 1 ? [fk.fromCols[0]] : [])];
      // a self-reference is told apart by its hint: the column for many-to-one, the constraint for one-to-many
      const hints = fk.from === fk.to ? fk.fromCols : [fk.name, ...fk.fromCols];
      if (names.includes(target)) out.push({ rel: { kind: 'm2o', fk, from, to: fk.to, toOne: true, pairs }, names: hints });
    }
    if (fk.to === from) {
      // one-to-many: the other side references us
      const pairs = fk.toCols.map((c, i) => [c, fk.fromCols[i]] as [string, string]);
      if (fk.from.name === target || fk.name === target) {
        const toOne = isUnique(fk.from, fk.fromCols);
        const hints = fk.from === fk.to ? [fk.name] : [fk.name, ...fk.fromCols];
        out.push({ rel: { kind: toOne ? 'o2o' : 'o2m', fk, from, to: fk.from, toOne, pairs }, names: hints });
      }
    }
  }
  // many-to-many through a junction whose key covers both foreign keys
  for (const a of cache.fks) {
    if (a.to !== from) continue;
    for (const b of cache.fks) {
      if (b === a || b.from !== a.from || b.to.name !== target) continue;
      const j = a.from;
      if (!coveredByKey(j, [...a.fromCols, ...b.fromCols])) continue;
      out.push({
        rel: {
          kind: 'm2m', from, to: b.to, junction: j, toOne: false,
          fromPairs: a.fromCols.map((c, i) => [c, a.toCols[i]]),
          toPairs: b.fromCols.map((c, i) => [c, b.toCols[i]]),
          fks: [a, b],
        },
        names: [j.name, a.name, b.name],
      });
    }
  }
  return out;
}

function describe(r: Relationship): object {
  if (r.kind === 'm2m') {
    return {
      cardinality: 'many-to-many',
      embedding: `${r.from.name} with ${r.to.name}`,
      relationship: `${r.fks[0].name} using ${r.junction.schema}.${r.junction.name}(${r.fromPairs.map((p) => p[0]).join(', ')}) and ${r.fks[1].name}(${r.toPairs.map((p) => p[0]).join(', ')})`,
    };
  }
  const card = { m2o: 'many-to-one', o2m: 'one-to-many', o2o: 'one-to-one' }[r.kind];
  return {
    cardinality: card,
    embedding: `${r.from.name} with ${r.to.name}`,
    relationship: `${r.fk.name} using ${r.fk.from.name}(${r.fk.fromCols.join(', ')}) and ${r.fk.to.name}(${r.fk.toCols.join(', ')})`,
  };
}

export function findRelationship(cache: SchemaCache, from: Table, target: string, hint?: string): Relationship {
  let found = candidates(cache, from, target);
  if (hint !== undefined) {
    // the hint names a foreign key, a referencing column, or a junction table
    found = found.filter((c) => c.names.includes(hint));
  }
  if (found.length === 0) {
    throw new ApiError(
      400, 'PGRST200',
      `Could not find a relationship between '${from.name}' and '${target}' in the schema cache`,
      `Searched for a foreign key relationship between '${from.name}' and '${target}'${hint ? ` using the hint '${hint}'` : ''} in the schema '${from.schema}', but no matches were found.`,
      'Perhaps you meant a different table or hint; if the relationship was just created, reload the schema cache.',
    );
  }
  if (found.length > 1) {
    throw new ApiError(
      300, 'PGRST201',
      `Could not embed because more than one relationship was found for '${from.name}' and '${target}'`,
      JSON.stringify(found.map((c) => describe(c.rel))),
      `Try changing '${target}' to one of the following: ${found.map((c) => `'${target}!${c.names[0]}'`).join(', ')}. Find the desired relationship in the 'details' key.`,
    );
  }
  return found[0].rel;
}
