import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';

export interface UndoOffer {
  /** The items the decision was made on. */
  ids: string[];
  /** What was done, as the moderator reads it: "Approve: “Leak repair”". */
  message: string;
  /** When the offer ends (ms since the epoch). */
  until: number;
}

/**
 * The last approve or ignore, undoable for a few seconds (Gmail's "Undo"): a bar at the foot of
 * the page that counts down and leaves by itself.
 */
export function UndoBar({
  offer,
  pending,
  onUndo,
  onExpire,
}: {
  offer: UndoOffer | null;
  pending: boolean;
  onUndo: () => void;
  onExpire: () => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!offer) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [offer]);
  const left = offer ? Math.ceil((offer.until - now) / 1000) : 0;
  useEffect(() => {
    if (offer && left <= 0 && !pending) onExpire();
  }, [offer, left, pending, onExpire]);
  if (!offer || left <= 0) return null;
  return (
    <div
      role="status"
      aria-label="Undo"
      style={{ position: 'fixed', bottom: 24, left: '50%', transform: 'translateX(-50%)', zIndex: 1000 }}
    >
      <Alert
        type="success"
        showIcon
        message={
          <Space>
            <Typography.Text>{offer.message}</Typography.Text>
            <Button size="small" type="primary" loading={pending} onClick={onUndo} aria-keyshortcuts="z">
              Undo (z)
            </Button>
            <Typography.Text type="secondary" style={{ minWidth: 28 }}>
              {left} s
            </Typography.Text>
          </Space>
        }
      />
    </div>
  );
}
