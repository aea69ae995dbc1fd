import { Alert, Col, Form, Input, InputNumber, Row, Select, Slider } from 'antd';
import { useMemo, useState } from 'react';
import { STICKINESS, targetingRulesError, type Stickiness } from '../../lib/feature-flags/constraints';
import { ChangePanel } from './change-panel';
import { FLAG_TYPES, LIFETIME_DAYS, type FlagType } from '../../lib/feature-flags/stale';
import { withBucketing } from './drafts';
import type { FlagChanges, TabProps } from './flag';

const MARKS = { 0: '0', 10: '10', 25: '25', 50: '50', 75: '75', 100: '100' };

const LIFETIME_HELP: Record<FlagType, string> = Object.fromEntries(
  FLAG_TYPES.map((t) => [
    t,
    LIFETIME_DAYS[t] === null
      ? 'Expected to stay: never stale by age.'
      : `Expected to be removed within ${LIFETIME_DAYS[t]} days.`,
  ]),
) as Record<FlagType, string>;

const STICKINESS_HELP: Record<Stickiness, string> = {
  default: 'the user, else the session',
  userId: 'the user',
  tenantId: 'the tenant (all or none)',
  sessionId: 'the session',
};

export function RolloutTab({ flag, version, canManage, onSaved }: TabProps) {
  const [percent, setPercent] = useState<number>(flag.rollout_percentage);
  const [stickiness, setStickiness] = useState<Stickiness>(flag.targeting_rules.stickiness ?? 'default');
  const [groupId, setGroupId] = useState<string>(flag.targeting_rules.groupId ?? '');
  const [flagType, setFlagType] = useState<string>(flag.flag_type);
  const reset = () => {
    setFlagType(flag.flag_type);
    setPercent(flag.rollout_percentage);
    setStickiness(flag.targeting_rules.stickiness ?? 'default');
    setGroupId(flag.targeting_rules.groupId ?? '');
  };

  const changes = useMemo<FlagChanges | null>(() => {
    const next: FlagChanges = {};
    if (percent !== flag.rollout_percentage) next.rollout_percentage = percent;
    if (flagType !== flag.flag_type) next.flag_type = flagType;
    const rules = withBucketing(flag.targeting_rules, stickiness, groupId);
    if (
      JSON.stringify(rules) !==
      JSON.stringify(
        withBucketing(
          flag.targeting_rules,
          flag.targeting_rules.stickiness ?? 'default',
          flag.targeting_rules.groupId ?? '',
        ),
      )
    )
      next.targeting_rules = rules;
    return Object.keys(next).length ? next : null;
  }, [percent, stickiness, groupId, flagType, flag]);
  const problem = changes?.targeting_rules ? targetingRulesError(changes.targeting_rules) : null;
  const editable = canManage && !flag.kill_switch;

  return (
    <>
      {flag.kill_switch ? (
        <Alert
          type="error"
          showIcon
          message="This flag is killed: everyone has it off. Revive it before rolling it out."
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form layout="vertical">
        <Row gutter={24} align="middle">
          <Col flex="auto">
            <Form.Item
              label="Rollout"
              help="Users whose bucket (1–100) is at or under the percentage get the flag; raising it only adds users."
            >
              <Slider
                aria-label="Rollout slider"
                min={0}
                max={100}
                marks={MARKS}
                value={percent}
                disabled={!editable}
                onChange={(v) => setPercent(v)}
              />
            </Form.Item>
          </Col>
          <Col>
            <Form.Item label="Percentage" htmlFor="flag-rollout-percentage">
              <InputNumber
                id="flag-rollout-percentage"
                min={0}
                max={100}
                precision={0}
                suffix="%"
                value={percent}
                disabled={!editable}
                onChange={(v) => setPercent(typeof v === 'number' ? v : 0)}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item label="Type" htmlFor="flag-type" help={LIFETIME_HELP[flagType as FlagType]}>
              <Select
                id="flag-type"
                value={flagType}
                disabled={!canManage}
                onChange={setFlagType}
                options={FLAG_TYPES.map((t) => ({ value: t, label: t }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="Stickiness"
              htmlFor="flag-stickiness"
              help={`Keeps ${STICKINESS_HELP[stickiness]} in the same bucket.`}
            >
              <Select
                id="flag-stickiness"
                value={stickiness}
                disabled={!editable}
                onChange={setStickiness}
                options={STICKINESS.map((s) => ({ value: s, label: s }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="Group id"
              htmlFor="flag-group-id"
              help={`Hashed with the stickiness value (default: ${flag.key}); a new one reshuffles everyone.`}
            >
              <Input
                id="flag-group-id"
                value={groupId}
                placeholder={flag.key}
                disabled={!editable}
                onChange={(e) => setGroupId(e.target.value)}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <ChangePanel
        flag={flag}
        changes={changes}
        problem={problem}
        version={version}
        canManage={editable}
        onSaved={onSaved}
        onDiscard={reset}
      />
    </>
  );
}
