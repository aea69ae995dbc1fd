import { ExportButton, List } from '@refinedev/antd';
import { useExport, useResourceParams, type BaseKey, type CrudFilters } from '@refinedev/core';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Skeleton, Table, Typography, theme, type CheckboxProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { useCanDo } from '../../providers/use-staff-permissions';
import { hasColumnFilter } from '../../resources/list-params';
import { isWritable } from '../../resources/permissions';
import { primaryKeyOf } from '../../resources/record-key';
import type { ResourceDef } from '../../resources/types';
import { formatNumber } from '../fields/format';
import { BulkBar } from './bulk-bar';
import { useBulkActions } from './use-bulk-actions';
import { ColumnPicker } from './column-picker';
import { exportRow } from './export-row';
import { FilterBar } from './filter-bar';
import { hasActiveFilters } from './filters';
import { actionsColumn, fieldColumns, isDeletedRow } from './list-columns';
import { ListEmpty, ListError } from './list-states';
import { rowId, useResourceTable, type ListRecord, type ResourceTableOptions } from './use-resource-table';

const PAGE_SIZES = ['10', '25', '50', '100'];
const EXPORT_LIMIT = 50_000;
const SIDE_PANEL_WIDTH = 420;

// The data provider counts an estimated table exactly once a column filter is applied.
function countText(def: ResourceDef, total: number, columnFiltered: boolean): string {
  const n = formatNumber(total);
  const noun = total === 1 ? def.singular.toLowerCase() : def.label.toLowerCase();
  const estimate = def.countMode === 'planned' || (def.countMode === 'estimated' && !columnFiltered);
  return estimate ? `about ${n} ${noun}` : `${n} ${noun}`;
}

export interface ResourceListProps {
  def: ResourceDef;
  /** Permanent filters, first sort, page size (a queue is a table plus these). */
  table?: ResourceTableOptions;
  /** Replaces the table's label as the page title. */
  title?: ReactNode;
  /** Buttons before show/edit/delete in each row's actions. */
  rowActions?: (record: ListRecord) => ReactNode;
  /** The page's own actions on the selection, beside the registry's. */
  bulkActions?: (selection: { ids: BaseKey[]; clear: () => void }) => ReactNode;
  /** Columns after the fields (a score, an SLA clock). */
  extraColumns?: ColumnsType<ListRecord>;
  /** The item pane beside the table: a row click opens it with that record. */
  sidePanel?: (record: ListRecord, close: () => void) => ReactNode;
  /** The page's own buttons in the header, before Export and Create; given what the list applies. */
  headerActions?: (list: { filters: CrudFilters }) => ReactNode;
  /** The page exports in its own way (among its headerActions): no generic Export button. */
  ownExport?: boolean;
}

/** The generic, registry-driven list of one table, opened up by slots for workflow pages. */
export function ResourceList({
  def,
  table: tableOptions,
  title,
  rowActions,
  bulkActions,
  extraColumns,
  sidePanel,
  headerActions,
  ownExport = false,
}: ResourceListProps) {
  const { token } = theme.useToken();
  const { resource } = useResourceParams({ resource: def.name });
  const table = useResourceTable(def, tableOptions);
  const { tableProps, searchFormProps, tableQuery, filters, queryFilters, sorters, update, selected, setSelected } =
    table;

  const canCreate = useCanDo(def, 'create') && Boolean(resource?.create);
  const canExport = useCanDo(def, 'export') && !ownExport;
  const canBulkDelete = useCanDo(def, 'delete') && Boolean(def.bulkActions?.includes('delete'));
  const canBulkExport = canExport && Boolean(def.bulkActions?.includes('export'));
  const registryBulk = useBulkActions(def);
  // Exporting a selection filters on the key column, which only a single-column key has.
  const keyColumns = primaryKeyOf(def);
  const keyField = keyColumns.length === 1 ? keyColumns[0] : undefined;

  const { canSee } = table;
  const exportFields = useMemo(() => def.fields.filter((f) => canSee(f)), [def, canSee]);
  const exportOptions = {
    resource: def.name,
    sorters,
    maxItemCount: EXPORT_LIMIT,
    pageSize: 500,
    filename: `${def.name}-${new Date().toISOString().slice(0, 10)}`,
    mapData: (record: ListRecord) => exportRow(exportFields, record),
  };
  // an export is what the list shows: the permanent filters too
  const exporter = useExport<ListRecord>({ ...exportOptions, filters: queryFilters });

  const [openRecord, setOpenRecord] = useState<ListRecord | null>(null);
  const rows = (tableProps.dataSource ?? []) as ListRecord[];
  const nameOf = (id: string) => {
    const row = rows.find((record) => String(rowId(def, record)) === id);
    const name = row?.[def.titleField];
    return name === undefined || name === null || name === '' ? id : String(name);
  };

  const columns: ColumnsType<ListRecord> = [
    ...fieldColumns(def, table.shownColumns, sorters),
    ...(extraColumns ?? []),
    actionsColumn(def, { editable: isWritable(def, 'edit'), deletable: isWritable(def, 'delete'), extra: rowActions }),
  ];

  const bulk = canBulkDelete || (canBulkExport && keyField !== undefined) || registryBulk.length > 0 || !!bulkActions;
  const total = table.result.total;

  let body;
  if (tableQuery.isError) {
    body = <ListError def={def} error={tableQuery.error} onRetry={() => tableQuery.refetch()} />;
  } else if (tableQuery.isLoading) {
    body = <Skeleton active title={false} paragraph={{ rows: 8 }} aria-busy="true" />;
  } else {
    body = (
      <Table<ListRecord>
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
        onRow={(record) => ({
          style: {
            ...(isDeletedRow(def, record) ? { opacity: 0.55 } : {}),
            ...(sidePanel ? { cursor: 'pointer' } : {}),
            ...(sidePanel && openRecord && rowId(def, openRecord) === rowId(def, record)
              ? { background: token.controlItemBgActive }
              : {}),
          },
          onClick: sidePanel ? () => setOpenRecord(record) : undefined,
        })}
        rowSelection={
          bulk
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as BaseKey[]),
                preserveSelectedRowKeys: true,
                // antd leaves the row checkboxes unnamed; a screen reader should hear which row.
                // CheckboxProps does not declare aria-label, but rc-checkbox hands it to the input
                getCheckboxProps: (record: ListRecord) =>
                  ({
                    'aria-label': `Select ${def.singular.toLowerCase()} ${String(record[def.titleField] ?? '')}`.trim(),
                  }) as Partial<CheckboxProps>,
              }
            : undefined
        }
        locale={{
          emptyText: <ListEmpty def={def} filtered={hasActiveFilters(filters)} onClear={table.clearFilters} />,
        }}
      />
    );
  }

  return (
    <List
      title={title ?? def.label}
      canCreate={canCreate}
      headerButtons={({ defaultButtons }) => (
        <>
          {headerActions?.({ filters: queryFilters })}
          {canExport && (
            <ExportButton onClick={() => exporter.triggerExport()} loading={exporter.isLoading}>
              Export CSV
            </ExportButton>
          )}
          {defaultButtons}
        </>
      )}
    >
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
        canSee={table.canSee}
        extra={<ColumnPicker optional={table.optionalColumns} chosen={table.chosen} onChange={table.setChosen} />}
      />
      <Flex align="center" gap={12} wrap style={{ minHeight: 32, marginBottom: 8 }}>
        {typeof total === 'number' && !tableQuery.isError && (
          <Typography.Text type="secondary" aria-live="polite">
            {countText(def, total, hasColumnFilter(queryFilters))}
          </Typography.Text>
        )}
        {table.pendingChanges > 0 && (
          <Button
            size="small"
            type="primary"
            ghost
            icon={<ReloadOutlined aria-hidden />}
            onClick={table.showPendingChanges}
          >
            {table.pendingChanges === 1 ? '1 change' : `${formatNumber(table.pendingChanges)} changes`} since loaded —
            show
          </Button>
        )}
        {bulk && (
          <BulkBar
            def={def}
            selected={selected}
            setSelected={setSelected}
            canDelete={canBulkDelete}
            exportOptions={
              canBulkExport && keyField !== undefined
                ? { ...exportOptions, filters: [{ field: keyField, operator: 'in', value: selected }] }
                : undefined
            }
            actions={registryBulk}
            nameOf={nameOf}
            extra={bulkActions?.({ ids: selected, clear: () => setSelected([]) })}
          />
        )}
      </Flex>
      {sidePanel ? (
        <Flex gap={16} align="flex-start">
          <div style={{ flex: 1, minWidth: 0 }}>{body}</div>
          {openRecord && (
            <aside
              aria-label={`${def.singular}: ${String(openRecord[def.titleField] ?? '')}`}
              style={{ width: SIDE_PANEL_WIDTH, flex: 'none', position: 'sticky', top: 80 }}
            >
              {sidePanel(openRecord, () => setOpenRecord(null))}
            </aside>
          )}
        </Flex>
      ) : (
        body
      )}
    </List>
  );
}
