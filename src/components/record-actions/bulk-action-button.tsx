import { useCustomMutation, useInvalidate, useNotification, type BaseKey } from '@refinedev/core';
import { Button } from 'antd';
import { useState } from 'react';
import type { RecordActionDef, ResourceDef } from '../../resources/types';
import { ActionDialog } from './action-dialog';
import { bulkPayload, toBulkOutcomes, type BulkOutcome } from './action-payload';

/**
 * A registry action on the whole selection: its inputs asked once, one request to the bulk
 * function, and what happened to each row handed to the caller's result panel.
 */
export function BulkActionButton({
  def,
  action,
  ids,
  onResult,
}: {
  def: ResourceDef;
  action: RecordActionDef;
  ids: BaseKey[];
  /** What happened to each row; the caller shows it (the selection, and this button, may be gone by then). */
  onResult: (outcomes: BulkOutcome[]) => void;
}) {
  const { mutate, mutation } = useCustomMutation();
  const invalidate = useInvalidate();
  const { open: notify } = useNotification();
  const [asking, setAsking] = useState(false);
  const noun = ids.length === 1 ? def.singular.toLowerCase() : def.label.toLowerCase();

  const run = (values: Record<string, unknown>) =>
    mutate(
      {
        url: `rpc/${action.bulk!.rpc}`,
        method: 'post',
        values: bulkPayload(action, ids, values),
        meta: { rpc: action.bulk!.rpc },
        successNotification: false,
        errorNotification: (error) => ({
          type: 'error',
          message: `${action.label} failed`,
          description: error?.message ?? 'The database refused it.',
        }),
      },
      {
        onSuccess: ({ data }) => {
          setAsking(false);
          let result: BulkOutcome[];
          try {
            result = toBulkOutcomes(data);
          } catch (error) {
            notify?.({ type: 'error', message: `${action.label} failed`, description: (error as Error).message });
            return;
          }
          if (result.some((row) => row.outcome === 'done'))
            void invalidate({ resource: def.name, invalidates: ['list', 'many', 'detail'] });
          onResult(result);
        },
      },
    );

  return (
    <>
      <Button size="small" danger={action.danger} onClick={() => setAsking(true)} loading={mutation.isPending}>
        {action.label}
      </Button>
      <ActionDialog
        def={def}
        action={action}
        open={asking}
        subject={`${ids.length} ${noun}`}
        pending={mutation.isPending}
        onCancel={() => setAsking(false)}
        onSubmit={run}
      />
    </>
  );
}
