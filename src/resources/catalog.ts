import { AppstoreOutlined, ShopOutlined, TagOutlined, TagsOutlined } from '@ant-design/icons';
import { defineResource } from './define';
import type { ResourceDef } from './types';

// Catalog: what providers offer. Listings are moderated by operations; categories and tags
// are a platform-wide catalogue that only super admins with catalog.manage change.

export const listings = defineResource({
  name: 'listings',
  label: 'Listings',
  singular: 'Listing',
  group: 'catalog',
  icon: ShopOutlined,
  titleField: 'title',
  audited: true,
  softDelete: 'deleted_at',
  countMode: 'exact',
  defaultSort: { field: 'created_at', order: 'desc' },
  search: { mode: 'fts', column: 'search_vector', placeholder: 'Search title, description, keywords' },
  permissions: { list: 'listings.read', edit: 'listings.moderate' },
  // Providers create listings in the marketplace app; staff moderate and correct them.
  canCreate: false,
  canDelete: false,
  filters: [
    { field: 'status', primary: true },
    { field: 'moderation_status', primary: true },
    { field: 'category_id', primary: true },
    { field: 'provider_id' },
    { field: 'city_id' },
    { field: 'is_featured' },
    { field: 'created_at' },
  ],
  fields: [
    { name: 'id', label: 'ID', kind: 'uuid', list: false, form: false },
    { name: 'title', label: 'Title', kind: 'text', list: 'default', required: true, min: 3, max: 200 },
    {
      name: 'slug',
      label: 'Slug',
      kind: 'code',
      required: true,
      max: 220,
      pattern: { regex: /^[a-z0-9]+(-[a-z0-9]+)*$/, message: 'Lowercase letters, digits and single hyphens' },
    },
    {
      name: 'provider_id',
      label: 'Provider',
      kind: 'relation',
      list: 'default',
      required: true,
      form: 'create',
      relation: {
        resource: 'users',
        labelField: 'full_name',
        fkey: 'listings_provider_id_fkey',
        searchFields: ['full_name', 'email'],
      },
    },
    {
      name: 'category_id',
      label: 'Category',
      kind: 'relation',
      list: 'default',
      relation: { resource: 'categories', labelField: 'name' },
    },
    { name: 'city_id', label: 'City', kind: 'relation', relation: { resource: 'cities', labelField: 'name' } },
    {
      name: 'status',
      label: 'Status',
      kind: 'enum',
      enum: 'listing_status',
      list: 'default',
      required: true,
      defaultValue: 'draft',
    },
    {
      name: 'moderation_status',
      label: 'Moderation',
      kind: 'enum',
      options: ['pending', 'approved', 'flagged', 'rejected'],
      list: 'default',
      form: false,
      help: 'Changed through moderation, which records the reason.',
    },
    { name: 'moderation_reason', label: 'Moderation reason', kind: 'textarea', form: false },
    {
      name: 'moderated_by',
      label: 'Moderated by',
      kind: 'relation',
      form: false,
      relation: { resource: 'users', labelField: 'full_name', fkey: 'listings_moderated_by_fkey' },
    },
    { name: 'moderated_at', label: 'Moderated at', kind: 'datetime', form: false },
    {
      name: 'pricing_type',
      label: 'Pricing',
      kind: 'enum',
      enum: 'pricing_type',
      required: true,
      defaultValue: 'fixed',
    },
    { name: 'price_cents', label: 'Price', kind: 'money', list: 'default', sortable: true, required: true, min: 0 },
    {
      name: 'currency',
      label: 'Currency',
      kind: 'code',
      required: true,
      defaultValue: 'USD',
      pattern: { regex: /^[A-Z]{3}$/, message: 'A three-letter ISO currency code, e.g. USD' },
    },
    { name: 'duration_minutes', label: 'Duration', kind: 'duration_minutes', min: 5, max: 10080 },
    {
      name: 'location_type',
      label: 'Location type',
      kind: 'enum',
      enum: 'location_type',
      required: true,
      defaultValue: 'on_site',
    },
    { name: 'location', label: 'Location', kind: 'geo_point', help: 'Required unless the service is remote.' },
    { name: 'service_radius_m', label: 'Service radius (m)', kind: 'integer', min: 0, max: 500000 },
    { name: 'address', label: 'Address', kind: 'json' },
    { name: 'description', label: 'Description', kind: 'textarea', list: false, max: 20000 },
    { name: 'keywords', label: 'Keywords', kind: 'tags' },
    { name: 'media', label: 'Media', kind: 'json', list: false },
    { name: 'seo_title', label: 'SEO title', kind: 'text', list: false, max: 120 },
    { name: 'seo_description', label: 'SEO description', kind: 'textarea', list: false, max: 320 },
    { name: 'rating_average', label: 'Rating', kind: 'rating', list: 'default', form: false },
    { name: 'rating_count', label: 'Reviews', kind: 'integer', form: false },
    { name: 'booking_count', label: 'Bookings', kind: 'integer', form: false },
    { name: 'is_featured', label: 'Featured', kind: 'boolean', defaultValue: false },
    { name: 'published_at', label: 'Published', kind: 'datetime', form: false },
    {
      name: 'tenant_id',
      label: 'Tenant',
      kind: 'relation',
      list: false,
      form: false,
      relation: { resource: 'tenants', labelField: 'name' },
    },
    { name: 'created_at', label: 'Created', kind: 'datetime', list: 'default', sortable: true, form: false },
    { name: 'updated_at', label: 'Updated', kind: 'datetime', form: false },
    { name: 'deleted_at', label: 'Deleted', kind: 'datetime', list: false, form: false },
  ],
  related: [
    { resource: 'bookings', field: 'listing_id', label: 'Bookings' },
    { resource: 'reviews', field: 'listing_id', label: 'Reviews' },
    { resource: 'listing_tags', field: 'listing_id', label: 'Tags' },
    { resource: 'content_reports', field: 'target_id', label: 'Reports', where: { target_type: 'listing' } },
  ],
});

// TODO(registry helper): categories, tags, listing_tags — icons AppstoreOutlined, TagOutlined, TagsOutlined.
void AppstoreOutlined;
void TagOutlined;
void TagsOutlined;

export const catalogResources = [listings] as ResourceDef[];
