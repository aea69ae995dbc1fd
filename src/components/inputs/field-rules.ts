import { currencyPath } from '../../resources/select';
import type { FormRule } from 'antd';
import { isValidPoint } from '../../lib/geo';
import { formatMoney } from '../../lib/money';
import type { FieldDef, FieldKind } from '../../resources/types';
import { isInvalidInput } from './invalid-input';
import { readPoint } from './point-value';

// Validation mirrors the table's constraints (as the registry records them) so most mistakes
// are caught before the round trip; the database still has the last word.

const TEXT_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'textarea', 'email', 'url', 'phone', 'code', 'uuid', 'ip']);
const NUMBER_KINDS: ReadonlySet<FieldKind> = new Set(['integer', 'decimal', 'percent', 'duration_minutes', 'rating']);
/** Bounds a kind implies even when the registry gives none. */
const KIND_BOUNDS: Partial<Record<FieldKind, { min: number; max: number }>> = {
  percent: { min: 0, max: 100 },
  rating: { min: 0, max: 5 },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IPV4_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const all = groups.flat();
  if (!all.every((group) => HEX_GROUP.test(group))) return false;
  return halves.length === 2 ? all.length <= 7 : all.length === 8;
}

/** An `inet` value: IPv4 or IPv6, optionally with a network prefix. */
export function isIpAddress(text: string): boolean {
  const [address, prefix, ...rest] = text.trim().split('/');
  if (rest.length > 0) return false;
  const v4 = IPV4.test(address);
  if (!v4 && !isIpv6(address)) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (v4 ? 32 : 128);
}

type RuleObject = Exclude<FormRule, (...args: never[]) => unknown>;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

function check(test: (value: unknown) => string | null): RuleObject {
  return {
    validator: async (_rule, value) => {
      if (isBlank(value)) return;
      const problem = test(value);
      if (problem) throw new Error(problem);
    },
  };
}

function requiredRule(field: FieldDef): FormRule {
  const message = `${field.label} is required`;
  if (field.kind === 'tags') return { required: true, type: 'array', min: 1, message };
  if (field.kind === 'json')
    return { validator: async (_rule, value) => (isBlank(value) ? Promise.reject(new Error(message)) : undefined) };
  return { required: true, message };
}

function numberBoundRules(field: FieldDef): FormRule[] {
  const min = field.min ?? KIND_BOUNDS[field.kind]?.min;
  const max = field.max ?? KIND_BOUNDS[field.kind]?.max;
  return [
    check((value) => {
      const n = Number(value);
      if (typeof value !== 'number' || Number.isNaN(n)) return `${field.label} must be a number`;
      if ((field.kind === 'integer' || field.kind === 'duration_minutes') && !Number.isInteger(n))
        return `${field.label} must be a whole number`;
      if (min !== undefined && n < min) return `${field.label} must be at least ${min}`;
      if (max !== undefined && n > max) return `${field.label} must be at most ${max}`;
      return null;
    }),
  ];
}

function moneyRule(field: FieldDef): FormRule {
  // Bounds are in minor units like the column; the message shows them in the record's currency.
  return ({ getFieldValue }) =>
    check((value) => {
      const currencyValue: unknown = getFieldValue(currencyPath(field));
      const currency = typeof currencyValue === 'string' && currencyValue ? currencyValue : 'USD';
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${field.label} must be an amount of money`;
      if (field.min !== undefined && value < field.min)
        return `${field.label} must be at least ${formatMoney(field.min, currency)}`;
      if (field.max !== undefined && value > field.max)
        return `${field.label} must be at most ${formatMoney(field.max, currency)}`;
      return null;
    });
}

function textRules(field: FieldDef): FormRule[] {
  const rules: FormRule[] = [];
  if (field.min !== undefined)
    rules.push({ type: 'string', min: field.min, message: `${field.label} needs at least ${field.min} characters` });
  if (field.max !== undefined)
    rules.push({ type: 'string', max: field.max, message: `${field.label} takes at most ${field.max} characters` });
  if (field.pattern) rules.push({ pattern: field.pattern.regex, message: field.pattern.message });
  if (field.kind === 'email') rules.push({ type: 'email', message: 'Enter a valid email address' });
  if (field.kind === 'url') rules.push({ type: 'url', message: 'Enter a full URL, e.g. https://example.com' });
  if (field.kind === 'uuid') rules.push({ pattern: UUID, message: 'Enter a UUID' });
  if (field.kind === 'ip')
    rules.push(check((value) => (isIpAddress(String(value)) ? null : 'Enter an IPv4 or IPv6 address')));
  return rules;
}

const jsonRule: FormRule = check((value) => (isInvalidInput(value) ? value.message : null));

const pointRule: FormRule = check((value) => {
  if (isInvalidInput(value)) return value.message;
  const point = readPoint(value);
  if (!point) return 'Not a point';
  if (Math.abs(point.lat) > 90) return 'Latitude must be between -90 and 90';
  if (Math.abs(point.lng) > 180) return 'Longitude must be between -180 and 180';
  return isValidPoint(point) ? null : 'Not a point';
});

/** The antd rules for one registry field. Pure: the same field always gives the same rules. */
export function rulesFor(field: FieldDef): FormRule[] {
  const rules: FormRule[] = [];
  if (field.required) rules.push(requiredRule(field));
  if (TEXT_KINDS.has(field.kind)) rules.push(...textRules(field));
  else if (NUMBER_KINDS.has(field.kind)) rules.push(...numberBoundRules(field));
  else if (field.kind === 'money') rules.push(moneyRule(field));
  else if (field.kind === 'json') rules.push(jsonRule);
  else if (field.kind === 'geo_point') rules.push(pointRule);
  else if (field.kind === 'tags' && field.max !== undefined)
    rules.push({ type: 'array', max: field.max, message: `${field.label} takes at most ${field.max} tags` });
  const validate = field.validate;
  if (validate) rules.push(check((value) => (isInvalidInput(value) ? null : validate(value))));
  return rules;
}
