import { SafetyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../types';
import { MODERATORS } from './queue';

// The trust-and-safety queue: tabs of open items, the item in context beside them, decisions
// with reason templates, keyboard and bulk — on the model of the moderation migrations.
export default defineFeature({
  name: 'moderation',
  label: 'Moderation',
  icon: SafetyOutlined,
  menuOrder: 1,
  permission: MODERATORS,
  routes: [{ path: '/moderation', page: lazy(() => import('./moderation-page')) }],
});
