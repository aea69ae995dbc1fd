import type { Constraint, FlagContext } from './constraints';

// Cases both evaluators must answer alike: the TypeScript unit tests check the expected answers,
// tests/integration/feature-flags-sql-ts.test.ts runs the same cases through the database.

export const OPERATOR_CASES: readonly {
  name: string;
  constraint: Constraint;
  context: FlagContext;
  expected: boolean;
}[] = [
  {
    name: 'IN: the role is listed',
    constraint: { contextName: 'role', operator: 'IN', values: ['customer', 'provider'] },
    context: { role: 'provider' },
    expected: true,
  },
  {
    name: 'IN: not listed',
    constraint: { contextName: 'role', operator: 'IN', values: ['customer'] },
    context: { role: 'provider' },
    expected: false,
  },
  {
    name: 'IN: no value in the context',
    constraint: { contextName: 'role', operator: 'IN', values: ['customer'] },
    context: {},
    expected: false,
  },
  {
    name: 'IN is case sensitive even with caseInsensitive (as Unleash)',
    constraint: { contextName: 'city', operator: 'IN', values: ['austin'], caseInsensitive: true },
    context: { city: 'Austin' },
    expected: false,
  },
  {
    name: 'IN: an empty string is a value',
    constraint: { contextName: 'city', operator: 'IN', values: [''] },
    context: { city: '' },
    expected: true,
  },
  {
    name: 'NOT_IN: not listed',
    constraint: { contextName: 'role', operator: 'NOT_IN', values: ['customer'] },
    context: { role: 'provider' },
    expected: true,
  },
  {
    name: 'NOT_IN: missing value counts as not in',
    constraint: { contextName: 'role', operator: 'NOT_IN', values: ['customer'] },
    context: {},
    expected: true,
  },
  {
    name: 'NOT_IN inverted = IN',
    constraint: { contextName: 'role', operator: 'NOT_IN', values: ['customer'], inverted: true },
    context: { role: 'customer' },
    expected: true,
  },
  {
    name: 'IN: one of several regions',
    constraint: { contextName: 'region', operator: 'IN', values: ['europe'] },
    context: { region: ['europe', 'north-america'] },
    expected: true,
  },
  {
    name: 'IN: no region (no location)',
    constraint: { contextName: 'region', operator: 'IN', values: ['europe'] },
    context: { region: [] },
    expected: false,
  },
  {
    name: 'NOT_IN: in none of the regions',
    constraint: { contextName: 'region', operator: 'NOT_IN', values: ['europe'] },
    context: { region: ['north-america'] },
    expected: true,
  },
  {
    name: 'STR_CONTAINS',
    constraint: { contextName: 'email', operator: 'STR_CONTAINS', values: ['+beta'] },
    context: { email: 'ana+beta@x.test' },
    expected: true,
  },
  {
    name: 'STR_CONTAINS: case matters by default',
    constraint: { contextName: 'email', operator: 'STR_CONTAINS', values: ['BETA'] },
    context: { email: 'ana+beta@x.test' },
    expected: false,
  },
  {
    name: 'STR_CONTAINS caseInsensitive',
    constraint: { contextName: 'email', operator: 'STR_CONTAINS', values: ['BETA'], caseInsensitive: true },
    context: { email: 'ana+beta@x.test' },
    expected: true,
  },
  {
    name: 'STR_CONTAINS: an empty needle is in everything',
    constraint: { contextName: 'email', operator: 'STR_CONTAINS', values: [''] },
    context: { email: 'a@b' },
    expected: true,
  },
  {
    name: 'STR_CONTAINS: missing value',
    constraint: { contextName: 'email', operator: 'STR_CONTAINS', values: ['a'] },
    context: {},
    expected: false,
  },
  {
    name: 'STR_STARTS_WITH',
    constraint: { contextName: 'city', operator: 'STR_STARTS_WITH', values: ['San '] },
    context: { city: 'San Francisco' },
    expected: true,
  },
  {
    name: 'STR_STARTS_WITH: any of the values',
    constraint: { contextName: 'city', operator: 'STR_STARTS_WITH', values: ['Los', 'New'] },
    context: { city: 'New York' },
    expected: true,
  },
  {
    name: 'STR_ENDS_WITH caseInsensitive',
    constraint: { contextName: 'emailDomain', operator: 'STR_ENDS_WITH', values: ['.TEST'], caseInsensitive: true },
    context: { emailDomain: 'loconomy.test' },
    expected: true,
  },
  {
    name: 'STR_ENDS_WITH inverted',
    constraint: { contextName: 'emailDomain', operator: 'STR_ENDS_WITH', values: ['.test'], inverted: true },
    context: { emailDomain: 'loconomy.test' },
    expected: false,
  },
  {
    name: 'STR_ENDS_WITH non-ASCII',
    constraint: { contextName: 'city', operator: 'STR_ENDS_WITH', values: ['rich'] },
    context: { city: 'Zürich' },
    expected: true,
  },
  {
    name: 'NUM_EQ: 3 = 3.0',
    constraint: { contextName: 'appVersion', operator: 'NUM_EQ', value: '3' },
    context: { appVersion: '3.0' },
    expected: true,
  },
  {
    name: 'NUM_GT',
    constraint: { contextName: 'appVersion', operator: 'NUM_GT', value: '2.5' },
    context: { appVersion: '2.51' },
    expected: true,
  },
  {
    name: 'NUM_GTE: equal',
    constraint: { contextName: 'appVersion', operator: 'NUM_GTE', value: '-1' },
    context: { appVersion: '-1' },
    expected: true,
  },
  {
    name: 'NUM_LT: negative',
    constraint: { contextName: 'appVersion', operator: 'NUM_LT', value: '0' },
    context: { appVersion: '-0.5' },
    expected: true,
  },
  {
    name: 'NUM_LTE: greater',
    constraint: { contextName: 'appVersion', operator: 'NUM_LTE', value: '10' },
    context: { appVersion: '10.01' },
    expected: false,
  },
  {
    name: 'NUM_LT: not a number in the context',
    constraint: { contextName: 'appVersion', operator: 'NUM_LT', value: '10' },
    context: { appVersion: 'abc' },
    expected: false,
  },
  {
    name: 'NUM_LT inverted on a non-number is true',
    constraint: { contextName: 'appVersion', operator: 'NUM_LT', value: '10', inverted: true },
    context: { appVersion: '' },
    expected: true,
  },
  {
    name: 'DATE_AFTER',
    constraint: { contextName: 'signupDate', operator: 'DATE_AFTER', value: '2026-01-01T00:00:00Z' },
    context: { signupDate: '2026-03-05T12:01:29.000000Z' },
    expected: true,
  },
  {
    name: 'DATE_BEFORE across time zones: 09:00+02:00 is 07:00Z',
    constraint: { contextName: 'currentTime', operator: 'DATE_BEFORE', value: '2026-12-07T09:00:00+02:00' },
    context: { currentTime: '2026-12-07T07:30:00Z' },
    expected: false,
  },
  {
    name: 'DATE_AFTER across time zones',
    constraint: { contextName: 'currentTime', operator: 'DATE_AFTER', value: '2026-12-07T09:00:00+02:00' },
    context: { currentTime: '2026-12-07T07:30:00Z' },
    expected: true,
  },
  {
    name: 'DATE_AFTER: the same instant is not after',
    constraint: { contextName: 'signupDate', operator: 'DATE_AFTER', value: '2026-01-01T01:00:00+01:00' },
    context: { signupDate: '2026-01-01T00:00:00Z' },
    expected: false,
  },
  {
    name: 'DATE_BEFORE: missing date',
    constraint: { contextName: 'signupDate', operator: 'DATE_BEFORE', value: '2026-01-01T00:00:00Z' },
    context: {},
    expected: false,
  },
  {
    name: 'DATE_BEFORE: garbage in the context',
    constraint: { contextName: 'signupDate', operator: 'DATE_BEFORE', value: '2026-01-01T00:00:00Z' },
    context: { signupDate: 'yesterday' },
    expected: false,
  },
  {
    name: 'SEMVER_EQ',
    constraint: { contextName: 'appVersion', operator: 'SEMVER_EQ', value: '1.2.3' },
    context: { appVersion: '1.2.3' },
    expected: true,
  },
  {
    name: 'SEMVER_EQ ignores build metadata',
    constraint: { contextName: 'appVersion', operator: 'SEMVER_EQ', value: '1.2.3' },
    context: { appVersion: '1.2.3+build.7' },
    expected: true,
  },
  {
    name: 'SEMVER_GT: 1.10.0 > 1.9.9 (numerically)',
    constraint: { contextName: 'appVersion', operator: 'SEMVER_GT', value: '1.9.9' },
    context: { appVersion: '1.10.0' },
    expected: true,
  },
  {
    name: 'SEMVER_LT: a pre-release is lower',
    constraint: { contextName: 'appVersion', operator: 'SEMVER_LT', value: '2.0.0' },
    context: { appVersion: '2.0.0-rc.1' },
    expected: true,
  },
  {
    name: 'SEMVER_GT: rc.11 > rc.2',
    constraint: { contextName: 'appVersion', operator: 'SEMVER_GT', value: '2.0.0-rc.2' },
    context: { appVersion: '2.0.0-rc.11' },
    expected: true,
  },
  {
    name: 'SEMVER_LT: numeric identifiers below alphanumeric',
    constraint: { contextName: 'appVersion', operator: 'SEMVER_LT', value: '1.0.0-alpha' },
    context: { appVersion: '1.0.0-1' },
    expected: true,
  },
  {
    name: 'SEMVER_LT: fewer identifiers are lower',
    constraint: { contextName: 'appVersion', operator: 'SEMVER_LT', value: '1.0.0-alpha.1' },
    context: { appVersion: '1.0.0-alpha' },
    expected: true,
  },
  {
    name: 'SEMVER_GT: a bad version never matches',
    constraint: { contextName: 'appVersion', operator: 'SEMVER_GT', value: '1.0.0' },
    context: { appVersion: 'v2.0.0' },
    expected: false,
  },
  {
    name: 'SEMVER_LT: leading zeros are not a version',
    constraint: { contextName: 'appVersion', operator: 'SEMVER_LT', value: '2.0.0' },
    context: { appVersion: '01.0.0' },
    expected: false,
  },
];

export const VALIDATION_CASES: readonly { name: string; rules: unknown; error: string | null }[] = [
  { name: 'no rules', rules: {}, error: null },
  { name: 'segments by key', rules: { segments: ['eu-customers', 'beta.cohort'] }, error: null },
  {
    name: 'segments not a list',
    rules: { segments: 'eu-customers' },
    error: 'segments: must be a list of segment keys',
  },
  {
    name: 'too many segments',
    rules: { segments: Array.from({ length: 11 }, (_, i) => `s${i}x`) },
    error: 'segments: at most 10',
  },
  {
    name: 'a segment that is no key',
    rules: { segments: ['ok-one', 'Not A Key'] },
    error: 'segments[1]: not a segment key',
  },
  { name: 'a segment number', rules: { segments: [7] }, error: 'segments[0]: not a segment key' },
  { name: 'a segment twice', rules: { segments: ['a-b', 'c-d', 'a-b'] }, error: 'segments[2]: "a-b" is listed twice' },
  {
    name: 'an unknown key names segments among the allowed',
    rules: { segment: ['a-b'] },
    error: 'segment: unknown key (allowed: constraints, stickiness, groupId, segments)',
  },
  {
    name: 'a full rule',
    rules: {
      constraints: [
        { contextName: 'role', operator: 'IN', values: ['customer'], inverted: false, caseInsensitive: true },
      ],
      stickiness: 'sessionId',
      groupId: 'checkout-2026',
    },
    error: null,
  },
  { name: 'not an object', rules: [], error: 'targeting rules must be a JSON object' },
  {
    name: 'the old format',
    rules: { roles: ['customer'] },
    error: 'roles: unknown key (allowed: constraints, stickiness, groupId, segments)',
  },
  {
    name: 'two unknown keys: the first in code-point order',
    rules: { zeta: 1, Alpha: 2 },
    error: 'Alpha: unknown key (allowed: constraints, stickiness, groupId, segments)',
  },
  {
    name: 'bad stickiness',
    rules: { stickiness: 'email' },
    error: 'stickiness: must be one of default, userId, tenantId, sessionId',
  },
  {
    name: 'bad groupId',
    rules: { groupId: 'has space' },
    error: 'groupId: letters, digits and . _ : - only, 1 to 100 characters',
  },
  { name: 'constraints not a list', rules: { constraints: {} }, error: 'constraints: must be a list' },
  { name: 'a constraint not an object', rules: { constraints: ['IN'] }, error: 'constraints[0]: must be an object' },
  {
    name: 'unknown constraint key',
    rules: { constraints: [{ contextName: 'role', operator: 'IN', values: ['a'], negate: true }] },
    error:
      'constraints[0].negate: unknown key (allowed: contextName, operator, values, value, inverted, caseInsensitive)',
  },
  {
    name: 'unknown context field',
    rules: { constraints: [{ contextName: 'country', operator: 'IN', values: ['IE'] }] },
    error:
      'constraints[0].contextName: must be one of userId, tenantId, sessionId, role, email, emailDomain, signupDate, city, region, appVersion, currentTime',
  },
  {
    name: 'unknown operator, second constraint',
    rules: {
      constraints: [
        { contextName: 'role', operator: 'IN', values: ['a'] },
        { contextName: 'role', operator: 'REGEX', values: ['a.*'] },
      ],
    },
    error:
      'constraints[1].operator: must be one of IN, NOT_IN, STR_CONTAINS, STR_STARTS_WITH, STR_ENDS_WITH, NUM_EQ, NUM_GT, NUM_GTE, NUM_LT, NUM_LTE, DATE_AFTER, DATE_BEFORE, SEMVER_EQ, SEMVER_GT, SEMVER_LT',
  },
  {
    name: 'inverted not a boolean',
    rules: { constraints: [{ contextName: 'role', operator: 'IN', values: ['a'], inverted: 'yes' }] },
    error: 'constraints[0].inverted: must be true or false',
  },
  {
    name: 'IN with value',
    rules: { constraints: [{ contextName: 'role', operator: 'IN', value: 'a' }] },
    error: 'constraints[0].value: IN compares with values (a list), not value',
  },
  {
    name: 'IN with no values',
    rules: { constraints: [{ contextName: 'role', operator: 'IN', values: [] }] },
    error: 'constraints[0].values: IN needs a non-empty list',
  },
  {
    name: 'a value not a string',
    rules: { constraints: [{ contextName: 'role', operator: 'IN', values: ['a', 3] }] },
    error: 'constraints[0].values[1]: must be a string of at most 200 characters',
  },
  {
    name: 'NUM with values',
    rules: { constraints: [{ contextName: 'appVersion', operator: 'NUM_GT', values: ['1'] }] },
    error: 'constraints[0].values: NUM_GT compares with value (one), not values',
  },
  {
    name: 'NUM with a number, not a string',
    rules: { constraints: [{ contextName: 'appVersion', operator: 'NUM_GT', value: 1 }] },
    error: 'constraints[0].value: NUM_GT needs a value (a string)',
  },
  {
    name: 'NUM not a number',
    rules: { constraints: [{ contextName: 'appVersion', operator: 'NUM_EQ', value: '1e3' }] },
    error: 'constraints[0].value: "1e3" is not a number',
  },
  {
    name: 'DATE without a time zone',
    rules: { constraints: [{ contextName: 'signupDate', operator: 'DATE_AFTER', value: '2026-01-01T00:00:00' }] },
    error: 'constraints[0].value: "2026-01-01T00:00:00" is not a date-time with a time zone (2026-12-07T09:00:00Z)',
  },
  {
    name: 'DATE that does not exist',
    rules: { constraints: [{ contextName: 'signupDate', operator: 'DATE_AFTER', value: '2026-02-30T00:00:00Z' }] },
    error: 'constraints[0].value: "2026-02-30T00:00:00Z" is not a date-time with a time zone (2026-12-07T09:00:00Z)',
  },
  {
    name: 'DATE with an offset',
    rules: {
      constraints: [{ contextName: 'signupDate', operator: 'DATE_BEFORE', value: '2024-02-29T23:59:59.5-05:30' }],
    },
    error: null,
  },
  {
    name: 'bad semver',
    rules: { constraints: [{ contextName: 'appVersion', operator: 'SEMVER_LT', value: '2.0' }] },
    error: 'constraints[0].value: "2.0" is not a semantic version (1.2.3)',
  },
];
