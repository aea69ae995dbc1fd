import { Rate } from 'antd';
import { formatNumber } from './format';

export function RatingValue({ value }: { value: number }) {
  const text = formatNumber(value, 2);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
      <Rate
        disabled
        allowHalf
        value={Math.round(value * 2) / 2}
        style={{ fontSize: 14 }}
        aria-label={`${text} out of 5`}
      />
      <span>{text}</span>
    </span>
  );
}
