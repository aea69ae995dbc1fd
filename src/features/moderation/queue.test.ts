import { describe, expect, it } from 'vitest';
import {
  claimedByColleague,
  claimedByMe,
  itemTitle,
  PAGE_SIZE,
  paramsFromSearch,
  queuePageArgs,
  searchFromParams,
  type ItemContext,
} from './queue';
import { timeLeft } from './time-left';

describe('the workspace state in the URL', () => {
  it('defaults to the listings tab, due first, page 1', () => {
    expect(paramsFromSearch(new URLSearchParams())).toEqual({
      tab: 'listings',
      sort: 'sla',
      reason: undefined,
      targetType: undefined,
      claim: undefined,
      overdue: undefined,
      page: 1,
      item: undefined,
    });
  });

  it('ignores what it does not know instead of sending it', () => {
    expect(
      paramsFromSearch(new URLSearchParams('tab=all&sort=random()&claim=maybe&overdue=yes&page=-2')),
    ).toMatchObject({
      tab: 'listings',
      sort: 'sla',
      claim: undefined,
      overdue: undefined,
      page: 1,
    });
  });

  it('round-trips every setting', () => {
    const state = {
      tab: 'reports',
      sort: 'score',
      reason: 'safety',
      targetType: 'review',
      claim: 'unclaimed',
      overdue: false,
      page: 3,
      item: 'a16b726e-5561-4274-adfc-b0d72e3a0624',
    } as const;
    expect(paramsFromSearch(searchFromParams(state))).toEqual(state);
  });

  it('asks moderation_queue_page for one row more than a page, and only for set filters', () => {
    expect(queuePageArgs({ tab: 'mine', sort: 'age', page: 2, overdue: false }, null)).toEqual({
      p_tab: 'mine',
      p_sort: 'age',
      p_overdue: false,
      p_limit: PAGE_SIZE + 1,
      p_offset: PAGE_SIZE,
    });
    expect(queuePageArgs({ tab: 'listings', sort: 'sla', page: 1 }, 'tenant-1')).toMatchObject({
      p_tenant_id: 'tenant-1',
    });
  });
});

describe('claims', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  const live = { claimed_by: 'olivia', claim_expires_at: '2026-12-07T10:05:00Z' };
  const lapsed = { claimed_by: 'olivia', claim_expires_at: '2026-12-07T09:55:00Z' };
  it.each([
    ['a colleague’s live claim', live, 'sam', true, false],
    ['my live claim', live, 'olivia', false, true],
    ['a lapsed claim', lapsed, 'sam', false, false],
    ['no claim', { claimed_by: null, claim_expires_at: null }, 'sam', false, false],
  ])('%s', (_name, item, me, colleague, mine) => {
    expect(claimedByColleague(item, me, now)).toBe(colleague);
    expect(claimedByMe(item, me, now)).toBe(mine);
  });
});

describe('timeLeft', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  it.each([
    ['2026-12-07T10:00:42Z', '0m 42s left', false],
    ['2026-12-07T11:30:00Z', '1h 30m left', false],
    ['2026-12-09T13:00:00Z', '2d 3h left', false],
    ['2026-12-07T09:59:00Z', '1m 00s late', true],
    ['2026-12-07T10:00:00Z', '0m 00s late', true],
    ['2026-12-04T07:00:00Z', '3d 3h late', true],
  ])('due %s → %s', (due, text, overdue) => {
    expect(timeLeft(due, now)).toEqual({ text, overdue });
  });
});

describe('itemTitle', () => {
  const item = { target_type: 'message', target_id: '0123456789abcdef' } as ItemContext['item'];
  it.each([
    ['a listing by its title', { title: 'Leak repair' }, 'Leak repair'],
    ['a user by name', { name: 'Vic Newcomer' }, 'Vic Newcomer'],
    ['a booking by its code', { confirmation_code: 'LC-7QX2M4PA' }, 'Booking LC-7QX2M4PA'],
    ['an untitled review by what it is', { title: null }, 'message 01234567'],
    ['content gone since', null, 'message 01234567'],
  ])('%s', (_name, target, title) => {
    expect(itemTitle({ item, target })).toBe(title);
  });
});
