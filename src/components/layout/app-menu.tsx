import { useCanWithoutCache, useMenu, usePermissions, type TreeMenuItem } from '@refinedev/core';
import { useQuery } from '@tanstack/react-query';
import { Menu, Skeleton, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { StaffPermissions } from '../../resources/permissions';
import { ancestorKeys, keepAllowed, menuLinks } from './menu-items';

type Items = NonNullable<MenuProps['items']>;

// A top-level node without a page of its own is a heading (the tables, kept apart from the
// workspaces above them); deeper ones are the collapsible domain groups.
function toAntdItems(items: TreeMenuItem[], depth = 0): Items {
  return items.map((item) => {
    if (item.route)
      return { key: item.key, icon: item.icon, label: <Link to={item.route}>{item.label}</Link>, title: item.label };
    const children = toAntdItems(item.children, depth + 1);
    return depth === 0
      ? { type: 'group' as const, key: item.key, label: item.label, children }
      : { key: item.key, icon: item.icon, label: item.label, children };
  });
}

// What the caller may open, asked of the access control provider for every link at once (the
// same answers that guard the routes), again whenever their permissions change.
function useAllowedLinks(links: TreeMenuItem[]): ReadonlySet<string> | undefined {
  const { can } = useCanWithoutCache();
  const permissions = usePermissions<StaffPermissions>({});
  const who = permissions.data ? `${permissions.data.superAdmin}:${[...permissions.data.keys].sort().join(',')}` : null;
  const names = links.map((link) => link.name);
  const access = useQuery({
    queryKey: ['loconomy', 'menu-access', who, names],
    enabled: who !== null,
    queryFn: async () => {
      if (!can) return new Set(names);
      const answers = await Promise.all(names.map((resource) => can({ resource, action: 'list' })));
      return new Set(names.filter((_, i) => answers[i].can));
    },
  });
  return access.data;
}

/** The side menu: workspaces first, then the tables grouped by domain; only what the caller may open. */
export function AppMenu({ collapsed }: { collapsed: boolean }) {
  const { menuItems, selectedKey } = useMenu();
  const allowed = useAllowedLinks(useMemo(() => menuLinks(menuItems), [menuItems]));
  const items = useMemo(
    () => (allowed ? toAntdItems(keepAllowed(menuItems, allowed)) : undefined),
    [menuItems, allowed],
  );

  // Navigating into a group opens it; groups the user opened or closed otherwise stay so.
  const [openKeys, setOpenKeys] = useState<string[]>(() => ancestorKeys(selectedKey));
  const [shownKey, setShownKey] = useState(selectedKey);
  if (selectedKey !== shownKey) {
    setShownKey(selectedKey);
    const closed = ancestorKeys(selectedKey).filter((key) => !openKeys.includes(key));
    if (closed.length) setOpenKeys([...openKeys, ...closed]);
  }

  if (!items) return <Skeleton active title={false} paragraph={{ rows: 8 }} style={{ padding: '8px 24px' }} />;
  return (
    <Menu
      mode="inline"
      inlineIndent={16}
      items={items}
      selectedKeys={[selectedKey]}
      openKeys={collapsed ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
