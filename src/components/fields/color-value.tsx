export function ColorValue({ value }: { value: string }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <span
        aria-hidden
        data-testid="color-swatch"
        style={{
          display: 'inline-block',
          width: 14,
          height: 14,
          borderRadius: 3,
          border: '1px solid rgba(0, 0, 0, 0.15)',
          background: value,
        }}
      />
      <span style={{ fontFamily: 'monospace' }}>{value}</span>
    </span>
  );
}
