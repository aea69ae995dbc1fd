import { describe, expect, it } from 'vitest';
import { AuthError } from './errors.ts';
import {
  accountKey, AuthRateLimiter, bucketFor, FailedSignIns, GOTRUE_RATE_LIMITS, IntervalLimiter, rateLimitsFromConfig, rateLimitsFromEnv, TokenBuckets,
} from './rate-limit.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const takeN = (b: TokenBuckets, key: string, n: number) => Array.from({ length: n }, () => b.take(key));

describe('TokenBuckets (GoTrue: x/time/rate behind tollbooth)', () => {
  it('GoTrue’s /token numbers: a burst of 30, then one more every 2 s (150 per 5 minutes)', () => {
    const c = clock();
    const b = new TokenBuckets(GOTRUE_RATE_LIMITS.tokenRefresh, GOTRUE_RATE_LIMITS.windowSeconds, GOTRUE_RATE_LIMITS.burst, c.now);
    expect(takeN(b, '203.0.113.1', 30).every(Boolean)).toBe(true);
    expect(b.take('203.0.113.1')).toBe(false);
    c.advance(1999);
    expect(b.take('203.0.113.1')).toBe(false);
    c.advance(1);
    expect(b.take('203.0.113.1')).toBe(true);
    expect(b.take('203.0.113.1')).toBe(false);
    // a minute later it has earned 30 again, never more than the burst
    c.advance(10 * 60_000);
    expect(takeN(b, '203.0.113.1', 31).filter(Boolean)).toHaveLength(30);
  });

  it('keeps one bucket per key', () => {
    const b = new TokenBuckets(1, 3600, 2, clock().now);
    expect(takeN(b, 'a', 3)).toEqual([true, true, false]);
    expect(takeN(b, 'b', 3)).toEqual([true, true, false]);
  });

  it('refused requests cost nothing: the bucket refills on schedule however hard it is hit', () => {
    const c = clock();
    const b = new TokenBuckets(1, 1, 1, c.now);
    expect(b.take('a')).toBe(true);
    for (let i = 0; i < 9; i++) {
      c.advance(100);
      expect(b.take('a')).toBe(false);
    }
    c.advance(100);
    expect(b.take('a')).toBe(true);
  });

  it('a zero burst refuses everything', () => {
    expect(new TokenBuckets(10, 1, 0, clock().now).take('a')).toBe(false);
  });

  it('stays bounded under an address-rotating flood', () => {
    const b = new TokenBuckets(30, 300, 30, clock().now);
    for (let i = 0; i < 60_000; i++) b.take(`2001:db8::${i.toString(16)}`);
    expect(b.size).toBeLessThanOrEqual(50_000);
  });
});

describe('IntervalLimiter (GoTrue’s email_sent)', () => {
  it('allows N per fixed interval, then resets when the interval ends', () => {
    const c = clock();
    const l = new IntervalLimiter(2, 3_600_000, c.now);
    expect([l.allow(), l.allow(), l.allow()]).toEqual([true, true, false]);
    c.advance(3_599_999);
    expect(l.allow()).toBe(false);
    c.advance(1);
    expect([l.allow(), l.allow(), l.allow()]).toEqual([true, true, false]);
  });
});

describe('FailedSignIns', () => {
  it('blocks after max failures inside the window, until the oldest leaves it', () => {
    const c = clock();
    const f = new FailedSignIns(3, 60_000, c.now);
    expect(f.fail('bob@example.com')).toEqual({ failures: 1, throttled: false });
    c.advance(10_000);
    expect(f.fail('bob@example.com')).toEqual({ failures: 2, throttled: false });
    expect(f.blocked('bob@example.com')).toBe(false);
    c.advance(10_000);
    expect(f.fail('bob@example.com')).toEqual({ failures: 3, throttled: true });
    expect(f.blocked('bob@example.com')).toBe(true);
    expect(f.blocked('alice@example.com')).toBe(false);
    c.advance(39_999);
    expect(f.blocked('bob@example.com')).toBe(true);
    c.advance(1);
    // the first failure is now a minute old: two remain
    expect(f.blocked('bob@example.com')).toBe(false);
    expect(f.fail('bob@example.com')).toEqual({ failures: 3, throttled: true });
  });

  it('forgets an account on a successful sign-in', () => {
    const f = new FailedSignIns(2, 60_000, clock().now);
    f.fail('a');
    f.succeed('a');
    expect(f.fail('a')).toEqual({ failures: 1, throttled: false });
  });
});

describe('bucketFor: which GoTrue limiter an /auth/v1 request draws on', () => {
  const q = (s = '') => new URLSearchParams(s);
  it.each([
    ['POST', '/token', 'grant_type=password', 'token'],
    ['POST', '/token', 'grant_type=refresh_token', 'token'],
    ['POST', '/token/', 'grant_type=pkce', 'token'],
    ['POST', '/token', 'grant_type=bogus', undefined],
    ['POST', '/token', '', undefined],
    ['GET', '/token', 'grant_type=password', undefined],
    ['POST', '/signup', '', 'signup'],
    ['POST', '/recover', '', 'recover'],
    ['POST', '/otp', '', 'otp'],
    ['POST', '/magiclink', '', 'magiclink'],
    ['POST', '/resend', '', 'resend'],
    ['PUT', '/user', '', 'user'],
    ['GET', '/user', '', undefined],
    ['GET', '/verify', 'type=recovery', 'verify'],
    ['POST', '/verify', '', 'verify'],
    ['POST', '/factors/9a7c/challenge', '', 'factor_challenge'],
    ['POST', '/factors/9a7c/verify', '', 'factor_verify'],
    ['POST', '/factors', '', undefined],
    ['DELETE', '/factors/9a7c', '', undefined],
    ['POST', '/logout', '', undefined],
    ['GET', '/settings', '', undefined],
    ['GET', '/admin/users', '', undefined],
  ])('%s %s?%s → %s', (method, path, search, expected) => {
    expect(bucketFor(method, path, q(search))).toBe(expected);
  });
});

describe('AuthRateLimiter', () => {
  const q = (s: string) => new URLSearchParams(s);
  const status = (fn: () => void) => {
    try {
      fn();
      return 'ok';
    } catch (err) {
      expect(err).toBeInstanceOf(AuthError);
      return `${(err as AuthError).status} ${(err as AuthError).errorCode} ${(err as AuthError).message}`;
    }
  };

  it('answers GoTrue’s 429 per IP and per endpoint', () => {
    const l = new AuthRateLimiter({ tokenRefresh: 1, signInSignUps: 1, burst: 1 }, clock().now);
    const token = (ip: string) => status(() => l.checkRequest('POST', '/token', q('grant_type=password'), ip));
    expect(token('203.0.113.1')).toBe('ok');
    expect(token('203.0.113.1')).toBe('429 over_request_rate_limit Request rate limit reached');
    expect(token('203.0.113.2')).toBe('ok');
    expect(status(() => l.checkRequest('POST', '/recover', q(''), '203.0.113.1'))).toBe('ok');
    expect(status(() => l.checkRequest('POST', '/signup', q(''), '203.0.113.1'))).toBe('ok');
    expect(status(() => l.checkRequest('POST', '/signup', q(''), '203.0.113.1'))).toBe('429 over_request_rate_limit Request rate limit reached');
    // routes without a limiter, and requests without an address, pass
    expect(status(() => l.checkRequest('GET', '/user', q(''), '203.0.113.1'))).toBe('ok');
    expect(status(() => l.checkRequest('POST', '/token', q('grant_type=password'), undefined))).toBe('ok');
  });

  it('email_sent: over_email_send_rate_limit, and 0 refuses every email as GoTrue does', () => {
    const l = new AuthRateLimiter({ emailSent: 1 }, clock().now);
    expect(status(() => l.checkEmailSend())).toBe('ok');
    expect(status(() => l.checkEmailSend())).toBe('429 over_email_send_rate_limit email rate limit exceeded');
    expect(status(() => new AuthRateLimiter({ emailSent: 0 }).checkEmailSend())).toBe('429 over_email_send_rate_limit email rate limit exceeded');
  });

  it('checkAccount normalises the email as sign-in does', () => {
    const l = new AuthRateLimiter({ accountFailures: 1 }, clock().now);
    l.accounts.fail('bob@example.com');
    expect(status(() => l.checkAccount('  Bob@Example.COM'))).toBe('429 over_request_rate_limit Request rate limit reached');
    expect(status(() => l.checkAccount('alice@example.com'))).toBe('ok');
  });

  it('does not keep a key for an address no account can have', () => {
    expect(accountKey(`${'a'.repeat(321)}@example.com`)).toBe('');
    expect(accountKey(' Bob@Example.com ')).toBe('bob@example.com');
  });

  it('refuses nonsense settings rather than silently not limiting', () => {
    expect(() => new AuthRateLimiter({ burst: -1 })).toThrow(/burst/);
    expect(() => new AuthRateLimiter({ windowSeconds: 0 })).toThrow(/windowSeconds/);
    expect(() => new AuthRateLimiter({ tokenRefresh: Number.NaN })).toThrow(/tokenRefresh/);
    expect(new AuthRateLimiter({ tokenRefresh: undefined }).limits.tokenRefresh).toBe(150);
  });
});

describe('configuration', () => {
  it('reads the Supabase CLI’s [auth.rate_limit] keys', () => {
    expect(rateLimitsFromConfig({ auth: { rate_limit: { email_sent: 2, token_refresh: 150, sign_in_sign_ups: 30, token_verifications: 31, sms_sent: 30 } } })).toEqual({
      emailSent: 2, tokenRefresh: 150, signInSignUps: 30, tokenVerifications: 31,
    });
    expect(rateLimitsFromConfig({ auth: {} })).toEqual({});
    expect(rateLimitsFromConfig({})).toEqual({});
    expect(() => rateLimitsFromConfig({ auth: { rate_limit: { token_refresh: '150' } } })).toThrow(/token_refresh/);
  });

  it('reads GoTrue’s environment variables and this API’s own', () => {
    expect(rateLimitsFromEnv({
      GOTRUE_RATE_LIMIT_TOKEN_REFRESH: '10', GOTRUE_RATE_LIMIT_OTP: '5', GOTRUE_RATE_LIMIT_VERIFY: '6', GOTRUE_RATE_LIMIT_EMAIL_SENT: '0',
      GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY: '7', LOCONOMY_AUTH_ACCOUNT_FAILURES: '4', LOCONOMY_AUTH_ACCOUNT_WINDOW_SECONDS: '60',
      LOCONOMY_AUTH_RATE_LIMIT_BURST: '3', LOCONOMY_AUTH_RATE_LIMIT_WINDOW_SECONDS: '30', PATH: '/usr/bin', GOTRUE_RATE_LIMIT_SSO: '',
    })).toEqual({
      tokenRefresh: 10, signInSignUps: 5, tokenVerifications: 6, emailSent: 0, mfaChallengeAndVerify: 7,
      accountFailures: 4, accountWindowSeconds: 60, burst: 3, windowSeconds: 30,
    });
    expect(() => rateLimitsFromEnv({ GOTRUE_RATE_LIMIT_OTP: 'lots' })).toThrow(/GOTRUE_RATE_LIMIT_OTP/);
  });
});
