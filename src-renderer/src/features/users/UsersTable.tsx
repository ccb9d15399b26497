import { App, Button, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { ROLE_NOTES, ROLES, type Role, type UserView } from '@shared/domain/users';
import { api } from '../../api';

interface Props {
  users: UserView[];
  /** The signed-in administrator: their own row cannot be demoted, disabled or deleted. */
  self: string | undefined;
  /** Runs a change through useAction (its refusal shows above the table); resolves to the new list or undefined. */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  onReset: (name: string) => void;
  onChanged: () => void;
}

/** The accounts, each with its role, state and what a 管理员 may do to it. */
export function UsersTable({ users, self, run, onReset, onChanged }: Props) {
  const { message, modal } = App.useApp();

  async function change(action: () => Promise<UserView[]>, done: string) {
    if (!(await run(action))) return;
    message.success(done);
    onChanged();
  }

  function askRole(u: UserView, role: Role) {
    modal.confirm({
      title: `将「${u.name}」的角色由${u.role}改为${role}？`,
      content: `改后可做的事：${ROLE_NOTES[role]}。`,
      okText: '修改角色',
      cancelText: '取消',
      onOk: () => change(() => api()['users:set-role']({ name: u.name, role }), `已将「${u.name}」的角色改为${role}。`),
    });
  }

  return (
    <Table<UserView>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={users}
      scroll={{ y: 320 }}
      data-testid="users-table"
      columns={[
        { title: '用户名', dataIndex: 'name', width: 130, render: (n: string) => (n === self ? `${n}（本人）` : n) },
        {
          title: '角色',
          dataIndex: 'role',
          width: 110,
          render: (role: Role, u) => (
            <Select
              size="small"
              value={role}
              style={{ width: 90 }}
              disabled={u.name === self}
              options={ROLES.map((r) => ({ value: r, label: r }))}
              onChange={(r) => askRole(u, r)}
              data-testid={`role-${u.name}`}
            />
          ),
        },
        { title: '可做的事', dataIndex: 'role', key: 'note', render: (r: Role) => ROLE_NOTES[r] },
        { title: '状态', key: 'state', width: 80, render: (_: unknown, u) => <StateTag user={u} /> },
        {
          title: '操作',
          key: 'actions',
          width: 200,
          render: (_: unknown, u) => (
            <Space size={0}>
              <Button size="small" type="link" onClick={() => onReset(u.name)} data-testid={`reset-${u.name}`}>
                重置密码
              </Button>
              {u.name !== self && <StateActions user={u} change={change} />}
            </Space>
          ),
        },
      ]}
    />
  );
}

function StateActions({
  user: u,
  change,
}: {
  user: UserView;
  change: (action: () => Promise<UserView[]>, done: string) => Promise<void>;
}) {
  const name = u.name;
  return (
    <>
      {u.disabled ? (
        <Button
          size="small"
          type="link"
          onClick={() => change(() => api()['users:enable']({ name }), `已启用「${name}」，可以登录。`)}
          data-testid={`enable-${name}`}
        >
          启用
        </Button>
      ) : (
        <Popconfirm
          title={`停用「${name}」？`}
          description="停用后不能登录，姓名保留在操作日志和抽取记录中；可随时启用。"
          okText="停用"
          cancelText="取消"
          onConfirm={() => change(() => api()['users:disable']({ name }), `已停用「${name}」。`)}
        >
          <Button size="small" type="link" data-testid={`disable-${name}`}>
            停用
          </Button>
        </Popconfirm>
      )}
      {u.used ? (
        <Tooltip title="已有操作记录的用户不能删除，以免记录中的姓名无从查考；可停用。">
          <Button size="small" type="link" disabled data-testid={`delete-${name}`}>
            删除
          </Button>
        </Tooltip>
      ) : (
        <Popconfirm
          title={`删除「${name}」？`}
          description="此用户尚无任何操作记录，删除后不可恢复。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => change(() => api()['users:delete']({ name }), `已删除「${name}」。`)}
        >
          <Button size="small" type="link" danger data-testid={`delete-${name}`}>
            删除
          </Button>
        </Popconfirm>
      )}
    </>
  );
}

function StateTag({ user }: { user: UserView }) {
  if (user.disabled) return <Tag>已停用</Tag>;
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
  return locked ? <Tag color="red">已锁定</Tag> : <Tag color="green">正常</Tag>;
}
