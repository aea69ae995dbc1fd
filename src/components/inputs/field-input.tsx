import type { BaseKey } from '@refinedev/core';
import { Alert, AutoComplete, ColorPicker, Input, InputNumber, Rate, Select, Switch } from 'antd';
import { summarizeArea } from '../../lib/geo';
import type { FieldDef, ResourceDef } from '../../resources/types';
import { DateInput } from './date-input';
import { enumOptions } from './enum-options';
import { GeoPointInput } from './geo-point-input';
import { JsonInput } from './json-input';
import { MoneyInput } from './money-input';
import { RelationSelect } from './relation-select';

export interface FieldInputProps {
  field: FieldDef;
  def: ResourceDef;
  // injected by the surrounding Form.Item
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
  onBlur?: () => void;
  disabled?: boolean;
}

const MONOSPACE = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

const asText = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const asNumber = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isNaN(Number(value)) ? null : Number(value);

function numberAddon(field: FieldDef): string | undefined {
  if (field.kind === 'percent') return '%';
  if (field.kind === 'duration_minutes') return 'min';
  return undefined;
}

function GeoAreaSummary({ value }: { value: unknown }) {
  const area = summarizeArea(value);
  const text = area
    ? `${area.polygons} polygon${area.polygons === 1 ? '' : 's'}, bounds ${area.bbox.map((n) => n.toFixed(3)).join(', ')}`
    : 'No area drawn';
  return <Alert type="info" showIcon message={text} description="Areas are drawn in the geography tools." />;
}

/** The input for one registry field, chosen by its kind; the Form.Item around it supplies value and onChange. */
export function FieldInput({ field, def: _def, id, value, onChange, onBlur, disabled }: FieldInputProps) {
  const common = { id, onBlur, disabled };
  const emitText = (event: { target: { value: string } }) => onChange?.(event.target.value);

  if (field.suggestions && (field.kind === 'text' || field.kind === 'textarea')) {
    // picked from the list or typed: the list only saves typing the common cases
    return (
      <AutoComplete
        {...common}
        value={asText(value)}
        onChange={(next) => onChange?.(next)}
        options={field.suggestions.map((text) => ({ value: text }))}
        filterOption={(typed, option) =>
          String(option?.value ?? '')
            .toLowerCase()
            .includes(typed.toLowerCase())
        }
      >
        {field.kind === 'textarea' ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} /> : undefined}
      </AutoComplete>
    );
  }

  switch (field.kind) {
    case 'enum':
      return (
        <Select
          {...common}
          value={value ?? undefined}
          onChange={(next) => onChange?.(next ?? null)}
          options={enumOptions(field)}
          allowClear={!field.required}
          showSearch
          optionFilterProp="label"
        />
      );
    case 'relation':
      if (!field.relation) return <Input {...common} value={asText(value)} onChange={emitText} style={MONOSPACE} />;
      return (
        <RelationSelect
          {...common}
          relation={field.relation}
          required={field.required}
          value={value as BaseKey | null | undefined}
          onChange={onChange}
        />
      );
    case 'money':
      return (
        <MoneyInput
          {...common}
          value={value as number | string | null | undefined}
          onChange={onChange}
          currencyField={field.currencyField}
        />
      );
    case 'json':
      return <JsonInput {...common} value={value} onChange={onChange} />;
    case 'geo_point':
      return <GeoPointInput {...common} value={value} onChange={onChange} />;
    case 'geo_area':
      return <GeoAreaSummary value={value} />;
    case 'tags':
      // a closed list (check-constrained elements) is picked from; an open one is typed
      return (
        <Select
          {...common}
          value={Array.isArray(value) ? value : []}
          onChange={(next) => onChange?.(next)}
          {...(field.options
            ? { mode: 'multiple', options: enumOptions(field), showSearch: true, optionFilterProp: 'label' }
            : { mode: 'tags', tokenSeparators: [','], open: false, suffixIcon: null })}
        />
      );
    case 'boolean':
      return <Switch {...common} checked={value === true} onChange={(checked) => onChange?.(checked)} />;
    case 'date':
    case 'datetime':
    case 'time':
      return (
        <DateInput
          {...common}
          kind={field.kind}
          value={value as string | null | undefined}
          onChange={onChange}
          presetDays={field.presetDays}
        />
      );
    case 'rating':
      return <Rate {...common} allowHalf value={asNumber(value) ?? 0} onChange={(next) => onChange?.(next)} />;
    case 'integer':
    case 'decimal':
    case 'percent':
    case 'duration_minutes':
      return (
        <InputNumber<number>
          {...common}
          style={{ width: '100%' }}
          value={asNumber(value)}
          min={field.min}
          max={field.max}
          precision={field.kind === 'decimal' ? undefined : 0}
          suffix={numberAddon(field)}
          onChange={(next) => onChange?.(next ?? null)}
        />
      );
    case 'textarea':
      return (
        <Input.TextArea
          {...common}
          value={asText(value)}
          onChange={emitText}
          autoSize={{ minRows: 3, maxRows: 12 }}
          showCount={field.max !== undefined}
          maxLength={field.max}
        />
      );
    case 'color':
      return (
        <ColorPicker
          disabled={disabled}
          value={asText(value) || undefined}
          showText
          allowClear={!field.required}
          onChange={(color) => onChange?.(color.toHexString())}
          onClear={() => onChange?.(null)}
        />
      );
    case 'code':
    case 'uuid':
    case 'ip':
      return <Input {...common} value={asText(value)} onChange={emitText} style={MONOSPACE} spellCheck={false} />;
    case 'email':
      return <Input {...common} type="email" value={asText(value)} onChange={emitText} />;
    case 'url':
      return <Input {...common} type="url" value={asText(value)} onChange={emitText} />;
    case 'phone':
      return <Input {...common} type="tel" value={asText(value)} onChange={emitText} />;
    case 'text':
    default:
      return <Input {...common} value={asText(value)} onChange={emitText} maxLength={field.max} />;
  }
}
