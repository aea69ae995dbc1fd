// What each decision is called and does, by what the item is about: approving a new listing
// publishes it; "approving" reported content keeps it and dismisses the reports as no violation.

export type Decision = 'approve' | 'reject' | 'ignore' | 'escalate';

export interface DecisionCopy {
  label: string;
  /** What happens, said in the confirmation. */
  effect: string;
  danger?: boolean;
}

export function decisionCopy(decision: Decision, targetType: string, reported: boolean): DecisionCopy {
  const noun = targetType === 'listing' ? 'listing' : targetType === 'review' ? 'review' : targetType;
  switch (decision) {
    case 'approve':
      return reported
        ? { label: 'Keep (no violation)', effect: `The ${noun} stays; its reports are dismissed as no violation.` }
        : { label: 'Approve', effect: `The ${noun} is approved and goes live.` };
    case 'reject':
      return targetType === 'review'
        ? {
            label: 'Hide review',
            effect: 'The review is hidden from customers and its reports are resolved.',
            danger: true,
          }
        : {
            label: 'Reject',
            effect: `The ${noun} is taken down and its provider is told why, with the message below.`,
            danger: true,
          };
    case 'ignore':
      return { label: 'Ignore reports', effect: 'The reports are closed without a judgement; nothing changes.' };
    case 'escalate':
      return {
        label: 'Escalate',
        effect: 'The item stays open, marked for a senior colleague, and your claim is released.',
      };
  }
}

/** Rejection applies to listings and reviews; users are sanctioned and disputes settled by their own actions. */
export function canReject(targetType: string): boolean {
  return targetType === 'listing' || targetType === 'review';
}

/**
 * The queue's decisions an item offers. A dispute is settled by its booking's actions (refund,
 * complete, cancel) and a user waiting for verification is verified or sanctioned by the user's,
 * so those offer escalation only; a reported user may also be kept or have the reports ignored.
 */
export function decisionsFor(targetType: string, reported: boolean): Decision[] {
  if (targetType === 'booking' || (targetType === 'user' && !reported)) return ['escalate'];
  return ['approve', ...(canReject(targetType) ? (['reject'] as const) : []), 'ignore', 'escalate'];
}

/** Decisions that can be taken back for a few seconds (undo_moderation_decisions). */
export const UNDOABLE: readonly Decision[] = ['approve', 'ignore'];
export const UNDO_SECONDS = 10;

/** When an undo offered now ends. */
export const undoDeadline = (): number => Date.now() + UNDO_SECONDS * 1000;
