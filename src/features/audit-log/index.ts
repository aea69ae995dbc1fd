import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../types';

// Where staff read who did what, and prove it: the audit trail with actors by name, each entry's
// changes field by field, and a check of the hash chain over any period that names the first
// entry altered or removed.
export default defineFeature({
  name: 'audit-log-explorer',
  label: 'Audit explorer',
  icon: SafetyCertificateOutlined,
  menuOrder: 4,
  permission: 'audit.read',
  routes: [{ path: '/audit-log', page: lazy(() => import('./audit-log-page')) }],
});
