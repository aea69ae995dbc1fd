// The dashboard RPCs through supabase-js, as each demo persona: staff_work_queue() must give the
// numbers SQL counts directly (as postgres, no RLS) for the persona's tenant, NULL for every
// count whose permission the persona lacks; staff_bookings_per_day() the same per local day.
// Last, the page's own data path: the app's data provider custom() called exactly as the
// dashboard calls it, read by the page's parser. Read-only: nothing to clean up.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scopeArgs, toBookingsDays, toWorkQueue } from '../../src/features/dashboard/work-queue';
import { createDataProvider } from '../../src/providers/data-provider';
import { clientFor, closeStack, sql, TENANT, type PersonaName } from '../helpers/stack.ts';

// the app's own client is built for the browser; the provider gets the personas' clients
vi.mock('../../src/providers/supabase-client', () => ({ supabaseClient: null }));

afterAll(closeStack);

const KEYS = [
  'listings_awaiting_moderation',
  'open_content_reports',
  'content_reports_in_review',
  'disputed_bookings',
  'failed_payments_7d',
  'flags_changed_today',
] as const;
type Key = (typeof KEYS)[number];
type Counts = Record<Key, number | null>;

const ALL_NULL = Object.fromEntries(KEYS.map((k) => [k, null])) as Counts;

// Ground truth for a set of tenants, phrased independently of the function: "today" as the
// local calendar date of each tenant rather than a computed midnight.
async function counted(tenants: string[]): Promise<Counts> {
  const [row] = await sql<Record<Key, string>>(
    `select
       (select count(*) from public.listings where tenant_id = any ($1::uuid[]) and moderation_status = 'pending' and deleted_at is null) as listings_awaiting_moderation,
       (select count(*) from public.content_reports where tenant_id = any ($1::uuid[]) and status = 'open') as open_content_reports,
       (select count(*) from public.content_reports where tenant_id = any ($1::uuid[]) and status = 'in_review') as content_reports_in_review,
       (select count(*) from public.bookings where tenant_id = any ($1::uuid[]) and status = 'disputed') as disputed_bookings,
       (select count(*) from public.transactions where tenant_id = any ($1::uuid[]) and status = 'failed' and created_at > now() - interval '7 days') as failed_payments_7d,
       (select count(*) from public.feature_flags f join public.tenants t on t.id = f.tenant_id
         where f.tenant_id = any ($1::uuid[])
           and (f.updated_at at time zone t.default_timezone)::date = (now() at time zone t.default_timezone)::date) as flags_changed_today`,
    [tenants],
  );
  return Object.fromEntries(KEYS.map((k) => [k, Number(row[k])])) as Counts;
}

const only = (counts: Counts, keys: readonly Key[]): Counts =>
  Object.fromEntries(KEYS.map((k) => [k, keys.includes(k) ? counts[k] : null])) as Counts;

async function workQueue(client: SupabaseClient, tenantId?: string) {
  const res = await client.rpc('staff_work_queue', tenantId ? { p_tenant_id: tenantId } : {});
  return { ...res, row: (res.data as Counts[] | null)?.[0] };
}

let c: Record<PersonaName | 'anon', SupabaseClient>;
let allTenants: string[];
let loconomy: Counts;
let harbor: Counts;
beforeAll(async () => {
  const names = ['anon', 'super', 'ops', 'finance', 'product', 'harbor', 'customer', 'provider'] as const;
  c = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await clientFor(n)] as const))) as typeof c;
  allTenants = (await sql<{ id: string }>('select id from public.tenants')).map((t) => t.id);
  [loconomy, harbor] = await Promise.all([counted([TENANT.loconomy]), counted([TENANT.harbor])]);
});

describe('staff_work_queue through the API', () => {
  it('has something to count in the demo data, so equal numbers mean something', () => {
    for (const key of KEYS) expect(loconomy[key], key).toBeGreaterThan(0);
    expect(harbor.listings_awaiting_moderation).toBeGreaterThan(0);
  });

  const cases: { persona: PersonaName; expected: () => Counts }[] = [
    {
      persona: 'ops',
      expected: () =>
        only(loconomy, [
          'listings_awaiting_moderation',
          'open_content_reports',
          'content_reports_in_review',
          'disputed_bookings',
        ]),
    },
    { persona: 'finance', expected: () => only(loconomy, ['disputed_bookings', 'failed_payments_7d']) },
    { persona: 'product', expected: () => only(loconomy, ['listings_awaiting_moderation', 'flags_changed_today']) },
    { persona: 'harbor', expected: () => harbor },
    { persona: 'customer', expected: () => ALL_NULL },
    { persona: 'provider', expected: () => ALL_NULL },
  ];
  it.each(cases)(
    '$persona gets their tenant’s counts, NULL where a permission is missing',
    async ({ persona, expected }) => {
      const { row, error, status } = await workQueue(c[persona]);
      expect(error).toBeNull();
      expect(status).toBe(200);
      expect(row).toEqual(expected());
    },
  );

  it('the super admin gets every tenant without a scope, one tenant with p_tenant_id', async () => {
    expect((await workQueue(c.super)).row).toEqual(await counted(allTenants));
    expect((await workQueue(c.super, TENANT.loconomy)).row).toEqual(loconomy);
    expect((await workQueue(c.super, TENANT.harbor)).row).toEqual(harbor);
  });

  it('naming another tenant gives a tenant admin zeros, never that tenant’s numbers', async () => {
    const { row } = await workQueue(c.harbor, TENANT.loconomy);
    expect(row).toEqual(Object.fromEntries(KEYS.map((k) => [k, 0])));
  });

  it('counts arrive as JSON numbers (or null), as the page expects', async () => {
    const { row } = await workQueue(c.finance);
    expect(typeof row?.disputed_bookings).toBe('number');
    expect(row?.listings_awaiting_moderation).toBeNull();
  });

  it('refuses anonymous callers', async () => {
    const res = await workQueue(c.anon);
    expect(res.error?.code).toBe('42501');
    expect(res.status).toBe(401);
    expect(res.data).toBeNull();
  });
});

describe('staff_bookings_per_day through the API', () => {
  async function perDay(tenant: string, days: number) {
    const rows = await sql<{ day: string; bookings: string; completed: string }>(
      `with tz as (select default_timezone as zone from public.tenants where id = $1)
       select to_char(d, 'YYYY-MM-DD') as day,
              (select count(*) from public.bookings b where b.tenant_id = $1 and (b.created_at at time zone tz.zone)::date = d) as bookings,
              (select count(*) from public.bookings b where b.tenant_id = $1 and (b.completed_at at time zone tz.zone)::date = d) as completed
         from tz, generate_series((now() at time zone tz.zone)::date - ($2::int - 1), (now() at time zone tz.zone)::date, interval '1 day') d
        order by d`,
      [tenant, days],
    );
    return rows.map((r) => ({ day: r.day, bookings: Number(r.bookings), completed: Number(r.completed) }));
  }

  it.each(['ops', 'finance'] as const)('%s gets loconomy’s bookings per local day', async (persona) => {
    const { data, error } = await c[persona].rpc('staff_bookings_per_day', {});
    expect(error).toBeNull();
    expect(data).toEqual(await perDay(TENANT.loconomy, 14));
  });

  it('harbor’s admin gets harbor’s days, in harbor’s time zone', async () => {
    const { data } = await c.harbor.rpc('staff_bookings_per_day', { p_days: 30 });
    expect(data).toEqual(await perDay(TENANT.harbor, 30));
  });

  it('the super admin narrowed to a tenant gets that tenant’s days', async () => {
    const { data } = await c.super.rpc('staff_bookings_per_day', { p_tenant_id: TENANT.harbor, p_days: 7 });
    expect(data).toEqual(await perDay(TENANT.harbor, 7));
  });

  it.each(['product', 'customer', 'provider'] as const)('%s (no bookings.read) gets no days', async (persona) => {
    const { data, error } = await c[persona].rpc('staff_bookings_per_day', {});
    expect(error).toBeNull();
    expect(data).toEqual([]);
  });

  it('rejects a window outside 1…366 days with a 400', async () => {
    const { error, status } = await c.ops.rpc('staff_bookings_per_day', { p_days: 0 });
    expect(error?.code).toBe('22023');
    expect(status).toBe(400);
  });

  it('refuses anonymous callers', async () => {
    const { error, status } = await c.anon.rpc('staff_bookings_per_day', {});
    expect(error?.code).toBe('42501');
    expect(status).toBe(401);
  });
});

describe('the dashboard page’s data path: the app’s data provider, as the page calls it', () => {
  const call = (persona: PersonaName | 'anon', rpc: string, payload: Record<string, unknown>) =>
    createDataProvider(c[persona]).custom({ url: `rpc/${rpc}`, method: 'post', payload, meta: { rpc } });

  it.each([
    [
      'ops',
      null,
      () =>
        only(loconomy, [
          'listings_awaiting_moderation',
          'open_content_reports',
          'content_reports_in_review',
          'disputed_bookings',
        ]),
    ],
    ['harbor', null, () => harbor],
    ['customer', null, () => ALL_NULL],
    ['super', TENANT.harbor, () => harbor],
  ] as const)('%s (tenant scope %s) sees the counts SQL gives', async (persona, tenant, expected) => {
    const { data } = await call(persona, 'staff_work_queue', scopeArgs(tenant));
    expect(toWorkQueue(data)).toEqual(expected());
  });

  it('the chart series parses to the days SQL gives', async () => {
    const { data } = await call('finance', 'staff_bookings_per_day', { ...scopeArgs(null), p_days: 14 });
    const [{ n }] = await sql<{ n: string }>(
      `select count(*) as n from public.bookings b join public.tenants t on t.id = b.tenant_id
        where b.tenant_id = $1 and (b.created_at at time zone t.default_timezone)::date
              > (now() at time zone t.default_timezone)::date - 14`,
      [TENANT.loconomy],
    );
    const days = toBookingsDays(data);
    expect(days).toHaveLength(14);
    expect(days.reduce((sum, d) => sum + d.bookings, 0)).toBe(Number(n));
  });

  it('anonymous callers get a 401 HttpError the auth provider acts on', async () => {
    await expect(call('anon', 'staff_work_queue', {})).rejects.toMatchObject({ statusCode: 401 });
  });
});
