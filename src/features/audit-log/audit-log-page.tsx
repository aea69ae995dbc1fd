import { useList } from '@refinedev/core';
import { Alert, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ResourceList } from '../../components/resource-list/resource-list';
import type { ListRecord } from '../../components/resource-list/use-resource-table';
import { auditChanges, type AuditRow } from '../../components/resource-show/audit-changes';
import { auditLogs } from '../../resources/identity';
import type { ResourceDef } from '../../resources/types';
import { AuditTarget, EntryDetails } from './entry-details';
import { ExportAuditButton } from './export-audit-button';
import { VerifyChainButton } from './verify-chain-dialog';

// the Target column says table and record in one cell; the columns it replaces, and the database
// role (nearly always `authenticated`), stay in the column picker
const SHOWN_AS_TARGET = new Set(['table_name', 'record_id', 'actor_role']);
const def: ResourceDef = {
  ...(auditLogs as unknown as ResourceDef),
  // what the count says: "about 567 audit entries"
  label: 'Audit entries',
  description:
    'Who did what, and when: every change to audited tables and every staff action. Open an entry for its changes; verify the hash chain to prove no entry was altered or removed.',
  fields: (auditLogs as unknown as ResourceDef).fields.map((f) =>
    SHOWN_AS_TARGET.has(f.name) ? { ...f, list: 'optional' as const } : f,
  ),
};

const MAX_CHANGED_SHOWN = 4;

function ChangedColumns({ row }: { row: ListRecord }) {
  if (row.action === 'create') return <Typography.Text type="secondary">created</Typography.Text>;
  if (row.action === 'delete') return <Typography.Text type="secondary">deleted</Typography.Text>;
  const columns = auditChanges(row as unknown as AuditRow).map((c) => c.column);
  if (columns.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={2} wrap>
      {columns.slice(0, MAX_CHANGED_SHOWN).map((column) => (
        <Tag key={column}>{column}</Tag>
      ))}
      {columns.length > MAX_CHANGED_SHOWN && (
        <Typography.Text type="secondary">+{columns.length - MAX_CHANGED_SHOWN}</Typography.Text>
      )}
    </Space>
  );
}

/** An entry named by its number (from a verification), or why the reader cannot see it. */
function EntryBySeq({ seq }: { seq: number }) {
  const { result, query } = useList<ListRecord>({
    resource: 'audit_logs',
    filters: [{ field: 'seq', operator: 'eq', value: seq }],
    pagination: { pageSize: 1 },
    errorNotification: false,
  });
  if (query.isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError) return <Alert type="error" showIcon message="The entry could not be loaded" />;
  const row = result.data[0];
  if (!row)
    return (
      <Alert
        type="warning"
        showIcon
        message={`Entry #${seq} is not one you can read`}
        description="It belongs to another tenant's part of the trail, or it was removed. A super admin can open it."
      />
    );
  return <EntryDetails row={row} />;
}

// The registry's audit log list (filters by action, table, actor, period and number; sort;
// export) with what an auditor reads: the actor by name, the record, what changed, and the whole
// entry beside the list; and the chain check over any period.
export default function AuditLogPage() {
  const [openSeq, setOpenSeq] = useState<number | null>(null);
  return (
    <>
      <ResourceList
        def={def}
        title="Audit explorer"
        ownExport
        headerActions={({ filters }) => (
          <>
            <VerifyChainButton onOpenEntry={setOpenSeq} />
            <ExportAuditButton filters={filters} />
          </>
        )}
        extraColumns={[
          { key: 'target', title: 'Target', render: (_, row) => <AuditTarget row={row} /> },
          { key: 'changed', title: 'Changed', render: (_, row) => <ChangedColumns row={row} /> },
        ]}
        sidePanel={(row, close) => <EntryDetails row={row} onClose={close} />}
      />
      <Modal
        title="Entry named by the chain check"
        open={openSeq !== null}
        onCancel={() => setOpenSeq(null)}
        footer={null}
        width={560}
        destroyOnHidden
      >
        {openSeq !== null && <EntryBySeq seq={openSeq} />}
      </Modal>
    </>
  );
}
