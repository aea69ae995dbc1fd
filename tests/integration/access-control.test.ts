// The UI hides what a staff member may not do; the database must refuse the same thing.
// For every staff persona and every registry table: the access control provider's answer
// (computed from my_permissions() and the registry) is checked against what PostgreSQL's
// RLS does for that persona through the API — hidden lists leak no staff-only rows, hidden
// edits, deletes and inserts are refused — and visible lists work.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appCatalogue } from '../../src/app/app-catalogue';
import { recordPayload } from '../../src/components/record-actions/action-payload';
import { createAccessControlProvider } from '../../src/providers/access-control-provider';
import { createAuthProvider } from '../../src/providers/auth-provider';
import { NO_PERMISSIONS, satisfies } from '../../src/resources/permissions';
import { registry } from '../../src/resources';
import type { ResourceDef } from '../../src/resources/types';
import { clientFor, closeStack, PERSONAS, serviceClient, type PersonaName } from '../helpers/stack';

const STAFF: PersonaName[] = ['super', 'ops', 'finance', 'product', 'harbor'];

// Columns that make a row the caller's own: non-staff policies let anyone see and change
// their own rows, so those never count as a leak.
const OWNER_COLUMNS = [
  'user_id',
  'customer_id',
  'provider_id',
  'reporter_id',
  'reviewer_id',
  'sender_id',
  'referrer_id',
  'referred_user_id',
  'created_by',
  'actor_id',
  'voter_id',
  'participant_ids',
];

const keyOf = (def: ResourceDef) => (def.primaryKey ?? ['id']) as string[];
const keyString = (def: ResourceDef, row: Record<string, unknown>) =>
  keyOf(def)
    .map((k) => String(row[k]))
    .join('~');
const columnsOf = (def: ResourceDef) => new Set(def.fields.map((f) => f.name as string));

function isOwnRow(def: ResourceDef, row: Record<string, unknown>, userId: string): boolean {
  if (def.name === 'users' && row.id === userId) return true;
  return OWNER_COLUMNS.some((c) => {
    const v = row[c];
    return v === userId || (Array.isArray(v) && v.includes(userId));
  });
}

function selectFor(def: ResourceDef): string {
  const cols = columnsOf(def);
  return [
    ...new Set([
      ...keyOf(def),
      ...OWNER_COLUMNS.filter((c) => cols.has(c)),
      ...(cols.has('tenant_id') ? ['tenant_id'] : []),
    ]),
  ].join(',');
}

/** A row of the persona's tenant (any row for global tables) that is not the persona's own. */
async function sampleRow(def: ResourceDef, persona: PersonaName): Promise<Record<string, unknown> | null> {
  const who = PERSONAS[persona];
  let query = serviceClient()
    .from(def.name)
    .select(def.fields.map((f) => f.name).join(','))
    .limit(50);
  if (columnsOf(def).has('tenant_id') && persona !== 'super') query = query.eq('tenant_id', who.tenantId);
  const { data, error } = await query;
  if (error) throw new Error(`${def.name}: ${error.message}`);
  return ((data ?? []) as unknown as Record<string, unknown>[]).find((row) => !isOwnRow(def, row, who.userId)) ?? null;
}

const clients = new Map<PersonaName, SupabaseClient>();
const can = new Map<PersonaName, (resource: string, action: string) => Promise<boolean>>();

beforeAll(async () => {
  for (const persona of [...STAFF, 'customer' as const]) {
    const client = await clientFor(persona);
    clients.set(persona, client);
    const auth = createAuthProvider(client);
    const acp = createAccessControlProvider(() => auth.loadPermissions(), appCatalogue);
    can.set(persona, async (resource, action) => (await acp.can({ resource, action })).can);
  }
});

afterAll(closeStack);

const cases = STAFF.flatMap((persona) => registry.map((def) => [persona, def.name, def] as const));

describe.each(cases)('%s × %s', (persona, _name, def) => {
  it('a list the UI offers works, and a list it hides shows no staff-only rows', async () => {
    const client = clients.get(persona)!;
    const listed = await can.get(persona)!(def.name, 'list');
    const { data, error } = await client.from(def.name).select(selectFor(def)).limit(500);
    if (listed) {
      expect(error, `${persona} may list ${def.name}`).toBeNull();
      return;
    }
    if (error) {
      expect(error.code, `${def.name}: ${error.message}`).toBe('42501');
      return;
    }
    // What the persona sees without the permission must be visible to a customer too
    // (public marketplace content) or be the persona's own.
    const rows = (data ?? []) as unknown as Record<string, unknown>[];
    const leftover = rows.filter((row) => !isOwnRow(def, row, PERSONAS[persona].userId));
    if (leftover.length === 0) return;
    const { data: publicRows } = await clients.get('customer')!.from(def.name).select(keyOf(def).join(',')).limit(5000);
    const publicKeys = new Set(
      ((publicRows ?? []) as unknown as Record<string, unknown>[]).map((r) => keyString(def, r)),
    );
    const leaked = leftover.filter((row) => !publicKeys.has(keyString(def, row)));
    expect(
      leaked.map((r) => keyString(def, r)),
      `${persona} sees staff-only ${def.name} rows the UI hides`,
    ).toEqual([]);
  });

  it('an edit the UI hides is refused by the database', async () => {
    if (await can.get(persona)!(def.name, 'edit')) return;
    const row = await sampleRow(def, persona);
    if (!row) return;
    const field =
      def.fields.find((f) => f.form !== false && !keyOf(def).includes(f.name) && f.kind !== 'relation') ??
      def.fields.find((f) => !keyOf(def).includes(f.name));
    if (!field) return;
    const match = Object.fromEntries(keyOf(def).map((k) => [k, row[k]]));
    const { data, error } = await clients
      .get(persona)!
      .from(def.name)
      .update({ [field.name]: row[field.name] })
      .match(match)
      .select(keyOf(def).join(','));
    if (error) expect(['42501', 'PGRST116'], `${def.name}: ${error.code} ${error.message}`).toContain(error.code);
    else expect(data, `${persona} updated ${def.name} ${keyString(def, row)}`).toEqual([]);
  });

  it('a delete the UI hides is refused by the database', async () => {
    if (await can.get(persona)!(def.name, 'delete')) return;
    const row = await sampleRow(def, persona);
    if (!row) return;
    const match = Object.fromEntries(keyOf(def).map((k) => [k, row[k]]));
    const { data, error } = await clients
      .get(persona)!
      .from(def.name)
      .delete()
      .match(match)
      .select(keyOf(def).join(','));
    if (error) expect(error.code, `${def.name}: ${error.message}`).toBe('42501');
    else expect(data, `${persona} deleted ${def.name} ${keyString(def, row)}`).toEqual([]);
    const { count } = await serviceClient()
      .from(def.name)
      .select(keyOf(def)[0], { count: 'exact', head: true })
      .match(match);
    expect(count).toBe(1);
  });

  it('a create the UI hides is refused by the database', async () => {
    if (await can.get(persona)!(def.name, 'create')) return;
    const row = await sampleRow(def, persona);
    if (!row) return;
    // A copy of a real row (so BEFORE triggers see plausible values) without its id; RLS's
    // WITH CHECK runs before constraints, so a refusal is 42501. Generated columns cannot
    // be written at all, so they are dropped when PostgreSQL names them.
    const copy: Record<string, unknown> = Object.fromEntries(
      def.fields.filter((f) => (f.name as string) !== 'id').map((f) => [f.name, row[f.name]]),
    );
    let { error } = await clients.get(persona)!.from(def.name).insert(copy);
    for (let i = 0; i < 3 && error?.code === '428C9'; i += 1) {
      const column = /column "([a-z_]+)"/.exec(error.message)?.[1];
      if (!column) break;
      delete copy[column];
      ({ error } = await clients.get(persona)!.from(def.name).insert(copy));
    }
    expect(error, `${persona} inserted into ${def.name}`).not.toBeNull();
    expect([error!.code, error!.message].join(' ')).toMatch(/42501|row-level security|permission denied/);
  });
});

// Record actions: a button the UI shows reaches the function's own checks (a missing record is
// 404, not 403); a button it hides is refused by the function (42501), whatever the record.
const actionCases = STAFF.flatMap((persona) =>
  registry.flatMap((def) =>
    (def.actions ?? []).map((action) => [persona, `${def.name}.${action.key}`, action] as const),
  ),
);

describe.each(actionCases)('%s × action %s', (persona, _name, action) => {
  it('is refused by the database exactly when the UI hides it', async () => {
    const auth = createAuthProvider(clients.get(persona)!);
    const offered = satisfies(action.permission, (await auth.loadPermissions()) ?? NO_PERMISSIONS);
    const missing = '00000000-0000-4000-8000-00000000dead';
    // what the button sends: its fixed arguments and an answer to each input it asks for
    const numeric = new Set(['integer', 'percent', 'decimal', 'money']);
    const answer = (kind: string) =>
      numeric.has(kind)
        ? 1
        : kind === 'datetime' || kind === 'date'
          ? new Date(Date.now() + 86_400_000).toISOString() // a time ahead, as a picker's preset gives
          : 'checked by the access control test';
    const inputs = Object.fromEntries((action.args ?? []).map((arg) => [arg.name, answer(arg.kind)]));
    const { error } = await clients.get(persona)!.rpc(action.rpc, recordPayload(action, missing, inputs));
    expect(error?.code, `${persona} calling ${action.rpc}: ${error?.message}`).toBe(offered ? 'PT404' : '42501');
  });
});
