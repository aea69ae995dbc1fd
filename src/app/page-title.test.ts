import { describe, expect, it } from 'vitest';
import { appCatalogue } from './app-catalogue';
import { createPageTitle } from './page-title';

const title = createPageTitle(appCatalogue);

describe('page titles', () => {
  it.each([
    [{ resource: { name: 'dashboard' }, action: 'list', pathname: '/' }, 'Dashboard · Loconomy Admin'],
    [{ resource: { name: 'account-security' }, action: 'list' }, 'Account security · Loconomy Admin'],
    [{ resource: { name: 'listings' }, action: 'list' }, 'Listings · Loconomy Admin'],
    [
      { resource: { name: 'listings' }, action: 'show', params: { id: '0b7d2f7e-1111-2222' } },
      'Listing 0b7d2f7e · Loconomy Admin',
    ],
    [{ resource: { name: 'bookings' }, action: 'edit', params: { id: 'abc' } }, 'Edit booking abc · Loconomy Admin'],
    [{ resource: { name: 'categories' }, action: 'create' }, 'New category · Loconomy Admin'],
    [{ pathname: '/login' }, 'Sign in · Loconomy Admin'],
    [{ pathname: '/no-such-page' }, 'Loconomy Admin'],
  ])('%o → %s', (options, expected) => {
    expect(title(options)).toBe(expected);
  });
});
