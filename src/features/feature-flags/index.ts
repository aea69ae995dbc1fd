import { ExperimentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../types';
import { FLAG_READERS } from './flag';

// Where product managers roll flags out: the list with state, type and staleness, and a page per
// flag with rollout, variants, targeting, overrides, kill switch, history and a playground — every
// change previewed on the tenant's real users before it is saved with a reason.
export default defineFeature({
  name: 'feature-flag-workspace',
  label: 'Flag workspace',
  icon: ExperimentOutlined,
  menuOrder: 2,
  permission: FLAG_READERS,
  routes: [
    { path: '/feature-flags', page: lazy(() => import('./flags-page')) },
    { path: '/feature-flags/:id', page: lazy(() => import('./flag-page')), action: 'show' },
  ],
});
