import { Refine, type AuthProvider } from '@refinedev/core';
import routerProvider from '@refinedev/react-router';
import { render } from '@testing-library/react';
import { App as AntdApp } from 'antd';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import { appRoutes } from '../../../src/app/app-routes';
import { createCatalogue, type Catalogue } from '../../../src/app/catalogue';
import { AppMenu } from '../../../src/components/layout/app-menu';
import { features } from '../../../src/features';
import { createAccessControlProvider } from '../../../src/providers/access-control-provider';
import { registry } from '../../../src/resources';
import type { StaffPermissions } from '../../../src/resources/permissions';
import { fakeDataProvider, type Rows } from '../resource-form/fixtures';
import payoutReview from './fixture-feature';

/** The app's own features and tables, plus the fixture feature from its folder. */
export const catalogueWithFixture = createCatalogue([...features, payoutReview], registry);

function authFor(permissions: StaffPermissions): AuthProvider {
  return {
    login: async () => ({ success: true }),
    logout: async () => ({ success: true }),
    check: async () => ({ authenticated: true }),
    onError: async () => ({}),
    getPermissions: async () => permissions,
    getIdentity: async () => ({ name: 'Test Staff', email: 'staff@loconomy.test' }),
  };
}

/**
 * The app shell as App wires it — the catalogue's resources in <Refine>, the access control
 * provider over the same catalogue, the menu and the route table built from it — at `path`.
 */
export function renderShell({
  path,
  permissions,
  catalogue = catalogueWithFixture,
  rows = {},
}: {
  path: string;
  permissions: StaffPermissions;
  catalogue?: Catalogue;
  rows?: Rows;
}) {
  const dataProvider = fakeDataProvider(rows);
  render(
    <MemoryRouter initialEntries={[path]}>
      <AntdApp>
        <Refine
          dataProvider={dataProvider}
          authProvider={authFor(permissions)}
          accessControlProvider={createAccessControlProvider(async () => permissions, catalogue)}
          routerProvider={routerProvider}
          resources={catalogue.resources}
          options={{
            disableTelemetry: true,
            reactQuery: { clientConfig: { defaultOptions: { queries: { retry: false } } } },
          }}
        >
          <Routes>
            <Route
              element={
                <>
                  <nav aria-label="Main">
                    <AppMenu collapsed={false} />
                  </nav>
                  <main>
                    <Outlet />
                  </main>
                </>
              }
            >
              {appRoutes(catalogue)}
            </Route>
          </Routes>
        </Refine>
      </AntdApp>
    </MemoryRouter>,
  );
  return dataProvider;
}
