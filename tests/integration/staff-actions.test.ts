// The staff RPCs through supabase-js `.rpc()`: an allowed persona changes the row and leaves an
// admin_action audit row; a denied persona gets PostgREST's 42501 (403; 401 for anon) and
// changes nothing; bad input is a 400 with a message. Each test works on rows it creates (as
// postgres, directly) or restores, so the files sharing this database do not depend on order.
import { createHash, randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, closeStack, PERSONAS, serviceClient, sql, TENANT, undoAfterEach, type PersonaName } from '../helpers/stack.ts';

const cleanups = undoAfterEach();
afterAll(closeStack);

let c: Record<PersonaName | 'anon', SupabaseClient>;
beforeAll(async () => {
  c = (await clientsFor(['anon', 'super', 'ops', 'finance', 'product', 'harbor', 'customer', 'provider'])) as typeof c;
});

async function auditSeq(): Promise<number> {
  const [{ seq }] = await sql<{ seq: string }>('select coalesce(max(seq), 0)::text as seq from public.audit_logs');
  return Number(seq);
}

interface AuditRow {
  actor_id: string | null;
  action: string;
  table_name: string;
  record_id: string;
  tenant_id: string | null;
  metadata: Record<string, unknown>;
}
/** admin_action rows one RPC wrote for a record after `since`. */
async function adminAudit(since: number, rpc: string, recordId: string): Promise<AuditRow[]> {
  return sql<AuditRow>(
    `select actor_id, action::text, table_name, record_id, tenant_id, metadata from public.audit_logs
      where seq > $1 and action = 'admin_action' and metadata ->> 'rpc' = $2 and record_id = $3 order by seq`,
    [since, rpc, recordId],
  );
}

function expectDenied(res: { error: { code: string } | null; status: number; data: unknown }, status = 403) {
  expect(res.error?.code).toBe('42501');
  expect(res.status).toBe(status);
  expect(res.data).toBeNull();
}

// Fixtures ------------------------------------------------------------------------------

async function fixtureListing(): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const [{ id }] = await sql<{ id: string }>(
    `insert into public.listings (tenant_id, provider_id, title, slug, description, price_cents, status, location_type)
     values ($1, $2, $3, $4, 'integration test fixture', 5000, 'active', 'remote') returning id`,
    [TENANT.loconomy, PERSONAS.provider.userId, `Itest listing ${tag}`, `itest-listing-${tag}`],
  );
  cleanups.push(() => sql('delete from public.listings where id = $1', [id]));
  return id;
}

async function fixtureBooking(status: 'disputed' | 'confirmed'): Promise<string> {
  const [{ id }] = await sql<{ id: string }>(
    `insert into public.bookings (tenant_id, listing_id, customer_id, provider_id, status, scheduled_start, scheduled_end,
        timezone, location_type, service_location, service_address, customer_notes, currency, subtotal_cents,
        platform_fee_cents, processing_fee_cents, tax_cents, total_cents, cancellation_policy, dispute_reason)
     select tenant_id, listing_id, customer_id, provider_id, $2, scheduled_start + interval '7 years', scheduled_end + interval '7 years',
        timezone, location_type, service_location, service_address, customer_notes, currency, subtotal_cents,
        platform_fee_cents, processing_fee_cents, tax_cents, total_cents, cancellation_policy, 'integration test dispute'
       from public.bookings where tenant_id = $1 and status = 'disputed' order by id limit 1
     returning id`,
    [TENANT.loconomy, status],
  );
  cleanups.push(() => sql('delete from public.bookings where id = $1', [id]));
  return id;
}

async function fixtureReport(): Promise<string> {
  const listingId = await fixtureListing();
  const [{ id }] = await sql<{ id: string }>(
    `insert into public.content_reports (tenant_id, reporter_id, target_type, target_id, reason, details)
     values ($1, $2, 'listing', $3, 'misleading', 'integration test report') returning id`,
    [TENANT.loconomy, PERSONAS.customer.userId, listingId],
  );
  cleanups.push(() => sql('delete from public.content_reports where id = $1', [id]));
  return id;
}

async function fixtureFlag(): Promise<{ id: string; key: string }> {
  const key = `itest.flag-${randomUUID().slice(0, 8)}`;
  const [{ id }] = await sql<{ id: string }>(
    `insert into public.feature_flags (tenant_id, key, name, rollout_percentage) values ($1, $2, 'Integration test flag', 0) returning id`,
    [TENANT.loconomy, key],
  );
  cleanups.push(() => sql('delete from public.feature_flags where id = $1', [id]));
  return { id, key };
}

// Tests ---------------------------------------------------------------------------------

describe('moderate_listing', () => {
  it('ops approves: the listing changes and an audit row names ops', async () => {
    const id = await fixtureListing();
    const since = await auditSeq();
    const res = await c.ops.rpc('moderate_listing', { p_listing_id: id, p_decision: 'approve' });
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ id, moderation_status: 'approved', moderated_by: PERSONAS.ops.userId });
    const [row] = await sql('select moderation_status, moderated_by from public.listings where id = $1', [id]);
    expect(row).toEqual({ moderation_status: 'approved', moderated_by: PERSONAS.ops.userId });
    const audit = await adminAudit(since, 'moderate_listing', id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: PERSONAS.ops.userId, table_name: 'listings', tenant_id: TENANT.loconomy });
    expect(audit[0].metadata).toMatchObject({ decision: 'approve' });
  });

  it('ops suspends with a reason: status suspended, reason kept', async () => {
    const id = await fixtureListing();
    const res = await c.ops.rpc('moderate_listing', { p_listing_id: id, p_decision: 'suspend', p_reason: 'fake credentials' });
    expect(res.error).toBeNull();
    const [row] = await sql('select status::text, moderation_status, moderation_reason from public.listings where id = $1', [id]);
    expect(row).toEqual({ status: 'suspended', moderation_status: 'rejected', moderation_reason: 'fake credentials' });
  });

  it.each<[PersonaName | 'anon', number]>([
    ['finance', 403],
    ['product', 403],
    ['harbor', 403],
    ['customer', 403],
    ['provider', 403],
    ['anon', 401],
  ])('%s is refused (%i) and nothing changes', async (who, status) => {
    const id = await fixtureListing();
    const since = await auditSeq();
    expectDenied(await c[who].rpc('moderate_listing', { p_listing_id: id, p_decision: 'approve' }), status);
    const [row] = await sql('select moderation_status, moderated_by from public.listings where id = $1', [id]);
    expect(row).toEqual({ moderation_status: 'pending', moderated_by: null });
    expect(await adminAudit(since, 'moderate_listing', id)).toEqual([]);
  });

  it.each([
    ['an unknown decision', { p_decision: 'explode' }, '22023', /unknown decision explode/],
    ['flag without a reason', { p_decision: 'flag' }, '23514', /reason is required/],
  ])('%s → 400 with a message', async (_what, args, code, message) => {
    const id = await fixtureListing();
    const res = await c.ops.rpc('moderate_listing', { p_listing_id: id, ...args });
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe(code);
    expect(res.error?.message).toMatch(message);
    const [row] = await sql('select moderation_status from public.listings where id = $1', [id]);
    expect(row).toEqual({ moderation_status: 'pending' });
  });
});

describe('moderate_review', () => {
  let review: { id: string };
  beforeAll(async () => {
    [review] = await sql<{ id: string }>(
      'select id from public.reviews where tenant_id = $1 and hidden_at is null and deleted_at is null order by id limit 1',
      [TENANT.loconomy],
    );
  });

  it('ops hides with a reason and restores: both audited, the review ends as it began', async () => {
    const since = await auditSeq();
    const hide = await c.ops.rpc('moderate_review', { p_review_id: review.id, p_hide: true, p_reason: 'abusive language' });
    expect(hide.error).toBeNull();
    const [hidden] = await sql('select hidden_reason, hidden_by, hidden_at is not null as hidden from public.reviews where id = $1', [review.id]);
    expect(hidden).toEqual({ hidden_reason: 'abusive language', hidden_by: PERSONAS.ops.userId, hidden: true });
    // anon no longer sees it
    const anon = await c.anon.from('reviews').select('id').eq('id', review.id);
    expect(anon.data).toEqual([]);

    const restore = await c.ops.rpc('moderate_review', { p_review_id: review.id, p_hide: false });
    expect(restore.error).toBeNull();
    const [after] = await sql('select hidden_reason, hidden_by, hidden_at from public.reviews where id = $1', [review.id]);
    expect(after).toEqual({ hidden_reason: null, hidden_by: null, hidden_at: null });
    const audit = await adminAudit(since, 'moderate_review', review.id);
    expect(audit.map((a) => a.metadata.hide)).toEqual([true, false]);
    expect(audit.every((a) => a.actor_id === PERSONAS.ops.userId)).toBe(true);
  });

  it.each<PersonaName>(['finance', 'product', 'harbor', 'customer'])('%s is refused', async (who) => {
    expectDenied(await c[who].rpc('moderate_review', { p_review_id: review.id, p_hide: true, p_reason: 'nope' }));
    const [row] = await sql('select hidden_at from public.reviews where id = $1', [review.id]);
    expect(row).toEqual({ hidden_at: null });
  });

  it('hiding without a reason → 400', async () => {
    const res = await c.ops.rpc('moderate_review', { p_review_id: review.id, p_hide: true });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/reason is required/);
  });
});

// One request for a selection; where RLS would refuse one row (another tenant's review), the
// answer names that row, skips the rest and changes nothing.
describe('moderate_reviews (bulk)', () => {
  let ours: string[];
  let theirs: string;
  beforeAll(async () => {
    const visible = 'select id from public.reviews where tenant_id = $1 and hidden_at is null and deleted_at is null order by id desc limit 2';
    ours = (await sql<{ id: string }>(visible, [TENANT.loconomy])).map((r) => r.id);
    [{ id: theirs }] = await sql<{ id: string }>(visible, [TENANT.harbor]);
  });
  const hiddenOf = async (ids: string[]) =>
    (await sql<{ hidden: boolean }>('select hidden_at is not null as hidden from public.reviews where id = any($1) order by id', [ids])).map((r) => r.hidden);

  it('a selection with a review RLS refuses: that row refused, the others skipped, nothing hidden or audited', async () => {
    const since = await auditSeq();
    const res = await c.ops.rpc('moderate_reviews', { p_review_ids: [...ours, theirs], p_hide: true, p_reason: 'spam wave' });
    expect(res.error).toBeNull();
    const outcomes = Object.fromEntries((res.data as { id: string; outcome: string }[]).map((r) => [r.id, r.outcome]));
    expect(outcomes).toEqual({ [ours[0]]: 'skipped', [ours[1]]: 'skipped', [theirs]: 'refused' });
    expect(await hiddenOf([...ours, theirs])).toEqual([false, false, false]);
    expect(await adminAudit(since, 'moderate_review', ours[0])).toEqual([]);
  });

  it('a selection the caller may moderate: every row done and audited, then restored the same way', async () => {
    const since = await auditSeq();
    const hide = await c.ops.rpc('moderate_reviews', { p_review_ids: ours, p_hide: true, p_reason: 'spam wave' });
    expect(hide.error).toBeNull();
    expect((hide.data as { outcome: string }[]).map((r) => r.outcome)).toEqual(['done', 'done']);
    expect(await hiddenOf(ours)).toEqual([true, true]);
    for (const id of ours) expect(await adminAudit(since, 'moderate_review', id)).toHaveLength(1);

    const restore = await c.ops.rpc('moderate_reviews', { p_review_ids: ours, p_hide: false });
    expect((restore.data as { message: string }[]).map((r) => r.message)).toEqual(['restored', 'restored']);
    expect(await hiddenOf(ours)).toEqual([false, false]);
  });

  it.each([
    ['an empty selection', { p_review_ids: [], p_hide: true, p_reason: 'x' }, /at least one review/],
    ['hiding without a reason', { p_review_ids: ['10000000-0000-4000-8000-000000000009'], p_hide: true }, /reason is required/],
    ['ids that are not uuids', { p_review_ids: ['not-a-uuid'], p_hide: false }, /uuid/],
  ])('%s → 400 with a message', async (_what, args, message) => {
    const res = await c.ops.rpc('moderate_reviews', args);
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(message);
  });
});

describe('set_booking_status', () => {
  it('ops settles a dispute as refunded: status, timestamps and audit', async () => {
    const id = await fixtureBooking('disputed');
    const since = await auditSeq();
    const res = await c.ops.rpc('set_booking_status', { p_booking_id: id, p_new_status: 'refunded', p_reason: 'no-show confirmed' });
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ id, status: 'refunded' });
    const [row] = await sql('select status::text, refunded_at is not null as refunded from public.bookings where id = $1', [id]);
    expect(row).toEqual({ status: 'refunded', refunded: true });
    const audit = await adminAudit(since, 'set_booking_status', id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: PERSONAS.ops.userId, tenant_id: TENANT.loconomy });
  });

  it.each<PersonaName>(['finance', 'product', 'harbor', 'customer', 'provider'])('%s is refused', async (who) => {
    const id = await fixtureBooking('disputed');
    expectDenied(await c[who].rpc('set_booking_status', { p_booking_id: id, p_new_status: 'completed' }));
    expect(await sql('select status::text from public.bookings where id = $1', [id])).toEqual([{ status: 'disputed' }]);
  });

  it.each([
    ['a status that does not exist', 'teleported', '22P02'],
    ['a move the workflow forbids (disputed → pending)', 'pending', '23514'],
  ])('%s → 400', async (_what, newStatus, code) => {
    const id = await fixtureBooking('disputed');
    const res = await c.ops.rpc('set_booking_status', { p_booking_id: id, p_new_status: newStatus });
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe(code);
    expect(res.error?.message).toBeTruthy();
    expect(await sql('select status::text from public.bookings where id = $1', [id])).toEqual([{ status: 'disputed' }]);
  });
});

describe('reconcile_payout', () => {
  let payout: { id: string; amount_cents: string };
  beforeAll(async () => {
    [payout] = await sql<{ id: string; amount_cents: string }>(
      `select id, amount_cents::text from public.payouts
        where tenant_id = $1 and status = 'paid' and reconciliation_status = 'unreconciled' order by id limit 1`,
      [TENANT.loconomy],
    );
  });
  const restore = () =>
    sql(
      `update public.payouts set reconciliation_status = 'unreconciled', reconciled_at = null, reconciled_by = null,
              mismatch_cents = null where id = $1`,
      [payout.id],
    );

  it('finance reconciles: the verdict matches the settled transactions, audited; a second time is a 400', async () => {
    cleanups.push(restore);
    const since = await auditSeq();
    const res = await c.finance.rpc('reconcile_payout', { p_payout_id: payout.id });
    expect(res.error).toBeNull();
    const [{ expected }] = await sql<{ expected: string }>(
      'select coalesce(sum(amount_cents), 0)::text as expected from public.payout_transactions where payout_id = $1',
      [payout.id],
    );
    const verdict = expected === payout.amount_cents ? 'reconciled' : 'mismatch';
    const [row] = await sql('select reconciliation_status, expected_amount_cents::text, reconciled_by from public.payouts where id = $1', [payout.id]);
    expect(row).toEqual({ reconciliation_status: verdict, expected_amount_cents: expected, reconciled_by: PERSONAS.finance.userId });
    const audit = await adminAudit(since, 'reconcile_payout', payout.id);
    expect(audit).toHaveLength(1);
    expect(audit[0].metadata).toMatchObject({ result: verdict });

    if (verdict === 'reconciled') {
      const again = await c.finance.rpc('reconcile_payout', { p_payout_id: payout.id });
      expect(again.status).toBe(400);
      expect(again.error?.message).toMatch(/already reconciled/);
    }
  });

  it.each<PersonaName>(['ops', 'product', 'harbor', 'customer', 'provider'])('%s is refused', async (who) => {
    expectDenied(await c[who].rpc('reconcile_payout', { p_payout_id: payout.id }));
    expect(await sql('select reconciliation_status from public.payouts where id = $1', [payout.id])).toEqual([{ reconciliation_status: 'unreconciled' }]);
  });

  it('a missing payout id → 400', async () => {
    const res = await c.finance.rpc('reconcile_payout', { p_payout_id: null });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/payout id is required/);
  });
});

describe('resolve_content_report', () => {
  it('ops resolves: status resolved, resolver and audit', async () => {
    const id = await fixtureReport();
    const since = await auditSeq();
    const res = await c.ops.rpc('resolve_content_report', { p_report_id: id, p_resolution: 'content_removed', p_note: 'removed the photos' });
    expect(res.error).toBeNull();
    const [row] = await sql('select status::text, resolution, resolved_by from public.content_reports where id = $1', [id]);
    expect(row).toEqual({ status: 'resolved', resolution: 'content_removed', resolved_by: PERSONAS.ops.userId });
    expect(await adminAudit(since, 'resolve_content_report', id)).toHaveLength(1);
  });

  it.each<PersonaName>(['finance', 'product', 'harbor', 'customer'])('%s is refused', async (who) => {
    const id = await fixtureReport();
    expectDenied(await c[who].rpc('resolve_content_report', { p_report_id: id, p_resolution: 'no_violation' }));
    expect(await sql('select status::text from public.content_reports where id = $1', [id])).toEqual([{ status: 'open' }]);
  });

  it('an unknown resolution → 400 naming the allowed ones', async () => {
    const id = await fixtureReport();
    const res = await c.ops.rpc('resolve_content_report', { p_report_id: id, p_resolution: 'banish' });
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe('22023');
    expect(res.error?.message).toMatch(/unknown resolution "banish"/);
  });
});

describe('feature flags: set_feature_flag_rollout, kill_feature_flag', () => {
  it('product rolls out to 25%, then kills it; rolling out a killed flag → 400', async () => {
    const flag = await fixtureFlag();
    const since = await auditSeq();
    const roll = await c.product.rpc('set_feature_flag_rollout', { p_flag_id: flag.id, p_rollout_percentage: 25, p_note: 'test: why' });
    expect(roll.error).toBeNull();
    expect(roll.data).toMatchObject({ id: flag.id, rollout_percentage: 25, is_enabled: true });

    const kill = await c.product.rpc('kill_feature_flag', { p_flag_id: flag.id, p_reason: 'error rate spike' });
    expect(kill.error).toBeNull();
    const [row] = await sql('select kill_switch, is_enabled, kill_reason, killed_by from public.feature_flags where id = $1', [flag.id]);
    expect(row).toEqual({ kill_switch: true, is_enabled: false, kill_reason: 'error rate spike', killed_by: PERSONAS.product.userId });

    const again = await c.product.rpc('set_feature_flag_rollout', { p_flag_id: flag.id, p_rollout_percentage: 50, p_note: 'test: why' });
    expect(again.status).toBe(400);
    expect(again.error?.message).toMatch(/is killed/);

    expect((await adminAudit(since, 'set_feature_flag_rollout', flag.id)).length).toBe(1);
    expect((await adminAudit(since, 'kill_feature_flag', flag.id)).length).toBe(1);
  });

  it.each<PersonaName>(['ops', 'finance', 'harbor', 'customer'])('%s is refused', async (who) => {
    const flag = await fixtureFlag();
    expectDenied(await c[who].rpc('set_feature_flag_rollout', { p_flag_id: flag.id, p_rollout_percentage: 100, p_note: 'test: why' }));
    expectDenied(await c[who].rpc('kill_feature_flag', { p_flag_id: flag.id }));
    expect(await sql('select rollout_percentage, kill_switch from public.feature_flags where id = $1', [flag.id])).toEqual([
      { rollout_percentage: 0, kill_switch: false },
    ]);
  });

  it('a rollout over 100% → 400', async () => {
    const flag = await fixtureFlag();
    const res = await c.product.rpc('set_feature_flag_rollout', { p_flag_id: flag.id, p_rollout_percentage: 150, p_note: 'test: why' });
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe('22023');
    expect(res.error?.message).toMatch(/between 0 and 100/);
  });
});

describe('API keys: create_api_key, revoke_api_key', () => {
  it('the super admin creates a key (plaintext once, only its hash stored) and revokes it', async () => {
    const since = await auditSeq();
    const res = await c.super.rpc('create_api_key', { p_name: 'Itest key', p_scopes: ['listings:read'] });
    expect(res.error).toBeNull();
    const [key] = res.data as { id: string; key_prefix: string; api_key: string }[];
    cleanups.push(() => sql('delete from public.api_keys where id = $1', [key.id]));
    expect(key.api_key.startsWith(`${key.key_prefix}_`)).toBe(true);
    const [row] = await sql<{ key_hash: string; tenant_id: string; user_id: string }>('select key_hash, tenant_id, user_id from public.api_keys where id = $1', [key.id]);
    expect(row).toEqual({ key_hash: createHash('sha256').update(key.api_key).digest('hex'), tenant_id: TENANT.loconomy, user_id: PERSONAS.super.userId });
    expect(await adminAudit(since, 'create_api_key', key.id)).toHaveLength(1);

    // the gateway (service_role) can verify it
    const verified = await serviceClient().rpc('verify_api_key', { p_api_key: key.api_key });
    expect(verified.error).toBeNull();
    expect(verified.data).toEqual([expect.objectContaining({ api_key_id: key.id, scopes: ['listings:read'] })]);

    expectDenied(await c.ops.rpc('revoke_api_key', { p_api_key_id: key.id }));
    expectDenied(await c.harbor.rpc('revoke_api_key', { p_api_key_id: key.id }));
    const revoke = await c.super.rpc('revoke_api_key', { p_api_key_id: key.id });
    expect(revoke.error).toBeNull();
    expect(await adminAudit(since, 'revoke_api_key', key.id)).toHaveLength(1);
    const twice = await c.super.rpc('revoke_api_key', { p_api_key_id: key.id });
    expect(twice.status).toBe(400);
    expect(twice.error?.message).toMatch(/already revoked/);
    expect((await serviceClient().rpc('verify_api_key', { p_api_key: key.api_key })).data).toEqual([]);
  });

  it.each<PersonaName>(['ops', 'finance', 'product', 'customer'])('%s cannot create keys', async (who) => {
    const before = await sql('select count(*)::int as n from public.api_keys');
    expectDenied(await c[who].rpc('create_api_key', { p_name: 'sneaky' }));
    expect(await sql('select count(*)::int as n from public.api_keys')).toEqual(before);
  });

  it.each([
    ['an empty name', { p_name: '  ' }, /needs a name/],
    ['an unknown scope', { p_name: 'x', p_scopes: ['root:all'] }, /unknown API key scope/],
  ])('%s → 400', async (_what, args, message) => {
    const res = await c.super.rpc('create_api_key', args);
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe('22023');
    expect(res.error?.message).toMatch(message);
  });
});

// An allowed persona naming a row that does not exist gets a 404, not a server error.
describe('unknown ids', () => {
  const missing = '00000000-0000-4000-8000-00000000dead';
  it.each([
    ['finance', 'reconcile_payout', { p_payout_id: missing }],
    ['ops', 'resolve_content_report', { p_report_id: missing, p_resolution: 'no_violation' }],
    ['product', 'set_feature_flag_rollout', { p_flag_id: missing, p_rollout_percentage: 10, p_note: 'test: why' }],
    ['product', 'kill_feature_flag', { p_flag_id: missing }],
    ['super', 'revoke_api_key', { p_api_key_id: missing }],
  ] as const)('%s calling %s for a missing row gets 404', async (who, fn, args) => {
    const res = await c[who].rpc(fn, args);
    expect(res.status).toBe(404);
    expect(res.error?.code).toBe('PT404');
    expect(res.error?.message).toMatch(/does not exist/);
  });
});
