// HS256 JWTs signed with the project's secret: verifying the caller (PostgREST's rules) and
// signing what the auth server and the key generator hand out.
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ApiError } from './rest/errors.ts';

export type Claims = JWTPayload & { role?: string; [k: string]: unknown };

export const secretKey = (secret: string) => new TextEncoder().encode(secret);

function unauthorized(code: string, message: string): ApiError {
  return new ApiError(401, code, message, null, null, {
    'WWW-Authenticate': `Bearer error="invalid_token", error_description="${message.replace(/"/g, "'")}"`,
  });
}

// Verified tokens, reused until they expire (like PostgREST's JWT cache): the same anon key
// and session token arrive on every request, and verifying costs more than the lookup.
const verified = new Map<string, { key: Uint8Array; claims: Claims }>();
const CACHE_MAX = 1000;

export async function verifyJwt(token: string, key: Uint8Array): Promise<Claims> {
  const hit = verified.get(token);
  if (hit && hit.key === key && (hit.claims.exp === undefined || hit.claims.exp * 1000 > Date.now())) return hit.claims;
  const claims = await verifyUncached(token, key);
  if (verified.size >= CACHE_MAX) verified.delete(verified.keys().next().value!);
  verified.set(token, { key, claims });
  return claims;
}

async function verifyUncached(token: string, key: Uint8Array): Promise<Claims> {
  if (token.split('.').length !== 3) throw unauthorized('PGRST301', `Expected 3 parts in JWT; got ${token.split('.').length}`);
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256', 'HS384', 'HS512'], clockTolerance: 30 });
    return payload as Claims;
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw unauthorized('PGRST303', 'JWT expired');
    if (err instanceof joseErrors.JWTClaimValidationFailed) throw unauthorized('PGRST303', err.message);
    throw unauthorized('PGRST301', err instanceof joseErrors.JWSSignatureVerificationFailed ? 'JWSError JWSInvalidSignature' : 'JWT could not be decoded');
  }
}

export async function signJwt(claims: Claims, key: Uint8Array): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
}
