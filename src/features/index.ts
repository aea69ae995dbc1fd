import type { FeatureDef } from './types';

// Every `src/features/<name>/index.ts` is a feature: a new workflow is a new folder, with
// nothing to add here or in App. Its index.ts only declares (pages are lazy), so importing
// all of them eagerly costs the first download nothing.
const modules = import.meta.glob<{ default: FeatureDef }>('./*/index.ts', { eager: true });

export const features: FeatureDef[] = Object.entries(modules).map(([path, module]) => {
  if (!module.default) throw new Error(`${path} must export its feature definition as default`);
  return module.default;
});
