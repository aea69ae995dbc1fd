import { createElement } from 'react';
import { DatabaseOutlined } from '@ant-design/icons';
import type { ResourceProps } from '@refinedev/core';
import type { FeatureAction, FeatureDef, FeatureRoute } from '../features/types';
import { domains } from '../resources/domains';
import { isWritable } from '../resources/permissions';
import type { ResourceDef } from '../resources/types';

// Everything the app routes, lists in the menu and guards, from two kinds of declaration:
// features (workspaces, one folder each) and registry tables. Refine receives `resources`;
// the menu (useMenu), the route table, the access control provider and page titles all read
// this one catalogue, so nothing is listed twice.

/** The menu heading over the tables, kept apart from the workspaces (as Supabase Studio keeps its table editor apart from its tools). */
export const TABLES_HEADING = 'tables';

/** A domain's menu group; prefixed, since a domain and one of its tables may share a name (reviews). */
export const domainGroup = (domain: string) => `domain:${domain}`;

export interface Catalogue {
  /** Features in menu order (hidden ones last). */
  features: FeatureDef[];
  tables: ResourceDef[];
  /** What <Refine resources> receives. */
  resources: ResourceProps[];
  findFeature(name: string | undefined): FeatureDef | undefined;
  findTable(name: string | undefined): ResourceDef | undefined;
}

export function featureRouteAction(route: FeatureRoute): FeatureAction {
  return route.action ?? 'list';
}

function featureResource(feature: FeatureDef): ResourceProps {
  // refine matches the URL to a resource by these paths (titles, breadcrumbs); one per action
  const pathOf = (action: FeatureAction) =>
    feature.routes.find((route) => (route.area ?? 'app') === 'app' && featureRouteAction(route) === action)?.path;
  return {
    name: feature.name,
    list: pathOf('list'),
    show: pathOf('show'),
    create: pathOf('create'),
    edit: pathOf('edit'),
    meta: {
      label: feature.label,
      icon: createElement(feature.icon),
      hide: feature.menuOrder === false,
    },
  };
}

function tableResource(def: ResourceDef): ResourceProps {
  return {
    name: def.name,
    list: `/${def.name}`,
    show: `/${def.name}/show/:id`,
    create: isWritable(def, 'create') ? `/${def.name}/create` : undefined,
    edit: isWritable(def, 'edit') ? `/${def.name}/edit/:id` : undefined,
    meta: {
      label: def.label,
      parent: domainGroup(def.group),
      icon: createElement(def.icon),
      canDelete: isWritable(def, 'delete'),
    },
  };
}

function checkFeature(feature: FeatureDef) {
  const [first] = feature.routes;
  if (featureRouteAction(first) !== 'list' || (first.area ?? 'app') !== 'app')
    throw new Error(
      `Feature ${feature.name}: its first route is where the menu links, so it must be an app page with action 'list'`,
    );
  for (const route of feature.routes)
    if (!route.path.startsWith('/')) throw new Error(`Feature ${feature.name}: route ${route.path} must be absolute`);
}

export function createCatalogue(featureDefs: FeatureDef[], tables: ResourceDef[]): Catalogue {
  const features = [...featureDefs].sort((a, b) => {
    const order = (f: FeatureDef) => (f.menuOrder === false ? Number.POSITIVE_INFINITY : f.menuOrder);
    return order(a) - order(b) || a.label.localeCompare(b.label);
  });
  const names = new Set<string>([TABLES_HEADING, ...domains.map((domain) => domainGroup(domain.key))]);
  for (const name of [...features.map((f) => f.name), ...tables.map((t) => t.name)]) {
    if (names.has(name))
      throw new Error(`Two declarations are named ${name}: features, tables and menu groups share one namespace`);
    names.add(name);
  }
  features.forEach(checkFeature);

  const featureByName = new Map(features.map((feature) => [feature.name, feature]));
  const tableByName = new Map(tables.map((table) => [table.name as string, table]));
  const usedDomains = domains.filter((domain) => tables.some((table) => table.group === domain.key));

  const resources: ResourceProps[] = [
    ...features.map(featureResource),
    { name: TABLES_HEADING, meta: { label: 'Tables', icon: createElement(DatabaseOutlined) } },
    ...usedDomains.map((domain) => ({
      name: domainGroup(domain.key),
      meta: { label: domain.label, icon: createElement(domain.icon), parent: TABLES_HEADING },
    })),
    ...tables.map(tableResource),
  ];

  return {
    features,
    tables,
    resources,
    findFeature: (name) => (name ? featureByName.get(name) : undefined),
    findTable: (name) => (name ? tableByName.get(name) : undefined),
  };
}
