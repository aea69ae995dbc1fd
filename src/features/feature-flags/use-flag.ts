import { useOne } from '@refinedev/core';
import { useEffect, useState } from 'react';
import { useRpcQuery } from '../../providers/use-rpc';
import type { FlagChanges, FlagPreview, FlagRow, FlagVersion } from './flag';

// The flag page's reads: the row, its history (whose newest version is what a change is made
// on) and the preview of a draft — each one request, the preview computed in SQL.

export function useFlag(id: string | undefined) {
  const { query } = useOne<FlagRow>({
    resource: 'feature_flags',
    id,
    queryOptions: { enabled: !!id },
    errorNotification: false,
  });
  return { query, flag: query.data?.data };
}

export function useFlagHistory(id: string | undefined) {
  const { query, data } = useRpcQuery<FlagVersion[]>('feature_flag_history', { p_flag_id: id }, { enabled: !!id });
  return { query, versions: data ?? [], current: data?.[0]?.version };
}

/** The value, once it has stopped changing for `ms` (a slider drag asks once, at the end). */
export function useSettled<T>(value: T, ms = 350): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useFlagPreview(flagId: string, changes: FlagChanges | null) {
  const settled = useSettled(changes);
  const fresh = settled === changes;
  const { query, data } = useRpcQuery<FlagPreview>(
    'preview_feature_flag_change',
    {
      p_flag_id: flagId,
      p_rollout_percentage: settled?.rollout_percentage ?? null,
      p_targeting_rules: settled?.targeting_rules ?? null,
      p_variants: settled?.variants ?? null,
    },
    { enabled: settled !== null },
  );
  return { query, preview: settled && fresh ? data : undefined, loading: !fresh || query.isFetching };
}
