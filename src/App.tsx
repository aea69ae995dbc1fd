import '@ant-design/v5-patch-for-react-19';
import 'antd/dist/reset.css';
import './styles.css';

import { Authenticated, Refine } from '@refinedev/core';
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, NavigateToResource } from '@refinedev/react-router';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { appCatalogue } from './app/app-catalogue';
import { appRoutes, signInStepRoutes } from './app/app-routes';
import { Lazy } from './app/lazy-page';
import { createPageTitle } from './app/page-title';
import { StaffOnly } from './app/staff-only';
import { Themed } from './app/themed';
import { AppLayout } from './components/layout/app-layout';
import { TwoFactorGate } from './features/two-factor/two-factor-gate';
import { ForgotPasswordPage, LoginPage } from './pages/login-page';
import { createAccessControlProvider } from './providers/access-control-provider';
import { createAuthProvider } from './providers/auth-provider';
import { ColorModeProvider } from './providers/color-mode';
import { dataProvider } from './providers/data-provider';
import { liveProvider } from './providers/live';
import { useNotificationProvider } from './providers/notification-provider';
import { supabaseClient } from './providers/supabase-client';
import { singularOf } from './resources';

// Only wiring: what is routed, listed and guarded comes from the declarations in
// src/features/*/index.ts and src/resources/ (see src/app/catalogue.ts).
const authProvider = createAuthProvider(supabaseClient);
const accessControlProvider = createAccessControlProvider(() => authProvider.loadPermissions(), appCatalogue);
const pageTitle = createPageTitle(appCatalogue);

export default function App() {
  return (
    <BrowserRouter>
      <ColorModeProvider>
        <Themed>
          <Refine
            dataProvider={dataProvider}
            liveProvider={liveProvider}
            authProvider={authProvider}
            accessControlProvider={accessControlProvider}
            routerProvider={routerProvider}
            notificationProvider={useNotificationProvider}
            resources={appCatalogue.resources}
            options={{
              syncWithLocation: true,
              warnWhenUnsavedChanges: true,
              disableTelemetry: true,
              textTransformers: { singular: singularOf },
            }}
          >
            <Routes>
              <Route
                element={
                  <Authenticated key="authenticated" fallback={<CatchAllNavigate to="/login" />}>
                    <StaffOnly>
                      <TwoFactorGate>
                        <AppLayout>
                          <Outlet />
                        </AppLayout>
                      </TwoFactorGate>
                    </StaffOnly>
                  </Authenticated>
                }
              >
                {appRoutes(appCatalogue)}
              </Route>
              <Route
                element={
                  <Authenticated key="two-factor" fallback={<CatchAllNavigate to="/login" />}>
                    <Lazy>
                      <Outlet />
                    </Lazy>
                  </Authenticated>
                }
              >
                {signInStepRoutes(appCatalogue)}
              </Route>
              <Route
                element={
                  <Authenticated key="anonymous" fallback={<Outlet />}>
                    <NavigateToResource fallbackTo="/" />
                  </Authenticated>
                }
              >
                <Route path="/login" element={<LoginPage />} />
                <Route path="/forgot-password" element={<ForgotPasswordPage />} />
              </Route>
            </Routes>
            <DocumentTitleHandler handler={pageTitle} />
          </Refine>
        </Themed>
      </ColorModeProvider>
    </BrowserRouter>
  );
}
