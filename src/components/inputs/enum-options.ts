import { Constants } from '../../types/database';
import type { FieldDef } from '../../resources/types';

/** The values an enum field offers: its Postgres enum's, or the check constraint's list. */
export function enumOptions(field: Pick<FieldDef, 'enum' | 'options'>): { value: string; label: string }[] {
  const values: readonly string[] = field.enum ? Constants.public.Enums[field.enum] : (field.options ?? []);
  return values.map((value) => ({ value, label: value.replace(/_/g, ' ') }));
}
