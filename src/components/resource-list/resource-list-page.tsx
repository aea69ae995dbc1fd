import { useResourceParams } from '@refinedev/core';
import { Result } from 'antd';
import { findResource } from '../../resources';
import { ResourceList } from './resource-list';

// Mounted (lazily) on every `/<table>` route; the registry entry decides everything else.
export default function ResourceListPage() {
  const { resource, identifier } = useResourceParams();
  const def = findResource(resource?.name ?? identifier);
  if (!def) {
    return <Result status="404" title="Unknown table" subTitle={`No registry entry for “${identifier ?? ''}”.`} />;
  }
  // keyed, so filters, selection and column choices never leak from one table to the next
  return <ResourceList key={def.name} def={def} />;
}
