// Wrong passwords are throttled per account on the stack npm start and npm test run (their
// per-IP buckets are lifted, the per-account throttle is not): the sixth wrong password within
// the window answers 429, and so does the right one. The window passing is proven by the API's
// own test with a short window (supabase/local/api/test/rate-limit.test.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStack, newClient, serviceClient } from '../helpers/stack';

const email = `throttle-${randomUUID().slice(0, 8)}@example.com`;
const password = `Right-${randomUUID()}`;
let userId: string;

beforeAll(async () => {
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password, email_confirm: true });
  if (error) throw error;
  userId = data.user.id;
});
afterAll(async () => {
  if (userId) await serviceClient().auth.admin.deleteUser(userId);
  await closeStack();
});

describe('password sign-in of one account', () => {
  it('refuses five wrong passwords as invalid, then answers 429 to the sixth and to the right one', async () => {
    const attempt = (pw: string) => newClient().auth.signInWithPassword({ email, password: pw });
    for (let i = 1; i <= 5; i++) {
      const { data, error } = await attempt(`wrong-${i}`);
      expect(data.session, `attempt ${i}`).toBeNull();
      expect(error, `attempt ${i}`).toMatchObject({ status: 400, code: 'invalid_credentials' });
    }
    const sixth = await attempt('wrong-6');
    expect(sixth.error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
    const right = await attempt(password);
    expect(right.data.session).toBeNull();
    expect(right.error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
  });

  it('leaves other accounts alone', async () => {
    const other = `throttle-other-${randomUUID().slice(0, 8)}@example.com`;
    const { data, error } = await serviceClient().auth.admin.createUser({ email: other, password, email_confirm: true });
    expect(error).toBeNull();
    try {
      const signedIn = await newClient().auth.signInWithPassword({ email: other, password });
      expect(signedIn.error).toBeNull();
      expect(signedIn.data.session?.user.email).toBe(other);
    } finally {
      await serviceClient().auth.admin.deleteUser(data.user!.id);
    }
  });
});
