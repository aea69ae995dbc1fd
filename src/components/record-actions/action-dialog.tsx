import { Form, Modal, Typography } from 'antd';
import { Fragment } from 'react';
import type { ResourceDef, FieldDef, RecordActionDef } from '../../resources/types';
import { FieldInput } from '../inputs/field-input';
import { rulesFor } from '../inputs/field-rules';
import { ReasonTemplatePicker } from './reason-template-picker';

export interface ActionDialogProps {
  def: ResourceDef;
  action: RecordActionDef;
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
export function ActionDialog({ def, action, open, subject, pending, onCancel, onSubmit }: ActionDialogProps) {
  const [form] = Form.useForm<Record<string, unknown>>();
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
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" preserve={false}>
        {(action.args ?? []).map((arg) => {
          // an argument is drawn as the field of the same kind would be
          const field = arg as unknown as FieldDef;
          const input = (
            <Form.Item
              key={arg.name}
              name={arg.name}
              label={arg.label}
              extra={arg.help}
              rules={rulesFor(field)}
              initialValue={arg.defaultValue}
            >
              <FieldInput field={field} def={def} />
            </Form.Item>
          );
          return arg.reasonTemplates ? (
            <Fragment key={arg.name}>
              <ReasonTemplatePicker
                targetType={arg.reasonTemplates}
                onPick={(text) => form.setFieldValue(arg.name, text)}
              />
              {input}
            </Fragment>
          ) : (
            input
          );
        })}
      </Form>
    </Modal>
  );
}
