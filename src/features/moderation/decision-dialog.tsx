import { Alert, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { decisionCopy, type Decision } from './decisions';
import type { ReasonTemplate } from './queue';
import { useRpc } from './use-moderation';

export interface DecisionValues {
  reasonCode?: string;
  note?: string;
  takeOver: boolean;
}

/**
 * Asks what a decision needs before it is sent: a reason template for a rejection (with the
 * message the provider or author will read), an optional note, and — when a colleague holds
 * the item — taking it over. Nothing is sent until the form is valid.
 */
export function DecisionDialog({
  open,
  decision,
  itemId,
  targetType,
  reported,
  templates,
  colleague,
  pending,
  error,
  onCancel,
  onSubmit,
  subject,
}: {
  open: boolean;
  decision: Decision;
  /** Set for one item: the preview is rendered for it. Unset for a selection. */
  itemId?: string;
  targetType: string;
  reported: boolean;
  templates: ReasonTemplate[];
  /** The colleague holding a live claim on the item, if any. */
  colleague?: string | null;
  pending: boolean;
  error?: string | null;
  subject: string;
  onCancel: () => void;
  onSubmit: (values: DecisionValues) => void;
}) {
  const [form] = Form.useForm<{ reasonCode?: string; note?: string; takeOver?: boolean }>();
  const copy = decisionCopy(decision, targetType, reported);
  const reasonCode = Form.useWatch('reasonCode', form);
  const note = Form.useWatch('note', form);
  // the preview belongs to the reason and note it was rendered for; older answers are not shown
  const [preview, setPreview] = useState<{ key: string; text: string | null; error?: string } | null>(null);
  const { call } = useRpc();
  const previewKey = `${reasonCode ?? ''}\u0000${note ?? ''}`;

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  // the message as the provider will get it, rendered by the function that sends it
  useEffect(() => {
    if (!open || decision !== 'reject' || !reasonCode || !itemId) return;
    let stale = false;
    const timer = setTimeout(() => {
      call<string | null>('preview_moderation_message', {
        p_item_id: itemId,
        p_reason_code: reasonCode,
        p_note: note ?? null,
      })
        .then((text) => !stale && setPreview({ key: previewKey, text }))
        .catch((e: { message?: string }) => !stale && setPreview({ key: previewKey, text: null, error: e.message }));
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [open, decision, reasonCode, note, itemId, call, previewKey]);
  const shown = preview?.key === previewKey ? preview : null;

  const choices = templates.filter((t) => decision !== 'reject' || t.code !== 'no_violation');
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values)
      onSubmit({ reasonCode: values.reasonCode, note: values.note?.trim() || undefined, takeOver: !!values.takeOver });
  };
  const selected = choices.find((t) => t.code === reasonCode);

  return (
    <Modal
      open={open}
      title={`${copy.label}: ${subject}`}
      okText={copy.label}
      okButtonProps={{ danger: copy.danger, loading: pending }}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>{copy.effect}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        {(decision === 'reject' || choices.length > 0) && (
          <Form.Item
            name="reasonCode"
            label="Reason"
            rules={
              decision === 'reject'
                ? [{ required: true, message: 'Pick the reason the provider or author is told' }]
                : []
            }
          >
            <Select
              allowClear={decision !== 'reject'}
              placeholder="Pick a reason template"
              options={choices.map((t) => ({ value: t.code, label: t.label }))}
            />
          </Form.Item>
        )}
        {selected?.policy_url && (
          <Typography.Paragraph>
            Policy:{' '}
            <a href={selected.policy_url} target="_blank" rel="noreferrer">
              {selected.policy_url}
            </a>
          </Typography.Paragraph>
        )}
        <Form.Item
          name="note"
          label="Note"
          extra={decision === 'reject' ? 'Added to the message and kept with the decision.' : 'Kept with the decision.'}
          rules={[{ max: 500, message: 'A note takes at most 500 characters' }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        {decision === 'reject' && itemId && reasonCode && (
          <div role="status" aria-live="polite" aria-label="Message preview">
            {shown?.error ? (
              <Alert type="error" showIcon message="Could not preview the message" description={shown.error} />
            ) : shown && shown.text ? (
              <Alert type="info" message="The message they get" description={shown.text} />
            ) : shown ? (
              <Alert type="warning" showIcon message="This reason sends no message." />
            ) : null}
          </div>
        )}
        {colleague && (
          <Form.Item
            name="takeOver"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v
                    ? Promise.resolve()
                    : Promise.reject(new Error(`${colleague} holds this item: take it over to decide`)),
              },
            ]}
          >
            <Checkbox>Take the item over from {colleague}</Checkbox>
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon message="The decision was refused" description={error} />}
      </Form>
    </Modal>
  );
}
