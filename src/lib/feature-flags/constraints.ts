import { compareSemver, isSemver } from './semver';

// Targeting constraints in Unleash's vocabulary (unleash-client-node src/strategy/strategy.ts):
// the shape feature_flags.targeting_rules stores, its validation (the same errors, word for
// word, as private.targeting_rules_error in the database, so the form and the API say the same
// thing) and its evaluation against a context.

export const OPERATORS = [
  'IN',
  'NOT_IN',
  'STR_CONTAINS',
  'STR_STARTS_WITH',
  'STR_ENDS_WITH',
  'NUM_EQ',
  'NUM_GT',
  'NUM_GTE',
  'NUM_LT',
  'NUM_LTE',
  'DATE_AFTER',
  'DATE_BEFORE',
  'SEMVER_EQ',
  'SEMVER_GT',
  'SEMVER_LT',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** What a rule may look at: the user's facts, the tenant, the session, the app's version, the time. */
export const CONTEXT_FIELDS = [
  'userId',
  'tenantId',
  'sessionId',
  'role',
  'email',
  'emailDomain',
  'signupDate',
  'city',
  'region',
  'appVersion',
  'currentTime',
] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];

export const STICKINESS = ['default', 'userId', 'tenantId', 'sessionId'] as const;
export type Stickiness = (typeof STICKINESS)[number];

export interface Constraint {
  contextName: ContextField;
  operator: Operator;
  /** IN, NOT_IN and STR_*: the values to compare with. */
  values?: string[];
  /** NUM_*, DATE_* and SEMVER_*: the one value to compare with. */
  value?: string;
  inverted?: boolean;
  caseInsensitive?: boolean;
}

export interface TargetingRules {
  constraints?: Constraint[];
  /** Whose value keeps a user in the same bucket: default = the user id, else the session id. */
  stickiness?: Stickiness;
  /** Hashed with the stickiness value; default the flag's key. Change it to reshuffle everyone. */
  groupId?: string;
  /** Keys of the tenant's segments (feature_flag_segments) whose rules must hold too. */
  segments?: string[];
}

/** A context: each field a string, or for region (a point can lie in several) a list. */
export type FlagContext = Partial<Record<ContextField, string | string[] | null>>;

const MULTI_VALUE_OPERATORS: readonly Operator[] = ['IN', 'NOT_IN', 'STR_CONTAINS', 'STR_STARTS_WITH', 'STR_ENDS_WITH'];
const MAX_VALUES = 1000;
const MAX_VALUE_LENGTH = 200;
const RULE_KEYS = ['constraints', 'stickiness', 'groupId', 'segments'];
export const SEGMENT_KEY = /^[a-z][a-z0-9_.-]{1,63}$/;
const MAX_SEGMENTS = 10;
const CONSTRAINT_KEYS = ['contextName', 'operator', 'values', 'value', 'inverted', 'caseInsensitive'];
/** RFC 3339 date-time with its offset: a date without a time zone means different instants to different servers. */
const DATE_TIME =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** A date-time with its offset that is a real instant: 30 February is not (Date.parse would roll it over). */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}
const NUMBER = /^-?\d+(\.\d+)?$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = <T extends string>(items: readonly T[]) => items.join(', ');

/** The first thing wrong with the rules, naming where (`constraints[1].operator: …`); null when valid. */
export function targetingRulesError(rules: unknown): string | null {
  if (!isObject(rules)) return 'targeting rules must be a JSON object';
  // the first in code-point order, as the database names it
  const unknownKey = Object.keys(rules)
    .filter((k) => !RULE_KEYS.includes(k))
    .sort()[0];
  if (unknownKey) return `${unknownKey}: unknown key (allowed: ${RULE_KEYS.join(', ')})`;
  if (rules.stickiness !== undefined && !STICKINESS.includes(rules.stickiness as Stickiness))
    return `stickiness: must be one of ${list(STICKINESS)}`;
  if (
    rules.groupId !== undefined &&
    (typeof rules.groupId !== 'string' || !/^[A-Za-z0-9._:-]{1,100}$/.test(rules.groupId))
  )
    return 'groupId: letters, digits and . _ : - only, 1 to 100 characters';
  if (rules.segments !== undefined) {
    const segments = rules.segments;
    if (!Array.isArray(segments)) return 'segments: must be a list of segment keys';
    if (segments.length > MAX_SEGMENTS) return `segments: at most ${MAX_SEGMENTS}`;
    const bad = segments.findIndex((s) => typeof s !== 'string' || !SEGMENT_KEY.test(s));
    if (bad >= 0) return `segments[${bad}]: not a segment key`;
    const twice = segments.findIndex((s, i) => segments.indexOf(s) < i);
    if (twice >= 0) return `segments[${twice}]: "${String(segments[twice])}" is listed twice`;
  }
  if (rules.constraints === undefined) return null;
  if (!Array.isArray(rules.constraints)) return 'constraints: must be a list';
  if (rules.constraints.length > 50) return 'constraints: at most 50';
  for (const [i, c] of rules.constraints.entries()) {
    const at = `constraints[${i}]`;
    if (!isObject(c)) return `${at}: must be an object`;
    const extra = Object.keys(c)
      .filter((k) => !CONSTRAINT_KEYS.includes(k))
      .sort()[0];
    if (extra) return `${at}.${extra}: unknown key (allowed: ${CONSTRAINT_KEYS.join(', ')})`;
    if (typeof c.contextName !== 'string' || !CONTEXT_FIELDS.includes(c.contextName as ContextField))
      return `${at}.contextName: must be one of ${list(CONTEXT_FIELDS)}`;
    if (typeof c.operator !== 'string' || !OPERATORS.includes(c.operator as Operator))
      return `${at}.operator: must be one of ${list(OPERATORS)}`;
    for (const flag of ['inverted', 'caseInsensitive'] as const)
      if (c[flag] !== undefined && typeof c[flag] !== 'boolean') return `${at}.${flag}: must be true or false`;
    const operator = c.operator as Operator;
    if (MULTI_VALUE_OPERATORS.includes(operator)) {
      if (c.value !== undefined) return `${at}.value: ${operator} compares with values (a list), not value`;
      if (!Array.isArray(c.values) || c.values.length === 0) return `${at}.values: ${operator} needs a non-empty list`;
      if (c.values.length > MAX_VALUES) return `${at}.values: at most ${MAX_VALUES}`;
      const bad = c.values.findIndex((v) => typeof v !== 'string' || [...v].length > MAX_VALUE_LENGTH);
      if (bad >= 0) return `${at}.values[${bad}]: must be a string of at most ${MAX_VALUE_LENGTH} characters`;
      continue;
    }
    if (c.values !== undefined) return `${at}.values: ${operator} compares with value (one), not values`;
    if (typeof c.value !== 'string') return `${at}.value: ${operator} needs a value (a string)`;
    if (operator.startsWith('NUM_') && !NUMBER.test(c.value)) return `${at}.value: "${c.value}" is not a number`;
    if (operator.startsWith('DATE_') && !isDateTime(c.value))
      return `${at}.value: "${c.value}" is not a date-time with a time zone (2026-12-07T09:00:00Z)`;
    if (operator.startsWith('SEMVER_') && !isSemver(c.value))
      return `${at}.value: "${c.value}" is not a semantic version (1.2.3)`;
  }
  return null;
}

function contextValues(context: FlagContext, field: ContextField): string[] {
  const v = context[field];
  if (v === null || v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === 'string');
}

function matchesUninverted(c: Constraint, context: FlagContext): boolean {
  const values = contextValues(context, c.contextName);
  const fold = (s: string) => (c.caseInsensitive ? s.toLowerCase() : s);
  switch (c.operator) {
    case 'IN':
      return values.some((v) => c.values!.includes(v));
    case 'NOT_IN':
      return !values.some((v) => c.values!.includes(v));
    case 'STR_CONTAINS':
      return values.some((v) => c.values!.some((x) => fold(v).includes(fold(x))));
    case 'STR_STARTS_WITH':
      return values.some((v) => c.values!.some((x) => fold(v).startsWith(fold(x))));
    case 'STR_ENDS_WITH':
      return values.some((v) => c.values!.some((x) => fold(v).endsWith(fold(x))));
  }
  const first = values[0];
  if (first === undefined) return false;
  const target = c.value!;
  if (c.operator.startsWith('NUM_')) {
    if (!NUMBER.test(first)) return false;
    const d = Number(first) - Number(target);
    return c.operator === 'NUM_EQ'
      ? d === 0
      : c.operator === 'NUM_GT'
        ? d > 0
        : c.operator === 'NUM_GTE'
          ? d >= 0
          : c.operator === 'NUM_LT'
            ? d < 0
            : d <= 0;
  }
  if (c.operator.startsWith('DATE_')) {
    const at = Date.parse(first);
    if (Number.isNaN(at)) return false;
    return c.operator === 'DATE_AFTER' ? at > Date.parse(target) : at < Date.parse(target);
  }
  const cmp = compareSemver(first, target);
  if (cmp === null) return false;
  return c.operator === 'SEMVER_EQ' ? cmp === 0 : c.operator === 'SEMVER_GT' ? cmp > 0 : cmp < 0;
}

/** Whether the context satisfies the constraint; `inverted` turns the answer round. */
export function constraintMatches(c: Constraint, context: FlagContext): boolean {
  const result = matchesUninverted(c, context);
  return c.inverted ? !result : result;
}

/** The index of the first constraint the context fails, or -1 when it passes them all. */
export function firstFailedConstraint(rules: TargetingRules, context: FlagContext): number {
  return (rules.constraints ?? []).findIndex((c) => !constraintMatches(c, context));
}
