import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { TWO_FACTOR_CODE_PATH, TWO_FACTOR_ENROL_PATH } from './paths';
import { useSignInStatus } from './use-two-factor';

// In front of the admin: a session that still owes its code goes to the code step, and staff
// of a tenant requiring two factors without one go to enrolment. The database refuses such a
// session its permissions anyway; this shows why instead of an empty admin.
export function TwoFactorGate({ children }: { children: ReactNode }) {
  const { data: status, isLoading, error } = useSignInStatus();
  const location = useLocation();
  if (isLoading) return <Spin fullscreen />;
  if (error || !status) return <>{children}</>;
  if (status.needsCode) return <Navigate to={TWO_FACTOR_CODE_PATH} replace />;
  if (status.needsEnrolment) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${TWO_FACTOR_ENROL_PATH}?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
