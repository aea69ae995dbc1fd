import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { breakdownCsv, seriesCsv, summaryCsv } from './csv';
import type { BreakdownRow } from './figures';
import { summaryRow } from './test-fixtures';

const parse = (csv: string) => Papa.parse<string[]>(csv).data;

const summary = summaryRow;

describe('summary CSV', () => {
  it('has one line per currency and period, money in major units of its own currency', () => {
    const [header, usd, yen, before] = parse(
      summaryCsv([
        summary({}),
        summary({ currency: 'JPY', gmv_cents: 15000, platform_fee_cents: 2250 }),
        summary({ period: 'previous', take_rate: null, disputed_cents: null, disputes: null }),
      ]),
    );
    expect(header.slice(0, 5)).toEqual(['Currency', 'Period', 'GMV', 'Platform fees', 'Take rate']);
    expect(usd.slice(0, 5)).toEqual(['USD', 'current', '150', '22.5', '0.15']);
    expect(usd[header.indexOf('Failed payments')]).toBe('99.99');
    // a yen has no minor unit: 15000 minor units are ¥15,000
    expect(yen.slice(0, 4)).toEqual(['JPY', 'current', '15000', '2250']);
    // what the previous period has no figure for stays empty, not 0
    expect(before[header.indexOf('Take rate')]).toBe('');
    expect(before[header.indexOf('In dispute now')]).toBe('');
  });
});

describe('series and breakdown CSV', () => {
  it.each([
    [
      'series',
      seriesCsv([
        {
          bucket: '2015-03-02',
          currency: 'EUR',
          gmv_cents: 10000,
          platform_fee_cents: 1500,
          net_revenue_cents: 1500,
          refund_cents: 0,
          payout_cents: 0,
          payments: 1,
        },
      ]),
      ['2015-03-02', 'EUR', '100', '15', '15', '0', '0', '1'],
    ],
    [
      'breakdown',
      breakdownCsv('City', [
        {
          key: 'c1',
          label: 'Portland, OR',
          currency: 'USD',
          gmv_cents: 12345,
          platform_fee_cents: 1234,
          take_rate: 0.1,
          refund_cents: 0,
          net_revenue_cents: 1234,
          payout_cents: 0,
          payments: 3,
        } satisfies BreakdownRow,
      ]),
      ['Portland, OR', 'USD', '123.45', '12.34', '0.1', '0', '12.34', '0', '3'],
    ],
  ])('%s: one line per row, a name with a comma quoted', (_name, csv, line) => {
    expect(parse(csv)[1]).toEqual(line);
    if (_name === 'breakdown') expect(csv).toContain('"Portland, OR"');
  });
});
