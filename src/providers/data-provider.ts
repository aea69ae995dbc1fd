import { hasColumnFilter } from '../resources/list-params';
import type { BaseKey, CrudFilter, DataProvider, HttpError, MetaQuery } from '@refinedev/core';
import { dataProvider as supabaseDataProvider } from '@refinedev/supabase';
import type { SupabaseClient } from '@supabase/supabase-js';
import { findResource } from '../resources';
import type { ResourceDef } from '../resources/types';
import { DELETED_FILTER_FIELD, SEARCH_FILTER_FIELD } from '../resources/list-params';
import { badRequest, prepareFilters, quoteTreeValue, substringSearch } from '../lib/postgrest-filters';
import { hasSyntheticId, parseRecordKey, primaryKeyOf, recordKey } from '../resources/record-key';
import { buildSelect } from '../resources/select';
import { supabaseClient } from './supabase-client';
import { getTenantScope } from './tenant-scope';

// The admin's one data path: @refinedev/supabase's provider (pagination, sorting, filters,
// counts, mutations) with what the registry knows added around it — the select, count mode,
// search, soft delete, composite keys and the super admin's tenant scope — and PostgREST
// errors as refine HttpErrors carrying the HTTP status (the auth provider signs out on 401 and
// says "not allowed" on 403). PostgreSQL's RLS still decides everything; nothing here is a
// permission check.

export interface DataProviderOptions {
  /** The tenant a super admin chose to look at; null = every tenant RLS allows. */
  getTenantScope?: () => string | null;
}

type Row = Record<string, unknown>;
type Builder = PromiseLike<unknown> & {
  eq(column: string, value: unknown): Builder;
  is(column: string, value: null): Builder;
  not(column: string, operator: string, value: unknown): Builder;
  or(filters: string): Builder;
  in(column: string, values: unknown[]): Builder;
  match(query: Record<string, unknown>): Builder;
  select(columns?: string): Builder;
  textSearch(column: string, query: string, options: { config: string; type: 'websearch' }): Builder;
};
interface QueryBuilder {
  select(columns?: string, options?: { count?: 'exact' | 'planned' | 'estimated'; head?: boolean }): Builder;
  insert(values: unknown): Builder;
  update(values: unknown): Builder;
  delete(): Builder;
}
interface Response {
  data: unknown;
  error: Row | null;
  status: number;
}

// refine's handleError keeps the PostgREST body but not the HTTP status (it parses the SQLSTATE
// into statusCode); remembering the status on the error lets errors be mapped afterwards.
function keepStatus(builder: Builder): Builder {
  const then = builder.then as (
    this: Builder,
    ok?: (r: Response) => unknown,
    fail?: (e: unknown) => unknown,
  ) => unknown;
  return Object.assign(builder, {
    then(this: Builder, ok?: (r: Response) => unknown, fail?: (e: unknown) => unknown) {
      return then.call(
        this,
        (res) => {
          const tagged = res.error ? { ...res, error: { ...res.error, status: res.status } } : res;
          return ok ? ok(tagged) : tagged;
        },
        fail,
      );
    },
  });
}

function toHttpError(error: unknown): HttpError {
  if (!error || typeof error !== 'object') return { statusCode: 500, message: String(error) };
  const e = error as Row;
  const message = typeof e.message === 'string' && e.message ? e.message : 'The request failed';
  if (typeof e.status === 'number') {
    const { status, ...body } = e;
    return {
      ...body,
      // status 0: supabase-js could not reach the API at all
      statusCode: status === 0 ? 503 : status,
      message,
      code: e.code ?? null,
      details: e.details ?? null,
      hint: e.hint ?? null,
    };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 600)
    return { ...e, message } as HttpError;
  // Errors @refinedev/supabase throws itself before any request (e.g. an operator it rejects)
  return { statusCode: error instanceof Error ? 400 : 500, message };
}

async function mapErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toHttpError(error);
  }
}

async function run(builder: Builder): Promise<unknown> {
  const res = (await builder) as Response;
  if (res.error) throw toHttpError({ ...res.error, status: res.status });
  return res.data;
}

type Shape = (builder: Builder) => Builder;

/**
 * A stand-in for the client handed to @refinedev/supabase: every builder keeps its HTTP status;
 * `shape` adds conditions to reads, and deletes return the deleted rows' `returning` columns.
 */
function shapedClient(client: SupabaseClient, shape: Shape = (b) => b, returning?: string): SupabaseClient {
  const wrap = (from: (relation: string) => QueryBuilder) => (relation: string) => {
    const query = from(relation);
    return {
      select: (columns?: string, options?: Parameters<QueryBuilder['select']>[1]) =>
        shape(keepStatus(query.select(columns, options))),
      insert: (values: unknown) => keepStatus(query.insert(values)),
      update: (values: unknown) => keepStatus(query.update(values)),
      delete: () => {
        const builder = keepStatus(query.delete());
        return returning ? builder.select(returning) : builder;
      },
    };
  };
  const fromOf = (c: Pick<SupabaseClient, 'from'>) => (relation: string) => c.from(relation) as unknown as QueryBuilder;
  return {
    from: wrap(fromOf(client)),
    schema: (schema: string) => ({ from: wrap(fromOf(client.schema(schema))) }),
  } as unknown as SupabaseClient;
}

function withId(def: ResourceDef, row: unknown): Row {
  const record = row as Row;
  if (!record || !hasSyntheticId(def)) return record;
  if (primaryKeyOf(def).some((column) => record[column] === undefined || record[column] === null)) return record;
  return { ...record, id: recordKey(def, record) };
}

function keyOf(def: ResourceDef, id: BaseKey): Record<string, string> {
  try {
    return parseRecordKey(def, id);
  } catch (error) {
    throw badRequest((error as Error).message);
  }
}

function isComposite(def: ResourceDef): boolean {
  return primaryKeyOf(def).length > 1;
}

/** meta for @refinedev/supabase: the registry's select and, for a single non-`id` key, its column. */
function metaFor(def: ResourceDef, meta: MetaQuery | undefined): MetaQuery {
  const key = primaryKeyOf(def);
  return {
    ...meta,
    select: meta?.select ?? buildSelect(def),
    ...(key.length === 1 && key[0] !== 'id' && !meta?.idColumnName ? { idColumnName: key[0] } : {}),
  };
}

/** For a single-column key the value refine must compare; composite keys never get here. */
function plainId(def: ResourceDef, id: BaseKey): BaseKey {
  return hasSyntheticId(def) ? Object.values(keyOf(def, id))[0] : id;
}

interface ListExtras {
  search?: string;
  deleted?: string;
  filters: CrudFilter[];
}

/** Takes the pseudo-filters (search box, deleted rows) out of the list's filters. */
function splitPseudoFilters(filters: CrudFilter[] | undefined): ListExtras {
  const out: ListExtras = { filters: [] };
  for (const filter of filters ?? []) {
    if ('field' in filter && filter.field === SEARCH_FILTER_FIELD) out.search = String(filter.value ?? '').trim();
    else if ('field' in filter && filter.field === DELETED_FILTER_FIELD) out.deleted = String(filter.value ?? '');
    else out.filters.push(filter);
  }
  return out;
}

// An estimate suits a whole big table; a filtered list must show the number the dashboard
// card that linked to it showed. Under RLS the planner has no statistics for a filter's
// value and can be off tenfold, while the filtered set is usually small enough to count.
function countFor(def: ResourceDef, extras: ListExtras): 'exact' | 'planned' | 'estimated' {
  const mode = def.countMode ?? 'exact';
  return mode === 'estimated' && hasColumnFilter(extras.filters) ? 'exact' : mode;
}

export function createDataProvider(client: SupabaseClient, options: DataProviderOptions = {}): Required<DataProvider> {
  const scopeOf = options.getTenantScope ?? (() => null);
  const plain = () => supabaseDataProvider(shapedClient(client));
  const table = (resource: string, meta: MetaQuery | undefined): QueryBuilder => {
    const c = meta?.schema ? client.schema(meta.schema) : client;
    return c.from(resource) as unknown as QueryBuilder;
  };

  function listShape(def: ResourceDef, extras: ListExtras): Shape {
    const tenant = scopeOf();
    return (builder) => {
      let b = builder;
      if (def.softDelete) {
        if (extras.deleted === 'only') b = b.not(def.softDelete, 'is', null);
        else if (extras.deleted !== 'include') b = b.is(def.softDelete, null);
      }
      if (
        tenant &&
        !def.global &&
        def.name !== 'tenants' &&
        def.fields.some((f) => (f.name as string) === 'tenant_id')
      ) {
        b = b.eq('tenant_id', tenant);
      }
      if (extras.search && def.search) {
        const { search } = def;
        if (search.mode === 'fts' && search.column) {
          b = b.textSearch(search.column, extras.search, { config: 'english', type: 'websearch' });
        } else if (search.mode === 'ilike') {
          b = b.or(substringSearch(search.fields?.length ? search.fields : [def.titleField], extras.search));
        }
      }
      return b;
    };
  }

  /** A new row of a tenantFromScope table goes to the tenant the super admin is looking at. */
  function inScope<V>(def: ResourceDef, variables: V): V {
    const tenant = scopeOf();
    const row = variables as Record<string, unknown>;
    if (!def.tenantFromScope || !tenant || row.tenant_id != null) return variables;
    return { ...row, tenant_id: tenant } as V;
  }

  /** After a write that touched no row: is it hidden from the caller (404) or only not theirs to change (403)? */
  async function noRowChanged(
    def: ResourceDef,
    key: Record<string, string>,
    id: BaseKey,
    verb: string,
  ): Promise<never> {
    const visible = (await run(table(def.name, undefined).select(primaryKeyOf(def).join(',')).match(key))) as Row[];
    if (visible.length > 0) {
      throw { statusCode: 403, message: `You may see ${def.singular.toLowerCase()} ${id} but not ${verb} it.` };
    }
    throw { statusCode: 404, message: `${def.singular} ${id} was not found, or you may not ${verb} it.` };
  }

  /** Restricts a query to the records with these ids: `pk=in.(…)`, or an `or` of key matches. */
  const whereIds = (builder: Builder, def: ResourceDef, ids: BaseKey[]): Builder => {
    if (!isComposite(def))
      return builder.in(
        primaryKeyOf(def)[0],
        ids.map((id) => plainId(def, id)),
      );
    const either = ids
      .map((id) => {
        const key = keyOf(def, id);
        return `and(${Object.entries(key)
          .map(([column, value]) => `${column}.eq.${quoteTreeValue(value)}`)
          .join(',')})`;
      })
      .join(',');
    return builder.or(either);
  };

  /**
   * Bulk changes go out as one request, so PostgreSQL applies them in one transaction (no
   * request per row). RLS skips rows the caller may not change rather than failing; the
   * reply says how many of the selection that was.
   */
  async function changeMany(
    def: ResourceDef,
    ids: BaseKey[],
    meta: MetaQuery | undefined,
    change: (b: QueryBuilder) => Builder,
    verb: string,
  ) {
    if (ids.length === 0) return { data: [] as never };
    const rows = (await run(
      whereIds(change(table(def.name, meta)), def, ids).select(primaryKeyOf(def).join(',')),
    )) as Row[];
    if (rows.length < ids.length) {
      throw {
        statusCode: 403,
        message: `${ids.length - rows.length} of ${ids.length} selected ${def.label.toLowerCase()} could not be ${verb}: they are gone or you may not change them.`,
      };
    }
    return { data: rows.map((row) => withId(def, row)) as never };
  }

  const keyMatch = (def: ResourceDef, id: BaseKey) =>
    isComposite(def) ? keyOf(def, id) : { [primaryKeyOf(def)[0]]: String(plainId(def, id)) };

  const provider: Required<DataProvider> = {
    getList: ({ resource, filters, sorters, pagination, meta }) =>
      mapErrors(async () => {
        const def = findResource(resource);
        if (!def) return plain().getList({ resource, filters: prepareFilters(filters), sorters, pagination, meta });
        const extras = splitPseudoFilters(filters);
        const result = await supabaseDataProvider(shapedClient(client, listShape(def, extras))).getList({
          resource,
          filters: prepareFilters(extras.filters),
          sorters: sorters?.length ? sorters : [def.defaultSort],
          pagination,
          meta: { ...metaFor(def, meta), count: meta?.count ?? countFor(def, extras) },
        });
        return { ...result, data: result.data.map((row) => withId(def, row)) } as never;
      }),

    getMany: ({ resource, ids, meta }) =>
      mapErrors(async () => {
        const def = findResource(resource);
        if (!def) return plain().getMany({ resource, ids, meta });
        if (!isComposite(def)) {
          const result = await plain().getMany({
            resource,
            ids: ids.map((id) => plainId(def, id)),
            meta: metaFor(def, meta),
          });
          return { data: result.data.map((row) => withId(def, row)) } as never;
        }
        if (ids.length === 0) return { data: [] };
        const rows = (await run(whereIds(table(resource, meta).select(metaFor(def, meta).select), def, ids))) as Row[];
        return { data: rows.map((row) => withId(def, row)) } as never;
      }),

    getOne: ({ resource, id, meta }) =>
      mapErrors(async () => {
        const def = findResource(resource);
        if (!def) return plain().getOne({ resource, id, meta });
        let row: unknown;
        if (isComposite(def)) {
          const rows = (await run(
            table(resource, meta).select(metaFor(def, meta).select).match(keyOf(def, id)),
          )) as Row[];
          row = rows[0];
        } else {
          row = (await plain().getOne({ resource, id: plainId(def, id), meta: metaFor(def, meta) })).data;
        }
        // soft-deleted rows are returned on purpose: the show page offers to restore them
        if (!row) throw { statusCode: 404, message: `${def.singular} ${id} was not found, or you may not see it.` };
        return { data: withId(def, row) as never };
      }),

    create: ({ resource, variables, meta }) =>
      mapErrors(async () => {
        const def = findResource(resource);
        if (!def) return plain().create({ resource, variables, meta });
        const { data } = await plain().create({ resource, variables: inScope(def, variables), meta: metaFor(def, meta) });
        return { data: withId(def, data) as never };
      }),

    createMany: ({ resource, variables, meta }) =>
      mapErrors(async () => {
        const def = findResource(resource);
        if (!def) return plain().createMany({ resource, variables, meta });
        const rows = variables.map((row) => inScope(def, row));
        const { data } = await plain().createMany({ resource, variables: rows, meta: metaFor(def, meta) });
        return { data: data.map((row) => withId(def, row)) as never };
      }),

    update: ({ resource, id, variables, meta }) =>
      mapErrors(async () => {
        const def = findResource(resource);
        if (!def) return plain().update({ resource, id, variables, meta });
        let row: unknown;
        if (isComposite(def)) {
          const query = table(resource, meta).update(variables).match(keyOf(def, id));
          row = ((await run(query.select(metaFor(def, meta).select))) as Row[])[0];
        } else {
          row = (await plain().update({ resource, id: plainId(def, id), variables, meta: metaFor(def, meta) })).data;
        }
        if (!row) return noRowChanged(def, keyMatch(def, id), id, 'change');
        return { data: withId(def, row) as never };
      }),

    updateMany: ({ resource, ids, variables, meta }) =>
      mapErrors(async () => {
        const def = findResource(resource);
        if (!def) return plain().updateMany({ resource, ids, variables, meta });
        return changeMany(def, ids, meta, (b) => b.update(variables), 'changed');
      }),

    deleteOne: ({ resource, id, variables, meta }) =>
      mapErrors(async () => {
        const def = findResource(resource);
        if (!def) return plain().deleteOne({ resource, id, variables, meta });
        const returning = primaryKeyOf(def).join(',');
        let row: unknown;
        if (isComposite(def)) {
          row = ((await run(table(resource, meta).delete().match(keyOf(def, id)).select(returning))) as Row[])[0];
        } else {
          const dp = supabaseDataProvider(shapedClient(client, undefined, returning));
          row = (await dp.deleteOne({ resource, id: plainId(def, id), variables, meta: metaFor(def, meta) })).data;
        }
        if (!row) return noRowChanged(def, keyMatch(def, id), id, 'delete');
        return { data: withId(def, row) as never };
      }),

    deleteMany: ({ resource, ids, variables, meta }) =>
      mapErrors(async () => {
        const def = findResource(resource);
        if (!def) return plain().deleteMany({ resource, ids, variables, meta });
        return changeMany(def, ids, meta, (b) => b.delete(), 'deleted');
      }),

    getApiUrl: () => (client as unknown as { rest?: { url?: string } }).rest?.url ?? '',

    // @refinedev/supabase has no custom(); here it calls a PostgREST function:
    // custom({ url: 'rpc/<fn>' or meta.rpc, method, payload (POST) or query (GET) }).
    custom: ({ url, method, payload, query, meta }) =>
      mapErrors(async () => {
        const fn = (meta?.rpc as string | undefined) ?? /(?:^|\/)rpc\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(url)?.[1];
        if (!fn)
          throw badRequest(
            `custom() calls database functions: pass meta.rpc or a url ending in rpc/<function> (got "${url}")`,
          );
        const get = method === 'get' || method === 'head';
        const args = ((get ? query : payload) ?? (get ? payload : query) ?? {}) as Record<string, unknown>;
        const c = meta?.schema ? client.schema(meta.schema) : client;
        const data = await run(c.rpc(fn, args, { get, head: method === 'head' }) as unknown as Builder);
        return { data: data as never };
      }),
  };
  return provider;
}

export const dataProvider = createDataProvider(supabaseClient, { getTenantScope });
