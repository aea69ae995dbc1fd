import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import ResourceShowPage from '../../../src/components/resource-show/resource-show-page';
import type { ResourceDef } from '../../../src/resources/types';
import { fakeDataProvider, fixtureResources, renderWithRefine, staff } from '../resource-form/fixtures';

// A small table with two record actions: one that reveals a secret, one that only applies
// while a column is empty. The data provider is a fake; the integration and end-to-end tests
// call the real functions.
const keysDef = {
  ...fixtureResources.categories,
  name: 'keys',
  label: 'Keys',
  singular: 'Key',
  titleField: 'name',
  fields: [
    { name: 'id', label: 'ID', kind: 'uuid' },
    { name: 'name', label: 'Name', kind: 'text' },
    { name: 'revoked_at', label: 'Revoked', kind: 'datetime' },
  ],
  permissions: { list: 'keys.read' },
  writes: [],
  actions: [
    {
      key: 'rotate',
      label: 'Rotate secret',
      rpc: 'rotate_key_secret',
      idArgument: 'p_key_id',
      permission: 'keys.manage',
      confirm: 'The old secret stops working.',
      reveals: 'New secret',
    },
    {
      key: 'revoke',
      label: 'Revoke',
      rpc: 'revoke_key',
      idArgument: 'p_key_id',
      permission: 'keys.manage',
      confirm: 'It cannot be undone.',
      danger: true,
      whileNull: 'revoked_at',
    },
  ],
} as unknown as ResourceDef;

vi.mock('../../../src/resources', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/resources')>();
  return { ...original, findResource: (name: string | undefined) => (name === 'keys' ? keysDef : undefined) };
});

const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

function renderKey(id: string, permissions = staff('keys.read', 'keys.manage')) {
  const dataProvider = Object.assign(
    fakeDataProvider({
      keys: [
        { id: 'k1', name: 'Billing sync', revoked_at: null },
        { id: 'k2', name: 'Old import', revoked_at: '2026-01-01T00:00:00Z' },
      ],
    }),
    { custom: vi.fn(async ({ meta }) => ({ data: meta?.rpc === 'rotate_key_secret' ? 'whsec_new' : null })) },
  );
  renderWithRefine(<Route path="/keys/show/:id" element={<ResourceShowPage def={keysDef} />} />, {
    path: `/keys/show/${id}`,
    dataProvider,
    permissions,
    resources: [{ name: 'keys', list: '/keys', show: '/keys/show/:id' }],
  });
  return dataProvider;
}

const confirmOf = async (text: string) => (await screen.findByText(text)).closest('.ant-popover') as HTMLElement;

describe('RecordActions on the show page', () => {
  it('asks first, then calls the function with the record id and shows the secret once', async () => {
    const dataProvider = renderKey('k1');
    await user.click(await screen.findByText('Rotate secret'));
    expect(dataProvider.custom).not.toHaveBeenCalled();
    await user.click(within(await confirmOf('The old secret stops working.')).getByText('Rotate secret'));
    await waitFor(() => expect(dataProvider.custom).toHaveBeenCalledTimes(1));
    expect(dataProvider.custom.mock.calls[0][0]).toMatchObject({
      method: 'post',
      payload: { p_key_id: 'k1' },
      meta: { rpc: 'rotate_key_secret' },
    });
    expect(await screen.findByText('whsec_new')).toBeInTheDocument();
    expect(screen.getByText('Copy it now: it is not shown again.')).toBeInTheDocument();
    await user.click(screen.getByText('I have copied it'));
    await waitFor(() => expect(screen.queryByText('whsec_new')).not.toBeInTheDocument());
  });

  it('offers an action guarded by an empty column only while it is empty', async () => {
    renderKey('k2');
    expect((await screen.findAllByText('Old import')).length).toBeGreaterThan(0);
    expect(screen.getByText('Rotate secret')).toBeInTheDocument();
    expect(screen.queryByText('Revoke')).not.toBeInTheDocument();
  });

  it('offers nothing without the action’s permission', async () => {
    renderKey('k1', staff('keys.read'));
    expect((await screen.findAllByText('Billing sync')).length).toBeGreaterThan(0);
    expect(screen.queryByText('Rotate secret')).not.toBeInTheDocument();
    expect(screen.queryByText('Revoke')).not.toBeInTheDocument();
  });
});
