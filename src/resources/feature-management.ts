import { ClusterOutlined, ControlOutlined, HistoryOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { targetingRulesError } from '../lib/feature-flags/constraints';
import { defineResource } from './define';
import type { ResourceDef } from './types';
import {
  createdAtField,
  idField,
  personRelation as person,
  tenantField as tenant,
  updatedAtField,
} from './common-fields';

// Feature management: per-tenant flags and per-user overrides. feature_flags.read (or .manage)
// sees them, feature_flags.manage changes them. Whether a flag is on, how far it is rolled out
// and its kill switch change only through the rollout RPCs (audited staff actions), so the
// generic form edits a flag's name and description; its variants, targeting and type are set when
// it is created and changed afterwards only with a note (change_feature_flag, the flag workspace).

const readers = ['feature_flags.read', 'feature_flags.manage'] as const;

/** A flag's or a segment's key: what others name it by, so set once (the database's check says the same). */
const keyField = (help: string) =>
  ({
    name: 'key',
    label: 'Key',
    kind: 'code',
    list: 'default',
    required: true,
    form: 'create',
    pattern: {
      regex: /^[a-z][a-z0-9_.-]{1,63}$/,
      message: '2–64 lowercase letters, digits, dots, dashes and underscores, starting with a letter',
    },
    help,
  }) as const;

export const featureFlags = defineResource({
  name: 'feature_flags',
  liveMode: 'auto',
  label: 'Feature flags',
  singular: 'Feature flag',
  group: 'feature-management',
  icon: ControlOutlined,
  description:
    'Rolled out, killed, revived and marked stale by their actions; variants, targeting and type are changed with a note in the flag workspace (change_feature_flag). The form edits name and description.',
  titleField: 'key',
  audited: true,
  tenantFromScope: true,
  defaultSort: { field: 'key', order: 'asc' },
  search: { mode: 'ilike', fields: ['key', 'name'], placeholder: 'Key or name' },
  permissions: {
    list: [...readers],
    create: 'feature_flags.manage',
    edit: 'feature_flags.manage',
    delete: 'feature_flags.manage',
  },
  actions: [
    {
      key: 'rollout',
      label: 'Set rollout',
      rpc: 'set_feature_flag_rollout',
      idArgument: 'p_flag_id',
      permission: 'feature_flags.manage',
      confirm:
        'Users enter or leave the flag as their bucket (1–100) falls at or under the new percentage; 0 % switches it off.',
      args: [
        { name: 'p_rollout_percentage', label: 'Rollout', kind: 'percent', required: true, min: 0, max: 100 },
        { name: 'p_note', label: 'Why', kind: 'text', required: true, min: 1, max: 500 },
      ],
      whileNull: 'killed_at',
    },
    {
      key: 'kill',
      label: 'Kill',
      rpc: 'kill_feature_flag',
      idArgument: 'p_flag_id',
      permission: 'feature_flags.manage',
      confirm: 'Everyone gets the flag off at once, overrides included, until it is revived.',
      danger: true,
      args: [{ name: 'p_reason', label: 'Reason', kind: 'text', required: true, min: 3, max: 500 }],
      bulk: { rpc: 'kill_feature_flags', idsArgument: 'p_flag_ids' },
      whileNull: 'killed_at',
    },
    {
      key: 'revive',
      label: 'Revive',
      rpc: 'revive_feature_flag',
      idArgument: 'p_flag_id',
      permission: 'feature_flags.manage',
      confirm: 'The kill switch is cleared; the flag stays off until it is rolled out again.',
      whileSet: 'killed_at',
    },
    {
      key: 'mark-stale',
      label: 'Mark stale',
      rpc: 'mark_feature_flag_stale',
      idArgument: 'p_flag_id',
      permission: 'feature_flags.manage',
      confirm: 'The flag is listed as done with: its code path can be cleaned up.',
      fixedArgs: { p_stale: true },
      bulk: { rpc: 'mark_feature_flags_stale', idsArgument: 'p_flag_ids' },
      whileNull: 'stale_marked_at',
    },
    {
      key: 'unmark-stale',
      label: 'Not stale',
      rpc: 'mark_feature_flag_stale',
      idArgument: 'p_flag_id',
      permission: 'feature_flags.manage',
      confirm: 'The stale mark is taken off.',
      fixedArgs: { p_stale: false },
      whileSet: 'stale_marked_at',
    },
  ],
  filters: [
    { field: 'flag_type', primary: true },
    { field: 'updated_at', primary: true },
    { field: 'updated_by', primary: true },
    { field: 'created_by' },
    { field: 'killed_by' },
  ],
  fields: [
    idField,
    { ...keyField('What the apps ask for; unique within the tenant and fixed once created.'), sortable: true },
    { name: 'name', label: 'Name', kind: 'text', list: 'default', required: true, min: 1, max: 120 },
    { name: 'description', label: 'Description', kind: 'textarea', list: false, max: 2000 },
    {
      name: 'flag_type',
      label: 'Type',
      kind: 'enum',
      options: ['release', 'experiment', 'operational', 'kill-switch', 'permission'],
      list: 'default',
      form: 'create',
      defaultValue: 'release',
      help: 'Expected lifetime: release and experiment 40 days, operational 7; kill switches and permissions stay.',
    },
    { name: 'is_enabled', label: 'Enabled', kind: 'boolean', list: 'default', form: false },
    { name: 'rollout_percentage', label: 'Rollout', kind: 'percent', list: 'default', form: false, min: 0, max: 100 },
    {
      name: 'variants',
      label: 'Variants',
      kind: 'json',
      list: false,
      form: 'create',
      defaultValue: [],
      help: 'Empty, or [{ "key": "control", "weight": 50 }, …]: distinct keys, whole weights adding up to 100. A variant that overrides still use cannot be removed.',
    },
    {
      name: 'targeting_rules',
      label: 'Targeting',
      kind: 'json',
      list: false,
      form: 'create',
      defaultValue: {},
      // the database's trigger says the same (private.targeting_rules_error)
      validate: (value) => {
        const problem = targetingRulesError(value);
        return problem ? `Targeting: ${problem}` : null;
      },
      help: 'Unleash-style constraints, all of which must hold: { "constraints": [{ "contextName": "role", "operator": "IN", "values": ["customer"] }], "stickiness": "default", "groupId": "…" }. Fields: userId, tenantId, sessionId, role, email, emailDomain, signupDate, city, region, appVersion, currentTime; operators IN, NOT_IN, STR_CONTAINS/STARTS_WITH/ENDS_WITH, NUM_EQ/GT/GTE/LT/LTE, DATE_AFTER/BEFORE, SEMVER_EQ/GT/LT, each with optional "inverted" and "caseInsensitive". groupId (default: the key) reshuffles the rollout; "segments": ["na-customers"] adds the rules of the tenant’s segments.',
    },
    { name: 'kill_switch', label: 'Killed', kind: 'boolean', list: 'default', form: false },
    { name: 'killed_at', label: 'Killed at', kind: 'datetime', form: false },
    {
      name: 'killed_by',
      label: 'Killed by',
      kind: 'relation',
      form: false,
      relation: { ...person, fkey: 'feature_flags_killed_by_fkey' },
    },
    { name: 'kill_reason', label: 'Kill reason', kind: 'textarea', form: false },
    { name: 'rollout_changed_at', label: 'Rollout changed', kind: 'datetime', form: false },
    { name: 'stale_marked_at', label: 'Marked stale', kind: 'datetime', list: 'default', form: false },
    {
      name: 'stale_marked_by',
      label: 'Marked stale by',
      kind: 'relation',
      form: false,
      relation: { ...person, fkey: 'feature_flags_stale_marked_by_fkey' },
    },
    {
      name: 'created_by',
      label: 'Created by',
      kind: 'relation',
      form: false,
      relation: { ...person, fkey: 'feature_flags_created_by_fkey' },
    },
    {
      name: 'updated_by',
      label: 'Last changed by',
      kind: 'relation',
      list: 'default',
      form: false,
      relation: { ...person, fkey: 'feature_flags_updated_by_fkey' },
    },
    tenant,
    createdAtField(),
    { name: 'updated_at', label: 'Updated', kind: 'datetime', list: 'default', sortable: true, form: false },
  ],
  related: [
    { resource: 'user_feature_flags', field: 'flag_id', label: 'User overrides' },
    { resource: 'feature_flag_versions', field: 'flag_id', label: 'History' },
  ],
});

export const userFeatureFlags = defineResource({
  name: 'user_feature_flags',
  label: 'Flag overrides',
  singular: 'Flag override',
  group: 'feature-management',
  icon: UserSwitchOutlined,
  description: 'Turns a flag on or off for one user, ahead of the kill switch and the rollout, until it expires.',
  titleField: 'user_id',
  audited: true,
  // No created_at index: overrides grouped by flag, which the (flag_id, user_id) key serves.
  defaultSort: { field: 'flag_id', order: 'asc' },
  bulkActions: ['delete', 'export'],
  permissions: {
    list: [...readers],
    create: 'feature_flags.manage',
    edit: 'feature_flags.manage',
    delete: 'feature_flags.manage',
  },
  filters: [{ field: 'flag_id', primary: true }, { field: 'user_id', primary: true }, { field: 'created_by' }],
  fields: [
    idField,
    {
      name: 'flag_id',
      label: 'Flag',
      kind: 'relation',
      list: 'default',
      sortable: true,
      required: true,
      form: 'create',
      relation: { resource: 'feature_flags', labelField: 'key', searchFields: ['key', 'name'] },
    },
    {
      name: 'user_id',
      label: 'User',
      kind: 'relation',
      list: 'default',
      required: true,
      form: 'create',
      help: 'A user of the flag’s tenant; one override per user and flag.',
      relation: { ...person, fkey: 'user_feature_flags_user_id_fkey' },
    },
    { name: 'is_enabled', label: 'Enabled', kind: 'boolean', list: 'default', required: true, defaultValue: true },
    {
      name: 'variant',
      label: 'Variant',
      kind: 'code',
      list: 'default',
      help: 'One of the flag’s variant keys; only for an enabled override.',
    },
    { name: 'reason', label: 'Reason', kind: 'text', list: 'default', required: true, min: 1, max: 500 },
    {
      name: 'expires_at',
      label: 'Expires',
      kind: 'datetime',
      list: 'default',
      required: true,
      help: 'Overrides are temporary: after this the user gets the flag as everyone does.',
    },
    {
      name: 'created_by',
      label: 'Added by',
      kind: 'relation',
      form: false,
      relation: { ...person, fkey: 'user_feature_flags_created_by_fkey' },
    },
    tenant,
    createdAtField(),
    updatedAtField,
  ],
});

export const featureFlagVersions = defineResource({
  name: 'feature_flag_versions',
  label: 'Flag history',
  singular: 'Flag version',
  group: 'feature-management',
  icon: HistoryOutlined,
  description:
    'Every change of how a flag behaves (on, rollout, variants, targeting, kill switch, type), with who, when and why; written by the database.',
  titleField: 'version',
  writes: [],
  defaultSort: { field: 'changed_at', order: 'desc' },
  permissions: { list: [...readers] },
  filters: [{ field: 'flag_id', primary: true }, { field: 'changed_by', primary: true }, { field: 'changed_at' }],
  fields: [
    { name: 'id', label: 'ID', kind: 'integer', list: false, form: false },
    {
      name: 'flag_id',
      label: 'Flag',
      kind: 'relation',
      list: 'default',
      relation: { resource: 'feature_flags', labelField: 'key', searchFields: ['key', 'name'] },
    },
    { name: 'version', label: 'Version', kind: 'integer', list: 'default' },
    { name: 'note', label: 'Why', kind: 'textarea', list: 'default' },
    { name: 'config', label: 'Configuration', kind: 'json', list: false },
    {
      name: 'changed_by',
      label: 'By',
      kind: 'relation',
      list: 'default',
      relation: { ...person, fkey: 'feature_flag_versions_changed_by_fkey' },
    },
    { name: 'changed_at', label: 'When', kind: 'datetime', list: 'default', sortable: true },
    tenant,
  ],
});

export const featureFlagSegments = defineResource({
  name: 'feature_flag_segments',
  label: 'Flag segments',
  singular: 'Flag segment',
  group: 'feature-management',
  icon: ClusterOutlined,
  description:
    'Rules kept once and named by flags (targeting_rules.segments): editing one changes every flag that uses it; one in use cannot be deleted.',
  titleField: 'key',
  audited: true,
  tenantFromScope: true,
  defaultSort: { field: 'updated_at', order: 'desc' },
  search: { mode: 'ilike', fields: ['key', 'name'], placeholder: 'Key or name' },
  permissions: {
    list: [...readers],
    create: 'feature_flags.manage',
    edit: 'feature_flags.manage',
    delete: 'feature_flags.manage',
  },
  filters: [{ field: 'updated_by', primary: true }, { field: 'created_by' }],
  fields: [
    idField,
    keyField('What flags name in targeting_rules.segments; unique within the tenant and fixed once created.'),
    { name: 'name', label: 'Name', kind: 'text', list: 'default', required: true, min: 1, max: 120 },
    { name: 'description', label: 'Description', kind: 'textarea', list: false, max: 2000 },
    {
      name: 'constraints',
      label: 'Rules',
      kind: 'json',
      list: false,
      defaultValue: [],
      // the database's trigger says the same (private.targeting_rules_error over the list)
      validate: (value) => {
        const problem = targetingRulesError({ constraints: value });
        return problem ? `Rules: ${problem}` : null;
      },
      help: 'Constraints a user must all meet, as on a flag: [{ "contextName": "region", "operator": "IN", "values": ["europe"] }].',
    },
    {
      name: 'created_by',
      label: 'Created by',
      kind: 'relation',
      form: false,
      relation: { ...person, fkey: 'feature_flag_segments_created_by_fkey' },
    },
    {
      name: 'updated_by',
      label: 'Last changed by',
      kind: 'relation',
      list: 'default',
      form: false,
      relation: { ...person, fkey: 'feature_flag_segments_updated_by_fkey' },
    },
    tenant,
    createdAtField(),
    { name: 'updated_at', label: 'Updated', kind: 'datetime', list: 'default', sortable: true, form: false },
  ],
});

export const featureManagementResources = [
  featureFlags,
  featureFlagSegments,
  featureFlagVersions,
  userFeatureFlags,
] as ResourceDef[];
