import { EnvironmentOutlined, GlobalOutlined } from '@ant-design/icons';
import { defineResource } from './define';
import type { ResourceDef } from './types';
import { createdAtField, idField, updatedAtField } from './common-fields';

// Geography: the regional markets and their cities. Platform-wide reference data that every
// signed-in user reads (active rows); only a super admin holding geo.manage changes it.

const GEO_MANAGE = { superAdmin: true, permission: 'geo.manage' } as const;
const COUNTRY = { regex: /^[A-Z]{2}$/, message: 'A two-letter ISO country code, e.g. US' };

export const regions = defineResource({
  name: 'regions',
  label: 'Regions',
  singular: 'Region',
  group: 'geography',
  icon: GlobalOutlined,
  description: 'Regional markets: currency, timezone, privacy law and the boundary drawn on the map.',
  titleField: 'name',
  global: true,
  audited: true,
  defaultSort: { field: 'code', order: 'asc' },
  search: { mode: 'ilike', fields: ['name', 'code'], placeholder: 'Search name or code' },
  // inactive regions are visible only with geo.manage; the active ones to everyone
  permissions: { create: GEO_MANAGE, edit: GEO_MANAGE, delete: GEO_MANAGE },
  fields: [
    idField,
    { name: 'name', label: 'Name', kind: 'text', list: 'default', required: true, min: 1 },
    {
      name: 'code',
      label: 'Code',
      kind: 'code',
      list: 'default',
      sortable: true,
      required: true,
      pattern: {
        regex: /^[a-z0-9][a-z0-9-]{1,40}$/,
        message: '2–41 lowercase letters, digits or hyphens, starting with a letter or digit',
      },
    },
    { name: 'country_code', label: 'Country', kind: 'code', list: 'default', required: true, pattern: COUNTRY },
    {
      name: 'currency',
      label: 'Currency',
      kind: 'code',
      list: 'default',
      required: true,
      defaultValue: 'USD',
      pattern: { regex: /^[A-Z]{3}$/, message: 'A three-letter ISO currency code, e.g. USD' },
    },
    { name: 'timezone', label: 'Timezone', kind: 'text', required: true, defaultValue: 'UTC' },
    { name: 'gdpr_applies', label: 'GDPR', kind: 'boolean', list: 'default', defaultValue: false },
    { name: 'ccpa_applies', label: 'CCPA', kind: 'boolean', defaultValue: false },
    {
      name: 'compliance_settings',
      label: 'Compliance settings',
      kind: 'json',
      list: false,
      help: 'e.g. {"data_retention_days": 730, "cookie_consent": true, "age_minimum": 16}',
    },
    {
      name: 'boundary',
      label: 'Boundary',
      kind: 'geo_area',
      list: false,
      help: 'Drawn on the map in the geography workspace.',
    },
    { name: 'is_active', label: 'Active', kind: 'boolean', list: 'default', defaultValue: true },
    createdAtField(),
    updatedAtField,
  ],
  related: [{ resource: 'cities', field: 'region_id', label: 'Cities' }],
});

export const cities = defineResource({
  name: 'cities',
  label: 'Cities',
  singular: 'City',
  group: 'geography',
  icon: EnvironmentOutlined,
  titleField: 'name',
  global: true,
  audited: true,
  defaultSort: { field: 'country_code', order: 'asc' },
  search: { mode: 'ilike', fields: ['name'], placeholder: 'Search city' },
  permissions: { create: GEO_MANAGE, edit: GEO_MANAGE, delete: GEO_MANAGE },
  filters: [
    { field: 'region_id', primary: true },
    { field: 'country_code', primary: true },
  ],
  fields: [
    idField,
    { name: 'name', label: 'Name', kind: 'text', list: 'default', required: true, min: 1 },
    {
      name: 'slug',
      label: 'Slug',
      kind: 'code',
      required: true,
      help: 'Unique within the region.',
      pattern: { regex: /^[a-z0-9]+(-[a-z0-9]+)*$/, message: 'Lowercase letters, digits and single hyphens' },
    },
    {
      name: 'region_id',
      label: 'Region',
      kind: 'relation',
      list: 'default',
      sortable: true,
      required: true,
      relation: { resource: 'regions', labelField: 'name', searchFields: ['name', 'code'] },
    },
    { name: 'admin_area', label: 'State / province', kind: 'text', list: 'default' },
    {
      name: 'country_code',
      label: 'Country',
      kind: 'code',
      list: 'default',
      sortable: true,
      pattern: COUNTRY,
      help: 'Empty = the region’s country.',
    },
    { name: 'location', label: 'Location', kind: 'geo_point', required: true },
    { name: 'population', label: 'Population', kind: 'integer', list: 'default', min: 0 },
    { name: 'timezone', label: 'Timezone', kind: 'text', help: 'Empty = the region’s timezone.' },
    { name: 'is_active', label: 'Active', kind: 'boolean', list: 'default', defaultValue: true },
    createdAtField(),
    updatedAtField,
  ],
  related: [
    { resource: 'listings', field: 'city_id', label: 'Listings' },
    { resource: 'user_profiles', field: 'city_id', label: 'People' },
  ],
});

export const geographyResources = [regions, cities] as ResourceDef[];
