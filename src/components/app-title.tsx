import { EnvironmentFilled } from '@ant-design/icons';
import { ThemedTitle } from '@refinedev/antd';

export const AppTitle = ({ collapsed }: { collapsed: boolean }) => (
  <ThemedTitle collapsed={collapsed} text="Loconomy Admin" icon={<EnvironmentFilled />} />
);
