import { DeleteOutlined } from '@ant-design/icons';
import { useTable } from '@refinedev/antd';
import { useCreate, useDelete, type BaseRecord, type HttpError } from '@refinedev/core';
import { Alert, Button, Card, DatePicker, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FieldValue } from '../../components/fields';
import { RelationSelect } from '../../components/inputs/relation-select';
import { userFeatureFlags as overridesDef } from '../../resources/feature-management';
import type { ResourceDef } from '../../resources/types';
import type { FieldDef } from '../../resources/types';
import type { FlagRow } from './flag';

const userFeatureFlags = overridesDef as ResourceDef;
const field = (name: string) => userFeatureFlags.fields.find((f) => f.name === name) as FieldDef;
const USER = field('user_id');
const BY = field('created_by');
const EXPIRY_PRESETS = [
  { label: '1 day', value: dayjs().add(1, 'day') },
  { label: '1 week', value: dayjs().add(7, 'day') },
  { label: '30 days', value: dayjs().add(30, 'day') },
  { label: '90 days', value: dayjs().add(90, 'day') },
];

interface OverrideValues {
  user_id: string;
  state: 'on' | 'off';
  variant?: string;
  reason: string;
  expires_at: Dayjs;
}

// Per-user exceptions that win over the rollout and the rules (not over the kill switch),
// each with the reason it exists and the day it lapses: overrides are temporary by design.
export function OverridesTab({ flag, canManage }: { flag: FlagRow; canManage: boolean }) {
  const [form] = Form.useForm<OverrideValues>();
  const [error, setError] = useState<string | null>(null);
  const state = Form.useWatch('state', form);
  const { mutateAsync: create, mutation } = useCreate();
  const { mutate: remove } = useDelete();
  const { tableProps } = useTable<BaseRecord>({
    resource: 'user_feature_flags',
    filters: { permanent: [{ field: 'flag_id', operator: 'eq', value: flag.id }] },
    sorters: { initial: [{ field: 'expires_at', order: 'desc' }] },
    pagination: { pageSize: 10 },
    syncWithLocation: false,
  });

  const add = async (values: OverrideValues) => {
    setError(null);
    try {
      await create({
        resource: 'user_feature_flags',
        values: {
          flag_id: flag.id,
          user_id: values.user_id,
          is_enabled: values.state === 'on',
          variant: values.state === 'on' ? (values.variant ?? null) : null,
          reason: values.reason.trim(),
          expires_at: values.expires_at.toISOString(),
        },
        successNotification: false,
        errorNotification: false,
      });
      form.resetFields();
    } catch (e) {
      setError((e as HttpError).message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {flag.kill_switch ? (
        <Alert type="info" showIcon message="Killed: overrides wait until the flag is revived." />
      ) : null}
      <Table<BaseRecord>
        {...tableProps}
        size="small"
        aria-label="Overrides"
        rowKey="id"
        columns={[
          {
            key: 'user',
            title: 'User',
            render: (_, row) => <FieldValue field={USER} record={row} def={userFeatureFlags} mode="list" />,
          },
          {
            key: 'state',
            title: 'Gets',
            render: (_, row) =>
              row.is_enabled ? (
                <Tag color="green">on{row.variant ? ` · ${String(row.variant)}` : ''}</Tag>
              ) : (
                <Tag>off</Tag>
              ),
          },
          { key: 'reason', title: 'Reason', dataIndex: 'reason' },
          {
            key: 'expires',
            title: 'Until',
            render: (_, row) => {
              const at = dayjs(String(row.expires_at));
              return at.isBefore(dayjs()) ? (
                <Tag color="default">lapsed {at.format('D MMM YYYY')}</Tag>
              ) : (
                at.format('D MMM YYYY HH:mm')
              );
            },
          },
          {
            key: 'by',
            title: 'Added by',
            render: (_, row) => <FieldValue field={BY} record={row} def={userFeatureFlags} mode="list" />,
          },
          ...(canManage
            ? [
                {
                  key: 'remove',
                  title: '',
                  width: 48,
                  render: (_: unknown, row: BaseRecord) => (
                    <Popconfirm
                      title="Remove this override?"
                      description="The user gets the flag as everyone does."
                      onConfirm={() =>
                        remove({ resource: 'user_feature_flags', id: row.id!, successNotification: false })
                      }
                    >
                      <Button type="text" danger aria-label="Remove override" icon={<DeleteOutlined />} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canManage ? (
        <Card size="small" title="Add an override">
          <Form<OverrideValues> form={form} layout="vertical" initialValues={{ state: 'on' }} onFinish={add}>
            <Space wrap align="start">
              <Form.Item
                name="user_id"
                label="User"
                rules={[{ required: true, message: 'Pick a user of this tenant' }]}
                style={{ minWidth: 260 }}
              >
                <RelationSelect relation={USER.relation!} placeholder="Name or email" />
              </Form.Item>
              <Form.Item name="state" label="Gets">
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'on', label: 'On' },
                    { value: 'off', label: 'Off' },
                  ]}
                />
              </Form.Item>
              {state === 'on' && flag.variants.length > 0 ? (
                <Form.Item name="variant" label="Variant" style={{ minWidth: 160 }}>
                  <Select
                    allowClear
                    placeholder="By weight"
                    options={flag.variants.map((v) => ({ value: v.key, label: v.key }))}
                  />
                </Form.Item>
              ) : null}
              <Form.Item
                name="reason"
                label="Reason"
                rules={[
                  { required: true, whitespace: true, message: 'Say why this user is an exception' },
                  { max: 500 },
                ]}
                style={{ minWidth: 260 }}
              >
                <Input placeholder="e.g. Beta tester" maxLength={500} />
              </Form.Item>
              <Form.Item
                name="expires_at"
                label="Until"
                rules={[
                  { required: true, message: 'Overrides lapse: pick when' },
                  {
                    validator: (_, v?: Dayjs) =>
                      !v || v.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error('A time in the future')),
                  },
                ]}
              >
                <DatePicker showTime presets={EXPIRY_PRESETS} />
              </Form.Item>
            </Space>
            {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
            <Button type="primary" htmlType="submit" loading={mutation.isPending}>
              Add override
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
