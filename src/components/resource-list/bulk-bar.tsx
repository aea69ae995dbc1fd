import { useDeleteMany, useExport, type BaseKey } from '@refinedev/core';
import { Button, Modal, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { RecordActionDef, ResourceDef } from '../../resources/types';
import type { BulkOutcome } from '../record-actions/action-payload';
import { BulkActionButton } from '../record-actions/bulk-action-button';
import { BulkResult } from '../record-actions/bulk-result';
import type { ListRecord } from './use-resource-table';

export interface BulkBarProps {
  def: ResourceDef;
  selected: BaseKey[];
  setSelected: (ids: BaseKey[]) => void;
  canDelete: boolean;
  /** Export the selection (needs a single-column key to filter on). */
  exportOptions?: Parameters<typeof useExport<ListRecord>>[0];
  actions: RecordActionDef[];
  /** The row's name for result panels (its title column where the page holds the row). */
  nameOf: (id: string) => string;
  /** The page's own bulk actions. */
  extra?: ReactNode;
}

/** What can be done with the selected rows, shown while any are selected. */
export function BulkBar({
  def,
  selected,
  setSelected,
  canDelete,
  exportOptions,
  actions,
  nameOf,
  extra,
}: BulkBarProps) {
  const [modal, modalHolder] = Modal.useModal();
  const { mutate: deleteMany, mutation: deleteMutation } = useDeleteMany();
  const selectionExporter = useExport<ListRecord>(exportOptions ?? { resource: def.name });
  const [result, setResult] = useState<{ title: string; outcomes: BulkOutcome[] } | null>(null);

  // the panel outlives the selection: rows done leave it, refused and untouched ones stay selected
  const panel = (
    <BulkResult
      title={result?.title ?? ''}
      outcomes={result?.outcomes ?? null}
      nameOf={nameOf}
      onClose={() => setResult(null)}
    />
  );
  if (selected.length === 0)
    return (
      <>
        {modalHolder}
        {panel}
      </>
    );
  const confirmDelete = () => {
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
  return (
    <Space wrap>
      {modalHolder}
      {panel}
      <Typography.Text strong>{selected.length} selected</Typography.Text>
      {actions.map((action) => (
        <BulkActionButton
          key={action.key}
          def={def}
          action={action}
          ids={selected}
          onResult={(outcomes) => {
            setResult({ title: action.label, outcomes });
            const done = new Set(outcomes.filter((row) => row.outcome === 'done').map((row) => row.id));
            setSelected(selected.filter((id) => !done.has(String(id))));
          }}
        />
      ))}
      {extra}
      {exportOptions && (
        <Button size="small" onClick={() => selectionExporter.triggerExport()} loading={selectionExporter.isLoading}>
          Export selected
        </Button>
      )}
      {canDelete && (
        <Button size="small" danger onClick={confirmDelete} loading={deleteMutation.isPending}>
          Delete selected
        </Button>
      )}
      <Button size="small" type="link" onClick={() => setSelected([])}>
        Clear selection
      </Button>
    </Space>
  );
}
