import { DatePicker, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { toDayjs, toIsoValue, type DateKind } from './date-values';

export interface DateInputProps {
  id?: string;
  kind: DateKind;
  /** ISO text as the column returns and accepts it: '2026-03-01', an ISO timestamp, '09:30:00'. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  onBlur?: () => void;
  disabled?: boolean;
  /** Quick picks, in days from now. */
  presetDays?: readonly number[];
}

// The pickers work in dayjs; the form holds the ISO text the payload carries.
export function DateInput({ id, kind, value, onChange, onBlur, disabled, presetDays }: DateInputProps) {
  const current = toDayjs(kind, value);
  const change = (next: Dayjs | null) => onChange?.(toIsoValue(kind, next));
  if (kind === 'time')
    return <TimePicker id={id} value={current} onChange={change} onBlur={onBlur} disabled={disabled} />;
  return (
    <DatePicker
      id={id}
      value={current}
      showTime={kind === 'datetime'}
      onChange={change}
      onBlur={onBlur}
      disabled={disabled}
      style={{ width: '100%' }}
      presets={presetDays?.map((days) => ({
        label: days === 1 ? 'In 1 day' : `In ${days} days`,
        value: () => dayjs().add(days, 'day'),
      }))}
    />
  );
}
