import { Link } from '@refinedev/core';
import { Button, Card, Descriptions, Flex, Typography, theme } from 'antd';
import { FieldValue } from '../../components/fields';
import type { ListRecord } from '../../components/resource-list/use-resource-table';
import { AuditChanges } from '../../components/resource-show/audit-trail';
import { auditChanges, type AuditRow } from '../../components/resource-show/audit-changes';
import { useCanDo, useFieldAccess } from '../../providers/use-staff-permissions';
import { findResource } from '../../resources';
import { auditLogs } from '../../resources/identity';
import type { FieldDef, ResourceDef } from '../../resources/types';

const def = auditLogs as unknown as ResourceDef;
const field = (name: string) => def.fields.find((f) => f.name === name) as FieldDef;

/** The audited record: a link to its page when the admin has one the reader may open. */
export function AuditTarget({ row }: { row: ListRecord }) {
  const table = typeof row.table_name === 'string' ? row.table_name : null;
  const target = findResource(table ?? undefined);
  const canShow = useCanDo(target, 'show');
  if (!table) return <Typography.Text type="secondary">—</Typography.Text>;
  const name = target?.singular ?? table;
  const id = row.record_id === null || row.record_id === undefined ? null : String(row.record_id);
  // a deleted record has no page left; its last state is the entry's Before
  const linkable = target && canShow && id && row.action !== 'delete';
  return (
    <Flex vertical gap={0}>
      <Typography.Text>{name}</Typography.Text>
      {id &&
        (linkable ? (
          <Link to={`/${target.name}/show/${encodeURIComponent(id)}`}>
            <Typography.Text code>{id.length > 13 ? `${id.slice(0, 8)}…` : id}</Typography.Text>
          </Link>
        ) : (
          <Typography.Text code type="secondary">
            {id.length > 13 ? `${id.slice(0, 8)}…` : id}
          </Typography.Text>
        ))}
    </Flex>
  );
}

/** One audit entry in full: who, what, the changes field by field, the request, the chain link. */
export function EntryDetails({ row, onClose }: { row: ListRecord; onClose?: () => void }) {
  const canSee = useFieldAccess();
  const { token } = theme.useToken();
  // antd's small descriptions draw labels in the tertiary text colour, below WCAG AA contrast
  const labelStyle = { width: 110, color: token.colorTextSecondary };
  const entry = row as unknown as AuditRow;
  const target = findResource(typeof row.table_name === 'string' ? row.table_name : undefined);
  const changes = auditChanges(entry);
  const show = (name: string) => <FieldValue field={field(name)} record={row} def={def} />;
  return (
    <Card
      size="small"
      title={`Entry #${String(row.seq)}`}
      extra={
        onClose && (
          <Button type="text" size="small" onClick={onClose} aria-label="Close entry">
            Close
          </Button>
        )
      }
    >
      <Descriptions column={1} size="small" styles={{ label: labelStyle }}>
        <Descriptions.Item label="When">{show('created_at')}</Descriptions.Item>
        <Descriptions.Item label="Actor">
          {row.actor_id ? (
            <Flex vertical gap={0}>
              {show('actor_id')}
              {row.actor_role && row.actor_role !== 'authenticated' ? (
                <Typography.Text type="secondary">as {String(row.actor_role)}</Typography.Text>
              ) : null}
            </Flex>
          ) : (
            <Typography.Text type="secondary">System (a trigger or scheduled job)</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="Action">{show('action')}</Descriptions.Item>
        <Descriptions.Item label="Target">
          <AuditTarget row={row} />
        </Descriptions.Item>
        {canSee(field('ip_address')) && <Descriptions.Item label="IP address">{show('ip_address')}</Descriptions.Item>}
        {canSee(field('user_agent')) && <Descriptions.Item label="User agent">{show('user_agent')}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {row.action === 'create' ? 'Created with' : row.action === 'delete' ? 'Deleted record' : 'Changes'}
      </Typography.Title>
      {row.action === 'create' || row.action === 'delete' ? (
        show(row.action === 'create' ? 'new_data' : 'old_data')
      ) : changes.length > 0 ? (
        <AuditChanges row={entry} def={target ?? def} />
      ) : (
        <Typography.Text type="secondary">No field changed.</Typography.Text>
      )}
      {row.metadata && Object.keys(row.metadata as object).length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            Details
          </Typography.Title>
          {show('metadata')}
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        Chain link
      </Typography.Title>
      <Descriptions column={1} size="small" styles={{ label: labelStyle }}>
        <Descriptions.Item label="Hash">
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {String(row.hash)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="Previous">
          {row.prev_hash ? (
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {String(row.prev_hash)}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">none: the chain's first entry</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
