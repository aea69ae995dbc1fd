import {
  ApiOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CommentOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  FileOutlined,
  FlagOutlined,
  GiftOutlined,
  ShopOutlined,
  StarOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { DomainKey } from './types';

// The menu groups, in menu order: the schema summary's domains.
export const domains: { key: DomainKey; label: string; icon: ComponentType }[] = [
  { key: 'identity', label: 'Identity', icon: TeamOutlined },
  { key: 'catalog', label: 'Catalog', icon: ShopOutlined },
  { key: 'scheduling', label: 'Scheduling', icon: CalendarOutlined },
  { key: 'reviews', label: 'Reviews & reports', icon: StarOutlined },
  { key: 'billing', label: 'Billing', icon: DollarOutlined },
  { key: 'referrals', label: 'Referral marketing', icon: GiftOutlined },
  { key: 'communication', label: 'Communication', icon: CommentOutlined },
  { key: 'geography', label: 'Geography', icon: EnvironmentOutlined },
  { key: 'analytics', label: 'Analytics', icon: BarChartOutlined },
  { key: 'files', label: 'Files', icon: FileOutlined },
  { key: 'integrations', label: 'Integrations', icon: ApiOutlined },
  { key: 'feature-management', label: 'Feature management', icon: FlagOutlined },
];
