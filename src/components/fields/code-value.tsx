import { Typography } from 'antd';
import { shorten } from './format';

// Keys and codes are copied into tickets and SQL more than they are read, so the whole
// value is always what gets copied even when the list shows a short form.
export function CodeValue({
  value,
  mode = 'show',
  shortenInList,
}: {
  value: string;
  mode?: 'list' | 'show';
  shortenInList: boolean;
}) {
  const shown = mode === 'list' && shortenInList ? shorten(value) : value;
  return (
    <Typography.Text
      code
      copyable={{ text: value }}
      title={shown === value ? undefined : value}
      style={{ whiteSpace: 'nowrap' }}
    >
      {shown}
    </Typography.Text>
  );
}
