import { Card, Space, Statistic } from 'antd';
import { formatDuration, humanize } from '../../components/fields/format';
import type { WorkspaceSummary } from './queue';

/** Decisions today, median time to a decision per queue, SLA breaches this week: one request. */
export function StatsStrip({ summary }: { summary: WorkspaceSummary | undefined }) {
  if (!summary) return null;
  const medians = Object.entries(summary.median_minutes_to_decision ?? {});
  return (
    <Card size="small" role="region" aria-label="Moderation statistics">
      <Space size="large" wrap>
        <Statistic
          title="Decisions today"
          value={summary.decisions_today}
          suffix={<span style={{ fontSize: 14 }}>({summary.my_decisions_today} mine)</span>}
        />
        <Statistic
          title="SLA breaches this week"
          value={summary.sla_breaches_week}
          valueStyle={summary.sla_breaches_week ? { color: '#cf1322' } : undefined}
        />
        {medians.length > 0 && (
          <Statistic
            title="Median time to a decision (7 days)"
            value={medians
              .map(([queue, minutes]) => `${humanize(queue)} ${formatDuration(Number(minutes))}`)
              .join(' · ')}
            valueStyle={{ fontSize: 14 }}
          />
        )}
      </Space>
    </Card>
  );
}
