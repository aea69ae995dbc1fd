import { useTable } from '@refinedev/antd';
import { Link, type BaseRecord } from '@refinedev/core';
import { Space, Table } from 'antd';
import { useMemo } from 'react';
import { useFieldAccess } from '../../providers/use-staff-permissions';
import type { FieldDef, RelatedDef, ResourceDef } from '../../resources/types';
import { FieldValue } from '../fields';
import { relatedFilters, viewAllUrl } from './related-links';

interface RelatedTableProps {
  related: RelatedDef;
  /** The related resource's registry entry. */
  def: ResourceDef;
  recordId: string | number;
}

// A compact, server-paginated page of the rows that point at the record; the full list
// (with its filters and export) is one click away.
export function RelatedTable({ related, def, recordId }: RelatedTableProps) {
  const canSee = useFieldAccess();
  const columns = useMemo(() => {
    const chosen = related.columns
      ? related.columns
          .map((name) => def.fields.find((field) => field.name === name))
          .filter((field): field is FieldDef => field !== undefined)
      : def.fields.filter((field) => field.list === 'default');
    return chosen.filter(canSee);
  }, [related.columns, def.fields, canSee]);

  const { tableProps } = useTable<BaseRecord>({
    resource: def.name,
    filters: { permanent: relatedFilters(related, recordId) },
    sorters: { initial: [def.defaultSort] },
    pagination: { pageSize: 10 },
    syncWithLocation: false,
  });

  // join tables have no single id and no show page
  const primaryKey: string[] = def.primaryKey ?? ['id'];
  const hasShowPage = primaryKey.length === 1 && primaryKey[0] === 'id';
  const rowKey = (row: BaseRecord) => primaryKey.map((key) => String(row[key])).join(':');

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<BaseRecord>
        {...tableProps}
        size="small"
        rowKey={rowKey}
        scroll={{ x: true }}
        columns={[
          ...columns.map((field) => ({
            key: field.name,
            title: field.label,
            render: (_: unknown, row: BaseRecord) => <FieldValue field={field} record={row} def={def} mode="list" />,
          })),
          ...(hasShowPage
            ? [
                {
                  key: '__open',
                  title: '',
                  width: 1,
                  render: (_: unknown, row: BaseRecord) => (
                    <Link to={`/${def.name}/show/${encodeURIComponent(String(row.id))}`}>Open</Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Link to={viewAllUrl(related, recordId)}>View all {related.label.toLowerCase()}</Link>
    </Space>
  );
}
