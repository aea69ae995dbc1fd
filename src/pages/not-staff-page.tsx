import { useLogout } from '@refinedev/core';
import { Button, Result } from 'antd';

// Marketplace customers and providers can sign in to Supabase Auth with the same accounts;
// they get a plain answer instead of an empty admin.
export function NotStaffPage({ email }: { email?: string }) {
  const { mutate: logout } = useLogout();
  return (
    <Result
      status="403"
      title="This tool is for Loconomy staff"
      subTitle={`${email ?? 'This account'} is a marketplace account, not a staff account. Use the Loconomy app to book or offer services, or sign in with your staff account.`}
      extra={
        <Button type="primary" onClick={() => logout()}>
          Sign out
        </Button>
      }
    />
  );
}
export default NotStaffPage;
