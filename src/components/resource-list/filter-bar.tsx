import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import type { CrudFilters } from '@refinedev/core';
import { Badge, Button, Flex, Input, Radio, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { DeletedFilterValue } from '../../resources/list-params';
import type { FieldDef, FilterDef, ResourceDef } from '../../resources/types';
import { FilterControl } from './filter-controls';
import {
  deletedMode,
  filterWidget,
  hasActiveFilters,
  isLogical,
  searchValue,
  withDeletedMode,
  withFieldFilters,
  withSearch,
} from './filters';
import { sameText, useDraft } from './use-draft';

type Update = (updater: (prev: CrudFilters) => CrudFilters) => void;

interface ResolvedFilter {
  def: FilterDef;
  field: FieldDef;
  label: string;
}

function resolveFilters(def: ResourceDef, canSee: (field: FieldDef) => boolean): ResolvedFilter[] {
  return (def.filters ?? []).flatMap((filter) => {
    const field = def.fields.find((f) => f.name === filter.field);
    // a filter on a column the caller may not see would reveal it through the results
    if (!field || !canSee(field) || !filterWidget(field)) return [];
    return [{ def: filter, field, label: filter.label ?? field.label }];
  });
}

function SearchBox({ def, filters, update }: { def: ResourceDef; filters: CrudFilters; update: Update }) {
  const [draft, setDraft, flush] = useDraft(searchValue(filters), (text) => update((prev) => withSearch(prev, text)), {
    same: sameText,
  });
  return (
    <Input
      role="searchbox"
      aria-label={`Search ${def.label.toLowerCase()}`}
      placeholder={def.search?.placeholder ?? `Search ${def.label.toLowerCase()}`}
      prefix={<SearchOutlined />}
      allowClear
      style={{ width: 280 }}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onPressEnter={flush}
    />
  );
}

function FilterItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  );
}

export function FilterBar({
  def,
  filters,
  update,
  canSee,
  extra,
}: {
  def: ResourceDef;
  filters: CrudFilters;
  update: Update;
  canSee: (field: FieldDef) => boolean;
  /** Right-hand tools (column picker). */
  extra?: ReactNode;
}) {
  const resolved = resolveFilters(def, canSee);
  const primary = resolved.filter((f) => f.def.primary);
  const secondary = resolved.filter((f) => !f.def.primary);
  const activeSecondary = secondary.filter((f) =>
    filters.some((c) => isLogical(c) && c.field === f.field.name && c.value !== undefined && c.value !== ''),
  ).length;
  // null = automatic: open when a filter behind "More filters" is set (e.g. from the URL)
  const [showMore, setShowMore] = useState<boolean | null>(null);
  const moreOpen = showMore ?? activeSecondary > 0;

  const control = (f: ResolvedFilter) => (
    <FilterItem key={f.field.name} label={f.label}>
      <FilterControl
        field={f.field}
        label={f.label}
        filters={filters}
        onChange={(next) => update((prev) => withFieldFilters(prev, f.field.name, next))}
      />
    </FilterItem>
  );

  const deleted = deletedMode(filters);
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Flex wrap gap={12} align="flex-end">
        {def.search && (
          <FilterItem label="Search">
            <SearchBox def={def} filters={filters} update={update} />
          </FilterItem>
        )}
        {primary.map(control)}
        {secondary.length > 0 && (
          <Badge count={activeSecondary} size="small">
            <Button icon={<FilterOutlined />} aria-expanded={moreOpen} onClick={() => setShowMore(!moreOpen)}>
              More filters
            </Button>
          </Badge>
        )}
        {def.softDelete && (
          <FilterItem label="Show deleted">
            <Radio.Group
              aria-label="Show deleted"
              optionType="button"
              value={deleted ?? 'no'}
              options={[
                { value: 'no', label: 'No' },
                { value: 'include', label: 'Include' },
                { value: 'only', label: 'Only' },
              ]}
              onChange={(e) =>
                update((prev) =>
                  withDeletedMode(prev, e.target.value === 'no' ? undefined : (e.target.value as DeletedFilterValue)),
                )
              }
            />
          </FilterItem>
        )}
        {hasActiveFilters(filters) && (
          <Button type="link" onClick={() => update(() => [])}>
            Clear filters
          </Button>
        )}
        <div style={{ marginInlineStart: 'auto' }}>{extra}</div>
      </Flex>
      {moreOpen && secondary.length > 0 && (
        <Flex wrap gap={12} align="flex-end" role="group" aria-label="More filters">
          {secondary.map(control)}
        </Flex>
      )}
    </Flex>
  );
}
