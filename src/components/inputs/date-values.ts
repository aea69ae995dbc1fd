import dayjs, { type Dayjs } from 'dayjs';

export type DateKind = 'date' | 'datetime' | 'time';

/** ISO text from a date, timestamptz or time column → dayjs for the pickers. */
export function toDayjs(kind: DateKind, value: string | null | undefined): Dayjs | null {
  if (!value) return null;
  // a time column has no date; anchor it to one so dayjs can parse it
  const parsed = kind === 'time' ? dayjs(`1970-01-01T${value.slice(0, 8)}`) : dayjs(value);
  return parsed.isValid() ? parsed : null;
}

/** dayjs → the ISO text the column takes: '2026-03-01', a UTC timestamp, '09:30:00'. */
export function toIsoValue(kind: DateKind, value: Dayjs | null | undefined): string | null {
  if (!value || !value.isValid()) return null;
  if (kind === 'date') return value.format('YYYY-MM-DD');
  if (kind === 'time') return value.format('HH:mm:ss');
  return value.toISOString();
}
