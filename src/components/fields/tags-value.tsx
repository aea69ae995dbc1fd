import { Tag, Tooltip } from 'antd';

const LIST_MAX = 3;

export function TagsValue({ value, mode = 'show' }: { value: unknown[]; mode?: 'list' | 'show' }) {
  const tags = value.map(String);
  const shown = mode === 'list' ? tags.slice(0, LIST_MAX) : tags;
  const hidden = tags.slice(shown.length);
  return (
    <span style={{ display: 'inline-flex', flexWrap: mode === 'list' ? 'nowrap' : 'wrap', gap: 4 }}>
      {shown.map((tag, i) => (
        <Tag key={`${tag}-${i}`} style={{ marginInlineEnd: 0 }}>
          {tag}
        </Tag>
      ))}
      {hidden.length > 0 && (
        <Tooltip title={hidden.join(', ')}>
          <Tag style={{ marginInlineEnd: 0 }}>+{hidden.length}</Tag>
        </Tooltip>
      )}
    </span>
  );
}
