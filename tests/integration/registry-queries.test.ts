// Every registry entry, queried the way the generic list queries it: through the app's data
// provider as the super admin, with the entry's select (columns + relation embeds), default sort,
// count mode, each declared filter with a value taken from the data, each sortable column, and
// its search. Then the database side of the same promises: what a list filters or sorts by must
// lead an index (possibly after tenant_id), full-text columns need a GIN index.
// The loop covers whatever is registered, so a new entry is checked as soon as it lands.
import type { CrudFilter } from '@refinedev/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registry } from '../../src/resources';
import type { FieldDef, ResourceDef } from '../../src/resources/types';
import { createDataProvider } from '../../src/providers/data-provider';
import { SEARCH_FILTER_FIELD } from '../../src/resources/list-params';
import { embedAlias, embedFor } from '../../src/resources/select';
import { primaryKeyOf } from '../../src/resources/record-key';
import { clientFor, closeStack, sql } from '../helpers/stack.ts';

// The app's own client is built for the browser (WebSocket, VITE_ settings); these tests hand
// the provider a signed-in client of their own.
vi.mock('../../src/providers/supabase-client', () => ({ supabaseClient: null }));

afterAll(closeStack);

type Dp = ReturnType<typeof createDataProvider>;
type Row = Record<string, unknown>;
let superAdmin: Dp;

beforeAll(async () => {
  superAdmin = createDataProvider(await clientFor('super'));
});

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const fieldOf = (def: ResourceDef, name: string): FieldDef | undefined => def.fields.find((f) => f.name === name);
const notDeleted = (def: ResourceDef) => (def.softDelete ? `${ident(def.softDelete)} is null` : 'true');
const NUMERIC = new Set(['integer', 'decimal', 'percent', 'money', 'rating', 'duration_minutes']);

/**
 * A realistic filter for `field`: its value comes from `sample`, rows the super admin was just
 * shown (so RLS and soft delete already apply); `matches` says how many of them it selects.
 */
async function filterFor(
  field: FieldDef,
  sample: Row[],
): Promise<{ filter: CrudFilter; holds: (row: Row) => boolean; matches: number }> {
  const name = field.name as string;
  const seen = sample.map((row) => row[name]).filter((v) => v !== null && v !== undefined);
  if (field.kind === 'enum') {
    let values = [...new Set(seen.map(String))].slice(0, 2);
    if (values.length === 0) values = field.options?.slice(0, 2) ?? [];
    if (values.length === 0 && field.enum) {
      values = (
        await sql<{ v: string }>(`select unnest(enum_range(null::public.${ident(field.enum)}))::text as v limit 2`)
      ).map((r) => r.v);
    }
    const holds = (row: Row) => values.includes(String(row[name]));
    return { filter: { field: name, operator: 'in', value: values }, holds, matches: sample.filter(holds).length };
  }
  if (field.kind === 'boolean') {
    const holds = (row: Row) => row[name] === true;
    return { filter: { field: name, operator: 'eq', value: true }, holds, matches: sample.filter(holds).length };
  }
  if (field.kind === 'date' || field.kind === 'datetime') {
    const at = (x: unknown) => (field.kind === 'date' ? String(x) : new Date(String(x)).getTime());
    const ordered = [...seen].sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
    const since = String(ordered[Math.floor(ordered.length / 2)] ?? '2000-01-01');
    const holds = (row: Row) => row[name] !== null && at(row[name]) >= at(since);
    return { filter: { field: name, operator: 'gte', value: since }, holds, matches: sample.filter(holds).length };
  }
  // relations, uuids and everything else: equality with a value that occurs
  const fallback = field.kind === 'relation' || field.kind === 'uuid' ? '00000000-0000-4000-8000-000000000000' : '0';
  const value = seen.length ? String(seen[0]) : fallback;
  const holds = (row: Row) =>
    NUMERIC.has(field.kind) ? Number(row[name]) === Number(value) : String(row[name]) === value;
  return { filter: { field: name, operator: 'eq', value }, holds, matches: sample.filter(holds).length };
}

async function hasRows(def: ResourceDef): Promise<boolean> {
  const rows = await sql(`select 1 from public.${ident(def.name)} where ${notDeleted(def)} limit 1`);
  return rows.length > 0;
}

it('the registry is not empty', () => {
  expect(registry.length).toBeGreaterThan(0);
});

describe.each(registry.map((def) => [def.name, def] as const))('%s', (_name, def) => {
  // the first page of the default list: what the filters below take their values from
  let sample: Row[] = [];
  const firstPage = async () => {
    const page = await superAdmin.getList({
      resource: def.name,
      sorters: [def.defaultSort],
      pagination: { currentPage: 1, pageSize: 50, mode: 'server' },
    });
    sample = page.data as Row[];
    return page;
  };

  it('lists with its select, default sort and count mode', async () => {
    const page = await firstPage().catch(async (error: { message?: string }) => {
      // name the relation fields whose embed PostgREST refuses (e.g. an ambiguous foreign key)
      const refused: string[] = [];
      for (const field of def.fields.filter((f) => f.relation)) {
        const select = [...primaryKeyOf(def), embedFor(field as FieldDef, def.name)].join(',');
        await superAdmin
          .getList({
            resource: def.name,
            meta: { select },
            pagination: { pageSize: 1, currentPage: 1, mode: 'server' },
          })
          .catch((e: { message?: string }) =>
            refused.push(`${field.name} (${embedFor(field as FieldDef, def.name)}): ${e.message}`),
          );
      }
      expect.fail(
        `${def.name}: ${error.message}${refused.length ? `\n  embeds refused:\n  ${refused.join('\n  ')}` : ''}`,
      );
    });
    const { data, total } = page;
    expect(data.length).toBeLessThanOrEqual(50);
    expect(total).toBeGreaterThanOrEqual(data.length);
    if (await hasRows(def)) expect(data.length, 'the super admin sees none of the rows').toBeGreaterThan(0);
    for (const row of data as Row[]) {
      for (const field of def.fields) expect(row, `column ${field.name}`).toHaveProperty(field.name);
      for (const field of def.fields.filter((f) => f.relation)) {
        const related = row[embedAlias(field.name)] as Row | null | undefined;
        expect(related, `embed ${embedAlias(field.name)} of ${field.name}`).not.toBeUndefined();
        const embed = embedFor(field as FieldDef, def.name);
        expect(
          Array.isArray(related),
          `${embed} is to-many: the embed does not follow ${field.name}'s foreign key`,
        ).toBe(false);
        if (row[field.name] !== null && related !== null)
          expect(related, embed).toHaveProperty(field.relation!.labelField);
      }
      expect(row.id, 'every row has a record id').not.toBeUndefined();
    }
  });

  it('no embed alias hides a column of the table', async () => {
    const columns = new Set(
      (
        await sql<{ c: string }>(
          "select column_name as c from information_schema.columns where table_schema = 'public' and table_name = $1",
          [def.name],
        )
      ).map((r) => r.c),
    );
    const hiding = def.fields
      .filter((f) => f.relation && columns.has(embedAlias(f.name)))
      .map((f) => `${f.name} → ${embedAlias(f.name)}`);
    expect(hiding).toEqual([]);
  });

  const filters = def.filters ?? [];
  if (filters.length > 0) {
    it.each(filters.map((f) => [f.field] as const))('filter %s works with a value from the data', async (name) => {
      const field = fieldOf(def, name);
      expect(field, `filter ${name} is not a field of ${def.name}`).toBeDefined();
      if (sample.length === 0) await firstPage().catch(() => undefined);
      const { filter, holds, matches } = await filterFor(field!, sample);
      const { data } = await superAdmin.getList({
        resource: def.name,
        filters: [filter],
        sorters: [def.defaultSort],
        pagination: { currentPage: 1, pageSize: 20, mode: 'server' },
      });
      const wrong = (data as Row[]).filter((row) => !holds(row)).map((row) => row[name]);
      expect(wrong, `rows not matching ${JSON.stringify(filter)}`).toEqual([]);
      if (matches > 0) expect(data.length, `no rows for ${JSON.stringify(filter)}`).toBeGreaterThan(0);
    });
  }

  const sortable = def.fields.filter((f) => f.sortable).map((f) => f.name as string);
  if (sortable.length > 0) {
    it.each(sortable.flatMap((f) => [[f, 'asc'] as const, [f, 'desc'] as const]))(
      'sorts by %s %s',
      async (name, order) => {
        const { data } = await superAdmin.getList({
          resource: def.name,
          sorters: [{ field: name, order }],
          pagination: { currentPage: 1, pageSize: 20, mode: 'server' },
        });
        const field = fieldOf(def, name)!;
        const comparable = NUMERIC.has(field.kind) || field.kind === 'date' || field.kind === 'datetime';
        if (!comparable) return;
        const key = (v: unknown) => (NUMERIC.has(field.kind) ? Number(v) : new Date(String(v)).getTime());
        const values = (data as Row[])
          .map((r) => r[name])
          .filter((v) => v !== null)
          .map(key);
        const sorted = [...values].sort((a, b) => (order === 'asc' ? a - b : b - a));
        expect(values).toEqual(sorted);
      },
    );
  }

  if (def.search) {
    it(`searches (${def.search.mode})`, async () => {
      const search = def.search!;
      const column = search.mode === 'fts' ? search.column : search.fields?.[0];
      expect(column, 'search needs a column (fts) or fields (ilike)').toBeDefined();
      if (sample.length === 0) await firstPage().catch(() => undefined);
      // a word of a row the super admin was shown: for fts one the row's own vector matches
      let term: string | undefined;
      for (const row of sample) {
        const words =
          String(row[search.mode === 'fts' ? def.titleField : column!] ?? '').match(/[\p{L}\p{N}]{3,}/gu) ?? [];
        for (const word of words) {
          if (search.mode === 'ilike') term = word;
          else if (typeof row.id === 'string') {
            const hit = await sql(
              `select 1 from public.${ident(def.name)} where id = $1 and ${ident(column!)} @@ websearch_to_tsquery('english', $2)`,
              [row.id, word],
            );
            if (hit.length) term = word;
          }
          if (term) break;
        }
        if (term) break;
      }
      const { data } = await superAdmin.getList({
        resource: def.name,
        filters: [{ field: SEARCH_FILTER_FIELD, operator: 'contains', value: term ?? 'zzzz' }],
        pagination: { currentPage: 1, pageSize: 20, mode: 'server' },
      });
      if (term) expect(data.length, `no result for "${term}"`).toBeGreaterThan(0);
      if (term && search.mode === 'ilike') {
        const fields = search.fields ?? [def.titleField];
        const misses = (data as Row[]).filter(
          (row) =>
            !fields.some((f) =>
              String(row[f] ?? '')
                .toLowerCase()
                .includes(term!.toLowerCase()),
            ),
        );
        expect(misses).toEqual([]);
      }
    });
  }
});

// ---- indexes ----------------------------------------------------------------------------------

interface IndexRow {
  table: string;
  index: string;
  method: string;
  c0: string | null;
  c1: string | null;
}

let indexes: IndexRow[] = [];
beforeAll(async () => {
  indexes = await sql<IndexRow>(
    `select t.relname as table, ic.relname as index, am.amname as method,
            (select attname from pg_attribute where attrelid = i.indrelid and attnum = i.indkey[0]) as c0,
            (select attname from pg_attribute where attrelid = i.indrelid and attnum = i.indkey[1]) as c1
       from pg_index i
       join pg_class ic on ic.oid = i.indexrelid
       join pg_am am on am.oid = ic.relam
       join pg_class t on t.oid = i.indrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public'`,
  );
});

const leads = (table: string, column: string, methods: string[]) =>
  indexes.some(
    (ix) =>
      ix.table === table &&
      methods.includes(ix.method) &&
      (ix.c0 === column || (ix.c0 === 'tenant_id' && ix.c1 === column)),
  );

describe('indexes behind every list filter, sort and search', () => {
  it('each filter and sortable column (and the default sort) leads a btree index, possibly after tenant_id', () => {
    const offenders = registry.flatMap((def) => {
      const columns = new Set<string>([
        ...(def.filters ?? []).map((f) => f.field),
        ...def.fields.filter((f) => f.sortable).map((f) => f.name as string),
        def.defaultSort.field as string,
      ]);
      return [...columns].filter((c) => !leads(def.name, c, ['btree'])).map((c) => `${def.name}.${c}`);
    });
    expect(offenders, 'columns a list filters or sorts by without a leading btree index').toEqual([]);
  });

  it('full-text search columns have a GIN index; ilike search fields have an index', () => {
    const offenders = registry.flatMap((def) => {
      const s = def.search;
      if (!s) return [];
      if (s.mode === 'fts')
        return s.column && leads(def.name, s.column, ['gin']) ? [] : [`${def.name}.${s.column} (fts, gin)`];
      return (s.fields ?? [def.titleField])
        .filter((f) => !leads(def.name, f, ['gin', 'gist', 'btree']))
        .map((f) => `${def.name}.${f} (ilike)`);
    });
    expect(offenders, 'search columns without a usable index').toEqual([]);
  });

  it('every registered primary key is the table key', async () => {
    const offenders: string[] = [];
    for (const def of registry) {
      const [pk] = await sql<{ cols: string[] }>(
        `select array_agg(a.attname::text order by k.ord) as cols
           from pg_index i cross join lateral unnest(i.indkey) with ordinality k(attnum, ord)
           join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
          where i.indrelid = ('public.' || quote_ident($1))::regclass and i.indisprimary`,
        [def.name],
      );
      if (JSON.stringify(pk?.cols) !== JSON.stringify(primaryKeyOf(def)))
        offenders.push(`${def.name}: ${pk?.cols} ≠ ${primaryKeyOf(def)}`);
    }
    expect(offenders).toEqual([]);
  });
});

// A record action names a database function; a typo or a renamed argument would only show as
// a failed click. Each must exist, executable by staff, take every argument the action sends,
// and need no argument the action may leave out (its bulk function the same, with the ids).
describe('record actions call functions that exist', () => {
  const actions = registry.flatMap((def) => (def.actions ?? []).map((action) => [def.name, action] as const));
  const calls = actions.flatMap(([table, action]) => {
    const fixed = Object.keys(action.fixedArgs ?? {});
    const given = [...fixed, ...(action.args ?? []).map((arg) => arg.name)];
    const always = [...fixed, ...(action.args ?? []).filter((arg) => arg.required).map((arg) => arg.name)];
    const call = (rpc: string, ids: string) => ({
      name: `${table}: ${action.key} → ${rpc}(${ids})`,
      rpc,
      sent: [ids, ...given],
      always: [ids, ...always],
    });
    return [
      call(action.rpc, action.idArgument),
      ...(action.bulk ? [call(action.bulk.rpc, action.bulk.idsArgument)] : []),
    ];
  });

  it('the registry has record actions, some of them bulk, to check', () => {
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter(([, action]) => action.bulk).length).toBeGreaterThan(0);
  });

  it.each(calls.map((call) => [call.name, call] as const))('%s', async (_name, call) => {
    const rows = await sql<{ inputs: string[]; required: number; callable: boolean }>(
      `select (p.proargnames::text[])[1:p.pronargs] as inputs, p.pronargs - p.pronargdefaults as required,
              has_function_privilege('authenticated', p.oid, 'execute') as callable
         from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname = $1`,
      [call.rpc],
    );
    expect(rows).toHaveLength(1);
    const [{ inputs, required, callable }] = rows;
    expect(callable).toBe(true);
    expect(call.sent.filter((name) => !inputs.includes(name))).toEqual([]);
    expect(inputs.slice(0, required).filter((name) => !call.always.includes(name))).toEqual([]);
  });
});
