import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { useSession } from './session';
import { ChangePasswordModal } from './ChangePasswordModal';

/** The header's signed-in user, with 修改密码 and 退出登录 (nothing while the program runs without accounts). */
export function UserBadge() {
  const session = useSession();
  const [changing, setChanging] = useState(false);
  if (!session.user) return null;
  return (
    <Space data-testid="user-badge">
      <Typography.Text>
        <UserOutlined /> {session.user.name}（{session.user.role}）
      </Typography.Text>
      <Button size="small" type="link" onClick={() => setChanging(true)} data-testid="change-password">
        修改密码
      </Button>
      <Button
        size="small"
        icon={<LogoutOutlined />}
        onClick={() => void api()['users:sign-out']({}).finally(session.refresh)}
        data-testid="sign-out"
      >
        退出登录
      </Button>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </Space>
  );
}
