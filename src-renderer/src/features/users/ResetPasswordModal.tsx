import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { api } from '../../api';
import { useModalForm } from '../../components/useModalForm';
import { newPasswordRules, repeatRule } from './passwordRules';

/** 重置密码 by the 管理员: sets a new password and unlocks the account. */
export function ResetPasswordModal({
  name,
  onClose,
  onDone,
}: {
  name?: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; repeat: string }>();
  const { error, modalProps } = useModalForm(
    form,
    (v) => (!name ? undefined : api()['users:reset-password']({ name, password: v.password })),
    () => {
      message.success(`已重置「${name}」的密码，账户如被锁定也已解锁。`);
      onDone();
      close();
    },
  );

  // What was typed goes with the closing: the form instance outlives the modal's content.
  function close() {
    form.resetFields();
    onClose();
  }

  return (
    <Modal title="重置密码" open={name !== undefined} onCancel={close} okText="重置" cancelText="取消" {...modalProps}>
      <Typography.Paragraph>为「{name}」设置新密码，请当面告知本人，并请其登录后自行修改。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="password" label="新密码" rules={newPasswordRules}>
          <Input.Password autoComplete="new-password" data-testid="reset-password" />
        </Form.Item>
        <Form.Item name="repeat" label="再输入一次" dependencies={['password']} rules={[repeatRule]}>
          <Input.Password autoComplete="new-password" data-testid="reset-repeat" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
