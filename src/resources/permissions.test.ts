import { describe, expect, it } from 'vitest';
import type { ResourceDef } from './types';
import { canDo, canSeeField, satisfies, type StaffPermissions } from './permissions';

const perms = (keys: string[], superAdmin = false): StaffPermissions => ({ keys: new Set(keys), superAdmin });

describe('satisfies', () => {
  it.each([
    ['no rule', undefined, perms([]), true],
    ['held key', 'listings.read' as const, perms(['listings.read']), true],
    ['missing key', 'listings.read' as const, perms(['finance.read']), false],
    ['any of keys', ['finance.read', 'audit.read'] as const, perms(['audit.read']), true],
    ['none of keys', ['finance.read', 'audit.read'] as const, perms(['users.read']), false],
    ['super admin only, as super admin', { superAdmin: true } as const, perms([], true), true],
    ['super admin only, as tenant admin', { superAdmin: true } as const, perms(['catalog.manage']), false],
    [
      'super admin with key',
      { superAdmin: true, permission: 'catalog.manage' } as const,
      perms(['catalog.manage'], true),
      true,
    ],
    ['super admin without key', { superAdmin: true, permission: 'catalog.manage' } as const, perms([], true), false],
  ])('%s', (_name, rule, held, expected) => {
    expect(satisfies(rule as never, held)).toBe(expected);
  });
});

describe('canDo', () => {
  const base = {
    name: 'listings',
    permissions: { list: 'listings.read', edit: 'listings.moderate' },
  } as unknown as ResourceDef;
  it.each([
    ['list with read', base, 'list', ['listings.read'], true],
    ['show falls back to list', base, 'show', ['listings.read'], true],
    ['export falls back to list', base, 'export', [], false],
    ['edit needs its own key', base, 'edit', ['listings.read'], false],
    ['edit with key', base, 'edit', ['listings.moderate'], true],
    ['create falls back to list', base, 'create', ['listings.read'], true],
    ['a write the table does not offer wins', { ...base, writes: ['edit'] }, 'create', ['listings.read'], false],
    ['a write the table offers', { ...base, writes: ['edit'] }, 'edit', ['listings.read', 'listings.moderate'], true],
    ['read-only wins over keys', { ...base, writes: [] }, 'delete', ['listings.read', 'listings.moderate'], false],
  ] as const)('%s', (_name, def, action, keys, expected) => {
    expect(canDo(def as ResourceDef, action, perms([...keys]))).toBe(expected);
  });
});

describe('canSeeField', () => {
  it('hides a sensitive field without its key and shows it with', () => {
    expect(canSeeField({ sensitive: 'finance.read' }, perms([]))).toBe(false);
    expect(canSeeField({ sensitive: 'finance.read' }, perms(['finance.read']))).toBe(true);
    expect(canSeeField({}, perms([]))).toBe(true);
  });
});
