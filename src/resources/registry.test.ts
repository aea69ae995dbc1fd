import { describe, expect, it } from 'vitest';
import { Constants } from '../types/database';
import { domains } from './domains';
import { registry, singularOf } from './index';
import type { FieldDef, ResourceDef, TableName } from './types';

// The registry is data that generic pages trust blindly: a filter on a missing column, a
// relation to an unregistered table or a tab on a wrong column only shows up as a broken
// page. These checks catch such slips for every entry at once.

// Every table of the generated schema. The compiler rejects a missing or unknown key, so
// adding a table to the migrations fails here until the registry describes it.
const TABLES: Record<TableName, true> = {
  api_keys: true,
  audit_logs: true,
  availability_overrides: true,
  bookings: true,
  categories: true,
  cities: true,
  content_reports: true,
  conversations: true,
  events: true,
  feature_flag_segments: true,
  finance_daily_rollups: true,
  finance_daily_totals: true,
  finance_monthly_places: true,
  finance_monthly_providers: true,
  feature_flag_versions: true,
  feature_flags: true,
  file_uploads: true,
  invoice_items: true,
  invoices: true,
  listing_approved_versions: true,
  listing_tags: true,
  listings: true,
  messages: true,
  moderation_item_events: true,
  moderation_items: true,
  moderation_reason_templates: true,
  moderation_sla_targets: true,
  notifications: true,
  payment_methods: true,
  payout_transactions: true,
  payouts: true,
  permissions: true,
  provider_availability: true,
  referral_codes: true,
  referral_programs: true,
  referral_rewards: true,
  referrals: true,
  regions: true,
  review_votes: true,
  reviews: true,
  role_permissions: true,
  subscriptions: true,
  system_logs: true,
  tags: true,
  tenants: true,
  transactions: true,
  usage_logs: true,
  user_feature_flags: true,
  user_permissions: true,
  user_profiles: true,
  user_sanctions: true,
  user_sessions: true,
  users: true,
  webhook_deliveries: true,
  webhook_endpoints: true,
};

const byName = new Map(registry.map((def) => [def.name as string, def]));
const fieldNames = (def: ResourceDef) => new Set(def.fields.map((field) => field.name as string));
const fieldOf = (def: ResourceDef, name: string): FieldDef | undefined => def.fields.find((f) => f.name === name);
const enumValues = Constants.public.Enums as Record<string, readonly string[]>;

describe('registry', () => {
  it('registers each table once', () => {
    const names = registry.map((def) => def.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('describes every table of the schema', () => {
    const missing = Object.keys(TABLES).filter((table) => !byName.has(table));
    expect(missing).toEqual([]);
  });
});

describe("singularOf (refine's messages name one record by it)", () => {
  it.each([
    ['webhook_endpoints', 'webhook endpoint'],
    ['categories', 'category'],
    ['not_a_table', 'not a table'],
  ])('%s → %s', (name, expected) => {
    expect(singularOf(name)).toBe(expected);
  });
});

describe.each(registry.map((def) => [def.name, def] as const))('%s', (_name, def) => {
  const names = fieldNames(def);

  it('has unique field names', () => {
    const all = def.fields.map((field) => field.name);
    expect(all.filter((name, i) => all.indexOf(name) !== i)).toEqual([]);
  });

  it('names its title, sort, key, soft-delete and tenant columns among its fields', () => {
    const wanted: string[] = [def.titleField, def.defaultSort.field, ...(def.primaryKey ?? ['id'])];
    if (def.softDelete) wanted.push(def.softDelete);
    if (def.tenantFromScope) wanted.push('tenant_id');
    expect(wanted.filter((name) => !names.has(name))).toEqual([]);
  });

  it('sorts by default on a sortable column', () => {
    expect(fieldOf(def, def.defaultSort.field)?.sortable).toBe(true);
  });

  it('filters and searches only its own fields', () => {
    const filters = (def.filters ?? []).map((filter) => filter.field);
    expect(filters.filter((name) => !names.has(name))).toEqual([]);
    expect(filters.filter((name, i) => filters.indexOf(name) !== i)).toEqual([]);
    if (def.search?.mode === 'ilike') {
      expect(def.search.fields?.length).toBeGreaterThan(0);
      expect((def.search.fields ?? []).filter((name) => !names.has(name))).toEqual([]);
    }
    if (def.search?.mode === 'fts') expect(def.search.column).toBeTruthy();
  });

  it.each((def.actions ?? []).map((action) => [action.key, action] as const))(
    'record action %s has a unique key, p_ arguments and existing guard columns',
    (key, action) => {
      expect((def.actions ?? []).filter((other) => other.key === key)).toHaveLength(1);
      const argNames = [
        action.idArgument,
        ...Object.keys(action.fixedArgs ?? {}),
        ...(action.args ?? []).map((arg) => arg.name),
        ...(action.bulk ? [action.bulk.idsArgument] : []),
      ];
      expect(argNames.filter((name) => !/^p_[a-z_]+$/.test(name))).toEqual([]);
      const guards = [action.whileNull, action.whileSet, action.whileIn?.field].filter((g) => g !== undefined);
      expect(guards.filter((column) => !names.has(column))).toEqual([]);
    },
  );

  it('belongs to a menu group', () => {
    expect(domains.map((domain) => domain.key)).toContain(def.group);
  });

  it('is named differently from its menu group (the breadcrumb keys its items by label)', () => {
    expect(def.label).not.toBe(domains.find((domain) => domain.key === def.group)?.label);
  });

  it.each(def.fields.filter((field) => field.kind === 'enum').map((field) => [field.name, field] as const))(
    'enum %s names its values one way, and defaults to one of them',
    (_field, field) => {
      expect(Number(field.enum !== undefined) + Number(field.options !== undefined)).toBe(1);
      const values = field.options ?? enumValues[field.enum as string];
      expect(values?.length).toBeGreaterThan(0);
      if (field.defaultValue !== undefined) expect(values).toContain(field.defaultValue);
    },
  );

  it('gives enum values, options and relations only to fields of those kinds', () => {
    const misplaced = def.fields.filter(
      (field) =>
        (field.kind !== 'enum' && field.enum !== undefined) ||
        (field.kind !== 'enum' && field.kind !== 'tags' && field.options !== undefined) ||
        (field.kind !== 'relation' && field.relation !== undefined) ||
        (field.kind === 'relation' && field.relation === undefined),
    );
    expect(misplaced.map((field) => field.name)).toEqual([]);
  });

  it.each(def.fields.filter((field) => field.relation).map((field) => [field.name, field] as const))(
    'relation %s points at a registered table and its columns',
    (_field, field) => {
      const relation = field.relation!;
      const target = byName.get(relation.resource);
      expect(target, `${relation.resource} is not registered`).toBeDefined();
      const targetFields = fieldNames(target!);
      expect(targetFields).toContain(relation.labelField);
      expect((relation.searchFields ?? []).filter((name) => !targetFields.has(name))).toEqual([]);
      // PostgREST names a foreign key <table>_<column>_fkey; a hint naming another one breaks the embed
      if (relation.fkey) expect(relation.fkey).toBe(`${def.name}_${field.name}_fkey`);
    },
  );

  it('hints the foreign key wherever two relations reach the same table', () => {
    const relations = def.fields.filter((field) => field.relation);
    const ambiguous = relations.filter(
      (field) =>
        !field.relation!.fkey &&
        relations.some((other) => other !== field && other.relation!.resource === field.relation!.resource),
    );
    expect(ambiguous.map((field) => field.name)).toEqual([]);
  });

  it('keeps money next to its currency', () => {
    const money = def.fields.filter((field) => field.kind === 'money');
    // either a column of this table, or '<relation field>.<column>' of the related table
    const missing = money
      .map((field) => field.currencyField ?? 'currency')
      .filter((spec) => {
        const [own, parentColumn] = spec.split('.');
        if (!parentColumn) return !names.has(own);
        const relation = def.fields.find((f) => f.name === own && f.kind === 'relation')?.relation;
        const target = relation && registry.find((r) => r.name === relation.resource);
        return !target?.fields.some((f) => f.name === parentColumn);
      });
    expect(missing).toEqual([]);
  });

  it.each((def.related ?? []).map((tab) => [`${tab.resource}.${tab.field}`, tab] as const))(
    'related tab %s lists a registered table by one of its columns',
    (_tab, tab) => {
      const target = byName.get(tab.resource);
      expect(target, `${tab.resource} is not registered`).toBeDefined();
      const targetFields = fieldNames(target!);
      const columns = [tab.field, ...(tab.columns ?? []), ...Object.keys(tab.where ?? {})];
      expect(columns.filter((name) => !targetFields.has(name))).toEqual([]);
    },
  );
});
