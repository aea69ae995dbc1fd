import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Select, Space, Typography } from 'antd';
import { useList } from '@refinedev/core';
import { useMemo, useState } from 'react';
import {
  CONTEXT_FIELDS,
  OPERATORS,
  targetingRulesError,
  type Constraint,
  type Operator,
  type TargetingRules,
} from '../../lib/feature-flags/constraints';
import { describeConstraint, operatorWords } from '../../lib/feature-flags/describe';
import { ChangePanel } from './change-panel';
import { isMultiValue, withOperator } from './drafts';
import type { TabProps } from './flag';

const PLACEHOLDER: Partial<Record<Operator, string>> = {
  NUM_EQ: '42',
  DATE_AFTER: '2026-12-07T09:00:00Z',
  DATE_BEFORE: '2026-12-07T09:00:00Z',
  SEMVER_EQ: '2.4.0',
  SEMVER_GT: '2.4.0',
  SEMVER_LT: '2.4.0',
};

function ConstraintRow({
  c,
  index,
  editable,
  onChange,
  onRemove,
}: {
  c: Constraint;
  index: number;
  editable: boolean;
  onChange: (c: Constraint) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <Card size="small" role="group" aria-label={`Rule ${n}`} style={{ marginBottom: 8 }}>
      <Space wrap align="start">
        <Select
          aria-label={`Rule ${n} field`}
          style={{ width: 150 }}
          value={c.contextName}
          disabled={!editable}
          onChange={(contextName) => onChange({ ...c, contextName })}
          options={CONTEXT_FIELDS.map((f) => ({ value: f, label: f }))}
        />
        <Select
          aria-label={`Rule ${n} operator`}
          style={{ width: 190 }}
          value={c.operator}
          disabled={!editable}
          onChange={(op) => onChange(withOperator(c, op))}
          options={OPERATORS.map((op) => ({ value: op, label: operatorWords(op) }))}
        />
        {isMultiValue(c.operator) ? (
          <Select
            aria-label={`Rule ${n} values`}
            mode="tags"
            style={{ minWidth: 260 }}
            value={c.values ?? []}
            disabled={!editable}
            tokenSeparators={[',']}
            placeholder="Type a value, Enter"
            open={false}
            onChange={(values: string[]) => onChange({ ...c, values })}
          />
        ) : (
          <Input
            aria-label={`Rule ${n} value`}
            style={{ width: 260 }}
            value={c.value ?? ''}
            disabled={!editable}
            placeholder={PLACEHOLDER[c.operator]}
            onChange={(e) => onChange({ ...c, value: e.target.value })}
          />
        )}
        <Checkbox
          checked={!!c.inverted}
          disabled={!editable}
          onChange={(e) => onChange({ ...c, inverted: e.target.checked || undefined })}
        >
          Not
        </Checkbox>
        <Checkbox
          checked={!!c.caseInsensitive}
          disabled={!editable}
          onChange={(e) => onChange({ ...c, caseInsensitive: e.target.checked || undefined })}
        >
          Any case
        </Checkbox>
        {editable ? (
          <Button type="text" danger aria-label={`Remove rule ${n}`} icon={<DeleteOutlined />} onClick={onRemove} />
        ) : null}
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {describeConstraint(c)}
      </Typography.Text>
    </Card>
  );
}

const clean = (c: Constraint): Constraint => JSON.parse(JSON.stringify(c)) as Constraint;

interface SegmentRow {
  key: string;
  name: string;
  constraints: Constraint[];
}

// The tenant's segments, to pick from and to say what each one holds.
function useSegments(tenantId: string) {
  const { result } = useList<SegmentRow>({
    resource: 'feature_flag_segments',
    filters: [{ field: 'tenant_id', operator: 'eq', value: tenantId }],
    sorters: [{ field: 'key', order: 'asc' }],
    pagination: { pageSize: 200 },
    meta: { select: 'key,name,constraints' },
  });
  return result.data;
}

// Who the flag can reach at all: every rule must hold, then every rule of each segment it names
// (Unleash's constraints and segments). The rollout then picks its percentage among them.
export function TargetingTab({ flag, version, canManage, onSaved }: TabProps) {
  const saved = flag.targeting_rules.constraints ?? [];
  const savedSegments = flag.targeting_rules.segments ?? [];
  const [constraints, setConstraints] = useState<Constraint[]>(saved);
  const [segments, setSegments] = useState<string[]>(savedSegments);
  const known = useSegments(flag.tenant_id);
  const rules = useMemo<TargetingRules>(() => {
    const { constraints: _c, segments: _s, ...rest } = flag.targeting_rules;
    return {
      ...rest,
      ...(constraints.length ? { constraints: constraints.map(clean) } : {}),
      ...(segments.length ? { segments } : {}),
    };
  }, [constraints, segments, flag.targeting_rules]);
  const changed =
    JSON.stringify(rules.constraints ?? []) !== JSON.stringify(saved) ||
    JSON.stringify(rules.segments ?? []) !== JSON.stringify(savedSegments);
  const changes = useMemo(() => (changed ? { targeting_rules: rules } : null), [changed, rules]);
  const problem = changed ? targetingRulesError(rules) : null;

  return (
    <>
      <Typography.Paragraph type="secondary">
        {constraints.length === 0 && segments.length === 0
          ? 'No rules: the rollout applies to every user of the tenant.'
          : 'A user must meet every rule, and every rule of each segment.'}
      </Typography.Paragraph>
      <Card size="small" title="Segments" style={{ marginBottom: 12 }}>
        <Select
          aria-label="Segments"
          mode="multiple"
          style={{ width: '100%' }}
          value={segments}
          disabled={!canManage}
          placeholder={known?.length ? 'Pick segments of this tenant' : 'This tenant has no segments yet'}
          onChange={(keys: string[]) => setSegments(keys)}
          options={(known ?? []).map((g) => ({ value: g.key, label: `${g.name} (${g.key})` }))}
        />
        {segments.map((key) => {
          const segment = known?.find((g) => g.key === key);
          return (
            <Typography.Paragraph key={key} type="secondary" style={{ margin: '6px 0 0' }}>
              <Typography.Text code>{key}</Typography.Text>{' '}
              {segment ? segment.constraints.map(describeConstraint).join(' and ') || 'no rules' : 'not found'}
            </Typography.Paragraph>
          );
        })}
      </Card>
      {constraints.map((c, i) => (
        <ConstraintRow
          key={i}
          c={c}
          index={i}
          editable={canManage}
          onChange={(next) => setConstraints((cs) => cs.map((x, j) => (j === i ? next : x)))}
          onRemove={() => setConstraints((cs) => cs.filter((_, j) => j !== i))}
        />
      ))}
      {canManage ? (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setConstraints((cs) => [...cs, { contextName: 'role', operator: 'IN', values: [] }])}
        >
          Add rule
        </Button>
      ) : null}
      <ChangePanel
        flag={flag}
        changes={changes}
        problem={problem ? `Targeting: ${problem}` : null}
        version={version}
        canManage={canManage}
        onSaved={onSaved}
        onDiscard={() => {
          setConstraints(saved);
          setSegments(savedSegments);
        }}
      />
    </>
  );
}
