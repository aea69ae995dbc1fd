import { Alert, Col, Row, Statistic, Table, Typography } from 'antd';
import { formatNumber } from '../../components/fields/format';
import type { DimensionMove, FlagPreview } from './flag';

// Who a change moves, before it is saved: counted in SQL over the tenant's active users with the
// same evaluation the apps get (overrides and the kill switch included).

function MovesTable({ title, rows }: { title: string; rows: DimensionMove[] }) {
  if (rows.length === 0) return null;
  return (
    <Table<DimensionMove>
      size="small"
      aria-label={`Moves by ${title.toLowerCase()}`}
      title={() => <Typography.Text strong>By {title.toLowerCase()}</Typography.Text>}
      rowKey="value"
      pagination={rows.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
      dataSource={rows}
      columns={[
        { key: 'value', title, dataIndex: 'value' },
        {
          key: 'entering',
          title: 'Entering',
          dataIndex: 'entering',
          align: 'right',
          render: (n: number) => `+${formatNumber(n)}`,
        },
        {
          key: 'leaving',
          title: 'Leaving',
          dataIndex: 'leaving',
          align: 'right',
          render: (n: number) => `−${formatNumber(n)}`,
        },
      ]}
    />
  );
}

export function PreviewSummary({ preview, variants }: { preview: FlagPreview; variants?: boolean }) {
  const unchanged = preview.entering === 0 && preview.leaving === 0 && preview.variant_switches.length === 0;
  return (
    <section aria-label="Preview">
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title="Users" value={preview.users} />
        </Col>
        <Col span={6}>
          <Statistic
            title="On now → after"
            value={`${formatNumber(preview.on_before)} → ${formatNumber(preview.on_after)}`}
          />
        </Col>
        <Col span={6}>
          <Statistic title="Entering" value={preview.entering} valueStyle={{ color: '#389e0d' }} prefix="+" />
        </Col>
        <Col span={6}>
          <Statistic title="Leaving" value={preview.leaving} valueStyle={{ color: '#cf1322' }} prefix="−" />
        </Col>
      </Row>
      <Typography.Paragraph style={{ marginTop: 12 }} data-testid="preview-sentence">
        {unchanged
          ? 'Nobody’s flag changes.'
          : `${formatNumber(preview.entering)} users enter and ${formatNumber(preview.leaving)} leave.`}
      </Typography.Paragraph>
      {variants || preview.variant_switches.length > 0 ? (
        preview.variant_switches.length === 0 ? (
          <Alert type="success" showIcon message="No user switches variant." style={{ marginBottom: 12 }} />
        ) : (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={`${formatNumber(preview.variant_switches.reduce((n, s) => n + s.users, 0))} users will switch variant`}
            description={
              <ul style={{ margin: 0 }}>
                {preview.variant_switches.map((s) => (
                  <li key={`${s.from}→${s.to}`}>
                    {formatNumber(s.users)} from {s.from ?? 'no variant'} to {s.to ?? 'no variant'}
                  </li>
                ))}
              </ul>
            }
          />
        )
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <MovesTable title="Role" rows={preview.by_role} />
        </Col>
        <Col xs={24} lg={8}>
          <MovesTable title="Region" rows={preview.by_region} />
        </Col>
        <Col xs={24} lg={8}>
          <MovesTable title="City" rows={preview.by_city} />
        </Col>
      </Row>
    </section>
  );
}
