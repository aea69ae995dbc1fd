// PostgREST's error body ({code, message, details, hint}) and its mapping from SQLSTATE to
// HTTP status, so supabase-js and refine see the same errors as against hosted Supabase.

export interface ErrorBody {
  code: string;
  message: string;
  /** a string, or JSON (PGRST201 lists the relationships it found) */
  details: string | object | null;
  hint: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string | object | null = null,
    readonly hint: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { code: this.code, message: this.message, details: this.details, hint: this.hint };
  }
}

export const parseError = (message: string, details: string | null = null) => new ApiError(400, 'PGRST100', message, details);

/** PostgREST's table in docs/errors.rst ("HTTP Status Codes"). */
export function pgErrorStatus(sqlstate: string, authenticated: boolean): number {
  if (sqlstate === '42501') return authenticated ? 403 : 401;
  const exact: Record<string, number> = { '23503': 409, '23505': 409, '25006': 405, P0001: 400, '42883': 404, '42P01': 404 };
  if (exact[sqlstate]) return exact[sqlstate];
  // PTxyz: a function raised an error asking for HTTP status xyz
  const pt = /^PT(\d{3})$/.exec(sqlstate);
  if (pt) return Number(pt[1]);
  const byClass: Record<string, number> = {
    '08': 503, '09': 500, '0L': 403, '0P': 403, '25': 500, '28': 403, '2D': 500, '38': 500, '39': 500, '3B': 500,
    '40': 500, '53': 503, '54': 413, '55': 500, '57': 500, '58': 500, F0: 500, HV: 500, P0: 500, XX: 500,
  };
  return byClass[sqlstate.slice(0, 2)] ?? 400;
}

interface PgLikeError {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

const connectionLost = (err: PgLikeError) =>
  /Connection terminated|ECONNREFUSED|ECONNRESET|EPIPE|connect ETIMEDOUT|Client has encountered a connection error|not queryable/i.test(err.message);

/** Whether the connection that produced this error can no longer be reused. */
export function isConnectionError(err: unknown): boolean {
  const e = err as PgLikeError;
  if (!e || typeof e.message !== 'string') return false;
  if (e.code && /^(08|57P0[1-3]|53300)/.test(e.code)) return true;
  return connectionLost(e) || (!!e.code && /^E[A-Z]+$/.test(e.code));
}

export function toApiError(err: unknown, authenticated: boolean): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as PgLikeError;
  if (e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && !connectionLost(e) && !/^57P0[1-3]$/.test(e.code)) {
    const status = pgErrorStatus(e.code, authenticated);
    const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
    return new ApiError(status, e.code, e.message, e.detail ?? null, e.hint ?? null, headers);
  }
  if (isConnectionError(err)) {
    return new ApiError(503, 'PGRST001', 'Database client error. Retrying the connection.', e?.message ?? null, null, {
      'Retry-After': '1',
    });
  }
  return new ApiError(500, 'PGRSTX00', 'Internal server error', e?.message ?? String(err));
}
