import { DisconnectOutlined, MoonOutlined, SunOutlined, UserOutlined } from '@ant-design/icons';
import { useGetIdentity, useLogout } from '@refinedev/core';
import { Avatar, Button, Dropdown, Layout, Space, Tag, theme, Tooltip, Typography } from 'antd';
import { useColorMode } from '../../providers/use-color-mode';
import { useLiveConnection } from '../../providers/live';
import { describeRole, type StaffIdentity } from '../../providers/identity';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { ACCOUNT_SECURITY_PATH } from '../../features/two-factor/paths';

// Only super admins switch tenants; everyone else never loads the switcher (antd Select).
const TenantSwitcher = lazy(() => import('./tenant-switcher'));

// Who is signed in, as what, and in which tenant — always visible, because staff act on
// real customers' data and must never wonder which hat they are wearing.
export function AppHeader() {
  const { token } = theme.useToken();
  const { data: identity } = useGetIdentity<StaffIdentity>();
  const { mutate: logout } = useLogout();
  const navigate = useNavigate();
  const { mode, toggle } = useColorMode();
  const live = useLiveConnection();
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'flex-end',
        gap: 16,
        padding: '0 24px',
        height: 64,
        background: token.colorBgElevated,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      {live === 'down' && (
        <Tooltip title="Lists will not update by themselves until the connection is back; they refresh when it is.">
          <Tag color="warning" icon={<DisconnectOutlined aria-hidden />} role="status" data-testid="live-status">
            Live updates paused — reconnecting
          </Tag>
        </Tooltip>
      )}
      {identity?.isSuperAdmin ? (
        <Suspense fallback={null}>
          <TenantSwitcher />
        </Suspense>
      ) : identity?.tenantName ? (
        <Typography.Text type="secondary" data-testid="header-tenant">
          {identity.tenantName}
        </Typography.Text>
      ) : null}
      <Tooltip title={mode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}>
        <Button
          type="text"
          aria-label={mode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          icon={mode === 'dark' ? <SunOutlined /> : <MoonOutlined />}
          onClick={toggle}
        />
      </Tooltip>
      {identity ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'email', label: identity.email, disabled: true },
              { type: 'divider' },
              { key: 'security', label: 'Account security', onClick: () => navigate(ACCOUNT_SECURITY_PATH) },
              { key: 'logout', label: 'Sign out', onClick: () => logout() },
            ],
          }}
        >
          {/* named by what it shows (name, role) after a hidden "Account menu:", so the name a
              screen reader announces contains the visible text (WCAG 2.5.3) */}
          <Button type="text" style={{ height: 48 }} data-testid="header-user">
            <span className="visually-hidden">Account menu:</span>
            <Space>
              <Avatar size="small" src={identity.avatar} icon={<UserOutlined aria-hidden />} alt="" />
              <Typography.Text strong>{identity.name}</Typography.Text>
              <Tag
                color={identity.isSuperAdmin ? 'purple' : 'blue'}
                data-testid="header-role"
                style={{ marginInlineEnd: 0 }}
              >
                {describeRole(identity)}
              </Tag>
            </Space>
          </Button>
        </Dropdown>
      ) : null}
    </Layout.Header>
  );
}
