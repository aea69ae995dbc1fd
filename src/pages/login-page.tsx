import { AuthPage } from '@refinedev/antd';
import { AppTitle } from '../components/app-title';

export const LoginPage = () => (
  <AuthPage
    type="login"
    title={<AppTitle collapsed={false} />}
    registerLink={false}
    rememberMe={false}
    formProps={{ initialValues: { email: '', password: '' } }}
  />
);

export const ForgotPasswordPage = () => <AuthPage type="forgotPassword" title={<AppTitle collapsed={false} />} />;
