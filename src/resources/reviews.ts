import { AlertOutlined, LikeOutlined, StarOutlined } from '@ant-design/icons';
import { defineResource } from './define';
import type { RelationDef, ResourceDef } from './types';
import { createdAtField, idField, tenantField, updatedAtField } from './common-fields';
import { REPORT_REASONS } from './moderation';

// Reviews and reports: what customers say about completed bookings, how helpful others
// found it, and the reports users file against content. Moderators hide reviews and resolve
// reports through workflows that record why; they do not rewrite what people wrote.

function person(fkey: string): RelationDef {
  return { resource: 'users', labelField: 'full_name', searchFields: ['full_name', 'email'], fkey };
}

const RATING = { kind: 'rating', min: 1, max: 5, form: false } as const;
const WRITTEN_BY_REVIEWER = 'The reviewer’s own words; moderators hide a review rather than edit it.';

export const reviews = defineResource({
  name: 'reviews',
  label: 'Reviews',
  singular: 'Review',
  group: 'reviews',
  icon: StarOutlined,
  description:
    'One review per completed booking. Hiding and restoring go through moderation, which records the reason.',
  titleField: 'title',
  audited: true,
  softDelete: 'deleted_at',
  countMode: 'estimated',
  defaultSort: { field: 'created_at', order: 'desc' },
  search: { mode: 'ilike', fields: ['comment'], placeholder: 'Search review text' },
  bulkActions: ['export'],
  permissions: { list: 'reviews.moderate', edit: 'reviews.moderate' },
  // one review from its page, or a selection from the list in one request (moderate_reviews)
  actions: [
    {
      key: 'hide',
      label: 'Hide',
      rpc: 'moderate_review',
      idArgument: 'p_review_id',
      permission: 'reviews.moderate',
      confirm: 'Customers stop seeing it and it no longer counts towards ratings.',
      danger: true,
      fixedArgs: { p_hide: true },
      args: [
        {
          name: 'p_reason',
          label: 'Reason',
          kind: 'text',
          required: true,
          min: 3,
          max: 300,
          suggestions: [
            'Abusive or hateful language',
            'Personal data',
            'Off-platform contact details',
            'Not about this booking',
            'Spam or advertising',
          ],
          help: 'Kept with the review and in its audit trail.',
        },
      ],
      bulk: { rpc: 'moderate_reviews', idsArgument: 'p_review_ids' },
      whileNull: 'hidden_at',
    },
    {
      key: 'restore',
      label: 'Restore',
      rpc: 'moderate_review',
      idArgument: 'p_review_id',
      permission: 'reviews.moderate',
      confirm: 'Customers see it again and it counts towards ratings.',
      fixedArgs: { p_hide: false },
      bulk: { rpc: 'moderate_reviews', idsArgument: 'p_review_ids' },
      whileSet: 'hidden_at',
    },
  ],
  // customers write reviews in the marketplace app; reviews are hidden, never deleted by staff
  writes: ['edit'],
  filters: [
    { field: 'rating', primary: true },
    { field: 'listing_id', primary: true },
    { field: 'created_at', primary: true },
    { field: 'provider_id' },
    { field: 'reviewer_id' },
    { field: 'hidden_at', label: 'Hidden' },
  ],
  fields: [
    idField,
    { name: 'rating', label: 'Rating', ...RATING, list: 'default', sortable: true, required: true },
    { name: 'title', label: 'Title', kind: 'text', list: 'default', max: 200, form: false, help: WRITTEN_BY_REVIEWER },
    {
      name: 'comment',
      label: 'Comment',
      kind: 'textarea',
      list: false,
      max: 5000,
      form: false,
      help: WRITTEN_BY_REVIEWER,
    },
    { name: 'quality_rating', label: 'Quality', ...RATING },
    { name: 'communication_rating', label: 'Communication', ...RATING },
    { name: 'timeliness_rating', label: 'Timeliness', ...RATING },
    {
      name: 'listing_id',
      label: 'Listing',
      kind: 'relation',
      list: 'default',
      form: false,
      relation: { resource: 'listings', labelField: 'title' },
    },
    {
      name: 'reviewer_id',
      label: 'Reviewer',
      kind: 'relation',
      list: 'default',
      form: false,
      relation: person('reviews_reviewer_id_fkey'),
    },
    {
      name: 'provider_id',
      label: 'Provider',
      kind: 'relation',
      form: false,
      relation: person('reviews_provider_id_fkey'),
    },
    {
      name: 'booking_id',
      label: 'Booking',
      kind: 'relation',
      form: false,
      relation: { resource: 'bookings', labelField: 'confirmation_code' },
    },
    {
      name: 'is_verified',
      label: 'Verified',
      kind: 'boolean',
      list: 'default',
      help: 'Set automatically for reviews of completed bookings.',
    },
    { name: 'provider_response', label: 'Provider response', kind: 'textarea', list: false, form: false },
    { name: 'provider_responded_at', label: 'Responded', kind: 'datetime', form: false },
    { name: 'helpful_count', label: 'Helpful', kind: 'integer', form: false },
    { name: 'not_helpful_count', label: 'Not helpful', kind: 'integer', form: false },
    { name: 'hidden_at', label: 'Hidden', kind: 'datetime', list: 'default', form: false },
    { name: 'hidden_reason', label: 'Hidden because', kind: 'textarea', form: false },
    {
      name: 'hidden_by',
      label: 'Hidden by',
      kind: 'relation',
      form: false,
      relation: person('reviews_hidden_by_fkey'),
    },
    tenantField,
    createdAtField({ label: 'Written', list: 'default', sortable: true }),
    updatedAtField,
    { name: 'deleted_at', label: 'Deleted', kind: 'datetime', list: false, form: false },
  ],
  related: [
    { resource: 'review_votes', field: 'review_id', label: 'Votes' },
    { resource: 'content_reports', field: 'target_id', label: 'Reports', where: { target_type: 'review' } },
  ],
});

export const reviewVotes = defineResource({
  name: 'review_votes',
  label: 'Review votes',
  singular: 'Review vote',
  group: 'reviews',
  icon: LikeOutlined,
  description: 'Whether readers found a review helpful; they make up the review’s helpful counts.',
  titleField: 'is_helpful',
  // no time index: the review key leads the unique index and keeps each review's votes together
  countMode: 'estimated',
  defaultSort: { field: 'review_id', order: 'asc' },
  permissions: { list: 'reviews.moderate' },
  // votes are the voters' own
  writes: [],
  filters: [
    { field: 'review_id', primary: true },
    { field: 'user_id', primary: true },
  ],
  fields: [
    idField,
    {
      name: 'review_id',
      label: 'Review',
      kind: 'relation',
      list: 'default',
      sortable: true,
      required: true,
      relation: { resource: 'reviews', labelField: 'title' },
    },
    {
      name: 'user_id',
      label: 'Voter',
      kind: 'relation',
      list: 'default',
      required: true,
      relation: { resource: 'users', labelField: 'full_name', searchFields: ['full_name', 'email'] },
    },
    { name: 'is_helpful', label: 'Helpful', kind: 'boolean', list: 'default', required: true },
    tenantField,
    createdAtField({ label: 'Voted', list: 'default' }),
    updatedAtField,
  ],
});

export const contentReports = defineResource({
  name: 'content_reports',
  label: 'Content reports',
  singular: 'Content report',
  group: 'reviews',
  icon: AlertOutlined,
  description:
    'Reports users file against listings, reviews, users and messages. Moderators claim and resolve them in the moderation queue, never by editing.',
  titleField: 'reason',
  audited: true,
  defaultSort: { field: 'created_at', order: 'desc' },
  bulkActions: ['export'],
  permissions: { list: 'reports.read' },
  writes: [],
  filters: [
    { field: 'status', primary: true },
    { field: 'target_type', primary: true },
    { field: 'created_at', primary: true },
    { field: 'reporter_id' },
    { field: 'resolved_by' },
  ],
  fields: [
    idField,
    {
      name: 'target_type',
      label: 'Reported',
      kind: 'enum',
      options: ['listing', 'review', 'user', 'message'],
      list: 'default',
      required: true,
      form: 'create',
    },
    {
      name: 'target_id',
      label: 'Reported record',
      kind: 'uuid',
      list: 'default',
      required: true,
      form: 'create',
      help: 'The listing, review, user or message the report is about.',
    },
    {
      name: 'reason',
      label: 'Reason',
      kind: 'enum',
      options: REPORT_REASONS,
      list: 'default',
      required: true,
      form: 'create',
    },
    {
      name: 'details',
      label: 'Details',
      kind: 'textarea',
      list: false,
      max: 5000,
      form: 'create',
      help: 'Required when the reason is “other”.',
    },
    {
      name: 'reporter_id',
      label: 'Reporter',
      kind: 'relation',
      list: 'default',
      required: true,
      form: 'create',
      relation: person('content_reports_reporter_id_fkey'),
    },
    { name: 'status', label: 'Status', kind: 'enum', enum: 'report_status', list: 'default', form: false },
    {
      name: 'resolution',
      label: 'Resolution',
      kind: 'enum',
      options: ['content_removed', 'content_hidden', 'user_warned', 'user_suspended', 'no_violation', 'duplicate'],
      list: 'default',
      form: false,
    },
    { name: 'resolution_note', label: 'Resolution note', kind: 'textarea', list: false, max: 5000, form: false },
    {
      name: 'resolved_by',
      label: 'Resolved by',
      kind: 'relation',
      form: false,
      relation: person('content_reports_resolved_by_fkey'),
    },
    { name: 'resolved_at', label: 'Resolved', kind: 'datetime', form: false },
    tenantField,
    createdAtField({ label: 'Reported', list: 'default', sortable: true }),
    updatedAtField,
  ],
});

export const reviewsResources = [reviews, reviewVotes, contentReports] as ResourceDef[];
