import { Descriptions, Empty, Image, Rate, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { lazy, Suspense } from 'react';
import { DateTimeOrDash } from '../../components/fields/date-value';
import { enumColor, humanize } from '../../components/fields/format';
import type { GeoPoint } from '../../lib/geo';
import { formatMoney } from '../../lib/money';
import { DisputeEvidence } from './dispute-evidence';
import type { ItemContext } from './queue';
import { UserRecord } from './user-record';

dayjs.extend(relativeTime);

const ListingMap = lazy(() => import('./listing-map'));

type Target = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
/** A listing's address is JSON ({ line1, city, postal_code, … }): its parts, in order. */
const address = (v: unknown) =>
  v && typeof v === 'object'
    ? Object.values(v as Record<string, unknown>)
        .filter((p) => typeof p === 'string' && p)
        .join(', ')
    : str(v);

interface Media {
  url?: string;
  alt?: string;
  type?: string;
}

function ListingTarget({ target }: { target: Target }) {
  const media = (Array.isArray(target.media) ? (target.media as Media[]) : []).filter((m) => m.url);
  const location = target.location as GeoPoint | null;
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      {media.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8} aria-label="Listing photos">
            {media.slice(0, 6).map((m) => (
              <Image
                key={m.url}
                src={m.url}
                alt={m.alt || str(target.title)}
                width={96}
                height={72}
                style={{ objectFit: 'cover' }}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {str(target.description) || <Typography.Text type="secondary">No description</Typography.Text>}
      </Typography.Paragraph>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="Price">
          {formatMoney(target.price_cents as number, str(target.currency))}
          {target.pricing_type ? ` (${humanize(str(target.pricing_type))})` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="Category">{str(target.category) || '—'}</Descriptions.Item>
        <Descriptions.Item label="City">{str(target.city) || '—'}</Descriptions.Item>
        <Descriptions.Item label="Status">
          <Tag color={enumColor(str(target.status))}>{humanize(str(target.status))}</Tag>
          <Tag color={enumColor(str(target.moderation_status))}>{humanize(str(target.moderation_status))}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="Address" span={2}>
          {address(target.address) || humanize(str(target.location_type)) || '—'}
        </Descriptions.Item>
      </Descriptions>
      {location && (
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 180 }} />}>
          <ListingMap point={location} />
        </Suspense>
      )}
    </Space>
  );
}

function ReviewTarget({ target }: { target: Target }) {
  const booking = (target.booking ?? {}) as Target;
  const listing = (target.listing ?? {}) as Target;
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Space>
        <Rate disabled value={Number(target.rating)} aria-label={`${str(target.rating)} of 5 stars`} />
        {target.hidden_at ? <Tag color="red">Hidden: {str(target.hidden_reason) || 'no reason given'}</Tag> : null}
      </Space>
      {target.title ? <Typography.Text strong>{str(target.title)}</Typography.Text> : null}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {str(target.comment)}
      </Typography.Paragraph>
      {target.provider_response ? (
        <Typography.Paragraph type="secondary" style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 12 }}>
          <Typography.Text strong>Provider's response</Typography.Text> (
          <DateTimeOrDash value={target.provider_responded_at} />
          ): {str(target.provider_response)}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">The provider has not responded.</Typography.Text>
      )}
      <Descriptions size="small" column={2} bordered title="The booking">
        <Descriptions.Item label="Listing">{str(listing.title) || '—'}</Descriptions.Item>
        <Descriptions.Item label="Booking">{str(booking.confirmation_code) || '—'}</Descriptions.Item>
        <Descriptions.Item label="Status">
          {booking.status ? <Tag color={enumColor(str(booking.status))}>{humanize(str(booking.status))}</Tag> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Scheduled">
          <DateTimeOrDash value={booking.scheduled_start} />
        </Descriptions.Item>
        <Descriptions.Item label="Total">
          {formatMoney(booking.total_cents as number, str(booking.currency))}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

function OtherTarget({ target }: { target: Target }) {
  const shown = Object.entries(target).filter(([, v]) => v !== null && typeof v !== 'object');
  return (
    <Descriptions size="small" column={1} bordered>
      {shown.map(([key, value]) => (
        <Descriptions.Item key={key} label={humanize(key)}>
          {key.endsWith('_at') ? <DateTimeOrDash value={value} /> : str(value)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export function TargetView({ context }: { context: ItemContext }) {
  const { target, item } = context;
  if (!target) return <Empty description="The content is gone (deleted since it was queued)." />;
  if (item.target_type === 'listing') return <ListingTarget target={target} />;
  if (item.target_type === 'review') return <ReviewTarget target={target} />;
  if (item.target_type === 'booking') return <DisputeEvidence target={target} />;
  if (item.target_type === 'user') return <UserRecord target={target} />;
  return <OtherTarget target={target} />;
}

export function OwnerFacts({ owner }: { owner: ItemContext['owner'] }) {
  if (!owner) return null;
  const decisions = Object.entries(owner.earlier_decisions ?? {})
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label="Name">{owner.name}</Descriptions.Item>
      <Descriptions.Item label="Account">
        {humanize(owner.role)}, {humanize(owner.status)}, joined {dayjs(owner.created_at).fromNow()}
      </Descriptions.Item>
      <Descriptions.Item label="Listings">
        {owner.listings}
        {owner.rejected_listings ? ` (${owner.rejected_listings} rejected or flagged)` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="Rating">
        {owner.rating_count
          ? `${Number(owner.rating_average).toFixed(2)} from ${owner.rating_count} reviews`
          : 'No reviews yet'}
      </Descriptions.Item>
      <Descriptions.Item label="Earlier decisions">{decisions || 'None'}</Descriptions.Item>
      <Descriptions.Item label="Hidden reviews written">{owner.hidden_reviews}</Descriptions.Item>
    </Descriptions>
  );
}
