// The anon and service-role API keys: long-lived JWTs signed with the local secret, shaped
// like the ones the Supabase CLI prints for its local stack.
import { createHmac } from 'node:crypto';
import { LOCAL_JWT_SECRET } from '../config.ts';

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

// Synchronous HS256 so callers (CLI output, test setup) need no await.
function sign(claims: object, secret: string): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

// The CLI's claims in the CLI's order: with the default secret these are byte for byte the
// well-known local keys (…CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0 for anon).
const EXP = 1_983_812_996;

export function localKeys(secret = LOCAL_JWT_SECRET): { anonKey: string; serviceRoleKey: string } {
  return {
    anonKey: sign({ iss: 'supabase-demo', role: 'anon', exp: EXP }, secret),
    serviceRoleKey: sign({ iss: 'supabase-demo', role: 'service_role', exp: EXP }, secret),
  };
}
