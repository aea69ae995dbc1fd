import { identityResources } from './identity';
import { catalogResources } from './catalog';
import { schedulingResources } from './scheduling';
import { reviewsResources } from './reviews';
import { moderationResources } from './moderation';
import { billingResources } from './billing';
import { referralsResources } from './referrals';
import { communicationResources } from './communication';
import { geographyResources } from './geography';
import { analyticsResources } from './analytics';
import { filesResources } from './files';
import { integrationsResources } from './integrations';
import { featureManagementResources } from './feature-management';
import { isWritable } from './permissions';
import type { ResourceDef, TableName } from './types';

// Every table the admin reaches, described once (one file per domain). The app catalogue
// (src/app/catalogue.ts) turns them into refine resources and routes; generic pages look
// definitions up by name.
export const registry: ResourceDef[] = [
  ...identityResources,
  ...catalogResources,
  ...schedulingResources,
  ...reviewsResources,
  ...moderationResources,
  ...billingResources,
  ...referralsResources,
  ...communicationResources,
  ...geographyResources,
  ...analyticsResources,
  ...filesResources,
  ...integrationsResources,
  ...featureManagementResources,
] as ResourceDef[];

const byName = new Map<string, ResourceDef>(registry.map((def) => [def.name, def]));

export { isWritable };

export function findResource(name: string | undefined): ResourceDef | undefined {
  return name ? byName.get(name) : undefined;
}

/**
 * The name refine's own messages give one record ("Successfully created webhook endpoint"):
 * the registry's singular label, not a table name's guessed singular.
 */
export function singularOf(word: string): string {
  return findResource(word)?.singular.toLowerCase() ?? word.replace(/_/g, ' ');
}

export function getResource(name: TableName): ResourceDef {
  const def = byName.get(name);
  if (!def) throw new Error(`No registry entry for table ${name}`);
  return def;
}
