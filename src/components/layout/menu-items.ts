import type { TreeMenuItem } from '@refinedev/core';

// Pure helpers over refine's menu tree (useMenu() over the declarations <Refine> receives).

/** Every entry the menu links to (the nodes with a route), depth first, in menu order. */
export function menuLinks(items: TreeMenuItem[]): TreeMenuItem[] {
  return items.flatMap((item) => (item.route ? [item] : menuLinks(item.children)));
}

/**
 * The tree minus the links the caller may not open, and minus headings and groups left with
 * nothing in them.
 */
export function keepAllowed(items: TreeMenuItem[], allowed: ReadonlySet<string>): TreeMenuItem[] {
  return items.flatMap((item) => {
    if (item.route) return allowed.has(item.name) ? [{ ...item, children: [] }] : [];
    const children = keepAllowed(item.children, allowed);
    return children.length ? [{ ...item, children }] : [];
  });
}

/** The keys of the groups above a menu key (`/tables/identity/users` → `/tables`, `/tables/identity`). */
export function ancestorKeys(key: string): string[] {
  const parts = key.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}
