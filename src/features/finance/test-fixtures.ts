import type { SummaryRow } from './figures';

/** A summary row of the hand-made March 2015 (supabase/tests/finance_dashboard.test.sql), USD. */
export const summaryRow = (over: Partial<SummaryRow> = {}): SummaryRow => ({
  period: 'current',
  currency: 'USD',
  gmv_cents: 15000,
  platform_fee_cents: 2250,
  processing_fee_cents: 450,
  tax_cents: 1200,
  refund_cents: 2000,
  refunded_fee_cents: 300,
  net_revenue_cents: 1950,
  payout_cents: 7000,
  take_rate: 0.15,
  payments: 2,
  refunds: 1,
  payouts: 1,
  failed_cents: 9999,
  failed: 1,
  disputed_cents: 5000,
  disputes: 1,
  ...over,
});
