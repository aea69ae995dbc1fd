// Realtime's checks of a JWT (RealtimeWeb.ChannelsAuthorization.authorize_conn): signed with
// the project's secret, with `role` and `exp`, not expired — each failure with the words
// Realtime uses, since clients and their logs show them.
import { decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import type { Claims } from '../jwt.ts';

export type TokenCheck =
  | { ok: true; claims: Claims & { role: string; exp: number } }
  | { ok: false; kind: 'malformed' | 'signature' | 'expired' | 'missing_claims'; message: string };

export async function checkToken(token: unknown, key: Uint8Array): Promise<TokenCheck> {
  if (typeof token !== 'string' || token.trim() === '')
    return { ok: false, kind: 'malformed', message: 'The token provided is not a valid JWT' };
  const clean = token.replace(/\s/g, '');
  try {
    decodeJwt(clean);
  } catch {
    return { ok: false, kind: 'malformed', message: 'The token provided is not a valid JWT' };
  }
  try {
    const { payload } = await jwtVerify(clean, key, { algorithms: ['HS256', 'HS384', 'HS512'] });
    if (typeof payload.role !== 'string' || typeof payload.exp !== 'number') {
      return { ok: false, kind: 'missing_claims', message: 'Fields `role` and `exp` are required in JWT' };
    }
    return { ok: true, claims: payload as Claims & { role: string; exp: number } };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) {
      const exp = typeof err.payload.exp === 'number' ? err.payload.exp : 0;
      return {
        ok: false,
        kind: 'expired',
        message: `Token has expired ${Math.max(0, Math.floor(Date.now() / 1000) - exp)} seconds ago`,
      };
    }
    if (err instanceof joseErrors.JWSSignatureVerificationFailed)
      return { ok: false, kind: 'signature', message: 'Failed to validate JWT signature' };
    return { ok: false, kind: 'malformed', message: 'The token provided is not a valid JWT' };
  }
}

/** The reason a channel join is refused with, as Realtime words it (code: message). */
export function joinRefusal(check: Extract<TokenCheck, { ok: false }>): string {
  switch (check.kind) {
    case 'expired':
    case 'missing_claims':
      return `InvalidJWTToken: ${check.message}`;
    case 'signature':
      return `JwtSignatureError: ${check.message}`;
    default:
      return `MalformedJWT: ${check.message}`;
  }
}

/** The HTTP answer to a websocket upgrade whose apikey fails (RealtimeWeb.UserSocket). */
export function connectRefusal(check: Extract<TokenCheck, { ok: false }>): { status: number; error: string } {
  switch (check.kind) {
    case 'expired':
      return { status: 401, error: 'Token has expired' };
    default:
      return { status: 401, error: check.message };
  }
}
