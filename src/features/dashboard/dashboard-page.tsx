import { CheckCircleOutlined } from '@ant-design/icons';
import { Link, useCustom, useGetIdentity, type HttpError } from '@refinedev/core';
import { Alert, Card, Col, Row, Skeleton, Space, Statistic, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { getTenantScope, subscribeTenantScope } from '../../providers/tenant-scope';
import {
  cardUrl,
  scopeArgs,
  toBookingsDays,
  toWorkQueue,
  WORK_QUEUE_CARDS,
  type BookingsDay,
  type WorkQueueCard,
} from './work-queue';

// recharts is big and only staff with bookings.read see the chart: its own chunk, on demand
const BookingsChart = lazy(() => import('./bookings-chart'));

const CHART_DAYS = 14;

interface Identity {
  name?: string;
  email?: string;
}

function greeting(identity: Identity | undefined, now: dayjs.Dayjs): string {
  const hour = now.hour();
  const part = hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
  const name = identity?.name?.trim().split(/\s+/)[0] || identity?.email?.split('@')[0];
  return name ? `${part}, ${name}` : part;
}

function QueueCard({ card, value, now }: { card: WorkQueueCard; value: number; now: dayjs.Dayjs }) {
  const { token } = theme.useToken();
  const Icon = card.icon;
  const clear = value === 0;
  return (
    // named by what it shows (title, count, explanation), so what a sighted user reads is what a
    // screen reader announces and what voice control matches (WCAG 2.5.3)
    <Link to={cardUrl(card, now)} style={{ display: 'block', height: '100%' }}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Statistic
          title={card.title}
          value={value}
          prefix={clear ? <CheckCircleOutlined aria-hidden /> : <Icon aria-hidden />}
          valueStyle={clear ? { color: token.colorSuccess } : undefined}
        />
        <Typography.Text type={clear ? 'success' : 'secondary'}>
          {clear ? `All clear. ${card.allClear}` : card.explanation}
        </Typography.Text>
      </Card>
    </Link>
  );
}

function ChartCard({ days, loading, error }: { days: BookingsDay[]; loading: boolean; error: HttpError | null }) {
  const body = error ? (
    <Alert type="error" showIcon message="Could not load bookings per day" description={error.message} />
  ) : loading ? (
    <Skeleton active paragraph={{ rows: 5 }} />
  ) : days.length ? (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
      <BookingsChart days={days} />
    </Suspense>
  ) : null;
  if (!body) return null;
  return (
    <Card title={`Bookings per day, last ${CHART_DAYS} days`} size="small">
      {body}
    </Card>
  );
}

export default function DashboardPage() {
  const { data: identity } = useGetIdentity<Identity>();
  // the super admin's tenant switcher; re-asking the database whenever it changes
  const tenantId = useSyncExternalStore(subscribeTenantScope, getTenantScope, () => null);
  const now = dayjs();

  const queue = useCustom({
    url: 'rpc/staff_work_queue',
    method: 'post',
    config: { payload: scopeArgs(tenantId) },
    meta: { rpc: 'staff_work_queue' },
    errorNotification: false,
  });
  const counts = queue.query.data ? toWorkQueue(queue.query.data.data) : undefined;
  // disputed_bookings is NULL exactly when bookings.read is missing: then no chart request
  const canSeeBookings = counts?.disputed_bookings != null;
  const chart = useCustom({
    url: 'rpc/staff_bookings_per_day',
    method: 'post',
    config: { payload: { ...scopeArgs(tenantId), p_days: CHART_DAYS } },
    meta: { rpc: 'staff_bookings_per_day' },
    errorNotification: false,
    queryOptions: { enabled: canSeeBookings },
  });

  const cards = counts ? WORK_QUEUE_CARDS.filter((card) => counts[card.key] !== null) : [];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {greeting(identity, now)}
        </Typography.Title>
        <Typography.Text type="secondary">
          {tenantId ? 'What needs attention in the selected tenant.' : 'What needs attention today.'}
        </Typography.Text>
      </div>

      {queue.query.isError ? (
        <Alert
          type="error"
          showIcon
          message="Could not load the work queue"
          description={queue.query.error?.message ?? 'The request failed.'}
        />
      ) : !counts ? (
        <div role="status" aria-busy="true" aria-label="Loading the work queue">
          <Row gutter={[16, 16]}>
            {[0, 1, 2].map((i) => (
              <Col key={i} xs={24} sm={12} xl={8}>
                <Card size="small">
                  <Skeleton active paragraph={{ rows: 2 }} />
                </Card>
              </Col>
            ))}
          </Row>
        </div>
      ) : cards.length === 0 ? (
        <Alert
          type="info"
          showIcon
          message="No queues for your role"
          description="Cards appear for the work your permissions cover: listings, reports, bookings, payments and feature flags."
        />
      ) : (
        <Row gutter={[16, 16]}>
          {cards.map((card) => (
            <Col key={card.key} xs={24} sm={12} xl={8}>
              <QueueCard card={card} value={counts[card.key] ?? 0} now={now} />
            </Col>
          ))}
        </Row>
      )}

      {canSeeBookings && (
        <ChartCard
          days={chart.query.data ? toBookingsDays(chart.query.data.data) : []}
          loading={chart.query.isLoading}
          error={chart.query.isError ? chart.query.error : null}
        />
      )}
    </Space>
  );
}
