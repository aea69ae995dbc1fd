import { useForgotPassword, useLogin } from '@refinedev/core';
import { Button, Card, Form, Input, Layout, Typography } from 'antd';
import { Link } from 'react-router';
import { AppTitle } from '../components/app-title';

// The sign-in pages are the first thing anyone loads, so they use antd directly rather than
// @refinedev/antd's AuthPage, which would pull the whole table/form kit into the first bundle.

interface Credentials {
  email: string;
  password: string;
}

const emailRules = [
  { required: true, message: 'Email is required' },
  { type: 'email' as const, message: 'Invalid email address' },
];

/** The sign-in pages' frame; the two-factor steps (features/two-factor) use it too. */
export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
      <div style={{ marginBottom: 24 }}>
        <AppTitle collapsed={false} />
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </Layout>
  );
}

export const LoginPage = () => {
  const { mutate: login, isPending } = useLogin<Credentials>();
  return (
    <AuthCard title="Sign in to your account">
      <Form<Credentials>
        layout="vertical"
        requiredMark={false}
        initialValues={{ email: '', password: '' }}
        onFinish={(values) => login(values)}
      >
        <Form.Item name="email" label="Email" rules={emailRules}>
          <Input type="email" autoComplete="username" size="large" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="Password" rules={[{ required: true, message: 'Password is required' }]}>
          <Input type="password" autoComplete="current-password" size="large" />
        </Form.Item>
        <div style={{ textAlign: 'right', marginTop: -8, marginBottom: 16 }}>
          <Link to="/forgot-password">Forgot password?</Link>
        </div>
        <Button type="primary" htmlType="submit" size="large" block loading={isPending}>
          Sign in
        </Button>
      </Form>
    </AuthCard>
  );
};

export const ForgotPasswordPage = () => {
  const { mutate: forgotPassword, isPending } = useForgotPassword<{ email: string }>();
  return (
    <AuthCard title="Forgot your password?">
      <Typography.Paragraph type="secondary">
        Enter your staff email address and we will send you a link to choose a new password.
      </Typography.Paragraph>
      <Form<{ email: string }> layout="vertical" requiredMark={false} onFinish={(values) => forgotPassword(values)}>
        <Form.Item name="email" label="Email" rules={emailRules}>
          <Input type="email" autoComplete="username" size="large" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={isPending}>
          Send reset link
        </Button>
      </Form>
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        <Link to="/login">Back to sign in</Link>
      </div>
    </AuthCard>
  );
};
