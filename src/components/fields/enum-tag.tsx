import { Tag } from 'antd';
import { enumColor, humanize } from './format';

export function EnumTag({ value }: { value: string }) {
  return (
    <Tag color={enumColor(value)} style={{ marginInlineEnd: 0 }}>
      {humanize(value)}
    </Tag>
  );
}
