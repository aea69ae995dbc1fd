import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { describe, expect, it } from 'vitest';
import { createCatalogue } from '../app/catalogue';
import { defineFeature } from '../features/types';
import { registry } from '../resources';
import type { StaffPermissions } from '../resources/permissions';
import { createAccessControlProvider } from './access-control-provider';

const page = lazy(async () => ({ default: () => null }));
const catalogue = createCatalogue(
  [
    defineFeature({
      name: 'open-to-staff',
      label: 'Open',
      icon: AuditOutlined,
      menuOrder: 0,
      routes: [{ path: '/', page }],
    }),
    defineFeature({
      name: 'payout-review',
      label: 'Payout review',
      icon: AuditOutlined,
      menuOrder: 1,
      permission: 'finance.reconcile',
      routes: [
        { path: '/payout-review', page },
        { path: '/payout-review/:id', page, action: 'show', permission: { superAdmin: true } },
      ],
    }),
  ],
  registry,
);

const staff = (...keys: string[]): StaffPermissions => ({ keys: new Set(keys), superAdmin: false });
const superAdmin: StaffPermissions = { keys: new Set(), superAdmin: true };

async function ask(perms: StaffPermissions | null, resource: string, action: string, params?: Record<string, unknown>) {
  const provider = createAccessControlProvider(async () => perms, catalogue);
  return provider.can({ resource, action, params });
}

describe('the access control provider', () => {
  it.each([
    // feature, action, permissions, allowed
    ['open-to-staff', 'list', staff(), true],
    ['payout-review', 'list', staff('finance.reconcile'), true],
    ['payout-review', 'list', staff('finance.read'), false],
    ['payout-review', 'show', staff('finance.reconcile'), false],
    ['payout-review', 'show', superAdmin, true],
    ['payout-review', 'edit', superAdmin, false],
    ['open-to-staff', 'delete', staff(), false],
  ] as const)('answers for features: %s %s → %s', async (resource, action, perms, allowed) => {
    expect((await ask(perms, resource, action)).can).toBe(allowed);
  });

  it.each([
    ['listings', 'list', staff('listings.read'), true],
    ['listings', 'list', staff(), false],
    ['listings', 'edit', staff('listings.read', 'listings.moderate'), true],
    ['listings', 'create', staff('listings.read', 'listings.moderate'), false],
    ['bookings', 'show', staff('bookings.read'), true],
    ['categories', 'list', staff(), true],
    ['events', 'clone', staff('analytics.read'), false],
  ] as const)('answers for tables: %s %s → %s', async (resource, action, perms, allowed) => {
    expect((await ask(perms, resource, action)).can).toBe(allowed);
  });

  it.each([
    ['a resource nobody declared', 'no_such_table', 'list', /Nothing called “no_such_table”/],
    ['a menu group', 'domain:catalog', 'list', /Nothing called/],
    ['an action a table does not have', 'listings', 'launch', /no such action “launch”/],
    ['a field a table does not have', 'listings', 'field', /has no field “secret”/],
  ])('refuses %s, saying why', async (_, resource, action, reason) => {
    const answer = await ask(superAdmin, resource, action, { field: 'secret' });
    expect(answer.can).toBe(false);
    expect(answer.reason).toMatch(reason);
  });

  it('says why a read-only table offers no create, rather than naming a permission', async () => {
    const answer = await ask(superAdmin, 'events', 'create');
    expect(answer).toEqual({
      can: false,
      reason: 'Events: create is not offered here (the table changes only through the database and its actions)',
    });
  });

  it('hides a sensitive column from callers without its permission', async () => {
    const sensitive = registry.flatMap((def) => def.fields.filter((f) => f.sensitive).map((f) => [def, f] as const))[0];
    expect(sensitive).toBeDefined();
    const [def, field] = sensitive;
    expect((await ask(staff(), def.name, 'field', { field: field.name })).can).toBe(false);
    expect((await ask(staff(field.sensitive!), def.name, 'field', { field: field.name })).can).toBe(true);
  });

  it('refuses everything but open pages when the permissions cannot be known', async () => {
    expect((await ask(null, 'listings', 'list')).can).toBe(false);
    expect((await ask(null, 'open-to-staff', 'list')).can).toBe(true);
  });
});
