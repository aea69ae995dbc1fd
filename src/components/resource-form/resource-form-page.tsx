import { Create, Edit, useForm } from '@refinedev/antd';
import { useResourceParams, type BaseKey, type HttpError } from '@refinedev/core';
import { Alert, App, Col, Form, Row } from 'antd';
import { useMemo, useState } from 'react';
import { useFieldAccess } from '../../providers/use-staff-permissions';
import type { ResourceDef } from '../../resources/types';
import { FieldInput } from '../inputs/field-input';
import { rulesFor } from '../inputs/field-rules';
import { BACK_ICON } from '../layout/back-icon';
import {
  changedValues,
  createDefaults,
  formFieldsFor,
  isLongField,
  normalizeValues,
  type FormAction,
} from './form-values';
import { mapServerError, type MappedServerError } from './server-error';

type FormValues = Record<string, unknown>;

function ServerErrorAlert({ error, onClose }: { error: MappedServerError; onClose: () => void }) {
  const lines = [error.details, error.hint && `Hint: ${error.hint}`, error.code && `Code ${error.code}`].filter(
    Boolean,
  );
  return (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 16 }}
      message={error.message}
      description={lines.length ? lines.map((line) => <div key={line}>{line}</div>) : undefined}
    />
  );
}

function ResourceForm({ def, action, id }: { def: ResourceDef; action: FormAction; id?: BaseKey }) {
  const canSee = useFieldAccess();
  const fields = useMemo(() => formFieldsFor(def, action, canSee), [def, action, canSee]);
  const [serverError, setServerError] = useState<MappedServerError | null>(null);
  const { message } = App.useApp();

  const { formProps, saveButtonProps, form, query, onFinish, formLoading } = useForm<FormValues, HttpError, FormValues>(
    {
      resource: def.name,
      action,
      id: action === 'edit' ? id : undefined,
      redirect: 'show',
      warnWhenUnsavedChanges: true,
      // the error is shown on its field or above the form; a toast would only repeat it
      errorNotification: false,
      onMutationError: (error) => {
        const mapped = mapServerError(error, fields);
        if (mapped.field) form.setFields([{ name: mapped.field, errors: [mapped.message] }]);
        else setServerError(mapped);
      },
    },
  );
  const record = query?.data?.data;

  const handleFinish = async (values: FormValues) => {
    setServerError(null);
    const payload = normalizeValues(fields, values);
    const body = action === 'edit' ? changedValues(fields, payload, record) : payload;
    if (action === 'edit' && Object.keys(body).length === 0) {
      message.info('Nothing has changed.');
      return;
    }
    // a refused write is handled by onMutationError; the form keeps what was typed
    await onFinish(body).catch(() => undefined);
  };

  const body = (
    <>
      {serverError && <ServerErrorAlert error={serverError} onClose={() => setServerError(null)} />}
      <Form
        {...formProps}
        layout="vertical"
        initialValues={action === 'create' ? createDefaults(fields) : formProps.initialValues}
        onFinish={handleFinish}
        scrollToFirstError
        // until the record has loaded, whatever is typed would be overwritten by its values
        disabled={action === 'edit' && !!query?.isPending}
      >
        <Row gutter={16}>
          {fields.map((field) => (
            <Col key={field.name} xs={24} md={isLongField(field) ? 24 : 12}>
              <Form.Item
                name={field.name}
                label={field.label}
                extra={field.help}
                rules={rulesFor(field)}
                required={field.required}
                // JSON is checked when the user leaves the box, not at every keystroke
                validateTrigger={field.kind === 'json' ? ['onBlur'] : undefined}
              >
                <FieldInput field={field} def={def} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </>
  );

  if (action === 'create')
    return (
      <Create
        goBack={BACK_ICON}
        title={`New ${def.singular.toLowerCase()}`}
        saveButtonProps={saveButtonProps}
        isLoading={formLoading}
      >
        {body}
      </Create>
    );
  const title = record?.[def.titleField];
  return (
    <Edit
      goBack={BACK_ICON}
      title={`Edit ${def.singular.toLowerCase()}${title ? `: ${String(title)}` : ''}`}
      saveButtonProps={saveButtonProps}
      isLoading={formLoading}
      // deleting (or soft-deleting) lives on the show page, which knows about restore
      canDelete={false}
    >
      {body}
    </Edit>
  );
}

/** Create and edit for any registry resource; routes `/<table>/create` and `/<table>/edit/:id` (guarded by the route). */
export default function ResourceFormPage({ def, action }: { def: ResourceDef; action: FormAction }) {
  const { id } = useResourceParams();
  return <ResourceForm key={`${def.name}:${action}:${id ?? ''}`} def={def} action={action} id={id} />;
}
