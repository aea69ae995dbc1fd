import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FieldValue } from '../../../src/components/fields/field-value';
import { embedAlias, enumColor, formatDuration, humanize } from '../../../src/components/fields/format';
import { getResource } from '../../../src/resources';
import type { FieldDef, FieldKind } from '../../../src/resources/types';

const listings = getResource('listings');
// Registry field names are typed per table; a generic ResourceDef only knows the shared ones.
const listingField = (name: string): FieldDef => listings.fields.find((f) => (f.name as string) === name)!;
const user = userEvent.setup({ delay: null });

// PostGIS hex for POINT(-74.006 40.7128) and a two-polygon multipolygon with bbox 0,0 → 21,22
const NEW_YORK = '0101000020E6100000AAF1D24D628052C05E4BC8073D5B4440';
const MULTIPOLYGON =
  '0106000020E6100000020000000103000000010000000500000000000000000000000000000000000000000000000000244000000000000000000000000000002440000000000000144000000000000000000000000000001440000000000000000000000000000000000103000000010000000400000000000000000034400000000000003440000000000000354000000000000034400000000000003540000000000000364000000000000034400000000000003440';
const UUID = '3f2c8e1a-9b4d-4c6e-8f00-123456789abc';

function field(kind: FieldKind, extra: Partial<FieldDef> = {}): FieldDef {
  return { name: 'value', label: 'Value', kind, ...extra } as FieldDef;
}

function renderValue(f: FieldDef, record: Record<string, unknown>, mode?: 'list' | 'show') {
  return render(
    <div data-testid="cell">
      <FieldValue field={f} record={record} def={listings} mode={mode} />
    </div>,
  );
}

describe('FieldValue: text per kind', () => {
  it.each<[string, FieldDef, Record<string, unknown>, 'list' | 'show', string]>([
    ['enum, underscores as spaces', field('enum'), { value: 'in_review' }, 'show', 'in review'],
    ['money in the record currency', field('money'), { value: 123456, currency: 'EUR' }, 'show', '€1,234.56'],
    [
      'money in a named currency column',
      field('money', { currencyField: 'payout_currency' }),
      { value: 500, payout_currency: 'JPY' },
      'show',
      '¥500',
    ],
    ['money without currency falls back to USD', field('money'), { value: 999 }, 'show', '$9.99'],
    ['integer, grouped', field('integer'), { value: 1234567 }, 'show', '1,234,567'],
    ['decimal', field('decimal'), { value: 1234.5 }, 'show', '1,234.5'],
    ['percent', field('percent'), { value: 12.5 }, 'show', '12.5%'],
    ['duration in hours and minutes', field('duration_minutes'), { value: 90 }, 'show', '1 h 30 min'],
    ['duration under an hour', field('duration_minutes'), { value: 45 }, 'show', '45 min'],
    ['geo point as lat, lng', field('geo_point'), { value: NEW_YORK }, 'show', '40.71280, -74.00600'],
    ['geo area as a summary', field('geo_area'), { value: MULTIPOLYGON }, 'show', '2 polygons, bbox 0, 0 → 21, 22'],
    ['uuid shortened in a list', field('uuid'), { value: UUID }, 'list', '3f2c8e1a…'],
    ['uuid whole on the show page', field('uuid'), { value: UUID }, 'show', UUID],
    ['short code whole in a list', field('code'), { value: 'USD' }, 'list', 'USD'],
    ['time of day', field('time'), { value: '09:30:00' }, 'show', '09:30'],
    ['ip', field('ip'), { value: '192.0.2.10' }, 'show', '192.0.2.10'],
    ['color', field('color'), { value: '#1f6feb' }, 'show', '#1f6feb'],
    ['text', field('text'), { value: 'Deep clean, 3 rooms' }, 'show', 'Deep clean, 3 rooms'],
    ['rating with its number', field('rating'), { value: 4.25 }, 'show', '4.25'],
    ['rating of a record nobody reviewed', field('rating'), { value: 0, rating_count: 0 }, 'list', 'No reviews yet'],
  ])('%s', (_name, f, record, mode, expected) => {
    renderValue(f, record, mode);
    expect(screen.getByTestId('cell')).toHaveTextContent(expected);
  });

  it.each<[FieldKind]>([['text'], ['money'], ['enum'], ['relation'], ['datetime'], ['json'], ['boolean'], ['tags']])(
    'shows a muted dash for a missing %s',
    (kind) => {
      renderValue(
        field(kind, kind === 'relation' ? { relation: { resource: 'users', labelField: 'full_name' } } : {}),
        {
          value: null,
        },
      );
      expect(screen.getByTestId('cell')).toHaveTextContent('—');
    },
  );
});

describe('FieldValue: links and widgets', () => {
  const provider = listingField('provider_id');

  it('labels a relation from its embedded record and links to it', () => {
    renderValue(provider, { provider_id: UUID, [embedAlias('provider_id')]: { id: UUID, full_name: 'Ada Lovelace' } });
    const link = screen.getByRole('link', { name: 'Ada Lovelace' });
    expect(link).toHaveAttribute('href', `/users/show/${UUID}`);
  });

  it('falls back to a shortened, still linked id when nothing is embedded', () => {
    renderValue(provider, { provider_id: UUID });
    expect(screen.getByRole('link', { name: '3f2c8e1a…' })).toHaveAttribute('href', `/users/show/${UUID}`);
  });

  it.each<[string, FieldDef, string, RegExp | string]>([
    ['email as mailto', field('email'), 'ops@loconomy.test', 'mailto:ops@loconomy.test'],
    ['url as an external link', field('url'), 'https://example.com/hook', 'https://example.com/hook'],
    ['geo point to OpenStreetMap', field('geo_point'), NEW_YORK, /openstreetmap\.org\/\?mlat=40\.71/],
  ])('%s', (_name, f, value, href) => {
    renderValue(f, { value });
    const link = screen.getByRole('link');
    if (typeof href === 'string') expect(link).toHaveAttribute('href', href);
    else expect(link.getAttribute('href')).toMatch(href);
  });

  it('opens external links without handing over window.opener', () => {
    renderValue(field('url'), { value: 'https://example.com' });
    expect(screen.getByRole('link')).toHaveAttribute('rel', expect.stringContaining('noopener'));
  });

  it('does not turn a javascript: url into a link', () => {
    renderValue(field('url'), { value: 'javascript:alert(1)' });
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it.each([
    [true, 'Yes'],
    [false, 'No'],
  ])('boolean %s reads as %s', (value, label) => {
    renderValue(field('boolean'), { value });
    expect(screen.getByRole('img', { name: label })).toBeInTheDocument();
  });

  it('keeps three tags in a list and counts the rest', () => {
    renderValue(field('tags'), { value: ['plumbing', 'emergency', 'weekend', 'boiler', 'gas'] }, 'list');
    const cell = screen.getByTestId('cell');
    expect(within(cell).getByText('weekend')).toBeInTheDocument();
    expect(within(cell).queryByText('boiler')).not.toBeInTheDocument();
    expect(within(cell).getByText('+2')).toBeInTheDocument();
  });

  it('shows every tag on the show page', () => {
    renderValue(field('tags'), { value: ['plumbing', 'emergency', 'weekend', 'boiler'] }, 'show');
    expect(screen.getByText('boiler')).toBeInTheDocument();
    expect(screen.queryByText(/^\+/)).not.toBeInTheDocument();
  });

  it('previews json on one line in a list, truncated', () => {
    const address = {
      line1: '1 Harbour Street',
      city: 'Springfield',
      postcode: '12345',
      country: 'US',
      note: 'ring twice',
    };
    renderValue(field('json'), { value: address }, 'list');
    const text = screen.getByTestId('cell').textContent ?? '';
    expect(text.startsWith('{"line1":"1 Harbour Street"')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(screen.getByTestId('cell').querySelector('pre')).toBeNull();
  });

  it('pretty-prints json in an expandable block on the show page', () => {
    renderValue(field('json'), { value: { city: 'Springfield' } }, 'show');
    const pre = screen.getByTestId('cell').querySelector('details pre');
    expect(pre?.textContent).toBe('{\n  "city": "Springfield"\n}');
  });

  it('copies the whole uuid even when the list shows it shortened', () => {
    renderValue(field('uuid'), { value: UUID }, 'list');
    expect(screen.getByRole('button', { name: /copy/i })).toBeInTheDocument();
    expect(screen.getByTitle(UUID)).toBeInTheDocument();
  });

  it('links the title field to the record in a list', () => {
    const title = listingField('title');
    renderValue(title, { id: UUID, title: 'Deep clean' }, 'list');
    expect(screen.getByRole('link', { name: 'Deep clean' })).toHaveAttribute('href', `/listings/show/${UUID}`);
  });

  it('paints a colour swatch', () => {
    renderValue(field('color'), { value: '#1f6feb' });
    expect(screen.getByTestId('color-swatch')).toHaveStyle({ background: '#1f6feb' });
  });
});

describe('FieldValue: timestamps', () => {
  it('shows the exact instant and timezone on hover', async () => {
    renderValue(field('datetime'), { value: '2026-03-01T12:34:56+00:00' }, 'show');
    const time = screen.getByTestId('cell').querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', '2026-03-01T12:34:56.000Z');
    await user.hover(time);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(
      await screen.findByText(new RegExp(`2026-03-0[12]T\\d\\d:\\d\\d:56[+-]\\d\\d:\\d\\d \\(${zone}\\)`)),
    ).toBeInTheDocument();
  });

  it('says how long ago a recent timestamp was in a list', () => {
    const threeHoursAgo = new Date(Date.now() - 3 * 3600_000).toISOString();
    renderValue(field('datetime'), { value: threeHoursAgo }, 'list');
    expect(screen.getByTestId('cell')).toHaveTextContent('3 hours ago');
  });

  it('shows a calendar date without shifting it across timezones', () => {
    renderValue(field('date'), { value: '2026-01-31' }, 'show');
    expect(screen.getByTestId('cell')).toHaveTextContent('31 Jan 2026');
  });
});

describe('format helpers', () => {
  it.each([
    ['active', 'green'],
    ['approved', 'green'],
    ['pending', 'gold'],
    ['in_review', 'gold'],
    ['rejected', 'red'],
    ['disputed', 'red'],
    ['cancelled', 'default'],
  ])('well-known status %s is %s', (value, color) => {
    expect(enumColor(value)).toBe(color);
  });

  it('gives unknown values a stable colour that is not a status colour', () => {
    for (const value of ['on_site', 'remote', 'hourly', 'fixed', 'customer_home']) {
      expect(enumColor(value)).toBe(enumColor(value));
      expect(['green', 'gold', 'red', 'default']).not.toContain(enumColor(value));
    }
  });

  it.each([
    ['provider_id', 'provider'],
    ['moderated_by', 'moderated_by_ref'],
  ])('embeds %s as %s', (name, alias) => {
    expect(embedAlias(name)).toBe(alias);
  });

  it.each([
    [0, '0 min'],
    [60, '1 h'],
    [1500, '1 d 1 h'],
  ])('duration %s minutes reads %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it('humanizes enum values', () => {
    expect(humanize('customer_home')).toBe('customer home');
  });
});
