import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { describe, expect, it } from 'vitest';
import type { FeatureDef } from '../features/types';
import { registry } from '../resources';
import { domains } from '../resources/domains';
import { createCatalogue, domainGroup, TABLES_HEADING } from './catalogue';

const page = lazy(async () => ({ default: () => null }));
const feature = (overrides: Partial<FeatureDef>): FeatureDef => ({
  name: 'queue',
  label: 'Queue',
  icon: AuditOutlined,
  menuOrder: 5,
  routes: [{ path: '/queue', page }],
  ...overrides,
});

describe('createCatalogue', () => {
  const catalogue = createCatalogue(
    [
      feature({ name: 'later', label: 'Later', menuOrder: 20, routes: [{ path: '/later', page }] }),
      feature({ name: 'hidden', label: 'Hidden', menuOrder: false, routes: [{ path: '/hidden', page }] }),
      feature({
        name: 'queue',
        routes: [
          { path: '/queue', page },
          { path: '/queue/:id', page, action: 'show' },
          { path: '/queue-step', page, area: 'sign-in' },
        ],
      }),
    ],
    registry,
  );
  const names = catalogue.resources.map((resource) => resource.name);

  it('gives refine the workspaces in menu order, hidden ones last, then the heading, the domains and the tables', () => {
    expect(names.slice(0, 4)).toEqual(['queue', 'later', 'hidden', TABLES_HEADING]);
    const used = domains.filter((domain) => registry.some((def) => def.group === domain.key));
    expect(names.slice(4, 4 + used.length)).toEqual(used.map((domain) => domainGroup(domain.key)));
    expect(names.slice(-registry.length)).toEqual(registry.map((def) => def.name));
  });

  it('routes a feature by its pages per action and hides what has no place in the menu', () => {
    const [queue, , hidden] = catalogue.resources;
    expect(queue).toMatchObject({ list: '/queue', show: '/queue/:id', create: undefined, meta: { hide: false } });
    expect(hidden.meta?.hide).toBe(true);
  });

  it('nests each table under its domain group, and each group under the tables heading', () => {
    const reviews = catalogue.resources.find((resource) => resource.name === 'reviews');
    expect(reviews?.meta?.parent).toBe(domainGroup('reviews'));
    const group = catalogue.resources.find((resource) => resource.name === domainGroup('reviews'));
    expect(group?.meta?.parent).toBe(TABLES_HEADING);
  });

  it('offers create and edit routes only where the table is writable', () => {
    const events = catalogue.resources.find((resource) => resource.name === 'events');
    expect(events).toMatchObject({ list: '/events', create: undefined, edit: undefined });
  });

  it('finds features and tables by name, nothing else', () => {
    expect(catalogue.findFeature('queue')?.label).toBe('Queue');
    expect(catalogue.findTable('listings')?.label).toBe('Listings');
    expect(catalogue.findFeature('listings')).toBeUndefined();
    expect(catalogue.findTable(domainGroup('catalog'))).toBeUndefined();
    expect(catalogue.findTable(undefined)).toBeUndefined();
  });

  it.each([
    ['a feature named like a table', [feature({ name: 'listings' })], /named listings/],
    ['two features of one name', [feature({}), feature({ label: 'Other' })], /named queue/],
    ['a feature named like the tables heading', [feature({ name: TABLES_HEADING })], /named tables/],
    [
      'a feature whose first page is not its list',
      [feature({ routes: [{ path: '/queue/:id', page, action: 'show' }] })],
      /first route/,
    ],
    [
      'a feature whose first page is a sign-in step',
      [feature({ routes: [{ path: '/queue', page, area: 'sign-in' }] })],
      /first route/,
    ],
    ['a relative route', [feature({ routes: [{ path: 'queue', page }] })], /must be absolute/],
  ])('refuses %s', (_, features, message) => {
    expect(() => createCatalogue(features, registry)).toThrow(message);
  });
});
