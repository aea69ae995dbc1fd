// Resolves `select=…,target!hint(…)` to a relationship — foreign keys (of tables, and of views
// through their columns), junctions and computed relationships — with PostgREST 12's rules
// (Plan.hs findRel) and its errors when there is none (PGRST200) or more than one (PGRST201).
import { ApiError } from './errors.ts';
import { fuzzyGet, fuzzyGetOne } from './fuzzy-set.ts';
import type { ForeignKey, Func, SchemaCache, Table } from '../schema-cache.ts';

export type Relationship =
  | {
      kind: 'm2o' | 'o2m' | 'o2o';
      fk: ForeignKey;
      from: Table;
      to: Table;
      toOne: boolean;
      /** [origin column, foreign column] */
      pairs: [string, string][];
    }
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
    }
  | { kind: 'computed'; fn: Func; from: Table; to: Table; toOne: boolean };

const sameCols = (a: string[], b: string[]) => a.length === b.length && a.every((c) => b.includes(c));
const isUnique = (t: Table, cols: string[]) => t.uniques.some((u) => sameCols(u, cols));
const coveredByKey = (t: Table, cols: string[]) => t.uniques.some((u) => cols.every((c) => u.includes(c)));
const isView = (t: Table) => t.kind === 'v' || t.kind === 'm';

/** Every relationship leaving `from`, as PostgREST's relationships map holds them. */
function relationshipsOf(cache: SchemaCache, from: Table): Relationship[] {
  const out: Relationship[] = [];
  for (const fk of cache.fks) {
    if (fk.from === from) {
      const pairs = fk.fromCols.map((c, i) => [c, fk.toCols[i]] as [string, string]);
      const oneToOne = fk.from !== fk.to && isUnique(fk.from, fk.fromCols);
      out.push({ kind: oneToOne ? 'o2o' : 'm2o', fk, from, to: fk.to, toOne: true, pairs });
    }
    if (fk.to === from) {
      const pairs = fk.toCols.map((c, i) => [c, fk.fromCols[i]] as [string, string]);
      const oneToOne = fk.from !== fk.to && isUnique(fk.from, fk.fromCols);
      out.push({ kind: oneToOne ? 'o2o' : 'o2m', fk, from, to: fk.from, toOne: oneToOne, pairs });
    }
  }
  // many-to-many through a junction whose key covers both foreign keys
  for (const a of cache.fks) {
    if (a.to !== from) continue;
    for (const b of cache.fks) {
      if (b === a || b.from !== a.from) continue;
      const j = a.from;
      if (!coveredByKey(j, [...a.fromCols, ...b.fromCols])) continue;
      out.push({
        kind: 'm2m', from, to: b.to, junction: j, toOne: false,
        fromPairs: a.fromCols.map((c, i) => [c, a.toCols[i]]),
        toPairs: b.fromCols.map((c, i) => [c, b.toCols[i]]),
        fks: [a, b],
      });
    }
  }
  for (const fn of cache.computed.get(from) ?? []) {
    out.push({ kind: 'computed', fn, from, to: fn.returnTable!, toOne: !fn.returnsSet || fn.rows === 1 });
  }
  return out;
}

const singleCol = (r: Relationship, side: 0 | 1) => (r.kind !== 'm2m' && r.kind !== 'computed' && r.pairs.length === 1 ? r.pairs[0][side] : undefined);
const constraintOf = (r: Relationship) => (r.kind === 'm2m' || r.kind === 'computed' ? undefined : r.fk.name);

/** PostgREST 12's findRel: which relationships `target` and `hint` name. */
function matches(r: Relationship, target: string, hint: string | undefined): boolean {
  if (r.kind === 'computed') return target === r.fn.name;
  const self = r.kind !== 'm2m' && r.fk.from === r.fk.to;
  if (self) {
    // one foreign key, two directions: the table name (with the referencing column as hint)
    // is the one-to-many side, the referencing column alone the many-to-one side
    if (hint === undefined) return (target === r.to.name && r.kind === 'o2m') || (target === singleCol(r, 0) && r.kind === 'm2o');
    return target === r.to.name && r.kind === 'o2m' && hint === singleCol(r, 1);
  }
  if (hint === undefined) {
    return (
      target === r.to.name ||
      (!isView(r.to) && (target === constraintOf(r) || target === singleCol(r, 0)))
    );
  }
  return (
    target === r.to.name &&
    (hint === constraintOf(r) || hint === singleCol(r, 0) || hint === singleCol(r, 1) || (r.kind === 'm2m' && hint === r.junction.name))
  );
}

const cols = (names: string[]) => `(${names.join(', ')})`;

/** One relationship as PGRST201's details show it (Error.hs compressedRel). */
function describe(r: Relationship): object {
  if (r.kind === 'computed') return {};
  if (r.kind === 'm2m') {
    return {
      cardinality: 'many-to-many',
      embedding: `${r.from.name} with ${r.to.name}`,
      relationship: `${r.junction.name} using ${r.fks[0].name}${cols(r.fromPairs.map((p) => p[0]))} and ${r.fks[1].name}${cols(r.toPairs.map((p) => p[0]))}`,
    };
  }
  const cardinality = { m2o: 'many-to-one', o2m: 'one-to-many', o2o: 'one-to-one' }[r.kind];
  return {
    cardinality,
    embedding: `${r.from.name} with ${r.to.name}`,
    relationship: `${r.fk.name} using ${r.from.name}${cols(r.pairs.map((p) => p[0]))} and ${r.to.name}${cols(r.pairs.map((p) => p[1]))}`,
  };
}

const hintFor = (r: Relationship) => `'${r.to.name}!${r.kind === 'm2m' ? r.junction.name : constraintOf(r)}'`;

/**
 * PGRST200's hint (Error.hs noRelBetweenHint): a near name among the tables `from` relates to,
 * or, when `from` relates to none, among the tables that relate to anything.
 */
function noRelationshipHint(cache: SchemaCache, from: Table, rels: Relationship[], target: string): string | null {
  if (rels.length) {
    const children = [...new Set(rels.map((r) => r.to.name))];
    const near = fuzzyGet(children, target).find(([score]) => score < 1)?.[1];
    return near === undefined ? null : `Perhaps you meant '${near}' instead of '${target}'.`;
  }
  const related = new Set<string>();
  for (const fk of cache.fks) {
    for (const t of [fk.from, fk.to]) if (t.schema === from.schema) related.add(t.name);
  }
  const near = fuzzyGetOne([...related], from.name);
  return near === undefined ? null : `Perhaps you meant '${near}' instead of '${from.name}'.`;
}

export function findRelationship(cache: SchemaCache, from: Table, target: string, hint?: string): Relationship {
  const rels = relationshipsOf(cache, from);
  const found = rels.filter((r) => matches(r, target, hint));
  if (found.length === 0) {
    throw new ApiError(
      400, 'PGRST200',
      `Could not find a relationship between '${from.name}' and '${target}' in the schema cache`,
      `Searched for a foreign key relationship between '${from.name}' and '${target}'${hint !== undefined ? ` using the hint '${hint}'` : ''} in the schema '${from.schema}', but no matches were found.`,
      noRelationshipHint(cache, from, rels, target),
    );
  }
  if (found.length > 1) {
    throw new ApiError(
      300, 'PGRST201',
      `Could not embed because more than one relationship was found for '${from.name}' and '${target}'`,
      found.map(describe),
      `Try changing '${target}' to one of the following: ${found.map(hintFor).join(', ')}. Find the desired relationship in the 'details' key.`,
    );
  }
  return found[0];
}
