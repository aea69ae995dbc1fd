import { useLogout } from '@refinedev/core';
import type { SupabaseClient } from '@supabase/supabase-js';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Space, Spin, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../../pages/login-page';
import { supabaseClient } from '../../providers/supabase-client';
import { CodeField } from './code-field';
import { groupedSecret, twoFactorErrorMessage } from './messages';
import { TWO_FACTOR_CODE_PATH } from './paths';
import { useSignInStatus, useTwoFactorChanged } from './use-two-factor';

const ISSUER = 'Loconomy Admin';

interface Enrolment {
  factorId: string;
  qrCode: string;
  secret: string;
}

// A new, unverified TOTP factor. Abandoned enrolments are removed first (an unverified factor
// needs no aal2 to remove), and the name must differ from the verified ones' (GoTrue refuses
// a duplicate friendly name).
async function startEnrolment(client: SupabaseClient): Promise<Enrolment> {
  const { data: factors, error: listError } = await client.auth.mfa.listFactors();
  if (listError) throw listError;
  for (const f of factors.all) {
    if (f.factor_type === 'totp' && f.status !== 'verified') await client.auth.mfa.unenroll({ factorId: f.id });
  }
  const taken = new Set(factors.totp.map((f) => f.friendly_name));
  let friendlyName = 'Authenticator app';
  for (let n = 2; taken.has(friendlyName); n++) friendlyName = `Authenticator app ${n}`;
  const { data, error } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName, issuer: ISSUER });
  if (error) throw error;
  return { factorId: data.id, qrCode: data.totp.qr_code, secret: data.totp.secret };
}

export function TwoFactorEnrolment({
  client = supabaseClient,
  next = '/',
  required,
}: {
  client?: SupabaseClient;
  next?: string;
  /** the tenant requires it and there is no factor yet: no way round it but signing out */
  required: boolean;
}) {
  const navigate = useNavigate();
  const changed = useTwoFactorChanged();
  const { mutate: logout } = useLogout();
  // a query, not an effect: StrictMode's second mount must not enrol a second factor
  const enrolment = useQuery({
    queryKey: ['two-factor', 'enrolment'],
    queryFn: () => startEnrolment(client),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const [refused, setRefused] = useState<string>();
  const [verifying, setVerifying] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  async function confirm({ code }: { code: string }) {
    if (!enrolment.data) return;
    setRefused(undefined);
    setVerifying(true);
    const { error } = await client.auth.mfa.challengeAndVerify({ factorId: enrolment.data.factorId, code });
    setVerifying(false);
    if (error) {
      setRefused(twoFactorErrorMessage(error));
      form.setFieldValue('code', '');
      return;
    }
    await changed();
    navigate(next, { replace: true });
  }

  return (
    <AuthCard title="Set up two-factor sign-in">
      <Typography.Paragraph type="secondary">
        {required ? 'Your organisation requires a second step when staff sign in. ' : ''}Add Loconomy Admin to an
        authenticator app (Google Authenticator, 1Password, Authy, …) on your phone.
      </Typography.Paragraph>
      {enrolment.isLoading ? (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin />
        </div>
      ) : enrolment.error ? (
        <Alert
          type="error"
          showIcon
          message="Could not start the set-up"
          description={twoFactorErrorMessage(enrolment.error as { code?: string; message: string })}
          action={<Button onClick={() => enrolment.refetch()}>Try again</Button>}
        />
      ) : enrolment.data ? (
        <>
          <Steps
            direction="vertical"
            size="small"
            current={-1}
            items={[
              {
                title: 'Scan this QR code with the app',
                description: (
                  <img
                    src={enrolment.data.qrCode}
                    alt="QR code to add Loconomy Admin to your authenticator app"
                    width={176}
                    height={176}
                    style={{ background: '#fff', padding: 8, borderRadius: 8, marginTop: 8 }}
                  />
                ),
              },
              {
                title: 'Or type this setup key into the app',
                description: (
                  <Typography.Text code copyable={{ text: enrolment.data.secret }} data-testid="totp-setup-key">
                    {groupedSecret(enrolment.data.secret)}
                  </Typography.Text>
                ),
              },
              { title: 'Enter the 6-digit code the app shows' },
            ]}
          />
          <Form<{ code: string }> form={form} layout="vertical" requiredMark={false} onFinish={confirm}>
            {refused ? (
              <Alert type="error" showIcon message={refused} style={{ marginBottom: 16 }} role="alert" />
            ) : null}
            <CodeField autoFocus={false} />
            <Button type="primary" htmlType="submit" size="large" block loading={verifying}>
              Confirm and continue
            </Button>
          </Form>
        </>
      ) : null}
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        <Space>
          {!required ? (
            <Button type="link" onClick={() => navigate(next)}>
              Cancel
            </Button>
          ) : null}
          <Button type="link" onClick={() => logout()}>
            Sign out
          </Button>
        </Space>
      </div>
    </AuthCard>
  );
}

// Reached from the gate (no factor yet) or from the security page (another app); someone who
// still owes the code of an existing factor gives that first (GoTrue: aal2 to add a second).
export default function TwoFactorEnrolPage() {
  const [params] = useSearchParams();
  const next = params.get('next');
  // only paths inside the app, never an address elsewhere
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const { data: status, isLoading } = useSignInStatus();
  if (isLoading) return <Spin fullscreen />;
  if (status?.needsCode) return <Navigate to={TWO_FACTOR_CODE_PATH} replace />;
  return <TwoFactorEnrolment next={safeNext} required={!!status?.needsEnrolment} />;
}
