import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { FieldKind } from '../../resources/types';

dayjs.extend(relativeTime);

function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'local time';
  } catch {
    return 'local time';
  }
}

// Timestamps arrive as UTC ISO strings; staff read them in their own timezone, with the
// exact instant one hover away. Dates and times of day are wall-clock values: no shifting.
export function DateValue({
  value,
  kind,
  mode = 'show',
}: {
  value: string;
  kind: Extract<FieldKind, 'date' | 'datetime' | 'time'>;
  mode?: 'list' | 'show';
}) {
  if (kind === 'time') return <span>{value.slice(0, 5)}</span>;
  const parsed = dayjs(value);
  if (!parsed.isValid()) return <span>{value}</span>;
  if (kind === 'date') {
    return (
      <Tooltip title={value}>
        <time dateTime={value}>{parsed.format('D MMM YYYY')}</time>
      </Tooltip>
    );
  }
  const exact = `${parsed.format('YYYY-MM-DDTHH:mm:ssZ')} (${viewerTimeZone()})`;
  const recent = Math.abs(dayjs().diff(parsed, 'day')) < 7;
  const shown = mode === 'list' && recent ? parsed.fromNow() : parsed.format('D MMM YYYY HH:mm');
  return (
    <Tooltip title={exact}>
      <time dateTime={parsed.toISOString()}>{shown}</time>
    </Tooltip>
  );
}

/** A timestamp that may be missing (a booking never confirmed): DateValue's rendering, or a dash. */
export function DateTimeOrDash({ value }: { value: unknown }) {
  return value ? <DateValue value={String(value)} kind="datetime" /> : <>—</>;
}
