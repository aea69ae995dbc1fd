import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../../resources/types';
import { mapServerError } from './server-error';

const fields = [
  { name: 'title', label: 'Title' },
  { name: 'slug', label: 'Slug' },
  { name: 'price', label: 'Price (list)' },
  { name: 'price_cents', label: 'Price' },
  { name: 'category_id', label: 'Category' },
] as unknown as Pick<FieldDef, 'name' | 'label'>[];

// [what, PostgREST error, field it lands on (undefined = the alert), message]
const cases: [string, object, string | undefined, RegExp][] = [
  [
    'check violation named after a column (longest match wins)',
    {
      code: '23514',
      message: 'new row for relation "listings" violates check constraint "listings_price_cents_check"',
    },
    'price_cents',
    /Price is not accepted by the database \(check listings_price_cents_check\)/,
  ],
  [
    'check violation over several columns',
    {
      code: '23514',
      message: 'new row for relation "listings" violates check constraint "listings_location_required"',
    },
    undefined,
    /refused these values \(check listings_location_required\)/,
  ],
  [
    'unique violation: the key column from details, skipping columns the form lacks',
    {
      code: '23505',
      message: 'duplicate key value violates unique constraint "listings_tenant_slug_key"',
      details: 'Key (tenant_id, slug)=(00000000-0000-4000-8000-000000000001, deep-clean) already exists.',
    },
    'slug',
    /Slug is already used/,
  ],
  [
    'unique violation on an expression index',
    {
      code: '23505',
      message: 'duplicate key value violates unique constraint "x_title_idx"',
      details: 'Key (lower(title))=(deep clean) already exists.',
    },
    'title',
    /Title is already used/,
  ],
  [
    'unique violation naming no form field',
    {
      code: '23505',
      message: 'duplicate key value violates unique constraint "listings_pkey"',
      details: 'Key (id)=(1) already exists.',
    },
    undefined,
    /duplicate an existing record \(listings_pkey\)/,
  ],
  [
    'not-null violation',
    { code: '23502', message: 'null value in column "title" of relation "listings" violates not-null constraint' },
    'title',
    /Title is required/,
  ],
  [
    'foreign key violation',
    {
      code: '23503',
      message: 'insert or update on table "listings" violates foreign key constraint "listings_category_id_fkey"',
      details: 'Key (category_id)=(42) is not present in table "categories".',
    },
    'category_id',
    /Category points at a record that does not exist/,
  ],
  [
    'row-level security',
    { code: '42501', message: 'new row violates row-level security policy for table "listings"' },
    undefined,
    /You may not make this change: new row violates/,
  ],
  [
    'anything else keeps the server message',
    { code: 'P0001', message: 'listing is locked for moderation' },
    undefined,
    /^listing is locked for moderation$/,
  ],
  ['no message at all', {}, undefined, /refused the change/],
];

describe('mapServerError', () => {
  it.each(cases)('%s', (_what, error, field, message) => {
    const mapped = mapServerError(error, fields);
    expect(mapped.field).toBe(field);
    expect(mapped.message).toMatch(message);
  });

  it('keeps details and hint for the alert', () => {
    const mapped = mapServerError({ code: 'P0001', message: 'no', details: 'why', hint: 'try this' }, fields);
    expect(mapped).toMatchObject({ details: 'why', hint: 'try this', code: 'P0001' });
  });
});
