import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { InvalidInput, isInvalidInput } from './invalid-input';

export interface JsonInputProps {
  id?: string;
  /** The parsed JSON (object, array, …), null when empty, or InvalidInput while it does not parse. */
  value?: unknown;
  onChange?: (value: unknown) => void;
  onBlur?: () => void;
  disabled?: boolean;
}

function stringify(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isInvalidInput(value)) return value.text ?? '';
  return JSON.stringify(value, null, 2);
}

function parse(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    return new InvalidInput(`Not valid JSON: ${(error as Error).message}`, text);
  }
}

// The form holds parsed JSON, so the payload carries an object rather than a string that
// PostgREST would store as a JSON string; what the user types stays as typed.
export function JsonInput({ id, value, onChange, onBlur, disabled }: JsonInputProps) {
  // the text and the form value it stands for; a value set from outside (record loaded, form
  // reset) replaces the text, the value this input emitted does not
  const [state, setState] = useState(() => ({ value, text: stringify(value) }));
  if (state.value !== value) setState({ value, text: stringify(value) });

  const emit = (text: string) => {
    const next = parse(text);
    setState({ value: next, text });
    onChange?.(next);
  };

  const parsed = parse(state.text);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        id={id}
        value={state.text}
        disabled={disabled}
        spellCheck={false}
        autoSize={{ minRows: 3, maxRows: 16 }}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
        onChange={(event) => emit(event.target.value)}
        onBlur={onBlur}
      />
      <Button
        size="small"
        disabled={disabled || parsed === null || isInvalidInput(parsed)}
        onClick={() => emit(JSON.stringify(parsed, null, 2))}
      >
        Format
      </Button>
    </Space>
  );
}
