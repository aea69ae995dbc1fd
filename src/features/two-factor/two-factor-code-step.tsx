import { useLogin, useLogout, useNotification } from '@refinedev/core';
import { Alert, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { AuthCard } from '../../pages/login-page';
import type { LoginParams } from '../../providers/auth-provider';
import { CodeField } from './code-field';

/**
 * The second sign-in step, a form of its own so the component tests drive it without a
 * Supabase client: the code goes to the auth provider's login, which verifies it.
 */
export function TwoFactorCodeStep() {
  const { mutate: login, isPending } = useLogin<LoginParams>();
  const { mutate: logout } = useLogout();
  const { close } = useNotification();
  const [refused, setRefused] = useState<string>();
  const [form] = Form.useForm<{ code: string }>();
  return (
    <AuthCard title="Two-factor sign-in">
      <Typography.Paragraph type="secondary">
        Open the authenticator app on your phone and enter the 6-digit code it shows for Loconomy Admin.
      </Typography.Paragraph>
      <Form<{ code: string }>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ code }) => {
          setRefused(undefined);
          login(
            { code },
            {
              onSuccess: (result) => {
                if (!result.success) {
                  // refine's login hook has just raised its own toast ("login-error"): the
                  // message stays beside the field instead, said once
                  close?.('login-error');
                  setRefused(result.error?.message ?? 'The code was not accepted.');
                  form.setFieldValue('code', '');
                }
              },
            },
          );
        }}
      >
        {refused ? <Alert type="error" showIcon message={refused} style={{ marginBottom: 16 }} role="alert" /> : null}
        <CodeField />
        <Button type="primary" htmlType="submit" size="large" block loading={isPending}>
          Verify
        </Button>
      </Form>
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        <Button type="link" onClick={() => logout()}>
          Use another account
        </Button>
      </div>
    </AuthCard>
  );
}
