// Row-level security seen through the REST API with supabase-js: a persona × table matrix of
// what each demo login can read (checked against the business rule computed directly in SQL as
// postgres — the ground truth), cross-customer and cross-tenant isolation, and writes that must
// be refused (anon anywhere; audit_logs for everyone, even the super admin and service_role).
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, closeStack, PERSONA_NAMES, PERSONAS, serviceClient, sql, sqlAsSignedIn, TENANT, type PersonaName } from '../helpers/stack.ts';

afterAll(closeStack);

// Per table: the staff permission(s) that open a tenant's rows, the rows a user owns, and the
// rows anyone (signed in, and anon where `anon` is set) may read.
interface TableRule {
  perms: string[];
  own?: string;
  open?: string;
  anon?: boolean;
  /** rows without a tenant, for super admins holding the permission */
  platform?: string;
}
const RULES: Record<string, TableRule> = {
  listings: { perms: ['listings.read'], own: 'provider_id = $1', open: "status = 'active' and moderation_status = 'approved' and deleted_at is null", anon: true },
  bookings: { perms: ['bookings.read'], own: 'customer_id = $1 or provider_id = $1' },
  reviews: { perms: ['reviews.moderate'], own: 'reviewer_id = $1 or provider_id = $1', open: 'hidden_at is null and deleted_at is null', anon: true },
  transactions: { perms: ['finance.read'], own: 'user_id = $1' },
  payouts: { perms: ['finance.read'], own: 'user_id = $1' },
  invoices: { perms: ['finance.read'], own: "user_id = $1 and status <> 'draft'" },
  feature_flags: { perms: ['feature_flags.read', 'feature_flags.manage'] },
  audit_logs: { perms: ['audit.read'], platform: 'tenant_id is null' },
  users: { perms: ['users.read'], own: 'id = $1' },
  content_reports: { perms: ['reports.read'], own: 'reporter_id = $1' },
  api_keys: { perms: ['integrations.read', 'integrations.manage'] },
};
const TABLES = Object.keys(RULES);

// the tenants whose rows a persona's staff permissions open: super admin all, an admin its own
async function staffTenants(name: PersonaName, perms: string[]): Promise<string[]> {
  const p = PERSONAS[name];
  const rows = await sqlAsSignedIn<{ key: string }>(name, 'select k as key from private.effective_permissions($1) k', [p.userId]);
  if (!rows.some((r) => perms.includes(r.key))) return [];
  return p.role === 'super_admin' ? Object.values(TENANT) : [p.tenantId];
}

async function expectedCount(table: string, who: PersonaName | 'anon'): Promise<number> {
  const rule = RULES[table];
  if (who === 'anon') {
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from public.${table} where ${rule.open}`);
    return n;
  }
  const tenants = await staffTenants(who, rule.perms);
  const platform = PERSONAS[who].role === 'super_admin' && tenants.length ? rule.platform : undefined;
  const where = ['tenant_id = any($2::uuid[])', rule.own, rule.open, platform].filter(Boolean).map((w) => `(${w})`).join(' or ');
  const [{ n }] = await sql<{ n: number }>(
    `select count(*)::int as n from public.${table} where (${where.replaceAll('$1', '$1::uuid')}) and $1::uuid is not null`,
    [PERSONAS[who].userId, tenants],
  );
  return n;
}

// `id` rather than `*`: api_keys.key_hash has no column grant for API roles (see below)
async function apiCount(client: SupabaseClient, table: string) {
  const { count, error, status } = await client.from(table).select('id', { count: 'exact', head: true });
  return { count, error, status };
}

let clients: Record<PersonaName | 'anon', SupabaseClient>;
beforeAll(async () => {
  const entries = await Promise.all((['anon', ...PERSONA_NAMES] as const).map(async (n) => [n, await clientFor(n)] as const));
  clients = Object.fromEntries(entries) as Record<PersonaName | 'anon', SupabaseClient>;
});

describe('read matrix: what each persona counts equals the rule computed in SQL', () => {
  const cells = PERSONA_NAMES.flatMap((who) => TABLES.map((table) => [who, table] as const));
  it.each(cells)('%s reads %s', async (who, table) => {
    const { count, error } = await apiCount(clients[who], table);
    expect(error).toBeNull();
    expect(count).toBe(await expectedCount(table, who));
  });

  it.each(TABLES)('anon reads %s: public rows only, or permission denied (401)', async (table) => {
    const { count, error, status } = await apiCount(clients.anon, table);
    if (RULES[table].anon) {
      expect(error).toBeNull();
      expect(count).toBe(await expectedCount(table, 'anon'));
    } else {
      expect(status).toBe(401);
      expect(count).toBeNull();
    }
  });

  it('the matrix is not trivial: staff see more than customers, customers less than all', async () => {
    const [{ n: allBookings }] = await sql<{ n: number }>('select count(*)::int as n from public.bookings');
    const ops = await apiCount(clients.ops, 'bookings');
    const customer = await apiCount(clients.customer, 'bookings');
    expect(customer.count).toBeGreaterThan(0);
    expect(ops.count).toBeGreaterThan(customer.count!);
    expect(allBookings).toBeGreaterThan(ops.count!);
    expect((await apiCount(clients.super, 'bookings')).count).toBe(allBookings);
    expect((await apiCount(clients.customer, 'payouts')).count).toBe(0);
    expect((await apiCount(clients.finance, 'listings')).count).toBeLessThan((await apiCount(clients.ops, 'listings')).count!);
  });
});

describe('a customer sees only their own bookings', () => {
  it('every booking the API returns is theirs, and all of theirs are returned', async () => {
    const me = PERSONAS.customer.userId;
    const { data, error } = await clients.customer.from('bookings').select('id, customer_id, provider_id').order('id');
    expect(error).toBeNull();
    const truth = await sql<{ id: string }>('select id from public.bookings where customer_id = $1 or provider_id = $1 order by id', [me]);
    expect(data!.map((b) => b.id)).toEqual(truth.map((r) => r.id));
    expect(data!.every((b) => b.customer_id === me || b.provider_id === me)).toBe(true);
  });

  it("another customer's booking is invisible by id and cannot be updated", async () => {
    const [other] = await sql<{ id: string; notes: string | null; customer_id: string }>(
      `select id, customer_notes as notes, customer_id from public.bookings
        where customer_id <> $1 and provider_id <> $1 and tenant_id = $2 order by id limit 1`,
      [PERSONAS.customer.userId, TENANT.loconomy],
    );
    const read = await clients.customer.from('bookings').select('id').eq('id', other.id);
    expect(read.error).toBeNull();
    expect(read.data).toEqual([]);

    const upd = await clients.customer.from('bookings').update({ customer_notes: 'hijacked' }).eq('id', other.id).select('id');
    expect(upd.error).toBeNull();
    expect(upd.data).toEqual([]);
    const [after] = await sql<{ notes: string | null }>('select customer_notes as notes from public.bookings where id = $1', [other.id]);
    expect(after.notes).toBe(other.notes);
  });
});

describe("the other tenant's admin sees none of tenant loconomy's rows", () => {
  it.each(TABLES)('%s', async (table) => {
    let q = clients.harbor.from(table).select('id', { count: 'exact', head: true }).eq('tenant_id', TENANT.loconomy);
    // active listings and visible reviews are public to every signed-in user, whatever the tenant
    if (table === 'listings') q = q.or('status.neq.active,deleted_at.not.is.null');
    if (table === 'reviews') q = q.or('hidden_at.not.is.null,deleted_at.not.is.null');
    const { count, error } = await q;
    expect(error).toBeNull();
    expect(count).toBe(0);
  });

  it('while it does see its own tenant', async () => {
    const { count } = await clients.harbor.from('bookings').select('*', { count: 'exact', head: true }).eq('tenant_id', TENANT.harbor);
    const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from public.bookings where tenant_id = $1', [TENANT.harbor]);
    expect(n).toBeGreaterThan(0);
    expect(count).toBe(n);
  });
});

describe('anon cannot write anything', () => {
  const nobody = '00000000-0000-0000-0000-000000000000';
  const cells = TABLES.flatMap((table) => (['insert', 'update', 'delete'] as const).map((op) => [op, table] as const));
  it.each(cells)('%s on %s → 42501 / 401', async (op, table) => {
    const before = await sql<{ n: number }>(`select count(*)::int as n from public.${table}`);
    const t = clients.anon.from(table);
    const res =
      op === 'insert'
        ? await t.insert({ tenant_id: TENANT.loconomy })
        : op === 'update'
          ? await t.update({ tenant_id: TENANT.loconomy }).neq('id', nobody)
          : await t.delete().neq('id', nobody);
    expect(res.error?.code).toBe('42501');
    expect(res.status).toBe(401);
    expect(await sql(`select count(*)::int as n from public.${table}`)).toEqual(before);
  });
});

describe('audit_logs is append-only through the API, even for the super admin', () => {
  let row: { id: string; hash: string; action: string };
  beforeAll(async () => {
    // a fresh audit row of tenant loconomy, written the way staff RPCs write theirs
    const [{ id }] = await sql<{ id: string }>(
      "select private.write_audit('admin_action', 'rls_through_api', gen_random_uuid()::text, null, null, '{}', $1) as id",
      [TENANT.loconomy],
    );
    [row] = await sql<{ id: string; hash: string; action: string }>('select id::text, hash, action::text from public.audit_logs where id = $1', [id]);
    expect(row).toBeDefined();
    // the super admin can read it, so what follows is about writing, not about seeing
    const { data } = await clients.super.from('audit_logs').select('id').eq('id', row.id);
    expect(data).toEqual([{ id: row.id }]);
  });

  const writers = [...PERSONA_NAMES, 'service_role'] as const;
  const cells = writers.flatMap((who) => (['update', 'delete'] as const).map((op) => [who, op] as const));
  it.each(cells)('%s: %s is refused with 42501 and changes nothing', async (who, op) => {
    const client = who === 'service_role' ? serviceClient() : clients[who];
    const t = client.from('audit_logs');
    const res = op === 'update' ? await t.update({ action: 'delete' }).eq('id', row.id) : await t.delete().eq('id', row.id);
    expect(res.error?.code).toBe('42501');
    expect(res.status).toBe(403);
    const [after] = await sql<{ hash: string; action: string }>('select hash, action::text from public.audit_logs where id = $1', [row.id]);
    expect(after).toEqual({ hash: row.hash, action: row.action });
  });

  it.each(PERSONA_NAMES)('%s cannot insert a forged audit row', async (who) => {
    const res = await clients[who].from('audit_logs').insert({ id: randomUUID(), tenant_id: TENANT.loconomy, action: 'delete', table_name: 'forged' });
    expect(res.error?.code).toBe('42501');
    expect(res.status).toBe(403);
    expect(await sql("select 1 from public.audit_logs where table_name = 'forged'")).toEqual([]);
  });
});

describe('api_keys.key_hash is never readable through the API', () => {
  it.each<PersonaName>(['super', 'harbor', 'ops'])('%s selecting key_hash (or *) → 42501 / 403', async (who) => {
    for (const select of ['key_hash', '*']) {
      const res = await clients[who].from('api_keys').select(select).limit(1);
      expect(res.error?.code).toBe('42501');
      expect(res.status).toBe(403);
    }
  });
});

describe('signed-in personas are refused writes outside their role', () => {
  it.each<[PersonaName, string]>([
    ['customer', 'transactions'],
    ['customer', 'payouts'],
    ['customer', 'invoices'],
    ['customer', 'api_keys'],
    ['customer', 'feature_flags'],
    ['provider', 'transactions'],
    ['ops', 'payouts'],
    ['ops', 'feature_flags'],
    ['finance', 'feature_flags'],
    ['harbor', 'feature_flags'],
  ])('%s inserting into %s → 42501 / 403', async (who, table) => {
    const before = await sql<{ n: number }>(`select count(*)::int as n from public.${table}`);
    const res = await clients[who].from(table).insert({ tenant_id: TENANT.loconomy });
    expect(res.error?.code).toBe('42501');
    expect(res.status).toBe(403);
    expect(await sql(`select count(*)::int as n from public.${table}`)).toEqual(before);
  });

  it.each<[PersonaName, string, string]>([
    ['finance', 'listings', 'title'],
    ['customer', 'listings', 'title'],
    ['harbor', 'listings', 'title'],
    ['product', 'bookings', 'customer_notes'],
    ['harbor', 'bookings', 'customer_notes'],
    ['customer', 'users', 'full_name'],
  ])("%s updating a loconomy row of %s it may not touch changes 0 rows", async (who, table, column) => {
    const me = PERSONAS[who].userId;
    const owner = table === 'listings' ? 'provider_id' : table === 'bookings' ? 'customer_id' : 'id';
    const [target] = await sql<{ id: string; v: string | null }>(
      `select id, ${column}::text as v from public.${table} where tenant_id = $1 and ${owner} <> $2 order by id limit 1`,
      [TENANT.loconomy, me],
    );
    const res = await clients[who].from(table).update({ [column]: 'overwritten by a test' }).eq('id', target.id).select('id');
    // RLS hides the row from UPDATE: no error, nothing changed (or a plain privilege refusal)
    if (res.error) expect(res.error.code).toBe('42501');
    else expect(res.data).toEqual([]);
    const [after] = await sql<{ v: string | null }>(`select ${column}::text as v from public.${table} where id = $1`, [target.id]);
    expect(after.v).toBe(target.v);
  });
});

describe('allowed writes go through, the same write as someone else does not', () => {
  it('a customer reports a listing as themselves (201) but not in another user’s name (42501 / 403)', async () => {
    const [listing] = await sql<{ id: string }>("select id from public.listings where tenant_id = $1 and status = 'active' and moderation_status = 'approved' order by id limit 1", [TENANT.loconomy]);
    // tenant_id has no insert grant: the database derives it from the reported row
    const report = (reporter: string) => ({
      reporter_id: reporter,
      target_type: 'listing',
      target_id: listing.id,
      reason: 'other',
      details: `integration test ${randomUUID()}`,
    });
    const mine = report(PERSONAS.customer.userId);
    const ok = await clients.customer.from('content_reports').insert(mine).select('id, reporter_id, status').single();
    try {
      expect(ok.error).toBeNull();
      expect(ok.status).toBe(201);
      expect(ok.data).toMatchObject({ reporter_id: PERSONAS.customer.userId, status: 'open' });
      expect(await sql('select reporter_id from public.content_reports where details = $1', [mine.details])).toEqual([
        { reporter_id: PERSONAS.customer.userId },
      ]);
      // ops sees it in the queue, the provider does not
      expect((await clients.ops.from('content_reports').select('id').eq('id', ok.data!.id)).data).toHaveLength(1);
      expect((await clients.provider.from('content_reports').select('id').eq('id', ok.data!.id)).data).toEqual([]);
    } finally {
      await sql('delete from public.content_reports where details = $1', [mine.details]);
    }

    const forged = report(PERSONAS.provider.userId);
    const denied = await clients.customer.from('content_reports').insert(forged);
    expect(denied.error?.code).toBe('42501');
    expect(denied.status).toBe(403);
    expect(await sql('select 1 from public.content_reports where details = $1', [forged.details])).toEqual([]);
  });

  it('a provider creates a listing for themselves but not for another provider', async () => {
    const [other] = await sql<{ id: string }>(
      "select id from public.users where tenant_id = $1 and role = 'provider' and id <> $2 order by id limit 1",
      [TENANT.loconomy, PERSONAS.provider.userId],
    );
    const listing = (providerId: string) => ({
      tenant_id: TENANT.loconomy,
      provider_id: providerId,
      title: 'Integration test listing',
      slug: `itest-rls-${randomUUID().slice(0, 12)}`,
      price_cents: 3000,
      location_type: 'remote',
    });
    const mine = listing(PERSONAS.provider.userId);
    const ok = await clients.provider.from('listings').insert(mine).select('id, provider_id').single();
    try {
      expect(ok.error).toBeNull();
      expect(ok.status).toBe(201);
      expect(ok.data?.provider_id).toBe(PERSONAS.provider.userId);
    } finally {
      await sql('delete from public.listings where slug = $1', [mine.slug]);
    }
    const forged = listing(other.id);
    const denied = await clients.provider.from('listings').insert(forged);
    expect(denied.error?.code).toBe('42501');
    expect(denied.status).toBe(403);
    expect(await sql('select 1 from public.listings where slug = $1', [forged.slug])).toEqual([]);
  });
});
