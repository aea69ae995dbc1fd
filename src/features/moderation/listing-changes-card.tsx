import { Alert, Descriptions, theme, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRpcQuery } from '../../providers/use-rpc';
import { describeListingChange, type ListingChange, type ListingChangeRow } from './listing-changes';

function Runs({ change }: { change: Extract<ListingChange, { kind: 'text' }> }) {
  // the theme's error and success colours, so the diff reads in the dark theme too
  const { token } = theme.useToken();
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
      {change.runs.map((run, i) =>
        run.change === 'removed' ? (
          <del key={i} style={{ background: token.colorErrorBg, color: token.colorErrorText }}>
            {run.text}
          </del>
        ) : run.change === 'added' ? (
          <ins
            key={i}
            style={{ background: token.colorSuccessBg, color: token.colorSuccessText, textDecoration: 'none' }}
          >
            {run.text}
          </ins>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </Typography.Paragraph>
  );
}

// A listing back in the queue after its provider edited it: what differs from the version
// moderation approved, so the moderator reviews the change rather than the whole listing again.
export function ListingChangesCard({ listingId }: { listingId: string }) {
  const { data } = useRpcQuery<ListingChangeRow[]>('listing_changes_since_approval', { p_listing_id: listingId });
  if (!data?.length) return null;
  const changes = data.map(describeListingChange);
  return (
    <Alert
      type="warning"
      role="region"
      aria-label="Changed since approved"
      message={`Changed since approved ${dayjs(data[0].approved_at).format('D MMM YYYY')}`}
      description={
        <Descriptions size="small" column={1} bordered>
          {changes.map((c) => (
            <Descriptions.Item key={c.field} label={c.label}>
              {c.kind === 'text' ? (
                <Runs change={c} />
              ) : (
                <span>
                  <del>{c.before}</del> → <ins style={{ textDecoration: 'none', fontWeight: 600 }}>{c.after}</ins>
                </span>
              )}
            </Descriptions.Item>
          ))}
        </Descriptions>
      }
    />
  );
}
