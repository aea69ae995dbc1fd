// Issue 10 items 1-3 as a hostile client does them: a signed-in customer or provider with
// supabase-js PATCHes its own rows into another tenant, switches a listing a moderator rejected
// back on, and forges the columns that record staff actions. Each write answers an error, the
// row is unchanged (read with the service role), and the rejected listing stays invisible to
// anonymous reads. Last, the admin's forms: every field a create or edit form offers is a
// column the API lets authenticated write, so closing a door never leaves a form sending it.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWritable, registry } from '../../src/resources';
import { formFieldsFor } from '../../src/components/resource-form/form-values';
import { clientsFor, closeStack, PERSONAS, serviceClient, sql, TENANT, undoAfterEach, type PersonaName } from '../helpers/stack.ts';

const cleanups = undoAfterEach();
afterAll(closeStack);

let c: Record<PersonaName | 'anon', SupabaseClient>;
beforeAll(async () => {
  c = (await clientsFor(['anon', 'ops', 'harbor', 'customer', 'provider'])) as typeof c;
});

/** The row as the service role reads it, for before/after comparisons. */
async function rowOf(table: string, id: string): Promise<Record<string, unknown>> {
  const { data, error } = await serviceClient().from(table).select('*').eq('id', id).single();
  expect(error).toBeNull();
  return data as Record<string, unknown>;
}

/** One row of `table` owned by the persona (`column` = its public.users id). */
async function ownRowId(table: string, column: string, who: PersonaName): Promise<string> {
  const rows = await sql<{ id: string }>(`select id from public.${table} where ${column} = $1 order by id limit 1`, [
    PERSONAS[who].userId,
  ]);
  expect(rows, `${who} owns no ${table} row in the seed`).toHaveLength(1);
  return rows[0].id;
}

describe('item 1: nobody moves their own rows into another tenant', () => {
  const cases = [
    ['customer', 'user_profiles', 'user_id'],
    ['customer', 'user_sessions', 'user_id'],
    ['customer', 'review_votes', 'user_id'],
    ['provider', 'provider_availability', 'provider_id'],
    ['provider', 'availability_overrides', 'provider_id'],
    ['provider', 'listings', 'provider_id'],
    ['customer', 'bookings', 'customer_id'],
  ] as const;

  it.each(cases)('%s PATCH %s {tenant_id: harbor} → 403, row unchanged', async (who, table, owner) => {
    const id = await ownRowId(table, owner, who);
    const before = await rowOf(table, id);
    const res = await c[who].from(table).update({ tenant_id: TENANT.harbor }).eq('id', id);
    expect(res.error?.code, `${table}: ${res.error?.message}`).toBe('42501');
    expect(res.status).toBe(403);
    expect(await rowOf(table, id)).toEqual(before);
    expect(before.tenant_id).toBe(TENANT.loconomy);
  });

  it("the other tenant's admin still does not read the customer's profile", async () => {
    const { data, error } = await c.harbor.from('user_profiles').select('id').eq('user_id', PERSONAS.customer.userId);
    expect(error).toBeNull();
    expect(data).toEqual([]);
  });
});

describe("item 2: a provider cannot undo a moderator's decision", () => {
  async function providerListing(overrides: Record<string, string> = {}): Promise<string> {
    const id = randomUUID();
    await sql(
      `insert into public.listings (id, provider_id, title, slug, status, moderation_status, price_cents, location_type)
       values ($1, $2, 'Hostile client listing', $3, $4, $5, 4000, 'remote')`,
      [id, PERSONAS.provider.userId, `itest-hostile-${id.slice(0, 12)}`, overrides.status ?? 'active', overrides.moderation ?? 'approved'],
    );
    cleanups.push(() => sql('delete from public.listings where id = $1', [id]));
    return id;
  }
  const anonSees = async (id: string) => {
    const { data, error } = await c.anon.from('listings').select('id').eq('id', id);
    expect(error).toBeNull();
    return (data ?? []).length > 0;
  };

  it('after moderate_listing rejects it, PATCH {status: active} answers 403 and the listing stays hidden', async () => {
    const id = await providerListing();
    expect(await anonSees(id)).toBe(true);
    const rejected = await c.ops.rpc('moderate_listing', { p_listing_id: id, p_decision: 'reject', p_reason: 'misleading photos' });
    expect(rejected.error).toBeNull();
    const before = await rowOf('listings', id);
    expect([before.status, before.moderation_status]).toEqual(['inactive', 'rejected']);

    const res = await c.provider.from('listings').update({ status: 'active' }).eq('id', id);
    expect(res.error?.code).toBe('42501');
    expect(res.status).toBe(403);
    expect(res.error?.message).toMatch(/rejected by moderation.*moderator/);
    expect(await rowOf('listings', id)).toEqual(before);
    expect(await anonSees(id)).toBe(false);
  });

  it('a flagged listing cannot be switched on by its provider either', async () => {
    const id = await providerListing({ status: 'paused', moderation: 'approved' });
    const flagged = await c.ops.rpc('moderate_listing', { p_listing_id: id, p_decision: 'flag', p_reason: 'check licence' });
    expect(flagged.error).toBeNull();
    const res = await c.provider.from('listings').update({ status: 'active' }).eq('id', id);
    expect(res.error?.code).toBe('42501');
    expect((await rowOf('listings', id)).status).toBe('paused');
    expect(await anonSees(id)).toBe(false);
  });

  it('a listing the provider creates as active is invisible to anon until a moderator approves it', async () => {
    const slug = `itest-hostile-new-${randomUUID().slice(0, 12)}`;
    const created = await c.provider
      .from('listings')
      .insert({ provider_id: PERSONAS.provider.userId, title: 'Live at once?', slug, status: 'active', price_cents: 2500, location_type: 'remote' })
      .select('id, status, moderation_status')
      .single();
    expect(created.error).toBeNull();
    const id = (created.data as { id: string }).id;
    cleanups.push(() => sql('delete from public.listings where id = $1', [id]));
    expect(created.data).toMatchObject({ status: 'active', moderation_status: 'pending' });
    expect(await anonSees(id)).toBe(false);
    const approved = await c.ops.rpc('moderate_listing', { p_listing_id: id, p_decision: 'approve' });
    expect(approved.error).toBeNull();
    expect(await anonSees(id)).toBe(true);
  });
});

describe('item 3: columns that record staff actions cannot be forged', () => {
  it('a provider cannot set moderated_by / moderated_at on its own listing', async () => {
    const id = await ownRowId('listings', 'provider_id', 'provider');
    const before = await rowOf('listings', id);
    const res = await c.provider
      .from('listings')
      .update({ moderated_by: PERSONAS.ops.userId, moderated_at: new Date().toISOString() })
      .eq('id', id);
    expect(res.error?.code).toBe('42501');
    expect(res.status).toBe(403);
    expect(await rowOf('listings', id)).toEqual(before);
  });

  it("a review's author cannot set hidden_by", async () => {
    const id = await ownRowId('reviews', 'reviewer_id', 'customer');
    const before = await rowOf('reviews', id);
    const res = await c.customer.from('reviews').update({ hidden_by: PERSONAS.ops.userId }).eq('id', id);
    expect(res.error?.code).toBe('42501');
    expect(res.status).toBe(403);
    expect(await rowOf('reviews', id)).toEqual(before);
  });

  it('a customer cannot set refunded_at on a completed booking', async () => {
    const [{ id }] = await sql<{ id: string }>(
      "select id from public.bookings where customer_id = $1 and status = 'completed' and refunded_at is null order by id limit 1",
      [PERSONAS.customer.userId],
    );
    const before = await rowOf('bookings', id);
    const res = await c.customer.from('bookings').update({ refunded_at: new Date().toISOString() }).eq('id', id);
    expect(res.error?.code).toBe('42501');
    expect(res.status).toBe(403);
    expect(await rowOf('bookings', id)).toEqual(before);
  });
});

describe("the admin's forms send only columns the API lets staff write", () => {
  const cases = registry.flatMap((def) =>
    (['create', 'edit'] as const)
      .filter((action) => isWritable(def, action))
      .map((action) => [def.name, action, def] as const),
  );
  it.each(cases)('%s %s form', async (table, action, def) => {
    const columns = formFieldsFor(def, action)
      .filter((f) => f.kind !== 'geo_area')
      .map((f) => f.name as string);
    const refused = await sql<{ column: string }>(
      `select c as column from unnest($1::text[]) c
        where not has_column_privilege('authenticated', format('public.%I', $2::text), c, $3)`,
      [columns, table, action === 'create' ? 'INSERT' : 'UPDATE'],
    );
    expect(refused.map((r) => r.column), `${table} ${action} form offers columns authenticated may not write`).toEqual([]);
  });
});
