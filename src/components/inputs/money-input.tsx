import { currencyPath } from '../../resources/select';
import { Form, InputNumber, Space } from 'antd';
import { minorDigits, toMajorUnits, toMinorUnits } from '../../lib/money';

export interface MoneyInputProps {
  id?: string;
  /** Integer minor units, as the column stores them. */
  value?: number | string | null;
  onChange?: (minor: number | null) => void;
  onBlur?: () => void;
  /** Form field holding the ISO currency (default 'currency'). */
  currencyField?: string;
  disabled?: boolean;
}

const ISO_CURRENCY = /^[A-Za-z]{3}$/;

// People type major units (12.34); the form holds what the column stores (1234), so nothing
// converts twice and no float reaches the payload.
export function MoneyInput({ id, value, onChange, onBlur, currencyField = 'currency', disabled }: MoneyInputProps) {
  // preserve: the currency column may not be an input of this form but is in the loaded record
  const watched: unknown = Form.useWatch(currencyPath({ currencyField }), { preserve: true });
  const currency = typeof watched === 'string' && ISO_CURRENCY.test(watched) ? watched.toUpperCase() : 'USD';
  const digits = minorDigits(currency);
  const major = value === null || value === undefined || value === '' ? null : toMajorUnits(value, currency);

  return (
    <Space.Compact block>
      <InputNumber<number>
        id={id}
        style={{ width: '100%' }}
        value={major}
        precision={digits}
        step={digits > 0 ? 1 / 10 ** digits : 1}
        disabled={disabled}
        onBlur={onBlur}
        onChange={(next) =>
          onChange?.(
            next === null || next === undefined || Number.isNaN(Number(next))
              ? null
              : toMinorUnits(Number(next), currency),
          )
        }
      />
      <Space.Addon>{currency}</Space.Addon>
    </Space.Compact>
  );
}
