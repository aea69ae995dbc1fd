import { Constants } from '../../types/database';
import type { FieldDef } from '../../resources/types';
import { humanize } from '../fields/format';

/** The values an enum (or closed-list tags) field offers, for forms and list filters alike: its Postgres enum's, or the check constraint's list. */
export function enumOptions(field: Pick<FieldDef, 'enum' | 'options'>): { value: string; label: string }[] {
  const values: readonly string[] = field.enum ? Constants.public.Enums[field.enum] : (field.options ?? []);
  return values.map((value) => ({ value, label: humanize(value) }));
}
