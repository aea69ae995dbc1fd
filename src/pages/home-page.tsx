import { useGetIdentity } from '@refinedev/core';
import { Card, Typography } from 'antd';

interface Identity {
  name?: string;
  email?: string;
}

export const HomePage = () => {
  const { data: identity } = useGetIdentity<Identity>();
  return (
    <Card>
      <Typography.Title level={3}>Loconomy Admin</Typography.Title>
      <Typography.Paragraph>Signed in as {identity?.name ?? identity?.email ?? '…'}.</Typography.Paragraph>
    </Card>
  );
};
