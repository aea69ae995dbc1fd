import type { NotificationProvider } from '@refinedev/core';
import { App, Button } from 'antd';

// refine's notifications on antd's App-scoped API (themed, no static-method warnings), kept
// here instead of @refinedev/antd's so the first bundle does not carry that whole kit.
export function useNotificationProvider(): NotificationProvider {
  const { notification } = App.useApp();
  return {
    open: ({ key, message, description, type, undoableTimeout, cancelMutation }) => {
      if (type === 'progress') {
        notification.info({
          key,
          message,
          description,
          duration: undoableTimeout ?? 5,
          btn: cancelMutation ? (
            <Button
              size="small"
              onClick={() => {
                cancelMutation();
                if (key) notification.destroy(key);
              }}
            >
              Undo
            </Button>
          ) : undefined,
        });
        return;
      }
      const show = type === 'error' ? notification.error : notification.success;
      show({ key, message, description, duration: type === 'error' ? 8 : 4 });
    },
    close: (key) => notification.destroy(key),
  };
}
