import type { IResourceItem } from '@refinedev/core';
import type { Catalogue } from './catalogue';

const SUFFIX = 'Loconomy Admin';

// Anonymous pages are not resources; their titles come from the path.
const UNROUTED: Record<string, string> = {
  '/login': 'Sign in',
  '/forgot-password': 'Reset your password',
};

/** Browser tab titles, from the same declarations that route the pages. */
export function createPageTitle(catalogue: Pick<Catalogue, 'findFeature' | 'findTable'>) {
  return ({
    resource,
    action,
    params,
    pathname,
  }: {
    resource?: IResourceItem;
    action?: string;
    params?: Record<string, string | undefined>;
    pathname?: string;
  }): string => {
    const feature = catalogue.findFeature(resource?.name);
    if (feature) return `${feature.label} · ${SUFFIX}`;
    const def = catalogue.findTable(resource?.name);
    if (!def) {
      const page = pathname ? UNROUTED[pathname] : undefined;
      return page ? `${page} · ${SUFFIX}` : SUFFIX;
    }
    const id = params?.id ? ` ${params.id.slice(0, 8)}` : '';
    switch (action) {
      case 'show':
        return `${def.singular}${id} · ${SUFFIX}`;
      case 'edit':
        return `Edit ${def.singular.toLowerCase()}${id} · ${SUFFIX}`;
      case 'create':
      case 'clone':
        return `New ${def.singular.toLowerCase()} · ${SUFFIX}`;
      default:
        return `${def.label} · ${SUFFIX}`;
    }
  };
}
