// The PostgREST settings this API honours, as PostgREST reads them: the server's own options
// (ApiOptions / PGRST_* environment variables), overridden by the in-database configuration —
// the authenticator role's `pgrst.*` settings, reloaded on NOTIFY pgrst, 'reload config'.
import type { SchemaCache } from '../schema-cache.ts';

export interface RestSettings {
  /** `db-aggregates-enabled`: count(), sum(), avg(), min(), max() in select (off by default) */
  aggregatesEnabled: boolean;
  /** `db-plan-enabled`: Accept: application/vnd.pgrst.plan (off by default) */
  planEnabled: boolean;
  /** `openapi-mode`: follow-privileges (default), ignore-privileges, or disabled */
  openapiMode: 'follow-privileges' | 'ignore-privileges' | 'disabled';
  /** `openapi-security-active`: the document declares the JWT bearer scheme (off by default) */
  openapiSecurityActive: boolean;
}

export type RestOptions = Partial<RestSettings>;

const bool = (v: string | undefined) =>
  v === undefined ? undefined : ['true', 'on', 'yes', '1'].includes(v.trim().toLowerCase());
const mode = (v: string | undefined) =>
  v === 'follow-privileges' || v === 'ignore-privileges' || v === 'disabled' ? v : undefined;

/** PGRST_DB_AGGREGATES_ENABLED, PGRST_DB_PLAN_ENABLED, PGRST_OPENAPI_MODE, PGRST_OPENAPI_SECURITY_ACTIVE */
export function restOptionsFromEnv(env: NodeJS.ProcessEnv): RestOptions {
  return {
    aggregatesEnabled: bool(env.PGRST_DB_AGGREGATES_ENABLED),
    planEnabled: bool(env.PGRST_DB_PLAN_ENABLED),
    openapiMode: mode(env.PGRST_OPENAPI_MODE),
    openapiSecurityActive: bool(env.PGRST_OPENAPI_SECURITY_ACTIVE),
  };
}

export function restSettings(opts: RestOptions, cache: SchemaCache): RestSettings {
  const db = cache.config;
  return {
    aggregatesEnabled: bool(db.get('pgrst.db_aggregates_enabled')) ?? opts.aggregatesEnabled ?? false,
    planEnabled: bool(db.get('pgrst.db_plan_enabled')) ?? opts.planEnabled ?? false,
    openapiMode: mode(db.get('pgrst.openapi_mode')) ?? opts.openapiMode ?? 'follow-privileges',
    openapiSecurityActive: bool(db.get('pgrst.openapi_security_active')) ?? opts.openapiSecurityActive ?? false,
  };
}
