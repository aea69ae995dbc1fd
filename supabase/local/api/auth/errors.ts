// Supabase Auth's error bodies. Clients that send X-Supabase-Api-Version ≥ 2024-01-01
// (supabase-js does) get {code, message}; others get the older {code, error_code, msg}.
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const API_VERSION = '2024-01-01';

export function wantsVersioned(header: string | string[] | undefined): boolean {
  const v = Array.isArray(header) ? header[0] : header;
  return !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= API_VERSION;
}

export function authErrorBody(err: AuthError, versioned: boolean): Record<string, unknown> {
  return versioned
    ? { code: err.errorCode, message: err.message, ...err.extra }
    : { code: err.status, error_code: err.errorCode, msg: err.message, ...err.extra };
}

export const invalidCredentials = () => new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
export const notAdmin = () => new AuthError(403, 'not_admin', 'User not allowed');
export const userNotFound = () => new AuthError(404, 'user_not_found', 'User not found');
export const badJson = () => new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
export const weakPassword = () =>
  new AuthError(422, 'weak_password', 'Password should be at least 6 characters.', { weak_password: { reasons: ['length'] } });
