import type { FieldDef } from '../../resources/types';

// PostgREST answers a refused write with the PostgreSQL error: `code` (SQLSTATE), `message`,
// `details`, `hint`. Constraint violations usually name a column, directly or in the
// constraint's name; when one of the form's fields is named, the message goes under it.

export interface ServerErrorLike {
  code?: string;
  message?: string;
  details?: string | null;
  hint?: string | null;
  statusCode?: number;
}

export interface MappedServerError {
  /** The form field the error belongs to, when it names one. */
  field?: string;
  message: string;
  details?: string;
  hint?: string;
  code?: string;
}

const quoted = (pattern: RegExp, text: string | null | undefined) => (text ? pattern.exec(text)?.[1] : undefined);

/** `Key (tenant_id, lower(email))=(…)` → ['tenant_id', 'email'] */
function keyColumns(details: string | null | undefined): string[] {
  const inside = quoted(/Key \((.+?)\)=/, details);
  if (!inside) return [];
  return inside.split(',').map((part) =>
    part
      .trim()
      .replace(/^\w+\((.*)\)$/, '$1')
      .trim(),
  );
}

/** The longest field name that appears as a whole `_`-separated part of the constraint name. */
function fieldInConstraint(constraint: string, fields: Pick<FieldDef, 'name'>[]): string | undefined {
  const padded = `_${constraint}_`;
  return fields
    .map((field): string => field.name)
    .filter((name) => padded.includes(`_${name}_`))
    .sort((a, b) => b.length - a.length)[0];
}

export function mapServerError(error: unknown, fields: Pick<FieldDef, 'name' | 'label'>[]): MappedServerError {
  const e = (error ?? {}) as ServerErrorLike;
  const base: MappedServerError = {
    message: e.message || 'The server refused the change.',
    details: e.details ?? undefined,
    hint: e.hint ?? undefined,
    code: e.code,
  };
  const names = new Set<string>(fields.map((field) => field.name));
  const label = (name: string) => fields.find((field) => field.name === name)?.label ?? name;
  const constraint = quoted(/constraint "([^"]+)"/, e.message);

  switch (e.code) {
    case '23505': {
      const field =
        keyColumns(e.details).find((column) => names.has(column)) ??
        (constraint ? fieldInConstraint(constraint, fields) : undefined);
      if (field) return { ...base, field, message: `${label(field)} is already used by another record` };
      return { ...base, message: `This would duplicate an existing record (${constraint ?? 'unique constraint'})` };
    }
    case '23514': {
      const field = constraint ? fieldInConstraint(constraint, fields) : undefined;
      if (field)
        return { ...base, field, message: `${label(field)} is not accepted by the database (check ${constraint})` };
      return { ...base, message: `The database refused these values (check ${constraint ?? 'constraint'})` };
    }
    case '23502': {
      const column = quoted(/column "([^"]+)"/, e.message);
      if (column && names.has(column)) return { ...base, field: column, message: `${label(column)} is required` };
      return base;
    }
    case '23503': {
      const field = keyColumns(e.details).find((column) => names.has(column));
      if (field) return { ...base, field, message: `${label(field)} points at a record that does not exist` };
      return base;
    }
    case '42501':
      return { ...base, message: `You may not make this change: ${base.message}` };
    default:
      return base;
  }
}
