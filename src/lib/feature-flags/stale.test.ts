import { describe, expect, it } from 'vitest';
import { flagState, staleReason, type StaleFacts } from './stale';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();
const flag = (over: Partial<StaleFacts>): StaleFacts => ({
  flag_type: 'release',
  kill_switch: false,
  is_enabled: true,
  rollout_percentage: 30,
  created_at: daysAgo(5),
  rollout_changed_at: daysAgo(5),
  stale_marked_at: null,
  ...over,
});

describe('staleReason', () => {
  it.each([
    ['a young release in progress', {}, null],
    ['marked by a person', { stale_marked_at: daysAgo(1) }, 'marked'],
    ['a release past 40 days', { created_at: daysAgo(41) }, 'lifetime'],
    ['a release at 39 days', { created_at: daysAgo(39) }, null],
    ['an experiment past 40 days', { flag_type: 'experiment', created_at: daysAgo(41) }, 'lifetime'],
    ['an operational flag past 7 days', { flag_type: 'operational', created_at: daysAgo(8) }, 'lifetime'],
    ['a kill switch never ages', { flag_type: 'kill-switch', created_at: daysAgo(400) }, null],
    [
      'a permission at 100 % for months',
      { flag_type: 'permission', rollout_percentage: 100, rollout_changed_at: daysAgo(90) },
      null,
    ],
    ['at 100 % for 15 days', { rollout_percentage: 100, rollout_changed_at: daysAgo(15) }, 'settled'],
    ['at 0 % for 15 days', { rollout_percentage: 0, is_enabled: false, rollout_changed_at: daysAgo(15) }, 'settled'],
    ['off at 30 % for 15 days', { is_enabled: false, rollout_changed_at: daysAgo(15) }, 'settled'],
    ['at 100 % for 13 days', { rollout_percentage: 100, rollout_changed_at: daysAgo(13) }, null],
    ['killed, even when marked', { kill_switch: true, stale_marked_at: daysAgo(1), created_at: daysAgo(100) }, null],
  ] as const)('%s', (_, over, expected) => {
    expect(staleReason(flag(over), NOW)).toBe(expected);
  });
});

describe('flagState', () => {
  it('is killed before anything else, on only when enabled above 0 %', () => {
    expect(flagState({ kill_switch: true, is_enabled: true, rollout_percentage: 50 })).toBe('killed');
    expect(flagState({ kill_switch: false, is_enabled: true, rollout_percentage: 50 })).toBe('on');
    expect(flagState({ kill_switch: false, is_enabled: true, rollout_percentage: 0 })).toBe('off');
    expect(flagState({ kill_switch: false, is_enabled: false, rollout_percentage: 50 })).toBe('off');
  });
});
