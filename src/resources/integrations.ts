import type { ResourceDef } from './types';

// TODO(registry): this domain's tables.
export const integrationsResources: ResourceDef[] = [];
