import { CodeOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { defineResource } from './define';
import type { ResourceDef } from './types';
import { createdAtField, personRelation as person, tenantField, updatedAtField } from './common-fields';

// Analytics: product events and the backend's system logs. Both are append-only and high
// volume: counts are estimates, lists sort and filter only by what their indexes serve, and
// there is no substring search over them.

export const events = defineResource({
  name: 'events',
  label: 'Events',
  singular: 'Event',
  group: 'analytics',
  icon: ThunderboltOutlined,
  description: 'Product analytics events recorded by the apps.',
  titleField: 'name',
  writes: [],
  countMode: 'planned',
  defaultSort: { field: 'occurred_at', order: 'desc' },
  permissions: { list: 'analytics.read' },
  filters: [
    { field: 'occurred_at', primary: true },
    { field: 'user_id', primary: true },
  ],
  fields: [
    { name: 'id', label: 'ID', kind: 'integer', list: false, form: false },
    { name: 'name', label: 'Event', kind: 'code', list: 'default', required: true, max: 100 },
    { name: 'user_id', label: 'User', kind: 'relation', list: 'default', relation: person },
    { name: 'session_id', label: 'Session', kind: 'code', max: 128 },
    { name: 'page_url', label: 'Page', kind: 'url', list: 'default', max: 2048 },
    { name: 'referrer', label: 'Referrer', kind: 'url', max: 2048 },
    { name: 'properties', label: 'Properties', kind: 'json', list: false },
    { name: 'user_agent', label: 'User agent', kind: 'text', list: false },
    // Where someone was is for investigations, not for product analysis.
    { name: 'ip_address', label: 'IP address', kind: 'ip', sensitive: 'audit.read' },
    { name: 'occurred_at', label: 'Occurred', kind: 'datetime', list: 'default', sortable: true },
    { name: 'received_at', label: 'Received', kind: 'datetime', form: false },
    tenantField,
    createdAtField(),
    updatedAtField,
  ],
});

export const systemLogs = defineResource({
  name: 'system_logs',
  label: 'System logs',
  singular: 'System log entry',
  group: 'analytics',
  icon: CodeOutlined,
  description: 'Backend application logs; entries without a tenant are platform-wide and only super admins see them.',
  titleField: 'source',
  writes: [],
  countMode: 'planned',
  defaultSort: { field: 'created_at', order: 'desc' },
  permissions: { list: 'audit.read' },
  filters: [{ field: 'level', primary: true }, { field: 'created_at', primary: true }, { field: 'user_id' }],
  fields: [
    { name: 'id', label: 'ID', kind: 'integer', list: false, form: false },
    { name: 'level', label: 'Level', kind: 'enum', enum: 'log_level', list: 'default', defaultValue: 'info' },
    { name: 'source', label: 'Source', kind: 'code', list: 'default', required: true, max: 100 },
    { name: 'message', label: 'Message', kind: 'text', list: 'default', required: true, min: 1, max: 10000 },
    { name: 'context', label: 'Context', kind: 'json', list: false },
    { name: 'request_id', label: 'Request', kind: 'code' },
    { name: 'user_id', label: 'User', kind: 'relation', list: 'default', relation: person },
    {
      name: 'tenant_id',
      label: 'Tenant',
      kind: 'relation',
      form: false,
      help: 'Empty for platform-wide entries.',
      relation: { resource: 'tenants', labelField: 'name' },
    },
    createdAtField({ label: 'Logged', list: 'default', sortable: true }),
    updatedAtField,
  ],
});

export const analyticsResources = [events, systemLogs] as ResourceDef[];
