import type { HttpError } from '@refinedev/core';
import { Alert, Button, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DateValue } from '../../components/fields/date-value';
import { describeChange, type ChangeTone } from '../../lib/feature-flags/describe';
import { useRpc } from '../../providers/use-rpc';
import type { FlagRow, FlagVersion } from './flag';
import { NOTE_MAX } from './change-panel';
import { configSummary } from './drafts';

const TONE_COLOR: Record<ChangeTone, string> = { added: 'green', removed: 'red', changed: 'blue' };

// Every change with who, when and why, as sentences; any earlier version can be brought back
// (its rollout, variants, rules and type), with a note of its own.
export function HistoryTab({
  flag,
  versions,
  canManage,
  onSaved,
}: {
  flag: FlagRow;
  versions: FlagVersion[];
  canManage: boolean;
  onSaved: () => void;
}) {
  const [reverting, setReverting] = useState<FlagVersion | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { call, pending } = useRpc();
  const current = versions[0]?.version;

  const revert = async () => {
    if (!reverting) return;
    setError(null);
    try {
      await call('revert_feature_flag', { p_flag_id: flag.id, p_version: reverting.version, p_note: note.trim() });
      setReverting(null);
      setNote('');
      onSaved();
    } catch (e) {
      setError((e as HttpError).message);
    }
  };

  return (
    <>
      <section aria-label="History">
        <List<FlagVersion>
          dataSource={versions}
          itemLayout="vertical"
          renderItem={(v) => (
            <List.Item
              key={v.version}
              aria-label={`Version ${v.version}`}
              extra={
                canManage && v.version !== current ? (
                  <Button size="small" onClick={() => setReverting(v)}>
                    Revert to this
                  </Button>
                ) : v.version === current ? (
                  <Tag color="blue">current</Tag>
                ) : null
              }
            >
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text>
                  <Typography.Text strong>Version {v.version}</Typography.Text> · {v.changed_by_name ?? 'the system'} ·{' '}
                  <DateValue value={v.changed_at} kind="datetime" mode="list" />
                </Typography.Text>
                {v.note ? <Typography.Text italic>“{v.note}”</Typography.Text> : null}
                {v.changes.length ? (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {v.changes.map((c, i) => {
                      const d = describeChange(c);
                      return (
                        <li key={i}>
                          <Tag color={TONE_COLOR[d.tone]}>{d.tone}</Tag>
                          {d.text}
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <Typography.Text type="secondary">{configSummary(v.config)}</Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      </section>
      <Modal
        title={reverting ? `Revert ${flag.key} to version ${reverting.version}` : ''}
        open={reverting !== null}
        okText="Revert"
        okButtonProps={{ disabled: note.trim() === '', loading: pending }}
        onOk={revert}
        onCancel={() => {
          setReverting(null);
          setError(null);
        }}
      >
        {reverting ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>It brings back: {configSummary(reverting.config)}.</Typography.Text>
            {flag.kill_switch ? (
              <Alert type="warning" showIcon message="The flag stays killed until it is revived." />
            ) : null}
            <label htmlFor="flag-revert-note">Why</label>
            <Input.TextArea
              id="flag-revert-note"
              value={note}
              maxLength={NOTE_MAX}
              autoSize={{ minRows: 2 }}
              onChange={(e) => setNote(e.target.value)}
            />
            {error ? <Alert type="error" showIcon message={error} /> : null}
          </Space>
        ) : null}
      </Modal>
    </>
  );
}
