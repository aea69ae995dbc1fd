import type { HttpError } from '@refinedev/core';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { RelationSelect } from '../../components/inputs/relation-select';
import { personRelation } from '../../resources/common-fields';
import { useRpc } from '../../providers/use-rpc';
import type { FlagEvaluationRow, FlagRow } from './flag';
import { playgroundContext, type PlaygroundTyped } from './drafts';
import { explainEvaluation } from './explain';

const TYPED_INPUTS = [
  { field: 'city', label: 'City', placeholder: 'Dublin' },
  { field: 'region', label: 'Regions', placeholder: 'europe, ireland' },
  { field: 'appVersion', label: 'App version', placeholder: '2.5.0' },
  { field: 'email', label: 'Email', placeholder: undefined },
  { field: 'sessionId', label: 'Session id', placeholder: 'without a user, buckets by it' },
] as const;
const ROLES = ['customer', 'provider', 'admin', 'super_admin', 'guest'];

// What a user (or a context typed by hand) gets, from the same evaluation the apps call, and
// which step decided it.
export function PlaygroundTab({ flag }: { flag: FlagRow }) {
  const [userId, setUserId] = useState<string | null>(null);
  const [typed, setTyped] = useState<PlaygroundTyped>({});
  const [rows, setRows] = useState<FlagEvaluationRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { call, pending } = useRpc();
  const mine = rows?.find((r) => r.key === flag.key);

  const evaluate = async () => {
    setError(null);
    try {
      setRows(
        await call<FlagEvaluationRow[]>('evaluate_feature_flags', {
          p_context: playgroundContext(userId, typed, flag.tenant_id),
        }),
      );
    } catch (e) {
      setRows(null);
      setError((e as HttpError).message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="vertical" onFinish={evaluate}>
        <Space wrap align="start">
          <Form.Item
            label="User"
            htmlFor="playground-user"
            help="Their role, email, city and region fill the context."
            style={{ minWidth: 280 }}
          >
            <RelationSelect
              id="playground-user"
              relation={personRelation}
              value={userId}
              onChange={(v) => setUserId(v ? String(v) : null)}
              placeholder="Name or email"
            />
          </Form.Item>
          <Form.Item label="Role" htmlFor="playground-role">
            <Select
              id="playground-role"
              allowClear
              style={{ width: 150 }}
              value={typed.role}
              onChange={(role?: string) => setTyped((t) => ({ ...t, role }))}
              options={ROLES.map((r) => ({ value: r, label: r }))}
            />
          </Form.Item>
          {TYPED_INPUTS.map(({ field: k, label, placeholder }) => (
            <Form.Item key={k} label={label} htmlFor={`playground-${k}`}>
              <Input
                id={`playground-${k}`}
                style={{ width: 170 }}
                value={typed[k] ?? ''}
                placeholder={placeholder}
                onChange={(e) => setTyped((t) => ({ ...t, [k]: e.target.value }))}
              />
            </Form.Item>
          ))}
        </Space>
        <Typography.Paragraph type="secondary">
          Typed fields win over the user’s own; without a user the context is the flag’s tenant and what you type.
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={pending}>
          Evaluate
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {mine ? (
        <Card size="small" title={`${flag.key} for this context`} aria-label="Playground result">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="Result">
              {mine.enabled ? <Tag color="green">on</Tag> : <Tag>off</Tag>}
              {mine.variant ? <Tag color="purple">{mine.variant}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label="Why">
              {explainEvaluation(mine, flag.targeting_rules.constraints)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {rows ? (
        <Table<FlagEvaluationRow>
          size="small"
          aria-label="Every flag for this context"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              key: 'key',
              title: 'Flag',
              dataIndex: 'key',
              render: (k: string) => <Typography.Text code>{k}</Typography.Text>,
            },
            {
              key: 'enabled',
              title: 'Result',
              render: (_, r) => (r.enabled ? <Tag color="green">on</Tag> : <Tag>off</Tag>),
            },
            { key: 'variant', title: 'Variant', dataIndex: 'variant' },
            { key: 'reason', title: 'Decided by', dataIndex: 'reason' },
          ]}
        />
      ) : null}
    </Space>
  );
}
