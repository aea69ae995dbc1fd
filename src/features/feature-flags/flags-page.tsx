import { Link } from '@refinedev/core';
import { Space, Tag, Typography } from 'antd';
import { ResourceList } from '../../components/resource-list/resource-list';
import type { ListRecord } from '../../components/resource-list/use-resource-table';
import { featureFlags as flagsDef } from '../../resources/feature-management';
import type { ResourceDef } from '../../resources/types';

// the State column says on, off or killed with the rollout in one tag; the columns it replaces
// stay in the column picker
const SHOWN_AS_STATE = new Set(['is_enabled', 'rollout_percentage', 'kill_switch', 'stale_marked_at', 'updated_at']);
const featureFlags: ResourceDef = {
  ...(flagsDef as ResourceDef),
  description:
    'Open a flag to roll it out with a preview on real users, edit its variants and rules, and read its history.',
  fields: (flagsDef as ResourceDef).fields.map((f) =>
    SHOWN_AS_STATE.has(f.name) ? { ...f, list: 'optional' as const } : f,
  ),
};
import type { FlagRow } from './flag';
import { StaleTag, StateTag } from './flag-tags';

const asFlag = (row: ListRecord) => row as unknown as FlagRow;

// The registry's flag list (filters, sort, bulk kill and mark-stale, export) with what a product
// manager scans for: state, variants and staleness, and the way into each flag's page.
export default function FlagsPage() {
  return (
    <ResourceList
      def={featureFlags}
      title="Flag workspace"
      extraColumns={[
        { key: 'state', title: 'State', render: (_, row) => <StateTag flag={asFlag(row)} /> },
        {
          key: 'variant-split',
          title: 'Variants',
          render: (_, row) => {
            const variants = asFlag(row).variants ?? [];
            return variants.length ? (
              <Space size={2} wrap>
                {variants.map((v) => (
                  <Tag key={v.key}>
                    {v.key} {v.weight}
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            );
          },
        },
        { key: 'stale', title: 'Stale', render: (_, row) => <StaleTag flag={asFlag(row)} /> },
      ]}
      rowActions={(row) => <Link to={`/feature-flags/${String(row.id)}`}>Open</Link>}
    />
  );
}
