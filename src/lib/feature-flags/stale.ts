// Why a flag looks done with, as public.feature_flag_stale_reason says in the database (the
// integration test feature-flags-sql-ts holds the two to the same answers): marked by a person,
// past its type's lifetime (Unleash's: release and experiment 40 days, operational 7), or settled
// at 0 % or 100 % (or off) for 14 days (GrowthBook's two weeks). A killed flag is not stale: it
// waits for a fix.

export const FLAG_TYPES = ['release', 'experiment', 'operational', 'kill-switch', 'permission'] as const;
export type FlagType = (typeof FLAG_TYPES)[number];

export const LIFETIME_DAYS: Record<FlagType, number | null> = {
  release: 40,
  experiment: 40,
  operational: 7,
  'kill-switch': null,
  permission: null,
};
export const SETTLED_DAYS = 14;

export type StaleReason = 'marked' | 'lifetime' | 'settled';

export interface StaleFacts {
  flag_type: string;
  kill_switch: boolean;
  is_enabled: boolean;
  rollout_percentage: number;
  created_at: string;
  rollout_changed_at: string | null;
  stale_marked_at: string | null;
}

const DAY_MS = 86_400_000;
const olderThan = (at: string | null, days: number, now: number) => at !== null && Date.parse(at) < now - days * DAY_MS;

export function staleReason(flag: StaleFacts, now: number = Date.now()): StaleReason | null {
  if (flag.kill_switch) return null;
  if (flag.stale_marked_at) return 'marked';
  const lifetime = LIFETIME_DAYS[flag.flag_type as FlagType] ?? null;
  if (lifetime !== null && olderThan(flag.created_at, lifetime, now)) return 'lifetime';
  const settled = !flag.is_enabled || flag.rollout_percentage === 0 || flag.rollout_percentage === 100;
  if (settled && lifetime !== null && olderThan(flag.rollout_changed_at, SETTLED_DAYS, now)) return 'settled';
  return null;
}

export const STALE_TEXT: Record<StaleReason, string> = {
  marked: 'Marked stale: its code path can be cleaned up',
  lifetime: 'Older than its type’s expected lifetime',
  settled: `At 0 % or 100 % (or off) for ${SETTLED_DAYS} days`,
};

export type FlagState = 'killed' | 'on' | 'off';
export function flagState(flag: Pick<StaleFacts, 'kill_switch' | 'is_enabled' | 'rollout_percentage'>): FlagState {
  if (flag.kill_switch) return 'killed';
  return flag.is_enabled && flag.rollout_percentage > 0 ? 'on' : 'off';
}
