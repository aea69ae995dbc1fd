import { useCustomMutation, useInvalidate, type BaseKey, type BaseRecord } from '@refinedev/core';
import { Alert, Button, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { satisfies } from '../../resources/permissions';
import { useStaffPermissions } from '../../providers/use-staff-permissions';
import type { RecordActionDef, ResourceDef } from '../../resources/types';
import { ActionDialog } from './action-dialog';
import { recordPayload } from './action-payload';

/** The registry's actions this caller may take on this record now. */
function availableActions(
  def: ResourceDef,
  record: BaseRecord | undefined,
  allowed: (action: RecordActionDef) => boolean,
): RecordActionDef[] {
  if (!record) return [];
  return (def.actions ?? []).filter(
    (action) =>
      allowed(action) &&
      (action.whileNull === undefined || record[action.whileNull] == null) &&
      (action.whileSet === undefined || record[action.whileSet] != null) &&
      (action.whileIn === undefined || action.whileIn.values.includes(String(record[action.whileIn.field]))),
  );
}

function RecordActionButton({
  def,
  id,
  record,
  action,
  onDone,
}: {
  def: ResourceDef;
  id: BaseKey;
  record: BaseRecord;
  action: RecordActionDef;
  onDone?: () => void;
}) {
  const { mutate, mutation } = useCustomMutation();
  const invalidate = useInvalidate();
  const [secret, setSecret] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  const run = (values: Record<string, unknown> = {}) =>
    mutate(
      {
        url: `rpc/${action.rpc}`,
        method: 'post',
        values: recordPayload(action, id, values),
        meta: { rpc: action.rpc },
        successNotification: action.reveals
          ? false
          : { type: 'success', message: `${action.label}: done`, description: `${def.singular} ${id}` },
        errorNotification: (error) => ({
          type: 'error',
          message: `${action.label} failed`,
          description: error?.message ?? 'The database refused it.',
        }),
      },
      {
        onSuccess: ({ data }) => {
          setAsking(false);
          if (action.reveals) setSecret(String(data));
          void invalidate({ resource: def.name, id, invalidates: ['detail', 'list'] });
          onDone?.();
        },
      },
    );

  const button = (
    <Button
      danger={action.danger}
      loading={mutation.isPending}
      onClick={action.args?.length ? () => setAsking(true) : undefined}
    >
      {action.label}
    </Button>
  );

  return (
    <>
      {action.args?.length ? (
        // inputs to give: a dialog with the form rules, nothing sent before they pass
        <>
          {button}
          <ActionDialog
            def={def}
            action={action}
            record={record}
            open={asking}
            subject={`this ${def.singular.toLowerCase()}`}
            pending={mutation.isPending}
            onCancel={() => setAsking(false)}
            onSubmit={run}
          />
        </>
      ) : (
        <Popconfirm
          title={`${action.label}?`}
          description={action.confirm}
          okText={action.label}
          okButtonProps={{ danger: action.danger }}
          onConfirm={() => run()}
        >
          {button}
        </Popconfirm>
      )}
      {action.reveals && (
        <Modal
          open={secret !== null}
          title={action.reveals}
          onOk={() => setSecret(null)}
          onCancel={() => setSecret(null)}
          okText="I have copied it"
          cancelButtonProps={{ style: { display: 'none' } }}
          maskClosable={false}
          // the secret leaves the page when the dialog closes
          destroyOnHidden
        >
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="Copy it now: it is not shown again."
            description="Whoever needs it must store it; rotate again if it is lost."
          />
          <Typography.Paragraph copyable={{ text: secret ?? '' }}>
            <Typography.Text code data-testid="revealed-secret">
              {secret}
            </Typography.Text>
          </Typography.Paragraph>
        </Modal>
      )}
    </>
  );
}

/**
 * Buttons for the record's staff actions (database functions), for holders of their permission.
 * `onDone` hears of each success: a page that shows the record through other queries (the
 * moderation workspace) asks again.
 */
export function RecordActions({
  def,
  id,
  record,
  onDone,
}: {
  def: ResourceDef;
  id: BaseKey;
  record: BaseRecord | undefined;
  onDone?: () => void;
}) {
  const perms = useStaffPermissions();
  if (!record) return null;
  return (
    <>
      {availableActions(def, record, (action) => satisfies(action.permission, perms)).map((action) => (
        <RecordActionButton key={action.key} def={def} id={id} record={record} action={action} onDone={onDone} />
      ))}
    </>
  );
}
