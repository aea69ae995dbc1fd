import Papa from 'papaparse';
import { toMajorUnits } from '../../lib/money';
import type { BreakdownRow, SeriesRow, SummaryRow } from './figures';

// Tables of figures leave as CSV (papaparse quotes what needs quoting); money in major units of
// its own currency (a yen has no cents) with the currency beside it, as a spreadsheet expects.
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return Papa.unparse({ fields: header, data: rows.map((r) => r.map((v) => (v === null ? '' : v))) });
}

type Cell = string | number | null;
/** A CSV column: its header and how a row gives its cell. */
type Column<R> = [header: string, cell: (row: R) => Cell];

/** Money in major units of the row's own currency; a missing figure stays empty. */
const money =
  <R extends { currency: string }>(field: { [K in keyof R]: R[K] extends number | null ? K : never }[keyof R]) =>
  (row: R): Cell => {
    const cents = row[field] as number | null;
    return cents === null ? null : toMajorUnits(cents, row.currency);
  };
const value =
  <R>(field: keyof R) =>
  (row: R): Cell =>
    row[field] as Cell;

const table = <R>(columns: Column<R>[], rows: R[]) =>
  toCsv(
    columns.map(([header]) => header),
    rows.map((r) => columns.map(([, cell]) => cell(r))),
  );

const SUMMARY: Column<SummaryRow>[] = [
  ['Currency', value('currency')],
  ['Period', value('period')],
  ['GMV', money('gmv_cents')],
  ['Platform fees', money('platform_fee_cents')],
  ['Take rate', value('take_rate')],
  ['Processing fees', money('processing_fee_cents')],
  ['Tax', money('tax_cents')],
  ['Refunds', money('refund_cents')],
  ['Refunded fees', money('refunded_fee_cents')],
  ['Net platform revenue', money('net_revenue_cents')],
  ['Provider payouts', money('payout_cents')],
  ['Payments', value('payments')],
  ['Refunds (count)', value('refunds')],
  ['Payouts (count)', value('payouts')],
  ['Failed payments', money('failed_cents')],
  ['Failed (count)', value('failed')],
  ['In dispute now', money('disputed_cents')],
  ['Disputed bookings', value('disputes')],
];

const SERIES: Column<SeriesRow>[] = [
  ['Starting', value('bucket')],
  ['Currency', value('currency')],
  ['GMV', money('gmv_cents')],
  ['Platform fees', money('platform_fee_cents')],
  ['Net platform revenue', money('net_revenue_cents')],
  ['Refunds', money('refund_cents')],
  ['Provider payouts', money('payout_cents')],
  ['Payments', value('payments')],
];

const breakdownColumns = (dimensionLabel: string): Column<BreakdownRow>[] => [
  [dimensionLabel, value('label')],
  ['Currency', value('currency')],
  ['GMV', money('gmv_cents')],
  ['Platform fees', money('platform_fee_cents')],
  ['Take rate', value('take_rate')],
  ['Refunds', money('refund_cents')],
  ['Net platform revenue', money('net_revenue_cents')],
  ['Payouts', money('payout_cents')],
  ['Payments', value('payments')],
];

/** The summary: one line per currency and period (this one, the one before). */
export const summaryCsv = (rows: SummaryRow[]) => table(SUMMARY, rows);

/** The series of one or more currencies: one line per bucket and currency. */
export const seriesCsv = (rows: SeriesRow[]) => table(SERIES, rows);

/** A breakdown: one line per region, city, category or provider and currency. */
export const breakdownCsv = (dimensionLabel: string, rows: BreakdownRow[]) =>
  table(breakdownColumns(dimensionLabel), rows);
