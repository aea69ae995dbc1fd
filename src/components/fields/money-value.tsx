import { formatMoney } from '../../lib/money';

export function MoneyValue({ minor, currency }: { minor: number | string; currency: string | null | undefined }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(minor, currency || 'USD')}</span>;
}
