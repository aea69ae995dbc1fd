import { FundOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../types';

// Finance's workspace: the marketplace's money for a period, from GMV to net platform revenue,
// per currency, computed in the database from daily rollups.
export default defineFeature({
  name: 'finance',
  label: 'Money',
  icon: FundOutlined,
  menuOrder: 3,
  permission: 'finance.read',
  routes: [{ path: '/finance', page: lazy(() => import('./finance-page')) }],
});
