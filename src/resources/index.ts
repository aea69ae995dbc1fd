import type { ResourceProps } from '@refinedev/core';

// The registry of every table the admin reaches, grouped by domain. Filled in per domain as
// the schema lands; App spreads it into <Refine resources>.
export const resources: ResourceProps[] = [];
