import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { localKeys } from './keys.ts';
import { secretKey, verifyJwt } from './jwt.ts';

describe('local API keys', () => {
  it('are the Supabase CLI local keys for the default secret', () => {
    const { anonKey, serviceRoleKey } = localKeys('super-secret-jwt-token-with-at-least-32-characters-long');
    expect(anonKey).toBe('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0');
    expect(decodeJwt(serviceRoleKey)).toEqual({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 });
  });

  it('verify with their secret and not with another', async () => {
    const { anonKey } = localKeys('another-secret-that-is-long-enough-for-hs256');
    await expect(verifyJwt(anonKey, secretKey('another-secret-that-is-long-enough-for-hs256'))).resolves.toMatchObject({ role: 'anon' });
    await expect(verifyJwt(anonKey, secretKey('super-secret-jwt-token-with-at-least-32-characters-long'))).rejects.toMatchObject({ status: 401, code: 'PGRST301' });
  });
});
