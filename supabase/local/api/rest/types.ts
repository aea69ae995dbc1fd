// The parsed form of a PostgREST query string: what was asked, before the schema cache
// resolves relationships and before any SQL exists.

export type JsonArrow = '->' | '->>';

export interface Field {
  name: string;
  json: { arrow: JsonArrow; key: string }[];
}

export const AGGREGATES = ['sum', 'avg', 'max', 'min', 'count'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export interface SelectField {
  kind: 'field';
  /** `count()` counts rows: its field has the name '' */
  field: Field;
  alias?: string;
  /** the column's cast (before an aggregate) */
  cast?: string;
  /** `col.sum()`: aggregated, grouped by the level's other selected columns and embeds */
  aggregate?: Aggregate;
  /** `col.sum()::int`: the aggregate's cast */
  aggregateCast?: string;
}

export interface SelectStar {
  kind: 'star';
}

export interface SelectEmbed {
  kind: 'embed';
  name: string;
  alias?: string;
  hint?: string;
  join?: 'inner' | 'left';
  /** `...rel(cols)`: the related row's columns join the parent's (to-one only, as PostgREST 12) */
  spread?: boolean;
  /** `rel()`: no columns asked — the embed only filters (with !inner or rel=not.is.null) */
  select: SelectItem[];
}

export type SelectItem = SelectField | SelectStar | SelectEmbed;

export const OPERATORS = [
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch', 'is', 'isdistinct', 'in',
  'cs', 'cd', 'ov', 'sl', 'sr', 'nxl', 'nxr', 'adj', 'fts', 'plfts', 'phfts', 'wfts',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface OpExpr {
  negated: boolean;
  op: Operator;
  quantifier?: 'any' | 'all';
  language?: string;
  /** a list for `in`, the raw text otherwise */
  value: string | string[];
}

export interface Filter {
  kind: 'filter';
  field: Field;
  expr: OpExpr;
}

export interface LogicTree {
  kind: 'logic';
  op: 'and' | 'or';
  negated: boolean;
  children: Condition[];
}

export type Condition = Filter | LogicTree;

export interface OrderTerm {
  field: Field;
  /** `order=rel(col)`: a column of an embedded to-one resource */
  relation?: string;
  direction?: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

/** Everything in the query string, keyed by embedding path ('' is the top level, 'a.b' nested). */
export interface ParsedQuery {
  select: SelectItem[];
  conditions: Map<string, Condition[]>;
  order: Map<string, OrderTerm[]>;
  limit: Map<string, number>;
  offset: Map<string, number>;
  columns?: string[];
  onConflict?: string[];
  /** for GET /rpc: query parameters that are not reserved words nor filters */
  rpcArgs: Map<string, string>;
}
