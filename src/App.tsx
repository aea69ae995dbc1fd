import '@ant-design/v5-patch-for-react-19';
import '@refinedev/antd/dist/reset.css';

import { ErrorComponent, ThemedLayout, useNotificationProvider } from '@refinedev/antd';
import { Authenticated, Refine } from '@refinedev/core';
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, NavigateToResource } from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { AppTitle } from './components/app-title';
import { HomePage } from './pages/home-page';
import { ForgotPasswordPage, LoginPage } from './pages/login-page';
import { createAuthProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { supabaseClient } from './providers/supabase-client';
import { refineResources } from './resources';

const authProvider = createAuthProvider(supabaseClient);

export default function App() {
  return (
    <BrowserRouter>
      <ConfigProvider theme={{ token: { colorPrimary: '#1f6feb' } }}>
        <AntdApp>
          <Refine
            dataProvider={dataProvider}
            authProvider={authProvider}
            routerProvider={routerProvider}
            notificationProvider={useNotificationProvider}
            resources={refineResources}
            options={{ syncWithLocation: true, warnWhenUnsavedChanges: true, disableTelemetry: true }}
          >
            <Routes>
              <Route
                element={
                  <Authenticated key="authenticated" fallback={<CatchAllNavigate to="/login" />}>
                    <ThemedLayout Title={AppTitle}>
                      <Outlet />
                    </ThemedLayout>
                  </Authenticated>
                }
              >
                <Route index element={<HomePage />} />
                <Route path="*" element={<ErrorComponent />} />
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
            <DocumentTitleHandler handler={({ resource }) => (resource?.meta?.label ? `${resource.meta.label} · Loconomy Admin` : 'Loconomy Admin')} />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
