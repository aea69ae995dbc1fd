// The queue's keys, one table for the handler and the help sheet (`?`), as Gmail and Reddit's
// mod queue have them: move with j/k, act on the item in the pane with one letter.

export type QueueCommand = 'next' | 'previous' | 'claim' | 'approve' | 'reject' | 'escalate' | 'undo' | 'help';

export const QUEUE_KEYS: readonly { key: string; command: QueueCommand; description: string }[] = [
  { key: 'j', command: 'next', description: 'Next item' },
  { key: 'k', command: 'previous', description: 'Previous item' },
  { key: 'c', command: 'claim', description: 'Claim the item (or renew your claim)' },
  { key: 'a', command: 'approve', description: 'Approve / keep: no violation' },
  { key: 'r', command: 'reject', description: 'Reject with a reason template' },
  { key: 'e', command: 'escalate', description: 'Escalate to a colleague' },
  { key: 'z', command: 'undo', description: 'Undo your last approve or ignore (for 10 seconds)' },
  { key: '?', command: 'help', description: 'Show these keys' },
];

interface KeyEventLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

/** Typing in a field, or a dialog being open, is not a command. */
function typing(target: EventTarget | null | undefined): boolean {
  const el = target as HTMLElement | null | undefined;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="combobox"]');
}

/** The command a key press stands for, or null (modifiers, typing, an unmapped key). */
export function commandFor(event: KeyEventLike): QueueCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (typing(event.target)) return null;
  return QUEUE_KEYS.find((k) => k.key === event.key)?.command ?? null;
}

/** The index j/k lead to: clamped to the list, the first item when none is selected yet. */
export function moveSelection(index: number, length: number, command: 'next' | 'previous'): number {
  if (length === 0) return -1;
  if (index < 0) return 0;
  return command === 'next' ? Math.min(length - 1, index + 1) : Math.max(0, index - 1);
}
