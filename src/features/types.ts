import type { ComponentType, LazyExoticComponent } from 'react';
import type { PermissionRule } from '../resources/types';

// A workflow (a "workspace" in the menu) declares itself once, in `src/features/<name>/index.ts`:
// the app routes it, lists it in the menu and guards it from this object alone, the way
// react-admin's demo exports one definition per resource that `App` spreads.

/** What a page of a feature does, in the access control provider's words. */
export type FeatureAction = 'list' | 'show' | 'create' | 'edit';

export interface FeatureRoute {
  /** Absolute path (`/moderation`, `/moderation/:id`). */
  path: string;
  /** The page, loaded on demand so a feature adds nothing to the first download. */
  page: LazyExoticComponent<ComponentType>;
  /** Default 'list'. The access control provider answers `can(feature, action)`. */
  action?: FeatureAction;
  /** Overrides the feature's permission for this page (a detail page needing more). */
  permission?: PermissionRule;
  /**
   * Where the page is mounted: 'app' (default) inside the staff layout behind every sign-in
   * step; 'sign-in' for pages of a sign-in step (signed in, not yet through the steps).
   */
  area?: 'app' | 'sign-in';
}

export interface FeatureDef {
  /** The refine resource name; unique among features and tables. */
  name: string;
  /** Menu label and page title. */
  label: string;
  icon: ComponentType;
  /**
   * Place among the workspaces (ascending; the dashboard is 0). `false`: routed and guarded,
   * never in the menu (pages reached from elsewhere, like the account menu).
   */
  menuOrder: number | false;
  /** Who may open it. Undefined: every staff member. */
  permission?: PermissionRule;
  /** The first route is where the menu links (its action must be 'list'). */
  routes: [FeatureRoute, ...FeatureRoute[]];
}

/** Identity for type checking; a feature's index.ts exports `defineFeature({...})` as default. */
export function defineFeature(def: FeatureDef): FeatureDef {
  return def;
}
