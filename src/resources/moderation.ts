import { AuditOutlined, ClockCircleOutlined, HistoryOutlined, SnippetsOutlined } from '@ant-design/icons';
import { createdAtField, idField, personRelation as person, tenantField, updatedAtField } from './common-fields';
import { defineResource } from './define';
import type { PermissionKey, ResourceDef } from './types';

// The moderation queue's model (supabase/migrations/20261207000200_moderation_queue.sql): one
// item per target, its history, the reasons moderators pick and the SLA targets. Items and
// history are written only by the database; the moderation workspace is built on these.

/** Whoever decides some kind of content; the database narrows each item to its own permission. */
export const MODERATORS: PermissionKey[] = [
  'listings.moderate',
  'reviews.moderate',
  'bookings.manage',
  'reports.resolve',
];
const QUEUES = ['listing_approval', 'content_reports', 'booking_disputes', 'user_verification'] as const;
export const TARGET_TYPES = ['listing', 'review', 'user', 'message', 'booking'] as const;
export const REPORT_REASONS = [
  'spam',
  'fraud',
  'harassment',
  'inappropriate',
  'misleading',
  'safety',
  'intellectual_property',
  'other',
] as const;

export const moderationItems = defineResource({
  name: 'moderation_items',
  liveMode: 'auto',
  label: 'Moderation items',
  singular: 'Moderation item',
  group: 'reviews',
  icon: AuditOutlined,
  description:
    'One item per listing, review, user, message or booking waiting for a decision, whatever brought it here; highest priority first.',
  titleField: 'queue',
  writes: [],
  countMode: 'estimated',
  defaultSort: { field: 'priority_score', order: 'desc' },
  // each staff member sees the items of the content their permissions decide (RLS)
  permissions: { list: MODERATORS },
  actions: [
    {
      key: 'claim',
      label: 'Claim',
      rpc: 'claim_moderation_item',
      idArgument: 'p_item_id',
      permission: MODERATORS,
      confirm: 'Colleagues see it is yours for the next 15 minutes; claiming again renews it.',
      whileIn: { field: 'status', values: ['pending', 'escalated'] },
    },
    {
      key: 'release',
      label: 'Release',
      rpc: 'release_moderation_item',
      idArgument: 'p_item_id',
      permission: MODERATORS,
      confirm: 'The item goes back to the queue for anyone to take.',
      whileSet: 'claimed_by',
    },
  ],
  filters: [{ field: 'queue', primary: true }, { field: 'status', primary: true }, { field: 'entered_queue_at' }],
  fields: [
    idField,
    { name: 'queue', label: 'Queue', kind: 'enum', options: QUEUES, list: 'default' },
    { name: 'target_type', label: 'About a', kind: 'enum', options: TARGET_TYPES, list: 'default' },
    { name: 'target_id', label: 'Target', kind: 'uuid' },
    {
      name: 'status',
      label: 'Status',
      kind: 'enum',
      options: ['pending', 'approved', 'rejected', 'ignored', 'escalated'],
      list: 'default',
    },
    { name: 'priority_score', label: 'Priority', kind: 'decimal', list: 'default', sortable: true },
    { name: 'open_report_count', label: 'Open reports', kind: 'integer', list: 'default' },
    { name: 'entered_queue_at', label: 'Waiting since', kind: 'datetime', list: 'default', sortable: true },
    { name: 'sla_due_at', label: 'Due', kind: 'datetime', list: 'default', sortable: true },
    {
      name: 'claimed_by',
      label: 'Claimed by',
      kind: 'relation',
      list: 'default',
      relation: { ...person, fkey: 'moderation_items_claimed_by_fkey' },
    },
    { name: 'claim_expires_at', label: 'Claim ends', kind: 'datetime' },
    {
      name: 'assignee_id',
      label: 'Assignee',
      kind: 'relation',
      relation: { ...person, fkey: 'moderation_items_assignee_id_fkey' },
    },
    { name: 'version', label: 'Version', kind: 'integer', list: false },
    {
      name: 'decided_by',
      label: 'Decided by',
      kind: 'relation',
      relation: { ...person, fkey: 'moderation_items_decided_by_fkey' },
    },
    { name: 'decided_at', label: 'Decided', kind: 'datetime' },
    { name: 'decision_reason_code', label: 'Reason code', kind: 'code' },
    { name: 'decision_note', label: 'Decision note', kind: 'textarea', list: false },
    tenantField,
    createdAtField(),
    updatedAtField,
  ],
});

export const moderationItemEvents = defineResource({
  name: 'moderation_item_events',
  label: 'Moderation history',
  singular: 'Moderation event',
  group: 'reviews',
  icon: HistoryOutlined,
  description: 'Everything that happened to moderation items: created, reports added, claims, assignments, decisions.',
  titleField: 'event',
  writes: [],
  countMode: 'estimated',
  defaultSort: { field: 'created_at', order: 'desc' },
  permissions: { list: MODERATORS },
  filters: [{ field: 'created_at', primary: true }, { field: 'item_id' }, { field: 'actor_id' }],
  fields: [
    { name: 'id', label: 'ID', kind: 'integer', list: false, form: false },
    {
      name: 'item_id',
      label: 'Item',
      kind: 'relation',
      list: 'default',
      relation: { resource: 'moderation_items', labelField: 'queue' },
    },
    { name: 'target_type', label: 'About a', kind: 'enum', options: TARGET_TYPES, list: 'default' },
    {
      name: 'event',
      label: 'Event',
      kind: 'enum',
      options: ['created', 'report_added', 'claimed', 'released', 'assigned', 'decided', 'reopened', 'escalated'],
      list: 'default',
    },
    { name: 'actor_id', label: 'By', kind: 'relation', list: 'default', relation: person },
    { name: 'details', label: 'Details', kind: 'json', list: false },
    tenantField,
    createdAtField({ label: 'When', list: 'default', sortable: true }),
  ],
});

export const moderationReasonTemplates = defineResource({
  name: 'moderation_reason_templates',
  label: 'Reason templates',
  singular: 'Reason template',
  group: 'reviews',
  icon: SnippetsOutlined,
  description:
    'The reasons moderators pick, the policy they point to and the message the provider or author receives. Tokens: {listing_title}, {review_excerpt}, {reason}, {tenant_name}.',
  titleField: 'label',
  audited: true,
  countMode: 'exact',
  defaultSort: { field: 'label', order: 'asc' },
  permissions: {
    list: ['reports.read', 'listings.moderate', 'reviews.moderate'],
    create: 'reports.resolve',
    edit: 'reports.resolve',
    delete: 'reports.resolve',
  },
  fields: [
    idField,
    {
      name: 'code',
      label: 'Code',
      kind: 'code',
      list: 'default',
      required: true,
      form: 'create',
      pattern: {
        regex: /^[a-z][a-z0-9_]{1,63}$/,
        message: 'Lower-case letters, digits and underscores, starting with a letter',
      },
    },
    { name: 'label', label: 'Label', kind: 'text', list: 'default', sortable: true, required: true, max: 120 },
    {
      name: 'target_types',
      label: 'Used for',
      kind: 'tags',
      options: TARGET_TYPES,
      list: 'default',
      defaultValue: [...TARGET_TYPES],
    },
    {
      name: 'policy_url',
      label: 'Policy',
      kind: 'url',
      pattern: { regex: /^https:\/\//, message: 'An https:// address' },
    },
    { name: 'message_template', label: 'Message to the user', kind: 'textarea', max: 2000, list: false },
    { name: 'active', label: 'Active', kind: 'boolean', list: 'default', defaultValue: true },
    { name: 'created_by', label: 'Created by', kind: 'relation', relation: person, form: false },
    { ...tenantField, form: false },
    createdAtField(),
    updatedAtField,
  ],
});

export const moderationSlaTargets = defineResource({
  name: 'moderation_sla_targets',
  label: 'SLA targets',
  singular: 'SLA target',
  group: 'reviews',
  icon: ClockCircleOutlined,
  description:
    'How long an item may wait, per queue and (for reports) per reason; without one, safety reports get an hour, other reports and new listings 24 hours, disputes 48, verifications 72.',
  titleField: 'queue',
  audited: true,
  countMode: 'exact',
  defaultSort: { field: 'queue', order: 'asc' },
  permissions: {
    list: ['reports.read', 'listings.moderate', 'tenants.manage'],
    create: 'tenants.manage',
    edit: 'tenants.manage',
    delete: 'tenants.manage',
  },
  fields: [
    idField,
    {
      name: 'queue',
      label: 'Queue',
      kind: 'enum',
      options: QUEUES,
      list: 'default',
      sortable: true,
      required: true,
      form: 'create',
    },
    {
      name: 'report_reason',
      label: 'Report reason',
      kind: 'enum',
      options: REPORT_REASONS,
      list: 'default',
      form: 'create',
      help: 'Only for the content reports queue; empty: the queue’s target.',
    },
    {
      name: 'due_within',
      label: 'Due within',
      kind: 'text',
      list: 'default',
      required: true,
      pattern: {
        regex: /^\s*\d+\s*(minutes?|hours?|days?)\s*$|^\d{1,3}:\d{2}:\d{2}$/,
        message: 'A duration such as 45 minutes, 4 hours or 2 days',
      },
      help: 'e.g. 1 hour, 24 hours, 2 days (at most 30 days)',
    },
    { name: 'created_by', label: 'Created by', kind: 'relation', relation: person, form: false },
    { ...tenantField, form: false },
    createdAtField(),
    updatedAtField,
  ],
});

export const moderationResources: ResourceDef[] = [
  moderationItems,
  moderationItemEvents,
  moderationReasonTemplates,
  moderationSlaTargets,
] as ResourceDef[];
