import {
  AlertOutlined,
  AuditOutlined,
  CreditCardOutlined,
  ExperimentOutlined,
  EyeOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { CrudFilter, CrudSort } from '@refinedev/core';
import dayjs from 'dayjs';
import type { ComponentType } from 'react';
import { listUrl } from '../../lib/list-url';
import type { TableName } from '../../resources/types';

// The home page's cards: what public.staff_work_queue() counts, and where each count leads.
// A NULL count means the caller lacks the permission behind it: no card.

export type WorkQueueKey =
  | 'listings_awaiting_moderation'
  | 'open_content_reports'
  | 'content_reports_in_review'
  | 'disputed_bookings'
  | 'failed_payments_7d'
  | 'flags_changed_today';

export type WorkQueue = Record<WorkQueueKey, number | null>;

export interface BookingsDay {
  /** YYYY-MM-DD, the tenant's local day */
  day: string;
  bookings: number;
  completed: number;
}

export interface WorkQueueCard {
  key: WorkQueueKey;
  title: string;
  /** One line under the number: why it matters. */
  explanation: string;
  /** Shown instead when the count is 0. */
  allClear: string;
  icon: ComponentType;
  resource: TableName;
  filters: (now: dayjs.Dayjs) => CrudFilter[];
  sorters: CrudSort[];
  /** Where the card leads instead of the list: the workspace built for that work. */
  workspace?: string | ((now: dayjs.Dayjs) => string);
}

export const WORK_QUEUE_CARDS: readonly WorkQueueCard[] = [
  {
    key: 'listings_awaiting_moderation',
    title: 'Listings awaiting moderation',
    explanation: 'New listings stay hidden from customers until a moderator approves them.',
    allClear: 'The moderation queue is empty.',
    icon: AuditOutlined,
    resource: 'listings',
    filters: () => [{ field: 'moderation_status', operator: 'in', value: ['pending'] }],
    sorters: [{ field: 'created_at', order: 'asc' }],
    workspace: '/moderation?tab=listings',
  },
  {
    key: 'open_content_reports',
    title: 'Open content reports',
    explanation: 'Reports nobody has picked up yet, oldest first.',
    allClear: 'No report is waiting.',
    icon: AlertOutlined,
    resource: 'content_reports',
    filters: () => [{ field: 'status', operator: 'in', value: ['open'] }],
    sorters: [{ field: 'created_at', order: 'asc' }],
    workspace: '/moderation?tab=reports&claim=unclaimed',
  },
  {
    key: 'content_reports_in_review',
    title: 'Reports in review',
    explanation: 'Claimed by a moderator but not resolved yet.',
    allClear: 'Nothing is stuck in review.',
    icon: EyeOutlined,
    resource: 'content_reports',
    filters: () => [{ field: 'status', operator: 'in', value: ['in_review'] }],
    sorters: [{ field: 'created_at', order: 'asc' }],
    workspace: '/moderation?tab=reports&claim=claimed',
  },
  {
    key: 'disputed_bookings',
    title: 'Disputed bookings',
    explanation: 'A customer or provider disputes the booking; the payout waits on a decision.',
    allClear: 'No booking is in dispute.',
    icon: WarningOutlined,
    resource: 'bookings',
    filters: () => [{ field: 'status', operator: 'in', value: ['disputed'] }],
    sorters: [{ field: 'created_at', order: 'asc' }],
  },
  {
    key: 'failed_payments_7d',
    title: 'Failed payments, last 7 days',
    explanation: 'Charges that did not go through; the customer may need a nudge.',
    allClear: 'Every payment of the week went through.',
    icon: CreditCardOutlined,
    resource: 'transactions',
    filters: (now) => [
      { field: 'status', operator: 'in', value: ['failed'] },
      { field: 'created_at', operator: 'gte', value: now.subtract(7, 'day').toISOString() },
    ],
    sorters: [{ field: 'created_at', order: 'desc' }],
    // the money page from the UTC day seven days ago (its periods are whole UTC days, so it
    // covers the card's rolling week), where the failed payments sit beside the money they cost
    workspace: (now) =>
      `/finance?from=${now.subtract(7, 'day').toISOString().slice(0, 10)}&to=${now.toISOString().slice(0, 10)}`,
  },
  {
    key: 'flags_changed_today',
    title: 'Feature flags changed today',
    explanation: 'Rollouts, kills and edits since midnight: check them if something behaves oddly.',
    allClear: 'No flag has changed today.',
    icon: ExperimentOutlined,
    resource: 'feature_flags',
    // the browser's midnight; the count uses the tenant's, which may differ by a few hours
    filters: (now) => [{ field: 'updated_at', operator: 'gte', value: now.startOf('day').toISOString() }],
    sorters: [{ field: 'updated_at', order: 'desc' }],
  },
];

/** The card's list, with the filters and sort that reproduce its count. */
export function cardListUrl(card: WorkQueueCard, now: dayjs.Dayjs = dayjs()): string {
  return listUrl(card.resource, card.filters(now), card.sorters);
}

/** Where the card leads: its workspace where there is one, else its list. */
export function cardUrl(card: WorkQueueCard, now: dayjs.Dayjs = dayjs()): string {
  const { workspace } = card;
  return typeof workspace === 'function' ? workspace(now) : (workspace ?? cardListUrl(card, now));
}

/** Arguments of both RPCs: no p_tenant_id at all when every tenant is in scope. */
export function scopeArgs(tenantId: string | null): { p_tenant_id?: string } {
  return tenantId ? { p_tenant_id: tenantId } : {};
}

// PostgREST answers a set-returning function with an array (one row here); bigint may arrive
// as a number or, from some servers, as text.
const count = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export function toWorkQueue(data: unknown): WorkQueue {
  const row = ((Array.isArray(data) ? data[0] : data) ?? {}) as Record<string, unknown>;
  return Object.fromEntries(WORK_QUEUE_CARDS.map((card) => [card.key, count(row[card.key])])) as WorkQueue;
}

export function toBookingsDays(data: unknown): BookingsDay[] {
  if (!Array.isArray(data)) return [];
  return data.map((row: Record<string, unknown>) => ({
    day: String(row.day),
    bookings: Number(row.bookings ?? 0),
    completed: Number(row.completed ?? 0),
  }));
}
