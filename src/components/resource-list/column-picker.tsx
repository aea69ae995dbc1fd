import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import type { FieldDef } from '../../resources/types';

export function ColumnPicker({
  optional,
  chosen,
  onChange,
}: {
  optional: FieldDef[];
  chosen: string[];
  onChange: (next: string[]) => void;
}) {
  if (optional.length === 0) return null;
  const content = (
    <Flex vertical gap={4} style={{ maxHeight: 360, overflowY: 'auto', minWidth: 200 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Extra columns
      </Typography.Text>
      {optional.map((field) => (
        <Checkbox
          key={field.name}
          checked={chosen.includes(field.name)}
          onChange={(e) =>
            onChange(e.target.checked ? [...chosen, field.name] : chosen.filter((name) => name !== field.name))
          }
        >
          {field.label}
        </Checkbox>
      ))}
    </Flex>
  );
  const extra = chosen.filter((name) => optional.some((f) => f.name === name)).length;
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined />}>Columns{extra > 0 ? ` (+${extra})` : ''}</Button>
    </Popover>
  );
}
