import { describe, expect, it } from 'vitest';
import type { FieldDef, ResourceDef } from './types';
import { listings } from './catalog';
import { getResource } from './index';
import { buildSelect, currencyOf, currencyPath, embedAlias, embedFor } from './select';

// Minimal definitions: only what buildSelect reads.
const def = (name: string, fields: object[], extra: object = {}) =>
  ({ name, fields, ...extra }) as unknown as ResourceDef;
const column = (name: string) => ({ name, kind: 'text' });
const relation = (name: string, resource: string, labelField: string, fkey?: string) => ({
  name,
  kind: 'relation',
  relation: { resource, labelField, fkey },
});

const targets: Record<string, ResourceDef> = {
  users: def('users', [column('id'), column('full_name')]),
  listing_tags: def('listing_tags', [column('listing_id'), column('tag_id')], {
    primaryKey: ['listing_id', 'tag_id'],
  }),
  currencies: def('currencies', [column('code'), column('name')], { primaryKey: ['code'] }),
};
const lookup = (name: string) => targets[name];

describe('embedAlias', () => {
  it.each([
    ['provider_id', 'provider'],
    ['category_id', 'category'],
    ['moderated_by', 'moderated_by_ref'],
    ['parent', 'parent_ref'],
    ['_id', '_id_ref'],
  ])('%s → %s', (field, alias) => {
    expect(embedAlias(field)).toBe(alias);
  });
});

describe('buildSelect', () => {
  it.each<[string, ResourceDef, string]>([
    ['plain columns, key first, never *', def('tags', [column('name'), column('id'), column('slug')]), 'id,name,slug'],
    [
      'fkey hint when given',
      def('listings', [column('id'), relation('provider_id', 'users', 'full_name', 'listings_provider_id_fkey')]),
      'id,provider_id,provider:users!listings_provider_id_fkey(id,full_name)',
    ],
    [
      'no hint without fkey; label that is the key is not repeated',
      def('x', [column('id'), relation('owner', 'users', 'id')]),
      'id,owner,owner_ref:users(id)',
    ],
    [
      'target keyed by another column',
      def('prices', [column('id'), relation('currency_code', 'currencies', 'name')]),
      'id,currency_code,currency_code_ref:currencies(code,name)',
    ],
    [
      'composite-key target and composite-key table',
      def('tag_votes', [column('listing_id'), column('tag_id'), relation('user_id', 'listing_tags', 'tag_id')], {
        primaryKey: ['listing_id', 'tag_id', 'user_id'],
      }),
      'listing_id,tag_id,user_id,user:listing_tags(listing_id,tag_id)',
    ],
    [
      'a self-reference names its column, with or without fkey',
      def('categories', [
        column('id'),
        relation('parent_id', 'categories', 'name'),
        relation('merged_into', 'categories', 'name', 'categories_merged_into_fkey'),
      ]),
      'id,parent_id,merged_into,parent:parent_id(id,name),merged_into_ref:merged_into(id,name)',
    ],
    [
      'a computed relationship (no foreign key) embeds through its function',
      def('audit_logs', [
        column('id'),
        {
          name: 'actor_id',
          kind: 'relation',
          relation: { resource: 'users', labelField: 'full_name', computed: 'actor' },
        } as unknown as FieldDef,
      ]),
      'id,actor_id,actor:actor(id,full_name)',
    ],
    [
      'target missing from the registry defaults to id',
      def('x', [column('id'), relation('city_id', 'cities', 'name')]),
      'id,city_id,city:cities(id,name)',
    ],
  ])('%s', (_name, resource, select) => {
    expect(buildSelect(resource, lookup)).toBe(select);
  });

  it('a relation field without relation metadata is a plain column', () => {
    expect(embedFor({ name: 'city_id', kind: 'relation' } as unknown as FieldDef, 'listings', lookup)).toBeUndefined();
  });

  it('the listings entry: every declared column once, one embed per relation, no *', () => {
    const select = buildSelect(listings as unknown as ResourceDef);
    // split at commas outside the embeds' parentheses
    const parts = select.split(/,(?![^(]*\))/).filter((p) => !p.includes(':'));
    expect(parts).toEqual(listings.fields.map((f) => f.name));
    expect(select).not.toContain('*');
    expect(select).toContain('provider:users!listings_provider_id_fkey(id,full_name)');
    expect(select).toContain('moderated_by_ref:users!listings_moderated_by_fkey(id,full_name)');
    expect(select.match(/:\w+(!\w+)?\(/g)).toHaveLength(listings.fields.filter((f) => f.relation).length);
  });
});

describe('money whose currency is the parent record’s', () => {
  it('brings the currency along in the parent’s embed', () => {
    const select = buildSelect(getResource('invoice_items'));
    expect(select).toContain('invoice:invoices(id,number,currency)');
  });

  it.each([
    [{}, ['currency']],
    [{ currencyField: 'fee_currency' }, ['fee_currency']],
    [{ currencyField: 'invoice_id.currency' }, ['invoice', 'currency']],
  ])('%o is read from %o', (field, path) => {
    expect(currencyPath(field)).toEqual(path);
  });

  it.each([
    [{}, { currency: 'eur' }, 'EUR'],
    [{ currencyField: 'invoice_id.currency' }, { invoice: { id: 'i1', currency: 'JPY' } }, 'JPY'],
    [{ currencyField: 'invoice_id.currency' }, { invoice: null }, null],
    [{}, { currency: '' }, null],
  ])('%o in %o is %s', (field, record, currency) => {
    expect(currencyOf(field, record)).toBe(currency);
  });
});
