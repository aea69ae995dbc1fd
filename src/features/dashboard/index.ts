import { DashboardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../types';

// Where every staff member lands: the queues their permissions cover, and bookings per day.
export default defineFeature({
  name: 'dashboard',
  label: 'Dashboard',
  icon: DashboardOutlined,
  menuOrder: 0,
  // every card asks the database, which answers NULL for a queue the caller may not see
  permission: undefined,
  routes: [{ path: '/', page: lazy(() => import('./dashboard-page')) }],
});
