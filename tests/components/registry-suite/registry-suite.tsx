// One suite for every table in the registry, the way refine's crudListTests serve every UI
// kit: the generic list shows each table's default columns under their labels, its create
// button follows the registry (the writes the table offers) and the caller's permission,
// and the shared form refuses to send a new record while a required field is empty.
// antd in jsdom takes seconds per table, so the registry is dealt into shards, one test file
// each (shard-N.test.tsx), which Vitest's workers run side by side; together they cover every
// entry once (shards.test.ts checks the deal).
import type { DataProvider } from '@refinedev/core';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import ResourceFormPage from '../../../src/components/resource-form/resource-form-page';
import { canDo, isWritable, type StaffPermissions } from '../../../src/resources/permissions';
import { appCatalogue } from '../../../src/app/app-catalogue';
import { getResource, registry } from '../../../src/resources';
import type { FieldDef, PermissionRule, ResourceDef, TableName } from '../../../src/resources/types';
import { renderWithRefine } from '../resource-form/fixtures';
import { fakeDataProvider, renderList, type Row } from '../resource-list/harness';

configure({ asyncUtilTimeout: 8000 });
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

const ALL_KEYS = registry.flatMap((def) => Object.values(def.permissions).flatMap(ruleKeys));
const everything: StaffPermissions = { keys: new Set(ALL_KEYS), superAdmin: true };

function ruleKeys(rule: PermissionRule | undefined): string[] {
  if (rule === undefined) return [];
  if (typeof rule === 'string') return [rule];
  if (Array.isArray(rule)) return [...rule];
  return rule.permission ? [rule.permission] : [];
}

/** Just enough to list the table: the list rule's first key (or super admin), nothing else. */
function listOnly(def: ResourceDef): StaffPermissions {
  const rule = def.permissions.list;
  const superAdmin = typeof rule === 'object' && !Array.isArray(rule);
  return { keys: new Set(ruleKeys(rule).slice(0, 1)), superAdmin };
}

function sampleValue(field: FieldDef): unknown {
  switch (field.kind) {
    case 'integer':
    case 'decimal':
    case 'percent':
    case 'money':
    case 'rating':
    case 'duration_minutes':
      return 3;
    case 'boolean':
      return true;
    case 'date':
      return '2026-11-20';
    case 'datetime':
      return '2026-11-20T10:00:00+00:00';
    case 'time':
      return '09:30:00';
    case 'enum':
      return field.options?.[0] ?? 'active';
    case 'json':
      return { note: 'sample' };
    case 'tags':
      return ['alpha', 'beta'];
    case 'relation':
    case 'uuid':
      return '00000000-0000-4000-8000-00000000abcd';
    case 'geo_point':
    case 'geo_area':
      return null;
    default:
      return `sample ${field.name}`;
  }
}

function sampleRow(def: ResourceDef): Row {
  const row: Row = Object.fromEntries(def.fields.map((f) => [f.name, sampleValue(f)]));
  row.id = row.id ?? 'sample-1';
  if (def.softDelete) row[def.softDelete] = null;
  return row;
}

function renderCreateForm(name: string, dataProvider: DataProvider) {
  return renderWithRefine(
    <Route
      path={`/${name}/create`}
      element={<ResourceFormPage def={getResource(name as TableName)} action="create" />}
    />,
    {
      path: `/${name}/create`,
      dataProvider,
      permissions: everything,
      resources: appCatalogue.resources,
    },
  );
}

const defaultColumns = (def: ResourceDef) => def.fields.filter((f) => f.list === 'default');

export const SHARDS = 4;

/** The entries of shard `n` (1…SHARDS): every SHARDS-th entry, so each shard mixes big and small tables. */
export const shardOf = (n: number): ResourceDef[] => registry.filter((_, i) => i % SHARDS === n - 1);

export function describeRegistrySuite(n: number) {
  describe.each(shardOf(n).map((def) => [def.name, def] as const))('%s', (name, def) => {
    it('lists its default columns under their labels', async () => {
      const { container } = renderList({
        url: `/${name}`,
        dataProvider: fakeDataProvider({ [name]: [sampleRow(def)] }),
        permissions: everything,
        def,
      });
      await waitFor(() => expect(container.querySelectorAll('.ant-table-row').length).toBe(1));
      const headers = [...container.querySelectorAll('.ant-table-thead th')].map((th) => th.textContent?.trim());
      for (const field of defaultColumns(def)) expect(headers, `${name}: column ${field.name}`).toContain(field.label);
    });

    it('offers Create only when the table is writable and the caller holds the permission', async () => {
      for (const perms of [everything, listOnly(def)]) {
        const { container, unmount } = renderList({
          url: `/${name}`,
          dataProvider: fakeDataProvider({ [name]: [] }),
          permissions: perms,
          def,
        });
        // the export button needs the (asynchronously loaded) permissions: once it is there,
        // the create button has been decided too
        await waitFor(() => expect(container.querySelector('.refine-export-button')).not.toBeNull());
        const expected = isWritable(def, 'create') && canDo(def, 'create', perms);
        await waitFor(() =>
          expect(container.querySelector('.refine-create-button') !== null, `${name} create button`).toBe(expected),
        );
        unmount();
      }
    });

    const required = def.fields.filter(
      (f) =>
        f.required &&
        f.defaultValue === undefined &&
        (f.form === undefined || f.form === 'both' || f.form === 'create'),
    );
    if (!isWritable(def, 'create') || required.length === 0) return;
    it('refuses to create while required fields are empty', async () => {
      const dataProvider = fakeDataProvider({ [name]: [] });
      renderCreateForm(name, dataProvider);
      await screen.findByLabelText(required[0].label);
      await user.click(screen.getByText('Save'));
      for (const field of required)
        expect(await screen.findByText(`${field.label} is required`), `${name}.${field.name}`).toBeInTheDocument();
      expect(dataProvider.create).not.toHaveBeenCalled();
    });
  });
}
