import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Empty, List, Skeleton, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { enumColor, humanize } from '../../components/fields/format';
import { Countdown } from './countdown';
import { decisionCopy, decisionsFor, type Decision } from './decisions';
import {
  claimedByColleague,
  claimedByMe,
  hasOpenReports,
  itemTitle,
  OPEN_STATUSES,
  type ItemContext,
  type ReportInContext,
} from './queue';
import { OwnerFacts, TargetView } from './target-view';

const time = (at: string) => dayjs(at).format('D MMM HH:mm');

function ReportList({ reports }: { reports: ReportInContext[] }) {
  if (reports.length === 0) return <Typography.Text type="secondary">Nobody reported it.</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={reports}
      renderItem={(r) => (
        <List.Item>
          <Space direction="vertical" size={0} style={{ width: '100%' }}>
            <Space wrap>
              <Tag color={enumColor(r.reason)}>{humanize(r.reason)}</Tag>
              <Tag color={enumColor(r.status)}>{humanize(r.status)}</Tag>
              <Typography.Text>{r.reporter?.name ?? 'A deleted account'}</Typography.Text>
              <Tooltip title="Reports of theirs upheld, of those decided; the bonus is Discourse's accuracy formula">
                <Typography.Text type="secondary">
                  {r.reporter_decided > 0
                    ? `${r.reporter_agreed} of ${r.reporter_decided} upheld (${r.reporter_accuracy_bonus >= 0 ? '+' : ''}${Number(r.reporter_accuracy_bonus).toFixed(2)})`
                    : 'no decided reports yet'}
                </Typography.Text>
              </Tooltip>
              <Typography.Text type="secondary">weight {Number(r.weight).toFixed(2)}</Typography.Text>
              <Typography.Text type="secondary">{time(r.created_at)}</Typography.Text>
            </Space>
            {r.details && <Typography.Text>{r.details}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}

function History({ events }: { events: ItemContext['history'] }) {
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        children: (
          <span>
            <Typography.Text strong>{humanize(e.event)}</Typography.Text>
            {e.actor ? ` by ${e.actor.name}` : ''} · {time(e.at)}
            {typeof e.details?.decision === 'string' ? ` · ${e.details.decision}` : ''}
            {typeof e.details?.note === 'string' ? ` · "${e.details.note}"` : ''}
          </span>
        ),
      }))}
    />
  );
}

/** An item the moderator cannot open says why, instead of loading forever. */
function ItemUnavailable({ error }: { error: { message: string; status?: number } }) {
  if (error.status === 404) {
    return (
      <Alert
        type="warning"
        showIcon
        message="This item no longer exists"
        description="What it was about may have been deleted. Pick another item from the queue."
      />
    );
  }
  if (error.status === 401 || error.status === 403) {
    return (
      <Alert
        type="warning"
        showIcon
        message="You cannot open this item"
        description={`It is in a queue or tenant you do not moderate (${error.message}).`}
      />
    );
  }
  return <Alert type="error" showIcon message="Could not load the item" description={error.message} />;
}

export interface ItemPaneProps {
  context: ItemContext | undefined;
  loading: boolean;
  /** why the item could not be read: its message and HTTP status (404 gone, 401/403 not yours) */
  error?: { message: string; status?: number } | null;
  me: string | undefined;
  onDecide: (decision: Decision) => void;
  onClaim: () => void;
  onUnhide?: () => void;
  /** What changed since the target was last approved, read by the page (the pane only shows it). */
  changes?: ReactNode;
  /** The target's own actions (settle a dispute, verify or sanction a user), whatever the item's state. */
  actions?: ReactNode;
  /** Colleagues who have this item open right now (Presence). */
  alsoOpenBy?: string[];
}

/** The item in context: what it is, whose it is, who reported it and why, what happened so far. */
export function ItemPane({
  context,
  loading,
  error,
  me,
  onDecide,
  onClaim,
  onUnhide,
  changes,
  actions,
  alsoOpenBy = [],
}: ItemPaneProps) {
  if (error) return <ItemUnavailable error={error} />;
  if (loading && !context) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!context) return <Empty description="Pick an item from the queue (j / k move through it)." />;

  const { item } = context;
  const open = OPEN_STATUSES.includes(item.status);
  const colleague = claimedByColleague(item, me) ? (item.claimed_by_person?.name ?? 'a colleague') : null;
  const mine = claimedByMe(item, me);
  const reported = hasOpenReports(context.reports);
  const title = itemTitle(context);
  const decisions = decisionsFor(item.target_type, reported);

  return (
    <Card
      size="small"
      title={
        <Space direction="vertical" size={0}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Space wrap size={4}>
            <Tag>{humanize(item.queue)}</Tag>
            <Tag color={enumColor(item.status)}>{item.status}</Tag>
            <Tag>score {Number(item.priority_score).toFixed(2)}</Tag>
            {open && <Countdown dueAt={item.sla_due_at} />}
          </Space>
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {alsoOpenBy.length > 0 && (
          <Typography.Text type="secondary" role="status" data-testid="also-open-by">
            <EyeOutlined aria-hidden /> Also open by {alsoOpenBy.join(', ')}
          </Typography.Text>
        )}
        {colleague ? (
          <Alert
            type="warning"
            showIcon
            message={`Claimed by ${colleague} until ${dayjs(item.claim_expires_at).format('HH:mm')}`}
            description="Deciding takes it over from them; they see it is yours."
          />
        ) : mine ? (
          <Typography.Text strong>
            <LockOutlined aria-hidden /> Claimed by you until {dayjs(item.claim_expires_at).format('HH:mm')}
          </Typography.Text>
        ) : open ? (
          <Space>
            <Typography.Text type="secondary">Nobody holds this item.</Typography.Text>
            <Button size="small" onClick={onClaim}>
              Claim (c)
            </Button>
          </Space>
        ) : null}

        {open ? (
          <Space wrap aria-label="Decisions">
            {decisions.map((d) => {
              const copy = decisionCopy(d, item.target_type, reported);
              const key = { approve: 'a', reject: 'r', escalate: 'e', ignore: '' }[d];
              return (
                <Button
                  key={d}
                  type={d === 'approve' ? 'primary' : 'default'}
                  danger={copy.danger}
                  onClick={() => onDecide(d)}
                  aria-keyshortcuts={key || undefined}
                  disabled={d === 'ignore' && !reported}
                >
                  {copy.label}
                  {key ? ` (${key})` : ''}
                </Button>
              );
            })}
            {item.target_type === 'review' && context.target?.hidden_at && onUnhide ? (
              <Button onClick={onUnhide}>Unhide review</Button>
            ) : null}
          </Space>
        ) : (
          <Alert
            type="info"
            showIcon
            message={`${humanize(item.status)} by ${item.decided_by_person?.name ?? 'someone'}${item.decided_at ? ` on ${time(item.decided_at)}` : ''}`}
            description={item.decision_note ?? undefined}
          />
        )}

        {actions && (
          <Space wrap aria-label={`Actions on the ${item.target_type}`}>
            {actions}
          </Space>
        )}
        {changes}
        <TargetView context={context} />
        <Collapse
          size="small"
          defaultActiveKey={['reports', 'owner']}
          items={[
            {
              key: 'reports',
              label: `Reports (${context.reports.length})`,
              children: <ReportList reports={context.reports} />,
            },
            {
              key: 'owner',
              label:
                item.target_type === 'review'
                  ? 'The author'
                  : item.target_type === 'listing'
                    ? 'The provider'
                    : 'Whose it is',
              children: context.owner ? (
                <OwnerFacts owner={context.owner} />
              ) : (
                <Typography.Text type="secondary">Unknown</Typography.Text>
              ),
            },
            {
              key: 'history',
              label: `History (${context.history.length})`,
              children: <History events={context.history} />,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
