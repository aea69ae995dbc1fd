import { parseTableParams, type CrudFilter, type CrudSort } from '@refinedev/core';
import { describe, expect, it } from 'vitest';
import { listUrl } from './list-url';

// What refine reads back from the URL has every leaf as a string (qs does not type values).
function asParsed(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(asParsed);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => [k, asParsed(v)]),
    );
  }
  return String(value);
}

// the search part as refine's useTable parses it under syncWithLocation
const readBack = (url: string) => parseTableParams(url.includes('?') ? url.slice(url.indexOf('?')) : '?');

interface Case {
  name: string;
  resource: string;
  filters?: CrudFilter[];
  sorters?: CrudSort[];
  url: string;
}

const cases: Case[] = [
  {
    name: 'enum filter (in, array value) with a sorter',
    resource: 'listings',
    filters: [{ field: 'moderation_status', operator: 'in', value: ['pending'] }],
    sorters: [{ field: 'created_at', order: 'asc' }],
    url: '/listings?filters[0][field]=moderation_status&filters[0][operator]=in&filters[0][value][0]=pending&sorters[0][field]=created_at&sorters[0][order]=asc',
  },
  {
    name: 'several enum values keep their order',
    resource: 'content_reports',
    filters: [{ field: 'status', operator: 'in', value: ['open', 'in_review'] }],
    url: '/content_reports?filters[0][field]=status&filters[0][operator]=in&filters[0][value][0]=open&filters[0][value][1]=in_review',
  },
  {
    name: 'date bound from a Date, as an ISO string',
    resource: 'transactions',
    filters: [
      { field: 'status', operator: 'in', value: ['failed'] },
      { field: 'created_at', operator: 'gte', value: new Date('2026-11-18T09:30:00Z') },
    ],
    sorters: [{ field: 'created_at', order: 'desc' }],
    url:
      '/transactions?filters[0][field]=status&filters[0][operator]=in&filters[0][value][0]=failed' +
      '&filters[1][field]=created_at&filters[1][operator]=gte&filters[1][value]=2026-11-18T09:30:00.000Z' +
      '&sorters[0][field]=created_at&sorters[0][order]=desc',
  },
  {
    name: 'date bound given as an ISO string with an offset',
    resource: 'feature_flags',
    filters: [{ field: 'updated_at', operator: 'gte', value: '2026-11-25T00:00:00+14:00' }],
    url: '/feature_flags?filters[0][field]=updated_at&filters[0][operator]=gte&filters[0][value]=2026-11-25T00:00:00%2B14:00',
  },
  {
    name: 'no filters and no sorters: the bare list',
    resource: 'bookings',
    url: '/bookings',
  },
  {
    name: 'only sorters',
    resource: 'bookings',
    sorters: [
      { field: 'status', order: 'asc' },
      { field: 'created_at', order: 'desc' },
    ],
    url: '/bookings?sorters[0][field]=status&sorters[0][order]=asc&sorters[1][field]=created_at&sorters[1][order]=desc',
  },
  {
    name: 'reserved characters in a value are encoded',
    resource: 'listings',
    filters: [{ field: 'q', operator: 'contains', value: 'pipes & drains = 50% off+' }],
    url: '/listings?filters[0][field]=q&filters[0][operator]=contains&filters[0][value]=pipes%20%26%20drains%20%3D%2050%25%20off%2B',
  },
  {
    name: 'numbers and booleans become text',
    resource: 'listings',
    filters: [
      { field: 'is_featured', operator: 'eq', value: true },
      { field: 'price_cents', operator: 'lte', value: 5000 },
    ],
    url:
      '/listings?filters[0][field]=is_featured&filters[0][operator]=eq&filters[0][value]=true' +
      '&filters[1][field]=price_cents&filters[1][operator]=lte&filters[1][value]=5000',
  },
  {
    name: 'a conditional (or) filter nests, and a missing key is left out',
    resource: 'bookings',
    filters: [
      {
        operator: 'or',
        value: [
          { field: 'status', operator: 'eq', value: 'disputed' },
          { field: 'status', operator: 'eq', value: 'refunded' },
        ],
      },
    ],
    url:
      '/bookings?filters[0][operator]=or' +
      '&filters[0][value][0][field]=status&filters[0][value][0][operator]=eq&filters[0][value][0][value]=disputed' +
      '&filters[0][value][1][field]=status&filters[0][value][1][operator]=eq&filters[0][value][1][value]=refunded',
  },
];

describe('listUrl', () => {
  it.each(cases)('$name', ({ resource, filters, sorters, url }) => {
    expect(listUrl(resource, filters, sorters)).toBe(url);
  });

  it.each(cases)(
    '$name: reads back through refine as the same filters and sorters',
    ({ resource, filters, sorters }) => {
      const parsed = readBack(listUrl(resource, filters, sorters));
      expect(parsed.parsedFilters).toEqual(asParsed(filters ?? []));
      expect(parsed.parsedSorter).toEqual(sorters ?? []);
    },
  );

  it('keeps a value that looks like query syntax one value', () => {
    const filters: CrudFilter[] = [{ field: 'q', operator: 'eq', value: 'x]&filters[1][field]=status' }];
    expect(readBack(listUrl('listings', filters)).parsedFilters).toEqual(filters);
  });

  it('encodes the resource segment', () => {
    expect(listUrl('a b/c')).toBe('/a%20b%2Fc');
  });
});
