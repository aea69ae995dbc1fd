import { Form, Input } from 'antd';

// One field for the six digits, not six boxes: password managers and authenticator apps fill
// it with autocomplete="one-time-code", and a pasted code with spaces still fits.
export function CodeField({ autoFocus = true }: { autoFocus?: boolean }) {
  return (
    <Form.Item
      name="code"
      label="Authentication code"
      normalize={(v: string) => v.replace(/\s+/g, '')}
      rules={[
        { required: true, message: 'Enter the 6-digit code' },
        { pattern: /^\d{6}$/, message: 'The code has 6 digits' },
      ]}
    >
      <Input
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={9}
        size="large"
        autoFocus={autoFocus}
        placeholder="123456"
        style={{ letterSpacing: 4, fontVariantNumeric: 'tabular-nums' }}
      />
    </Form.Item>
  );
}
