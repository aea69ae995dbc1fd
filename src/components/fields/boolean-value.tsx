import { CheckOutlined, MinusOutlined } from '@ant-design/icons';

export function BooleanValue({ value }: { value: boolean }) {
  return value ? (
    <CheckOutlined aria-label="Yes" role="img" style={{ color: '#389e0d' }} />
  ) : (
    <MinusOutlined aria-label="No" role="img" style={{ color: 'rgba(0, 0, 0, 0.45)' }} />
  );
}
