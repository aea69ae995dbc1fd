import { App as AntdApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { useColorMode } from '../providers/use-color-mode';
import { themeConfig } from '../theme';

/** antd's theme for the chosen colour mode, and its App context (message, modal, notification). */
export function Themed({ children }: { children: ReactNode }) {
  const { mode } = useColorMode();
  return (
    <ConfigProvider theme={themeConfig(mode)}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
