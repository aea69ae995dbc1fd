import { useList } from '@refinedev/core';
import { Form, Select } from 'antd';

interface Template {
  code: string;
  label: string;
  target_types: string[];
}

/**
 * The tenant's active moderation reason templates for a kind of target, as a starting point
 * for a reason: picking one writes its label, which the moderator completes. Reads the
 * templates the caller's RLS shows; none, and nothing is drawn.
 */
export function ReasonTemplatePicker({ targetType, onPick }: { targetType: string; onPick: (text: string) => void }) {
  const { result } = useList<Template>({
    resource: 'moderation_reason_templates',
    filters: [{ field: 'active', operator: 'eq', value: true }],
    sorters: [{ field: 'label', order: 'asc' }],
    pagination: { mode: 'off' },
    errorNotification: false,
  });
  const templates = (result?.data ?? []).filter(
    (t) => t.target_types.includes(targetType) && t.code !== 'no_violation',
  );
  if (templates.length === 0) return null;
  return (
    <Form.Item label="Reason template" extra="Fills in the reason; add what the record should say about this case.">
      <Select
        aria-label="Reason template"
        placeholder="Pick a template"
        allowClear
        options={templates.map((t) => ({ value: t.code, label: t.label }))}
        onChange={(code?: string) => {
          const picked = templates.find((t) => t.code === code);
          if (picked) onPick(`${picked.label}: `);
        }}
      />
    </Form.Item>
  );
}
