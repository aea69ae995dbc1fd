// Supabase Auth's request rate limits, as GoTrue applies them (internal/api/apilimiter,
// internal/conf/configuration.go): per client IP, one token bucket per endpoint that holds
// `burst` requests and refills at `limit` per window; a project-wide count of emails sent per
// hour. On top of that, what GoTrue leaves to a captcha: repeated wrong passwords for one
// account are throttled whichever IPs they come from.
import { AuthError } from './errors.ts';

export interface AuthRateLimits {
  /** /token, every grant (GOTRUE_RATE_LIMIT_TOKEN_REFRESH; CLI `token_refresh`), per IP per window */
  tokenRefresh: number;
  /**
   * /signup, /recover, /otp, /magiclink, /resend and PUT /user, each its own bucket
   * (GOTRUE_RATE_LIMIT_OTP; CLI `sign_in_sign_ups`), per IP per window
   */
  signInSignUps: number;
  /** /verify (GOTRUE_RATE_LIMIT_VERIFY; CLI `token_verifications`), per IP per window */
  tokenVerifications: number;
  /** the seconds the three numbers above are counted over (GoTrue: 5 minutes) */
  windowSeconds: number;
  /** requests a bucket holds when full: how many may come at once (GoTrue: 30) */
  burst: number;
  /** /factors/:id/challenge and /verify, each its own bucket (GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY), per IP per minute */
  mfaChallengeAndVerify: number;
  mfaWindowSeconds: number;
  /** emails sent by the whole project (GOTRUE_RATE_LIMIT_EMAIL_SENT; CLI `email_sent`) per email window */
  emailSent: number;
  emailWindowSeconds: number;
  /** wrong passwords for one email before its password sign-ins answer 429 … */
  accountFailures: number;
  /** … until the oldest of them is this many seconds old */
  accountWindowSeconds: number;
}

/** GoTrue's defaults (the Supabase CLI's config template lowers email_sent to 2). */
export const GOTRUE_RATE_LIMITS: Readonly<AuthRateLimits> = Object.freeze({
  tokenRefresh: 150,
  signInSignUps: 30,
  tokenVerifications: 30,
  windowSeconds: 300,
  burst: 30,
  mfaChallengeAndVerify: 15,
  mfaWindowSeconds: 60,
  emailSent: 30,
  emailWindowSeconds: 3600,
  // ours, not GoTrue's: the sixth wrong password in 15 minutes is refused, as is the right one
  // until the oldest failure leaves the window
  accountFailures: 5,
  accountWindowSeconds: 900,
});

/**
 * For the local stacks (npm start, npm test, scripts/sandbox.ts): every client there is
 * 127.0.0.1 and the suites sign in hundreds of times a minute, so the per-IP buckets are out of
 * reach; the per-account throttle of wrong passwords stays, since nobody legitimately guesses
 * passwords (and a success clears an account's count).
 */
export const LOCAL_STACK_RATE_LIMITS: Readonly<Partial<AuthRateLimits>> = Object.freeze({
  tokenRefresh: 1e9,
  signInSignUps: 1e9,
  tokenVerifications: 1e9,
  mfaChallengeAndVerify: 1e9,
  emailSent: 1e9,
  burst: 1e9,
});

/** For the API's own test fixtures, whose fuzz and fault tests send any password: no limit at all. */
export const UNTHROTTLED_RATE_LIMITS: Readonly<Partial<AuthRateLimits>> = Object.freeze({
  ...LOCAL_STACK_RATE_LIMITS,
  accountFailures: 1e9,
});

export const requestRateLimited = () => new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');
export const emailRateLimited = () => new AuthError(429, 'over_email_send_rate_limit', 'email rate limit exceeded');

// far more keys than a local stack meets; past this, idle (full) buckets go first, then the oldest
const MAX_KEYS = 50_000;

/** Token buckets by key (x/time/rate, which GoTrue's tollbooth limiter uses). */
export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    perWindow: number,
    windowSeconds: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perWindow / (windowSeconds * 1000);
  }

  /** takes one token for `key`; false when its bucket is empty */
  take(key: string): boolean {
    const t = this.now();
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(this.burst, b.tokens + (t - b.at) * this.perMs) : this.burst;
    // a refusal changes nothing, so the refill is computed from one point (no drift)
    if (tokens < 1 - 1e-9) return false;
    if (b) this.buckets.delete(key);
    else if (this.buckets.size >= MAX_KEYS) this.prune(t);
    // re-inserted, so the Map's order is least recently used first
    this.buckets.set(key, { tokens: tokens - 1, at: t });
    return true;
  }

  get size() {
    return this.buckets.size;
  }

  private prune(t: number) {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * this.perMs >= this.burst) this.buckets.delete(k);
    for (const k of this.buckets.keys()) {
      if (this.buckets.size < MAX_KEYS) break;
      this.buckets.delete(k);
    }
  }
}

/** GoTrue's email limiter: a count per fixed interval, reset when the interval ends. */
export class IntervalLimiter {
  private start: number;
  private count = 0;

  constructor(
    private readonly events: number,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.start = now();
  }

  allow(): boolean {
    const t = this.now();
    const passed = Math.floor((t - this.start) / this.intervalMs);
    if (passed > 0) {
      this.start += passed * this.intervalMs;
      this.count = 0;
    }
    if (this.count >= this.events) return false;
    this.count++;
    return true;
  }
}

/**
 * Wrong passwords per account (lower-cased email): after `max` within the window, password
 * sign-ins for it are refused until the oldest failure leaves the window. Unknown emails count
 * too, so a 429 says nothing about which addresses exist; refused attempts are not counted, so
 * the throttle ends on time however hard it is pushed; a successful sign-in clears the count.
 */
export class FailedSignIns {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string, t: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((at) => at > t - this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  blocked(key: string): boolean {
    return this.recent(key, this.now()).length >= this.max;
  }

  /** counts a failure; `throttled` is true for the failure that starts a throttle */
  fail(key: string): { failures: number; throttled: boolean } {
    const t = this.now();
    const list = this.recent(key, t);
    if (!list.length && this.failures.size >= MAX_KEYS) this.prune(t);
    list.push(t);
    this.failures.set(key, list.slice(-this.max));
    return { failures: list.length, throttled: list.length === this.max };
  }

  succeed(key: string) {
    this.failures.delete(key);
  }

  private prune(t: number) {
    for (const k of [...this.failures.keys()]) this.recent(k, t);
    for (const k of this.failures.keys()) {
      if (this.failures.size < MAX_KEYS) break;
      this.failures.delete(k);
    }
  }
}

/** '' (not counted) past 320 characters: no account has such an address, and keys stay small */
export const accountKey = (email: string) => (email.length > 320 ? '' : email.trim().toLowerCase());

/** Which per-IP bucket an /auth/v1 request draws from, as GoTrue's router assigns them. */
export function bucketFor(method: string, path: string, search: URLSearchParams): string | undefined {
  const p = path.replace(/\/+$/, '') || '/';
  if (method === 'POST' && p === '/token') {
    // an unknown grant is refused (400) before GoTrue counts it
    return ['password', 'refresh_token', 'id_token', 'pkce'].includes(search.get('grant_type') ?? '') ? 'token' : undefined;
  }
  if (method === 'POST' && ['/signup', '/recover', '/otp', '/magiclink', '/resend'].includes(p)) return p.slice(1);
  if (method === 'PUT' && p === '/user') return 'user';
  if ((method === 'GET' || method === 'POST') && p === '/verify') return 'verify';
  const mfa = /^\/factors\/[^/]+\/(challenge|verify)$/.exec(p);
  if (method === 'POST' && mfa) return `factor_${mfa[1]}`;
  return undefined;
}

export class AuthRateLimiter {
  readonly limits: Readonly<AuthRateLimits>;
  private readonly buckets = new Map<string, TokenBuckets>();
  private readonly email: IntervalLimiter;
  readonly accounts: FailedSignIns;

  constructor(
    limits: Partial<AuthRateLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    const l = { ...GOTRUE_RATE_LIMITS, ...definedOnly(limits) };
    for (const [k, v] of Object.entries(l)) {
      if (!Number.isFinite(v) || v < 0 || (k.endsWith('Seconds') && v === 0)) throw new Error(`auth rate limit ${k} must be a non-negative number (got ${v})`);
    }
    this.limits = Object.freeze(l);
    this.email = new IntervalLimiter(l.emailSent, l.emailWindowSeconds * 1000, now);
    this.accounts = new FailedSignIns(Math.max(1, l.accountFailures), l.accountWindowSeconds * 1000, now);
  }

  private bucket(name: string): TokenBuckets {
    let b = this.buckets.get(name);
    if (!b) {
      const l = this.limits;
      b = name === 'token' ? new TokenBuckets(l.tokenRefresh, l.windowSeconds, l.burst, this.now)
        : name === 'verify' ? new TokenBuckets(l.tokenVerifications, l.windowSeconds, l.burst, this.now)
        : name.startsWith('factor_') ? new TokenBuckets(l.mfaChallengeAndVerify, l.mfaWindowSeconds, l.burst, this.now)
        : new TokenBuckets(l.signInSignUps, l.windowSeconds, l.burst, this.now);
      this.buckets.set(name, b);
    }
    return b;
  }

  /** throws 429 over_request_rate_limit when the caller's IP has used up this endpoint's bucket */
  checkRequest(method: string, path: string, search: URLSearchParams, ip: string | undefined): void {
    const name = bucketFor(method, path, search);
    // no address (the socket already closed): nothing to answer anyway
    if (!name || !ip) return;
    if (!this.bucket(name).take(ip)) throw requestRateLimited();
  }

  /** throws 429 over_email_send_rate_limit when the project has sent its emails for the hour */
  checkEmailSend(): void {
    if (this.limits.emailSent === 0 || !this.email.allow()) throw emailRateLimited();
  }

  /** throws 429 over_request_rate_limit while the account is throttled */
  checkAccount(email: string): void {
    const key = accountKey(email);
    if (key && this.accounts.blocked(key)) throw requestRateLimited();
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// supabase/config.toml [auth.rate_limit] keys (the Supabase CLI's) → ours
const CONFIG_KEYS: Record<string, keyof AuthRateLimits> = {
  token_refresh: 'tokenRefresh',
  sign_in_sign_ups: 'signInSignUps',
  token_verifications: 'tokenVerifications',
  email_sent: 'emailSent',
};
// GoTrue's environment variables → ours; LOCONOMY_* are this stand-in's own
const ENV_KEYS: Record<string, keyof AuthRateLimits> = {
  GOTRUE_RATE_LIMIT_TOKEN_REFRESH: 'tokenRefresh',
  GOTRUE_RATE_LIMIT_OTP: 'signInSignUps',
  GOTRUE_RATE_LIMIT_VERIFY: 'tokenVerifications',
  GOTRUE_RATE_LIMIT_EMAIL_SENT: 'emailSent',
  GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY: 'mfaChallengeAndVerify',
  LOCONOMY_AUTH_RATE_LIMIT_BURST: 'burst',
  LOCONOMY_AUTH_RATE_LIMIT_WINDOW_SECONDS: 'windowSeconds',
  LOCONOMY_AUTH_ACCOUNT_FAILURES: 'accountFailures',
  LOCONOMY_AUTH_ACCOUNT_WINDOW_SECONDS: 'accountWindowSeconds',
};

/** The `[auth.rate_limit]` table of a parsed supabase/config.toml; other CLI keys (sms, web3, anonymous) have no endpoint here. */
export function rateLimitsFromConfig(config: Record<string, unknown>): Partial<AuthRateLimits> {
  const auth = config.auth as Record<string, unknown> | undefined;
  const section = (auth?.rate_limit ?? {}) as Record<string, unknown>;
  const out: Partial<AuthRateLimits> = {};
  for (const [key, field] of Object.entries(CONFIG_KEYS)) {
    const v = section[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`supabase/config.toml [auth.rate_limit] ${key} must be a non-negative number`);
    out[field] = v;
  }
  return out;
}

export function rateLimitsFromEnv(env: Record<string, string | undefined>): Partial<AuthRateLimits> {
  const out: Partial<AuthRateLimits> = {};
  for (const [name, field] of Object.entries(ENV_KEYS)) {
    const v = env[name];
    if (v === undefined || v.trim() === '') continue;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number (got "${v}")`);
    out[field] = n;
  }
  return out;
}
