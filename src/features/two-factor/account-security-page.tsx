import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Factor } from '@supabase/supabase-js';
import { App, Button, Card, List, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { supabaseClient } from '../../providers/supabase-client';
import { twoFactorErrorMessage } from './messages';
import { ACCOUNT_SECURITY_PATH, TWO_FACTOR_ENROL_PATH } from './paths';
import { useFactors, useSignInStatus, useTwoFactorChanged } from './use-two-factor';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

// The signed-in staff member's own authenticator apps: list, add, remove (Supabase Auth MFA).
export default function AccountSecurityPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const factors = useFactors();
  const status = useSignInStatus();
  const changed = useTwoFactorChanged();
  const [removing, setRemoving] = useState<string>();
  const verified = (factors.data ?? []).filter((f) => f.status === 'verified');
  const required = !!status.data?.required;

  async function remove(factor: Factor) {
    setRemoving(factor.id);
    const { error } = await supabaseClient.auth.mfa.unenroll({ factorId: factor.id });
    if (!error) {
      // the session drops to aal1 in the database at once; a fresh token says so too
      await supabaseClient.auth.refreshSession();
    }
    setRemoving(undefined);
    if (error) {
      message.error(twoFactorErrorMessage(error));
      return;
    }
    message.success(`${factor.friendly_name ?? 'Authenticator'} removed`);
    await changed();
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 760 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Account security
      </Typography.Title>
      <Card
        title={
          <Space>
            <SafetyCertificateOutlined />
            Two-factor sign-in
          </Space>
        }
        extra={
          <Button
            icon={<PlusOutlined />}
            onClick={() => navigate(`${TWO_FACTOR_ENROL_PATH}?next=${encodeURIComponent(ACCOUNT_SECURITY_PATH)}`)}
          >
            Add authenticator app
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          After your password, a 6-digit code from an authenticator app on your phone.{' '}
          {required ? 'Your organisation requires it for staff. ' : ''}
          {status.data?.currentLevel === 'aal2'
            ? 'This session was signed in with a code.'
            : 'This session was signed in with the password only.'}
        </Typography.Paragraph>
        {factors.isLoading ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : (
          <List<Factor>
            dataSource={verified}
            locale={{ emptyText: 'No authenticator app yet.' }}
            renderItem={(factor) => (
              <List.Item
                actions={[
                  <Popconfirm
                    key="remove"
                    title="Remove this authenticator app?"
                    description={
                      verified.length > 1
                        ? 'Its codes will no longer sign you in.'
                        : required
                          ? 'Your organisation requires a code: you will have to set up an app again before you can work.'
                          : 'Signing in will need only your password.'
                    }
                    okText="Remove"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(factor)}
                  >
                    <Button
                      danger
                      loading={removing === factor.id}
                      aria-label={`Remove ${factor.friendly_name ?? 'authenticator'}`}
                    >
                      Remove
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      {factor.friendly_name ?? 'Authenticator app'}
                      <Tag color="green">TOTP</Tag>
                    </Space>
                  }
                  description={`Added ${dateFormat.format(new Date(factor.created_at))}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
