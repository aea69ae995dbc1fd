import { hasColumnFilter } from '../../resources/list-params';
import {
  DeleteButton,
  EditButton,
  ExportButton,
  List,
  ShowButton,
  getDefaultSortOrder,
  useTable,
} from '@refinedev/antd';
import {
  useDeleteMany,
  useExport,
  useResourceParams,
  type BaseKey,
  type BaseRecord,
  type CrudFilters,
} from '@refinedev/core';
import { Button, Flex, Form, Modal, Skeleton, Space, Table, Tag, Typography, type CheckboxProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { isWritable } from '../../resources/permissions';
import { useCanDo, useFieldAccess } from '../../providers/use-staff-permissions';
import type { FieldDef, ResourceDef } from '../../resources/types';
import { FieldValue } from '../fields/field-value';
import { RIGHT_ALIGNED_KINDS, formatNumber } from '../fields/format';
import { ColumnPicker } from './column-picker';
import { loadChosenColumns, saveChosenColumns } from './column-preferences';
import { isClientError } from './errors';
import { exportRow } from './export-row';
import { FilterBar } from './filter-bar';
import { hasActiveFilters } from './filters';
import { ListEmpty, ListError } from './list-states';

type Rec = BaseRecord & Record<string, unknown>;

const PAGE_SIZES = ['10', '25', '50', '100'];
const EXPORT_LIMIT = 50_000;

// The data provider gives every row an `id` (join tables get one made of their key columns),
// which is what routes, row keys and deletes use.
function rowId(def: ResourceDef, record: Rec): BaseKey {
  if (record.id !== undefined && record.id !== null) return record.id as BaseKey;
  return (def.primaryKey ?? ['id']).map((k) => String(record[k])).join('~');
}

// The data provider counts an estimated table exactly once a column filter is applied.
function countText(def: ResourceDef, total: number, columnFiltered: boolean): string {
  const n = formatNumber(total);
  const noun = total === 1 ? def.singular.toLowerCase() : def.label.toLowerCase();
  const estimate = def.countMode === 'planned' || (def.countMode === 'estimated' && !columnFiltered);
  return estimate ? `about ${n} ${noun}` : `${n} ${noun}`;
}

/** The generic, registry-driven list of one table. */
export function ResourceList({ def }: { def: ResourceDef }) {
  const { resource } = useResourceParams({ resource: def.name });
  const canSee = useFieldAccess();
  const canCreate = useCanDo(def, 'create') && Boolean(resource?.create);
  const canExport = useCanDo(def, 'export');
  const canBulkDelete = useCanDo(def, 'delete') && Boolean(def.bulkActions?.includes('delete'));
  const canBulkExport = canExport && Boolean(def.bulkActions?.includes('export'));
  const editable = isWritable(def, 'edit');
  const deletable = isWritable(def, 'delete');
  // Exporting a selection filters on the key column, which only a single-column key has.
  const keyField = (def.primaryKey ?? ['id']).length === 1 ? ((def.primaryKey ?? ['id'])[0] as string) : undefined;

  const { tableProps, searchFormProps, tableQuery, filters, setFilters, sorters, setCurrentPage, result } =
    useTable<Rec>({
      resource: def.name,
      syncWithLocation: true,
      sorters: { initial: [{ field: def.defaultSort.field, order: def.defaultSort.order }] },
      pagination: { pageSize: 25 },
      // the page shows the error itself; a toast on top would say it twice
      errorNotification: false,
      queryOptions: { retry: (count, error) => !isClientError(error) && count < 2 },
    });

  const [chosen, setChosen] = useState(() => loadChosenColumns(def.name));
  const [selected, setSelected] = useState<BaseKey[]>([]);
  const [modal, modalHolder] = Modal.useModal();
  const { mutate: deleteMany, mutation: deleteMutation } = useDeleteMany();
  const deleting = deleteMutation.isPending;

  const update = (updater: (prev: CrudFilters) => CrudFilters) => {
    setFilters(updater);
    setCurrentPage(1);
    setSelected([]);
  };
  const clearFilters = () => update(() => []);

  const listable = useMemo(() => def.fields.filter((f) => f.list !== false && canSee(f)), [def, canSee]);
  const optional = listable.filter((f) => (f.list ?? 'optional') === 'optional');
  const shown = listable.filter((f) => f.list === 'default' || chosen.includes(f.name));
  const exportFields = useMemo(() => def.fields.filter((f) => canSee(f)), [def, canSee]);

  const exportOptions = {
    resource: def.name,
    sorters,
    maxItemCount: EXPORT_LIMIT,
    pageSize: 500,
    filename: `${def.name}-${new Date().toISOString().slice(0, 10)}`,
    mapData: (record: Rec) => exportRow(exportFields, record),
  };
  const exporter = useExport<Rec>({ ...exportOptions, filters });
  const selectionExporter = useExport<Rec>({
    ...exportOptions,
    filters: [{ field: keyField ?? 'id', operator: 'in', value: selected }],
  });

  const isDeleted = (record: Rec) => Boolean(def.softDelete && record[def.softDelete]);

  const columns: ColumnsType<Rec> = shown.map((field: FieldDef, index) => ({
    key: field.name,
    dataIndex: field.name,
    title: field.label,
    align: RIGHT_ALIGNED_KINDS.has(field.kind) ? 'right' : undefined,
    sorter: field.sortable ? true : undefined,
    sortOrder: field.sortable ? (getDefaultSortOrder(field.name, sorters) ?? null) : undefined,
    // repeating 'ascend' keeps a sorted column sorted: the list always has an order
    sortDirections: ['ascend', 'descend', 'ascend'],
    ellipsis: field.kind === 'text' || field.kind === 'textarea',
    render: (_value: unknown, record: Rec) => {
      const value = <FieldValue field={field} record={record} def={def} mode="list" />;
      if (index !== 0 || !isDeleted(record)) return value;
      return (
        <Space size={6}>
          <Tag color="red">Deleted</Tag>
          {value}
        </Space>
      );
    },
  }));

  columns.push({
    key: '__actions',
    // width 1 + nowrap: as narrow as its buttons, without wrapping the title letter by letter
    title: <span style={{ whiteSpace: 'nowrap' }}>Actions</span>,
    fixed: 'right',
    width: 1,
    render: (_: unknown, record: Rec) => {
      const id = rowId(def, record);
      return (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          <ShowButton hideText size="small" resource={def.name} recordItemId={id} />
          {editable && !isDeleted(record) && <EditButton hideText size="small" resource={def.name} recordItemId={id} />}
          {deletable && !isDeleted(record) && (
            <DeleteButton hideText size="small" resource={def.name} recordItemId={id} />
          )}
        </Space>
      );
    },
  });

  const confirmBulkDelete = () => {
    const ids = [...selected];
    modal.confirm({
      title: `Delete ${ids.length} ${ids.length === 1 ? def.singular.toLowerCase() : def.label.toLowerCase()}?`,
      content: def.softDelete ? 'They can be restored from the deleted rows.' : 'This cannot be undone.',
      okText: 'Delete',
      okButtonProps: { danger: true },
      onOk: () =>
        new Promise<void>((resolve, reject) =>
          deleteMany({ resource: def.name, ids }, { onSuccess: () => (setSelected([]), resolve()), onError: reject }),
        ),
    });
  };

  const bulk = canBulkDelete || (canBulkExport && keyField !== undefined);
  const filtered = hasActiveFilters(filters);
  const total = result.total;

  let body;
  if (tableQuery.isError) {
    body = <ListError def={def} error={tableQuery.error} onRetry={() => tableQuery.refetch()} />;
  } else if (tableQuery.isLoading) {
    body = <Skeleton active title={false} paragraph={{ rows: 8 }} aria-busy="true" />;
  } else {
    body = (
      <Table<Rec>
        {...tableProps}
        rowKey={(record) => String(rowId(def, record))}
        columns={columns}
        loading={tableQuery.isFetching}
        scroll={{ x: true }}
        sticky
        size="middle"
        pagination={
          tableProps.pagination && {
            ...tableProps.pagination,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
          }
        }
        onRow={(record) => (isDeleted(record) ? { style: { opacity: 0.55 } } : {})}
        rowSelection={
          bulk
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as BaseKey[]),
                preserveSelectedRowKeys: true,
                // antd leaves the row checkboxes unnamed; a screen reader should hear which row.
                // CheckboxProps does not declare aria-label, but rc-checkbox hands it to the input
                getCheckboxProps: (record: Rec) =>
                  ({
                    'aria-label': `Select ${def.singular.toLowerCase()} ${String(record[def.titleField] ?? '')}`.trim(),
                  }) as Partial<CheckboxProps>,
              }
            : undefined
        }
        locale={{ emptyText: <ListEmpty def={def} filtered={filtered} onClear={clearFilters} /> }}
      />
    );
  }

  return (
    <List
      title={def.label}
      canCreate={canCreate}
      headerButtons={({ defaultButtons }) => (
        <>
          {canExport && (
            <ExportButton onClick={() => exporter.triggerExport()} loading={exporter.isLoading}>
              Export CSV
            </ExportButton>
          )}
          {defaultButtons}
        </>
      )}
    >
      {modalHolder}
      {/* useTable keeps a search form whose fields it fills from the URL (syncWithLocation); our
          filters live in FilterBar, so the form is mounted without markup of its own — reading
          an unmounted form is what antd warns about on every list page */}
      <Form form={searchFormProps.form} component={false} />
      {def.description && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {def.description}
        </Typography.Paragraph>
      )}
      <FilterBar
        def={def}
        filters={filters}
        update={update}
        canSee={canSee}
        extra={
          <ColumnPicker
            optional={optional}
            chosen={chosen}
            onChange={(next) => {
              setChosen(next);
              saveChosenColumns(def.name, next);
            }}
          />
        }
      />
      <Flex align="center" gap={12} style={{ minHeight: 32, marginBottom: 8 }}>
        {typeof total === 'number' && !tableQuery.isError && (
          <Typography.Text type="secondary" aria-live="polite">
            {countText(def, total, hasColumnFilter(filters))}
          </Typography.Text>
        )}
        {bulk && selected.length > 0 && (
          <Space>
            <Typography.Text strong>{selected.length} selected</Typography.Text>
            {canBulkExport && keyField !== undefined && (
              <Button
                size="small"
                onClick={() => selectionExporter.triggerExport()}
                loading={selectionExporter.isLoading}
              >
                Export selected
              </Button>
            )}
            {canBulkDelete && (
              <Button size="small" danger onClick={confirmBulkDelete} loading={deleting}>
                Delete selected
              </Button>
            )}
            <Button size="small" type="link" onClick={() => setSelected([])}>
              Clear selection
            </Button>
          </Space>
        )}
      </Flex>
      {body}
    </List>
  );
}
