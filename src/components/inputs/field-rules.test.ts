import type { FormInstance } from 'antd';
// The validator antd's Form itself runs, so the rules are checked exactly as a form applies them.
import { validateRules } from 'rc-field-form/es/utils/validateUtil';
import type { RuleError, RuleObject } from 'rc-field-form/es/interface';
import { describe, expect, it } from 'vitest';
import { getResource } from '../../resources';
import type { FieldDef } from '../../resources/types';
import { isIpAddress, rulesFor } from './field-rules';
import { InvalidInput } from './invalid-input';

async function errorsFor(field: FieldDef, value: unknown, formValues: Record<string, unknown> = {}) {
  const form = { getFieldValue: (name: string) => formValues[name] } as unknown as FormInstance;
  const rules = rulesFor(field).map((rule) => (typeof rule === 'function' ? rule(form) : rule)) as RuleObject[];
  // validateRules always settles by rejecting with one entry per rule (errors empty when it passed)
  const results: RuleError[] = await validateRules([field.name], value, rules, {}, false).then(
    (ok) => ok,
    (failed: RuleError[]) => failed,
  );
  return results.flatMap((r) => r.errors);
}

const f = (partial: Partial<FieldDef> & Pick<FieldDef, 'kind'>): FieldDef =>
  ({ name: 'title', label: 'Title', ...partial }) as FieldDef;

const slug = f({
  kind: 'code',
  label: 'Slug',
  pattern: { regex: /^[a-z0-9]+(-[a-z0-9]+)*$/, message: 'Lowercase letters, digits and single hyphens' },
});

// the feature flag registry's targeting rules: validated as the database's trigger validates them
const targeting = getResource('feature_flags').fields.find((field) => field.name === 'targeting_rules')!;

// [what, field, value, expected error (null = valid), form values]
const cases: [string, FieldDef, unknown, RegExp | null, Record<string, unknown>?][] = [
  ['required text left empty', f({ kind: 'text', required: true }), '', /Title is required/],
  ['required text left undefined', f({ kind: 'text', required: true }), undefined, /Title is required/],
  ['optional text left empty', f({ kind: 'text' }), '', null],
  ['required number 0 is a value', f({ kind: 'integer', required: true }), 0, null],
  ['required boolean false is a value', f({ kind: 'boolean', required: true }), false, null],
  ['required tags empty', f({ kind: 'tags', label: 'Keywords', required: true }), [], /Keywords is required/],
  ['required tags given', f({ kind: 'tags', required: true }), ['plumbing'], null],
  ['text shorter than min', f({ kind: 'text', min: 3 }), 'ab', /at least 3 characters/],
  ['text at min', f({ kind: 'text', min: 3 }), 'abc', null],
  ['text longer than max', f({ kind: 'textarea', max: 5 }), 'abcdef', /at most 5 characters/],
  ['pattern mismatch shows its message', slug, 'Deep Clean', /Lowercase letters, digits and single hyphens/],
  ['pattern match', slug, 'deep-clean', null],
  ['email format', f({ kind: 'email' }), 'not-an-email', /valid email/],
  ['email ok', f({ kind: 'email' }), 'ops@loconomy.test', null],
  ['url format', f({ kind: 'url' }), 'loconomy', /full URL/],
  ['url ok', f({ kind: 'url' }), 'https://loconomy.test/a', null],
  ['uuid format', f({ kind: 'uuid' }), '1234', /UUID/],
  ['ip format', f({ kind: 'ip' }), '300.1.1.1', /IPv4 or IPv6/],
  ['ip ok', f({ kind: 'ip' }), '10.0.0.1/8', null],
  ['integer below min', f({ kind: 'integer', label: 'Radius', min: 0 }), -1, /Radius must be at least 0/],
  ['integer above max', f({ kind: 'duration_minutes', label: 'Duration', max: 60 }), 61, /at most 60/],
  ['integer with a fraction', f({ kind: 'integer', label: 'Radius' }), 1.5, /whole number/],
  ['decimal with a fraction', f({ kind: 'decimal' }), 1.5, null],
  ['percent bounded without registry bounds', f({ kind: 'percent', label: 'Rollout' }), 101, /at most 100/],
  [
    'money below min (minor units) in its currency',
    f({ kind: 'money', label: 'Price', min: 0 }),
    -1,
    /at least \$0\.00/,
    { currency: 'USD' },
  ],
  [
    'money in the currency field named by the registry',
    f({ kind: 'money', label: 'Fee', min: 500, currencyField: 'fee_currency' }),
    499,
    /at least ¥500/,
    { fee_currency: 'JPY' },
  ],
  ['money must be whole minor units', f({ kind: 'money', label: 'Price' }), 12.5, /amount of money/],
  ['money ok', f({ kind: 'money', min: 0 }), 1234, null, { currency: 'USD' }],
  ['json that does not parse', f({ kind: 'json' }), new InvalidInput('Unexpected token at 3'), /Unexpected token at 3/],
  ['json parsed', f({ kind: 'json' }), { city: 'Lisbon' }, null],
  ['required json empty', f({ kind: 'json', label: 'Media', required: true }), null, /Media is required/],
  [
    'json the database would refuse: the registry check says what, before sending',
    targeting,
    { roles: ['customer'] },
    /^Targeting: roles: unknown key \(allowed: constraints, stickiness, groupId, segments\)$/,
  ],
  [
    'json the database accepts',
    targeting,
    { constraints: [{ contextName: 'role', operator: 'IN', values: ['x'] }] },
    null,
  ],
  ['unparsable json is not checked twice', targeting, new InvalidInput('Unexpected token'), /^Unexpected token$/],
  [
    'point half filled',
    f({ kind: 'geo_point' }),
    new InvalidInput('Enter both latitude and longitude'),
    /both latitude/,
  ],
  ['point latitude out of range', f({ kind: 'geo_point' }), 'SRID=4326;POINT(10 95)', /Latitude must be between/],
  ['point longitude out of range', f({ kind: 'geo_point' }), 'SRID=4326;POINT(190 10)', /Longitude must be between/],
  ['point ok (EWKT)', f({ kind: 'geo_point' }), 'SRID=4326;POINT(-9.14 38.72)', null],
  ['point ok (hex EWKB as read)', f({ kind: 'geo_point' }), '0101000020E6100000000000000000F03F0000000000000040', null],
  ['point garbage', f({ kind: 'geo_point' }), 'somewhere', /Not a point/],
];

describe('rulesFor', () => {
  it.each(cases)('%s', async (_what, field, value, expected, formValues) => {
    const errors = await errorsFor(field, value, formValues);
    if (expected === null) expect(errors).toEqual([]);
    else expect(errors.join(' | ')).toMatch(expected);
  });
});

describe('isIpAddress', () => {
  it.each([
    ['192.168.0.1', true],
    ['192.168.0.256', false],
    ['10.0.0.0/33', false],
    ['::1', true],
    ['2001:db8::8a2e:370:7334', true],
    ['2001:db8::/32', true],
    ['2001:db8:::1', false],
    ['1:2:3:4:5:6:7:8:9', false],
    ['localhost', false],
  ])('%s → %s', (text, expected) => {
    expect(isIpAddress(text)).toBe(expected);
  });
});
