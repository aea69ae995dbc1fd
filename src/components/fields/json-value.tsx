import { Typography } from 'antd';
import { jsonPreview } from './format';

export function JsonValue({ value, mode = 'show' }: { value: unknown; mode?: 'list' | 'show' }) {
  if (mode === 'list') {
    return (
      <Typography.Text code style={{ whiteSpace: 'nowrap' }} title={jsonPreview(value, 500)}>
        {jsonPreview(value, 60)}
      </Typography.Text>
    );
  }
  const pretty = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return (
    <details>
      <summary style={{ cursor: 'pointer' }}>
        <Typography.Text code>{jsonPreview(value, 80)}</Typography.Text>
      </summary>
      <pre style={{ margin: '8px 0 0', maxHeight: 400, overflow: 'auto', fontSize: 12 }}>{pretty}</pre>
    </details>
  );
}
