import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../../resources/types';
import { exportRow } from './export-row';

const fields = [
  { name: 'title', label: 'Title', kind: 'text' },
  {
    name: 'provider_id',
    label: 'Provider',
    kind: 'relation',
    relation: { resource: 'users', labelField: 'full_name' },
  },
  { name: 'price_cents', label: 'Price', kind: 'money' },
  { name: 'keywords', label: 'Keywords', kind: 'tags' },
  { name: 'address', label: 'Address', kind: 'json' },
  { name: 'is_featured', label: 'Featured', kind: 'boolean' },
] as unknown as FieldDef[];

describe('exportRow', () => {
  it('writes relation labels beside their ids and money in major units beside its currency', () => {
    const row = exportRow(fields, {
      title: 'Deep clean',
      provider_id: 'u-1',
      provider: { id: 'u-1', full_name: 'Ada Lovelace' },
      price_cents: 12345,
      currency: 'usd',
      keywords: ['clean', 'home'],
      address: { city: 'Springfield' },
      is_featured: false,
    });
    expect(row).toEqual({
      Title: 'Deep clean',
      Provider: 'Ada Lovelace',
      'Provider ID': 'u-1',
      Price: '123.45',
      'Price currency': 'USD',
      Keywords: 'clean; home',
      Address: '{"city":"Springfield"}',
      Featured: false,
    });
  });

  it('uses the currency digits (JPY has none) and keeps blanks blank', () => {
    const row = exportRow(fields, { price_cents: 500, currency: 'JPY', provider_id: null, title: null });
    expect(row.Price).toBe('500');
    expect(row.Provider).toBeNull();
    expect(row['Provider ID']).toBeNull();
    expect(row.Title).toBeNull();
  });

  it('adds no currency column beside money when the currency column is exported itself', () => {
    const withCurrency = [...fields, { name: 'currency', label: 'Currency', kind: 'code' } as unknown as FieldDef];
    const row = exportRow(withCurrency, { price_cents: 999, currency: 'EUR' });
    expect(row.Price).toBe('9.99');
    expect(row.Currency).toBe('EUR');
    expect(row).not.toHaveProperty('Price currency');
  });

  it('falls back to the id when the related record was not embedded', () => {
    expect(exportRow(fields, { provider_id: 'u-2' }).Provider).toBe('u-2');
  });
});
