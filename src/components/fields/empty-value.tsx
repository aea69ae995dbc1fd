import { Typography } from 'antd';

export function EmptyValue() {
  return (
    <Typography.Text type="secondary" aria-label="empty">
      —
    </Typography.Text>
  );
}
