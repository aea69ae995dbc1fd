import type { RelationDef } from './types';

// Columns many tables share, described once. Each is a plain field definition that
// `defineResource` checks against the table it is used in.

/** Staff see their own tenant's rows (RLS); the column is set by triggers, never by a form. */
export const tenantField = {
  name: 'tenant_id',
  label: 'Tenant',
  kind: 'relation',
  list: false,
  form: false,
  relation: { resource: 'tenants', labelField: 'name' },
} as const;

/** ISO 4217, upper case, as every money table's check constraint requires. */
export const currencyField = {
  name: 'currency',
  label: 'Currency',
  kind: 'code',
  defaultValue: 'USD',
  pattern: { regex: /^[A-Z]{3}$/, message: 'A three-letter ISO currency code, e.g. USD' },
} as const;

/** A marketplace user or staff member, picked by name or email. */
export const personRelation: RelationDef = {
  resource: 'users',
  labelField: 'full_name',
  searchFields: ['full_name', 'email'],
};
