import { lazy } from 'react';

// The generic table pages load on demand: the sign-in route carries no table code.
export const ResourceListPage = lazy(() => import('../components/resource-list/resource-list-page'));
export const ResourceShowPage = lazy(() => import('../components/resource-show/resource-show-page'));
export const ResourceFormPage = lazy(() => import('../components/resource-form/resource-form-page'));
