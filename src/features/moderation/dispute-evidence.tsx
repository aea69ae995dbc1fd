import { Alert, Descriptions, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import { DateTimeOrDash } from '../../components/fields/date-value';
import { enumColor, humanize } from '../../components/fields/format';
import { formatMoney } from '../../lib/money';

// A disputed booking as moderation_item_context gives it: the booking, what happened when, the
// money (what is left to refund bounds a refund), and the parties' messages — which the
// database leaves out for callers without communication.read.

type Target = Record<string, unknown>;
interface Person {
  id: string;
  name: string;
}
interface TimelineEntry {
  at: string;
  event: string;
  detail: string | null;
}
interface Payment {
  id: string;
  type: string;
  status: string;
  amount_cents: number;
  currency: string;
  at: string;
  description: string | null;
}
interface Message {
  id: string;
  at: string;
  body: string | null;
  deleted: boolean;
  attachments: number;
  sender: Person | null;
  side: 'customer' | 'provider' | 'other';
}

const list = <T,>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

export function DisputeEvidence({ target }: { target: Target }) {
  const currency = String(target.currency ?? '');
  const customer = target.customer as Person | null;
  const provider = target.provider as Person | null;
  const listing = (target.listing ?? {}) as Target;
  const messages = list<Message>(target.messages);
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Alert type="warning" showIcon message="Disputed" description={String(target.dispute_reason ?? '—')} />
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="Listing">{String(listing.title ?? '—')}</Descriptions.Item>
        <Descriptions.Item label="Status">
          <Tag color={enumColor(String(target.status))}>{humanize(String(target.status))}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="Customer">{customer?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Provider">{provider?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Scheduled">
          <DateTimeOrDash value={target.scheduled_start} />
        </Descriptions.Item>
        <Descriptions.Item label="Cancellation policy">
          {humanize(String(target.cancellation_policy ?? ''))}
        </Descriptions.Item>
        <Descriptions.Item label="Total">{formatMoney(target.total_cents as number, currency)}</Descriptions.Item>
        <Descriptions.Item label="Left to refund">
          <Typography.Text strong>{formatMoney(target.refundable_cents as number, currency)}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ margin: 0 }}>
        Timeline
      </Typography.Title>
      <Timeline
        aria-label="Booking timeline"
        items={list<TimelineEntry>(target.timeline).map((e, i) => ({
          key: `${e.at}-${i}`,
          color: e.event === 'disputed' ? 'red' : e.event.startsWith('refund') ? 'orange' : undefined,
          children: (
            <span>
              <Typography.Text strong>{sentence(e.event)}</Typography.Text> · <DateTimeOrDash value={e.at} />
              {e.detail ? ` · ${e.event.includes(' ') ? moneyDetail(e.detail) : e.detail}` : ''}
            </span>
          ),
        }))}
      />

      <Typography.Title level={5} style={{ margin: 0 }}>
        Payments and refunds
      </Typography.Title>
      <Table<Payment>
        size="small"
        rowKey="id"
        pagination={false}
        aria-label="Payments and refunds"
        dataSource={list<Payment>(target.payments)}
        locale={{ emptyText: 'No money moved for this booking' }}
        columns={[
          { key: 'type', title: 'Type', render: (_, p) => humanize(p.type) },
          {
            key: 'status',
            title: 'Status',
            render: (_, p) => <Tag color={enumColor(p.status)}>{humanize(p.status)}</Tag>,
          },
          {
            key: 'amount',
            title: 'Amount',
            align: 'right',
            render: (_, p) => formatMoney(p.type === 'refund' ? -p.amount_cents : p.amount_cents, p.currency),
          },
          { key: 'at', title: 'When', render: (_, p) => <DateTimeOrDash value={p.at} /> },
        ]}
      />

      <Typography.Title level={5} style={{ margin: 0 }}>
        Messages
      </Typography.Title>
      {target.messages_visible === false ? (
        <Typography.Text type="secondary">
          The parties’ messages are shown to staff who may read conversations (communication.read).
        </Typography.Text>
      ) : messages.length === 0 ? (
        <Typography.Text type="secondary">The parties wrote nothing about this booking.</Typography.Text>
      ) : (
        <List<Message>
          size="small"
          aria-label="Messages"
          dataSource={messages}
          renderItem={(m) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space size={6}>
                  <Tag color={m.side === 'customer' ? 'blue' : m.side === 'provider' ? 'green' : undefined}>
                    {humanize(m.side)}
                  </Tag>
                  <Typography.Text strong>{m.sender?.name ?? 'A deleted account'}</Typography.Text>
                  <Typography.Text type="secondary">
                    <DateTimeOrDash value={m.at} />
                  </Typography.Text>
                </Space>
                {m.deleted ? (
                  <Typography.Text type="secondary">Deleted by its sender</Typography.Text>
                ) : (
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Typography.Text>
                )}
                {m.attachments > 0 && <Typography.Text type="secondary">{m.attachments} attachment(s)</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

const sentence = (event: string) => event.charAt(0).toUpperCase() + event.slice(1);

/** "1234 USD" (minor units and currency, as the timeline gives a payment) as money. */
function moneyDetail(detail: string): string {
  const m = /^(-?\d+) ([A-Z]{3})$/.exec(detail);
  return m ? formatMoney(Number(m[1]), m[2]) : detail;
}
