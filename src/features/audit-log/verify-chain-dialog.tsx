import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Modal, Progress, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { formatNumber } from '../../components/fields/format';
import { useRpc } from '../../providers/use-rpc';
import { progressPercent, verifyChain, type Period, type Verification } from './chain-verification';

type Choice = '24h' | '7d' | '30d' | 'all' | 'custom';
const PRESETS: { value: Choice; label: string; days?: number }[] = [
  { value: '24h', label: 'Last 24 hours', days: 1 },
  { value: '7d', label: 'Last 7 days', days: 7 },
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: 'all', label: 'Whole chain' },
  { value: 'custom', label: 'Period' },
];

function periodOf(choice: Choice, custom: [Dayjs, Dayjs] | null): Period | null {
  if (choice === 'all') return { from: null, to: null };
  if (choice === 'custom') {
    if (!custom) return null;
    // the picked days whole, in the reader's time zone
    return { from: custom[0].startOf('day').toISOString(), to: custom[1].add(1, 'day').startOf('day').toISOString() };
  }
  const days = PRESETS.find((p) => p.value === choice)?.days ?? 1;
  return { from: dayjs().subtract(days, 'day').toISOString(), to: null };
}

const short = (hash: string | null) => (hash ? `${hash.slice(0, 12)}…` : '—');

function Verdict({ verification, onOpenEntry }: { verification: Verification; onOpenEntry: (seq: number) => void }) {
  switch (verification.state) {
    case 'running':
      return (
        <div aria-live="polite">
          <Progress percent={progressPercent(verification)} status="active" />
          <Typography.Text type="secondary">
            {formatNumber(verification.checked)} entries checked, at #{formatNumber(verification.atSeq)}
          </Typography.Text>
        </div>
      );
    case 'empty':
      return <Alert type="info" showIcon message="No entries were made in this period." />;
    case 'intact':
      return (
        <Alert
          type="success"
          showIcon
          role="status"
          message={`Intact: ${formatNumber(verification.checked)} ${verification.checked === 1 ? 'entry' : 'entries'} verified, #${formatNumber(verification.fromSeq)} to #${formatNumber(verification.lastSeq)}`}
          description={
            <>
              Every entry matches its hash and links to the one before it.{' '}
              {verification.toEnd
                ? `The newest entry is the chain's recorded head (#${formatNumber(verification.headSeq ?? 0)}, ${short(verification.headHash)}), so none were removed from the end.`
                : `The chain's head is #${formatNumber(verification.headSeq ?? 0)} (${short(verification.headHash)}).`}
            </>
          }
        />
      );
    case 'broken':
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={`Broken at entry #${formatNumber(verification.brokenSeq)}`}
          description={
            <Flex vertical gap={4}>
              <span>{verification.problem}.</span>
              <Typography.Text type="secondary">
                Expected hash <Typography.Text code>{short(verification.expectedHash)}</Typography.Text>, found{' '}
                <Typography.Text code>{short(verification.foundHash)}</Typography.Text>. The entries of the period
                before it verified.
              </Typography.Text>
              <div>
                <Button size="small" onClick={() => onOpenEntry(verification.brokenSeq)}>
                  Show entry #{formatNumber(verification.brokenSeq)}
                </Button>
              </div>
            </Flex>
          }
        />
      );
    case 'cancelled':
      return <Alert type="warning" showIcon message={`Stopped after ${formatNumber(verification.checked)} entries.`} />;
    case 'failed':
      return <Alert type="error" showIcon message="The check could not run" description={verification.message} />;
    default:
      return null;
  }
}

/** The header button and its dialog: pick a period, verify it, read the verdict. */
export function VerifyChainButton({ onOpenEntry }: { onOpenEntry: (seq: number) => void }) {
  const { call } = useRpc();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Choice>('7d');
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | null>(null);
  const [verification, setVerification] = useState<Verification>({ state: 'idle' });
  const cancelled = useRef(false);
  const running = verification.state === 'running';
  const period = periodOf(choice, custom);

  const run = async () => {
    if (!period) return;
    cancelled.current = false;
    try {
      await verifyChain(call, period, setVerification, () => cancelled.current);
    } catch (error) {
      setVerification({ state: 'failed', message: (error as Error).message });
    }
  };

  return (
    <>
      <Button icon={<SafetyCertificateOutlined aria-hidden />} onClick={() => setOpen(true)}>
        Verify chain
      </Button>
      <Modal
        title="Verify the audit chain"
        open={open}
        onCancel={() => {
          cancelled.current = true;
          setOpen(false);
        }}
        footer={
          running ? (
            <Button onClick={() => (cancelled.current = true)}>Stop</Button>
          ) : (
            <Button type="primary" disabled={!period} onClick={run}>
              Verify
            </Button>
          )
        }
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          Each entry carries the hash of its content and of the entry before it. Verifying recomputes them: an entry
          altered, removed or cut from the end shows as the first broken link. The chain runs through every tenant, so
          the check covers entries you cannot read; it names only their numbers.
        </Typography.Paragraph>
        <Flex vertical gap={12}>
          <Radio.Group
            aria-label="Period to verify"
            optionType="button"
            value={choice}
            disabled={running}
            options={PRESETS.map(({ value, label }) => ({ value, label }))}
            onChange={(e) => {
              setChoice(e.target.value as Choice);
              setVerification({ state: 'idle' });
            }}
          />
          {choice === 'custom' && (
            <DatePicker.RangePicker
              aria-label="Days to verify"
              value={custom}
              disabled={running}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              onChange={(value) => setCustom(value && value[0] && value[1] ? [value[0], value[1]] : null)}
            />
          )}
          <Verdict
            verification={verification}
            onOpenEntry={(seq) => {
              setOpen(false);
              onOpenEntry(seq);
            }}
          />
        </Flex>
      </Modal>
    </>
  );
}
