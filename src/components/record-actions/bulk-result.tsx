import { Alert, Modal, Table, Tag } from 'antd';
import { bulkSummary, type BulkOutcome } from './action-payload';

const OUTCOME_TAG: Record<BulkOutcome['outcome'], { color: string; text: string }> = {
  done: { color: 'green', text: 'Done' },
  refused: { color: 'red', text: 'Refused' },
  skipped: { color: 'default', text: 'Not changed' },
};

/** What a bulk action did to each row of the selection, refused rows first. */
export function BulkResult({
  title,
  outcomes,
  nameOf,
  onClose,
}: {
  title: string;
  outcomes: BulkOutcome[] | null;
  /** The row's name where the page knows it (its title column), else its id. */
  nameOf: (id: string) => string;
  onClose: () => void;
}) {
  const summary = outcomes ? bulkSummary(outcomes) : null;
  const order = { refused: 0, skipped: 1, done: 2 } as const;
  const rows = [...(outcomes ?? [])].sort((a, b) => order[a.outcome] - order[b.outcome]);
  return (
    <Modal
      open={outcomes !== null}
      title={title}
      onOk={onClose}
      onCancel={onClose}
      okText="Close"
      cancelButtonProps={{ style: { display: 'none' } }}
      width={640}
    >
      {summary && (
        <Alert type={summary.ok ? 'success' : 'warning'} showIcon message={summary.text} style={{ marginBottom: 16 }} />
      )}
      <Table<BulkOutcome>
        size="small"
        rowKey="id"
        pagination={rows.length > 10 ? { pageSize: 10 } : false}
        dataSource={rows}
        aria-label="What happened to each row"
        columns={[
          { key: 'row', title: 'Row', render: (_, row) => nameOf(row.id) },
          {
            key: 'outcome',
            title: 'Outcome',
            render: (_, row) => <Tag color={OUTCOME_TAG[row.outcome].color}>{OUTCOME_TAG[row.outcome].text}</Tag>,
          },
          { key: 'message', title: 'Why', dataIndex: 'message' },
        ]}
      />
    </Modal>
  );
}
