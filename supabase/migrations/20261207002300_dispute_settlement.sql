-- Settling a disputed booking (issue 31): one function per outcome, each checking bookings.manage
-- in the booking's tenant, then in one transaction moving the money, the booking, its
-- moderation item and the audit trail — or nothing.
--   refund_disputed_booking    the whole refundable amount (p_amount_cents null) or part of it;
--                              the booking ends refunded when nothing refundable is left,
--                              completed otherwise (the service happened, partly refunded)
--   complete_disputed_booking  the provider's side: the booking is completed, its payment
--                              stays with the provider and goes into their next payout
--   cancel_disputed_booking    the booking did not happen: cancelled, and whatever is still
--                              refundable goes back to the customer
-- What is refundable is what was captured (payments completed or since refunded) less every
-- refund of those payments not failed or cancelled, read under locks on the booking and its
-- payments: two settlements (or a settlement and any other refund) at once cannot refund more
-- than was captured — the second waits, then sees the first's refund.
-- A refund whose payment is settled by a payout not yet sent (pending, not reconciled) joins
-- that payout, which shrinks by its share; a payout already on its way leaves the refund to
-- the provider's next one. Errors: 42501 permission or tenant, PT404 no such booking,
-- PT409 not disputed any more or claimed by a colleague, 22023 a missing reason or an amount
-- outside 1 … refundable.

-- A booking's captured payments with what is left to refund of each (those with something left).
create function private.booking_refundable_payments(p_booking_id uuid)
returns table (id uuid, user_id uuid, currency char(3), refundable bigint)
language sql stable security definer
set search_path = ''
as $$
  select x.id, x.user_id, x.currency, x.refundable
    from (select t.id, t.user_id, t.currency,
                 t.amount_cents - coalesce((select sum(r.amount_cents) from public.transactions r
                                             where r.refunded_transaction_id = t.id and r.type = 'refund'
                                               and r.status not in ('failed', 'cancelled')), 0) as refundable
            from public.transactions t
           where t.booking_id = p_booking_id and t.type = 'payment' and t.status in ('completed', 'refunded')) x
   where x.refundable > 0
$$;
revoke all on function private.booking_refundable_payments(uuid) from public, anon, authenticated;

create function private.settle_booking_dispute(p_booking_id uuid, p_outcome text, p_amount_cents bigint, p_reason text)
returns table (booking_id uuid, status public.booking_status, refunded_cents bigint, refundable_cents bigint,
               refund_transaction_ids uuid[], payouts_adjusted uuid[])
language plpgsql security definer
set search_path = ''
as $$
declare
  v_me uuid := private.current_user_id();
  v_booking public.bookings;
  v_after public.bookings;
  v_item public.moderation_items;
  v_payment record;
  v_refundable bigint;
  v_refund bigint;
  v_left bigint;
  v_slice bigint;
  v_refund_id uuid;
  v_refund_ids uuid[] := '{}';
  v_payout uuid;
  v_payouts uuid[] := '{}';
  v_status public.booking_status;
  v_code text;
begin
  if not private.has_permission('bookings.manage') then
    raise exception 'permission denied: settling a dispute needs bookings.manage' using errcode = '42501';
  end if;
  if p_reason is null or trim(p_reason) = '' then
    raise exception 'say why: a reason is required to settle a dispute' using errcode = '22023';
  end if;
  if char_length(p_reason) > 500 then
    raise exception 'the reason is at most 500 characters' using errcode = '22023';
  end if;
  select * into v_booking from public.bookings b where b.id = p_booking_id for update;
  if not found then
    raise exception 'booking % does not exist', p_booking_id using errcode = 'PT404';
  end if;
  if not private.staff_can('bookings.manage', v_booking.tenant_id) then
    raise exception 'permission denied: booking % belongs to another tenant', p_booking_id using errcode = '42501';
  end if;
  if v_booking.status <> 'disputed' then
    raise exception 'booking % is not disputed any more (it is %)', v_booking.confirmation_code, v_booking.status
      using errcode = 'PT409';
  end if;
  select * into v_item from public.moderation_items i
   where i.target_type = 'booking' and i.target_id = p_booking_id for update;
  if found and v_item.claimed_by is not null and v_item.claimed_by <> v_me and v_item.claim_expires_at > now()
     and v_item.status in ('pending', 'escalated') then
    raise exception 'a colleague holds this dispute until %: take it over first', to_char(v_item.claim_expires_at, 'HH24:MI')
      using errcode = 'PT409';
  end if;

  -- the captured payments, locked, each with what is left to refund of it
  perform 1 from public.transactions t
   where t.booking_id = p_booking_id and t.type = 'payment' and t.status in ('completed', 'refunded')
   order by t.id for update;
  select coalesce(sum(p.refundable), 0) into v_refundable from private.booking_refundable_payments(p_booking_id) p;

  v_refund := case p_outcome when 'refund' then coalesce(p_amount_cents, v_refundable)
                             when 'cancel' then v_refundable else 0 end;
  if p_outcome = 'refund' then
    if v_refundable = 0 then
      raise exception 'nothing is left to refund on booking %', v_booking.confirmation_code using errcode = '22023';
    end if;
    if v_refund < 1 or v_refund > v_refundable then
      raise exception 'a refund is 1 to % cents here (what was captured less what was refunded); got %', v_refundable, v_refund
        using errcode = '22023';
    end if;
  end if;

  -- the refund, payment by payment (most refundable first)
  v_left := v_refund;
  for v_payment in select * from private.booking_refundable_payments(p_booking_id) p order by p.refundable desc, p.id loop
    exit when v_left = 0;
    v_slice := least(v_left, v_payment.refundable);
    insert into public.transactions (user_id, booking_id, refunded_transaction_id, type, status, amount_cents, currency,
                                     description, processed_at)
    values (v_payment.user_id, p_booking_id, v_payment.id, 'refund', 'completed', v_slice, v_payment.currency,
            left('Dispute settled: ' || trim(p_reason), 500), now())
    returning id into v_refund_id;
    v_refund_ids := v_refund_ids || v_refund_id;
    select pt.payout_id into v_payout
      from public.payout_transactions pt join public.payouts po on po.id = pt.payout_id
     where pt.transaction_id = v_payment.id and po.status = 'pending' and po.reconciliation_status <> 'reconciled'
     order by po.created_at desc limit 1;
    if found then
      insert into public.payout_transactions (payout_id, transaction_id) values (v_payout, v_refund_id);
      v_payouts := v_payouts || v_payout;
    end if;
    v_left := v_left - v_slice;
  end loop;

  v_status := case p_outcome when 'complete' then 'completed' when 'cancel' then 'cancelled'
                             else case when v_refund = v_refundable then 'refunded' else 'completed' end end::public.booking_status;
  v_code := case p_outcome when 'complete' then 'dispute_completed' when 'cancel' then 'dispute_cancelled'
                           else case when v_refund = v_refundable then 'dispute_refunded_in_full' else 'dispute_refunded_in_part' end end;
  update public.bookings b set
    status = v_status,
    cancellation_reason = case when v_status = 'cancelled' then trim(p_reason) else b.cancellation_reason end
   where b.id = p_booking_id
  returning * into v_after;

  update public.moderation_items i set
    status = 'approved',
    decided_by = v_me,
    decided_at = now(),
    decision_reason_code = v_code,
    decision_note = left(trim(p_reason), 500),
    claimed_by = null,
    claim_expires_at = null,
    version = i.version + 1
   where i.target_type = 'booking' and i.target_id = p_booking_id and i.status in ('pending', 'escalated')
  returning * into v_item;
  if found then
    perform private.moderation_event(v_item, 'decided',
      jsonb_build_object('decision', v_code, 'refunded_cents', v_refund, 'booking_status', v_status));
  end if;

  perform private.write_audit('admin_action', 'bookings', p_booking_id::text,
    jsonb_build_object('status', v_booking.status), jsonb_build_object('status', v_after.status),
    jsonb_build_object('rpc', p_outcome || '_disputed_booking', 'outcome', v_code, 'reason', trim(p_reason),
                       'refunded_cents', v_refund, 'refund_transaction_ids', to_jsonb(v_refund_ids),
                       'payouts_adjusted', to_jsonb(v_payouts)),
    v_booking.tenant_id);

  return query select p_booking_id, v_after.status, v_refund, v_refundable - v_refund, v_refund_ids, v_payouts;
end
$$;
revoke all on function private.settle_booking_dispute(uuid, text, bigint, text) from public, anon, authenticated;

create function public.refund_disputed_booking(p_booking_id uuid, p_reason text, p_amount_cents bigint default null)
returns table (booking_id uuid, status public.booking_status, refunded_cents bigint, refundable_cents bigint,
               refund_transaction_ids uuid[], payouts_adjusted uuid[])
language sql security definer
set search_path = ''
as $$ select * from private.settle_booking_dispute(p_booking_id, 'refund', p_amount_cents, p_reason) $$;

create function public.complete_disputed_booking(p_booking_id uuid, p_reason text)
returns table (booking_id uuid, status public.booking_status, refunded_cents bigint, refundable_cents bigint,
               refund_transaction_ids uuid[], payouts_adjusted uuid[])
language sql security definer
set search_path = ''
as $$ select * from private.settle_booking_dispute(p_booking_id, 'complete', null, p_reason) $$;

create function public.cancel_disputed_booking(p_booking_id uuid, p_reason text)
returns table (booking_id uuid, status public.booking_status, refunded_cents bigint, refundable_cents bigint,
               refund_transaction_ids uuid[], payouts_adjusted uuid[])
language sql security definer
set search_path = ''
as $$ select * from private.settle_booking_dispute(p_booking_id, 'cancel', null, p_reason) $$;

revoke all on function public.refund_disputed_booking(uuid, text, bigint) from public, anon;
revoke all on function public.complete_disputed_booking(uuid, text) from public, anon;
revoke all on function public.cancel_disputed_booking(uuid, text) from public, anon;
grant execute on function public.refund_disputed_booking(uuid, text, bigint) to authenticated, service_role;
grant execute on function public.complete_disputed_booking(uuid, text) to authenticated, service_role;
grant execute on function public.cancel_disputed_booking(uuid, text) to authenticated, service_role;
