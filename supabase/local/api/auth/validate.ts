// Input checks for /auth/v1, answering as GoTrue does. GoTrue decodes each body into a typed
// Go struct, so a field of the wrong JSON type is a 400 bad_json before anything else runs;
// its validateEmail refuses empty, over-long and malformed addresses with validation_failed.
// Here the same checks run before a value can reach SQL, where it would fail as a 500.
import { AuthError } from './errors.ts';

type FieldType = 'string' | 'boolean' | 'object';

/** Go's name for each type, as it appears in encoding/json's "cannot unmarshal" message. */
const GO_TYPE: Record<FieldType, string> = { string: 'string', boolean: 'bool', object: 'map[string]interface {}' };

/** The fields of each body GoTrue decodes (its params structs); other keys are ignored, as there. */
export const BODIES = {
  PasswordGrantParams: { email: 'string', phone: 'string', password: 'string' },
  RefreshTokenGrantParams: { refresh_token: 'string' },
  SignupParams: { email: 'string', phone: 'string', password: 'string', data: 'object', code_challenge: 'string', code_challenge_method: 'string' },
  RecoverParams: { email: 'string', code_challenge: 'string', code_challenge_method: 'string' },
  VerifyParams: { type: 'string', token: 'string', token_hash: 'string', email: 'string', phone: 'string', redirect_to: 'string' },
  UserUpdateParams: { email: 'string', password: 'string', data: 'object', nonce: 'string', phone: 'string' },
  AdminUserParams: {
    id: 'string', aud: 'string', role: 'string', email: 'string', phone: 'string', password: 'string', email_confirm: 'boolean',
    phone_confirm: 'boolean', user_metadata: 'object', app_metadata: 'object', ban_duration: 'string',
  },
  adminUserDeleteParams: { should_soft_delete: 'boolean' },
} satisfies Record<string, Record<string, FieldType>>;

export type BodyName = keyof typeof BODIES;

/** Fields that end up hashed, never stored or compared as text, may hold any character. */
const HASHED = new Set(['password']);

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v);

function fits(v: unknown, t: FieldType): boolean {
  // Go decodes null into any field as its zero value
  if (v === null) return true;
  if (t === 'object') return typeof v === 'object' && !Array.isArray(v);
  return typeof v === t;
}

export function checkFields(body: Record<string, unknown>, name: BodyName) {
  const fields: Record<string, FieldType> = BODIES[name];
  for (const [field, type] of Object.entries(fields)) {
    const v = body[field];
    if (v === undefined) continue;
    if (!fits(v, type)) {
      throw new AuthError(
        400, 'bad_json',
        `Could not parse request body as JSON: json: cannot unmarshal ${jsonType(v)} into Go struct field ${name}.${field} of type ${GO_TYPE[type]}`,
      );
    }
    // PostgreSQL text cannot hold U+0000: refused here rather than failing in SQL
    if (typeof v === 'string' && v.includes('\0') && !HASHED.has(field)) {
      throw new AuthError(400, 'validation_failed', `${field} must not contain NUL characters`);
    }
  }
}

/**
 * Bodies nested deeper than Go's encoding/json allows are refused the way it refuses them.
 * Counted on the text, before parsing: the values are later serialised again (pg sends
 * objects as JSON.stringify output), which overflows the stack long before Go's 10000.
 */
export const MAX_BODY_DEPTH = 1000;

export function checkDepth(raw: string) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > MAX_BODY_DEPTH) throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON: exceeded max depth');
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
}

/** GoTrue's validateEmail: the address to store (lower case), or a 400 validation_failed. */
export function validateEmail(email: unknown): string {
  if (typeof email !== 'string' || email === '') throw new AuthError(400, 'validation_failed', 'An email address is required');
  if (email.length > 255) throw new AuthError(400, 'validation_failed', 'An email address is too long');
  if (!/^[^@\s\0]+@[^@\s\0]+$/.test(email)) throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format');
  return email.toLowerCase();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A JWT claim that names a row by UUID (sub, session_id): anything else is a 403 bad_jwt. */
export function uuidClaim(value: unknown, claim: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new AuthError(403, 'bad_jwt', `invalid claim: ${claim} claim must be a UUID`);
  return value;
}

export function checkUuid(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new AuthError(400, 'validation_failed', `${field} must be a valid UUID`);
  return value;
}

/** `page` / `per_page` of the admin user list: positive integers, as GoTrue's ParseUint wants. */
export function pageParam(raw: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) {
    throw new AuthError(400, 'validation_failed', `Bad Pagination Parameters: invalid value "${raw}"`);
  }
  return Math.min(max, Math.max(1, n));
}

/**
 * Where a link may send the browser: an absolute http(s) URL, else the site URL. Anything else
 * would either be an open redirect to another scheme or a Location header node refuses to
 * write (CR, LF, NUL), which is a 500 after the token was already spent.
 */
export function redirectTarget(to: unknown, siteUrl: string): string {
  // control characters (CR, LF, NUL …) would break the Location header
  if (typeof to !== 'string' || [...to].some((ch) => ch < ' ' || ch === '\x7f')) return siteUrl;
  try {
    const url = new URL(to);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return siteUrl;
    // as given when it is plain ASCII; otherwise percent-encoded, which a header can carry
    return /^[\x20-\x7e]*$/.test(to) ? to : url.href;
  } catch {
    return siteUrl;
  }
}
