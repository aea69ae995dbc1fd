import { useSelect } from '@refinedev/antd';
import type { BaseKey, BaseRecord } from '@refinedev/core';
import { Select } from 'antd';
import { findResource } from '../../resources';
import type { RelationDef } from '../../resources/types';
import { relationSearchFilters } from './relation-search';

export interface RelationSelectProps {
  id?: string;
  relation: RelationDef;
  value?: BaseKey | null;
  onChange?: (value: BaseKey | null) => void;
  onBlur?: () => void;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
}

// Targets can have thousands of rows (users, listings), so the options come from the server
// page by page as the user types; the current value's label is fetched by id.
export function RelationSelect({
  id,
  relation,
  value,
  onChange,
  onBlur,
  required,
  disabled,
  placeholder,
}: RelationSelectProps) {
  const target = findResource(relation.resource);
  const hasValue = value !== null && value !== undefined && value !== '';
  const { selectProps } = useSelect<BaseRecord>({
    resource: relation.resource,
    optionLabel: (item) => String(item[relation.labelField] ?? item.id),
    optionValue: (item) => String(item.id),
    defaultValue: hasValue ? value : undefined,
    // without a value refine would still ask getMany for [undefined]
    defaultValueQueryOptions: { enabled: hasValue },
    onSearch: (text) => relationSearchFilters(relation, text),
    sorters: target ? [target.defaultSort] : undefined,
    pagination: { pageSize: 20, mode: 'server' },
    meta: { select: `id,${relation.labelField}` },
    debounce: 300,
    errorNotification: false,
  });

  return (
    <Select<BaseKey>
      options={selectProps.options as { label: string; value: BaseKey }[] | undefined}
      onSearch={selectProps.onSearch}
      loading={selectProps.loading}
      showSearch
      filterOption={false}
      id={id}
      value={hasValue ? value : undefined}
      onChange={(next) => onChange?.(next ?? null)}
      onBlur={onBlur}
      allowClear={!required}
      disabled={disabled}
      placeholder={placeholder ?? `Search ${target?.label.toLowerCase() ?? relation.resource.replace(/_/g, ' ')}`}
    />
  );
}
