import { useList } from '@refinedev/core';

interface Template {
  code: string;
  label: string;
  target_types: string[];
}

/**
 * The labels of the tenant's active moderation reason templates for a kind of target (none
 * without one), offered as a reason argument's suggestions. Reads what the caller's RLS shows.
 */
export function useReasonTemplates(targetType: string | undefined): string[] {
  const { result } = useList<Template>({
    resource: 'moderation_reason_templates',
    filters: [{ field: 'active', operator: 'eq', value: true }],
    sorters: [{ field: 'label', order: 'asc' }],
    pagination: { mode: 'off' },
    errorNotification: false,
    queryOptions: { enabled: !!targetType },
  });
  if (!targetType) return [];
  return (result?.data ?? [])
    .filter((t) => t.target_types.includes(targetType) && t.code !== 'no_violation')
    .map((t) => t.label);
}
