import { DeleteButton, EditButton, ShowButton, getDefaultSortOrder } from '@refinedev/antd';
import type { CrudSort } from '@refinedev/core';
import { Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { FieldDef, ResourceDef } from '../../resources/types';
import { FieldValue } from '../fields/field-value';
import { RIGHT_ALIGNED_KINDS } from '../fields/format';
import { rowId, type ListRecord } from './use-resource-table';

export const isDeletedRow = (def: ResourceDef, record: ListRecord) => Boolean(def.softDelete && record[def.softDelete]);

/** A column per shown field: its display per kind, sortable where the registry says so. */
export function fieldColumns(def: ResourceDef, fields: FieldDef[], sorters: CrudSort[]): ColumnsType<ListRecord> {
  return fields.map((field, index) => ({
    key: field.name,
    dataIndex: field.name,
    title: field.label,
    align: RIGHT_ALIGNED_KINDS.has(field.kind) ? 'right' : undefined,
    sorter: field.sortable ? true : undefined,
    sortOrder: field.sortable ? (getDefaultSortOrder(field.name, sorters) ?? null) : undefined,
    // repeating 'ascend' keeps a sorted column sorted: the list always has an order
    sortDirections: ['ascend', 'descend', 'ascend'],
    ellipsis: field.kind === 'text' || field.kind === 'textarea',
    render: (_value: unknown, record: ListRecord) => {
      const value = <FieldValue field={field} record={record} def={def} mode="list" />;
      if (index !== 0 || !isDeletedRow(def, record)) return value;
      return (
        <Space size={6}>
          <Tag color="red">Deleted</Tag>
          {value}
        </Space>
      );
    },
  }));
}

/** The last column: show, edit and delete where offered, after any actions the page adds. */
export function actionsColumn(
  def: ResourceDef,
  { editable, deletable, extra }: { editable: boolean; deletable: boolean; extra?: (record: ListRecord) => ReactNode },
): ColumnsType<ListRecord>[number] {
  return {
    key: '__actions',
    // width 1 + nowrap: as narrow as its buttons, without wrapping the title letter by letter
    title: <span style={{ whiteSpace: 'nowrap' }}>Actions</span>,
    fixed: 'right',
    width: 1,
    render: (_: unknown, record: ListRecord) => {
      const id = rowId(def, record);
      const live = !isDeletedRow(def, record);
      return (
        // a click on a button is not a click on the row (which may open the side panel)
        <Space size={4} style={{ whiteSpace: 'nowrap' }} onClick={(event) => event.stopPropagation()}>
          {extra?.(record)}
          <ShowButton hideText size="small" resource={def.name} recordItemId={id} />
          {editable && live && <EditButton hideText size="small" resource={def.name} recordItemId={id} />}
          {deletable && live && <DeleteButton hideText size="small" resource={def.name} recordItemId={id} />}
        </Space>
      );
    },
  };
}
