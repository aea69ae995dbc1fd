import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { timeLeft } from './time-left';

// Time left until an item's SLA, ticking; overdue in red. One timer per mounted countdown is
// fine for a page of 25.

export function Countdown({ dueAt }: { dueAt: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const { text, overdue } = timeLeft(dueAt, now);
  return (
    <Typography.Text
      type={overdue ? 'danger' : 'secondary'}
      strong={overdue}
      title={`${overdue ? 'Was due' : 'Due'} ${new Date(dueAt).toLocaleString()}`}
      style={{ whiteSpace: 'nowrap' }}
    >
      {text}
    </Typography.Text>
  );
}
