import { useGetIdentity } from '@refinedev/core';
import { Spin } from 'antd';
import { lazy, type ReactNode } from 'react';
import type { StaffIdentity } from '../providers/identity';
import { Lazy } from './lazy-page';

const NotStaffPage = lazy(() => import('../pages/not-staff-page'));

// Customers and providers can hold valid sessions too; they get a clear answer, not a menu.
export function StaffOnly({ children }: { children: ReactNode }) {
  const { data: identity, isLoading } = useGetIdentity<StaffIdentity>();
  if (isLoading) return <Spin fullscreen />;
  if (!identity?.isStaff) {
    return (
      <Lazy>
        <NotStaffPage email={identity?.email} />
      </Lazy>
    );
  }
  return <>{children}</>;
}
