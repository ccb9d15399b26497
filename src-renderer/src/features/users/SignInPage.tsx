import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES } from '@shared/domain/users';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { filledRule } from '../../components/filledRule';

/** 登录: shown instead of the app once accounts exist and nobody is signed in. */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [form] = Form.useForm<{ name: string; password: string }>();
  const { run, busy, error } = useAction();

  async function signIn(values: { name: string; password: string }) {
    const session = await run(() => api()['users:sign-in'](values));
    if (session) onSignedIn();
    else form.setFieldValue('password', '');
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        background: '#f0f2f5',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <Card style={{ width: 400 }} data-testid="sign-in">
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }} data-testid="page-title">
          双随机一公开监管工作台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          请使用本人账户登录。
        </Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />
        )}
        <Form form={form} layout="vertical" onFinish={signIn} requiredMark={false}>
          <Form.Item name="name" label="用户名" rules={[filledRule('请填写用户名')]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="sign-in-name" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="sign-in-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in-submit">
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          连续 {LOCKOUT_ATTEMPTS} 次密码错误，账户将锁定 {LOCKOUT_MINUTES} 分钟。忘记密码请找管理员重置。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
