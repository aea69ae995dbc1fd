import { BellOutlined, CommentOutlined, MessageOutlined } from '@ant-design/icons';
import { defineResource } from './define';
import type { ResourceDef } from './types';
import {
  createdAtField,
  idField,
  personRelation as person,
  tenantField as tenant,
  updatedAtField,
} from './common-fields';

// Communication: conversations between users, their messages and the notifications sent to them.
// Staff with communication.read may read them (support looking into a dispute); only the
// participants write, in the marketplace app, so nothing here is editable.

export const conversations = defineResource({
  name: 'conversations',
  label: 'Conversations',
  singular: 'Conversation',
  group: 'communication',
  icon: MessageOutlined,
  description: 'Threads between users, optionally about a booking; readable with communication.read.',
  titleField: 'subject',
  defaultSort: { field: 'last_message_at', order: 'desc' },
  search: { mode: 'ilike', fields: ['subject'], placeholder: 'Subject' },
  permissions: { list: 'communication.read' },
  writes: [],
  filters: [
    { field: 'created_by', primary: true },
    { field: 'booking_id', primary: true },
    { field: 'last_message_at' },
  ],
  fields: [
    idField,
    { name: 'subject', label: 'Subject', kind: 'text', list: 'default', max: 200 },
    {
      name: 'created_by',
      label: 'Started by',
      kind: 'relation',
      list: 'default',
      required: true,
      form: 'create',
      relation: person,
    },
    {
      name: 'participant_ids',
      label: 'Participants',
      kind: 'tags',
      required: true,
      help: '2–50 users of the tenant, the starter among them.',
    },
    {
      name: 'booking_id',
      label: 'Booking',
      kind: 'relation',
      list: 'default',
      relation: { resource: 'bookings', labelField: 'confirmation_code' },
    },
    {
      name: 'last_message_at',
      label: 'Last message',
      kind: 'datetime',
      list: 'default',
      sortable: true,
      form: false,
    },
    { name: 'last_message_preview', label: 'Preview', kind: 'text', list: 'default', form: false },
    { name: 'archived_at', label: 'Archived', kind: 'datetime' },
    tenant,
    createdAtField(),
    updatedAtField,
  ],
  related: [
    { resource: 'messages', field: 'conversation_id', label: 'Messages' },
    { resource: 'file_uploads', field: 'entity_id', label: 'Files', where: { entity_type: 'conversation' } },
  ],
});

export const messages = defineResource({
  name: 'messages',
  label: 'Messages',
  singular: 'Message',
  group: 'communication',
  icon: CommentOutlined,
  titleField: 'created_at',
  softDelete: 'deleted_at',
  countMode: 'planned',
  // No created_at index across a tenant: messages are read per conversation (or sender), whose
  // (conversation_id, created_at) index serves the list.
  defaultSort: { field: 'conversation_id', order: 'asc' },
  permissions: { list: 'communication.read' },
  writes: [],
  filters: [
    { field: 'conversation_id', primary: true },
    { field: 'sender_id', primary: true },
  ],
  fields: [
    idField,
    {
      name: 'conversation_id',
      label: 'Conversation',
      kind: 'relation',
      list: 'default',
      sortable: true,
      required: true,
      form: 'create',
      relation: { resource: 'conversations', labelField: 'subject' },
    },
    {
      name: 'sender_id',
      label: 'Sender',
      kind: 'relation',
      list: 'default',
      sortable: true,
      required: true,
      form: 'create',
      relation: person,
    },
    { name: 'body', label: 'Message', kind: 'textarea', list: false, max: 10000 },
    { name: 'attachments', label: 'Attachments', kind: 'json', list: false },
    { name: 'read_by', label: 'Read by', kind: 'tags', list: false, form: false },
    { name: 'edited_at', label: 'Edited', kind: 'datetime', list: 'default', form: false },
    { name: 'deleted_at', label: 'Deleted', kind: 'datetime', list: false, form: false },
    tenant,
    createdAtField({ label: 'Sent', list: 'default' }),
    updatedAtField,
  ],
  related: [{ resource: 'file_uploads', field: 'entity_id', label: 'Files', where: { entity_type: 'message' } }],
});

export const notifications = defineResource({
  name: 'notifications',
  label: 'Notifications',
  singular: 'Notification',
  group: 'communication',
  icon: BellOutlined,
  description: 'What the marketplace sent each user, over which channel, and whether it arrived.',
  titleField: 'title',
  countMode: 'estimated',
  defaultSort: { field: 'created_at', order: 'desc' },
  permissions: { list: 'communication.read' },
  writes: [],
  filters: [
    { field: 'user_id', primary: true },
    { field: 'created_at', primary: true },
  ],
  fields: [
    idField,
    { name: 'user_id', label: 'Recipient', kind: 'relation', list: 'default', required: true, relation: person },
    {
      name: 'channel',
      label: 'Channel',
      kind: 'enum',
      enum: 'notification_channel',
      list: 'default',
      defaultValue: 'in_app',
    },
    {
      name: 'type',
      label: 'Type',
      kind: 'code',
      list: 'default',
      required: true,
      pattern: {
        regex: /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/,
        message: 'Dotted lowercase names, e.g. booking.confirmed',
      },
    },
    { name: 'title', label: 'Title', kind: 'text', list: 'default', required: true, min: 1, max: 200 },
    { name: 'body', label: 'Body', kind: 'textarea', list: false, max: 5000 },
    { name: 'data', label: 'Data', kind: 'json', list: false },
    { name: 'sent_at', label: 'Sent', kind: 'datetime', list: 'default' },
    { name: 'read_at', label: 'Read', kind: 'datetime' },
    { name: 'failed_at', label: 'Failed', kind: 'datetime' },
    { name: 'failure_reason', label: 'Failure reason', kind: 'textarea' },
    tenant,
    createdAtField({ list: 'default', sortable: true }),
    updatedAtField,
  ],
});

export const communicationResources = [conversations, messages, notifications] as ResourceDef[];
