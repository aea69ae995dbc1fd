import { EnvironmentFilled } from '@ant-design/icons';
import { theme, Typography } from 'antd';
import { Link } from 'react-router';

export const AppTitle = ({ collapsed }: { collapsed: boolean }) => {
  const { token } = theme.useToken();
  return (
    <Link
      to="/"
      aria-label="Loconomy Admin, dashboard"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 10 }}
    >
      <EnvironmentFilled style={{ fontSize: 22, color: token.colorPrimary }} />
      {collapsed ? null : (
        <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
          Loconomy Admin
        </Typography.Text>
      )}
    </Link>
  );
};
