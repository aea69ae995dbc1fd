import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../../../src/features/types';

// A second workflow, declared the way any feature is: this folder and nothing else. The app
// shell tests add it to the real features to prove it is routed, listed and guarded.
export default defineFeature({
  name: 'payout-review',
  label: 'Payout review',
  icon: AuditOutlined,
  menuOrder: 10,
  permission: 'finance.reconcile',
  routes: [
    { path: '/payout-review', page: lazy(() => import('./payout-review-page')) },
    {
      path: '/payout-review/:id',
      page: lazy(() => import('./payout-review-page')),
      action: 'show',
      permission: ['finance.reconcile', 'audit.read'],
    },
  ],
});
