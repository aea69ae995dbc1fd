import type { Dayjs } from 'dayjs';
import { toIsoValue } from '../inputs/date-values';
import type { FieldDef, FieldKind, ResourceDef } from '../../resources/types';

// What goes between the form and the API: which columns the form offers, what it starts with,
// and the payload it sends. Pure, so the rules are tested without rendering a form.

export type FormAction = 'create' | 'edit';

/** Kinds whose input needs the whole row: several lines, a JSON document, coordinates, a map summary. */
const LONG_KINDS: ReadonlySet<FieldKind> = new Set(['textarea', 'json', 'geo_point', 'geo_area']);

export function isLongField(field: Pick<FieldDef, 'kind'>): boolean {
  return LONG_KINDS.has(field.kind);
}

/** Fields the form offers for `action`, minus sensitive ones the caller may not see. */
export function formFieldsFor(
  def: ResourceDef,
  action: FormAction,
  canSee: (field: FieldDef) => boolean = () => true,
): FieldDef[] {
  return def.fields.filter((field) => {
    const form = field.form ?? 'both';
    if (form === false) return false;
    if (form !== 'both' && form !== action) return false;
    return canSee(field);
  });
}

export function createDefaults(fields: FieldDef[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.filter((field) => field.defaultValue !== undefined).map((field) => [field.name, field.defaultValue]),
  );
}

function isDayjs(value: unknown): value is Dayjs {
  return typeof value === 'object' && value !== null && typeof (value as Dayjs).isValid === 'function';
}

function normalizeValue(field: FieldDef, value: unknown): unknown {
  if (value === '' && !field.required) return null;
  switch (field.kind) {
    case 'date':
    case 'datetime':
    case 'time':
      return isDayjs(value) ? toIsoValue(field.kind, value) : value;
    case 'money':
      // the input already holds minor units; a number typed elsewhere must still be whole
      return typeof value === 'number' ? Math.round(value) : value;
    default:
      return value;
  }
}

/**
 * The payload for the given fields: only their columns (never embedded relations or read-only
 * columns the record carried), empty text as null on nullable columns, dates as ISO text,
 * money in integer minor units. Fields the form never touched (undefined) are left out.
 */
export function normalizeValues(fields: FieldDef[], values: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    // geography areas are drawn elsewhere; the form shows them but never writes them
    if (field.kind === 'geo_area') continue;
    const value = values[field.name];
    if (value === undefined) continue;
    payload[field.name] = normalizeValue(field, value);
  }
  return payload;
}

function sameInstant(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return !Number.isNaN(ta) && ta === tb;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function unchanged(field: FieldDef, next: unknown, before: unknown): boolean {
  if ((next ?? null) === null && (before ?? null) === null) return true;
  // the same moment written another way ('+00:00' vs 'Z') is not a change
  if (field.kind === 'datetime' && sameInstant(next, before)) return true;
  // numeric columns may come back as strings (bigint, numeric)
  if (typeof next === 'number' && typeof before === 'string' && before.trim() !== '') return next === Number(before);
  return deepEqual(next, before);
}

/** The part of `payload` that differs from the record as loaded: an edit sends only what changed. */
export function changedValues(
  fields: FieldDef[],
  payload: Record<string, unknown>,
  record: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (!record) return payload;
  const changed: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field.name in payload)) continue;
    if (!unchanged(field, payload[field.name], record[field.name])) changed[field.name] = payload[field.name];
  }
  return changed;
}
