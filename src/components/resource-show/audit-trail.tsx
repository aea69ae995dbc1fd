import { useTable } from '@refinedev/antd';
import { Space, Table, Tag, Typography } from 'antd';
import { useFieldAccess } from '../../providers/use-staff-permissions';
import { auditLogs } from '../../resources/identity';
import { embedFor } from '../../resources/select';
import type { FieldDef, FieldKind, ResourceDef } from '../../resources/types';
import { enumColor, FieldValue, humanize } from '../fields';
import { auditChanges, embeddedActorName, type AuditRow } from './audit-changes';

// Columns of audit_logs itself, described like registry fields so FieldValue renders them.
const WHEN = { name: 'created_at', label: 'When', kind: 'datetime' } as unknown as FieldDef;
const ACTOR = {
  name: 'actor_id',
  label: 'Actor',
  kind: 'relation',
  relation: { resource: 'users', labelField: 'full_name' },
} as unknown as FieldDef;

// audit_logs has no foreign key to users (history outlives them): the name comes through the
// computed relationship public.actor(audit_logs) the registry declares, null when the reader may
// not see the actor
const ACTOR_EMBED = embedFor(auditLogs.fields.find((f) => f.name === 'actor_id') as FieldDef, 'audit_logs');

function columnField(def: ResourceDef, column: string, sample: unknown): FieldDef {
  const known = def.fields.find((field) => field.name === column);
  if (known) return known;
  const kind: FieldKind = sample !== null && typeof sample === 'object' ? 'json' : 'text';
  return { name: column, label: column, kind } as unknown as FieldDef;
}

/** What one audit entry changed, column by column, each value rendered as its field. */
export function AuditChanges({ row, def }: { row: AuditRow; def: ResourceDef }) {
  const canSee = useFieldAccess();
  const changes = auditChanges(row);
  if (changes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  // FieldValue reads the whole old/new row, so money finds its currency beside it
  const before = (row.old_data ?? {}) as Record<string, unknown>;
  const after = (row.new_data ?? {}) as Record<string, unknown>;
  return (
    <Space direction="vertical" size={2}>
      {changes.map(({ column, before: old, after: next }) => {
        const field = columnField(def, column, next ?? old);
        return (
          <div key={column}>
            <Typography.Text strong>{field.label}</Typography.Text>{' '}
            {canSee(field) ? (
              <>
                <FieldValue field={field} record={before} def={def} mode="list" /> →{' '}
                <FieldValue field={field} record={after} def={def} mode="list" />
              </>
            ) : (
              <Typography.Text type="secondary">hidden</Typography.Text>
            )}
          </div>
        );
      })}
    </Space>
  );
}

/** The record's history from audit_logs, newest first. */
export function AuditTrail({ def, recordId }: { def: ResourceDef; recordId: string | number }) {
  const { tableProps } = useTable<AuditRow>({
    resource: 'audit_logs',
    filters: {
      permanent: [
        { field: 'table_name', operator: 'eq', value: def.name },
        { field: 'record_id', operator: 'eq', value: String(recordId) },
      ],
    },
    sorters: { permanent: [{ field: 'created_at', order: 'desc' }] },
    pagination: { pageSize: 10 },
    syncWithLocation: false,
    // what the trail shows, not the hash chain or request details
    meta: { select: `id,created_at,action,actor_id,changed_columns,old_data,new_data,${ACTOR_EMBED}` },
  });

  return (
    <Table<AuditRow>
      {...tableProps}
      size="small"
      rowKey="id"
      scroll={{ x: true }}
      columns={[
        {
          key: 'when',
          title: 'When',
          render: (_, row) => <FieldValue field={WHEN} record={row} def={def} mode="list" />,
        },
        {
          key: 'actor',
          title: 'Actor',
          render: (_, row) =>
            row.actor_id ? (
              <FieldValue
                field={ACTOR}
                record={{ actor_id: row.actor_id, actor: { full_name: embeddedActorName(row) } }}
                def={def}
                mode="list"
              />
            ) : (
              <Typography.Text type="secondary">system</Typography.Text>
            ),
        },
        {
          key: 'action',
          title: 'Action',
          render: (_, row) => <Tag color={enumColor(row.action)}>{humanize(row.action)}</Tag>,
        },
        { key: 'changes', title: 'Changes', render: (_, row) => <AuditChanges row={row} def={def} /> },
      ]}
    />
  );
}
