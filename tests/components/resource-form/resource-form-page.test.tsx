import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, useParams } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import ResourceFormPage from '../../../src/components/resource-form/resource-form-page';
import { fakeDataProvider, fixtureResources, renderWithRefine, staff } from './fixtures';

vi.mock('../../../src/resources', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/resources')>();
  const { fixtureResources } = await import('./fixtures');
  return { ...original, findResource: (name: string | undefined) => (name ? fixtureResources[name] : undefined) };
});

// getComputedStyle over antd's injected styles is slow in jsdom: skip user-event's
// pointer-events check, and find elements by label or text rather than by role
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

const CATEGORY = { id: 'c1', name: 'Home cleaning' };
const LISTING = {
  id: 'l1',
  title: 'Deep clean',
  slug: 'deep-clean',
  category_id: 'c1',
  // embedded by the data provider's select; must never be sent back
  category: { id: 'c1', name: 'Home cleaning' },
  status: 'active',
  price_cents: 5000,
  currency: 'EUR',
  address: { city: 'Lisbon' },
  seo_title: null,
  is_featured: false,
  rating_average: 4.5,
  created_at: '2026-01-01T10:00:00+00:00',
  deleted_at: null,
};

function ShowStub() {
  const { id } = useParams();
  return <p>show page {id}</p>;
}

function renderForm(path: string, permissions = staff('listings.read', 'listings.moderate')) {
  const dataProvider = fakeDataProvider({
    listings: [LISTING],
    categories: [CATEGORY, { id: 'c2', name: 'Gardening' }],
  });
  renderWithRefine(
    <>
      <Route path="/listings/create" element={<ResourceFormPage def={fixtureResources.listings} action="create" />} />
      <Route path="/listings/edit/:id" element={<ResourceFormPage def={fixtureResources.listings} action="edit" />} />
      <Route path="/listings/show/:id" element={<ShowStub />} />
    </>,
    { path, dataProvider, permissions },
  );
  return dataProvider;
}

/** Waits for the record in the inputs (the page header re-renders its content once the title is known). */
async function loaded() {
  await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Deep clean'), { timeout: 5000 });
}

/** Types by pasting: one input event instead of one per key, the same for the form. */
async function fill(label: string, text: string) {
  await user.click(await screen.findByLabelText(label));
  await user.paste(text);
}

const save = () => user.click(screen.getByText('Save'));

describe('ResourceFormPage — create', () => {
  it('blocks submit while required fields are empty, with their messages', async () => {
    const dataProvider = renderForm('/listings/create');
    await screen.findByLabelText('Title');
    await save();
    expect(await screen.findByText('Title is required')).toBeInTheDocument();
    expect(screen.getByText('Slug is required')).toBeInTheDocument();
    expect(screen.getByText('Price is required')).toBeInTheDocument();
    expect(dataProvider.create).not.toHaveBeenCalled();
  });

  it('sends money typed in major units as integer minor units, with the defaults', async () => {
    const dataProvider = renderForm('/listings/create');
    await fill('Title', 'Window cleaning');
    await fill('Slug', 'window-cleaning');
    await fill('Price', '12.34');
    await save();
    await waitFor(() => expect(dataProvider.create).toHaveBeenCalledTimes(1));
    const { variables } = dataProvider.create.mock.calls[0][0];
    expect(variables).toEqual({
      title: 'Window cleaning',
      slug: 'window-cleaning',
      price_cents: 1234,
      currency: 'USD',
      status: 'draft',
      is_featured: false,
    });
    // redirect: 'show'
    expect(await screen.findByText('show page new-2')).toBeInTheDocument();
  });

  it('shows the pattern message and does not submit', async () => {
    const dataProvider = renderForm('/listings/create');
    await fill('Slug', 'Window Cleaning');
    await save();
    expect(await screen.findByText('Lowercase letters, digits and single hyphens')).toBeInTheDocument();
    expect(dataProvider.create).not.toHaveBeenCalled();
  });

  it('blocks submit while the JSON does not parse, then sends the parsed object', async () => {
    const dataProvider = renderForm('/listings/create');
    await fill('Title', 'Window cleaning');
    await fill('Slug', 'window-cleaning');
    await fill('Price', '10');
    const address = screen.getByLabelText('Address');
    await user.click(address);
    await user.paste('{"city": "Lisbon",');
    await user.tab();
    expect(await screen.findByText(/Not valid JSON/)).toBeInTheDocument();
    await save();
    // give a submit that got through validation the time to reach the data provider
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(dataProvider.create).not.toHaveBeenCalled();

    await user.clear(address);
    await user.click(address);
    await user.paste('{"city": "Lisbon"}');
    await user.tab();
    await waitFor(() => expect(screen.queryByText(/Not valid JSON/)).not.toBeInTheDocument());
    await save();
    await waitFor(() => expect(dataProvider.create).toHaveBeenCalledTimes(1));
    expect(dataProvider.create.mock.calls[0][0].variables.address).toEqual({ city: 'Lisbon' });
  });

  it('hides sensitive fields from callers without their permission', async () => {
    renderForm('/listings/create');
    await screen.findByLabelText('Title');
    expect(screen.queryByLabelText('SEO title')).not.toBeInTheDocument();
  });

  it('shows sensitive fields to holders of the permission', async () => {
    renderForm('/listings/create', staff('listings.read', 'listings.moderate', 'finance.read'));
    expect(await screen.findByLabelText('SEO title')).toBeInTheDocument();
  });

  it('shows help text under the input', async () => {
    renderForm('/listings/create');
    expect(await screen.findByText('Street, city and postcode as JSON.')).toBeInTheDocument();
  });
});

describe('ResourceFormPage — edit', () => {
  it('loads the record and sends only the changed fields', async () => {
    const dataProvider = renderForm('/listings/edit/l1');
    await loaded();
    const title = screen.getByLabelText('Title');
    // money is shown in major units of the record's currency
    expect(screen.getByLabelText('Price')).toHaveValue('50.00');
    expect(screen.getByText('EUR')).toBeInTheDocument();
    await user.clear(title);
    await user.type(title, 'Deeper clean');
    await save();
    await waitFor(() => expect(dataProvider.update).toHaveBeenCalledTimes(1));
    expect(dataProvider.update.mock.calls[0][0]).toMatchObject({ resource: 'listings', id: 'l1' });
    expect(dataProvider.update.mock.calls[0][0].variables).toEqual({ title: 'Deeper clean' });
  });

  it("shows the current relation's label", async () => {
    renderForm('/listings/edit/l1');
    await loaded();
    expect(await screen.findByText('Home cleaning')).toBeInTheDocument();
  });

  it('sends a changed money amount in minor units', async () => {
    const dataProvider = renderForm('/listings/edit/l1');
    await loaded();
    const price = screen.getByLabelText('Price');
    await user.clear(price);
    await user.type(price, '19.99');
    await save();
    await waitFor(() => expect(dataProvider.update).toHaveBeenCalledTimes(1));
    expect(dataProvider.update.mock.calls[0][0].variables).toEqual({ price_cents: 1999 });
  });

  it('shows a check violation on the field it names and keeps what was typed', async () => {
    const dataProvider = renderForm('/listings/edit/l1');
    dataProvider.update.mockRejectedValueOnce({
      code: '23514',
      statusCode: 23514,
      message: 'new row for relation "listings" violates check constraint "listings_price_cents_check"',
      details: null,
      hint: null,
    });
    await loaded();
    const price = screen.getByLabelText('Price');
    await user.clear(price);
    await user.type(price, '0');
    await save();
    expect(
      await screen.findByText('Price is not accepted by the database (check listings_price_cents_check)'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Price')).toHaveValue('0.00');
    expect(document.querySelector('.ant-alert-error')).toBeNull();
  });

  it('shows an error naming no field above the form', async () => {
    const dataProvider = renderForm('/listings/edit/l1');
    dataProvider.update.mockRejectedValueOnce({
      code: 'P0001',
      message: 'listing is locked for moderation',
      details: 'a moderator is reviewing it',
      hint: 'try again later',
    });
    await loaded();
    const title = screen.getByLabelText('Title');
    await user.type(title, '!');
    await save();
    const alert = (await screen.findByText('listing is locked for moderation')).closest('.ant-alert') as HTMLElement;
    expect(within(alert).getByText('a moderator is reviewing it')).toBeInTheDocument();
    expect(within(alert).getByText('Hint: try again later')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Deep clean!');
  });
});
