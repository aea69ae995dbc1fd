import { CloudServerOutlined, KeyOutlined, SendOutlined } from '@ant-design/icons';
import { defineResource } from './define';
import type { ResourceDef } from './types';
import {
  createdAtField,
  idField,
  personRelation as staff,
  tenantField as tenant,
  updatedAtField,
} from './common-fields';

// Integrations: API keys, webhook endpoints and their deliveries. integrations.read (or
// .manage) sees them, integrations.manage changes them. Neither a key's hash nor an
// endpoint's signing secret is readable over the API, so neither is a field here: the data
// provider selects exactly these fields.

const readers = ['integrations.read', 'integrations.manage'] as const;

export const apiKeys = defineResource({
  name: 'api_keys',
  label: 'API keys',
  singular: 'API key',
  group: 'integrations',
  icon: KeyOutlined,
  description:
    'Revoked from its page; keys are created through create_api_key (the key is shown once), never by a form.',
  titleField: 'name',
  audited: true,
  defaultSort: { field: 'created_at', order: 'desc' },
  search: { mode: 'ilike', fields: ['name', 'key_prefix'], placeholder: 'Name or key prefix (lk_…)' },
  permissions: { list: [...readers] },
  actions: [
    {
      key: 'revoke',
      label: 'Revoke',
      rpc: 'revoke_api_key',
      idArgument: 'p_api_key_id',
      permission: 'integrations.manage',
      confirm: 'Requests with this key are refused from now on; it cannot be undone.',
      danger: true,
      whileNull: 'revoked_at',
    },
  ],
  writes: [],
  filters: [
    { field: 'user_id', primary: true },
    { field: 'created_at', primary: true },
    { field: 'created_by' },
    { field: 'revoked_by' },
  ],
  fields: [
    idField,
    { name: 'name', label: 'Name', kind: 'text', list: 'default', required: true, min: 1, max: 100 },
    { name: 'key_prefix', label: 'Key prefix', kind: 'code', list: 'default', sortable: true, form: false },
    {
      name: 'scopes',
      label: 'Scopes',
      kind: 'tags',
      list: 'default',
      defaultValue: [],
      // the allowed scopes, as create_api_key checks them
      options: [
        'listings:read',
        'listings:write',
        'bookings:read',
        'bookings:write',
        'users:read',
        'reviews:read',
        'payments:read',
        'analytics:read',
        'webhooks:manage',
      ],
    },
    {
      name: 'rate_limit_per_minute',
      label: 'Rate limit / min',
      kind: 'integer',
      min: 1,
      max: 100000,
      defaultValue: 60,
    },
    {
      name: 'user_id',
      label: 'Owner',
      kind: 'relation',
      list: 'default',
      form: false,
      relation: { ...staff, fkey: 'api_keys_user_id_fkey' },
    },
    { name: 'last_used_at', label: 'Last used', kind: 'datetime', list: 'default', form: false },
    { name: 'expires_at', label: 'Expires', kind: 'datetime', list: 'default', help: 'Empty = never.' },
    { name: 'revoked_at', label: 'Revoked', kind: 'datetime', list: 'default', form: false },
    {
      name: 'revoked_by',
      label: 'Revoked by',
      kind: 'relation',
      form: false,
      relation: { ...staff, fkey: 'api_keys_revoked_by_fkey' },
    },
    {
      name: 'created_by',
      label: 'Created by',
      kind: 'relation',
      form: false,
      relation: { ...staff, fkey: 'api_keys_created_by_fkey' },
    },
    tenant,
    createdAtField({ sortable: true }),
    updatedAtField,
  ],
});

export const webhookEndpoints = defineResource({
  name: 'webhook_endpoints',
  label: 'Webhook endpoints',
  singular: 'Webhook endpoint',
  group: 'integrations',
  icon: CloudServerOutlined,
  description: 'HTTPS endpoints the marketplace posts events to; ten failed deliveries in a row disable one.',
  // The signing secret is never a field: the provider selects readable columns only, and
  // PostgREST returns just those from a write, so the column grant does not get in the way.
  titleField: 'url',
  audited: true,
  defaultSort: { field: 'created_at', order: 'desc' },
  search: { mode: 'ilike', fields: ['url', 'description'], placeholder: 'URL or description' },
  actions: [
    {
      key: 'rotate-secret',
      label: 'Rotate signing secret',
      rpc: 'rotate_webhook_endpoint_secret',
      idArgument: 'p_webhook_endpoint_id',
      permission: 'integrations.manage',
      confirm: 'Deliveries are signed with a new secret from now on; the current one stops verifying.',
      reveals: 'Signing secret',
    },
  ],
  permissions: {
    list: [...readers],
    create: 'integrations.manage',
    edit: 'integrations.manage',
    delete: 'integrations.manage',
  },
  filters: [
    { field: 'created_at', primary: true },
    { field: 'created_by', primary: true },
  ],
  fields: [
    idField,
    {
      name: 'url',
      label: 'URL',
      kind: 'url',
      list: 'default',
      sortable: true,
      required: true,
      max: 2048,
      pattern: {
        regex: /^https:\/\/[a-zA-Z0-9.-]+(:[0-9]{1,5})?(\/\S*)?$/,
        message: 'An https:// URL, unique within the tenant',
      },
    },
    { name: 'description', label: 'Description', kind: 'text', max: 500 },
    {
      name: 'events',
      label: 'Events',
      kind: 'tags',
      list: 'default',
      required: true,
      help: '* sends every event.',
      // webhook_endpoints' check constraint
      options: [
        '*',
        'booking.created',
        'booking.confirmed',
        'booking.completed',
        'booking.cancelled',
        'payment.completed',
        'payment.failed',
        'payout.paid',
        'review.created',
        'listing.published',
        'user.created',
        'report.resolved',
      ],
    },
    {
      name: 'is_active',
      label: 'Active',
      kind: 'boolean',
      list: 'default',
      defaultValue: true,
      help: 'Re-enabling clears the failure streak.',
    },
    { name: 'consecutive_failures', label: 'Failures in a row', kind: 'integer', list: 'default', form: false },
    { name: 'last_delivery_at', label: 'Last delivery', kind: 'datetime', list: 'default', form: false },
    { name: 'disabled_at', label: 'Disabled', kind: 'datetime', form: false },
    {
      name: 'created_by',
      label: 'Added by',
      kind: 'relation',
      form: false,
      help: 'The staff member who added it; the database insists it is the one adding it.',
      relation: staff,
    },
    tenant,
    createdAtField({ sortable: true }),
    updatedAtField,
  ],
  related: [{ resource: 'webhook_deliveries', field: 'endpoint_id', label: 'Deliveries' }],
});

export const webhookDeliveries = defineResource({
  name: 'webhook_deliveries',
  label: 'Webhook deliveries',
  singular: 'Webhook delivery',
  group: 'integrations',
  icon: SendOutlined,
  description: 'One row per event per endpoint, retried with exponential backoff by the delivery worker.',
  titleField: 'event',
  writes: [],
  countMode: 'planned',
  defaultSort: { field: 'created_at', order: 'desc' },
  permissions: { list: [...readers] },
  // failed_at: a date range implies "failed", which the partial (tenant_id, failed_at) index covers.
  filters: [{ field: 'endpoint_id', primary: true }, { field: 'created_at', primary: true }, { field: 'failed_at' }],
  fields: [
    idField,
    {
      name: 'endpoint_id',
      label: 'Endpoint',
      kind: 'relation',
      list: 'default',
      required: true,
      relation: { resource: 'webhook_endpoints', labelField: 'url' },
    },
    { name: 'event', label: 'Event', kind: 'code', list: 'default', required: true },
    { name: 'event_id', label: 'Event ID', kind: 'uuid' },
    { name: 'payload', label: 'Payload', kind: 'json', list: false, required: true },
    { name: 'attempt_count', label: 'Attempts', kind: 'integer', list: 'default', min: 0, max: 20 },
    { name: 'max_attempts', label: 'Max attempts', kind: 'integer', min: 1, max: 20 },
    { name: 'next_retry_at', label: 'Next retry', kind: 'datetime' },
    { name: 'response_status', label: 'Response', kind: 'integer', list: 'default', min: 100, max: 599 },
    { name: 'response_body', label: 'Response body', kind: 'textarea', list: false, max: 10000 },
    { name: 'last_error', label: 'Last error', kind: 'textarea', list: false },
    { name: 'delivered_at', label: 'Delivered', kind: 'datetime', list: 'default' },
    { name: 'failed_at', label: 'Failed', kind: 'datetime', list: 'default' },
    tenant,
    createdAtField({ list: 'default', sortable: true }),
    updatedAtField,
  ],
});

export const integrationsResources = [apiKeys, webhookEndpoints, webhookDeliveries] as ResourceDef[];
