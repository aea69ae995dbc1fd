import '@ant-design/v5-patch-for-react-19';
import 'antd/dist/reset.css';
import './styles.css';

import {
  Authenticated,
  CanAccess,
  Refine,
  useGetIdentity,
  useResourceParams,
  type ResourceProps,
} from '@refinedev/core';
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, NavigateToResource } from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider, Skeleton, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { AppLayout } from './components/layout/app-layout';
import { themeConfig } from './theme';
import { TWO_FACTOR_CODE_PATH, TWO_FACTOR_ENROL_PATH } from './features/two-factor/paths';
import { TwoFactorGate } from './features/two-factor/two-factor-gate';
import { ForgotPasswordPage, LoginPage } from './pages/login-page';
import { createAccessControlProvider } from './providers/access-control-provider';
import { createAuthProvider } from './providers/auth-provider';
import { ColorModeProvider } from './providers/color-mode';
import { useColorMode } from './providers/use-color-mode';
import { dataProvider } from './providers/data-provider';
import { useNotificationProvider } from './providers/notification-provider';
import type { StaffIdentity } from './providers/identity';
import { supabaseClient } from './providers/supabase-client';
import { findResource, refineResources, registry, singularOf } from './resources';

// Pages load on demand: the sign-in route carries no table code, and maps and charts come
// only with the pages that draw them.
const DashboardPage = lazy(() => import('./features/dashboard/dashboard-page'));
const ResourceListPage = lazy(() => import('./components/resource-list/resource-list-page'));
const ResourceShowPage = lazy(() => import('./components/resource-show/resource-show-page'));
const ResourceFormPage = lazy(() => import('./components/resource-form/resource-form-page'));
// Rarely seen, and antd's Result carries large illustrations.
const ForbiddenPage = lazy(() => import('./pages/forbidden-page'));
const NotFoundPage = lazy(() => import('./pages/not-found-page'));
const NotStaffPage = lazy(() => import('./pages/not-staff-page'));
// The two-factor steps come after the password, and the security page from the account menu.
const TwoFactorCodePage = lazy(() => import('./features/two-factor/two-factor-code-page'));
const TwoFactorEnrolPage = lazy(() => import('./features/two-factor/two-factor-enrol-page'));
const AccountSecurityPage = lazy(() => import('./features/two-factor/account-security-page'));

const authProvider = createAuthProvider(supabaseClient);
const accessControlProvider = createAccessControlProvider(() => authProvider.loadPermissions());

function PageFallback() {
  return <Skeleton active paragraph={{ rows: 8 }} style={{ padding: 24 }} />;
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageFallback />}>{children}</Suspense>;
}

// Customers and providers can hold valid sessions too; they get a clear answer, not a menu.
function StaffOnly({ children }: { children: ReactNode }) {
  const { data: identity, isLoading } = useGetIdentity<StaffIdentity>();
  if (isLoading) return <Spin fullscreen />;
  if (!identity?.isStaff) {
    return (
      <Lazy>
        <NotStaffPage email={identity?.email} />
      </Lazy>
    );
  }
  return <>{children}</>;
}

// Each table route checks the access control provider for its resource and action first.
function Guarded({ children }: { children: ReactNode }) {
  const { resource } = useResourceParams();
  return (
    <CanAccess
      fallback={<ForbiddenPage what={resource?.meta?.label ? String(resource.meta.label).toLowerCase() : undefined} />}
    >
      {children}
    </CanAccess>
  );
}

function pageTitle({
  resource,
  action,
  params,
}: {
  resource?: ResourceProps;
  action?: string;
  params?: Record<string, string | undefined>;
}) {
  const def = findResource(resource?.name);
  const suffix = 'Loconomy Admin';
  if (!def) return resource?.meta?.label ? `${resource.meta.label} · ${suffix}` : `Dashboard · ${suffix}`;
  const id = params?.id ? ` ${params.id.slice(0, 8)}` : '';
  switch (action) {
    case 'show':
      return `${def.singular}${id} · ${suffix}`;
    case 'edit':
      return `Edit ${def.singular.toLowerCase()}${id} · ${suffix}`;
    case 'create':
      return `New ${def.singular.toLowerCase()} · ${suffix}`;
    default:
      return `${def.label} · ${suffix}`;
  }
}

function Themed({ children }: { children: ReactNode }) {
  const { mode } = useColorMode();
  return (
    <ConfigProvider
      theme={themeConfig(mode)}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

export default function App() {
  return (
    <BrowserRouter>
      <ColorModeProvider>
        <Themed>
          <Refine
            dataProvider={dataProvider}
            authProvider={authProvider}
            accessControlProvider={accessControlProvider}
            routerProvider={routerProvider}
            notificationProvider={useNotificationProvider}
            resources={refineResources}
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
                          <Lazy>
                            <Outlet />
                          </Lazy>
                        </AppLayout>
                      </TwoFactorGate>
                    </StaffOnly>
                  </Authenticated>
                }
              >
                <Route index element={<DashboardPage />} />
                <Route path="account/security" element={<AccountSecurityPage />} />
                {registry.map((def) => (
                  <Route key={def.name} path={def.name}>
                    <Route
                      index
                      element={
                        <Guarded>
                          <ResourceListPage />
                        </Guarded>
                      }
                    />
                    <Route
                      path="show/:id"
                      element={
                        <Guarded>
                          <ResourceShowPage />
                        </Guarded>
                      }
                    />
                    <Route
                      path="create"
                      element={
                        <Guarded>
                          <ResourceFormPage action="create" />
                        </Guarded>
                      }
                    />
                    <Route
                      path="edit/:id"
                      element={
                        <Guarded>
                          <ResourceFormPage action="edit" />
                        </Guarded>
                      }
                    />
                  </Route>
                ))}
                <Route path="*" element={<NotFoundPage />} />
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
                <Route path={TWO_FACTOR_CODE_PATH} element={<TwoFactorCodePage />} />
                <Route path={TWO_FACTOR_ENROL_PATH} element={<TwoFactorEnrolPage />} />
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
