import { describe, expect, it } from 'vitest';
import { breakdownListUrl, byCurrency, figureListUrl, floatingBars, numeric, waterfall } from './figures';
import { summaryRow } from './test-fixtures';

const row = summaryRow;

describe('waterfall', () => {
  it('takes tax, processing and the provider share from GMV down to the platform fees, then refunded fees to net revenue', () => {
    const steps = waterfall(row({}));
    expect(steps.map((s) => [s.name, s.value])).toEqual([
      ['GMV', 15000],
      ['Tax', -1200],
      ['Processing', -450],
      ['Provider share', -11100],
      ['Platform fees', 2250],
      ['Refunded fees', -300],
      ['Net revenue', 1950],
    ]);
    // each total is what the steps before it leave
    const bars = floatingBars(steps);
    expect(bars.find((b) => b.name === 'Provider share')).toMatchObject({ base: 2250, size: 11100 });
    expect(bars.find((b) => b.name === 'Refunded fees')).toMatchObject({ base: 1950, size: 300 });
  });
});

describe('byCurrency', () => {
  it('keeps currencies apart, the largest GMV first, with the previous period beside', () => {
    const figures = byCurrency([
      row({ currency: 'EUR', gmv_cents: 100 }),
      row({ currency: 'EUR', period: 'previous', gmv_cents: 50 }),
      row({}),
      row({ period: 'previous', gmv_cents: 4000 }),
    ]);
    expect(figures.map((f) => [f.currency, f.current.gmv_cents, f.previous?.gmv_cents])).toEqual([
      ['USD', 15000, 4000],
      ['EUR', 100, 50],
    ]);
  });
  it('reads bigint strings as numbers', () => {
    expect(numeric({ gmv_cents: '123456789012', currency: 'USD', take_rate: '0.1500' })).toEqual({
      gmv_cents: 123456789012,
      currency: 'USD',
      take_rate: 0.15,
    });
  });
});

describe('list links', () => {
  const march = { from: '2015-03-01', to: '2015-03-31' };
  it('GMV opens the captured booking payments of the period in that currency', () => {
    const url = decodeURIComponent(figureListUrl('gmv', 'USD', march));
    expect(url).toContain('/transactions?');
    for (const part of [
      'filters[0][field]=type&filters[0][operator]=in&filters[0][value][0]=payment',
      'filters[1][value][0]=completed&filters[1][value][1]=refunded',
      'filters[2][field]=currency&filters[2][operator]=eq&filters[2][value]=USD',
      'filters[3][field]=booking_id&filters[3][operator]=nnull',
      'filters[4][field]=processed_at&filters[4][operator]=gte&filters[4][value]=2015-03-01T00:00:00.000Z',
      'filters[5][field]=processed_at&filters[5][operator]=lte&filters[5][value]=2015-03-31T23:59:59.999Z',
    ])
      expect(url).toContain(part);
  });
  it.each([
    [
      'gmv',
      { dimension: 'region', key: 'r1' },
      'filters[6][field]=region_id&filters[6][operator]=eq&filters[6][value]=r1',
    ],
    [
      'refunds',
      { dimension: 'category', key: 'c1' },
      'filters[5][field]=category_id&filters[5][operator]=eq&filters[5][value]=c1',
    ],
    [
      'payouts',
      { dimension: 'provider', key: 'p1' },
      'filters[5][field]=provider_id&filters[5][operator]=eq&filters[5][value]=p1',
    ],
    ['payouts', { dimension: 'city', key: null }, 'filters[5][field]=city_id&filters[5][operator]=null'],
  ] as const)(
    '%s for one breakdown line adds the place the transactions were stamped with (%o)',
    (figure, place, part) => {
      const url = decodeURIComponent(figureListUrl(figure, 'EUR', march, place));
      expect(url).toContain('/transactions?');
      expect(url).toContain(part);
      expect(url).toContain('filters[0][field]=type');
    },
  );
  it('failed payments open the failed transactions created in the period, in that currency', () => {
    const url = decodeURIComponent(figureListUrl('failed', 'USD', march));
    expect(url).toContain('/transactions?');
    for (const part of [
      'filters[0][field]=status&filters[0][operator]=in&filters[0][value][0]=failed',
      'filters[1][field]=currency&filters[1][operator]=eq&filters[1][value]=USD',
      'filters[2][field]=created_at&filters[2][operator]=gte&filters[2][value]=2015-03-01T00:00:00.000Z',
      'filters[3][field]=created_at&filters[3][operator]=lte&filters[3][value]=2015-03-31T23:59:59.999Z',
    ])
      expect(url).toContain(part);
  });
  it('a breakdown line opens the rollup rows it adds up; the none line asks for null', () => {
    expect(decodeURIComponent(breakdownListUrl('region', 'r1', 'EUR', march))).toContain(
      'filters[0][field]=region_id&filters[0][operator]=eq&filters[0][value]=r1',
    );
    expect(decodeURIComponent(breakdownListUrl('city', null, 'EUR', march))).toContain(
      'filters[0][field]=city_id&filters[0][operator]=null',
    );
  });
});
