import { DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { Show } from '@refinedev/antd';
import { useShow, useUpdate, type BaseKey } from '@refinedev/core';
import { Alert, Button, Descriptions, Popconfirm, Tabs, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { canDo, satisfies } from '../../resources/permissions';
import { useCanDo, useFieldAccess, useStaffPermissions } from '../../providers/use-staff-permissions';
import { findResource } from '../../resources';
import type { FieldDef, ResourceDef } from '../../resources/types';
import { FieldValue } from '../fields';
import { isLongField } from '../resource-form/form-values';
import { AuditTrail } from './audit-trail';
import { RecordActions } from '../record-actions/record-actions';
import { RelatedTable } from './related-table';
import { BACK_ICON } from '../layout/back-icon';

const FULL_WIDTH = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 };

// Two columns, long fields on a row of their own: a short field left alone before a long
// one (or at the end) fills its row, so every row adds up and nothing is stretched by guess.
function descriptionItems(fields: FieldDef[], render: (field: FieldDef) => ReactNode): DescriptionsProps['items'] {
  const items: NonNullable<DescriptionsProps['items']> = [];
  let column = 0;
  for (const field of fields) {
    const long = isLongField(field);
    if (long && column === 1) items[items.length - 1].span = 'filled';
    items.push({ key: field.name, label: field.label, span: long ? FULL_WIDTH : 1, children: render(field) });
    column = long ? 0 : (column + 1) % 2;
  }
  if (column === 1) items[items.length - 1].span = 'filled';
  return items;
}

function RecordTabs({ def, recordId }: { def: ResourceDef; recordId: BaseKey }) {
  const perms = useStaffPermissions();
  const items = (def.related ?? []).flatMap((related) => {
    const relatedDef = findResource(related.resource);
    // tables the caller cannot list (or the registry does not know) get no tab
    if (!relatedDef || !canDo(relatedDef, 'list', perms)) return [];
    return [
      {
        key: `related:${related.resource}:${related.field}`,
        label: related.label,
        children: <RelatedTable related={related} def={relatedDef} recordId={recordId} />,
      },
    ];
  });
  if (def.audited && satisfies('audit.read', perms))
    items.push({ key: 'audit', label: 'Audit trail', children: <AuditTrail def={def} recordId={recordId} /> });
  if (items.length === 0) return null;
  return <Tabs style={{ marginTop: 24 }} items={items} />;
}

function RecordShow({ def }: { def: ResourceDef }) {
  const { query, result: record, showId } = useShow({ resource: def.name });
  const canSee = useFieldAccess();
  const canEdit = useCanDo(def, 'edit');
  const canDelete = useCanDo(def, 'delete');
  const { mutate: update, mutation } = useUpdate();

  const deletedAt = def.softDelete && record ? record[def.softDelete] : null;
  const isDeleted = deletedAt !== null && deletedAt !== undefined;
  const setDeletedAt = (value: string | null) => {
    if (!def.softDelete || showId === undefined) return;
    update({
      resource: def.name,
      id: showId,
      values: { [def.softDelete]: value },
      successNotification: {
        type: 'success',
        message: value ? `${def.singular} deleted; it can be restored` : `${def.singular} restored`,
      },
    });
  };

  const title = record?.[def.titleField];
  const fields = def.fields.filter(canSee);

  return (
    <Show
      goBack={BACK_ICON}
      title={title !== null && title !== undefined && title !== '' ? String(title) : def.singular}
      isLoading={query.isLoading}
      canEdit={canEdit && !isDeleted}
      // soft-deletable tables are never hard-deleted from here: their Delete sets the column
      canDelete={canDelete && !def.softDelete}
      headerButtons={({ defaultButtons }) => (
        <>
          {showId !== undefined && !isDeleted && <RecordActions def={def} id={showId} record={record} />}
          {defaultButtons}
          {def.softDelete && canDelete && record && !isDeleted && (
            <Popconfirm
              title={`Delete this ${def.singular.toLowerCase()}?`}
              description="It is hidden from lists and can be restored."
              okText="Delete"
              okButtonProps={{ danger: true }}
              onConfirm={() => setDeletedAt(new Date().toISOString())}
            >
              <Button danger icon={<DeleteOutlined />} loading={mutation.isPending}>
                Delete
              </Button>
            </Popconfirm>
          )}
        </>
      )}
    >
      {isDeleted && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`Deleted on ${dayjs(String(deletedAt)).format('D MMM YYYY, HH:mm')}`}
          description="Hidden from lists until it is restored."
          action={
            canEdit ? (
              <Button icon={<UndoOutlined />} loading={mutation.isPending} onClick={() => setDeletedAt(null)}>
                Restore
              </Button>
            ) : undefined
          }
        />
      )}
      {record && (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
          items={descriptionItems(fields, (field) => (
            <FieldValue field={field} record={record} def={def} mode="show" />
          ))}
        />
      )}
      {record && showId !== undefined && <RecordTabs def={def} recordId={showId} />}
    </Show>
  );
}

/** Any registry record: its fields, related records and history; route `/<table>/show/:id` (guarded by the route). */
export default function ResourceShowPage({ def }: { def: ResourceDef }) {
  return <RecordShow key={def.name} def={def} />;
}
