import type { ComponentType } from 'react';
import type { Database } from '../types/database';

// The registry describes each table once, as data. Generic components (list, show, form,
// filters, access control, the data provider) read these definitions; nothing here renders.

type PublicSchema = Database['public'];
export type TableName = keyof PublicSchema['Tables'];
export type EnumName = keyof PublicSchema['Enums'];
export type Row<T extends TableName> = PublicSchema['Tables'][T]['Row'];
export type ColumnOf<T extends TableName> = keyof Row<T> & string;

// The permission catalogue seeded by the identity migration (public.permissions).
export type PermissionKey =
  | 'users.read'
  | 'users.manage'
  | 'listings.read'
  | 'listings.moderate'
  | 'reviews.moderate'
  | 'bookings.read'
  | 'bookings.manage'
  | 'finance.read'
  | 'finance.reconcile'
  | 'feature_flags.read'
  | 'feature_flags.manage'
  | 'audit.read'
  | 'geo.manage'
  | 'integrations.read'
  | 'integrations.manage'
  | 'permissions.manage'
  | 'reports.read'
  | 'reports.resolve'
  | 'communication.read'
  | 'analytics.read'
  | 'files.read'
  | 'referrals.manage'
  | 'tenants.manage'
  | 'catalog.manage'
  | 'users.sanction';

// Menu groups, in menu order: the schema summary's domains.
export type DomainKey =
  | 'identity'
  | 'catalog'
  | 'scheduling'
  | 'reviews'
  | 'billing'
  | 'referrals'
  | 'communication'
  | 'geography'
  | 'analytics'
  | 'files'
  | 'integrations'
  | 'feature-management';

export type FieldKind =
  | 'text' // one line
  | 'textarea' // several lines
  | 'email'
  | 'url'
  | 'phone'
  | 'code' // identifiers shown in monospace: keys, slugs, codes, hashes, ids of other systems
  | 'uuid' // a key that is not a relation (shown shortened, copyable)
  | 'integer'
  | 'decimal'
  | 'percent' // 0..100
  | 'money' // integer minor units (*_cents) with an ISO currency (see currencyField)
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'time'
  | 'enum' // a Postgres enum (`enum`) or a check-constrained text column (`options`)
  | 'relation' // a foreign key (see `relation`)
  | 'json'
  | 'tags' // text[]
  | 'geo_point' // geography(point): PostgREST returns hex EWKB, accepts 'SRID=4326;POINT(lng lat)'
  | 'geo_area' // geography(multipolygon): shown as a summary, drawn on a map by the geography feature
  | 'rating' // 0..5, shown as stars
  | 'color'
  | 'ip'
  | 'duration_minutes';

export interface RelationDef {
  /** The referenced table (a registry resource). */
  resource: TableName;
  /** Column of the referenced table shown as the related record's name. */
  labelField: string;
  /**
   * PostgREST embed hint, needed when the table has two foreign keys to the same target
   * (e.g. `listings_provider_id_fkey`). Without it the embed is `alias:target(...)`.
   */
  fkey?: string;
  /**
   * A computed relationship standing in for a foreign key the table must not have (audit
   * entries outlive their actors): the function of the row that returns the related record,
   * embedded as `alias:function(...)`.
   */
  computed?: string;
  /** Columns searched by the picker (ilike); defaults to [labelField]. Must be indexed. */
  searchFields?: string[];
}

export interface FieldDef<T extends TableName = TableName> {
  name: ColumnOf<T>;
  label: string;
  kind: FieldKind;
  /** kind 'enum': the Postgres enum type. */
  enum?: EnumName;
  /** kind 'enum' on a check-constrained text column, or kind 'tags' whose elements a check constraint limits: the allowed values. */
  options?: readonly string[];
  /** kind 'relation'. */
  relation?: RelationDef;
  /** kind 'date' or 'datetime': quick picks this many days from now ("a suspension of 7 days"). */
  presetDays?: readonly number[];
  /**
   * kind 'money': the column holding the ISO currency (default 'currency'), or
   * '<relation field>.<column>' when the row has none and its parent does (invoice_items
   * take the invoice's currency: 'invoice_id.currency').
   */
  currencyField?: string;
  /** Form: a value must be given (NOT NULL without a default). */
  required?: boolean;
  /** Numbers: value bounds. Text: length bounds. Mirrors the table's check constraints. */
  min?: number;
  max?: number;
  /** Text: must match, mirroring a check constraint. */
  pattern?: { regex: RegExp; message: string };
  /**
   * A check the database makes too (a validating trigger or function), run by the form before
   * sending: the problem in words, or null. Same words as the database's, where it has them.
   */
  validate?: (value: unknown) => string | null;
  /**
   * List visibility: 'default' = a column shown by default, 'optional' = offered in the
   * column picker, false = never a list column (still on the show page). Default 'optional'.
   */
  list?: 'default' | 'optional' | false;
  /** The list may sort by it (an index must lead with it, possibly after tenant_id). */
  sortable?: boolean;
  /**
   * Where the form offers it: 'both' (default for writable columns), 'create' (set once),
   * 'edit', or false (never: generated, trigger-maintained or server-set columns).
   */
  form?: 'both' | 'create' | 'edit' | false;
  /** Shown (list, show, export) only to callers holding this permission. */
  sensitive?: PermissionKey;
  /** Shown under the input. */
  help?: string;
  /** Text: values offered while typing (common reasons); any other text is accepted too. */
  suggestions?: readonly string[];
  /** Form default on create. */
  defaultValue?: unknown;
}

/** A list filter; the widget follows the field's kind (enum → multi-select, relation → picker, dates → range…). */
export interface FilterDef {
  field: string;
  /** Defaults to the field's label. */
  label?: string;
  /** Filters that are always visible; the rest sit behind "More filters". */
  primary?: boolean;
}

/** A tab on the show page listing records of another table that point at this one. */
export interface RelatedDef {
  resource: TableName;
  /** Column of `resource` that references this record. */
  field: string;
  label: string;
  /** Columns of `resource` to show; defaults to that resource's default list columns. */
  columns?: string[];
  /** Extra equality conditions, for polymorphic references (e.g. target_type = 'listing'). */
  where?: Record<string, string>;
}

export interface SearchDef {
  /**
   * 'fts': websearch full-text query on a tsvector column (`column`);
   * 'ilike': case-insensitive substring match over `fields` (trigram- or btree-indexed).
   */
  mode: 'fts' | 'ilike';
  column?: string;
  fields?: string[];
  placeholder?: string;
}

export type ResourceAction = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export';

/** The generic writes a table may offer. */
export type WriteAction = 'create' | 'edit' | 'delete';

/**
 * An input a record action asks for before calling its function, drawn by the form inputs and
 * validated by the form rules of its kind (a reason, a percentage, an amount, a date). `name`
 * is the function's argument (`p_reason`).
 */
export type ActionArgDef = Omit<FieldDef, 'name' | 'list' | 'sortable' | 'form' | 'sensitive'> & {
  name: string;
  /**
   * A reason: the tenant's active moderation reason templates for this kind of target (`user`,
   * `booking`, …) are offered as its suggestions, to pick and complete.
   */
  reasonTemplates?: string;
};

/**
 * A staff action that only a database function may carry out (it checks the permission,
 * changes the row and writes the audit log in one transaction). Offered on the record's page
 * to holders of `permission`, and on a list selection where `bulk` names the function that
 * takes every selected id.
 */
export interface RecordActionDef {
  key: string;
  label: string;
  /** The function, called with `{ [idArgument]: the record's id, ...fixedArgs, ...args }`. */
  rpc: string;
  idArgument: string;
  permission: PermissionRule;
  /** What happens, asked before calling. */
  confirm: string;
  danger?: boolean;
  /** Sent with every call: the decision this action stands for (`{ p_decision: 'reject' }`). */
  fixedArgs?: Record<string, unknown>;
  /** Asked for before calling. */
  args?: ActionArgDef[];
  /**
   * Offered on a list selection too: `rpc` takes the ids in `idsArgument` (with the same fixed
   * arguments and args) and returns one `{ id, outcome: 'done' | 'refused' | 'skipped', message }`
   * per row; a selection with a refused row changes nothing unless the function says otherwise.
   */
  bulk?: { rpc: string; idsArgument: string };
  /** The function returns a secret shown once, under this name. */
  reveals?: string;
  /** Offered only while this column is empty (a key not yet revoked). */
  whileNull?: string;
  /** Offered only while this column is set (restore a hidden review). */
  whileSet?: string;
  /** Offered only while this column holds one of these values (approve a pending listing). */
  whileIn?: { field: string; values: readonly string[] };
}

/**
 * Who may do an action: a permission key, any of several keys, or a super admin (optionally
 * also holding a key) — mirroring the table's RLS policies, which still decide.
 */
export type PermissionRule = PermissionKey | PermissionKey[] | { superAdmin: true; permission?: PermissionKey };

export interface ResourceDef<T extends TableName = TableName> {
  name: T;
  label: string;
  singular: string;
  group: DomainKey;
  icon: ComponentType;
  description?: string;
  /** The column naming a record (titles, relation labels). */
  titleField: ColumnOf<T>;
  /** Primary key columns; default ['id']. Several for join tables. */
  primaryKey?: ColumnOf<T>[];
  fields: FieldDef<T>[];
  search?: SearchDef;
  filters?: FilterDef[];
  defaultSort: { field: ColumnOf<T>; order: 'asc' | 'desc' };
  /** 'planned' for high-volume tables: the total is PostgreSQL's estimate. Default 'exact'. */
  countMode?: 'exact' | 'planned' | 'estimated';
  /**
   * Permission needed per action (any of the listed keys). Omitted = any staff member
   * (the table's policies let every staff member of the tenant do it).
   * `show` and `export` default to `list`.
   */
  permissions: Partial<Record<ResourceAction, PermissionRule>>;
  /**
   * Which generic writes the admin offers (forms, delete buttons); omitted = all three. `[]`:
   * the table is append-only, server-written or changed only through its actions (database
   * functions). Permissions then decide who may use what is offered.
   */
  writes?: readonly WriteAction[];
  /** Column holding the soft-delete time; such rows are hidden by default and restorable. */
  softDelete?: ColumnOf<T>;
  /** Not tenant-scoped (global catalogue tables): the tenant switcher does not filter it. */
  global?: boolean;
  /**
   * A new row's tenant is the creator's unless given (the column defaults to the caller's
   * tenant and may be inserted): a super admin looking at one tenant creates in that tenant.
   * Tables that derive the tenant from a parent row (a listing's provider) leave this off.
   */
  tenantFromScope?: boolean;
  /** Tabs on the show page. */
  related?: RelatedDef[];
  /** The records' changes are in audit_logs (table has the audit trigger). */
  audited?: boolean;
  /** Staff actions on one record, through database functions. */
  actions?: RecordActionDef[];
  /** Bulk actions offered on selected rows. */
  bulkActions?: ('delete' | 'export')[];
  /**
   * Live updates of its lists (Realtime postgres_changes; the table must be in the
   * supabase_realtime publication): 'auto' refetches on each change (queues, small lists),
   * 'manual' offers "N new rows — show" (busy tables). Default 'off'.
   */
  liveMode?: 'auto' | 'manual' | 'off';
}
