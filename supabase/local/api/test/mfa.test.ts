// /auth/v1/factors through supabase-js's auth.mfa, as an app uses it: enrol a TOTP factor,
// challenge and verify it (the session becomes aal2), refresh, list, and unenrol.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import * as OTPAuth from 'otpauth';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startFixture, type Fixture } from './fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture('mfa');
});
afterAll(() => f?.stop());

/** The code an authenticator app shows `steps` periods from now. */
const codeFor = (secret: string, steps = 0) =>
  new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + steps * 30_000,
  });

/** Waits for a new 30 s period when this one has under 10 s left, so that a test comparing
 *  "the code just used" with its neighbours does not see the period roll over half-way. */
async function startOfPeriod() {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 10_000) await new Promise((r) => setTimeout(r, left + 200));
}

let n = 0;
/** A new confirmed user, signed in with a password (aal1). */
async function newUser(): Promise<{ client: SupabaseClient; email: string }> {
  const email = `mfa-${process.pid}-${++n}@example.com`;
  const { error } = await f.client(f.serviceKey).auth.admin.createUser({ email, password: 'mfa-password', email_confirm: true });
  if (error) throw error;
  const client = f.client();
  const signIn = await client.auth.signInWithPassword({ email, password: 'mfa-password' });
  if (signIn.error) throw signIn.error;
  return { client, email };
}

async function accessClaims(c: SupabaseClient) {
  const { data } = await c.auth.getSession();
  return decodeJwt(data.session!.access_token);
}

/** Enrols and verifies a TOTP factor; returns its id and secret. */
async function enrolled(c: SupabaseClient) {
  const { data, error } = await c.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'phone app', issuer: 'Loconomy Admin' });
  if (error) throw error;
  const verified = await c.auth.mfa.challengeAndVerify({ factorId: data.id, code: codeFor(data.totp.secret) });
  if (verified.error) throw verified.error;
  return { factorId: data.id, secret: data.totp.secret };
}

describe('enrolment', () => {
  it('returns the secret, an otpauth URI and a QR code that supabase-js hands out as an SVG data URL', async () => {
    const { client, email } = await newUser();
    const { data, error } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'phone app', issuer: 'Loconomy Admin' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: expect.any(String), type: 'totp', friendly_name: 'phone app' });
    expect(data!.totp.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = OTPAuth.URI.parse(data!.totp.uri) as OTPAuth.TOTP;
    expect(uri).toMatchObject({ issuer: 'Loconomy Admin', label: email, digits: 6, period: 30 });
    expect(uri.algorithm).toBe('SHA1');
    expect(uri.secret.base32).toBe(data!.totp.secret);
    expect(data!.totp.qr_code).toMatch(/^data:image\/svg\+xml;utf-8,<svg [^#]*<\/svg>$/);
    const [row] = await f.sql('select status::text, factor_type::text, secret from auth.mfa_factors where id = $1', [data!.id]);
    expect(row).toEqual({ status: 'unverified', factor_type: 'totp', secret: data!.totp.secret });
    // an unverified factor does not raise the next level
    const aal = await client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(aal.data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal1' });
  });

  it('refuses unknown factor types, duplicate names and a second factor from an aal1 session', async () => {
    const { client } = await newUser();
    const bad = await fetch(`${f.url}/auth/v1/factors`, {
      method: 'POST',
      headers: { apikey: f.anonKey, Authorization: `Bearer ${(await client.auth.getSession()).data.session!.access_token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ factor_type: 'sms' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error_code: 'validation_failed' });
    const first = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'same' });
    expect(first.error).toBeNull();
    const dup = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'same' });
    expect(dup.error).toMatchObject({ status: 422, code: 'mfa_factor_name_conflict' });

    const other = await newUser();
    await enrolled(other.client);
    // a new password sign-in is aal1 again; adding a factor then needs the existing one first
    const again = f.client();
    await again.auth.signInWithPassword({ email: other.email, password: 'mfa-password' });
    const second = await again.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'second' });
    expect(second.error).toMatchObject({ status: 403, code: 'insufficient_aal' });
  });

  it('needs a signed-in session', async () => {
    const res = await fetch(`${f.url}/auth/v1/factors`, {
      method: 'POST', headers: { apikey: f.anonKey, 'Content-Type': 'application/json' }, body: JSON.stringify({ factor_type: 'totp' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('verification', () => {
  it('lifts the session to aal2 with amr totp + password, and a refreshed session keeps it', async () => {
    const { client } = await newUser();
    const before = await accessClaims(client);
    expect(before).toMatchObject({ aal: 'aal1', amr: [{ method: 'password', timestamp: expect.any(Number) }] });
    const { data } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'phone app' });
    const ch = await client.auth.mfa.challenge({ factorId: data!.id });
    expect(ch.error).toBeNull();
    expect(ch.data).toMatchObject({ id: expect.any(String), type: 'totp' });
    expect(ch.data!.expires_at - Date.now() / 1000).toBeGreaterThan(290);
    const v = await client.auth.mfa.verify({ factorId: data!.id, challengeId: ch.data!.id, code: codeFor(data!.totp.secret) });
    expect(v.error).toBeNull();
    // supabase-js saved the new session
    const after = await accessClaims(client);
    expect(after.session_id).toBe(before.session_id);
    expect(after.aal).toBe('aal2');
    // GoTrue lists the most recent method first
    expect((after.amr as { method: string }[]).map((m) => m.method)).toEqual(['totp', 'password']);
    expect(await client.auth.mfa.getAuthenticatorAssuranceLevel()).toMatchObject({
      data: { currentLevel: 'aal2', nextLevel: 'aal2', currentAuthenticationMethods: expect.arrayContaining([expect.objectContaining({ method: 'totp' })]) },
    });
    const [session] = await f.sql('select aal::text, factor_id from auth.sessions where id = $1', [after.session_id]);
    expect(session).toEqual({ aal: 'aal2', factor_id: data!.id });

    const refreshed = await client.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    const claims = decodeJwt(refreshed.data.session!.access_token);
    expect(claims.aal).toBe('aal2');
    expect((claims.amr as { method: string }[]).map((m) => m.method)).toEqual(['totp', 'password']);
  });

  it('the refresh token from before verification cannot be turned into an aal2 session', async () => {
    const { client } = await newUser();
    const aal1Refresh = (await client.auth.getSession()).data.session!.refresh_token;
    await enrolled(client);
    const replay = f.client();
    const { data, error } = await replay.auth.refreshSession({ refresh_token: aal1Refresh });
    expect(data.session).toBeNull();
    expect(error).toMatchObject({ status: 400 });
  });

  it('refuses a wrong code (422 mfa_verification_failed) and keeps the challenge usable', async () => {
    const { client } = await newUser();
    const { data } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'phone app' });
    const ch = await client.auth.mfa.challenge({ factorId: data!.id });
    const right = codeFor(data!.totp.secret);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    const bad = await client.auth.mfa.verify({ factorId: data!.id, challengeId: ch.data!.id, code: wrong });
    expect(bad.error).toMatchObject({ status: 422, code: 'mfa_verification_failed' });
    expect((await accessClaims(client)).aal).toBe('aal1');
    // a code from three periods ago is outside the ±1 step window
    const stale = await client.auth.mfa.verify({ factorId: data!.id, challengeId: ch.data!.id, code: codeFor(data!.totp.secret, -3) });
    expect(stale.error).toMatchObject({ status: 422, code: 'mfa_verification_failed' });
    const good = await client.auth.mfa.verify({ factorId: data!.id, challengeId: ch.data!.id, code: right });
    expect(good.error).toBeNull();
  });

  it('accepts the neighbouring periods (clock skew) and refuses a code already used', async () => {
    await startOfPeriod();
    const { client, email } = await newUser();
    const { factorId, secret } = await enrolled(client); // used the current period's code
    const second = f.client();
    await second.auth.signInWithPassword({ email, password: 'mfa-password' });
    const reused = await second.auth.mfa.challengeAndVerify({ factorId, code: codeFor(secret) });
    expect(reused.error).toMatchObject({ status: 422, code: 'mfa_verification_failed' });
    const ahead = await second.auth.mfa.challengeAndVerify({ factorId, code: codeFor(secret, 1) });
    expect(ahead.error).toBeNull();
    const third = f.client();
    await third.auth.signInWithPassword({ email, password: 'mfa-password' });
    const behind = await third.auth.mfa.challengeAndVerify({ factorId, code: codeFor(secret, -1) });
    expect(behind.error).toBeNull();
  });

  it('refuses an expired challenge (422 mfa_challenge_expired) and deletes it', async () => {
    const { client } = await newUser();
    const { data } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'phone app' });
    const ch = await client.auth.mfa.challenge({ factorId: data!.id });
    await f.sql(`update auth.mfa_challenges set created_at = now() - interval '301 seconds' where id = $1`, [ch.data!.id]);
    const v = await client.auth.mfa.verify({ factorId: data!.id, challengeId: ch.data!.id, code: codeFor(data!.totp.secret) });
    expect(v.error).toMatchObject({ status: 422, code: 'mfa_challenge_expired' });
    expect(await f.sql('select 1 from auth.mfa_challenges where id = $1', [ch.data!.id])).toEqual([]);
    const again = await client.auth.mfa.verify({ factorId: data!.id, challengeId: ch.data!.id, code: codeFor(data!.totp.secret) });
    expect(again.error).toMatchObject({ status: 422, code: 'mfa_factor_not_found' });
  });

  it("answers 404 mfa_factor_not_found for another user's factor", async () => {
    const a = await newUser();
    const b = await newUser();
    const { data } = await a.client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'phone app' });
    const ch = await b.client.auth.mfa.challenge({ factorId: data!.id });
    expect(ch.error).toMatchObject({ status: 404, code: 'mfa_factor_not_found' });
    const del = await b.client.auth.mfa.unenroll({ factorId: data!.id });
    expect(del.error).toMatchObject({ status: 404, code: 'mfa_factor_not_found' });
  });

  it('refuses a challenge that was already verified', async () => {
    const { client } = await newUser();
    const { data } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'phone app' });
    const ch = await client.auth.mfa.challenge({ factorId: data!.id });
    await client.auth.mfa.verify({ factorId: data!.id, challengeId: ch.data!.id, code: codeFor(data!.totp.secret) });
    const again = await client.auth.mfa.verify({ factorId: data!.id, challengeId: ch.data!.id, code: codeFor(data!.totp.secret, 1) });
    expect(again.error).toMatchObject({ status: 422, code: 'mfa_ip_address_mismatch' });
  });
});

describe('listing and unenrolling', () => {
  it('listFactors reads the factors on GET /user; the verified one raises nextLevel for a new sign-in', async () => {
    const { client, email } = await newUser();
    expect((await client.auth.mfa.listFactors()).data).toEqual({ all: [], totp: [], phone: [], webauthn: [] });
    const { factorId } = await enrolled(client);
    const fresh = f.client();
    await fresh.auth.signInWithPassword({ email, password: 'mfa-password' });
    const list = await fresh.auth.mfa.listFactors();
    expect(list.data!.totp).toEqual([expect.objectContaining({ id: factorId, factor_type: 'totp', status: 'verified', friendly_name: 'phone app' })]);
    expect(JSON.stringify(list.data)).not.toContain('secret');
    expect((await fresh.auth.mfa.getAuthenticatorAssuranceLevel()).data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal2' });
  });

  it('unenrolling a verified factor needs aal2 (422 insufficient_aal); then the session drops to aal1', async () => {
    const { client, email } = await newUser();
    const { factorId } = await enrolled(client);
    const aal1 = f.client();
    await aal1.auth.signInWithPassword({ email, password: 'mfa-password' });
    const refused = await aal1.auth.mfa.unenroll({ factorId });
    expect(refused.error).toMatchObject({ status: 422, code: 'insufficient_aal' });
    expect(await f.sql('select 1 from auth.mfa_factors where id = $1', [factorId])).toHaveLength(1);

    const removed = await client.auth.mfa.unenroll({ factorId });
    expect(removed.error).toBeNull();
    expect(removed.data).toEqual({ id: factorId });
    expect(await f.sql('select 1 from auth.mfa_factors where id = $1', [factorId])).toEqual([]);
    const refreshed = await client.auth.refreshSession();
    expect(decodeJwt(refreshed.data.session!.access_token)).toMatchObject({ aal: 'aal1', amr: [expect.objectContaining({ method: 'password' })] });
  });

  it('an unverified factor can be removed from an aal1 session (an abandoned enrolment)', async () => {
    const { client } = await newUser();
    const { data } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'phone app' });
    const removed = await client.auth.mfa.unenroll({ factorId: data!.id });
    expect(removed.error).toBeNull();
  });
});
