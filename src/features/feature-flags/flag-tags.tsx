import { Tag, Tooltip } from 'antd';
import { flagState, staleReason, STALE_TEXT } from '../../lib/feature-flags/stale';
import type { FlagRow } from './flag';

const STATE_COLOR = { on: 'green', off: 'default', killed: 'red' } as const;

export function StateTag({ flag }: { flag: FlagRow }) {
  const state = flagState(flag);
  return <Tag color={STATE_COLOR[state]}>{state === 'on' ? `on · ${flag.rollout_percentage} %` : state}</Tag>;
}

export function StaleTag({ flag }: { flag: FlagRow }) {
  const reason = staleReason(flag);
  if (!reason) return null;
  return (
    <Tooltip title={STALE_TEXT[reason]}>
      <Tag color="orange">stale · {reason}</Tag>
    </Tooltip>
  );
}
