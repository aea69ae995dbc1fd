import { RecordActions } from '../../components/record-actions/record-actions';
import { getResource } from '../../resources';

// The registry's own actions on a dispute's booking or a user under review, loaded only when
// such an item is open: the listing and review queues never pay for the action dialogs' inputs.

export default function TargetActions({
  targetType,
  target,
  onDone,
}: {
  targetType: 'booking' | 'user';
  target: Record<string, unknown>;
  onDone: () => void;
}) {
  const def = getResource(targetType === 'booking' ? 'bookings' : 'users');
  return <RecordActions def={def} id={String(target.id)} record={target} onDone={onDone} />;
}
