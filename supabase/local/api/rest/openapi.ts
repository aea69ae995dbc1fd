// GET /rest/v1/: the OpenAPI (Swagger 2.0) description PostgREST 12 serves at its root, built
// after Response/OpenAPI.hs — definitions per table and view, shared parameters, a path per table
// and function. With openapi-mode follow-privileges (the default) it is read as the caller's role,
// so it lists only what that role may use; ignore-privileges lists everything; disabled → 404.
import type { IncomingHttpHeaders } from 'node:http';
import type pg from 'pg';
import { ApiError } from './errors.ts';
import type { RestSettings } from './settings.ts';
import type { ForeignKey, Func, SchemaCache, Table } from '../schema-cache.ts';

/** The PostgREST release this API follows, as the document's info.version says. */
export const POSTGREST_VERSION = '12.2.12 (Loconomy local API)';

type Json = Record<string, unknown>;

interface RelationInfo {
  oid: string;
  description: string | null;
  accessible: boolean;
  insertable: boolean;
  updatable: boolean;
  deletable: boolean;
}

interface ColumnInfo {
  rel: string;
  name: string;
  type: string;
  max_length: number | null;
  description: string | null;
  enum: string[] | null;
}

interface FuncInfo {
  oid: string;
  description: string | null;
  accessible: boolean;
}

// accessible as PostgREST's accessibleTables: owned (by a role the caller is), or any privilege
// on the table or on one of its columns
// PostgREST's column type: built-in types without their modifier ("character varying"), others
// as format_type writes them; domains as their base type when that is built in
const RELATIONS = `
select c.oid::int8::text as oid, obj_description(c.oid, 'pg_class') as description,
  (pg_has_role(c.relowner, 'USAGE')
   or has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
   or has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')) as accessible,
  (c.relkind in ('r', 'p') or (pg_relation_is_updatable(c.oid, true) & 8) = 8) as insertable,
  (c.relkind in ('r', 'p') or (pg_relation_is_updatable(c.oid, true) & 4) = 4) as updatable,
  (c.relkind in ('r', 'p') or (pg_relation_is_updatable(c.oid, true) & 16) = 16) as deletable
from pg_class c where c.oid = any($1::oid[])`;

const COLUMNS = `
select a.attrelid::int8::text as rel, a.attname as name,
  case when t.typtype = 'd' and bt.typnamespace = 'pg_catalog'::regnamespace then format_type(t.typbasetype, null)
       when t.typnamespace = 'pg_catalog'::regnamespace then format_type(a.atttypid, null)
       else format_type(a.atttypid, a.atttypmod) end as type,
  case when a.atttypmod > 4 and coalesce(bt.oid, t.oid) in ('varchar'::regtype, 'bpchar'::regtype) then a.atttypmod - 4 end as max_length,
  col_description(a.attrelid, a.attnum) as description,
  (select array_agg(e.enumlabel::text order by e.enumsortorder) from pg_enum e where e.enumtypid = coalesce(bt.oid, t.oid)) as enum
from pg_attribute a
join pg_type t on t.oid = a.atttypid
left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
where a.attrelid = any($1::oid[]) and a.attnum > 0 and not a.attisdropped
order by a.attrelid, a.attnum`;

const FUNCS = `
select p.oid::int8::text as oid, obj_description(p.oid, 'pg_proc') as description,
  has_function_privilege(p.oid, 'EXECUTE') as accessible
from pg_proc p where p.oid = any($1::oid[])`;

const SCHEMA_DESCRIPTION = `select obj_description(n.oid, 'pg_namespace') as description from pg_namespace n where n.nspname = $1`;

function swaggerType(type: string): string | undefined {
  const known: Record<string, string | undefined> = {
    'character varying': 'string',
    character: 'string',
    text: 'string',
    boolean: 'boolean',
    smallint: 'integer',
    integer: 'integer',
    bigint: 'integer',
    numeric: 'number',
    real: 'number',
    'double precision': 'number',
    json: undefined,
    jsonb: undefined,
  };
  if (type in known) return known[type];
  return type.endsWith('[]') ? 'array' : 'string';
}

/** A column default as PostgREST's parseDefault reads it: JSON when it parses, else none. */
function defaultValue(type: string, raw: string | null): unknown {
  if (raw === null) return undefined;
  let text = raw;
  if (swaggerType(type) === 'string') {
    const stripped = raw.endsWith(`::${type}`) ? raw.slice(0, -`::${type}`.length).replace(/^'+|'+$/g, '') : raw;
    text = JSON.stringify(stripped);
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const splitDescription = (d: string | null | undefined): [string | undefined, string | undefined] => {
  if (d === null || d === undefined) return [undefined, undefined];
  const i = d.indexOf('\n');
  return i < 0 ? [d, ''] : [d.slice(0, i), d.slice(i + 1).replace(/^\n+/, '')];
};

function columnProperty(t: Table, c: ColumnInfo, fk: ForeignKey | undefined, raw: string | null): Json {
  const notes = ['Note:'];
  if (t.pk.includes(c.name)) notes.push('This is a Primary Key.<pk/>');
  if (fk)
    notes.push(
      `This is a Foreign Key to \`${fk.to.name}.${fk.toCols[0]}\`.<fk table='${fk.to.name}' column='${fk.toCols[0]}'/>`,
    );
  const description =
    notes.length > 1
      ? `${c.description ? `${c.description}\n\n` : ''}${notes.join('\n')}`
      : (c.description ?? undefined);
  const type = swaggerType(c.type);
  const prop: Json = {
    default: defaultValue(c.type, raw),
    description,
    enum: c.enum ?? undefined,
    format: c.type,
    maxLength: c.max_length ?? undefined,
    type,
  };
  if (type === 'array') prop.items = { type: swaggerType(c.type.slice(0, -2)) };
  return Object.fromEntries(Object.entries(prop).filter(([, v]) => v !== undefined));
}

const param = (name: string, description: string, where: 'query' | 'header', extra: Json = {}) => ({
  name,
  description,
  required: false,
  in: where,
  type: 'string',
  ...extra,
});

const prefer = (values: string[]) => ({
  name: 'Prefer',
  description: 'Preference',
  required: false,
  in: 'header',
  type: 'string',
  enum: values,
});

const ref = (name: string) => ({ $ref: `#/parameters/${name}` });

function tablePath(t: Table, info: RelationInfo, cols: ColumnInfo[]): Json {
  const [summary, description] = splitDescription(info.description);
  const op = { tags: [t.name], ...(summary !== undefined ? { summary } : {}), ...(description ? { description } : {}) };
  const rowFilters = cols.map((c) => ref(`rowFilter.${t.name}.${c.name}`));
  const item: Json = {
    get: {
      ...op,
      parameters: [
        ...rowFilters,
        ...['select', 'order', 'range', 'rangeUnit', 'offset', 'limit', 'preferCount'].map(ref),
      ],
      responses: {
        200: { description: 'OK', schema: { type: 'array', items: { $ref: `#/definitions/${t.name}` } } },
        206: { description: 'Partial Content' },
      },
    },
  };
  if (info.insertable || info.updatable || info.deletable) {
    item.post = {
      ...op,
      parameters: [ref(`body.${t.name}`), ref('select'), ref('preferPost')],
      responses: { 201: { description: 'Created' } },
    };
    item.patch = {
      ...op,
      parameters: [...rowFilters, ref(`body.${t.name}`), ref('preferReturn')],
      responses: { 204: { description: 'No Content' } },
    };
    item.delete = {
      ...op,
      parameters: [...rowFilters, ref('preferReturn')],
      responses: { 204: { description: 'No Content' } },
    };
  }
  return item;
}

function functionPath(fn: Func, info: FuncInfo): Json {
  const [summary, description] = splitDescription(info.description);
  const op = {
    tags: [`(rpc) ${fn.name}`],
    ...(summary !== undefined ? { summary } : {}),
    ...(description ? { description } : {}),
    produces: [
      'application/json',
      'application/vnd.pgrst.object+json;nulls=stripped',
      'application/vnd.pgrst.object+json',
    ],
    responses: { 200: { description: 'OK' } },
  };
  const args = fn.args.filter((a) => a.name !== '');
  const getParams = args.map((a, i) => {
    const variadic = fn.variadic && i === args.length - 1;
    const t = swaggerType(a.type);
    return variadic
      ? {
          name: a.name,
          required: !a.hasDefault,
          in: 'query',
          type: t ?? 'string',
          items: { type: swaggerType(a.type.slice(0, -2)), format: a.type.slice(0, -2) },
          collectionFormat: 'multi',
        }
      : {
          name: a.name,
          required: !a.hasDefault,
          in: 'query',
          format: a.type,
          type: t === 'array' || t === undefined ? 'string' : t,
        };
  });
  const properties = Object.fromEntries(
    args.map((a) => {
      const t = swaggerType(a.type);
      return [
        a.name,
        {
          format: a.type,
          ...(t ? { type: t } : {}),
          ...(t === 'array' ? { items: { type: swaggerType(a.type.slice(0, -2)) } } : {}),
        },
      ];
    }),
  );
  const required = args.filter((a) => !a.hasDefault).map((a) => a.name);
  const body = {
    name: 'args',
    required: true,
    in: 'body',
    schema: {
      type: 'object',
      properties,
      ...(required.length ? { required } : {}),
      ...(info.description ? { description: info.description } : {}),
    },
  };
  return { get: { ...op, parameters: getParams }, post: { ...op, parameters: [body, ref('preferParams')] } };
}

/** The document, read in the caller's transaction (role and claims already set). */
export async function openApiDocument(
  c: pg.ClientBase,
  cache: SchemaCache,
  schema: string,
  settings: RestSettings,
  headers: IncomingHttpHeaders,
): Promise<Json> {
  const tables = [...cache.tables.values()]
    .filter((t) => t.schema === schema)
    .sort((a, b) => a.name.localeCompare(b.name));
  const funcs = [...cache.funcs.values()]
    .flat()
    .filter((f) => f.schema === schema && f.returnType !== 'trigger' && f.returnType !== 'event_trigger')
    .sort((a, b) => a.name.localeCompare(b.name));
  const oids = tables.map((t) => t.oid);
  const rel = new Map((await c.query<RelationInfo>(RELATIONS, [oids])).rows.map((r) => [r.oid, r]));
  const cols = new Map<string, ColumnInfo[]>();
  for (const col of (await c.query<ColumnInfo>(COLUMNS, [oids])).rows)
    cols.set(col.rel, [...(cols.get(col.rel) ?? []), col]);
  const fnInfo = new Map((await c.query<FuncInfo>(FUNCS, [funcs.map((f) => f.oid)])).rows.map((r) => [r.oid, r]));
  const schemaDescription = (await c.query<{ description: string | null }>(SCHEMA_DESCRIPTION, [schema])).rows[0]
    ?.description;
  const follow = settings.openapiMode === 'follow-privileges';
  const shownTables = tables.filter((t) => rel.get(t.oid) && (!follow || rel.get(t.oid)!.accessible));
  const shownFuncs = funcs.filter((f) => fnInfo.get(f.oid) && (!follow || fnInfo.get(f.oid)!.accessible));

  const definitions: Json = {};
  const parameters: Json = {
    preferParams: prefer(['params=single-object']),
    preferReturn: prefer(['return=representation', 'return=minimal', 'return=none']),
    preferCount: prefer(['count=none']),
    preferPost: prefer([
      'return=representation',
      'return=minimal',
      'return=none',
      'resolution=ignore-duplicates',
      'resolution=merge-duplicates',
    ]),
    select: param('select', 'Filtering Columns', 'query'),
    on_conflict: param('on_conflict', 'On Conflict', 'query'),
    order: param('order', 'Ordering', 'query'),
    range: param('Range', 'Limiting and Pagination', 'header'),
    rangeUnit: param('Range-Unit', 'Limiting and Pagination', 'header', { default: 'items' }),
    offset: param('offset', 'Limiting and Pagination', 'query'),
    limit: param('limit', 'Limiting and Pagination', 'query'),
  };
  const paths: Json = {
    '/': {
      get: {
        tags: ['Introspection'],
        summary: 'OpenAPI description (this document)',
        produces: ['application/openapi+json', 'application/json'],
        responses: { 200: { description: 'OK' } },
      },
    },
  };
  for (const t of shownTables) {
    const tc = cols.get(t.oid) ?? [];
    // the single-column foreign key of each column, a table's before a view's
    const fkOf = (name: string) =>
      cache.fks
        .filter((fk) => fk.from === t && fk.fromCols.length === 1 && fk.fromCols[0] === name)
        .sort(
          (a, b) => Number(a.to.kind === 'v' || a.to.kind === 'm') - Number(b.to.kind === 'v' || b.to.kind === 'm'),
        )[0];
    const info = rel.get(t.oid)!;
    const required = t.columns.filter((c) => c.notNull).map((c) => c.name);
    definitions[t.name] = {
      ...(info.description ? { description: info.description } : {}),
      ...(required.length ? { required } : {}),
      properties: Object.fromEntries(
        tc.map((c) => [c.name, columnProperty(t, c, fkOf(c.name), t.col.get(c.name)?.default ?? null)]),
      ),
      type: 'object',
    };
    parameters[`body.${t.name}`] = {
      name: t.name,
      description: t.name,
      required: false,
      in: 'body',
      schema: { $ref: `#/definitions/${t.name}` },
    };
    for (const c of tc) {
      parameters[`rowFilter.${t.name}.${c.name}`] = {
        name: c.name,
        ...(c.description ? { description: c.description } : {}),
        required: false,
        in: 'query',
        type: 'string',
      };
    }
    paths[`/${t.name}`] = tablePath(t, info, tc);
  }
  for (const fn of shownFuncs) paths[`/rpc/${fn.name}`] = functionPath(fn, fnInfo.get(fn.oid)!);

  const [title, description] = splitDescription(schemaDescription);
  const host = typeof headers.host === 'string' ? headers.host : 'localhost';
  return {
    swagger: '2.0',
    info: {
      description: description ?? 'This is a dynamic API generated by PostgREST',
      title: title ?? 'PostgREST API',
      version: POSTGREST_VERSION,
    },
    host,
    basePath: '/rest/v1/',
    schemes: ['http'],
    consumes: [
      'application/json',
      'application/vnd.pgrst.object+json;nulls=stripped',
      'application/vnd.pgrst.object+json',
      'text/csv',
    ],
    produces: [
      'application/json',
      'application/vnd.pgrst.object+json;nulls=stripped',
      'application/vnd.pgrst.object+json',
      'text/csv',
    ],
    paths,
    definitions,
    parameters,
    externalDocs: { description: 'PostgREST Documentation', url: 'https://postgrest.org/en/v12/references/api.html' },
    ...(settings.openapiSecurityActive
      ? {
          securityDefinitions: {
            JWT: {
              type: 'apiKey',
              in: 'header',
              name: 'Authorization',
              description: 'Add the token prepending "Bearer " (without quotes) to it',
            },
          },
          security: [{ JWT: [] }],
        }
      : {}),
  };
}

/** openapi-mode disabled: PostgREST's answer at the root. */
export const openApiDisabled = () => new ApiError(404, 'PGRST126', 'Root endpoint metadata is disabled');

/** Accept at the root: the OpenAPI types or anything JSON. */
export function acceptsOpenApi(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((o) => {
    const type = o.split(';')[0].trim().toLowerCase();
    return ['application/openapi+json', 'application/json', '*/*', 'application/*'].includes(type);
  });
}
