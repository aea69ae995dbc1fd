// Pure formatting shared by the field renderers (kept apart from the components so fast
// refresh keeps working and tests can call them directly).
import { embedAlias } from '../../resources/select';

// Statuses that mean the same thing across tables get the same colour everywhere.
const STATUS_COLORS: Record<string, string> = {
  active: 'green',
  approved: 'green',
  completed: 'green',
  verified: 'green',
  paid: 'green',
  succeeded: 'green',
  published: 'green',
  resolved: 'green',
  delivered: 'green',
  confirmed: 'green',
  enabled: 'green',
  pending: 'gold',
  draft: 'gold',
  in_review: 'gold',
  processing: 'gold',
  scheduled: 'gold',
  open: 'gold',
  flagged: 'orange',
  failed: 'red',
  rejected: 'red',
  banned: 'red',
  suspended: 'red',
  disputed: 'red',
  overdue: 'red',
  refunded: 'purple',
  cancelled: 'default',
  canceled: 'default',
  inactive: 'default',
  dismissed: 'default',
  archived: 'default',
  expired: 'default',
  disabled: 'default',
};

// Hashed values pick from antd's preset colours minus the ones that carry a meaning above.
const HASH_COLORS = ['blue', 'cyan', 'geekblue', 'magenta', 'lime', 'volcano', 'purple'];

export function enumColor(value: string): string {
  const known = STATUS_COLORS[value.toLowerCase()];
  if (known) return known;
  let hash = 0;
  for (let i = 0; i < value.length; i += 1) hash = (hash * 31 + value.charCodeAt(i)) | 0;
  return HASH_COLORS[Math.abs(hash) % HASH_COLORS.length];
}

/** 'in_review' → 'in review' */
export function humanize(value: string): string {
  return value.replace(/_/g, ' ');
}

/** 90 → "1 h 30 min"; 1500 → "1 d 1 h". */
export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes)) return '';
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.round(Math.abs(minutes));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (mins || parts.length === 0) parts.push(`${mins} min`);
  return sign + parts.join(' ');
}

/** Long identifiers in a list: the first 8 characters and an ellipsis. */
export function shorten(value: string, keep = 8): string {
  return value.length > keep + 1 ? `${value.slice(0, keep)}…` : value;
}

export function formatNumber(value: number, maximumFractionDigits?: number, locale?: string): string {
  return new Intl.NumberFormat(
    locale,
    maximumFractionDigits === undefined ? undefined : { maximumFractionDigits },
  ).format(value);
}

/** One line of JSON for a list cell, cut at `max` characters. */
export function jsonPreview(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined) return '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

export { embedAlias };

/** The label of a relation's embedded record (see buildSelect), or undefined when it was not embedded. */
export function relationLabel(
  record: Record<string, unknown>,
  fieldName: string,
  labelField: string,
): string | undefined {
  const embedded = record[embedAlias(fieldName)];
  const one = Array.isArray(embedded) ? embedded[0] : embedded;
  if (one && typeof one === 'object') {
    const label = (one as Record<string, unknown>)[labelField];
    if (label !== null && label !== undefined && label !== '') return String(label);
  }
  return undefined;
}

/** Kinds whose list cells read best right-aligned (numbers line up by their last digit). */
export const RIGHT_ALIGNED_KINDS: ReadonlySet<string> = new Set(['money', 'integer', 'decimal', 'percent']);
