import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Variant } from '../../lib/feature-flags/bucketing';
import { splitEvenly, variantsError } from '../../lib/feature-flags/variants';
import { ChangePanel } from './change-panel';
import type { TabProps } from './flag';

type Draft = Variant & { added?: true };

// Variants keep their stored order: selection walks them in order, so moving one would move
// users. New ones go last; reweighting is previewed as "N users switch from A to B".
export function VariantsTab({ flag, version, canManage, onSaved }: TabProps) {
  // a saved variant keeps its key (overrides and analytics name it); only new ones take a key
  const [drafts, setVariants] = useState<Draft[]>(flag.variants);
  const variants = useMemo(() => drafts.map(({ key, weight }) => ({ key, weight })), [drafts]);
  const total = variants.reduce((n, v) => n + (Number.isFinite(v.weight) ? v.weight : 0), 0);
  const changed =
    JSON.stringify(variants) !== JSON.stringify(flag.variants.map(({ key, weight }) => ({ key, weight })));
  const changes = useMemo(() => (changed ? { variants } : null), [changed, variants]);
  const problem = changed ? variantsError(variants) : null;
  const editable = canManage;
  const update = (i: number, patch: Partial<Draft>) =>
    setVariants((vs) => vs.map((v, j) => (j === i ? { ...v, ...patch } : v)));

  return (
    <>
      <Typography.Paragraph type="secondary">
        Users the flag is on for get one variant, chosen by their bucket over the weights in this order (Unleash’s
        variant hashing). Weights are whole numbers adding up to 100.
      </Typography.Paragraph>
      <Table<Draft & { index: number }>
        size="small"
        aria-label="Variants"
        rowKey="index"
        pagination={false}
        dataSource={drafts.map((v, index) => ({ ...v, index }))}
        locale={{ emptyText: 'No variants: the flag is only on or off.' }}
        columns={[
          { key: 'order', title: '#', width: 40, render: (_, row) => row.index + 1 },
          {
            key: 'key',
            title: 'Key',
            render: (_, row) =>
              editable && row.added ? (
                <Input
                  aria-label={`Variant ${row.index + 1} key`}
                  value={row.key}
                  onChange={(e) => update(row.index, { key: e.target.value })}
                />
              ) : (
                <Tag>{row.key}</Tag>
              ),
          },
          {
            key: 'weight',
            title: 'Weight',
            width: 160,
            render: (_, row) => (
              <InputNumber
                aria-label={`Weight of ${row.key || `variant ${row.index + 1}`}`}
                min={0}
                max={100}
                precision={0}
                value={row.weight}
                disabled={!editable}
                onChange={(v) => update(row.index, { weight: typeof v === 'number' ? v : 0 })}
              />
            ),
          },
          {
            key: 'remove',
            title: '',
            width: 48,
            render: (_, row) =>
              editable ? (
                <Button
                  type="text"
                  danger
                  aria-label={`Remove ${row.key || `variant ${row.index + 1}`}`}
                  icon={<DeleteOutlined />}
                  onClick={() => setVariants((vs) => vs.filter((_, j) => j !== row.index))}
                />
              ) : null,
          },
        ]}
        summary={() =>
          variants.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                Total
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2}>
                <Typography.Text type={total === 100 ? 'success' : 'danger'} data-testid="variant-total">
                  {total} / 100
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} />
            </Table.Summary.Row>
          ) : null
        }
      />
      {editable ? (
        <Space style={{ marginTop: 12 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setVariants((vs) => [...vs, { key: '', weight: 0, added: true }])}
          >
            Add variant
          </Button>
          <Button disabled={drafts.length === 0} onClick={() => setVariants((vs) => splitEvenly(vs))}>
            Split evenly
          </Button>
        </Space>
      ) : null}
      {flag.kill_switch ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          message="Killed: nobody gets a variant until it is revived."
        />
      ) : null}
      <ChangePanel
        flag={flag}
        changes={changes}
        problem={problem}
        version={version}
        canManage={editable}
        variants
        onSaved={onSaved}
        onDiscard={() => setVariants(flag.variants)}
      />
    </>
  );
}
