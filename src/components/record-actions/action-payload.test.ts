import { describe, expect, it } from 'vitest';
import type { RecordActionDef } from '../../resources/types';
import { bulkPayload, bulkSummary, recordPayload, toBulkOutcomes } from './action-payload';

const hide: RecordActionDef = {
  key: 'hide',
  label: 'Hide',
  rpc: 'moderate_review',
  idArgument: 'p_review_id',
  permission: 'reviews.moderate',
  confirm: 'Customers stop seeing it.',
  fixedArgs: { p_hide: true },
  args: [
    { name: 'p_reason', label: 'Reason', kind: 'text', required: true },
    { name: 'p_note', label: 'Note', kind: 'text' },
  ],
  bulk: { rpc: 'moderate_reviews', idsArgument: 'p_review_ids' },
};

describe('action payloads', () => {
  it('sends the id, the fixed arguments and the trimmed inputs, leaving empty optional ones to the function', () => {
    expect(recordPayload(hide, 'r1', { p_reason: '  spam ', p_note: ' ' })).toEqual({
      p_review_id: 'r1',
      p_hide: true,
      p_reason: 'spam',
    });
  });

  it('sends a selection to the bulk function under its ids argument', () => {
    expect(bulkPayload(hide, ['r1', 'r2'], { p_reason: 'spam' })).toEqual({
      p_review_ids: ['r1', 'r2'],
      p_hide: true,
      p_reason: 'spam',
    });
    expect(() => bulkPayload({ ...hide, bulk: undefined }, ['r1'])).toThrow(/no bulk function/);
  });

  it('reads one outcome per row and refuses anything else', () => {
    expect(toBulkOutcomes([{ id: 'r1', outcome: 'done', message: 'hidden' }])).toEqual([
      { id: 'r1', outcome: 'done', message: 'hidden' },
    ]);
    expect(() => toBulkOutcomes({ id: 'r1' })).toThrow(/one outcome per row/);
    expect(() => toBulkOutcomes([{ id: 'r1', outcome: 'maybe' }])).toThrow(/without an id and outcome/);
  });

  it.each([
    [['done', 'done'], { ok: true, text: '2 of 2 done' }],
    [['refused', 'skipped', 'skipped'], { ok: false, text: 'Nothing changed: 1 of 3 refused' }],
    [['done', 'refused'], { ok: false, text: '1 done, 1 refused' }],
  ] as const)('sums %j up as %j', (outcomes, summary) => {
    expect(bulkSummary(outcomes.map((outcome, i) => ({ id: `r${i}`, outcome, message: null })))).toEqual(summary);
  });
});
