import type { BaseRecord } from '@refinedev/core';
import { Form, Modal, Typography } from 'antd';
import { currencyOf, currencyPath } from '../../resources/select';
import type { ActionArgDef, ResourceDef, FieldDef, RecordActionDef } from '../../resources/types';
import { FieldInput } from '../inputs/field-input';
import { rulesFor } from '../inputs/field-rules';
import { useReasonTemplates } from './use-reason-templates';

export interface ActionDialogProps {
  def: ResourceDef;
  action: RecordActionDef;
  /** The record acted on (none for a selection): an amount is in its currency. */
  record?: BaseRecord;
  open: boolean;
  /** The title's subject: "this listing", "3 reviews". */
  subject: string;
  pending: boolean;
  onCancel: () => void;
  /** Called with the inputs once every rule passes; nothing is sent before. */
  onSubmit: (values: Record<string, unknown>) => void;
}

/**
 * Asks what an action needs — its confirmation and its inputs, drawn and validated as form
 * fields are — before the function is called.
 */
export function ActionDialog({ def, action, record, open, subject, pending, onCancel, onSubmit }: ActionDialogProps) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const initialValues = record ? currencyValues(action.args ?? [], record) : undefined;
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values) onSubmit(values);
  };
  return (
    <Modal
      open={open}
      title={`${action.label} ${subject}?`}
      okText={action.label}
      okButtonProps={{ danger: action.danger, loading: pending }}
      onOk={submit}
      onCancel={onCancel}
      // closed, the form leaves the page and takes its inputs along (preserve={false})
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{action.confirm}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        preserve={false}
        initialValues={initialValues}
      >
        {(action.args ?? []).map((arg) => (
          <ArgItem key={arg.name} arg={arg} def={def} />
        ))}
      </Form>
    </Modal>
  );
}

/**
 * Where each money argument's input looks for its currency, filled from the record: a refund of
 * a EUR booking is typed in euros, of a JPY one in whole yen (not in dollars' cents). These values
 * sit in the form's store without inputs, so they are never sent.
 */
function currencyValues(args: ActionArgDef[], record: BaseRecord): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of args) {
    if (arg.kind !== 'money') continue;
    const currency = currencyOf(arg, record);
    if (!currency) continue;
    const path = currencyPath(arg);
    let node = values;
    path.slice(0, -1).forEach((key) => {
      node[key] = (node[key] as Record<string, unknown> | undefined) ?? {};
      node = node[key] as Record<string, unknown>;
    });
    node[path[path.length - 1]] = currency;
  }
  return values;
}

/**
 * One argument, drawn as the field of the same kind would be; a reason that names its kind of
 * target offers the tenant's reason templates as its suggestions.
 */
function ArgItem({ arg, def }: { arg: ActionArgDef; def: ResourceDef }) {
  const templates = useReasonTemplates(arg.reasonTemplates);
  const field = arg as unknown as FieldDef;
  const shown = templates.length ? { ...field, suggestions: [...(field.suggestions ?? []), ...templates] } : field;
  return (
    <Form.Item
      name={arg.name}
      label={arg.label}
      extra={arg.help}
      rules={rulesFor(field)}
      initialValue={arg.defaultValue}
    >
      <FieldInput field={shown} def={def} />
    </Form.Item>
  );
}
