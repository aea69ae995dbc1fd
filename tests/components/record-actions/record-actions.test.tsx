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
    { name: 'status', label: 'Status', kind: 'text' },
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
    {
      key: 'suspend',
      label: 'Suspend',
      rpc: 'decide_key',
      idArgument: 'p_key_id',
      permission: 'keys.manage',
      confirm: 'Requests with it are refused until it is reinstated.',
      fixedArgs: { p_decision: 'suspend' },
      args: [
        { name: 'p_reason', label: 'Reason', kind: 'textarea', required: true, min: 3, suggestions: ['Leaked'] },
        { name: 'p_days', label: 'Days', kind: 'integer', min: 1, max: 30 },
      ],
      whileIn: { field: 'status', values: ['active'] },
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
        { id: 'k1', name: 'Billing sync', revoked_at: null, status: 'active' },
        { id: 'k2', name: 'Old import', revoked_at: '2026-01-01T00:00:00Z', status: 'retired' },
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

  it('offers an action guarded by an empty column only while it is empty, and one guarded by values only for them', async () => {
    renderKey('k2');
    expect((await screen.findAllByText('Old import')).length).toBeGreaterThan(0);
    expect(screen.getByText('Rotate secret')).toBeInTheDocument();
    expect(screen.queryByText('Revoke')).not.toBeInTheDocument();
    expect(screen.queryByText('Suspend')).not.toBeInTheDocument();
  });

  it('asks for an action’s inputs, checks them by the form rules before sending, then sends them with its fixed arguments', async () => {
    const dataProvider = renderKey('k1');
    await user.click(await screen.findByText('Suspend'));
    const dialog = (await screen.findByText('Suspend this key?')).closest<HTMLElement>('[role="dialog"]')!;
    expect(within(dialog).getByText('Requests with it are refused until it is reinstated.')).toBeInTheDocument();
    const send = () => user.click(within(dialog).getByText('Suspend', { selector: 'button span' }));

    await send();
    expect(await within(dialog).findByText('Reason is required')).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText('Reason'));
    await user.paste('ab');
    await send();
    expect(await within(dialog).findByText('Reason needs at least 3 characters')).toBeInTheDocument();
    expect(dataProvider.custom).not.toHaveBeenCalled();

    await user.click(within(dialog).getByLabelText('Reason'));
    await user.paste(' leaked in a build log');
    await user.click(within(dialog).getByLabelText(/^Days/));
    await user.paste('7');
    await send();
    await waitFor(() => expect(dataProvider.custom).toHaveBeenCalledTimes(1));
    expect(dataProvider.custom.mock.calls[0][0]).toMatchObject({
      url: 'rpc/decide_key',
      payload: { p_key_id: 'k1', p_decision: 'suspend', p_reason: 'ab leaked in a build log', p_days: 7 },
    });
  });

  it('offers nothing without the action’s permission', async () => {
    renderKey('k1', staff('keys.read'));
    expect((await screen.findAllByText('Billing sync')).length).toBeGreaterThan(0);
    expect(screen.queryByText('Rotate secret')).not.toBeInTheDocument();
    expect(screen.queryByText('Revoke')).not.toBeInTheDocument();
  });
});
