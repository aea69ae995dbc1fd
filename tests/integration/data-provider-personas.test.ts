// The app's data provider as each demo persona sees it, against the real API and RLS. Every
// expectation is computed in SQL (as the superuser) from the policies' rules — staff see the
// rows of the tenants where they hold the permission (a super admin: every tenant), users see
// their own rows — and the seeded permissions; no count is written down by hand.
import type { CrudFilter } from '@refinedev/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../../src/providers/data-provider';
import { DELETED_FILTER_FIELD, SEARCH_FILTER_FIELD } from '../../src/resources/list-params';
import { clientFor, closeStack, newClient, PERSONAS, sql, sqlAsSignedIn, TENANT, type PersonaName } from '../helpers/stack.ts';

// The app's own client is built for the browser (WebSocket, VITE_ settings); these tests hand
// the provider signed-in clients of their own.
vi.mock('../../src/providers/supabase-client', () => ({ supabaseClient: null }));

afterAll(closeStack);

type Dp = ReturnType<typeof createDataProvider>;
const STAFF_AND_CUSTOMER = ['ops', 'finance', 'product', 'super', 'harbor', 'customer'] as const;

const dp = {} as Record<PersonaName, Dp>;
const permissions = {} as Record<PersonaName, Set<string>>;
let allTenants: string[] = [];
let scope: string | null = null;
let scopedSuper: Dp;

beforeAll(async () => {
  for (const name of [...STAFF_AND_CUSTOMER, 'provider'] as const) {
    dp[name] = createDataProvider(await clientFor(name));
    const rows = await sqlAsSignedIn<{ k: string }>(name, 'select k from private.effective_permissions($1) k', [PERSONAS[name].userId]);
    permissions[name] = new Set(rows.map((r) => r.k));
  }
  scopedSuper = createDataProvider(await clientFor('super'), { getTenantScope: () => scope });
  allTenants = (await sql<{ id: string }>('select id::text from public.tenants order by id')).map((r) => r.id);
});

/** The policies' staff rule: the tenants where `who` holds any of `keys` (a super admin: all). */
function staffTenants(who: PersonaName, keys: string[]): string[] {
  if (!keys.some((k) => permissions[who].has(k))) return [];
  return PERSONAS[who].role === 'super_admin' ? allTenants : [PERSONAS[who].tenantId];
}

async function count(table: string, where: string, values: unknown[]): Promise<number> {
  const [{ n }] = await sql<{ n: string }>(`select count(*)::text as n from public.${table} where ${where}`, values);
  return Number(n);
}

async function ids(table: string, where: string, values: unknown[] = [], limit = 'all'): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `select id::text from public.${table} where ${where} order by id limit ${limit}`,
    values,
  );
  return rows.map((r) => r.id);
}

async function listIds(who: Dp, resource: string, filters: CrudFilter[]): Promise<string[]> {
  const { data } = await who.getList({ resource, filters, pagination: { mode: 'off' }, meta: { select: 'id' } });
  return data.map((r) => String(r.id)).sort();
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected the data provider to refuse'),
    (error: unknown) =>
      error as { statusCode: number; message: string; code?: string; details?: unknown; hint?: unknown },
  );

// Who may read each table, as its SELECT policies say ($1 staff tenants, $2 the persona's user id);
// listings and users hide soft-deleted rows by default in the list.
const VISIBILITY: Record<string, { keys: string[]; where: string }> = {
  transactions: { keys: ['finance.read'], where: 'tenant_id = any($1::uuid[]) or user_id = $2::uuid' },
  feature_flags: {
    keys: ['feature_flags.read', 'feature_flags.manage'],
    where: 'tenant_id = any($1::uuid[]) and $2::uuid is not null',
  },
  audit_logs: {
    keys: ['audit.read'],
    // rows without a tenant (platform configuration) are for super admins with audit.read
    where: `(tenant_id = any($1::uuid[]) or (tenant_id is null and cardinality($1::uuid[]) > 0
             and exists (select 1 from public.users u where u.id = $2::uuid and u.role = 'super_admin')))
            and $2::uuid is not null`,
  },
  listings: {
    keys: ['listings.read'],
    where:
      "(tenant_id = any($1::uuid[]) or (status = 'active' and moderation_status = 'approved' and deleted_at is null) or provider_id = $2::uuid) and deleted_at is null",
  },
  users: { keys: ['users.read'], where: '(tenant_id = any($1::uuid[]) or id = $2::uuid) and deleted_at is null' },
};

describe('what each persona sees', () => {
  const cells = STAFF_AND_CUSTOMER.flatMap((who) => Object.keys(VISIBILITY).map((table) => [who, table] as const));

  it.each(cells)('%s lists %s: the rows its policies allow', async (who, table) => {
    const rule = VISIBILITY[table];
    const expected = await count(table, rule.where, [staffTenants(who, rule.keys), PERSONAS[who].userId]);
    const { total } = await dp[who].getList({
      resource: table,
      pagination: { currentPage: 1, pageSize: 1, mode: 'server' },
      meta: { count: 'exact' },
    });
    expect(total).toBe(expected);
  });

  it('finance reads transactions but not one feature flag (no feature_flags.* permission)', async () => {
    const { total: transactions } = await dp.finance.getList({ resource: 'transactions', meta: { count: 'exact' } });
    const { total: flags, data } = await dp.finance.getList({ resource: 'feature_flags', meta: { count: 'exact' } });
    expect(permissions.finance.has('finance.read')).toBe(true);
    expect(transactions).toBe(await count('transactions', 'tenant_id = $1', [TENANT.loconomy]));
    expect(transactions).toBeGreaterThan(0);
    expect(staffTenants('finance', VISIBILITY.feature_flags.keys)).toEqual([]);
    expect([flags, data.length]).toEqual([0, 0]);
    expect(await count('feature_flags', 'tenant_id = $1', [TENANT.loconomy])).toBeGreaterThan(0);
  });

  it.each(['failed', 'completed'])(
    'a filtered list of a table counted by estimate is counted exactly (transactions with status %s)',
    async (status) => {
      const { total } = await dp.finance.getList({
        resource: 'transactions',
        filters: [{ field: 'status', operator: 'in', value: [status] }],
      });
      expect(total).toBe(await count('transactions', 'tenant_id = $1 and status = $2', [TENANT.loconomy, status]));
    },
  );

  it('the harbor admin sees only harbor listings of their own tenant, plus active ones elsewhere', async () => {
    const { data } = await dp.harbor.getList({
      resource: 'listings',
      pagination: { currentPage: 1, pageSize: 100, mode: 'server' },
    });
    const foreign = data.filter((r) => r.tenant_id !== TENANT.harbor);
    expect(foreign.every((r) => r.status === 'active')).toBe(true);
  });
});

describe('writes under RLS', () => {
  let listingId: string;
  beforeAll(async () => {
    [listingId] = await ids('listings', 'tenant_id = $1 and deleted_at is null', [TENANT.loconomy], '1');
  });

  it('ops changes a listing title; the audit log has it with ops as the actor', async () => {
    const [{ title }] = await sql<{ title: string }>('select title from public.listings where id = $1', [listingId]);
    const [{ seq }] = await sql<{ seq: string }>('select coalesce(max(seq), 0)::text as seq from public.audit_logs');
    try {
      const { data } = await dp.ops.update({
        resource: 'listings',
        id: listingId,
        variables: { title: `${title} (ops)` },
      });
      expect(data).toMatchObject({ id: listingId, title: `${title} (ops)` });
      // the registry's select came back, embeds included
      expect(data).toHaveProperty('provider');
      const audit = await sql<{ actor_id: string; old: string; new: string }>(
        `select actor_id::text, old_data ->> 'title' as old, new_data ->> 'title' as new from public.audit_logs
          where seq > $1 and table_name = 'listings' and record_id = $2 and action = 'update'`,
        [seq, listingId],
      );
      expect(audit).toEqual([{ actor_id: PERSONAS.ops.userId, old: title, new: `${title} (ops)` }]);
    } finally {
      await sql('update public.listings set title = $2 where id = $1', [listingId, title]);
    }
  });

  it('finance changing a feature flag is refused and the flag is unchanged', async () => {
    const [flag] = await sql<{ id: string; description: string | null; updated_at: string }>(
      'select id::text, description, updated_at::text from public.feature_flags where tenant_id = $1 order by id limit 1',
      [TENANT.loconomy],
    );
    const canSee = staffTenants('finance', VISIBILITY.feature_flags.keys).includes(TENANT.loconomy);
    const error = await errorOf(
      dp.finance.update({ resource: 'feature_flags', id: flag.id, variables: { description: 'finance was here' } }),
    );
    // RLS hides the row from the update: no error from PostgreSQL, zero rows; the provider says
    // 404 when the caller cannot even see the flag, 403 when it can but may not change it
    expect(error.statusCode).toBe(canSee ? 403 : 404);
    expect(error.message).toMatch(/feature flag/i);
    expect(
      await sql('select id::text, description, updated_at::text from public.feature_flags where id = $1', [flag.id]),
    ).toEqual([flag]);
  });

  it('product (feature_flags.manage) changes the same flag', async () => {
    const [flag] = await sql<{ id: string; description: string | null }>(
      'select id::text, description from public.feature_flags where tenant_id = $1 order by id limit 1',
      [TENANT.loconomy],
    );
    expect(permissions.product.has('feature_flags.manage')).toBe(true);
    try {
      const { data } = await dp.product.update({
        resource: 'feature_flags',
        id: flag.id,
        variables: { description: 'product note' },
      });
      expect(data).toMatchObject({ id: flag.id, description: 'product note' });
    } finally {
      await sql('update public.feature_flags set description = $2 where id = $1', [flag.id, flag.description]);
    }
  });

  it('a customer may see a listing but not change it (403), and it stays as it was', async () => {
    const [active] = await ids(
      'listings',
      "status = 'active' and moderation_status = 'approved' and deleted_at is null and tenant_id = $1",
      [TENANT.loconomy],
      '1',
    );
    const [before] = await sql('select title, updated_at::text from public.listings where id = $1', [active]);
    const error = await errorOf(
      dp.customer.update({ resource: 'listings', id: active, variables: { title: 'mine now' } }),
    );
    expect(error.statusCode).toBe(403);
    expect(await sql('select title, updated_at::text from public.listings where id = $1', [active])).toEqual([before]);
  });
});

describe('soft delete (listings, as ops)', () => {
  const OPS = `(tenant_id = '${TENANT.loconomy}' or (status = 'active' and moderation_status = 'approved' and deleted_at is null))`;

  it.each<[string, CrudFilter[], string]>([
    ['hidden by default', [], 'deleted_at is null'],
    ['all with "include"', [{ field: DELETED_FILTER_FIELD, operator: 'eq', value: 'include' }], 'true'],
    [
      'only deleted with "only"',
      [{ field: DELETED_FILTER_FIELD, operator: 'eq', value: 'only' }],
      'deleted_at is not null',
    ],
  ])('%s', async (_name, filters, where) => {
    const truth = await ids('listings', `${OPS} and ${where}`);
    expect(truth.length).toBeGreaterThan(0);
    expect(await listIds(dp.ops, 'listings', filters)).toEqual(truth);
  });

  it('soft-delete, still shown by getOne, then restored', async () => {
    const [id] = await ids('listings', 'tenant_id = $1 and deleted_at is null', [TENANT.loconomy], '1 offset 3');
    const byId: CrudFilter = { field: 'id', operator: 'eq', value: id };
    const only: CrudFilter = { field: DELETED_FILTER_FIELD, operator: 'eq', value: 'only' };
    try {
      await dp.ops.update({ resource: 'listings', id, variables: { deleted_at: new Date().toISOString() } });
      expect(await listIds(dp.ops, 'listings', [byId])).toEqual([]);
      expect(await listIds(dp.ops, 'listings', [byId, only])).toEqual([id]);
      const { data } = await dp.ops.getOne({ resource: 'listings', id });
      expect(data.deleted_at).not.toBeNull();

      await dp.ops.update({ resource: 'listings', id, variables: { deleted_at: null } });
      expect(await listIds(dp.ops, 'listings', [byId])).toEqual([id]);
      expect(await sql('select deleted_at from public.listings where id = $1', [id])).toEqual([{ deleted_at: null }]);
    } finally {
      await sql('update public.listings set deleted_at = null where id = $1', [id]);
    }
  });
});

// The signing secret is readable by no API role; the form's writes ask only for the columns
// the registry lists, so they pass the column grant, and the secret never reaches the browser.
describe('webhook endpoints (a column staff may not read)', () => {
  it('harbor (integrations.manage) adds, edits and removes one; the secret is generated and never returned', async () => {
    const url = `https://hooks.harbor.test/${Date.now()}`;
    const { data: created } = await dp.harbor.create({
      resource: 'webhook_endpoints',
      variables: { url, events: ['booking.created'], is_active: true },
    });
    expect(created).toMatchObject({ url, events: ['booking.created'], tenant_id: TENANT.harbor });
    expect(created).not.toHaveProperty('secret');
    const [row] = await sql<{ secret: string; created_by: string }>(
      'select secret, created_by::text from public.webhook_endpoints where id = $1',
      [created.id],
    );
    expect(row.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    expect(row.created_by).toBe(PERSONAS.harbor.userId);

    const { data: edited } = await dp.harbor.update({
      resource: 'webhook_endpoints',
      id: created.id!,
      variables: { events: ['booking.created', 'payout.paid'], description: 'Payouts too' },
    });
    expect(edited).toMatchObject({ events: ['booking.created', 'payout.paid'], description: 'Payouts too' });
    expect(edited).not.toHaveProperty('secret');

    await dp.harbor.deleteOne({ resource: 'webhook_endpoints', id: created.id! });
    expect(await count('webhook_endpoints', 'id = $1', [created.id])).toBe(0);
  });

  it('ops (no integrations.manage) is refused and nothing is written', async () => {
    const url = `https://hooks.loconomy.test/${Date.now()}`;
    const error = await errorOf(
      dp.ops.create({ resource: 'webhook_endpoints', variables: { url, events: ['booking.created'] } }),
    );
    expect(error).toMatchObject({ statusCode: 403, code: '42501' });
    expect(await count('webhook_endpoints', 'url = $1', [url])).toBe(0);
  });
});

describe('composite keys (listing_tags: listing_id + tag_id)', () => {
  let listing: string;
  let tags: string[];
  let keys: string[];

  beforeAll(async () => {
    const [row] = await sql<{ listing_id: string; tags: string[] }>(
      `select lt.listing_id::text, array_agg(lt.tag_id::text order by lt.tag_id) as tags
         from public.listing_tags lt join public.listings l on l.id = lt.listing_id
        where l.provider_id = $1 and l.deleted_at is null group by 1 having count(*) >= 2 order by 1 limit 1`,
      [PERSONAS.provider.userId],
    );
    listing = row.listing_id;
    tags = row.tags;
    keys = tags.map((tag) => `${listing}~${tag}`);
  });

  it('list rows carry the synthetic id; getOne and getMany take it', async () => {
    const { data } = await dp.ops.getList({
      resource: 'listing_tags',
      filters: [{ field: 'listing_id', operator: 'eq', value: listing }],
      pagination: { mode: 'off' },
    });
    expect(data.map((r) => r.id).sort()).toEqual(keys);
    expect(data[0]).toHaveProperty('tag');

    const { data: one } = await dp.ops.getOne({ resource: 'listing_tags', id: keys[1] });
    expect(one).toMatchObject({ id: keys[1], listing_id: listing, tag_id: tags[1] });

    const { data: many } = await dp.ops.getMany({ resource: 'listing_tags', ids: keys.slice(0, 2) });
    expect(many.map((r) => r.id).sort()).toEqual(keys.slice(0, 2));
  });

  it('a malformed key is a 400 before any request', async () => {
    expect(await errorOf(dp.ops.getOne({ resource: 'listing_tags', id: listing }))).toMatchObject({ statusCode: 400 });
  });

  it('ops may see a tag link but not delete it (403); the provider deletes their own', async () => {
    const [saved] = await sql<{ row: unknown }>(
      'select to_json(lt) as row from public.listing_tags lt where listing_id = $1 and tag_id = $2',
      [listing, tags[0]],
    );
    const remaining = () => count('listing_tags', 'listing_id = $1 and tag_id = $2', [listing, tags[0]]);
    try {
      expect(await errorOf(dp.ops.deleteOne({ resource: 'listing_tags', id: keys[0] }))).toMatchObject({
        statusCode: 403,
      });
      expect(await remaining()).toBe(1);

      const { data } = await dp.provider.deleteOne({ resource: 'listing_tags', id: keys[0] });
      expect(data).toMatchObject({ id: keys[0] });
      expect(await remaining()).toBe(0);
    } finally {
      await sql(
        'insert into public.listing_tags select * from json_populate_record(null::public.listing_tags, $1) on conflict do nothing',
        [saved.row],
      );
    }
  });

  it('linking the same tag twice is a 409', async () => {
    const error = await errorOf(
      dp.provider.create({ resource: 'listing_tags', variables: { listing_id: listing, tag_id: tags[1] } }),
    );
    // PostgreSQL leaves the key out of `details` on tables with RLS
    expect(error).toMatchObject({ statusCode: 409, code: '23505' });
    expect(error.message).toMatch(/duplicate key/);
  });
});

describe("the super admin's tenant scope", () => {
  afterAll(() => {
    scope = null;
  });

  it.each([
    ['loconomy', TENANT.loconomy],
    ['harbor', TENANT.harbor],
    ['none', null],
  ])('listings scoped to %s', async (_name, tenant) => {
    scope = tenant;
    const { data, total } = await scopedSuper.getList({
      resource: 'listings',
      pagination: { currentPage: 1, pageSize: 50, mode: 'server' },
    });
    expect(total).toBe(
      await count('listings', 'deleted_at is null and ($1::uuid is null or tenant_id = $1::uuid)', [tenant]),
    );
    if (tenant) expect(new Set(data.map((r) => r.tenant_id))).toEqual(new Set([tenant]));
    else expect(new Set(data.map((r) => r.tenant_id)).size).toBeGreaterThanOrEqual(1);
  });

  it('does not filter the tenants themselves, nor global tables (cities), nor getOne', async () => {
    scope = TENANT.harbor;
    const { data: tenants } = await scopedSuper.getList({ resource: 'tenants', pagination: { mode: 'off' } });
    expect(tenants.map((r) => r.id).sort()).toEqual(await ids('tenants', 'deleted_at is null'));
    const { total: cities } = await scopedSuper.getList({ resource: 'cities', meta: { count: 'exact' } });
    expect(cities).toBe(await count('cities', 'true', []));
    const [loconomyListing] = await ids('listings', 'tenant_id = $1', [TENANT.loconomy], '1');
    const { data } = await scopedSuper.getOne({ resource: 'listings', id: loconomyListing });
    expect(data.tenant_id).toBe(TENANT.loconomy);
  });

  // The super admin's own tenant is loconomy: without the scope both rows would land there.
  it.each([
    ['feature_flags', { key: `scoped_flag_${Date.now()}`, name: 'Scoped flag' }],
    ['referral_programs', { name: `Scoped program ${Date.now()}`, referrer_reward_cents: 500, referee_reward_cents: 500 }],
  ])('a %s row created while looking at harbor belongs to harbor', async (resource, variables) => {
    scope = TENANT.harbor;
    const { data } = await scopedSuper.create({ resource, variables });
    try {
      const [row] = await sql<{ tenant_id: string }>(`select tenant_id::text from public.${resource} where id = $1`, [data.id]);
      expect(row.tenant_id).toBe(TENANT.harbor);
    } finally {
      await sql(`delete from public.${resource} where id = $1`, [data.id]);
    }
  });
});

describe('search input never becomes filter syntax', () => {
  const OPS_USERS = `(tenant_id = '${TENANT.loconomy}' or id = '${PERSONAS.ops.userId}') and deleted_at is null`;
  const q = (value: string): CrudFilter => ({ field: SEARCH_FILTER_FIELD, operator: 'contains', value });

  it.each(['Pablo Provider', 'loconomy.test', '%', '_', '*', ',()', 'a,b),id.not.is.null,(', '"', '\\', ',()*%'])(
    'users (ilike over full_name, email) for %j: exactly the literal matches',
    async (term) => {
      const truth = await ids(
        'users',
        `${OPS_USERS} and (strpos(lower(full_name), lower($1)) > 0 or strpos(lower(email), lower($1)) > 0)`,
        [term],
      );
      expect(await listIds(dp.ops, 'users', [q(term)])).toEqual(truth);
    },
  );

  it.each(['%', '_', '*'])('a %j between two words is that character, not a wildcard', async (wildcard) => {
    const term = `Pablo${wildcard}Provider`;
    // as a LIKE wildcard it would match "Pablo Provider"; literally it matches nothing
    expect(await count('users', `${OPS_USERS} and full_name ilike '%Pablo%Provider%'`, [])).toBeGreaterThan(0);
    expect(await listIds(dp.ops, 'users', [q(term)])).toEqual(
      await ids('users', `${OPS_USERS} and strpos(lower(full_name), lower($1)) > 0`, [term]),
    );
  });

  it('listings (websearch full text): punctuation does not change the result', async () => {
    const OPS = `(tenant_id = '${TENANT.loconomy}' or (status = 'active' and moderation_status = 'approved' and deleted_at is null)) and deleted_at is null`;
    const [{ word }] = await sql<{ word: string }>(
      `select w as word from public.listings, regexp_split_to_table(title, '\\s+') w
        where tenant_id = $1 and length(w) > 4 and search_vector @@ websearch_to_tsquery('english', w) limit 1`,
      [TENANT.loconomy],
    );
    for (const term of [word, `${word},()*%`, `(${word}*`]) {
      const truth = await ids('listings', `${OPS} and search_vector @@ websearch_to_tsquery('english', $1)`, [term]);
      expect(truth.length).toBeGreaterThan(0);
      expect(await listIds(dp.ops, 'listings', [q(term)])).toEqual(truth);
    }
    expect(await listIds(dp.ops, 'listings', [q('   ')])).toEqual(await ids('listings', OPS));
  });
});

describe('refine filter operators through the API (listings, as ops)', () => {
  const OPS = `(tenant_id = '${TENANT.loconomy}' or (status = 'active' and moderation_status = 'approved' and deleted_at is null)) and deleted_at is null`;
  let keyword: string;
  let title: string;
  beforeAll(async () => {
    [{ keyword }] = await sql<{ keyword: string }>(
      'select k as keyword from public.listings, unnest(keywords) k where tenant_id = $1 group by 1 order by count(*) desc, 1 limit 1',
      [TENANT.loconomy],
    );
    [{ title }] = await sql<{ title: string }>(
      'select title from public.listings where tenant_id = $1 and deleted_at is null order by id limit 1',
      [TENANT.loconomy],
    );
  });

  const cases: [string, () => CrudFilter[], () => [string, unknown[]]][] = [
    ['eq', () => [{ field: 'title', operator: 'eq', value: title }], () => ['title = $1', [title]]],
    ['eqs', () => [{ field: 'title', operator: 'eqs', value: title }], () => ['title = $1', [title]]],
    ['ne', () => [{ field: 'status', operator: 'ne', value: 'active' }], () => ["status <> 'active'", []]],
    [
      'in',
      () => [{ field: 'status', operator: 'in', value: ['paused', 'draft'] }],
      () => ["status in ('paused', 'draft')", []],
    ],
    ['contains', () => [{ field: 'title', operator: 'contains', value: 'PLUMB' }], () => ["title ilike '%plumb%'", []]],
    [
      'contains a literal %',
      () => [{ field: 'title', operator: 'contains', value: '%' }],
      () => ["strpos(title, '%') > 0", []],
    ],
    [
      'contains a literal *',
      () => [{ field: 'title', operator: 'contains', value: 'a*' }],
      () => ["strpos(lower(title), 'a*') > 0", []],
    ],
    [
      'ncontains',
      () => [{ field: 'title', operator: 'ncontains', value: 'plumb' }],
      () => ["title not ilike '%plumb%'", []],
    ],
    ['containss', () => [{ field: 'title', operator: 'containss', value: 'Pro' }], () => ["title like '%Pro%'", []]],
    [
      'startswith',
      () => [{ field: 'title', operator: 'startswith', value: title.slice(0, 4) }],
      () => ['title ilike $1', [`${title.slice(0, 4)}%`]],
    ],
    [
      'endswith',
      () => [{ field: 'title', operator: 'endswith', value: title.slice(-4) }],
      () => ['title ilike $1', [`%${title.slice(-4)}`]],
    ],
    ['null', () => [{ field: 'moderated_at', operator: 'null', value: true }], () => ['moderated_at is null', []]],
    [
      'nnull',
      () => [{ field: 'moderated_at', operator: 'nnull', value: true }],
      () => ['moderated_at is not null', []],
    ],
    [
      'between',
      () => [{ field: 'price_cents', operator: 'between', value: [2000, 6000] }],
      () => ['price_cents between 2000 and 6000', []],
    ],
    [
      'ina',
      () => [{ field: 'keywords', operator: 'ina', value: [keyword] }],
      () => ['keywords @> array[$1]', [keyword]],
    ],
    [
      'nina',
      () => [{ field: 'keywords', operator: 'nina', value: [keyword] }],
      () => ['not (keywords @> array[$1])', [keyword]],
    ],
    [
      'or with a value holding , ( ) and quotes',
      () => [
        {
          operator: 'or',
          value: [
            { field: 'title', operator: 'eq', value: title },
            { field: 'title', operator: 'eq', value: 'x"),status.eq.active,(' },
            { field: 'status', operator: 'eq', value: 'paused' },
          ],
        },
      ],
      () => ["(title = $1 or title = 'x\"),status.eq.active,(' or status = 'paused')", [title]],
    ],
    [
      'or with contains, ncontains, in, null',
      () => [
        {
          operator: 'or',
          value: [
            { field: 'title', operator: 'contains', value: 'plumb' },
            { field: 'title', operator: 'ncontains', value: 'e' },
            { field: 'status', operator: 'in', value: ['suspended'] },
            { field: 'moderated_at', operator: 'nnull', value: true },
          ],
        },
      ],
      () => [
        "(title ilike '%plumb%' or title not ilike '%e%' or status = 'suspended' or moderated_at is not null)",
        [],
      ],
    ],
  ];

  it.each(cases)('%s', async (_name, filters, where) => {
    const [w, values] = where();
    const truth = await ids('listings', `${OPS} and ${w}`, values);
    expect(await listIds(dp.ops, 'listings', filters())).toEqual(truth);
  });

  it.each<[CrudFilter, string]>([
    [{ field: 'status', operator: 'nin', value: ['active'] }, 'nin'],
    [{ field: 'price_cents', operator: 'nbetween', value: [1, 2] }, 'nbetween'],
    [{ field: 'title', operator: 'nstartswith', value: 'a' }, 'nstartswith'],
    [{ field: 'title', operator: 'nendswith', value: 'a' }, 'nendswith'],
    [{ operator: 'or', value: [{ field: 'title', operator: 'startswith', value: 'a' }] }, 'startswith'],
    [{ operator: 'or', value: [{ field: 'title', operator: 'endswith', value: 'a' }] }, 'endswith'],
  ])('%j is refused with a 400 naming %s', async (filter, operator) => {
    const error = await errorOf(dp.ops.getList({ resource: 'listings', filters: [filter] }));
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain(`"${operator}"`);
  });
});

describe('PostgREST errors as refine HttpErrors with the HTTP status', () => {
  it('401 for a bad token (the auth provider signs out)', async () => {
    const stranger = createDataProvider(newClient(undefined, { Authorization: 'Bearer not-a-jwt' }));
    expect(await errorOf(stranger.getList({ resource: 'listings' }))).toMatchObject({
      statusCode: 401,
      code: expect.stringMatching(/^PGRST3/),
    });
  });

  it('403 when the database refuses the statement (finance deleting a listing)', async () => {
    const [id] = await ids('listings', 'tenant_id = $1', [TENANT.loconomy], '1');
    const error = await errorOf(dp.finance.deleteOne({ resource: 'listings', id }));
    expect(error).toMatchObject({ statusCode: 403, code: '42501' });
    expect(error.message).toMatch(/permission denied|row-level security/);
    expect(await count('listings', 'id = $1', [id])).toBe(1);
  });

  it('404 for a record that is not there (or not visible)', async () => {
    const error = await errorOf(dp.ops.getOne({ resource: 'listings', id: '00000000-0000-4000-8000-00000000dead' }));
    expect(error.statusCode).toBe(404);
  });

  it('400 with the PostgreSQL message for a malformed value', async () => {
    const error = await errorOf(
      dp.ops.getList({ resource: 'listings', filters: [{ field: 'id', operator: 'eq', value: 'not-a-uuid' }] }),
    );
    expect(error).toMatchObject({ statusCode: 400, code: '22P02' });
    expect(error.message).toMatch(/uuid/);
  });
});

describe('custom(): database functions', () => {
  it.each([
    ['meta.rpc, GET', { url: '', method: 'get' as const, meta: { rpc: 'my_permissions' } }],
    ['url rpc/<fn>, POST', { url: 'rpc/my_permissions', method: 'post' as const, payload: {} }],
  ])('%s returns the caller’s permissions', async (_name, params) => {
    const { data } = await dp.finance.custom(params);
    expect([...(data as unknown as string[])].sort()).toEqual([...permissions.finance].sort());
  });

  it('an unknown function is a 404; a url that is not an RPC is a 400', async () => {
    expect(
      await errorOf(dp.finance.custom({ url: '', method: 'post', meta: { rpc: 'no_such_function' } })),
    ).toMatchObject({ statusCode: 404 });
    expect(await errorOf(dp.finance.custom({ url: '/listings', method: 'get' }))).toMatchObject({ statusCode: 400 });
  });
});

describe('bulk changes: one request for the whole selection', () => {
  const suffix = Date.now().toString(36);
  let made = 0;
  const makeTags = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      made += 1;
      const { data } = await dp.super.create({
        resource: 'tags',
        variables: { name: `Bulk ${suffix} ${made}`, slug: `bulk-${suffix}-${made}` },
      });
      ids.push(String(data.id));
    }
    return ids;
  };
  const remaining = async (ids: string[]) =>
    (await sql<{ n: number }>('select count(*)::int as n from public.tags where id = any($1::uuid[])', [ids]))[0].n;

  it('updateMany changes every selected feature flag, as product', async () => {
    const flags = await sql<{ id: string; description: string | null }>(
      'select id, description from public.feature_flags where tenant_id = $1 order by key limit 2',
      [TENANT.loconomy],
    );
    const ids = flags.map((f) => f.id);
    const { data } = await dp.product.updateMany({
      resource: 'feature_flags',
      ids,
      variables: { description: `Bulk ${suffix}` },
    });
    expect(data.map((r) => String(r.id)).sort()).toEqual([...ids].sort());
    const after = await sql<{ description: string }>(
      'select description from public.feature_flags where id = any($1::uuid[])',
      [ids],
    );
    expect(after.map((r) => r.description)).toEqual([`Bulk ${suffix}`, `Bulk ${suffix}`]);
    expect(
      await errorOf(dp.finance.updateMany({ resource: 'feature_flags', ids, variables: { description: 'no' } })),
    ).toMatchObject({
      statusCode: 403,
    });
    for (const f of flags)
      await sql('update public.feature_flags set description = $2 where id = $1', [f.id, f.description]);
  });

  it('deleteMany removes every selected tag', async () => {
    const ids = await makeTags(3);
    const { data } = await dp.super.deleteMany({ resource: 'tags', ids });
    expect(data).toHaveLength(3);
    expect(await remaining(ids)).toBe(0);
  });

  it('a selection the caller may not delete is refused with a 403 and stays', async () => {
    const ids = await makeTags(2);
    expect(await errorOf(dp.product.deleteMany({ resource: 'tags', ids }))).toMatchObject({ statusCode: 403 });
    expect(await remaining(ids)).toBe(2);
    await dp.super.deleteMany({ resource: 'tags', ids });
  });

  it('composite keys: deleteMany on listing tags by their synthetic ids', async () => {
    const [tag] = await makeTags(1);
    const [listing] = await sql<{ id: string }>(
      'select id from public.listings where tenant_id = $1 and deleted_at is null order by created_at limit 1',
      [TENANT.loconomy],
    );
    await sql('insert into public.listing_tags (listing_id, tag_id, tenant_id) values ($1, $2, $3)', [
      listing.id,
      tag,
      TENANT.loconomy,
    ]);
    const { data: rows } = await dp.super.getList({
      resource: 'listing_tags',
      filters: [{ field: 'tag_id', operator: 'eq', value: tag }],
    });
    expect(rows).toHaveLength(1);
    expect(await errorOf(dp.finance.deleteMany({ resource: 'listing_tags', ids: [rows[0].id!] }))).toMatchObject({
      statusCode: 403,
    });
    const count = async () =>
      (await sql<{ n: number }>('select count(*)::int as n from public.listing_tags where tag_id = $1', [tag]))[0].n;
    expect(await count()).toBe(1);
    await sql('delete from public.listing_tags where tag_id = $1', [tag]);
    await dp.super.deleteOne({ resource: 'tags', id: tag });
  });
});
