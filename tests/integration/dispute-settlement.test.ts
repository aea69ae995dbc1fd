// Settling disputes through supabase-js as the admin does: two partial refunds of one booking
// sent at once by two staff members, which together exceed what was captured — exactly one is
// made, the other is refused, and the customer never gets back more than they paid. The
// seeded dispute used is put back as it was afterwards.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, closeStack, sql, TENANT, undoAfterEach } from '../helpers/stack.ts';

const cleanups = undoAfterEach();
afterAll(closeStack);

let ops: SupabaseClient;
let superAdmin: SupabaseClient;
beforeAll(async () => {
  ({ ops, super: superAdmin } = await clientsFor(['ops', 'super']));
});

/** A seeded disputed booking with one captured payment, nothing refunded, nobody holding it. */
async function untouchedDispute(): Promise<{ booking_id: string; payment_id: string; amount_cents: number }> {
  const [row] = await sql<{ booking_id: string; payment_id: string; amount_cents: string }>(
    `select b.id as booking_id, t.id as payment_id, t.amount_cents::text
       from public.bookings b
       join public.transactions t on t.booking_id = b.id and t.type = 'payment' and t.status = 'completed'
       join public.moderation_items i on i.target_type = 'booking' and i.target_id = b.id and i.status = 'pending'
                                    and i.claimed_by is null
      where b.tenant_id = $1 and b.status = 'disputed'
        and (select count(*) from public.transactions x where x.booking_id = b.id and x.type in ('payment', 'refund')) = 1
      order by b.id limit 1`,
    [TENANT.loconomy],
  );
  expect(row, 'the seed has an untouched dispute with one payment').toBeDefined();
  return { ...row, amount_cents: Number(row.amount_cents) };
}

describe('refund_disputed_booking', () => {
  it('of two concurrent partial refunds that together exceed the payment, exactly one is made', async () => {
    const dispute = await untouchedDispute();
    // as it was: the booking disputed (its trigger reopens the item, dated from the dispute), then
    // the item and its history as they were before this test
    const [{ last_event }] = await sql<{ last_event: string }>(
      'select coalesce(max(id), 0)::text as last_event from public.moderation_item_events',
    );
    const [item] = await sql<{ id: string; entered_queue_at: Date; sla_due_at: Date; created_at: Date }>(
      `select id, entered_queue_at, sla_due_at, created_at from public.moderation_items
        where target_type = 'booking' and target_id = $1`,
      [dispute.booking_id],
    );
    cleanups.push(async () => {
      await sql(`delete from public.transactions where refunded_transaction_id = $1`, [dispute.payment_id]);
      await sql(`update public.bookings set status = 'disputed' where id = $1 and status <> 'disputed'`, [
        dispute.booking_id,
      ]);
      await sql(
        `update public.moderation_items set status = 'pending', decided_by = null, decided_at = null,
                decision_reason_code = null, decision_note = null, entered_queue_at = $2, sla_due_at = $3,
                created_at = $4, version = version + 1
          where id = $1`,
        [item.id, item.entered_queue_at, item.sla_due_at, item.created_at],
      );
      await sql('delete from public.moderation_item_events where item_id = $1 and id > $2', [item.id, last_event]);
    });
    const part = Math.ceil(dispute.amount_cents * 0.6);
    const [first, second] = await Promise.all([
      ops.rpc('refund_disputed_booking', {
        p_booking_id: dispute.booking_id,
        p_reason: 'Partly redone',
        p_amount_cents: part,
      }),
      superAdmin.rpc('refund_disputed_booking', {
        p_booking_id: dispute.booking_id,
        p_reason: 'Partly redone, as I see it',
        p_amount_cents: part,
      }),
    ]);
    const made = [first, second].filter((r) => r.error === null);
    const refused = [first, second].filter((r) => r.error !== null);
    expect(made).toHaveLength(1);
    expect(made[0].data).toEqual([
      expect.objectContaining({
        status: 'completed',
        refunded_cents: part,
        refundable_cents: dispute.amount_cents - part,
      }),
    ]);
    // the one that waited found the dispute settled
    expect(refused[0].status).toBe(409);
    expect(refused[0].error).toMatchObject({ code: 'PT409', message: expect.stringMatching(/not disputed any more/) });
    const refunds = await sql<{ amount_cents: string }>(
      `select amount_cents::text from public.transactions where refunded_transaction_id = $1 and type = 'refund'`,
      [dispute.payment_id],
    );
    expect(refunds.map((r) => Number(r.amount_cents))).toEqual([part]);
  });

  it('answers a refund above what is refundable with a 400 that says the bound, and writes nothing', async () => {
    const dispute = await untouchedDispute();
    const { error, status } = await ops.rpc('refund_disputed_booking', {
      p_booking_id: dispute.booking_id,
      p_reason: 'Everything and more',
      p_amount_cents: dispute.amount_cents + 1,
    });
    expect(status).toBe(400);
    expect(error).toMatchObject({
      code: '22023',
      message: expect.stringContaining(`1 to ${dispute.amount_cents} cents`),
    });
    const [{ n }] = await sql<{ n: string }>(
      `select count(*)::text as n from public.transactions where refunded_transaction_id = $1`,
      [dispute.payment_id],
    );
    expect(n).toBe('0');
  });
});
