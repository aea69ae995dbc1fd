import type { HttpError } from '@refinedev/core';
import { Link } from '@refinedev/core';
import { Alert, Button, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRpc } from '../../providers/use-rpc';
import type { FlagRow, FlagVersion } from './flag';
import { DateValue } from '../../components/fields/date-value';
import { StaleTag, StateTag } from './flag-tags';

// The flag's name and state, and the actions on the whole flag: the kill switch (with its
// reason) and revive, and marking it stale.
export function FlagHeader({
  flag,
  latest,
  canManage,
  onChanged,
}: {
  flag: FlagRow;
  latest: FlagVersion | undefined;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { call, pending } = useRpc();
  const [killing, setKilling] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const act = async (fn: string, args: Record<string, unknown>) => {
    setError(null);
    try {
      await call(fn, { p_flag_id: flag.id, ...args });
      setKilling(false);
      setReason('');
      onChanged();
    } catch (e) {
      setError((e as HttpError).message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap align="baseline">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {flag.name}
          </Typography.Title>
          <Typography.Text code>{flag.key}</Typography.Text>
          <StateTag flag={flag} />
          <Tag>{flag.flag_type}</Tag>
          <StaleTag flag={flag} />
        </Space>
        <Space wrap>
          <Link to={`/feature_flags/show/${flag.id}`}>Record</Link>
          {canManage ? (
            <>
              {flag.stale_marked_at ? (
                <Button onClick={() => act('mark_feature_flag_stale', { p_stale: false })} loading={pending}>
                  Not stale
                </Button>
              ) : (
                <Popconfirm
                  title="Mark stale?"
                  description="Listed as done with: its code path can be cleaned up."
                  onConfirm={() => act('mark_feature_flag_stale', { p_stale: true })}
                >
                  <Button>Mark stale</Button>
                </Popconfirm>
              )}
              {flag.kill_switch ? (
                <Popconfirm
                  title="Revive?"
                  description="The kill switch is cleared; the flag stays off until it is rolled out again."
                  onConfirm={() => act('revive_feature_flag', {})}
                >
                  <Button>Revive</Button>
                </Popconfirm>
              ) : (
                <Button danger onClick={() => setKilling(true)}>
                  Kill
                </Button>
              )}
            </>
          ) : null}
        </Space>
      </Space>
      {flag.description ? <Typography.Text type="secondary">{flag.description}</Typography.Text> : null}
      {latest ? (
        <Typography.Text type="secondary" data-testid="flag-last-change">
          Version {latest.version}, changed by {latest.changed_by_name ?? 'the system'}{' '}
          <DateValue value={latest.changed_at} kind="datetime" mode="list" />
          {latest.note ? `: “${latest.note}”` : ''}
        </Typography.Text>
      ) : null}
      {flag.kill_switch ? (
        <Alert type="error" showIcon message={`Killed: ${flag.kill_reason ?? 'no reason given'}`} />
      ) : null}
      {error && !killing ? (
        <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />
      ) : null}
      <Modal
        title={`Kill ${flag.key}`}
        open={killing}
        okText="Kill"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 3, loading: pending }}
        onOk={() => act('kill_feature_flag', { p_reason: reason.trim() })}
        onCancel={() => setKilling(false)}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            Everyone gets the flag off at once, overrides included, until it is revived.
          </Typography.Text>
          <label htmlFor="flag-kill-reason">Reason</label>
          <Input.TextArea
            id="flag-kill-reason"
            value={reason}
            maxLength={500}
            autoSize={{ minRows: 2 }}
            onChange={(e) => setReason(e.target.value)}
          />
          {error ? <Alert type="error" showIcon message={error} /> : null}
        </Space>
      </Modal>
    </Space>
  );
}
