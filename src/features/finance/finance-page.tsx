import { DownloadOutlined } from '@ant-design/icons';
import { Link, type HttpError } from '@refinedev/core';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { formatMoney } from '../../lib/money';
import { getTenantScope, subscribeTenantScope } from '../../providers/tenant-scope';
import { downloadCsv } from '../../lib/download-csv';
import { breakdownCsv, seriesCsv, summaryCsv } from './csv';
import {
  breakdownListUrl,
  byCurrency,
  DIMENSIONS,
  figureListUrl,
  waterfall,
  type BreakdownRow,
  type CurrencyFigures,
  type Dimension,
  type Figure,
  type SummaryRow,
} from './figures';
import {
  change,
  defaultInterval,
  periodFromSearch,
  PRESET_LABELS,
  PRESETS,
  presetPeriod,
  previousPeriod,
  utcToday,
  type Period,
} from './period';
import { useBreakdown, useSeries, useSummary } from './use-finance';

const MoneyCharts = lazy(() => import('./money-charts'));
const INTERVALS = ['day', 'week', 'month'] as const;
const DIMENSION_LABELS: Record<Dimension, string> = {
  region: 'Region',
  city: 'City',
  category: 'Category',
  provider: 'Provider',
};
const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);

interface Kpi {
  key: keyof SummaryRow;
  title: string;
  figure?: Figure;
  help: string;
}

const KPIS: Kpi[] = [
  { key: 'gmv_cents', title: 'GMV', figure: 'gmv', help: 'Booking payments captured (refunded ones included)' },
  { key: 'platform_fee_cents', title: 'Platform fees', help: 'The platform’s fee on those payments' },
  { key: 'net_revenue_cents', title: 'Net platform revenue', help: 'Platform fees less the fee share of refunds' },
  { key: 'refund_cents', title: 'Refunds', figure: 'refunds', help: 'Completed refunds' },
  { key: 'payout_cents', title: 'Provider payouts', figure: 'payouts', help: 'Completed payouts' },
  { key: 'processing_fee_cents', title: 'Processing fees', help: 'Kept by the payment processor' },
  { key: 'tax_cents', title: 'Tax', help: 'Collected for the authorities' },
];

function KpiCards({ figures, period }: { figures: CurrencyFigures; period: Period }) {
  const { current, previous, currency } = figures;
  return (
    <Row gutter={[12, 12]}>
      {KPIS.map((k) => {
        const value = current[k.key] as number;
        const delta = previous ? change(value, previous[k.key] as number) : null;
        const shown = formatMoney(value, currency);
        return (
          <Col key={k.key} xs={12} md={8} xl={6}>
            <Card size="small" aria-label={`${k.title}, ${currency}`}>
              <Statistic
                title={<span title={k.help}>{k.title}</span>}
                valueRender={() =>
                  k.figure ? (
                    <Link
                      to={figureListUrl(k.figure, currency, period)}
                      aria-label={`${k.title} ${shown}: the transactions`}
                    >
                      {shown}
                    </Link>
                  ) : (
                    <span>{shown}</span>
                  )
                }
              />
              <Typography.Text type="secondary">
                {delta ? `${delta} vs previous period` : 'no previous figure'}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
      <Col xs={12} md={8} xl={6}>
        <Card size="small" aria-label={`Take rate, ${currency}`}>
          <Statistic title="Take rate" value={pct(current.take_rate)} />
          <Typography.Text type="secondary">
            {previous ? `${pct(previous.take_rate)} in the previous period` : 'platform fees / GMV'}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} md={8} xl={6}>
        <Card size="small" aria-label={`Failed payments, ${currency}`}>
          <Statistic
            title={
              <span title="Transactions that did not go through, by the day they were tried">Failed payments</span>
            }
            valueRender={() => (
              <Link
                to={figureListUrl('failed', currency, period)}
                aria-label={`Failed payments ${formatMoney(current.failed_cents, currency)}: the transactions`}
              >
                {formatMoney(current.failed_cents, currency)}
              </Link>
            )}
          />
          <Typography.Text type="secondary">
            {current.failed} failed{previous ? `, ${previous.failed} in the previous period` : ''}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} md={8} xl={6}>
        <Card size="small" aria-label={`In dispute, ${currency}`}>
          <Statistic
            title="In dispute now"
            valueRender={() => (
              <Link to={figureListUrl('disputes', currency, period)}>
                {formatMoney(current.disputed_cents ?? 0, currency)}
              </Link>
            )}
          />
          <Typography.Text type="secondary">{current.disputes ?? 0} disputed bookings</Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

function Breakdown({
  period,
  tenantId,
  dimension,
  onDimension,
}: {
  period: Period;
  tenantId: string | null;
  dimension: Dimension;
  onDimension: (d: Dimension) => void;
}) {
  const { query, rows } = useBreakdown(period, dimension, tenantId);
  const exportCsv = () =>
    downloadCsv(
      `money-by-${dimension}-${period.from}-${period.to}.csv`,
      breakdownCsv(DIMENSION_LABELS[dimension], rows),
    );
  const money = (field: keyof BreakdownRow) => (_: unknown, r: BreakdownRow) =>
    formatMoney(r[field] as number, r.currency);
  // the transactions behind a line's figure: the list filtered to the place they were stamped with
  const linked = (field: keyof BreakdownRow, figure: Figure, what: string) => (_: unknown, r: BreakdownRow) =>
    r[field] ? (
      <Link
        to={figureListUrl(figure, r.currency, period, { dimension, key: r.key })}
        aria-label={`${what} for ${r.label} in ${r.currency}: the transactions`}
      >
        {formatMoney(r[field] as number, r.currency)}
      </Link>
    ) : (
      formatMoney(r[field] as number, r.currency)
    );
  return (
    <Card
      size="small"
      title={
        <Space>
          By
          <Segmented
            aria-label="Break down by"
            value={dimension}
            onChange={(d) => onDimension(d as Dimension)}
            options={DIMENSIONS.map((d) => ({ value: d, label: DIMENSION_LABELS[d] }))}
          />
        </Space>
      }
      extra={
        <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={rows.length === 0}>
          Export CSV
        </Button>
      }
    >
      {query.error ? <Alert type="error" showIcon message={(query.error as HttpError).message} /> : null}
      <Table<BreakdownRow>
        size="small"
        aria-label={`Money by ${dimension}`}
        loading={query.isFetching}
        rowKey={(r) => `${r.currency}:${r.key ?? 'none'}`}
        dataSource={rows}
        pagination={{ pageSize: 15, showSizeChanger: false }}
        columns={[
          {
            key: 'label',
            title: DIMENSION_LABELS[dimension],
            render: (_, r) => (
              <Link
                to={breakdownListUrl(dimension, r.key, r.currency, period)}
                title="The Money by day rows this line adds up"
              >
                {r.label}
              </Link>
            ),
          },
          { key: 'currency', title: 'Currency', dataIndex: 'currency' },
          { key: 'gmv', title: 'GMV', align: 'right', render: linked('gmv_cents', 'gmv', 'GMV') },
          { key: 'fee', title: 'Platform fees', align: 'right', render: money('platform_fee_cents') },
          { key: 'take', title: 'Take rate', align: 'right', render: (_, r) => pct(r.take_rate) },
          { key: 'refunds', title: 'Refunds', align: 'right', render: linked('refund_cents', 'refunds', 'Refunds') },
          { key: 'net', title: 'Net revenue', align: 'right', render: money('net_revenue_cents') },
          { key: 'payouts', title: 'Payouts', align: 'right', render: linked('payout_cents', 'payouts', 'Payouts') },
        ]}
      />
    </Card>
  );
}

function CurrencyPanel({
  figures,
  period,
  tenantId,
  interval,
}: {
  figures: CurrencyFigures;
  period: Period;
  tenantId: string | null;
  interval: string;
}) {
  const series = useSeries(period, interval, tenantId);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <KpiCards figures={figures} period={period} />
      <Card
        size="small"
        title="From GMV to net platform revenue, and over time"
        extra={
          <Button
            size="small"
            icon={<DownloadOutlined />}
            disabled={!series.rows.length}
            onClick={() =>
              downloadCsv(
                `money-by-${interval}-${figures.currency}-${period.from}-${period.to}.csv`,
                seriesCsv(series.rows.filter((r) => r.currency === figures.currency)),
              )
            }
          >
            Export CSV
          </Button>
        }
      >
        <Suspense fallback={<Skeleton active />}>
          <MoneyCharts
            steps={waterfall(figures.current)}
            series={series.rows.filter((r) => r.currency === figures.currency)}
            currency={figures.currency}
            interval={interval}
          />
        </Suspense>
      </Card>
    </Space>
  );
}

// Finance's page: the marketplace's money for a period, per currency, against the period before.
export default function FinancePage() {
  const [search, setSearch] = useSearchParams();
  const tenantId = useSyncExternalStore(subscribeTenantScope, getTenantScope, () => null);
  const today = utcToday();
  const period = periodFromSearch(search, today);
  const interval = (INTERVALS as readonly string[]).includes(search.get('interval') ?? '')
    ? (search.get('interval') as string)
    : defaultInterval(period);
  const dimension = (DIMENSIONS as readonly string[]).includes(search.get('by') ?? '')
    ? (search.get('by') as Dimension)
    : 'region';
  const summary = useSummary(period, tenantId);
  const currencies = byCurrency(summary.rows as SummaryRow[]);
  const previous = previousPeriod(period);
  const set = (next: Record<string, string>) =>
    setSearch({ ...Object.fromEntries(search), ...next }, { replace: true });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Marketplace money
          </Typography.Title>
          <Typography.Text type="secondary">
            {period.from} to {period.to} (UTC days), against {previous.from} to {previous.to}; every currency on its
            own.
          </Typography.Text>
        </div>
        <Space wrap>
          <Select
            aria-label="Period"
            style={{ width: 170 }}
            placeholder="Custom"
            value={PRESETS.find((p) => {
              const q = presetPeriod(p, today);
              return q.from === period.from && q.to === period.to;
            })}
            onChange={(p) => set({ ...presetPeriod(p, today) })}
            options={PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
          />
          <DatePicker.RangePicker
            aria-label="From and to"
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            onChange={(range) => {
              if (range?.[0] && range[1])
                set({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
            }}
          />
          <Button
            icon={<DownloadOutlined />}
            disabled={!summary.rows.length}
            onClick={() =>
              downloadCsv(`money-summary-${period.from}-${period.to}.csv`, summaryCsv(summary.rows as SummaryRow[]))
            }
          >
            Export summary
          </Button>
          <Segmented
            aria-label="Interval"
            value={interval}
            onChange={(v) => set({ interval: String(v) })}
            options={INTERVALS.map((i) => ({ value: i, label: i[0].toUpperCase() + i.slice(1) }))}
          />
        </Space>
      </Space>
      {summary.query.error ? (
        <Alert
          type="error"
          showIcon
          message={`The figures could not be loaded: ${(summary.query.error as HttpError).message}`}
        />
      ) : summary.query.isLoading ? (
        <Skeleton active />
      ) : currencies.length === 0 ? (
        <Empty description="No money moved in this period." />
      ) : (
        <Tabs
          items={currencies.map((c) => ({
            key: c.currency,
            label: `${c.currency} · ${formatMoney(c.current.gmv_cents, c.currency)} GMV`,
            children: <CurrencyPanel figures={c} period={period} tenantId={tenantId} interval={interval} />,
          }))}
        />
      )}
      <Breakdown period={period} tenantId={tenantId} dimension={dimension} onDimension={(d) => set({ by: d })} />
    </Space>
  );
}
