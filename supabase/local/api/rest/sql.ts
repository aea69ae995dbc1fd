// The only two ways text from a request reaches SQL: as a quoted identifier, or as a bind
// parameter. Nothing else from the request is ever concatenated into a statement.
import { parseError } from './errors.ts';

export function ident(name: string): string {
  if (name.includes('\0')) throw parseError('"invalid identifier"', 'NUL bytes are not allowed');
  return `"${name.replace(/"/g, '""')}"`;
}

export const qident = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`;

/** Collects bind parameters for one statement. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast?: string): string {
    if (typeof value === 'string' && value.includes('\0')) throw parseError('"invalid value"', 'NUL bytes are not allowed');
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}
