import type { HttpError } from '@refinedev/core';
import { Alert, Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useRpc } from '../../providers/use-rpc';
import type { FlagChanges, FlagRow } from './flag';
import { PreviewSummary } from './preview-summary';
import { useFlagPreview } from './use-flag';

export const NOTE_MAX = 500;

interface ChangePanelProps {
  flag: FlagRow;
  /** The draft; null while it equals what is saved. */
  changes: FlagChanges | null;
  /** What is wrong with the draft, said before anything is sent. */
  problem: string | null;
  /** The version the draft was made on: saving over a colleague's newer change answers 409. */
  version: number | undefined;
  canManage: boolean;
  /** Variant edits say who switches variant even when nobody does. */
  variants?: boolean;
  onSaved: () => void;
  onDiscard: () => void;
}

// Every change of a flag's behaviour goes through here: the preview on real users, then a
// required "why" that lands in the flag's history, then change_feature_flag on the version seen.
export function ChangePanel({
  flag,
  changes,
  problem,
  version,
  canManage,
  variants,
  onSaved,
  onDiscard,
}: ChangePanelProps) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { call, pending } = useRpc();
  const valid = changes !== null && problem === null;
  const { preview, loading, query } = useFlagPreview(flag.id, valid ? changes : null);
  const noteProblem = note.trim() === '' ? 'Say why: the note is kept in the flag’s history' : null;

  if (changes === null) return null;
  const save = async () => {
    setError(null);
    try {
      await call('change_feature_flag', {
        p_flag_id: flag.id,
        p_changes: changes,
        p_note: note.trim(),
        p_version: version ?? null,
      });
      setNote('');
      onSaved();
    } catch (e) {
      const err = e as HttpError;
      setError(err.message + (err.statusCode === 409 ? ' — reload to see their change, then make yours again.' : ''));
    }
  };

  return (
    <Card size="small" title="Before you save" style={{ marginTop: 16 }}>
      {problem ? (
        <Alert type="error" showIcon message={problem} />
      ) : query.error ? (
        <Alert type="error" showIcon message={`Preview failed: ${(query.error as HttpError).message}`} />
      ) : preview && !loading ? (
        <PreviewSummary preview={preview} variants={variants} />
      ) : (
        <Space>
          <Spin size="small" /> <Typography.Text type="secondary">Counting who this moves…</Typography.Text>
        </Space>
      )}
      {canManage ? (
        <Form layout="vertical" style={{ marginTop: 16 }} onFinish={save}>
          <Form.Item
            label="Why"
            htmlFor="flag-change-note"
            required
            validateStatus={note && noteProblem ? 'error' : undefined}
            help={`Kept in the flag’s history with your name (${note.trim().length}/${NOTE_MAX}).`}
          >
            <Input.TextArea
              id="flag-change-note"
              value={note}
              maxLength={NOTE_MAX}
              autoSize={{ minRows: 2 }}
              placeholder="e.g. Error rate flat for 48 h at 10 %; next step of the ramp"
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={pending}
              disabled={!valid || noteProblem !== null || !preview}
            >
              Save change
            </Button>
            <Button onClick={onDiscard}>Discard</Button>
          </Space>
        </Form>
      ) : (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          message="You can preview changes; saving them needs feature_flags.manage."
        />
      )}
    </Card>
  );
}
