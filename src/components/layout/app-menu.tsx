import { DashboardOutlined } from '@ant-design/icons';
import { Menu, Skeleton, type MenuProps } from 'antd';
import { createElement, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { canDo } from '../../resources/permissions';
import { domains } from '../../resources/domains';
import { registry } from '../../resources';
import { useStaffPermissions, useStaffPermissionsLoading } from '../../providers/use-staff-permissions';

// The menu is the registry grouped by domain, minus every table the caller may not list
// (and groups left empty). Built from the same predicate the access control provider uses.
export function AppMenu({ collapsed }: { collapsed: boolean }) {
  const perms = useStaffPermissions();
  const loading = useStaffPermissionsLoading();
  const { pathname } = useLocation();
  const current = `/${pathname.split('/')[1] ?? ''}`;
  const currentGroup = registry.find((def) => `/${def.name}` === current)?.group;

  const items = useMemo<MenuProps['items']>(() => {
    const groups = domains
      .map((domain) => {
        const children = registry
          .filter((def) => def.group === domain.key && canDo(def, 'list', perms))
          .map((def) => ({
            key: `/${def.name}`,
            icon: createElement(def.icon),
            label: <Link to={`/${def.name}`}>{def.label}</Link>,
          }));
        return children.length
          ? { key: domain.key, icon: createElement(domain.icon), label: domain.label, children }
          : null;
      })
      .filter((group) => group !== null);
    return [{ key: '/', icon: <DashboardOutlined />, label: <Link to="/">Dashboard</Link> }, ...groups];
  }, [perms]);

  // Navigating into a group opens it; groups the user opened or closed otherwise stay so.
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);
  const [shownGroup, setShownGroup] = useState(currentGroup);
  if (currentGroup !== shownGroup) {
    setShownGroup(currentGroup);
    if (currentGroup && !openKeys.includes(currentGroup)) setOpenKeys([...openKeys, currentGroup]);
  }

  if (loading) return <Skeleton active title={false} paragraph={{ rows: 8 }} style={{ padding: '8px 24px' }} />;
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[current]}
      openKeys={collapsed ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
