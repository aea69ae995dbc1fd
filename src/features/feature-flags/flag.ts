import type { PermissionKey } from '../../resources/types';
import type { Tables } from '../../types/database';
import type { TargetingRules } from '../../lib/feature-flags/constraints';
import type { ConfigChange } from '../../lib/feature-flags/describe';
import type { Variant } from '../../lib/feature-flags/bucketing';

// The shapes the flag workspace reads from the database (rows and function answers).

export const FLAG_READERS: PermissionKey[] = ['feature_flags.read', 'feature_flags.manage'];

/** A feature_flags row as generated, with its JSON columns in the shapes the database checks. */
export type FlagRow = Omit<Tables<'feature_flags'>, 'variants' | 'targeting_rules'> & {
  variants: Variant[];
  targeting_rules: TargetingRules;
};

/** One row of public.feature_flag_history. */
export interface FlagVersion {
  version: number;
  changed_at: string;
  changed_by: string | null;
  changed_by_name: string | null;
  note: string | null;
  changes: ConfigChange[];
  config: {
    is_enabled: boolean;
    rollout_percentage: number;
    variants: Variant[];
    targeting_rules: TargetingRules;
    kill_switch: boolean;
    flag_type: string;
  };
}

export interface DimensionMove {
  value: string;
  entering: number;
  leaving: number;
}

/** The answer of public.preview_feature_flag_change. */
export interface FlagPreview {
  users: number;
  on_before: number;
  on_after: number;
  entering: number;
  leaving: number;
  by_role: DimensionMove[];
  by_region: DimensionMove[];
  by_city: DimensionMove[];
  variant_switches: { from: string | null; to: string | null; users: number }[];
}

/** What change_feature_flag takes; the keys a tab edits. */
export interface FlagChanges {
  rollout_percentage?: number;
  variants?: Variant[];
  targeting_rules?: TargetingRules;
  flag_type?: string;
}

/** One row of public.evaluate_feature_flags. */
export interface FlagEvaluationRow {
  key: string;
  enabled: boolean;
  variant: string | null;
  reason: string;
  details: Record<string, unknown> | null;
}

/** What every editing tab of the flag page gets. */
export interface TabProps {
  flag: FlagRow;
  version: number | undefined;
  canManage: boolean;
  onSaved: () => void;
}
