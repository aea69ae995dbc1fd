import { useRpcQuery } from '../../providers/use-rpc';
import { numeric, type BreakdownRow, type Dimension, type SeriesRow, type SummaryRow } from './figures';
import type { Period } from './period';

// The dashboard's three questions, each one database function under the caller's RLS; the
// browser adds nothing up.

function useMoney<T extends object>(fn: string, args: Record<string, unknown>) {
  const { query, data } = useRpcQuery<T[]>(fn, args, { keepPrevious: true });
  return { query, rows: (data ?? []).map((r) => numeric(r)) };
}

const scope = (tenantId: string | null) => (tenantId ? { p_tenant_id: tenantId } : {});

export const useSummary = (p: Period, tenantId: string | null) =>
  useMoney<SummaryRow>('finance_summary', { p_from: p.from, p_to: p.to, ...scope(tenantId) });

export const useSeries = (p: Period, interval: string, tenantId: string | null) =>
  useMoney<SeriesRow>('finance_series', { p_from: p.from, p_to: p.to, p_interval: interval, ...scope(tenantId) });

export const useBreakdown = (p: Period, dimension: Dimension, tenantId: string | null) =>
  useMoney<BreakdownRow>('finance_breakdown', {
    p_from: p.from,
    p_to: p.to,
    p_dimension: dimension,
    ...scope(tenantId),
  });
