import { Alert, Skeleton, Tabs } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useCanDo } from '../../providers/use-staff-permissions';
import { featureFlags as flagsDef } from '../../resources/feature-management';
import type { ResourceDef } from '../../resources/types';

const featureFlags = flagsDef as ResourceDef;
import { FlagHeader } from './flag-header';
import { HistoryTab } from './history-tab';
import { OverridesTab } from './overrides-tab';
import { PlaygroundTab } from './playground-tab';
import { RolloutTab } from './rollout-tab';
import { TargetingTab } from './targeting-tab';
import { useFlag, useFlagHistory } from './use-flag';
import { VariantsTab } from './variants-tab';

const TABS = ['rollout', 'variants', 'targeting', 'overrides', 'history', 'playground'] as const;

export default function FlagPage() {
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  const { flag, query } = useFlag(id);
  const history = useFlagHistory(id);
  const canManage = useCanDo(featureFlags, 'edit');
  const tab = TABS.find((t) => t === search.get('tab')) ?? 'rollout';

  if (query.error)
    return <Alert type="error" showIcon message={`This flag could not be loaded: ${query.error.message}`} />;
  if (!flag) return <Skeleton active />;
  const refresh = () => {
    void query.refetch();
    void history.query.refetch();
  };
  // drafts start again from what is saved whenever the flag changes (saved here or elsewhere)
  const saved = `${flag.id}:${flag.updated_at}:${history.current ?? 0}`;
  const props = { flag, version: history.current, canManage, onSaved: refresh };

  return (
    <>
      <FlagHeader flag={flag} latest={history.versions[0]} canManage={canManage} onChanged={refresh} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          { key: 'rollout', label: 'Rollout', children: <RolloutTab key={saved} {...props} /> },
          {
            key: 'variants',
            label: `Variants (${flag.variants.length})`,
            children: <VariantsTab key={saved} {...props} />,
          },
          {
            key: 'targeting',
            label: `Targeting (${(flag.targeting_rules.constraints?.length ?? 0) + (flag.targeting_rules.segments?.length ?? 0)})`,
            children: <TargetingTab key={saved} {...props} />,
          },
          { key: 'overrides', label: 'Overrides', children: <OverridesTab flag={flag} canManage={canManage} /> },
          {
            key: 'history',
            label: 'History',
            children: <HistoryTab flag={flag} versions={history.versions} canManage={canManage} onSaved={refresh} />,
          },
          { key: 'playground', label: 'Playground', children: <PlaygroundTab flag={flag} /> },
        ]}
      />
    </>
  );
}
