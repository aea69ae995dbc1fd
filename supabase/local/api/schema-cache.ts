// What PostgREST calls the schema cache: tables, views, columns, keys, foreign keys,
// functions and the impersonable roles' settings of the exposed schemas, read from the catalogs.
import type pg from 'pg';
import { viewColumnSources, type ColumnSource } from './rest/view-columns.ts';

export interface Column {
  name: string;
  num: number;
  type: string;
  typname: string;
  notNull: boolean;
  default: string | null;
  identity: string;
  generated: string;
}

export interface Table {
  oid: string;
  schema: string;
  name: string;
  kind: string;
  columns: Column[];
  col: Map<string, Column>;
  pk: string[];
  uniques: string[][];
}

export interface ForeignKey {
  name: string;
  from: Table;
  fromCols: string[];
  to: Table;
  toCols: string[];
}

export interface FuncArg {
  name: string;
  type: string;
  hasDefault: boolean;
}

export interface Func {
  oid: string;
  schema: string;
  name: string;
  args: FuncArg[];
  /** an unnamed single json/jsonb argument: the whole body is passed to it */
  singleUnnamedJson: boolean;
  volatility: 'i' | 's' | 'v';
  returnsSet: boolean;
  returnType: string;
  /** scalar, void, or rows (a table/view row type, a composite, or OUT/TABLE columns) */
  returns: 'scalar' | 'void' | 'rows';
  returnTable?: Table;
  variadic: boolean;
  /** the planner's row estimate (ROWS n): a set-returning function with ROWS 1 embeds as to-one */
  rows: number;
  /** the table whose row is the function's one argument: a computed relationship of that table */
  rowArgTable?: Table;
}

export interface SchemaCache {
  schemas: string[];
  tables: Map<string, Table>;
  fks: ForeignKey[];
  funcs: Map<string, Func[]>;
  /** computed relationships: functions taking a table's row and returning rows of a table */
  computed: Map<Table, Func[]>;
  /**
   * PostgREST's in-database configuration: the connecting role's `pgrst.*` settings
   * (`alter role authenticator set pgrst.db_aggregates_enabled = 'true'`), read with the cache
   */
  config: Map<string, string>;
  /** the time zone names PostgreSQL knows (Prefer: timezone=…) */
  timezones: Set<string>;
  /** roles the connecting role may switch to, with the settings SET ROLE would not apply */
  roles: Map<string, [string, string][]>;
}

export const qualified = (schema: string, name: string) => `${schema}.${name}`;

const TABLES = `
select c.oid::int8::text as oid, n.nspname as schema, c.relname as name, c.relkind as kind
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any($1) and c.relkind in ('r','v','m','f','p')`;

const COLUMNS = `
select a.attrelid::int8::text as rel, a.attname as name, a.attnum as num,
  format_type(a.atttypid, a.atttypmod) as type, coalesce(bt.typname, t.typname) as typname,
  a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as default, a.attidentity as identity,
  a.attgenerated as generated
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
where n.nspname = any($1) and c.relkind in ('r','v','m','f','p') and a.attnum > 0 and not a.attisdropped
order by a.attrelid, a.attnum`;

const CONSTRAINTS = `
select con.conname as name, con.contype as type, con.conrelid::int8::text as rel, con.conkey as cols,
  con.confrelid::int8::text as frel, con.confkey as fcols
from pg_constraint con
join pg_class c on c.oid = con.conrelid
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any($1) and con.contype in ('p','u','f')
order by con.conname`;

const FUNCS = `
select p.oid::int8::text as oid, n.nspname as schema, p.proname as name, p.provolatile as volatility, p.proretset as retset,
  format_type(p.prorettype, null) as rettype, rt.typtype as rettyptype, rt.typrelid::int8::text as retrel,
  p.pronargs as nargs, p.pronargdefaults as ndefaults, coalesce(p.proargnames, '{}') as argnames,
  coalesce(p.proargmodes::text[], '{}') as argmodes,
  (select coalesce(array_agg(format_type(x.t, null) order by x.i), '{}')
     from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality as x(t, i)) as argtypes,
  p.provariadic <> 0 as variadic, p.prorows as rows,
  (select c.oid::int8::text from pg_class c where p.pronargs = 1 and c.reltype = p.proargtypes[0]) as argrel
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type rt on rt.oid = p.prorettype
where n.nspname = any($1) and p.prokind = 'f'`;

const VIEWS = `
select c.oid::int8::text as oid, r.ev_action::text as action
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_rewrite r on r.ev_class = c.oid and r.rulename = '_RETURN'
where n.nspname = any($1) and c.relkind in ('v','m')`;

// database-specific settings come last and win, as PostgreSQL applies them
const CONFIG = `
select substr(cfg, 1, strpos(cfg, '=') - 1) as key, substr(cfg, strpos(cfg, '=') + 1) as value
from pg_db_role_setting s, unnest(s.setconfig) cfg
where s.setrole = (select oid from pg_roles where rolname = current_user)
  and s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
  and cfg like 'pgrst.%'
order by s.setdatabase`;

// Only settings a non-superuser may set can be re-applied with set_config after SET ROLE.
const ROLES = `
select r.rolname as name,
  coalesce((select array_agg(cfg order by s.setdatabase)
            from pg_db_role_setting s, unnest(s.setconfig) cfg
            where s.setrole = r.oid and s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
              and split_part(cfg, '=', 1) in (select name from pg_settings where context = 'user')), '{}') as settings
from pg_roles r
where pg_has_role(current_user, r.oid, 'member') and r.rolname <> current_user`;

interface ConRow {
  name: string;
  type: string;
  rel: string;
  cols: number[];
  frel: string;
  fcols: number[];
}

export async function loadSchemaCache(client: pg.ClientBase, schemas: string[]): Promise<SchemaCache> {
  // one connection: the queries run one after the other
  const tables = await client.query(TABLES, [schemas]);
  const columns = await client.query(COLUMNS, [schemas]);
  const cons = await client.query<ConRow>(CONSTRAINTS, [schemas]);
  const funcs = await client.query(FUNCS, [schemas]);
  const views = await client.query<{ oid: string; action: string }>(VIEWS, [schemas]);
  const roles = await client.query(ROLES);
  const config = await client.query<{ key: string; value: string }>(CONFIG);
  const zones = await client.query<{ name: string }>('select name from pg_timezone_names');
  const byOid = new Map<string, Table>();
  const cache: SchemaCache = { schemas, tables: new Map(), fks: [], funcs: new Map(), computed: new Map(), roles: new Map(), config: new Map(), timezones: new Set() };
  for (const r of tables.rows) {
    const t: Table = { oid: r.oid, schema: r.schema, name: r.name, kind: r.kind, columns: [], col: new Map(), pk: [], uniques: [] };
    byOid.set(t.oid, t);
    cache.tables.set(qualified(t.schema, t.name), t);
  }
  for (const r of columns.rows) {
    const t = byOid.get(r.rel);
    if (!t) continue;
    const c: Column = {
      name: r.name, num: r.num, type: r.type, typname: r.typname, notNull: r.not_null,
      default: r.default, identity: r.identity, generated: r.generated,
    };
    t.columns.push(c);
    t.col.set(c.name, c);
  }
  const names = (t: Table, nums: number[]) => nums.map((n) => t.columns.find((c) => c.num === n)?.name ?? '');
  for (const r of cons.rows) {
    const t = byOid.get(r.rel);
    if (!t) continue;
    if (r.type === 'p') t.pk = names(t, r.cols);
    if (r.type === 'p' || r.type === 'u') t.uniques.push(names(t, r.cols));
    if (r.type === 'f') {
      const to = byOid.get(r.frel);
      if (to) cache.fks.push({ name: r.name, from: t, fromCols: names(t, r.cols), to, toCols: names(to, r.fcols) });
    }
  }
  inheritViewKeys(cache, byOid, views.rows);
  for (const r of funcs.rows) {
    const f = toFunc(r, byOid);
    const key = qualified(f.schema, f.name);
    cache.funcs.set(key, [...(cache.funcs.get(key) ?? []), f]);
    if (f.rowArgTable && f.returnTable && f.returns === 'rows') {
      cache.computed.set(f.rowArgTable, [...(cache.computed.get(f.rowArgTable) ?? []), f]);
    }
  }
  for (const r of config.rows) cache.config.set(r.key, r.value);
  for (const r of zones.rows) cache.timezones.add(r.name);
  for (const r of roles.rows) {
    cache.roles.set(
      r.name,
      (r.settings as string[]).map((s) => {
        const i = s.indexOf('=');
        return [s.slice(0, i), s.slice(i + 1)] as [string, string];
      }),
    );
  }
  return cache;
}

/**
 * A view shows its tables' keys and foreign keys when it shows their columns as they are
 * (PostgREST's view key dependencies): `active_services.category_id` embeds categories as
 * `services.category_id` does, and categories embed `active_services` back.
 */
function inheritViewKeys(cache: SchemaCache, byOid: Map<string, Table>, views: { oid: string; action: string }[]) {
  const sources = new Map(views.map((v) => [v.oid, viewColumnSources(v.action)]));
  const origin = (src: ColumnSource): ColumnSource => {
    // a view over a view: follow to the table (a cycle cannot be defined, but stay bounded)
    for (let hops = 0; hops < 32; hops++) {
      const next = sources.get(src.rel)?.get(src.col);
      if (!next) return src;
      src = next;
    }
    return src;
  };
  // view → (base table oid, base column number) → view column name
  const shown = new Map<Table, Map<string, string>>();
  for (const [oid, cols] of sources) {
    const view = byOid.get(oid);
    if (!view) continue;
    const m = new Map<string, string>();
    for (const [num, src] of cols) {
      const o = origin(src);
      const name = view.columns.find((c) => c.num === num)?.name;
      const key = `${o.rel}:${o.col}`;
      if (name && !m.has(key)) m.set(key, name);
    }
    shown.set(view, m);
  }
  const showing = (base: Table, cols: string[]): { table: Table; cols: string[] }[] => {
    const out = [{ table: base, cols }];
    for (const [view, m] of shown) {
      const mapped = cols.map((c) => m.get(`${base.oid}:${base.col.get(c)?.num}`));
      if (mapped.every((c): c is string => c !== undefined)) out.push({ table: view, cols: mapped });
    }
    return out;
  };
  for (const base of [...byOid.values()].filter((t) => t.kind !== 'v' && t.kind !== 'm')) {
    for (const u of base.uniques) {
      for (const v of showing(base, u).slice(1)) {
        v.table.uniques.push(v.cols);
        if (sameList(u, base.pk) && v.table.pk.length === 0) v.table.pk = v.cols;
      }
    }
  }
  for (const fk of [...cache.fks]) {
    for (const from of showing(fk.from, fk.fromCols)) {
      for (const to of showing(fk.to, fk.toCols)) {
        if (from.table === fk.from && to.table === fk.to) continue;
        cache.fks.push({ name: fk.name, from: from.table, fromCols: from.cols, to: to.table, toCols: to.cols });
      }
    }
  }
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

interface FuncRow {
  oid: string;
  schema: string;
  name: string;
  volatility: 'i' | 's' | 'v';
  retset: boolean;
  rettype: string;
  rettyptype: string;
  retrel: string;
  nargs: number;
  ndefaults: number;
  argnames: string[];
  argmodes: string[];
  argtypes: string[];
  variadic: boolean;
  rows: number;
  argrel: string | null;
}

function toFunc(r: FuncRow, byOid: Map<string, Table>): Func {
  const inArgs: { name: string; type: string }[] = [];
  let hasOut = false;
  r.argtypes.forEach((type, i) => {
    const mode = r.argmodes[i] ?? 'i';
    if (mode === 'i' || mode === 'b' || mode === 'v') inArgs.push({ name: r.argnames[i] ?? '', type });
    if (mode === 'o' || mode === 'b' || mode === 't') hasOut = true;
  });
  const args = inArgs.map((a, i) => ({ ...a, hasDefault: i >= inArgs.length - r.ndefaults }));
  const returnTable = r.rettyptype === 'c' ? byOid.get(r.retrel) : undefined;
  const rows = r.rettyptype === 'c' || hasOut || r.rettype === 'record';
  return {
    oid: r.oid,
    schema: r.schema,
    name: r.name,
    args,
    singleUnnamedJson: args.length === 1 && args[0].name === '' && ['json', 'jsonb'].includes(args[0].type),
    volatility: r.volatility,
    returnsSet: r.retset,
    returnType: r.rettype,
    returns: r.rettype === 'void' ? 'void' : rows ? 'rows' : 'scalar',
    returnTable,
    variadic: r.variadic,
    rows: Number(r.rows),
    rowArgTable: r.argrel ? byOid.get(r.argrel) : undefined,
  };
}
