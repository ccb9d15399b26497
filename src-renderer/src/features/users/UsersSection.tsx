import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { useLocation } from 'react-router';
import { Alert, App, Button, Divider, Form, Input, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '@shared/domain/users';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { useApiCall } from '../../components/useApiCall';
import { useSession } from './session';
import { newPasswordRules, repeatRule } from './passwordRules';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UsersTable } from './UsersTable';
import { filledRule } from '../../components/filledRule';
import { ErrorAlert } from '../../components/ErrorAlert';

interface NewUser {
  name: string;
  role: Role;
  password: string;
  repeat: string;
}

/**
 * 用户管理 in 系统设置. Without accounts the program needs no sign-in; the first account is the 管理员, and from then
 * on everyone signs in. Only a 管理员 sees the list (main refuses it to the others).
 */
export function UsersSection() {
  const session = useSession();
  const admin = !session.usersExist || session.user?.role === '管理员';
  const ref = useRef<HTMLDivElement>(null);
  // 开始使用's 创建管理员 step links to /settings#users: the section is below the bureau's settings.
  const { hash } = useLocation();
  useEffect(() => {
    if (hash === '#users') ref.current?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <div ref={ref} data-testid="users-section" style={{ maxWidth: 920 }}>
      <Divider titlePlacement="start">用户管理</Divider>
      {!session.usersExist && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="尚未创建用户：现在无需登录即可使用本程序。"
          description="创建第一个用户（管理员）后，每次打开程序都要登录，每项操作记在登录的用户名下；承诺和封存须由监督员输入本人密码确认。"
        />
      )}
      {admin ? (
        <UserAdmin />
      ) : (
        <Typography.Paragraph type="secondary">
          用户由管理员创建和重置密码。修改本人密码请点右上角的“修改密码”。
        </Typography.Paragraph>
      )}
    </div>
  );
}

function UserAdmin() {
  const { message } = App.useApp();
  const session = useSession();
  const { data, error, reload } = useApiCall(() => api()['users:list']({}), [session.user?.name]);
  const [form] = Form.useForm<NewUser>();
  const { run, busy, error: actionError } = useAction();
  const [resetting, setResetting] = useState<string>();
  const first = !session.usersExist;

  async function create({ name, role, password }: NewUser) {
    if (!(await run(() => api()['users:create']({ name, role, password })))) return;
    message.success(first ? `已创建管理员「${name.trim()}」，并以此账户登录。` : `已创建用户「${name.trim()}」。`);
    form.resetFields();
    if (first) session.refresh();
    else reload();
  }

  return (
    <>
      <ErrorAlert title="无法读取用户" error={error} />
      {actionError && (
        <Alert type="error" showIcon title={actionError} style={{ marginBottom: 12 }} data-testid="user-error" />
      )}
      <Form
        form={form}
        layout="inline"
        onFinish={create}
        initialValues={{ role: first ? '管理员' : '操作员' }}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="name" rules={[filledRule('请填写用户名')]}>
          <Input placeholder="用户名（本人姓名）" style={{ width: 160 }} data-testid="user-name" />
        </Form.Item>
        <Form.Item name="role">
          <Select
            style={{ width: 110 }}
            disabled={first}
            options={ROLES.map((r) => ({ value: r, label: r }))}
            data-testid="user-role"
          />
        </Form.Item>
        <Form.Item name="password" rules={newPasswordRules}>
          <NewPassword placeholder="密码（至少 8 个字符）" width={190} testId="user-password" />
        </Form.Item>
        <Form.Item name="repeat" dependencies={['password']} rules={[repeatRule]}>
          <NewPassword placeholder="再输入一次" width={130} testId="user-repeat" />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="user-add">
          {first ? '创建管理员' : '添加用户'}
        </Button>
      </Form>
      {!first && (
        <UsersTable users={data ?? []} self={session.user?.name} run={run} onReset={setResetting} onChanged={reload} />
      )}
      <ResetPasswordModal name={resetting} onClose={() => setResetting(undefined)} onDone={reload} />
    </>
  );
}

/** A password being chosen, so the browser offers no saved one; the form item gives it its value. */
function NewPassword({
  width,
  testId,
  ...input
}: ComponentProps<typeof Input.Password> & { width: number; testId: string }) {
  return <Input.Password {...input} style={{ width }} autoComplete="new-password" data-testid={testId} />;
}
