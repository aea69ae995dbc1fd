import { Grid, Layout, theme } from 'antd';
import { useState, type ReactNode } from 'react';
import { AppTitle } from '../app-title';
import { AppHeader } from './app-header';
import { AppMenu } from './app-menu';

// Wide enough for the longest table label two levels down (heading, domain group, table) in
// Debian's DejaVu Sans; the e2e menu walk fails if any label is cut off.
const SIDER_WIDTH = 256;

// Sider (collapsible, collapsed by default below a laptop's width), sticky header, content.
export function AppLayout({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const isCollapsed = collapsed ?? screens.lg === false;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        className="app-sider"
        collapsible
        collapsed={isCollapsed}
        onCollapse={setCollapsed}
        width={SIDER_WIDTH}
        collapsedWidth={64}
        theme="light"
        style={{
          position: 'sticky',
          top: 0,
          height: '100vh',
          borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
          background: token.colorBgContainer,
        }}
      >
        <nav aria-label="Main">
          <div
            style={{ height: 64, display: 'flex', alignItems: 'center', padding: isCollapsed ? '0 20px' : '0 24px' }}
          >
            <AppTitle collapsed={isCollapsed} />
          </div>
          <AppMenu collapsed={isCollapsed} />
        </nav>
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
