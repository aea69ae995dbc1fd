import { Link } from '@refinedev/core';
import type { RelationDef } from '../../resources/types';
import { relationLabel, shorten } from './format';

// The data provider embeds the target as `<alias>:<target>(id,<labelField>)`; when the embed
// is missing (a record the caller may not read, or a narrow select) the id still links.
export function RelationValue({
  id,
  fieldName,
  relation,
  record,
}: {
  id: string | number;
  fieldName: string;
  relation: RelationDef;
  record: Record<string, unknown>;
}) {
  const label = relationLabel(record, fieldName, relation.labelField);
  const text = String(id);
  return (
    <Link to={`/${relation.resource}/show/${encodeURIComponent(text)}`} title={label ? undefined : text}>
      {label ?? <span style={{ fontFamily: 'monospace' }}>{shorten(text)}</span>}
    </Link>
  );
}
