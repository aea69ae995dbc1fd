import { describe, expect, it } from 'vitest';
import { auditChanges, embeddedActorName } from './audit-changes';

describe('auditChanges', () => {
  it.each([
    [
      'the trigger’s changed columns, without bookkeeping',
      {
        action: 'update',
        changed_columns: ['title', 'updated_at'],
        old_data: { title: 'a' },
        new_data: { title: 'b' },
      },
      [{ column: 'title', before: 'a', after: 'b' }],
    ],
    [
      'a diff of old and new when the row names no columns',
      {
        action: 'admin_action',
        changed_columns: null,
        old_data: { moderation_status: 'pending', title: 'x', address: { city: 'Lisbon' } },
        new_data: { moderation_status: 'approved', title: 'x', address: { city: 'Lisbon' } },
      },
      [{ column: 'moderation_status', before: 'pending', after: 'approved' }],
    ],
    [
      'a staff action’s new values when there is no old row',
      { action: 'admin_action', changed_columns: null, old_data: null, new_data: { status: 'resolved' } },
      [{ column: 'status', before: null, after: 'resolved' }],
    ],
    [
      'nothing for a whole row created',
      { action: 'create', changed_columns: null, old_data: null, new_data: { title: 'x', slug: 'x' } },
      [],
    ],
    [
      'nothing for a whole row deleted',
      { action: 'delete', changed_columns: null, old_data: { title: 'x' }, new_data: null },
      [],
    ],
  ])('%s', (_what, row, expected) => {
    expect(auditChanges(row)).toEqual(expected);
  });
});

describe('embeddedActorName', () => {
  it.each([
    [{ actor: { full_name: 'Olga' } }, 'Olga'],
    [{ users: { full_name: null, email: 'ops@loconomy.test' } }, 'ops@loconomy.test'],
    [{ actor: null }, undefined],
    [{}, undefined],
  ])('%j → %s', (row, expected) => {
    expect(embeddedActorName(row)).toBe(expected);
  });
});
