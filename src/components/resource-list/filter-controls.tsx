import { useSelect } from '@refinedev/antd';
import type { CrudFilters, LogicalFilter } from '@refinedev/core';
import { DatePicker, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { minorDigits } from '../../lib/money';
import type { FieldDef, RelationDef } from '../../resources/types';
import {
  asBoolean,
  asNumber,
  asStringArray,
  asText,
  dateBound,
  filterWidget,
  findFilter,
  relationSearchFilters,
} from './filters';
import { sameText, useDraft } from './use-draft';
import { enumOptions } from '../inputs/enum-options';

export interface FilterControlProps {
  field: FieldDef;
  label: string;
  filters: CrudFilters;
  /** Replaces every filter on this field. */
  onChange: (next: LogicalFilter[]) => void;
}

const WIDTH = 200;

function EnumFilter({ field, label, filters, onChange }: FilterControlProps) {
  const value = asStringArray(
    findFilter(filters, field.name, 'in')?.value ?? findFilter(filters, field.name, 'eq')?.value,
  );
  return (
    <Select
      mode="multiple"
      allowClear
      aria-label={label}
      placeholder="Any"
      style={{ minWidth: WIDTH }}
      maxTagCount={3}
      value={value}
      options={enumOptions(field)}
      onChange={(next: string[]) => onChange([{ field: field.name, operator: 'in', value: next }])}
    />
  );
}

function RelationFilter({
  field,
  label,
  filters,
  onChange,
}: FilterControlProps & { field: { relation: RelationDef } }) {
  const relation = field.relation;
  const current = findFilter(filters, field.name, 'eq')?.value;
  const value = current === undefined || current === null || current === '' ? undefined : String(current);
  // The target's list loads once the picker is used; the chosen record's label loads at once.
  const [used, setUsed] = useState(false);
  const { selectProps } = useSelect({
    resource: relation.resource,
    optionLabel: relation.labelField as never,
    optionValue: 'id' as never,
    defaultValue: value,
    onSearch: (text) => relationSearchFilters(relation, text),
    pagination: { pageSize: 20 },
    debounce: 300,
    queryOptions: { enabled: used },
    // without its own options the chosen record's lookup would inherit `enabled: used`
    defaultValueQueryOptions: { enabled: true },
    errorNotification: false,
  });
  return (
    <Select<string>
      options={selectProps.options as { label: string; value: string }[]}
      loading={selectProps.loading}
      filterOption={false}
      allowClear
      showSearch
      aria-label={label}
      placeholder="Any"
      style={{ width: WIDTH }}
      value={value}
      onOpenChange={(open) => open && setUsed(true)}
      onSearch={(text) => {
        setUsed(true);
        selectProps.onSearch?.(text);
      }}
      onChange={(next) =>
        onChange([{ field: field.name, operator: 'eq', value: next === undefined || next === null ? undefined : next }])
      }
    />
  );
}

function BooleanFilter({ field, label, filters, onChange }: FilterControlProps) {
  const value = asBoolean(findFilter(filters, field.name, 'eq')?.value);
  return (
    <Radio.Group
      aria-label={label}
      optionType="button"
      value={value === undefined ? 'any' : String(value)}
      options={[
        { value: 'any', label: 'Any' },
        { value: 'true', label: 'Yes' },
        { value: 'false', label: 'No' },
      ]}
      onChange={(e) =>
        onChange([
          {
            field: field.name,
            operator: 'eq',
            value: e.target.value === 'any' ? undefined : e.target.value === 'true',
          },
        ])
      }
    />
  );
}

function DateRangeFilter({ field, label, filters, onChange }: FilterControlProps) {
  const from = findFilter(filters, field.name, 'gte')?.value;
  const to = findFilter(filters, field.name, 'lte')?.value;
  const parse = (v: unknown): Dayjs | null => (v ? dayjs(String(v)) : null);
  return (
    <DatePicker.RangePicker
      aria-label={label}
      allowEmpty={[true, true]}
      value={[parse(from), parse(to)]}
      onChange={(range) =>
        onChange([
          { field: field.name, operator: 'gte', value: dateBound(range?.[0] ?? null, 'start', field.kind) },
          { field: field.name, operator: 'lte', value: dateBound(range?.[1] ?? null, 'end', field.kind) },
        ])
      }
    />
  );
}

// Money filters are typed in major units; the column holds minor units. Mixed currencies
// share one scale here (two decimals unless the default currency says otherwise).
function NumberBound({ field, label, bound, filters, onChange }: FilterControlProps & { bound: 'gte' | 'lte' }) {
  const scale = field.kind === 'money' ? 10 ** minorDigits('USD') : 1;
  const stored = asNumber(findFilter(filters, field.name, bound)?.value);
  const committed = stored === undefined ? null : stored / scale;
  const [draft, setDraft, flush] = useDraft<number | null>(committed, (next) => {
    const mine: LogicalFilter = {
      field: field.name,
      operator: bound,
      value: next === null || next === undefined ? undefined : Math.round(next * scale),
    };
    // onChange replaces the field's filters, so the other end goes along unchanged
    const other = findFilter(filters, field.name, bound === 'gte' ? 'lte' : 'gte');
    const both = bound === 'gte' ? [mine, other] : [other, mine];
    onChange(both.filter((f): f is LogicalFilter => f !== undefined));
  });
  return (
    <InputNumber<number>
      aria-label={`${label} ${bound === 'gte' ? 'from' : 'to'}`}
      placeholder={bound === 'gte' ? 'Min' : 'Max'}
      style={{ width: WIDTH / 2 }}
      value={draft}
      onChange={(next) => setDraft(next ?? null)}
      onPressEnter={flush}
      onBlur={flush}
    />
  );
}

function NumberRangeFilter(props: FilterControlProps) {
  return (
    <Space.Compact>
      <NumberBound {...props} bound="gte" />
      <NumberBound {...props} bound="lte" />
    </Space.Compact>
  );
}

function TextFilter({
  field,
  label,
  filters,
  onChange,
  operator,
}: FilterControlProps & { operator: 'contains' | 'eq' }) {
  const committed = asText(findFilter(filters, field.name, operator)?.value);
  const [draft, setDraft, flush] = useDraft(
    committed,
    (next) => onChange([{ field: field.name, operator, value: next.trim() || undefined }]),
    { same: sameText },
  );
  return (
    <Input
      aria-label={label}
      placeholder={operator === 'eq' ? 'Exact value' : 'Contains'}
      allowClear
      style={{ width: WIDTH }}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onPressEnter={flush}
    />
  );
}

function TagsFilter({ field, label, filters, onChange }: FilterControlProps) {
  const value = asStringArray(findFilter(filters, field.name, 'ina')?.value);
  return (
    <Select
      allowClear
      aria-label={label}
      placeholder="Has all of"
      style={{ minWidth: WIDTH }}
      value={value}
      // a closed list (check-constrained elements) is picked from, as in the form
      {...(field.options ? { mode: 'multiple', options: enumOptions(field) } : { mode: 'tags', open: false })}
      onChange={(next: string[]) => onChange([{ field: field.name, operator: 'ina', value: next }])}
    />
  );
}

export function FilterControl(props: FilterControlProps) {
  const { field } = props;
  switch (filterWidget(field)) {
    case 'enum':
      return <EnumFilter {...props} />;
    case 'relation':
      return <RelationFilter {...props} field={field as FieldDef & { relation: RelationDef }} />;
    case 'boolean':
      return <BooleanFilter {...props} />;
    case 'date-range':
      return <DateRangeFilter {...props} />;
    case 'number-range':
      return <NumberRangeFilter {...props} />;
    case 'text':
      return <TextFilter {...props} operator="contains" />;
    case 'exact':
      return <TextFilter {...props} operator="eq" />;
    case 'tags':
      return <TagsFilter {...props} />;
    default:
      return null;
  }
}
