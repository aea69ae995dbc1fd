import type { HttpError } from '@refinedev/core';

// PostgREST answers an RLS or grant refusal with 401/403 (SQLSTATE 42501 when it reaches
// supabase-js as a code); either way the staff member lacks a permission.
export function isForbidden(error: unknown): boolean {
  const e = error as (Partial<HttpError> & { code?: string }) | null;
  if (!e) return false;
  return e.statusCode === 401 || e.statusCode === 403 || e.statusCode === 42501 || e.code === '42501';
}

/**
 * Errors a retry cannot fix: HTTP 4xx, and the SQLSTATE classes supabase-js reports as a
 * numeric code (22 data exception, 23 constraint, 42 syntax or access).
 */
export function isClientError(error: unknown): boolean {
  const status = (error as Partial<HttpError> | null)?.statusCode;
  if (isForbidden(error) || typeof status !== 'number') return isForbidden(error);
  const sqlClass = Math.floor(status / 1000);
  return (status >= 400 && status < 500) || (status >= 10000 && [22, 23, 42].includes(sqlClass));
}
