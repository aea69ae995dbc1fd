import { formatDuration, formatNumber } from './format';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

export function NumberValue({
  value,
  kind,
}: {
  value: number;
  kind: 'integer' | 'decimal' | 'percent' | 'duration_minutes';
}) {
  if (kind === 'duration_minutes') return <span>{formatDuration(value)}</span>;
  if (kind === 'percent') return <span style={numeric}>{formatNumber(value, 2)}%</span>;
  return <span style={numeric}>{formatNumber(value, kind === 'integer' ? 0 : 6)}</span>;
}
