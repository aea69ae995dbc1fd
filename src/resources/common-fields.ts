import type { ActionArgDef, RelationDef } from './types';

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

/** The same, through a named foreign key: for tables with several columns pointing at users. */
export const personVia = (fkey?: string): RelationDef => (fkey ? { ...personRelation, fkey } : personRelation);

/** The uuid key: shown on the record page, never a list column or a form input. */
export const idField = { name: 'id', label: 'ID', kind: 'uuid', list: false, form: false } as const;

/** Set by the updated_at trigger. */
export const updatedAtField = { name: 'updated_at', label: 'Updated', kind: 'datetime', form: false } as const;

/**
 * Set by the database on insert. Tables name it in their own words ("Booked", "Reported")
 * and show or sort by it where the list needs to (sorting needs an index leading with it).
 */
export function createdAtField<
  const O extends { label?: string; list?: 'default' | 'optional' | false; sortable?: boolean } = object,
>(options?: O) {
  return { name: 'created_at', label: 'Created', kind: 'datetime', form: false, ...options } as const;
}

/**
 * A staff action's reason, kept on record (3 to 500 characters, as the functions check); with a
 * kind of target, the tenant's reason templates for it are offered to start from.
 */
export const reasonArg = (reasonTemplates?: string): ActionArgDef => ({
  name: 'p_reason',
  label: 'Reason',
  kind: 'textarea',
  required: true,
  min: 3,
  max: 500,
  ...(reasonTemplates ? { reasonTemplates } : {}),
});
