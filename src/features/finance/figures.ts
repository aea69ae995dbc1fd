import type { CrudFilter } from '@refinedev/core';
import { listUrl } from '../../lib/list-url';
import type { Period } from './period';

// What the dashboard shows, from the database functions' rows: per currency, the period and
// the one before; the waterfall from GMV to net platform revenue; and for every figure the list
// that produces it, filtered exactly (the rows the figure adds up).

/** One row of public.finance_summary. */
export interface SummaryRow {
  period: 'current' | 'previous';
  currency: string;
  gmv_cents: number;
  platform_fee_cents: number;
  processing_fee_cents: number;
  tax_cents: number;
  refund_cents: number;
  refunded_fee_cents: number;
  net_revenue_cents: number;
  payout_cents: number;
  take_rate: number | null;
  payments: number;
  refunds: number;
  payouts: number;
  failed_cents: number;
  failed: number;
  disputed_cents: number | null;
  disputes: number | null;
}

/** One row of public.finance_series. */
export interface SeriesRow {
  bucket: string;
  currency: string;
  gmv_cents: number;
  platform_fee_cents: number;
  net_revenue_cents: number;
  refund_cents: number;
  payout_cents: number;
  payments: number;
}

/** One row of public.finance_breakdown. */
export interface BreakdownRow {
  key: string | null;
  label: string;
  currency: string;
  gmv_cents: number;
  platform_fee_cents: number;
  take_rate: number | null;
  refund_cents: number;
  net_revenue_cents: number;
  payout_cents: number;
  payments: number;
}

export const DIMENSIONS = ['region', 'city', 'category', 'provider'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface CurrencyFigures {
  currency: string;
  current: SummaryRow;
  previous: SummaryRow | undefined;
}

/** PostgREST answers bigint as numbers or strings depending on size: numbers here. */
export function numeric<T extends object>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return out as T;
}

/** Currencies by GMV, largest first; never added together. */
export function byCurrency(rows: SummaryRow[]): CurrencyFigures[] {
  const currencies = [...new Set(rows.map((r) => r.currency))];
  return currencies
    .map((currency) => ({
      currency,
      current: rows.find((r) => r.currency === currency && r.period === 'current')!,
      previous: rows.find((r) => r.currency === currency && r.period === 'previous'),
    }))
    .filter((c) => c.current)
    .sort((a, b) => b.current.gmv_cents - a.current.gmv_cents || a.currency.localeCompare(b.currency));
}

export interface WaterfallStep {
  name: string;
  /** Signed: a total is positive, a deduction negative. */
  value: number;
  total: boolean;
}

/**
 * GMV is what customers paid: the provider's share, the platform fee, processing and tax. Taking
 * away what is not the platform's leaves its fees; refunds take their fee share back.
 */
export function waterfall(s: SummaryRow): WaterfallStep[] {
  const providerShare = s.gmv_cents - s.platform_fee_cents - s.processing_fee_cents - s.tax_cents;
  return [
    { name: 'GMV', value: s.gmv_cents, total: true },
    { name: 'Tax', value: -s.tax_cents, total: false },
    { name: 'Processing', value: -s.processing_fee_cents, total: false },
    { name: 'Provider share', value: -providerShare, total: false },
    { name: 'Platform fees', value: s.platform_fee_cents, total: true },
    { name: 'Refunded fees', value: -s.refunded_fee_cents, total: false },
    { name: 'Net revenue', value: s.net_revenue_cents, total: true },
  ];
}

/** The day range as the list filters it: from the start of `from` to the end of `to`, UTC. */
const dayRange = (field: string, p: Period): CrudFilter[] => [
  { field, operator: 'gte', value: `${p.from}T00:00:00.000Z` },
  { field, operator: 'lte', value: `${p.to}T23:59:59.999Z` },
];

export type Figure = 'gmv' | 'refunds' | 'payouts' | 'failed' | 'disputes';

/** One line of a breakdown: its dimension and key (null: the money with no such place). */
export interface Place {
  dimension: Dimension;
  key: string | null;
}

/** The transactions list filter for a breakdown line: the place each transaction was stamped with. */
const placeFilter = (place?: Place): CrudFilter[] =>
  place
    ? [{ field: `${place.dimension}_id`, operator: place.key === null ? 'null' : 'eq', value: place.key ?? true }]
    : [];

/** The transactions (or bookings) a figure adds up, for one currency, optionally for one breakdown line. */
export function figureListUrl(figure: Figure, currency: string, p: Period, place?: Place): string {
  const sort = [{ field: 'processed_at', order: 'desc' as const }];
  switch (figure) {
    case 'gmv':
      return listUrl(
        'transactions',
        [
          { field: 'type', operator: 'in', value: ['payment'] },
          { field: 'status', operator: 'in', value: ['completed', 'refunded'] },
          { field: 'currency', operator: 'eq', value: currency },
          { field: 'booking_id', operator: 'nnull', value: true },
          ...dayRange('processed_at', p),
          ...placeFilter(place),
        ],
        sort,
      );
    case 'refunds':
      return listUrl(
        'transactions',
        [
          { field: 'type', operator: 'in', value: ['refund'] },
          { field: 'status', operator: 'in', value: ['completed'] },
          { field: 'currency', operator: 'eq', value: currency },
          ...dayRange('processed_at', p),
          ...placeFilter(place),
        ],
        sort,
      );
    case 'payouts':
      return listUrl(
        'transactions',
        [
          { field: 'type', operator: 'in', value: ['payout'] },
          { field: 'status', operator: 'in', value: ['completed'] },
          { field: 'currency', operator: 'eq', value: currency },
          ...dayRange('processed_at', p),
          ...placeFilter(place),
        ],
        sort,
      );
    case 'failed':
      // a failure has no processed_at: it counts on the day it was created, as the home page's card
      return listUrl(
        'transactions',
        [
          { field: 'status', operator: 'in', value: ['failed'] },
          { field: 'currency', operator: 'eq', value: currency },
          ...dayRange('created_at', p),
        ],
        [{ field: 'created_at', order: 'desc' }],
      );
    case 'disputes':
      return listUrl('bookings', [
        { field: 'status', operator: 'in', value: ['disputed'] },
        { field: 'currency', operator: 'eq', value: currency },
      ]);
  }
}

/** The rollup rows a breakdown line adds up: Money by day, filtered to its key and the period. */
export function breakdownListUrl(dimension: Dimension, key: string | null, currency: string, p: Period): string {
  return listUrl(
    'finance_daily_rollups',
    [
      ...placeFilter({ dimension, key }),
      { field: 'currency', operator: 'eq', value: currency },
      { field: 'day', operator: 'gte', value: p.from },
      { field: 'day', operator: 'lte', value: p.to },
    ],
    [{ field: 'day', order: 'desc' }],
  );
}

// A waterfall chart's bars: the totals stand on the
// axis, each deduction floats from the running total down.
export function floatingBars(steps: WaterfallStep[]) {
  let running = 0;
  return steps.map((s) => {
    if (s.total) {
      running = s.value;
      return { name: s.name, base: Math.min(0, s.value), size: Math.abs(s.value), value: s.value, total: true };
    }
    const from = running;
    running += s.value;
    return { name: s.name, base: Math.min(from, running), size: Math.abs(s.value), value: s.value, total: false };
  });
}
