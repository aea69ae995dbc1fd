import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Typography, type CheckboxProps } from 'antd';
import { humanize, enumColor } from '../../components/fields/format';
import { Countdown } from './countdown';
import { claimedByColleague, type QueueRow } from './queue';
import type { Viewer } from './use-live-workspace';

/** One tab's page of open items; the current one highlighted, checkboxes for bulk decisions. */
export function QueueList({
  rows,
  loading,
  currentId,
  me,
  selectedIds,
  onOpen,
  onSelect,
  viewers,
}: {
  rows: QueueRow[];
  loading: boolean;
  currentId: string | undefined;
  me: string | undefined;
  selectedIds: string[];
  onOpen: (id: string) => void;
  onSelect: (ids: string[]) => void;
  /** colleagues with an item open, by item (Presence) */
  viewers?: Map<string, Viewer[]>;
}) {
  return (
    <Table<QueueRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      aria-label="Queue"
      rowSelection={{
        selectedRowKeys: selectedIds,
        onChange: (keys) => onSelect(keys.map(String)),
        columnWidth: 32,
        // antd leaves the row checkboxes unnamed; rc-checkbox hands aria-label to the input
        getCheckboxProps: (row) =>
          ({ 'aria-label': `Select ${row.target_title ?? humanize(row.target_type)}` }) as Partial<CheckboxProps>,
      }}
      rowClassName={(row) => (row.id === currentId ? 'ant-table-row-selected moderation-current' : '')}
      onRow={(row) => ({
        onClick: (event) => {
          // the checkbox selects for bulk; the rest of the row opens the item
          if ((event.target as HTMLElement).closest('.ant-table-selection-column')) return;
          onOpen(row.id);
        },
        'aria-current': row.id === currentId ? 'true' : undefined,
        style: { cursor: 'pointer' },
      })}
      columns={[
        {
          key: 'item',
          title: 'Item',
          render: (_, row) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong ellipsis style={{ maxWidth: 280 }}>
                {row.target_title ?? humanize(row.target_type)}
              </Typography.Text>
              <Space size={4} wrap>
                <Tag>{humanize(row.target_type)}</Tag>
                {row.report_reasons.map((reason) => (
                  <Tag key={reason} color={enumColor(reason)}>
                    {humanize(reason)}
                  </Tag>
                ))}
                {row.status === 'escalated' && <Tag color="orange">escalated</Tag>}
                {row.owner_name && <Typography.Text type="secondary">{row.owner_name}</Typography.Text>}
              </Space>
              {viewers?.get(row.id)?.length ? (
                <Typography.Text type="secondary" data-testid="open-by">
                  <EyeOutlined aria-hidden /> Open by{' '}
                  {viewers
                    .get(row.id)!
                    .map((v) => v.name)
                    .join(', ')}
                </Typography.Text>
              ) : null}
              {row.claimed_by_name && (
                <Typography.Text strong={!claimedByColleague(row, me)}>
                  <LockOutlined aria-hidden />{' '}
                  {claimedByColleague(row, me) ? `Claimed by ${row.claimed_by_name}` : 'Claimed by you'}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          key: 'due',
          title: 'Due',
          width: 104,
          render: (_, row) => <Countdown dueAt={row.sla_due_at} />,
        },
        {
          key: 'score',
          title: 'Score',
          width: 64,
          align: 'right',
          render: (_, row) => row.priority_score.toFixed(1),
        },
      ]}
    />
  );
}
