import { SafetyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../types';
import { ACCOUNT_SECURITY_PATH, TWO_FACTOR_CODE_PATH, TWO_FACTOR_ENROL_PATH } from './paths';

// A staff member's own second factor: the security page (from the account menu, not the side
// menu) and the two sign-in steps that come after the password.
export default defineFeature({
  name: 'account-security',
  label: 'Account security',
  icon: SafetyOutlined,
  menuOrder: false,
  routes: [
    { path: ACCOUNT_SECURITY_PATH, page: lazy(() => import('./account-security-page')) },
    { path: TWO_FACTOR_CODE_PATH, page: lazy(() => import('./two-factor-code-page')), area: 'sign-in' },
    { path: TWO_FACTOR_ENROL_PATH, page: lazy(() => import('./two-factor-enrol-page')), area: 'sign-in' },
  ],
});
