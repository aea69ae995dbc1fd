import { Spin } from 'antd';
import { Navigate } from 'react-router';
import { TWO_FACTOR_ENROL_PATH } from './paths';
import { TwoFactorCodeStep } from './two-factor-code-step';
import { useSignInStatus, useStatusFollowsVerification } from './use-two-factor';

// Only someone who still owes the code sees the step; anyone else goes on.
export default function TwoFactorCodePage() {
  const { data: status, isLoading } = useSignInStatus();
  useStatusFollowsVerification();
  if (isLoading) return <Spin fullscreen />;
  if (status && !status.needsCode) return <Navigate to={status.needsEnrolment ? TWO_FACTOR_ENROL_PATH : '/'} replace />;
  return <TwoFactorCodeStep />;
}
