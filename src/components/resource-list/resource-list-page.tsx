import type { ResourceDef } from '../../resources/types';
import { ResourceList } from './resource-list';

// Mounted (lazily, behind the route guard) on every `/<table>` route; the registry entry
// decides everything else.
export default function ResourceListPage({ def }: { def: ResourceDef }) {
  // keyed, so filters, selection and column choices never leak from one table to the next
  return <ResourceList key={def.name} def={def} />;
}
