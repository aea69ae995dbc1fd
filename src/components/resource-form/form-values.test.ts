import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { listings } from '../../resources/catalog';
import type { FieldDef, ResourceDef } from '../../resources/types';
import { changedValues, createDefaults, formFieldsFor, isLongField, normalizeValues } from './form-values';

const def = listings as unknown as ResourceDef;
// FieldDef over every table only admits the columns all tables share; tests name their own
const field = (partial: Omit<Partial<FieldDef>, 'name'> & { name: string; kind: FieldDef['kind'] }): FieldDef =>
  ({ label: partial.name, ...partial }) as unknown as FieldDef;

describe('formFieldsFor', () => {
  const names = (fields: FieldDef[]) => fields.map((f) => f.name);

  it('offers create-only columns on create and never server-set ones', () => {
    const create = names(formFieldsFor(def, 'create'));
    expect(create).toContain('provider_id');
    expect(create).toContain('title');
    expect(create).not.toContain('id');
    expect(create).not.toContain('moderation_status');
    expect(create).not.toContain('created_at');
  });

  it('leaves create-only columns out of edit', () => {
    expect(names(formFieldsFor(def, 'edit'))).not.toContain('provider_id');
  });

  it('offers edit-only columns only on edit', () => {
    const custom = {
      ...def,
      fields: [field({ name: 'a', kind: 'text', form: 'edit' }), field({ name: 'b', kind: 'text' })],
    };
    expect(names(formFieldsFor(custom as ResourceDef, 'create'))).toEqual(['b']);
    expect(names(formFieldsFor(custom as ResourceDef, 'edit'))).toEqual(['a', 'b']);
  });

  it('hides fields the caller may not see', () => {
    const custom = {
      ...def,
      fields: [field({ name: 'a', kind: 'text', sensitive: 'finance.read' }), field({ name: 'b', kind: 'text' })],
    };
    expect(names(formFieldsFor(custom as ResourceDef, 'edit', (f) => !f.sensitive))).toEqual(['b']);
  });
});

describe('createDefaults', () => {
  it('takes the registry defaults, false included', () => {
    expect(createDefaults(formFieldsFor(def, 'create'))).toMatchObject({
      status: 'draft',
      currency: 'USD',
      is_featured: false,
    });
  });
});

describe('isLongField', () => {
  it.each([
    ['textarea', true],
    ['json', true],
    ['geo_point', true],
    ['geo_area', true],
    ['text', false],
    ['money', false],
  ] as const)('%s → %s', (kind, expected) => expect(isLongField({ kind })).toBe(expected));
});

describe('normalizeValues', () => {
  const fields = [
    field({ name: 'title', kind: 'text', required: true }),
    field({ name: 'seo_title', kind: 'text' }),
    field({ name: 'price_cents', kind: 'money' }),
    field({ name: 'published_on', kind: 'date' }),
    field({ name: 'starts_at', kind: 'datetime' }),
    field({ name: 'area', kind: 'geo_area' }),
  ];

  it('sends only the form fields, dropping embedded relations and read-only columns', () => {
    const payload = normalizeValues(fields, {
      title: 'Deep clean',
      provider: { id: 'u1', full_name: 'Ana' },
      rating_average: 4.5,
    });
    expect(payload).toEqual({ title: 'Deep clean' });
  });

  it('empties nullable text to null, keeps required text as typed for validation', () => {
    expect(normalizeValues(fields, { title: '', seo_title: '' })).toEqual({ title: '', seo_title: null });
  });

  it('turns dayjs values into ISO text and money into whole minor units', () => {
    expect(
      normalizeValues(fields, {
        published_on: dayjs('2026-03-01T12:00:00'),
        starts_at: dayjs('2026-03-01T09:30:00.000Z'),
        price_cents: 1233.9999999,
      }),
    ).toEqual({ published_on: '2026-03-01', starts_at: '2026-03-01T09:30:00.000Z', price_cents: 1234 });
  });

  it('never writes geography areas', () => {
    expect(normalizeValues(fields, { area: '0106000020E6100000' })).toEqual({});
  });
});

describe('changedValues', () => {
  const fields = [
    field({ name: 'title', kind: 'text' }),
    field({ name: 'price_cents', kind: 'money' }),
    field({ name: 'starts_at', kind: 'datetime' }),
    field({ name: 'address', kind: 'json' }),
    field({ name: 'seo_title', kind: 'text' }),
  ];
  const record = {
    title: 'Deep clean',
    price_cents: '5000',
    starts_at: '2026-03-01T09:30:00+00:00',
    address: { city: 'Lisbon', zip: '1000' },
    seo_title: null,
  };

  it('keeps only what differs from the record as loaded', () => {
    const payload = {
      title: 'Deep clean',
      price_cents: 5000,
      starts_at: '2026-03-01T09:30:00.000Z',
      address: { zip: '1000', city: 'Lisbon' },
      seo_title: null,
    };
    expect(changedValues(fields, payload, record)).toEqual({});
    expect(changedValues(fields, { ...payload, title: 'Deeper clean', address: { city: 'Porto' } }, record)).toEqual({
      title: 'Deeper clean',
      address: { city: 'Porto' },
    });
  });

  it('sends a cleared value as null', () => {
    expect(changedValues(fields, { title: null }, record)).toEqual({ title: null });
  });

  it('sends everything when there is no record (create)', () => {
    expect(changedValues(fields, { title: 'x' }, undefined)).toEqual({ title: 'x' });
  });
});
