import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form } from 'antd';
import { Route } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { FieldInput } from '../../../src/components/inputs/field-input';
import { rulesFor } from '../../../src/components/inputs/field-rules';
import type { FieldDef, ResourceDef } from '../../../src/resources/types';
import { fakeDataProvider, listingsDef, renderWithRefine, staff } from '../resource-form/fixtures';

vi.mock('../../../src/resources', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/resources')>();
  const { fixtureResources } = await import('../resource-form/fixtures');
  return { ...original, findResource: (name: string | undefined) => (name ? fixtureResources[name] : undefined) };
});

// see tests/components/resource-form: user-event's pointer check is slow over antd's styles
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const def = listingsDef as unknown as ResourceDef;

const field = (partial: Omit<Partial<FieldDef>, 'name'> & { name: string; kind: FieldDef['kind'] }): FieldDef =>
  ({ label: partial.name, ...partial }) as unknown as FieldDef;

/** One field in a real antd Form; resolves what the form submits. */
function OneField({
  fields,
  initialValues,
  onFinish,
}: {
  fields: FieldDef[];
  initialValues?: Record<string, unknown>;
  onFinish: (values: Record<string, unknown>) => void;
}) {
  return (
    <Form layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      {fields.map((f) => (
        <Form.Item key={f.name} name={f.name} label={f.label} rules={rulesFor(f)}>
          <FieldInput field={f} def={def} />
        </Form.Item>
      ))}
      <button type="submit">Submit</button>
    </Form>
  );
}

function renderField(fields: FieldDef[], initialValues?: Record<string, unknown>) {
  const onFinish = vi.fn();
  render(<OneField fields={fields} initialValues={initialValues} onFinish={onFinish} />);
  return onFinish;
}

const submit = () => user.click(screen.getByText('Submit'));

describe('MoneyInput', () => {
  it.each([
    ['USD', '12.34', 1234],
    ['USD', '0.1', 10],
    ['JPY', '1500', 1500],
    ['KWD', '1.234', 1234],
  ])('%s typed as %s is submitted as %i minor units', async (currency, typed, minor) => {
    const onFinish = renderField([field({ name: 'price_cents', label: 'Price', kind: 'money' })], { currency });
    await user.click(screen.getByLabelText('Price'));
    await user.paste(typed);
    expect(screen.getByText(currency)).toBeInTheDocument();
    await submit();
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(onFinish.mock.calls[0][0]).toEqual({ price_cents: minor });
  });

  it('shows stored minor units in major units of the currency field the registry names', () => {
    renderField([field({ name: 'fee_cents', label: 'Fee', kind: 'money', currencyField: 'fee_currency' })], {
      fee_cents: 123456,
      fee_currency: 'EUR',
    });
    expect(screen.getByLabelText('Fee')).toHaveValue('1234.56');
    expect(screen.getByText('EUR')).toBeInTheDocument();
  });
});

describe('DateInput', () => {
  it('offers quick picks in days from now where the field names them, and submits the picked moment', async () => {
    const onFinish = renderField([field({ name: 'p_until', label: 'Until', kind: 'datetime', presetDays: [1, 7] })]);
    await user.click(screen.getByLabelText('Until'));
    expect(await screen.findByText('In 1 day')).toBeInTheDocument();
    const before = Date.now();
    await user.click(screen.getByText('In 7 days'));
    await submit();
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    const until = Date.parse(onFinish.mock.calls[0][0].p_until as string);
    const week = 7 * 24 * 3600_000;
    expect(until - before).toBeGreaterThan(week - 60_000);
    expect(until - Date.now()).toBeLessThan(week + 60_000);
  });
});

describe('JsonInput', () => {
  const address = field({ name: 'address', label: 'Address', kind: 'json' });

  it('puts the parsed JSON in the form, not a string', async () => {
    const onFinish = renderField([address]);
    await user.click(screen.getByLabelText('Address'));
    await user.paste('[1, {"a": true}]');
    await submit();
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(onFinish.mock.calls[0][0]).toEqual({ address: [1, { a: true }] });
  });

  it('blocks submit with the parse error and keeps the text', async () => {
    const onFinish = renderField([address]);
    await user.click(screen.getByLabelText('Address'));
    await user.paste('{"a": }');
    await submit();
    expect(await screen.findByText(/Not valid JSON/)).toBeInTheDocument();
    expect(onFinish).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Address')).toHaveValue('{"a": }');
  });

  it('formats valid JSON', async () => {
    renderField([address], { address: { b: 1 } });
    const box = screen.getByLabelText('Address');
    fireEvent.change(box, { target: { value: '{"b":1,"c":[2]}' } });
    await user.click(screen.getByText('Format'));
    expect(box).toHaveValue('{\n  "b": 1,\n  "c": [\n    2\n  ]\n}');
  });

  it('submits an emptied box as null', async () => {
    const onFinish = renderField([address], { address: { b: 1 } });
    await user.clear(screen.getByLabelText('Address'));
    await submit();
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(onFinish.mock.calls[0][0]).toEqual({ address: null });
  });
});

describe('GeoPointInput', () => {
  const location = field({ name: 'location', label: 'Location', kind: 'geo_point' });
  // POINT(-9.14 38.72) as PostgREST returns it
  const LISBON_EWKB = '0101000020E610000048E17A14AE4722C05C8FC2F5285C4340';

  it('reads hex EWKB into latitude and longitude', () => {
    renderField([location], { location: LISBON_EWKB });
    expect(screen.getByLabelText('Latitude')).toHaveValue('38.72');
    expect(screen.getByLabelText('Longitude')).toHaveValue('-9.14');
  });

  it('writes EWKT', async () => {
    const onFinish = renderField([location]);
    await user.click(screen.getByLabelText('Latitude'));
    await user.paste('41.15');
    await user.click(screen.getByLabelText('Longitude'));
    await user.paste('-8.61');
    await submit();
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(onFinish.mock.calls[0][0]).toEqual({ location: 'SRID=4326;POINT(-8.61 41.15)' });
  });

  it.each([
    ['half a coordinate', '41.15', '', /Enter both latitude and longitude/],
    ['a latitude out of range', '95', '10', /Latitude must be between -90 and 90/],
  ])('blocks %s', async (_what, lat, lng, message) => {
    const onFinish = renderField([location]);
    await user.click(screen.getByLabelText('Latitude'));
    await user.paste(lat);
    if (lng) {
      await user.click(screen.getByLabelText('Longitude'));
      await user.paste(lng);
    }
    await submit();
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('offers the map picker without loading it', () => {
    renderField([location]);
    expect(screen.getByText('Pick on map')).toBeInTheDocument();
    expect(document.querySelector('.leaflet-container')).toBeNull();
  });
});

describe('other kinds', () => {
  it('enum: offers the Postgres enum values with spaces for underscores', async () => {
    renderField([field({ name: 'location_type', label: 'Location type', kind: 'enum', enum: 'location_type' })]);
    await user.click(screen.getByLabelText('Location type'));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(3));
    const labels = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
    expect(labels).toEqual(['on site', 'remote', 'both']);
  });

  it('boolean, tags and numbers submit their typed values', async () => {
    const onFinish = renderField(
      [
        field({ name: 'is_featured', label: 'Featured', kind: 'boolean' }),
        field({ name: 'keywords', label: 'Keywords', kind: 'tags' }),
        field({ name: 'radius', label: 'Radius', kind: 'integer', min: 0 }),
      ],
      { is_featured: false, keywords: ['plumbing'] },
    );
    await user.click(screen.getByLabelText('Featured'));
    await user.click(screen.getByLabelText('Keywords'));
    await user.paste('leaks,');
    await user.click(screen.getByLabelText('Radius'));
    await user.paste('1500');
    await submit();
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(onFinish.mock.calls[0][0]).toEqual({ is_featured: true, keywords: ['plumbing', 'leaks'], radius: 1500 });
  });

  it('tags with a closed list: offers only the allowed values and submits the picked ones', async () => {
    const onFinish = renderField(
      [field({ name: 'events', label: 'Events', kind: 'tags', options: ['*', 'booking.created', 'payout.paid'] })],
      { events: ['payout.paid'] },
    );
    await user.click(screen.getByLabelText('Events'));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(3));
    await user.paste('booking.unknown');
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(0));
    await user.clear(screen.getByLabelText('Events'));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(3));
    await user.click(document.querySelector('.ant-select-item-option[title="booking.created"]')!);
    await submit();
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(onFinish.mock.calls[0][0]).toEqual({ events: ['payout.paid', 'booking.created'] });
  });

  it('date: holds ISO text', async () => {
    const onFinish = renderField([field({ name: 'starts_on', label: 'Starts', kind: 'date' })], {
      starts_on: '2026-03-01',
    });
    expect(screen.getByLabelText('Starts')).toHaveValue('2026-03-01');
    await submit();
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(onFinish.mock.calls[0][0]).toEqual({ starts_on: '2026-03-01' });
  });
});

describe('RelationSelect', () => {
  function renderRelation(relation: FieldDef['relation'], value?: string) {
    const dataProvider = fakeDataProvider({
      categories: [
        { id: 'c1', name: 'Home cleaning' },
        { id: 'c2', name: 'Gardening' },
      ],
      listings: [
        { id: 'l1', title: 'Deep clean' },
        { id: 'l2', title: 'Lawn mowing' },
      ],
    });
    const onFinish = vi.fn();
    renderWithRefine(
      <Route
        path="/"
        element={
          <OneField
            fields={[field({ name: 'target_id', label: 'Target', kind: 'relation', relation })]}
            initialValues={{ target_id: value }}
            onFinish={onFinish}
          />
        }
      />,
      { path: '/', dataProvider, permissions: staff() },
    );
    return { dataProvider, onFinish };
  }

  it('searches the target over its picker columns on the server and submits the id', async () => {
    const { dataProvider, onFinish } = renderRelation({ resource: 'categories', labelField: 'name' });
    const select = screen.getByLabelText('Target');
    await user.click(select);
    await user.paste('gard');
    await waitFor(() =>
      expect(dataProvider.getList).toHaveBeenCalledWith(
        expect.objectContaining({
          resource: 'categories',
          filters: [{ operator: 'or', value: [{ field: 'name', operator: 'contains', value: 'gard' }] }],
        }),
      ),
    );
    await user.click(await screen.findByText('Gardening'));
    await submit();
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(onFinish.mock.calls[0][0]).toEqual({ target_id: 'c2' });
  });

  it('uses the target resource search when it has one', async () => {
    const { dataProvider } = renderRelation({ resource: 'listings', labelField: 'title' });
    await user.click(screen.getByLabelText('Target'));
    await user.paste('lawn');
    await waitFor(() =>
      expect(dataProvider.getList).toHaveBeenCalledWith(
        expect.objectContaining({
          resource: 'listings',
          filters: [{ field: 'q', operator: 'contains', value: 'lawn' }],
        }),
      ),
    );
  });

  it("shows the current value's label, fetched by id", async () => {
    const { dataProvider } = renderRelation({ resource: 'categories', labelField: 'name' }, 'c1');
    expect(await screen.findByText('Home cleaning')).toBeInTheDocument();
    expect(dataProvider.getMany).toHaveBeenCalledWith(expect.objectContaining({ resource: 'categories', ids: ['c1'] }));
    // nothing was chosen: the clear button is offered since the field is optional
    await act(async () => undefined);
    expect(document.querySelector('.ant-select-clear')).not.toBeNull();
  });
});
