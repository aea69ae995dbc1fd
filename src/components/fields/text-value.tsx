import { Typography } from 'antd';

export function TextValue({
  value,
  mode = 'show',
  multiline,
}: {
  value: string;
  mode?: 'list' | 'show';
  multiline?: boolean;
}) {
  if (mode === 'list') {
    return (
      <Typography.Text ellipsis={{ tooltip: value }} style={{ maxWidth: 320 }}>
        {value}
      </Typography.Text>
    );
  }
  return <span style={multiline ? { whiteSpace: 'pre-wrap' } : undefined}>{value}</span>;
}

export function EmailValue({ value }: { value: string }) {
  return <a href={`mailto:${value}`}>{value}</a>;
}

export function UrlValue({ value, mode = 'show' }: { value: string; mode?: 'list' | 'show' }) {
  // Only web links become clickable: a `javascript:` URL typed into a record must stay text.
  if (!/^https?:\/\//i.test(value)) return <span>{value}</span>;
  return (
    <Typography.Link
      href={value}
      target="_blank"
      rel="noopener noreferrer"
      ellipsis={mode === 'list'}
      style={mode === 'list' ? { maxWidth: 280 } : undefined}
    >
      {value}
    </Typography.Link>
  );
}

export function PhoneValue({ value }: { value: string }) {
  return <a href={`tel:${value.replace(/[^+\d]/g, '')}`}>{value}</a>;
}

export function IpValue({ value }: { value: string }) {
  return <span style={{ fontFamily: 'monospace' }}>{value}</span>;
}
