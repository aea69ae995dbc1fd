import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { DateTimeOrDash } from '../../components/fields/date-value';
import { enumColor, humanize } from '../../components/fields/format';

// A user under review as moderation_item_context gives it: who they are, what they did on the
// marketplace, and every sanction so far (a repeat offender reads differently).

type Target = Record<string, unknown>;
interface Sanction {
  id: string;
  kind: string;
  reason: string;
  starts_at: string;
  ends_at: string | null;
  lifted_at: string | null;
  lift_reason: string | null;
  by: { name: string } | null;
}

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

export function UserRecord({ target }: { target: Target }) {
  const sanctions = Array.isArray(target.sanctions) ? (target.sanctions as Sanction[]) : [];
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      {target.headline || target.bio ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {target.headline ? <Typography.Text strong>{String(target.headline)}</Typography.Text> : null}
          {target.headline && target.bio ? <br /> : null}
          {target.bio ? String(target.bio) : null}
        </Typography.Paragraph>
      ) : null}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="Email">{text(target.email)}</Descriptions.Item>
        <Descriptions.Item label="Phone">{text(target.phone)}</Descriptions.Item>
        <Descriptions.Item label="Account">
          <Space size={4} wrap>
            <Tag>{humanize(text(target.role))}</Tag>
            <Tag color={enumColor(text(target.status))}>{humanize(text(target.status))}</Tag>
            <Tag color={enumColor(text(target.verification_status))}>{humanize(text(target.verification_status))}</Tag>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="Email confirmed">
          <DateTimeOrDash value={target.email_verified_at} />
        </Descriptions.Item>
        <Descriptions.Item label="Joined">
          <DateTimeOrDash value={target.created_at} />
        </Descriptions.Item>
        <Descriptions.Item label="Last sign-in">
          <DateTimeOrDash value={target.last_sign_in_at} />
        </Descriptions.Item>
        <Descriptions.Item label="Bookings made">{text(target.bookings_as_customer)}</Descriptions.Item>
        <Descriptions.Item label="Bookings served">{text(target.bookings_as_provider)}</Descriptions.Item>
        <Descriptions.Item label="Disputes involved in">{text(target.disputes)}</Descriptions.Item>
        <Descriptions.Item label="Reports filed">{text(target.reports_filed)}</Descriptions.Item>
      </Descriptions>
      <Table<Sanction>
        size="small"
        rowKey="id"
        pagination={false}
        aria-label="Sanctions"
        title={() => <Typography.Text strong>Sanctions so far</Typography.Text>}
        dataSource={sanctions}
        locale={{ emptyText: 'Never sanctioned' }}
        columns={[
          { key: 'kind', title: 'Kind', render: (_, s) => <Tag color="red">{humanize(s.kind)}</Tag> },
          { key: 'reason', title: 'Reason', dataIndex: 'reason' },
          {
            key: 'period',
            title: 'Period',
            render: (_, s) => (
              <>
                <DateTimeOrDash value={s.starts_at} /> →{' '}
                {s.ends_at ? <DateTimeOrDash value={s.ends_at} /> : 'until lifted'}
              </>
            ),
          },
          {
            key: 'lifted',
            title: 'Lifted',
            render: (_, s) =>
              s.lifted_at ? (
                <>
                  <DateTimeOrDash value={s.lifted_at} />: {s.lift_reason ?? ''}
                </>
              ) : (
                'No'
              ),
          },
          { key: 'by', title: 'By', render: (_, s) => s.by?.name ?? '—' },
        ]}
      />
    </Space>
  );
}
